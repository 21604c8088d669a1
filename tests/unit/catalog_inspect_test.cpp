// Unit tests for turning catalog query rows into IR (catalog/inspect_build),
// with canned rows shaped like the real queries' results: no server needed.
#include <catch2/catch.hpp>

#include "catalog/inspect_build.hpp"
#include "catalog/result_set.hpp"

using namespace schemac;
using catalog::InspectedType;
using catalog::ResultSet;

namespace {

using Field = std::optional<std::string>;
const Field kNull = std::nullopt;

ResultSet rows(std::vector<std::string> columns, std::vector<std::vector<Field>> data) {
  return ResultSet{std::move(columns), std::move(data)};
}

ResultSet column_rows(std::vector<std::vector<Field>> data) {
  return rows({"nspname", "relname", "attname", "is_array", "type_name", "type_schema",
               "type_format", "type_format_mod", "not_null", "identity", "generated", "expr",
               "collation", "comment", "serial", "serial_sequence"},
              std::move(data));
}

// with_valid appends is_valid = true to rows that leave it out.
std::vector<std::vector<Field>> with_valid(std::vector<std::vector<Field>> data,
                                           std::size_t columns) {
  for (auto& row : data)
    if (row.size() + 1 == columns) row.push_back("t");
  return data;
}

ResultSet index_rows(std::vector<std::vector<Field>> data) {
  std::vector<std::string> columns{
      "nspname", "relname", "index_name", "method",      "is_unique", "is_include", "column_name",
      "expr",    "opclass", "descending", "nulls_first", "predicate", "comment",    "is_valid"};
  return rows(columns, with_valid(std::move(data), columns.size()));
}

ResultSet constraint_rows(std::vector<std::vector<Field>> data) {
  std::vector<std::string> columns{
      "nspname",    "relname",   "conname",     "contype",    "columns",
      "ref_schema", "ref_table", "ref_columns", "on_delete",  "on_update",
      "deferrable", "deferred",  "expr",        "no_inherit", "nulls_not_distinct",
      "comment",    "is_valid"};
  return rows(columns, with_valid(std::move(data), columns.size()));
}

catalog::InspectResults one_table(ResultSet columns) {
  catalog::InspectResults results;
  results.extensions = rows({"extname", "extversion", "nspname", "requires"}, {});
  results.schemas = rows({"nspname", "comment"}, {{"public", "standard public schema"}});
  results.enums = rows({"nspname", "typname", "label", "comment"}, {});
  results.tables = rows({"nspname", "relname", "comment"}, {{"public", "t", kNull}});
  results.columns = std::move(columns);
  results.constraints = constraint_rows({});
  results.indexes = index_rows({});
  return results;
}

}  // namespace

TEST_CASE("parse_text_array reads PostgreSQL array text", "[catalog][inspect]") {
  using V = std::vector<std::string>;
  CHECK(catalog::parse_text_array("{}") == V{});
  CHECK(catalog::parse_text_array("{id}") == V{"id"});
  CHECK(catalog::parse_text_array("{a,b}") == V{"a", "b"});
  CHECK(catalog::parse_text_array(R"({"a,b","say \"hi\"",c})") == V{"a,b", "say \"hi\"", "c"});
  CHECK(catalog::parse_text_array(R"({"back\\slash"})") == V{"back\\slash"});
  CHECK(catalog::parse_text_array("not an array") == V{});
}

TEST_CASE("to_type_ref gives canonical built-in types", "[catalog][inspect]") {
  const auto numeric = catalog::to_type_ref(
      InspectedType{"pg_catalog", "numeric", "numeric", "numeric(12,2)", false});
  CHECK(numeric.schema.empty());
  CHECK(numeric.name == "numeric");
  CHECK(numeric.modifiers == std::vector<std::string>{"12", "2"});

  const auto ts =
      catalog::to_type_ref(InspectedType{"pg_catalog", "timestamptz", "timestamp with time zone",
                                         "timestamp(3) with time zone", false});
  CHECK(ts.name == "timestamp with time zone");
  CHECK(ts.modifiers == std::vector<std::string>{"3"});

  const auto tags = catalog::to_type_ref(InspectedType{"pg_catalog", "text", "text", kNull, true});
  CHECK(tags == ir::TypeRef{"", "text", {}, std::nullopt, true});

  const auto codes = catalog::to_type_ref(
      InspectedType{"pg_catalog", "varchar", "character varying", "character varying(10)", true});
  CHECK(codes == ir::TypeRef{"", "character varying", {"10"}, std::nullopt, true});
}

