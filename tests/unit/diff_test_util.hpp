// Builders for catalogs in diff, plan and emit unit tests: terse, explicit values
// so each test states the state it starts from.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "ir/catalog.hpp"

namespace schemac::testing {

inline ir::TypeRef type(std::string name, std::vector<std::string> modifiers = {}) {
  ir::TypeRef t;
  t.name = std::move(name);
  t.modifiers = std::move(modifiers);
  return t;
}

inline ir::TypeRef user_type(std::string schema, std::string name) {
  ir::TypeRef t;
  t.schema = std::move(schema);
  t.name = std::move(name);
  return t;
}

inline ir::TypeRef geo_type(std::string name, std::string subtype, int srid,
                            std::string schema = "public") {
  ir::TypeRef t;
  t.schema = std::move(schema);
  t.name = std::move(name);
  t.geo = ir::GeoType{std::move(subtype), false, false, srid};
  return t;
}

inline ir::Column column(std::string name, ir::TypeRef t, bool not_null = false,
                         std::optional<std::string> default_expr = std::nullopt) {
  ir::Column c;
  c.name = std::move(name);
  c.type = std::move(t);
  c.not_null = not_null;
  c.default_expr = std::move(default_expr);
  return c;
}

inline ir::Table table(std::string name, std::vector<ir::Column> columns,
                       std::vector<std::string> pk = {}) {
  ir::Table t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  if (!pk.empty()) t.primary_key = ir::PrimaryKey{t.name + "_pkey", std::move(pk), {}};
  return t;
}

inline ir::ForeignKey foreign_key(std::string name, std::vector<std::string> columns,
                                  ir::QualifiedName ref, std::vector<std::string> ref_columns) {
  ir::ForeignKey fk;
  fk.name = std::move(name);
  fk.columns = std::move(columns);
  fk.ref_table = std::move(ref);
  fk.ref_columns = std::move(ref_columns);
  return fk;
}

/// schema returns the named schema of catalog, adding it (sorted) if missing.
inline ir::Schema& schema(ir::Catalog& catalog, const std::string& name) {
  if (ir::Schema* s = ir::find_schema(catalog, name)) return *s;
  ir::Schema s;
  s.name = name;
  catalog.schemas.push_back(s);
  std::sort(catalog.schemas.begin(), catalog.schemas.end(),
            [](const ir::Schema& a, const ir::Schema& b) { return a.name < b.name; });
  return *ir::find_schema(catalog, name);
}

inline ir::Table& add_table(ir::Catalog& catalog, const std::string& schema_name, ir::Table t) {
  ir::Schema& s = schema(catalog, schema_name);
  std::string name = t.name;
  s.tables.push_back(std::move(t));
  std::sort(s.tables.begin(), s.tables.end(),
            [](const ir::Table& a, const ir::Table& b) { return a.name < b.name; });
  auto it = std::find_if(s.tables.begin(), s.tables.end(),
                         [&](const ir::Table& x) { return x.name == name; });
  return *it;
}

inline ir::Table& table_ref(ir::Catalog& catalog, const std::string& s, const std::string& t) {
  ir::Schema& sc = schema(catalog, s);
  return *std::find_if(sc.tables.begin(), sc.tables.end(),
                       [&](const ir::Table& x) { return x.name == t; });
}

inline void add_enum(ir::Catalog& catalog, const std::string& schema_name, std::string name,
                     std::vector<std::string> values) {
  ir::EnumType e;
  e.name = std::move(name);
  e.values = std::move(values);
  schema(catalog, schema_name).enums.push_back(std::move(e));
}

inline void add_extension(ir::Catalog& catalog, std::string name,
                          std::optional<std::string> version = std::nullopt,
                          std::optional<std::string> schema_name = std::nullopt) {
  ir::Extension e;
  e.name = std::move(name);
  e.version = std::move(version);
  e.schema = std::move(schema_name);
  catalog.extensions.push_back(std::move(e));
}

/// changes_of diffs with default options and no diagnostics expected.
inline std::vector<diff::Change> changes_of(const ir::Catalog& from, const ir::Catalog& to,
                                            base::Diagnostics& diags,
                                            std::vector<std::string> managed = {}) {
  return diff::diff(from, to, diff::DiffOptions{std::move(managed)}, diags).changes;
}

}  // namespace schemac::testing
