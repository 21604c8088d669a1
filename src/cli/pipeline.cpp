#include "cli/pipeline.hpp"

#include "catalog/canonicalize.hpp"
#include "catalog/inspect.hpp"
#include "cli/timings.hpp"
#include "diff/diff.hpp"
#include "ir/normalize.hpp"
#include "plan/online.hpp"

namespace schemac::cli {

std::optional<plan::Plan> make_plan(ir::Catalog current, ir::Catalog desired,
                                    const std::vector<std::string>& managed,
                                    base::Diagnostics& diags, ir::Catalog* normalized_desired) {
  ir::normalize(current);
  const ir::Catalog written = diff::written_texts(desired);  // expressions as written, for the SQL
  ir::normalize(desired);
  std::size_t errors_before = diags.error_count();
  diff::DiffOptions options;
  options.managed_schemas = managed;
  diff::ChangeSet changes = diff::diff(current, desired, options, diags);
  diff::restore_written(changes, written);
  if (diags.error_count() > errors_before) return std::nullopt;
  plan::Plan result = plan::plan(changes, current, desired, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  if (normalized_desired) *normalized_desired = std::move(desired);
  return result;
}

std::optional<LoadedSchema> load_desired(const Args& args, Session& session, std::size_t threads) {
  // --allow-empty: an empty desired state is meant (drop every managed object).
  LoadOptions options{session.config.root, session.config.default_schema, args.has("--allow-empty"),
                      threads};
  auto desired =
      load_schema(schema_paths_from(args, session.config), options, session.sources, session.diags);
  session.report();  // errors, or warnings before the plan
  return desired;
}

std::optional<ir::Catalog> inspect_managed(catalog::Connection& conn,
                                           const std::vector<std::string>& managed,
                                           base::Diagnostics& diags) {
  timings::Phase phase("inspect");
  catalog::InspectStats stats;
  std::optional<ir::Catalog> current = catalog::inspect(conn, {managed}, diags, &stats);
  timings::add("catalog_queries", stats.queries);
  return current;
}

std::optional<plan::Plan> plan_against(catalog::Connection& conn, ir::Catalog desired,
                                       Session& session, ExitCode& failure, PlanKeep keep) {
  std::optional<ir::Catalog> current =
      inspect_managed(conn, managed_schemas(session.config, desired), session.diags);
  return plan_from(conn, std::move(current), std::move(desired), session, failure, keep);
}

std::optional<plan::Plan> plan_from(catalog::Connection& conn, std::optional<ir::Catalog> current,
                                    ir::Catalog desired, Session& session, ExitCode& failure,
                                    PlanKeep keep) {
  std::vector<std::string> managed = managed_schemas(session.config, desired);
  if (current && keep.inspected) *keep.inspected = *current;
  // View queries, checks, defaults and index and generation expressions are
  // compared as PostgreSQL prints them (catalog/canonicalize.hpp).
  bool canonical = false;
  if (current) {
    timings::Phase phase("canonicalize");
    catalog::ViewStats view_stats;
    catalog::ExpressionStats expression_stats;
    canonical = catalog::canonicalize_views(conn, desired, session.diags, &view_stats) &&
                catalog::canonicalize_expressions(conn, *current, desired, session.diags,
                                                  &expression_stats);
    timings::add("catalog_queries", view_stats.queries + expression_stats.queries);
  }
  if (!canonical) {
    failure = ExitCode::DatabaseError;
    return std::nullopt;
  }
  std::optional<plan::Plan> plan;
  {
    timings::Phase phase("diff_plan");
    plan = make_plan(std::move(*current), std::move(desired), managed, session.diags,
                     keep.normalized_desired);
  }
  if (!plan) failure = ExitCode::InvalidInput;
  session.report();
  return plan;
}

void make_online_if_asked(plan::Plan& plan, const Args& args, const Session& session) {
  if (args.has("--online") || session.config.online) plan::make_online(plan);
}

}  // namespace schemac::cli
