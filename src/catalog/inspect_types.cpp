// catalog/inspect_types: column types as PostgreSQL reports them -> ir::TypeRef.
// The spellings and the reading of format_type() come from ir/types (shared with
// the DSL lowerer), so both sides of a diff agree on them.
#include "catalog/inspect_build.hpp"
#include "ir/types.hpp"

namespace schemac::catalog {
namespace {

constexpr std::string_view kSystemSchema = "pg_catalog";

}  // namespace

ir::TypeRef to_type_ref(const InspectedType& type) {
  const bool builtin = type.schema == kSystemSchema;
  ir::TypeRef ref;
  // With a typmod, format_type's text carries the modifiers (numeric(12,2),
  // timestamp(3) with time zone, geometry(PointZ,4326)); read them the shared way.
  if (type.format_mod) {
    if (auto parsed = ir::parse_formatted_type(*type.format_mod)) ref = std::move(*parsed);
  }
  if (builtin) {
    // Without a typmod, format_type(oid, NULL) is already the canonical name;
    // the shared table keeps both sides identical should they ever differ.
    if (ref.name.empty()) ref.name = ir::canonical_builtin_type(type.format).value_or(type.format);
    ref.schema.clear();
  } else {
    // format_type qualifies a name only when it is not on the search_path; the
    // catalog's own namespace and name are exact whatever the search_path.
    ref.schema = type.schema;
    ref.name = type.name;
    if (ir::is_postgis_type(type.name) && !ref.geo) ref.geo = ir::GeoType{};
  }
  ref.is_array = type.is_array;
  return ref;
}

}  // namespace schemac::catalog
