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

/// Form is how a step's change is spelled. Plain unless the online pass
/// (plan/online.hpp) chose a strategy that holds locks for less time.
enum class Form {
  Plain,
  Concurrently,   // CreateIndex / DropIndex: ... INDEX CONCURRENTLY (outside any transaction)
  NotValid,       // AddCheck / AddForeignKey: ADD CONSTRAINT ... NOT VALID (no scan)
  Validate,       // AddCheck / AddForeignKey: ALTER TABLE ... VALIDATE CONSTRAINT
  ProvenNotNull,  // AlterTable of SET NOT NULLs that a validated check already proves
  KeyIndex,       // AddPrimaryKey / AddUnique: only its unique index, built CONCURRENTLY
  UsingIndex      // AddPrimaryKey / AddUnique: ADD CONSTRAINT ... USING INDEX (built before)
};

/// Step is one change in execution order, with its hazards (sorted, unique).
struct Step {
  diff::Change change;
  std::vector<Hazard> hazards;
  /// transactional is false for statements PostgreSQL refuses inside a
  /// transaction block (CREATE INDEX CONCURRENTLY). Every change of a plain
  /// plan can run in one (ALTER TYPE ... ADD VALUE can since PostgreSQL 12; see plan.cpp).
  bool transactional = true;
  /// unit groups the steps that run together, in increasing order: unit 0 is the
  /// main transaction; the transactional steps of a later unit run in a
  /// transaction of their own after the earlier units committed; a step that is
  /// not transactional is a unit by itself. A plain plan has only unit 0.
  std::size_t unit = 0;
  Form form = Form::Plain;
  /// helper marks a step the online pass added to carry out another (the
  /// proving check of a SET NOT NULL): shown, and counted as an alteration.
  bool helper = false;
  std::string summary;  // "create table public.users"
};

/// Plan is the ordered list of steps.
struct Plan {
  std::vector<Step> steps;
  bool empty() const { return steps.empty(); }
  /// units is the number of execution units (1 for a plain plan, 0 when empty).
  std::size_t units() const { return steps.empty() ? 0 : steps.back().unit + 1; }
};

/// plan orders changes by their dependencies (schemas and extensions, types,
/// tables with foreign keys between them, constraints, indexes; drops in reverse),
/// breaking cycles of foreign keys by adding or dropping them separately.
/// Ties are broken by object name, so the order is deterministic.
Plan plan(const diff::ChangeSet& changes, const ir::Catalog& current, const ir::Catalog& desired,
          base::Diagnostics& diags);

}  // namespace schemac::plan
