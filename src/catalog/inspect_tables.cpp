// catalog/inspect_tables: tables and their columns from their query rows.
#include "catalog/inspect_build.hpp"

namespace schemac::catalog {
namespace {

ir::IdentityKind identity_kind(const std::string& attidentity) {
  if (attidentity == "a") return ir::IdentityKind::Always;
  if (attidentity == "d") return ir::IdentityKind::ByDefault;
  return ir::IdentityKind::None;
}

ir::Column to_column(const RowRef& row) {
  ir::Column col;
  col.name = row.text("attname");
  col.type = to_type_ref(InspectedType{row.text("type_schema"), row.text("type_name"),
                                       row.text("type_format"), row.opt("type_format_mod"),
                                       row.flag("is_array")});
  col.not_null = row.flag("not_null");
  col.identity = identity_kind(row.text("identity"));
  // pg_attrdef holds both plain defaults and generation expressions.
  if (row.text("generated") == "s") {
    col.generated_expr = row.opt("expr");
  } else {
    col.default_expr = row.opt("expr");
  }
  if (row.flag("serial")) {
    col.serial = true;
    col.serial_sequence.name = row.text("serial_sequence");
    col.default_expr.reset();  // nextval of the column's own sequence
  }
  col.collation = row.opt("collation");
  col.comment = row.opt("comment");
  return col;
}

}  // namespace

TableIndex add_tables(const ResultSet& tables, const ResultSet& columns, ir::Catalog& catalog) {
  for (std::size_t i = 0; i < tables.row_count(); ++i) {
    const RowRef row(tables, i);
    ir::Table table;
    table.name = row.text("relname");
    table.comment = row.opt("comment");
    schema_for(catalog, row.text("nspname")).tables.push_back(std::move(table));
  }
  // Index only now: the table vectors no longer grow, so the pointers stay valid.
  TableIndex index;
  for (ir::Schema& schema : catalog.schemas) {
    for (ir::Table& table : schema.tables) index[{schema.name, table.name}] = &table;
  }
  for (std::size_t i = 0; i < columns.row_count(); ++i) {
    const RowRef row(columns, i);
    const auto found = index.find({row.text("nspname"), row.text("relname")});
    if (found == index.end()) continue;  // cannot happen: both queries see one snapshot
    found->second->columns.push_back(to_column(row));
  }
  return index;
}

}  // namespace schemac::catalog
