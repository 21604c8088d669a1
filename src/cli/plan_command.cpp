// schemac plan: the migration from the live database to the schema files.
#include "cli/app.hpp"
#include "cli/early_inspect.hpp"
#include "cli/lint_run.hpp"
#include "cli/pipeline.hpp"
#include "cli/plan_output.hpp"
#include "cli/saved_plan.hpp"
#include "emit/database_state.hpp"

namespace schemac::cli {
namespace {

ExitCode run_plan(const Args& args, Session& session) {
  auto format = parse_plan_format(args.value("--format"), session.diags);
  if (!format) return session.fail(ExitCode::InvalidInput);
  // With the managed schemas configured, the database is read while the files
  // are parsed. They are parsed on one thread (kReadsDatabase).
  std::unique_ptr<EarlyInspect> early = EarlyInspect::start(args, session);
  auto desired = load_desired(args, session, kReadsDatabase);
  if (!desired) return ExitCode::InvalidInput;
  LintRun lint = lint_suppressions(*desired, session);
  ExitCode failure = ExitCode::Success;
  std::optional<ir::Catalog> current;
  auto conn = early ? early->finish(session, failure, current) : connect(args, session, failure);
  if (!conn) return session.fail(failure);
  std::vector<std::string> managed = managed_schemas(session.config, desired->catalog);
  // The database's state goes into a plan file only: keep a copy of it only then.
  const bool plan_file = args.value("--out") || *format == PlanFormat::Json;
  ir::Catalog inspected, normalized_desired;
  PlanKeep keep{plan_file ? &inspected : nullptr, &normalized_desired};
  auto plan = early ? plan_from(*conn, std::move(current), std::move(desired->catalog), session,
                                failure, keep)
                    : plan_against(*conn, std::move(desired->catalog), session, failure, keep);
  if (!plan) return failure;
  make_online_if_asked(*plan, args, session);
  lint_schema(lint, normalized_desired);
  lint_plan(lint, *plan);
  // Lint findings come before the plan; only rules configured as errors fail it.
  bool lint_failed = report_lint(lint, session);
  emit::PlanDocument doc = emit::document(*plan);
  if (plan_file) doc.database = emit::database_state(inspected, managed);
  if (auto out = args.value("--out"); out && !write_saved_plan(*out, doc, session))
    return session.fail(ExitCode::InvalidInput);
  ExitCode code = print_plan(doc, *format, args, session.color_stdout);
  return lint_failed ? ExitCode::InvalidInput : code;
}

}  // namespace

Command plan_command() {
  std::vector<FlagSpec> flags{
      {"--db", true, "database URL (default: schemac.toml, then DATABASE_URL)", "URL"},
      {"--online", false, "online-safe plan: concurrent indexes, NOT VALID then VALIDATE"},
      {"--allow-empty", false,
       "accept files that declare nothing (plans to drop every managed object)"}};
  for (FlagSpec& flag : plan_output_flags()) flags.push_back(flag);
  flags.push_back({"--out", true, "also save the plan for `schemac apply FILE` (JSON)", "FILE"});
  return {"plan", "show the migration that would make the database match the schema files",
          "schemac plan [flags] [PATHS...]", flags, &run_plan};
}

}  // namespace schemac::cli
