// schemac diff OLD NEW: the migration between two schema trees, no database.
#include "cli/app.hpp"
#include "cli/load.hpp"
#include "cli/pipeline.hpp"
#include "cli/plan_output.hpp"

namespace schemac::cli {
namespace {

ExitCode run_diff(const Args& args, Session& session) {
  if (args.positional.size() != 2) {
    session.diags.error(base::DiagKind::UsageError, std::nullopt,
                        "diff takes two paths: schemac diff OLD NEW");
    return session.fail(ExitCode::InvalidInput);
  }
  auto format = parse_plan_format(args.value("--format"), session.diags);
  if (!format) return session.fail(ExitCode::InvalidInput);
  LoadOptions old_options{session.config.root, session.config.default_schema, true};
  LoadOptions new_options{session.config.root, session.config.default_schema, false};
  auto old_side = load_schema({args.positional[0]}, old_options, session.sources, session.diags);
  auto new_side = load_schema({args.positional[1]}, new_options, session.sources, session.diags);
  if (!old_side || !new_side) return session.fail(ExitCode::InvalidInput);
  session.report();
  auto plan =
      make_plan(std::move(old_side->catalog), std::move(new_side->catalog), {}, session.diags);
  if (!plan) return session.fail(ExitCode::InvalidInput);
  session.report();
  return print_plan(*plan, *format, args, session.color_stdout);
}

}  // namespace

Command diff_command() {
  return {"diff", "the migration between two schema trees (files or directories), no database",
          "schemac diff [flags] OLD NEW", plan_output_flags(), &run_diff};
}

}  // namespace schemac::cli
