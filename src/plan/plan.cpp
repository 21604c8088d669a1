// Planning: break foreign-key cycles, order by dependencies, attach hazards.
//
// ALTER TYPE ... ADD VALUE: since PostgreSQL 12 it runs inside a transaction
// block, so its steps stay transactional and are ordered before every table
// change. What PostgreSQL still refuses is *using* the new value in the same
// transaction (a default 'new'::kind fails with "unsafe use of new value"). The
// executor runs non-transactional statements after the transaction, which would
// be too late, so instead of marking the step we warn (W0507): apply twice, or
// add the value in a separate apply first.
#include "plan/plan.hpp"

#include <set>

#include "base/quote.hpp"
#include "plan/describe.hpp"
#include "plan/order.hpp"

namespace schemac::plan {
namespace {

using namespace diff;

// The table a constraint or index change applies to, if any.
std::optional<QualifiedName> constrained_table(const Change& change) {
  return std::visit(
      Overloaded{
          [](const AddPrimaryKey& c) -> std::optional<QualifiedName> { return c.table; },
          [](const AddUnique& c) -> std::optional<QualifiedName> { return c.table; },
          [](const AddCheck& c) -> std::optional<QualifiedName> { return c.table; },
          [](const AddForeignKey& c) -> std::optional<QualifiedName> { return c.table; },
          [](const CreateIndex& c) -> std::optional<QualifiedName> { return c.table; },
          [](const auto&) -> std::optional<QualifiedName> { return std::nullopt; },
      },
      change);
}

bool default_uses(const ir::Column& column, const QualifiedName& enum_name,
                  const std::string& literal) {
  return column.type.schema == enum_name.schema && column.type.name == enum_name.name &&
         column.default_expr && column.default_expr->find(literal) != std::string::npos;
}

// True when a step sets a default of the enum's type that spells the new value.
bool step_uses_value(const Change& change, const ir::Catalog& desired,
                     const QualifiedName& enum_name, const std::string& literal) {
  if (const auto* create = std::get_if<CreateTable>(&change)) {
    for (const ir::Column& c : create->table.columns)
      if (default_uses(c, enum_name, literal)) return true;
    return false;
  }
  const auto* alter = std::get_if<AlterTable>(&change);
  const ir::Table* table = alter ? ir::find_table(desired, alter->table) : nullptr;
  if (!table) return false;
  for (const ColumnAction& action : alter->actions) {
    std::string column;
    if (const auto* add = std::get_if<AddColumn>(&action)) column = add->column.name;
    if (const auto* set = std::get_if<SetColumnDefault>(&action)) column = set->column;
    const ir::Column* c = column.empty() ? nullptr : ir::find_column(*table, column);
    if (c && default_uses(*c, enum_name, literal)) return true;
  }
  return false;
}

void warn_new_enum_values_used(const Plan& result, const ir::Catalog& desired,
                               base::Diagnostics& diags) {
  for (const Step& step : result.steps) {
    const auto* add = std::get_if<AddEnumValue>(&step.change);
    if (!add) continue;
    std::string literal = base::quote_literal(add->value);
    for (const Step& other : result.steps) {
      if (!step_uses_value(other.change, desired, add->enum_name, literal)) continue;
      diags.warning(base::DiagKind::EnumValueUsedInSamePlan, std::nullopt,
                    "new enum value " + literal + " of " +
                        base::quote_qualified(add->enum_name.schema, add->enum_name.name) +
                        " is used by \"" + other.summary +
                        "\" in the same transaction; PostgreSQL refuses that until the value "
                        "is committed: apply the new value first");
      break;
    }
  }
}

}  // namespace

Plan plan(const ChangeSet& changes, const ir::Catalog& /*current*/, const ir::Catalog& desired,
          base::Diagnostics& diags) {
  std::vector<Change> list = changes.changes;
  detail::break_fk_cycles(list);
  std::set<QualifiedName> new_tables;
  for (const Change& c : list)
    if (const auto* create = std::get_if<CreateTable>(&c)) new_tables.insert(create->name);
  Plan result;
  for (std::size_t i : detail::execution_order(list)) {
    Step step;
    step.change = list[i];
    std::optional<QualifiedName> table = constrained_table(step.change);
    step.hazards = change_hazards(step.change, table && new_tables.count(*table));
    step.summary = summarize(step.change);
    result.steps.push_back(std::move(step));
  }
  warn_new_enum_values_used(result, desired, diags);
  return result;
}

}  // namespace schemac::plan
