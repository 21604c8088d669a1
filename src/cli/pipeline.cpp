#include "cli/pipeline.hpp"

#include "catalog/canonicalize.hpp"
#include "catalog/inspect.hpp"
#include "diff/diff.hpp"
#include "ir/normalize.hpp"
#include "plan/online.hpp"

namespace schemac::cli {

std::optional<plan::Plan> make_plan(ir::Catalog current, ir::Catalog desired,
                                    const std::vector<std::string>& managed,
                                    base::Diagnostics& diags) {
  ir::normalize(current);
  const ir::Catalog written = desired;  // expressions as written, for the SQL
  ir::normalize(desired);
  std::size_t errors_before = diags.error_count();
  diff::DiffOptions options;
  options.managed_schemas = managed;
  diff::ChangeSet changes = diff::diff(current, desired, options, diags);
  diff::restore_written(changes, written);
  if (diags.error_count() > errors_before) return std::nullopt;
  plan::Plan result = plan::plan(changes, current, desired, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  return result;
}

std::optional<LoadedSchema> load_desired(const Args& args, Session& session) {
  LoadOptions options{session.config.root, session.config.default_schema, false};
  auto desired =
      load_schema(schema_paths_from(args, session.config), options, session.sources, session.diags);
  session.report();  // errors, or warnings before the plan
  return desired;
}

std::optional<plan::Plan> plan_against(catalog::Connection& conn, ir::Catalog desired,
                                       Session& session, ExitCode& failure,
                                       ir::Catalog* inspected) {
  std::vector<std::string> managed = managed_schemas(session.config, desired);
  auto current = catalog::inspect(conn, {managed}, session.diags);
  if (current && inspected) *inspected = *current;
  // View queries, checks, defaults and index and generation expressions are
  // compared as PostgreSQL prints them (catalog/canonicalize.hpp).
  if (!current || !catalog::canonicalize_views(conn, desired, session.diags) ||
      !catalog::canonicalize_expressions(conn, *current, desired, session.diags)) {
    failure = ExitCode::DatabaseError;
    return std::nullopt;
  }
  auto plan = make_plan(std::move(*current), std::move(desired), managed, session.diags);
  if (!plan) failure = ExitCode::InvalidInput;
  session.report();
  return plan;
}

void make_online_if_asked(plan::Plan& plan, const Args& args, const Session& session) {
  if (args.has("--online") || session.config.online) plan::make_online(plan);
}

}  // namespace schemac::cli
