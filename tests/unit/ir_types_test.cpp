#include <algorithm>
#include <utility>

#include <catch2/catch.hpp>

#include "ir/types.hpp"

using schemac::ir::GeoType;
using schemac::ir::TypeRef;
namespace ir = schemac::ir;

namespace {

std::string canonical_sql(std::string_view name, std::vector<std::string> mods = {}) {
  std::string error;
  auto type = ir::canonical_builtin_typeref(name, mods, &error);
  return type ? ir::type_sql(*type) : "error: " + error;
}

TypeRef type(std::string schema, std::string name, std::vector<std::string> mods = {},
             bool array = false) {
  TypeRef t;
  t.schema = std::move(schema);
  t.name = std::move(name);
  t.modifiers = std::move(mods);
  t.is_array = array;
  return t;
}

TypeRef geo_type(std::string schema, std::string name, GeoType geo) {
  TypeRef t = type(std::move(schema), std::move(name));
  t.geo = std::move(geo);
  return t;
}

GeoType geo(std::string subtype, bool z, bool m, int srid) {
  GeoType g;
  g.subtype = std::move(subtype);
  g.has_z = z;
  g.has_m = m;
  g.srid = srid;
  return g;
}

}  // namespace

TEST_CASE("canonical_builtin_type maps aliases to format_type names", "[ir][types]") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"int", "integer"},
      {"int4", "integer"},
      {"integer", "integer"},
      {"int2", "smallint"},
      {"int8", "bigint"},
      {"float4", "real"},
      {"float8", "double precision"},
      {"float", "double precision"},
      {"decimal", "numeric"},
      {"bool", "boolean"},
      {"varchar", "character varying"},
      {"char", "character"},
      {"bpchar", "character"},
      {"time", "time without time zone"},
      {"timetz", "time with time zone"},
      {"timestamp", "timestamp without time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"varbit", "bit varying"},
      {"interval day to second", "interval day to second"},
      {"TEXT", "text"},
      {"tstzrange", "tstzrange"},
      {"regclass", "regclass"},
  };
  for (auto [alias, want] : cases) {
    INFO(alias);
    CHECK(ir::canonical_builtin_type(alias) == std::string(want));
  }
  CHECK_FALSE(ir::canonical_builtin_type("citext"));
  CHECK_FALSE(ir::canonical_builtin_type("geometry"));
  CHECK_FALSE(ir::canonical_builtin_type("interval week"));
  CHECK_FALSE(ir::canonical_builtin_type("layer_kind"));
}

TEST_CASE("modifiers are canonical as format_type prints them", "[ir][types]") {
  CHECK(canonical_sql("numeric", {"12", "2"}) == "numeric(12,2)");
  CHECK(canonical_sql("numeric", {"12"}) == "numeric(12,0)");
  CHECK(canonical_sql("decimal") == "numeric");
  CHECK(canonical_sql("varchar", {"080"}) == "character varying(80)");
  CHECK(canonical_sql("char") == "character(1)");
  CHECK(canonical_sql("character", {"3"}) == "character(3)");
  CHECK(canonical_sql("bpchar") == "bpchar");
  CHECK(canonical_sql("bpchar", {"4"}) == "character(4)");
  CHECK(canonical_sql("bit") == "bit(1)");
  CHECK(canonical_sql("varbit") == "bit varying");
  CHECK(canonical_sql("float", {"10"}) == "real");
  CHECK(canonical_sql("float", {"24"}) == "real");
  CHECK(canonical_sql("float", {"25"}) == "double precision");
  CHECK(canonical_sql("timestamptz", {"3"}) == "timestamp(3) with time zone");
  CHECK(canonical_sql("time", {"0"}) == "time(0) without time zone");
  CHECK(canonical_sql("interval", {"3"}) == "interval(3)");
  CHECK(canonical_sql("interval day to second", {"3"}) == "interval day to second(3)");
  CHECK(canonical_sql("integer", {"5"}) == "error: type \"integer\" takes no modifiers");
  CHECK(canonical_sql("varchar", {"x"}) == "error: type modifier \"x\" is not an integer");
  CHECK(canonical_sql("varchar", {"0"}).starts_with("error: type modifier \"0\" is out of range"));
  CHECK(canonical_sql("float", {"54"}).starts_with("error: precision for type float"));
}

