// schemac lint: the rules of src/lint over the schema files and, given a
// current state (--db or --from), over the changes that would make it.
#include <cstdio>

#include "cli/app.hpp"
#include "cli/lint_run.hpp"
#include "cli/pipeline.hpp"
#include "ir/normalize.hpp"

namespace schemac::cli {

LintRun lint_suppressions(const LoadedSchema& loaded, Session& session) {
  LintRun run;
  run.context.levels = session.config.lint_levels;
  run.context.sources = &session.sources;
  for (const dsl::ast::Comment& comment : loaded.comments) {
    if (comment.kind != dsl::ast::Comment::Kind::Line) continue;
    std::vector<std::string> unknown;
    auto rules = lint::parse_suppression(comment.text, unknown);
    for (const std::string& code : unknown)
      run.findings.warning(base::DiagKind::UnknownLintRule, comment.span,
                           "unknown lint rule '" + code + "' in a `lint: allow` comment");
    if (!rules) continue;
    std::uint32_t line = session.sources.line_col(comment.span.file, comment.span.begin).line;
    run.context.suppressions.push_back({comment.span.file, line, std::move(*rules)});
  }
  return run;
}

void lint_schema(LintRun& run, const ir::Catalog& normalized_desired) {
  lint::check_schema(normalized_desired, run.context, run.findings);
}

LintRun lint_desired(const LoadedSchema& loaded, Session& session) {
  LintRun run = lint_suppressions(loaded, session);
  ir::Catalog desired = loaded.catalog;
  ir::normalize(desired);
  lint_schema(run, desired);
  return run;
}

void lint_plan(LintRun& run, const plan::Plan& plan) {
  lint::check_plan(plan, run.context, run.findings);
}

bool report_lint(LintRun& run, Session& session) {
  bool errors = run.findings.has_errors();
  for (const base::Diagnostic& diag : run.findings.sorted()) session.diags.add(diag);
  run.findings.clear();
  session.report();
  return errors;
}

namespace {

// current_plan plans from the state --from or --db names to desired; nullopt
// (after reporting, with failure set) when that fails.
std::optional<plan::Plan> current_plan(const Args& args, const LoadedSchema& desired,
                                       Session& session, ExitCode& failure) {
  failure = ExitCode::InvalidInput;
  if (auto from = args.value("--from")) {
    LoadOptions options{session.config.root, session.config.default_schema, true};
    auto current = load_schema({*from}, options, session.sources, session.diags);
    if (!current) return std::nullopt;
    return make_plan(std::move(current->catalog), desired.catalog, {}, session.diags);
  }
  auto conn = connect(args, session, failure);
  if (!conn) return std::nullopt;
  return plan_against(*conn, desired.catalog, session, failure);
}

ExitCode run_lint(const Args& args, Session& session) {
  bool from_db = args.value("--db").has_value(), from_tree = args.value("--from").has_value();
  if (from_db && from_tree) {
    session.diags.error(base::DiagKind::UsageError, std::nullopt,
                        "lint takes --db or --from, not both");
    return session.fail(ExitCode::InvalidInput);
  }
  auto desired = load_desired(args, session, from_db ? kReadsDatabase : 0);
  if (!desired) return ExitCode::InvalidInput;
  LintRun run = lint_desired(*desired, session);
  if (from_db || from_tree) {
    ExitCode failure = ExitCode::InvalidInput;
    auto plan = current_plan(args, *desired, session, failure);
    if (!plan) return session.fail(failure);
    session.report();
    lint_plan(run, *plan);
  }
  std::size_t errors = run.findings.error_count(), warnings = run.findings.warning_count();
  bool failed = report_lint(run, session);
  std::printf("lint: %zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
              warnings == 1 ? "" : "s");
  return failed ? ExitCode::InvalidInput : ExitCode::Success;
}

}  // namespace

Command lint_command() {
  return {"lint",
          "check the schema files (and, with --db or --from, the changes) against lint rules",
          "schemac lint [flags] [PATHS...]",
          {{"--db", true, "also lint the changes from this database's state", "URL"},
           {"--from", true, "also lint the changes from this schema tree's state (no database)",
            "PATH"}},
          &run_lint};
}

}  // namespace schemac::cli
