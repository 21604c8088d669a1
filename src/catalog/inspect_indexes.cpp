// catalog/inspect_indexes: indexes that do not back a constraint, from one row
// per key (or INCLUDE) column, grouped by index.
#include <tuple>

#include "catalog/inspect_build.hpp"

namespace schemac::catalog {
namespace {

ir::IndexElement to_element(const RowRef& row) {
  ir::IndexElement element;
  if (auto expr = row.opt("expr")) {
    element.expr = std::move(expr);
  } else {
    element.column = row.text("column_name");
  }
  element.opclass = row.opt("opclass");
  element.descending = row.flag("descending");
  // NULLS FIRST is the default for DESC and NULLS LAST for ASC: record only a deviation.
  const bool nulls_first = row.flag("nulls_first");
  if (nulls_first != element.descending) element.nulls_first = nulls_first;
  return element;
}

ir::Index start_index(const RowRef& row) {
  ir::Index index;
  index.name = row.text("index_name");
  index.method = row.text("method");
  index.unique = row.flag("is_unique");
  index.valid = row.flag("is_valid");
  index.where = row.opt("predicate");
  index.comment = row.opt("comment");
  return index;
}

}  // namespace

void add_indexes(const ResultSet& rows, const TableIndex& tables) {
  ir::Index* current = nullptr;
  std::tuple<std::string, std::string, std::string> current_key;
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    auto key = std::make_tuple(row.text("nspname"), row.text("relname"), row.text("index_name"));
    // Rows come ordered by table, index and key position: a new key starts a new index.
    if (current == nullptr || key != current_key) {
      const auto found = tables.find({std::get<0>(key), std::get<1>(key)});
      if (found == tables.end()) continue;
      found->second->indexes.push_back(start_index(row));
      current = &found->second->indexes.back();
      current_key = std::move(key);
    }
    if (row.flag("is_include")) {
      current->include.push_back(row.text("column_name"));
    } else {
      current->elements.push_back(to_element(row));
    }
  }
}

}  // namespace schemac::catalog
