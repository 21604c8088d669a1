// diff/diff: compares two normalized catalogs and returns the changes that turn
// the current one into the desired one. Identity is by qualified name, with
// `renamed from` hints turning drop + create into a rename. Depends on ir only.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "diff/change.hpp"
#include "ir/catalog.hpp"

namespace schemac::diff {

/// DiffOptions limits what is compared.
struct DiffOptions {
  /// managed_schemas are the schemas compared; empty: every schema of either side.
  /// A schema outside them is neither created, altered nor dropped.
  std::vector<std::string> managed_schemas;
};

/// ChangeSet is the unordered result of a diff (deterministic, but not in
/// execution order: plan::plan orders it).
struct ChangeSet {
  std::vector<Change> changes;
  bool empty() const { return changes.empty(); }
};

/// diff returns the changes from current to desired. Both catalogs must have been
/// through ir::normalize, so plain == compares types and expressions. Changes it
/// cannot plan safely (removing enum values, conflicting rename hints) are
/// reported as errors in diags and left out.
ChangeSet diff(const ir::Catalog& current, const ir::Catalog& desired, const DiffOptions& options,
               base::Diagnostics& diags);

/// restore_written puts back, in every change that carries an expression to
/// run (defaults, generation expressions, checks, index keys and predicates,
/// domain defaults and checks), the text of `written`: the desired catalog as
/// lowered or inspected, before ir::normalize. Normalised text is for
/// comparing; it may have lost a cast or parentheses that matter when parsed again.
void restore_written(ChangeSet& changes, const ir::Catalog& written);

/// written_texts is what restore_written reads of a catalog not yet normalised,
/// and nothing else: its schemas, tables and domains by name, with only the
/// columns, checks and indexes that hold an expression, and of those only the
/// names and expressions. Kept instead of a copy of the whole desired catalog
/// (at 10,000 tables a tenth of diff+plan).
ir::Catalog written_texts(const ir::Catalog& catalog);

}  // namespace schemac::diff