TEST_CASE("parse_geo_subtype accepts any case and Z/M/ZM suffixes", "[ir][types]") {
  auto point_z = ir::parse_geo_subtype("POINTZ");
  REQUIRE(point_z);
  CHECK(point_z->subtype == "Point");
  CHECK(point_z->has_z);
  CHECK_FALSE(point_z->has_m);
  auto zm = ir::parse_geo_subtype("multipolygonzm");
  REQUIRE(zm);
  CHECK(zm->subtype == "MultiPolygon");
  CHECK((zm->has_z && zm->has_m));
  auto m = ir::parse_geo_subtype("LineStringM");
  REQUIRE(m);
  CHECK((m->subtype == "LineString" && !m->has_z && m->has_m));
  CHECK(ir::parse_geo_subtype("tin")->subtype == "Tin");
  CHECK(ir::parse_geo_subtype("geometrycollection")->subtype == "GeometryCollection");
  CHECK_FALSE(ir::parse_geo_subtype("Pointy"));
  CHECK_FALSE(ir::parse_geo_subtype("Z"));
  CHECK_FALSE(ir::parse_geo_subtype(""));
}

TEST_CASE("type_sql quotes names and prints PostGIS typmods", "[ir][types]") {
  CHECK(ir::type_sql(type("", "integer")) == "integer");
  CHECK(ir::type_sql(type("", "text", {}, true)) == "text[]");
  CHECK(ir::type_sql(type("public", "layer_kind")) == "public.layer_kind");
  CHECK(ir::type_sql(type("My Schema", "Kind")) == "\"My Schema\".\"Kind\"");
  CHECK(ir::type_sql(type("public", "vector", {"3"})) == "public.vector(3)");
  CHECK(ir::type_sql(geo_type("public", "geometry", geo("Polygon", true, false, 4326))) ==
        "public.geometry(PolygonZ,4326)");
  CHECK(ir::type_sql(geo_type("", "geography", geo("Point", false, false, 4326))) ==
        "geography(Point,4326)");
  CHECK(ir::type_sql(geo_type("", "geometry", GeoType{})) == "geometry");
  CHECK(ir::type_sql(geo_type("", "geometry", geo("Point", false, false, 0))) == "geometry(Point)");
  CHECK(ir::geo_typmod_sql(geo("Point", true, true, 3857)) == "(PointZM,3857)");
  CHECK(ir::geo_typmod_sql(geo("Geometry", false, false, 4326)) == "(Geometry,4326)");
}

TEST_CASE("parse_formatted_type reads format_type output", "[ir][types]") {
  auto check = [](std::string_view text, const TypeRef& want) {
    INFO(text);
    auto got = ir::parse_formatted_type(text);
    REQUIRE(got);
    CHECK(ir::type_sql(*got) == ir::type_sql(want));
    CHECK(*got == want);
  };
  check("integer", type("", "integer"));
  check("character varying(80)[]", type("", "character varying", {"80"}, true));
  check("timestamp(3) with time zone", type("", "timestamp with time zone", {"3"}));
  check("numeric(12,2)", type("", "numeric", {"12", "2"}));
  check("bpchar", type("", "bpchar"));
  check("character(1)", type("", "character", {"1"}));
  check("interval day to second(3)", type("", "interval day to second", {"3"}));
  check("geometry(PointZ,4326)", geo_type("", "geometry", geo("Point", true, false, 4326)));
  check("geometry", geo_type("", "geometry", GeoType{}));
  check("geometry(Point)", geo_type("", "geometry", geo("Point", false, false, 0)));
  check("layer_kind", type("", "layer_kind"));
  check("public.\"My Type\"[]", type("public", "My Type", {}, true));
  CHECK_FALSE(ir::parse_formatted_type("a.b.c"));
  CHECK_FALSE(ir::parse_formatted_type("geometry(Blob,4326)"));
}

TEST_CASE("extension_of_type knows common extension types", "[ir][types]") {
  CHECK(ir::extension_of_type("citext") == "citext");
  CHECK(ir::extension_of_type("geography") == "postgis");
  CHECK(ir::extension_of_type("hstore") == "hstore");
  CHECK_FALSE(ir::extension_of_type("integer"));
}

TEST_CASE("IR columns stay small: both catalogs hold one per column") {
  // At 10,000 tables each catalog holds ~72,000 columns; every byte of a
  // column is ~70 KB of memory touched per catalog. Rarely-set parts
  // (comments, collations, generated expressions, renames, PostGIS typmods)
  // are boxed so that an unset one costs a pointer (base/boxed.hpp).
  CHECK(sizeof(schemac::ir::Column) <= 288);
  CHECK(sizeof(schemac::ir::TypeRef) <= 104);
  CHECK(sizeof(schemac::ir::Provenance) <= 56);
}
