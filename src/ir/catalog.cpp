#include "ir/catalog.hpp"

#include <algorithm>

namespace schemac::ir {
namespace {

template <typename T>
auto find_by_name(T& items, std::string_view name) -> decltype(&items.front()) {
  auto it =
      std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const Schema* find_schema(const Catalog& catalog, std::string_view name) {
  return find_by_name(catalog.schemas, name);
}

Schema* find_schema(Catalog& catalog, std::string_view name) {
  return find_by_name(catalog.schemas, name);
}

const Table* find_table(const Catalog& catalog, const QualifiedName& name) {
  const Schema* schema = find_schema(catalog, name.schema);
  return schema ? find_by_name(schema->tables, name.name) : nullptr;
}

const EnumType* find_enum(const Catalog& catalog, const QualifiedName& name) {
  const Schema* schema = find_schema(catalog, name.schema);
  return schema ? find_by_name(schema->enums, name.name) : nullptr;
}

const View* find_view(const Catalog& catalog, const QualifiedName& name) {
  const Schema* schema = find_schema(catalog, name.schema);
  return schema ? find_by_name(schema->views, name.name) : nullptr;
}

const Sequence* find_sequence(const Catalog& catalog, const QualifiedName& name) {
  const Schema* schema = find_schema(catalog, name.schema);
  return schema ? find_by_name(schema->sequences, name.name) : nullptr;
}

const Domain* find_domain(const Catalog& catalog, const QualifiedName& name) {
  const Schema* schema = find_schema(catalog, name.schema);
  return schema ? find_by_name(schema->domains, name.name) : nullptr;
}

const Extension* find_extension(const Catalog& catalog, std::string_view name) {
  return find_by_name(catalog.extensions, name);
}

const Column* find_column(const Table& table, std::string_view name) {
  return find_by_name(table.columns, name);
}

}  // namespace schemac::ir
