#include "ir/normalize.hpp"

#include <algorithm>

#include "ir/types.hpp"

namespace schemac::ir {
namespace {

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const T& a, const T& b) { return a.name < b.name; });
}

void normalize_optional(std::optional<std::string>& expr) {
  if (expr) expr = normalize_expr(*expr);
}

}  // namespace

void normalize_type(TypeRef& type) {
  if (type.schema.empty() || type.schema == "pg_catalog") {
    if (auto builtin = canonical_builtin_typeref(type.name, type.modifiers)) {
      builtin->is_array = type.is_array;
      type = *builtin;
      return;
    }
  }
  if (is_postgis_type(type.name) && !type.geo) type.geo = GeoType{};
  if (type.geo) {
    type.modifiers.clear();
    if (auto sub = parse_geo_subtype(type.geo->subtype)) type.geo->subtype = sub->subtype;
  }
}

void normalize_table(Table& table) {
  for (Column& column : table.columns) {
    normalize_type(column.type);
    normalize_optional(column.default_expr);
    normalize_optional(column.generated_expr);
  }
  for (CheckConstraint& check : table.checks) check.expr = normalize_expr(check.expr);
  for (Index& index : table.indexes) {
    for (IndexElement& element : index.elements) normalize_optional(element.expr);
    normalize_optional(index.where);
  }
  sort_by_name(table.uniques);
  sort_by_name(table.checks);
  sort_by_name(table.foreign_keys);
  sort_by_name(table.indexes);
}

void normalize(Catalog& catalog) {
  sort_by_name(catalog.extensions);
  sort_by_name(catalog.schemas);
  for (Schema& schema : catalog.schemas) {
    sort_by_name(schema.enums);
    sort_by_name(schema.tables);
    for (Table& table : schema.tables) normalize_table(table);
  }
}

}  // namespace schemac::ir
