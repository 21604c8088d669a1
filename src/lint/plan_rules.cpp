// Rules over the changes of a plan: L006. They need the current state, so they
// run only when there is one (a database, or `lint --from`).
#include <algorithm>

#include "base/quote.hpp"
#include "lint/lint.hpp"
#include "lint/report.hpp"
#include "plan/describe.hpp"

namespace schemac::lint {
namespace {

// A nullable column added with a default the planner flags as rewriting the
// table (identity and generated columns aside) has a volatile default.
bool adds_volatile_default(const diff::ColumnAction& action) {
  const auto* add = std::get_if<diff::AddColumn>(&action);
  if (!add) return false;
  const ir::Column& column = add->column;
  if (column.not_null || !column.default_expr || column.generated_expr ||
      column.identity != ir::IdentityKind::None)
    return false;
  std::vector<plan::Hazard> hazards = plan::action_hazards(action);
  return std::find(hazards.begin(), hazards.end(), plan::Hazard::RewritesTable) != hazards.end();
}

void check_alter_table(const diff::AlterTable& alter, Reporter& out) {
  for (const diff::ColumnAction& action : alter.actions) {
    if (!adds_volatile_default(action)) continue;
    const ir::Column& column = std::get<diff::AddColumn>(action).column;
    out.report(base::DiagKind::LintVolatileDefaultOnAddedColumn,
               column.provenance.name_span ? column.provenance.name_span : column.provenance.span,
               "column " + base::quote_ident(column.name) + " is added to the existing table " +
                   table_display(alter.table) + " with the volatile default " +
                   *column.default_expr +
                   ": PostgreSQL computes it for every row, rewriting the table under an ACCESS "
                   "EXCLUSIVE lock; add the column without a default, then set the default and "
                   "fill existing rows in batches");
  }
}

}  // namespace

void check_plan(const plan::Plan& plan, const Context& context, base::Diagnostics& diags) {
  Reporter out(context, diags);
  if (!out.enabled(base::DiagKind::LintVolatileDefaultOnAddedColumn)) return;
  for (const plan::Step& step : plan.steps)
    if (const auto* alter = std::get_if<diff::AlterTable>(&step.change))
      check_alter_table(*alter, out);
}

}  // namespace schemac::lint
