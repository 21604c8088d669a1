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

void normalize_optional(std::optional<std::string>& expr,
                        const std::vector<std::string>& text_columns) {
  if (expr) expr = normalize_expr(*expr, text_columns);
}

// The columns whose implicit cast to text PostgreSQL spells out in expressions.
std::vector<std::string> text_columns(const Table& table) {
  std::vector<std::string> names;
  for (const Column& column : table.columns) {
    const TypeRef& type = column.type;
    if (type.schema.empty() && !type.is_array &&
        (type.name == "text" || type.name == "character varying"))
      names.push_back(column.name);
  }
  return names;
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
  for (Column& column : table.columns) normalize_type(column.type);
  const std::vector<std::string> texts = text_columns(table);
  for (Column& column : table.columns) {
    normalize_optional(column.default_expr, {});
    normalize_optional(column.generated_expr, texts);
  }
  for (CheckConstraint& check : table.checks) check.expr = normalize_expr(check.expr, texts);
  for (Index& index : table.indexes) {
    for (IndexElement& element : index.elements) normalize_optional(element.expr, texts);
    normalize_optional(index.where, texts);
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
    sort_by_name(schema.views);
    for (View& view : schema.views) {
      view.body = normalize_view_body(view.body);
      if (!view.facts.written.empty()) view.facts.written = normalize_view_body(view.facts.written);
    }
  }
  guess_view_facts(catalog);
}

}  // namespace schemac::ir