TEST_CASE("to_type_ref reads PostGIS typmods and user types", "[catalog][inspect]") {
  const auto point = catalog::to_type_ref(
      InspectedType{"public", "geometry", "geometry", "geometry(PointZ,4326)", false});
  CHECK(point.schema == "public");
  CHECK(point.name == "geometry");
  REQUIRE(point.geo);
  CHECK(point.geo->subtype == "Point");
  CHECK(point.geo->has_z);
  CHECK_FALSE(point.geo->has_m);
  CHECK(point.geo->srid == 4326);
  CHECK(point.modifiers.empty());

  const auto any = catalog::to_type_ref(
      InspectedType{"extensions", "geography", "extensions.geography", kNull, false});
  CHECK(any.schema == "extensions");
  CHECK(any.geo == ir::GeoType{});

  const auto kind =
      catalog::to_type_ref(InspectedType{"app", "layer_kind", "app.layer_kind", kNull, false});
  CHECK(kind == ir::TypeRef{"app", "layer_kind", {}, std::nullopt, false});
}

TEST_CASE("build_catalog maps column rows", "[catalog][inspect]") {
  const auto catalog = catalog::build_catalog(one_table(column_rows({
      {"public", "t", "id", "f", "int8", "pg_catalog", "bigint", kNull, "t", "a", "", kNull, kNull,
       kNull, "f", kNull},
      {"public", "t", "name", "f", "text", "pg_catalog", "text", kNull, "f", "", "", "'x'::text",
       "C", "the name", "f", kNull},
      {"public", "t", "twice", "f", "int4", "pg_catalog", "integer", kNull, "f", "", "s",
       "(id * 2)", kNull, kNull, "f", kNull},
      {"public", "t", "no", "f", "int4", "pg_catalog", "integer", kNull, "t", "", "",
       "nextval('t_no_seq'::regclass)", kNull, kNull, "t", "t_no_seq"},
  })));
  REQUIRE(catalog.schemas.size() == 1);
  // initdb's comment on public is not something a schema file would declare.
  CHECK_FALSE(catalog.schemas[0].comment);
  const ir::Table* table = ir::find_table(catalog, {"public", "t"});
  REQUIRE(table);
  REQUIRE(table->columns.size() == 4);
  CHECK(table->columns[0].identity == ir::IdentityKind::Always);
  CHECK(table->columns[0].not_null);
  CHECK(table->columns[0].type.name == "bigint");
  CHECK(table->columns[1].default_expr == "'x'::text");
  CHECK(table->columns[1].collation == "C");
  CHECK(table->columns[1].comment == "the name");
  CHECK_FALSE(table->columns[2].default_expr);
  CHECK(table->columns[2].generated_expr == "(id * 2)");
  CHECK_FALSE(table->columns[2].serial);
  CHECK(table->columns[3].serial);
  CHECK_FALSE(table->columns[3].default_expr);  // the serial's own nextval()
  CHECK(table->columns[3].serial_sequence.name == "t_no_seq");
}

TEST_CASE("build_catalog maps constraints", "[catalog][inspect]") {
  auto results = one_table(column_rows({}));
  results.constraints = constraint_rows({
      {"public", "t", "t_pkey", "p", "{a,b}", kNull, kNull, "{}", kNull, kNull, "f", "f", kNull,
       "t", "f", kNull},
      {"public", "t", "t_c_key", "u", "{c}", kNull, kNull, "{}", kNull, kNull, "f", "f", kNull, "t",
       "t", "uniq"},
      {"public", "t", "t_c_check", "c", "{c}", kNull, kNull, "{}", kNull, kNull, "f", "f",
       "(c > 0)", "f", "f", kNull},
      {"public", "t", "t_fk", "f", "{x,y}", "other", "u", "{p,q}", "n", "c", "t", "t", kNull, "t",
       "f", kNull, "f"},
  });
  const auto catalog = catalog::build_catalog(results);
  const ir::Table* table = ir::find_table(catalog, {"public", "t"});
  REQUIRE(table);
  REQUIRE(table->primary_key);
  CHECK(table->primary_key->name == "t_pkey");
  CHECK(table->primary_key->columns == std::vector<std::string>{"a", "b"});
  REQUIRE(table->uniques.size() == 1);
  CHECK(table->uniques[0].nulls_not_distinct);
  CHECK(table->uniques[0].comment == "uniq");
  REQUIRE(table->checks.size() == 1);
  CHECK(table->checks[0].expr == "(c > 0)");
  REQUIRE(table->foreign_keys.size() == 1);
  const ir::ForeignKey& fk = table->foreign_keys[0];
  CHECK(fk.ref_table == ir::QualifiedName{"other", "u"});
  CHECK(fk.columns == std::vector<std::string>{"x", "y"});
  CHECK(fk.ref_columns == std::vector<std::string>{"p", "q"});
  CHECK(fk.on_delete == ir::FkAction::SetNull);
  CHECK(fk.on_update == ir::FkAction::Cascade);
  CHECK(fk.deferrable);
  CHECK(fk.initially_deferred);
  CHECK_FALSE(fk.valid);  // NOT VALID (convalidated = f)
  CHECK(table->checks[0].valid);
}

