#include "cli/saved_plan.hpp"

#include <fstream>
#include <sstream>

#include "catalog/inspect.hpp"
#include "cli/app.hpp"
#include "cli/load.hpp"
#include "emit/database_state.hpp"
#include "emit/json.hpp"

namespace schemac::cli {
namespace fs = std::filesystem;

std::optional<fs::path> saved_plan_argument(const Args& args) {
  if (args.positional.size() != 1) return std::nullopt;
  const std::string& arg = args.positional.front();
  if (arg.size() < 5 || arg.compare(arg.size() - 5, 5, ".json") != 0) return std::nullopt;
  return fs::path(arg);
}

bool write_saved_plan(const fs::path& file, const emit::PlanDocument& doc, Session& session) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << emit::to_json(doc, kSchemacVersion);
  out.close();
  if (out) return true;
  session.diags.error(base::DiagKind::InvalidPlanFile, std::nullopt,
                      "cannot write the plan file " + file.string());
  return false;
}

std::optional<emit::PlanDocument> read_saved_plan(const fs::path& file, Session& session) {
  std::string name = display_path(file, session.config.root);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    session.diags.error(base::DiagKind::InvalidPlanFile, std::nullopt,
                        "cannot read the plan file " + name);
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string error;
  std::optional<emit::PlanDocument> doc = emit::from_json(text.str(), error);
  if (!doc) {
    session.diags.error(base::DiagKind::InvalidPlanFile, std::nullopt,
                        name + " is not a usable plan: " + error +
                            "; make a new one with `schemac plan --out " + name + "`");
    return std::nullopt;
  }
  if (!doc->database) {
    session.diags.error(base::DiagKind::InvalidPlanFile, std::nullopt,
                        name +
                            " was not made against a database (schemac diff); only a plan made "
                            "by `schemac plan --out` can be applied");
    return std::nullopt;
  }
  return doc;
}

bool verify_unchanged(catalog::Connection& conn, const emit::PlanDocument& plan, Session& session,
                      ExitCode& failure) {
  const emit::DatabaseState& then = *plan.database;
  auto current = catalog::inspect(conn, {then.schemas}, session.diags);
  if (!current) {
    failure = ExitCode::DatabaseError;
    return false;
  }
  emit::DatabaseState now = emit::database_state(*current, then.schemas);
  if (now.fingerprint == then.fingerprint) return true;
  std::vector<std::string> changes = emit::drift(then, now);
  base::Diagnostic& diag = session.diags.error(
      base::DiagKind::DatabaseChangedSincePlan, std::nullopt,
      "the database changed since the plan was made; nothing was applied. Make a new plan "
      "(schemac plan --out FILE) and review it");
  for (const std::string& change : changes) diag.notes.push_back({std::nullopt, change});
  failure = ExitCode::Refused;
  return false;
}

}  // namespace schemac::cli
