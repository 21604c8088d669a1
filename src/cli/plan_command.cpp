// schemac plan: the migration from the live database to the schema files.
#include <cstdio>

#include "catalog/inspect.hpp"
#include "cli/app.hpp"
#include "cli/load.hpp"
#include "cli/pipeline.hpp"
#include "cli/plan_output.hpp"

namespace schemac::cli {
namespace {

ExitCode run_plan(const Args& args, Session& session) {
  auto format = parse_plan_format(args.value("--format"), session.diags);
  if (!format) return session.fail(ExitCode::InvalidInput);
  LoadOptions options{session.config.root, session.config.default_schema, false};
  auto desired = load_schema(schema_paths_from(args, session.config), options, session.sources,
                             session.diags);
  if (!desired) return session.fail(ExitCode::InvalidInput);
  session.report();  // warnings before the plan

  ExitCode failure = ExitCode::Success;
  auto conn = connect(args, session, failure);
  if (!conn) return session.fail(failure);
  std::vector<std::string> managed = managed_schemas(session.config, desired->catalog);
  auto current = catalog::inspect(*conn, {managed}, session.diags);
  if (!current) return session.fail(ExitCode::DatabaseError);
  auto plan = make_plan(std::move(*current), std::move(desired->catalog), managed, session.diags);
  if (!plan) return session.fail(ExitCode::InvalidInput);
  session.report();
  std::fputs(render_plan(*plan, *format, session.color_stdout).c_str(), stdout);
  if (args.has("--exit-code") && !plan->empty()) return ExitCode::ChangesPending;
  return ExitCode::Success;
}

}  // namespace

Command plan_command() {
  return {"plan",
          "show the migration that would make the database match the schema files",
          "schemac plan [flags] [PATHS...]",
          {
              {"--db", true, "database URL (default: schemac.toml, then DATABASE_URL)", "URL"},
              {"--format", true, "text (summary and SQL) or sql", "FORMAT"},
              {"--exit-code", false, "exit 2 when changes are pending"},
          },
          &run_plan};
}

}  // namespace schemac::cli
