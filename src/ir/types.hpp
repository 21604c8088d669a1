// ir/types: canonical PostgreSQL type spellings. The DSL lowerer and the
// inspector both map what they read onto these forms, so `int`, `int4` and
// `integer` become one TypeRef.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/catalog.hpp"

namespace schemac::ir {

/// canonical_builtin_type maps a built-in type name or alias (lower-case, words
/// separated by one space) to the name format_type() prints without modifiers:
/// "int"/"int4" -> "integer", "varchar" -> "character varying",
/// "timestamptz" -> "timestamp with time zone", "bool" -> "boolean".
/// Returns nullopt for names that are not built-in types.
std::optional<std::string> canonical_builtin_type(std::string_view name);

/// builtin_type_names lists every spelling canonical_builtin_type accepts
/// (except interval field forms), e.g. for "did you mean" suggestions.
std::vector<std::string_view> builtin_type_names();

/// canonical_builtin_typeref resolves a built-in type written with modifiers to
/// the TypeRef format_type() would describe. Rules (each matches format_type):
///  - numeric(p) -> numeric(p,0); numeric(p,s) kept; bare numeric has no modifiers;
///  - char / character without a length -> character(1); bpchar without a length
///    stays "bpchar" (unbounded, what format_type prints for typmod -1);
///    bpchar(n) -> character(n);
///  - bit without a length -> bit(1); bit varying / varbit without one: none;
///  - float(p) -> real for p <= 24, double precision for 25..53 (no modifiers);
///  - time/timestamp[tz](p) and interval[ fields](p): modifiers {p}; interval
///    fields are part of the name ("interval day to second");
///  - modifiers are printed as plain integers ("012" -> "12").
/// Returns nullopt when name is not built-in; sets *error (and returns nullopt)
/// when the modifiers are not valid for the type.
std::optional<TypeRef> canonical_builtin_typeref(std::string_view name,
                                                 const std::vector<std::string>& modifiers,
                                                 std::string* error = nullptr);

/// parse_formatted_type parses format_type() output ("character varying(80)[]",
/// "timestamp(3) with time zone", "geometry(PointZ,4326)", "public.\"My Type\"")
/// into a canonical TypeRef. For user and PostGIS types the schema is the one
/// written (empty when format_type omitted it: the caller then sets the type's
/// namespace). Returns nullopt for text it cannot read.
std::optional<TypeRef> parse_formatted_type(std::string_view text);

/// extension_of_type names the extension that provides a well-known non-built-in
/// type ("citext" -> "citext", "hstore", "ltree", "vector", "geometry" -> "postgis").
std::optional<std::string> extension_of_type(std::string_view name);

/// geo_typmod_sql prints a GeoType's typmod as PostGIS's format_type does:
/// "(PointZ,4326)", "(Point)" for SRID 0, "" for the unconstrained default
/// (Geometry, no Z/M, SRID 0). Geography columns declared with a typmod but no SRID
/// get SRID 4326 from PostGIS; lower applies that, so GeoType always holds the real SRID.
std::string geo_typmod_sql(const GeoType& geo);

/// canonical_geo_subtype maps a PostGIS subtype spelled in any case, with an
/// optional Z/M/ZM suffix, to its parts: "POINTZ" -> {"Point", z}. nullopt if unknown.
std::optional<GeoType> parse_geo_subtype(std::string_view text);

/// is_postgis_type: geometry, geography (the types whose typmod is a GeoType).
bool is_postgis_type(std::string_view name);

/// type_sql prints a type for use in SQL, quoting names through base::quote_ident:
/// "integer", "numeric(12,2)", "timestamp(3) with time zone", "public.layer_kind",
/// "public.geometry(PolygonZ,4326)", "text[]".
std::string type_sql(const TypeRef& type);

}  // namespace schemac::ir