TEST_CASE("build_catalog groups index rows into indexes", "[catalog][inspect]") {
  auto results = one_table(column_rows({}));
  results.indexes = index_rows({
      {"public", "t", "a_idx", "btree", "f", "f", kNull, "lower(a)", kNull, "f", "f", kNull, kNull},
      {"public", "t", "a_idx", "btree", "f", "f", "b", kNull, "text_pattern_ops", "t", "f", kNull,
       kNull},
      {"public", "t", "a_idx", "btree", "f", "t", "c", kNull, kNull, kNull, kNull, kNull, kNull},
      {"public", "t", "g_idx", "gist", "t", "f", "g", kNull, kNull, "f", "t", "(g IS NOT NULL)",
       "spatial", "f"},
  });
  const auto catalog = catalog::build_catalog(results);
  const ir::Table* table = ir::find_table(catalog, {"public", "t"});
  REQUIRE(table);
  REQUIRE(table->indexes.size() == 2);
  const ir::Index& a = table->indexes[0];
  CHECK(a.name == "a_idx");
  REQUIRE(a.elements.size() == 2);
  CHECK(a.elements[0].expr == "lower(a)");
  CHECK(a.elements[0].column.empty());
  CHECK(a.elements[1].column == "b");
  CHECK(a.elements[1].opclass == "text_pattern_ops");
  CHECK(a.elements[1].descending);
  // DESC NULLS LAST is not DESC's default, so it is recorded.
  CHECK(a.elements[1].nulls_first == false);
  CHECK(a.include == std::vector<std::string>{"c"});
  const ir::Index& g = table->indexes[1];
  CHECK(g.method == "gist");
  CHECK(g.unique);
  CHECK(g.where == "(g IS NOT NULL)");
  CHECK(g.comment == "spatial");
  REQUIRE(g.elements.size() == 1);
  CHECK(g.elements[0].nulls_first == true);
  CHECK(a.valid);
  CHECK_FALSE(g.valid);  // INVALID (indisvalid = f)
}

TEST_CASE("build_catalog keeps enum values in order", "[catalog][inspect]") {
  auto results = one_table(column_rows({}));
  results.enums =
      rows({"nspname", "typname", "label", "comment"}, {{"app", "kind", "vector", kNull},
                                                        {"app", "kind", "raster", kNull},
                                                        {"public", "mood", "sad", "feelings"},
                                                        {"public", "mood", "ok", "feelings"}});
  results.extensions = rows({"extname", "extversion", "nspname", "requires"},
                            {{"postgis", "3.3.2", "public", "{}"},
                             {"postgis_topology", "3.3.2", "topology", "{postgis}"}});
  const auto catalog = catalog::build_catalog(results);
  const ir::EnumType* kind = ir::find_enum(catalog, {"app", "kind"});
  REQUIRE(kind);
  CHECK(kind->values == std::vector<std::string>{"vector", "raster"});
  const ir::EnumType* mood = ir::find_enum(catalog, {"public", "mood"});
  REQUIRE(mood);
  CHECK(mood->values == std::vector<std::string>{"sad", "ok"});
  CHECK(mood->comment == "feelings");
  REQUIRE(catalog.extensions.size() == 2);
  CHECK(catalog.extensions[0].version == "3.3.2");
  CHECK(catalog.extensions[0].schema == "public");
  CHECK(catalog.extensions[0].required.names.empty());
  CHECK(catalog.extensions[1].required.names == std::vector<std::string>{"postgis"});
}
