// plan/plan: orders a diff's changes into executable steps and attaches the
// hazards of each. Knows nothing of SQL text (emit) or connections (catalog).
// Depends on ir and diff.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "diff/change.hpp"
#include "diff/diff.hpp"
#include "ir/catalog.hpp"

namespace schemac::plan {

/// Hazard is a risk a step carries; listed in every output format.
enum class Hazard {
  DeletesData,
  RewritesTable,
  BlocksWrites,
  BlocksReads,
  MayFail,
  ExtensionUpgrade
};

/// hazard_name is the stable kebab-case name: "deletes-data", "rewrites-table", ...
std::string_view hazard_name(Hazard hazard);
/// hazard_from_name is the inverse of hazard_name; nullopt for an unknown name.
std::optional<Hazard> hazard_from_name(std::string_view name);
/// kAllHazards lists every hazard in its stable order.
inline constexpr Hazard kAllHazards[] = {Hazard::DeletesData,  Hazard::RewritesTable,
                                         Hazard::BlocksWrites, Hazard::BlocksReads,
                                         Hazard::MayFail,      Hazard::ExtensionUpgrade};

/// Step is one change in execution order, with its hazards (sorted, unique).
struct Step {
  diff::Change change;
  std::vector<Hazard> hazards;
  /// transactional is false for statements PostgreSQL refuses inside a
  /// transaction block. Every change schemac plans today can run in one
  /// (ALTER TYPE ... ADD VALUE can since PostgreSQL 12; see plan.cpp).
  bool transactional = true;
  std::string summary;  // "create table public.users"
};

/// Plan is the ordered list of steps.
struct Plan {
  std::vector<Step> steps;
  bool empty() const { return steps.empty(); }
};

/// plan orders changes by their dependencies (schemas and extensions, types,
/// tables with foreign keys between them, constraints, indexes; drops in reverse),
/// breaking cycles of foreign keys by adding or dropping them separately.
/// Ties are broken by object name, so the order is deterministic.
Plan plan(const diff::ChangeSet& changes, const ir::Catalog& current, const ir::Catalog& desired,
          base::Diagnostics& diags);

}  // namespace schemac::plan
