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
