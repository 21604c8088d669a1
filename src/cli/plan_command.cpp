// schemac plan: the migration from the live database to the schema files.
#include "cli/app.hpp"
#include "cli/lint_run.hpp"
#include "cli/pipeline.hpp"
#include "cli/plan_output.hpp"

namespace schemac::cli {
namespace {

ExitCode run_plan(const Args& args, Session& session) {
  auto format = parse_plan_format(args.value("--format"), session.diags);
  if (!format) return session.fail(ExitCode::InvalidInput);
  auto desired = load_desired(args, session);
  if (!desired) return ExitCode::InvalidInput;
  LintRun lint = lint_desired(*desired, session);
  ExitCode failure = ExitCode::Success;
  auto conn = connect(args, session, failure);
  if (!conn) return session.fail(failure);
  auto plan = plan_against(*conn, std::move(desired->catalog), session, failure);
  if (!plan) return failure;
  lint_plan(lint, *plan);
  // Lint findings come before the plan; only rules configured as errors fail it.
  bool lint_failed = report_lint(lint, session);
  ExitCode code = print_plan(*plan, *format, args, session.color_stdout);
  return lint_failed ? ExitCode::InvalidInput : code;
}

}  // namespace

Command plan_command() {
  std::vector<FlagSpec> flags{
      {"--db", true, "database URL (default: schemac.toml, then DATABASE_URL)", "URL"}};
  for (FlagSpec& flag : plan_output_flags()) flags.push_back(flag);
  return {"plan", "show the migration that would make the database match the schema files",
          "schemac plan [flags] [PATHS...]", flags, &run_plan};
}

}  // namespace schemac::cli
