// catalog/inspect_constraints: primary keys, uniques, checks and foreign keys
// from the constraints query rows.
#include "catalog/inspect_build.hpp"

namespace schemac::catalog {
namespace {

/// fk_action decodes pg_constraint.confdeltype / confupdtype.
ir::FkAction fk_action(const std::string& code) {
  if (code == "r") return ir::FkAction::Restrict;
  if (code == "c") return ir::FkAction::Cascade;
  if (code == "n") return ir::FkAction::SetNull;
  if (code == "d") return ir::FkAction::SetDefault;
  return ir::FkAction::NoAction;  // "a"
}

ir::ForeignKey to_foreign_key(const RowRef& row) {
  ir::ForeignKey fk;
  fk.name = row.text("conname");
  fk.columns = row.array("columns");
  fk.ref_table = {row.text("ref_schema"), row.text("ref_table")};
  fk.ref_columns = row.array("ref_columns");
  fk.on_delete = fk_action(row.text("on_delete"));
  fk.on_update = fk_action(row.text("on_update"));
  fk.deferrable = row.flag("deferrable");
  fk.initially_deferred = row.flag("deferred");
  fk.comment = row.opt("comment");
  fk.valid = row.flag("is_valid");
  return fk;
}

void add_constraint(const RowRef& row, ir::Table& table) {
  const std::string type = row.text("contype");
  if (type == "p") {
    table.primary_key = ir::PrimaryKey{row.text("conname"), row.array("columns"), {}};
  } else if (type == "u") {
    ir::UniqueConstraint unique;
    unique.name = row.text("conname");
    unique.columns = row.array("columns");
    unique.nulls_not_distinct = row.flag("nulls_not_distinct");
    unique.comment = row.opt("comment");
    table.uniques.push_back(std::move(unique));
  } else if (type == "c") {
    ir::CheckConstraint check;
    check.name = row.text("conname");
    check.expr = row.text("expr");
    check.no_inherit = row.flag("no_inherit");
    check.comment = row.opt("comment");
    check.valid = row.flag("is_valid");
    table.checks.push_back(std::move(check));
  } else if (type == "f") {
    table.foreign_keys.push_back(to_foreign_key(row));
  }
}

}  // namespace

void add_constraints(const ResultSet& rows, const TableIndex& tables) {
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    const auto found = tables.find({row.text("nspname"), row.text("relname")});
    if (found != tables.end()) add_constraint(row, *found->second);
  }
}

}  // namespace schemac::catalog
