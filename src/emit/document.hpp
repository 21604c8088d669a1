// emit/document: a plan as every output format shows it: its steps, each with a
// summary, hazards, the lines a person reads and the SQL statements, plus (for a
// plan made against a database) the state of that database. Made from a
// plan::Plan, or read back from a saved plan file (emit/json.hpp), so `apply
// plan.json` shows and runs exactly what `plan` printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "emit/sql.hpp"
#include "plan/describe.hpp"
#include "plan/plan.hpp"

namespace schemac::emit {

/// DocumentStep is one plan step.
struct DocumentStep {
  std::string summary;  // "drop column public.users.legacy"
  plan::Verb verb = plan::Verb::Alter;
  std::vector<plan::Hazard> hazards;  // sorted, unique
  std::vector<plan::Line> changes;    // one per column action of an ALTER TABLE, else one
  std::vector<Statement> statements;  // the SQL, in order
  /// unit and transactional as plan::Step has them: how the step runs (online mode).
  std::size_t unit = 0;
  bool transactional = true;
};

/// DatabaseObject is one object of an inspected database: a key such as
/// `table public.users` and the lines describing it (the first is the object
/// itself, the others its columns, constraints and indexes).
struct DatabaseObject {
  std::string key;
  std::vector<std::string> lines;
};

/// DatabaseState identifies the database a plan was made against. The
/// fingerprint is the SHA-256 of the objects; it does not depend on OIDs, on
/// the rows the tables hold, or on the order the catalog returned things in.
struct DatabaseState {
  std::vector<std::string> schemas;  // the managed schemas that were inspected
  std::vector<DatabaseObject> objects;
  std::string fingerprint;  // "sha256:<64 hex digits>"
};

struct PlanDocument {
  std::vector<DocumentStep> steps;
  std::optional<DatabaseState> database;  // empty for `schemac diff`
  bool between_schemas = false;           // `schemac diff`: two schema trees, no database
  bool empty() const { return steps.empty(); }
  /// units is the number of execution units (1 for a plain plan, 0 when empty).
  std::size_t units() const { return steps.empty() ? 0 : steps.back().unit + 1; }
};

/// ChangeCounts are the numbers of the summary line "3 to create, 1 to alter, 1 to drop".
struct ChangeCounts {
  int create = 0;
  int alter = 0;
  int drop = 0;
};

/// document renders each step of plan (its lines, its statements).
PlanDocument document(const plan::Plan& plan);

/// count_changes counts the lines of every step by verb.
ChangeCounts count_changes(const PlanDocument& doc);

/// no_changes_sentence is what an empty plan says: "No changes. The database
/// matches the schema." (or, between two schema trees, "... The schemas match.").
std::string no_changes_sentence(const PlanDocument& doc);

/// hazards_in lists the hazards any step carries, in the stable order of plan::kAllHazards.
std::vector<plan::Hazard> hazards_in(const PlanDocument& doc);

/// hazard_list renders "deletes-data, may-fail".
std::string hazard_list(const std::vector<plan::Hazard>& hazards);

}  // namespace schemac::emit
