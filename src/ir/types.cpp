#include "ir/types.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "base/quote.hpp"

namespace schemac::ir {
namespace {

// Every built-in spelling we accept, mapped to format_type()'s name. Sorted by
// alias for binary search. Interval field forms are listed separately below.
constexpr std::pair<std::string_view, std::string_view> kBuiltinAliases[] = {
    {"bigint", "bigint"},
    {"bit", "bit"},
    {"bit varying", "bit varying"},
    {"bool", "boolean"},
    {"boolean", "boolean"},
    {"box", "box"},
    {"bpchar", "character"},
    {"bytea", "bytea"},
    {"char", "character"},
    {"character", "character"},
    {"character varying", "character varying"},
    {"cidr", "cidr"},
    {"circle", "circle"},
    {"date", "date"},
    {"daterange", "daterange"},
    {"dec", "numeric"},
    {"decimal", "numeric"},
    {"double precision", "double precision"},
    {"float", "double precision"},
    {"float4", "real"},
    {"float8", "double precision"},
    {"inet", "inet"},
    {"int", "integer"},
    {"int2", "smallint"},
    {"int4", "integer"},
    {"int4range", "int4range"},
    {"int8", "bigint"},
    {"int8range", "int8range"},
    {"integer", "integer"},
    {"interval", "interval"},
    {"json", "json"},
    {"jsonb", "jsonb"},
    {"line", "line"},
    {"lseg", "lseg"},
    {"macaddr", "macaddr"},
    {"macaddr8", "macaddr8"},
    {"money", "money"},
    {"name", "name"},
    {"numeric", "numeric"},
    {"numrange", "numrange"},
    {"oid", "oid"},
    {"path", "path"},
    {"point", "point"},
    {"polygon", "polygon"},
    {"real", "real"},
    {"regclass", "regclass"},
    {"smallint", "smallint"},
    {"text", "text"},
    {"time", "time without time zone"},
    {"time with time zone", "time with time zone"},
    {"time without time zone", "time without time zone"},
    {"timestamp", "timestamp without time zone"},
    {"timestamp with time zone", "timestamp with time zone"},
    {"timestamp without time zone", "timestamp without time zone"},
    {"timestamptz", "timestamp with time zone"},
    {"timetz", "time with time zone"},
    {"tsquery", "tsquery"},
    {"tsrange", "tsrange"},
    {"tstzrange", "tstzrange"},
    {"tsvector", "tsvector"},
    {"uuid", "uuid"},
    {"varbit", "bit varying"},
    {"varchar", "character varying"},
    {"xml", "xml"},
};

static_assert(std::is_sorted(std::begin(kBuiltinAliases), std::end(kBuiltinAliases),
                             [](const auto& a, const auto& b) { return a.first < b.first; }),
              "kBuiltinAliases must stay sorted for binary search");

constexpr std::string_view kIntervalFields[] = {"year",
                                                "month",
                                                "day",
                                                "hour",
                                                "minute",
                                                "second",
                                                "year to month",
                                                "day to hour",
                                                "day to minute",
                                                "day to second",
                                                "hour to minute",
                                                "hour to second",
                                                "minute to second"};

constexpr std::pair<std::string_view, std::string_view> kExtensionTypes[] = {
    {"citext", "citext"},    {"geography", "postgis"}, {"geometry", "postgis"},
    {"halfvec", "vector"},   {"hstore", "hstore"},     {"lquery", "ltree"},
    {"ltree", "ltree"},      {"ltxtquery", "ltree"},   {"raster", "postgis_raster"},
    {"sparsevec", "vector"}, {"box2d", "postgis"},     {"box3d", "postgis"},
    {"cube", "cube"},        {"vector", "vector"},
};

constexpr std::string_view kGeoSubtypes[] = {
    "Point",        "LineString",         "Polygon",      "MultiPoint",        "MultiLineString",
    "MultiPolygon", "GeometryCollection", "Geometry",     "CircularString",    "CompoundCurve",
    "CurvePolygon", "MultiCurve",         "MultiSurface", "PolyhedralSurface", "Triangle",
    "Tin"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::optional<int> parse_int(std::string_view text) {
  std::string t = trim(text);
  if (!t.empty() && t.front() == '+') t.erase(0, 1);
  int value = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (t.empty() || ec != std::errc() || ptr != t.data() + t.size()) return std::nullopt;
  return value;
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

// canonical_modifiers checks the count and the ranges of modifiers for the
// canonical type name, and rewrites them to format_type's spelling.
bool canonical_modifiers(const std::string& name, std::vector<std::string>& mods,
                         std::string* error) {
  std::vector<int> values;
  for (const std::string& m : mods) {
    std::optional<int> v = parse_int(m);
    if (!v) return fail(error, "type modifier \"" + trim(m) + "\" is not an integer");
    values.push_back(*v);
  }
  std::size_t max_mods = 0;
  if (name == "numeric") {
    max_mods = 2;
  } else if (name == "character varying" || name == "character" || name == "bit" ||
             name == "bit varying" || name.starts_with("time") || name.starts_with("interval")) {
    max_mods = 1;
  }
  if (values.size() > max_mods) {
    return fail(error, max_mods == 0 ? "type \"" + name + "\" takes no modifiers"
                                     : "too many modifiers for type \"" + name + "\"");
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    bool scale = name == "numeric" && i == 1;
    if (values[i] <
        (scale ? -1000 : (name.starts_with("time") || name.starts_with("interval") ? 0 : 1))) {
      return fail(error, "type modifier \"" + trim(mods[i]) + "\" is out of range for type \"" +
                             name + "\"");
    }
  }
  mods.clear();
  for (int v : values) mods.push_back(std::to_string(v));
  if (name == "numeric" && mods.size() == 1) mods.push_back("0");
  if ((name == "character" || name == "bit") && mods.empty()) mods.push_back("1");
  return true;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// split_name splits `a.b` / `"A".b` (no modifiers) into unquoted parts.
std::vector<std::string> split_name(std::string_view text) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      if (quoted && i + 1 < text.size() && text[i + 1] == '"') {
        parts.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == '.' && !quoted) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

}  // namespace

std::optional<TypeRef> parse_formatted_type(std::string_view text) {
  std::string s = trim(text);
  bool is_array = false;
  while (s.ends_with("[]")) {
    is_array = true;
    s = trim(std::string_view(s).substr(0, s.size() - 2));
  }
  std::vector<std::string> mods;
  std::size_t open = s.find('(');
  if (open != std::string::npos && s.find('"') > open) {
    std::size_t close = s.find(')', open);
    if (close == std::string::npos) return std::nullopt;
    std::string inner = s.substr(open + 1, close - open - 1);
    for (std::size_t start = 0;;) {
      std::size_t comma = inner.find(',', start);
      mods.push_back(trim(inner.substr(start, comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    s = trim(s.substr(0, open)) + (close + 1 < s.size() ? " " + trim(s.substr(close + 1)) : "");
  }
  std::vector<std::string> parts = split_name(s);
  if (parts.size() > 2 || parts.back().empty()) return std::nullopt;
  TypeRef type;
  type.name = parts.back();
  if (parts.size() == 2) type.schema = parts.front();
  type.is_array = is_array;
  if (type.schema.empty() || type.schema == "pg_catalog") {
    if (auto builtin = canonical_builtin_typeref(type.name, mods)) {
      builtin->is_array = is_array;
      return builtin;
    }
  }
  if (is_postgis_type(type.name)) {
    type.geo = GeoType{};
    if (!mods.empty()) {
      std::optional<GeoType> geo = parse_geo_subtype(mods[0]);
      std::optional<int> srid = mods.size() > 1 ? parse_int(mods[1]) : 0;
      if (!geo || !srid || mods.size() > 2) return std::nullopt;
      geo->srid = *srid;
      type.geo = geo;
    }
    return type;
  }
  type.modifiers = mods;
  return type;
}

std::vector<std::string_view> builtin_type_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : kBuiltinAliases) names.push_back(entry.first);
  return names;
}

std::optional<std::string> canonical_builtin_type(std::string_view name) {
  std::string key = lower(name);
  auto it =
      std::lower_bound(std::begin(kBuiltinAliases), std::end(kBuiltinAliases), key,
                       [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it != std::end(kBuiltinAliases) && it->first == key) return std::string(it->second);
  if (key.starts_with("interval ")) {
    std::string_view fields = std::string_view(key).substr(9);
    for (std::string_view f : kIntervalFields) {
      if (f == fields) return key;
    }
  }
  return std::nullopt;
}

std::optional<TypeRef> canonical_builtin_typeref(std::string_view name,
                                                 const std::vector<std::string>& modifiers,
                                                 std::string* error) {
  std::optional<std::string> canonical = canonical_builtin_type(name);
  if (!canonical) return std::nullopt;
  TypeRef type;
  type.name = *canonical;
  type.modifiers = modifiers;
  std::string key = lower(name);
  if (key == "float" && !modifiers.empty()) {
    std::optional<int> p = modifiers.size() == 1 ? parse_int(modifiers[0]) : std::nullopt;
    if (!p || *p < 1 || *p > 53) {
      fail(error, "precision for type float must be between 1 and 53 bits");
      return std::nullopt;
    }
    type.name = *p <= 24 ? "real" : "double precision";
    type.modifiers.clear();
    return type;
  }
  if (!canonical_modifiers(type.name, type.modifiers, error)) return std::nullopt;
  // format_type prints an unbounded bpchar as "bpchar", unlike char -> character(1).
  if (key == "bpchar" && modifiers.empty()) {
    type.name = "bpchar";
    type.modifiers.clear();
  }
  return type;
}

std::optional<GeoType> parse_geo_subtype(std::string_view text) {
  std::string key = lower(trim(text));
  GeoType geo;
  for (std::string_view suffix : {"zm", "z", "m"}) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      std::string base = key.substr(0, key.size() - suffix.size());
      for (std::string_view sub : kGeoSubtypes) {
        if (lower(sub) == base) {
          geo.subtype = std::string(sub);
          geo.has_z = suffix.find('z') != std::string_view::npos;
          geo.has_m = suffix.find('m') != std::string_view::npos;
          return geo;
        }
      }
    }
  }
  for (std::string_view sub : kGeoSubtypes) {
    if (lower(sub) == key) {
      geo.subtype = std::string(sub);
      return geo;
    }
  }
  return std::nullopt;
}

bool is_postgis_type(std::string_view name) {
  return name == "geometry" || name == "geography";
}

std::optional<std::string> extension_of_type(std::string_view name) {
  for (const auto& [type, extension] : kExtensionTypes) {
    if (type == name) return std::string(extension);
  }
  return std::nullopt;
}

std::string geo_typmod_sql(const GeoType& geo) {
  if (geo == GeoType{}) return "";
  std::string out = "(" + geo.subtype + (geo.has_z ? "Z" : "") + (geo.has_m ? "M" : "");
  if (geo.srid != 0) out += "," + std::to_string(geo.srid);
  return out + ")";
}

std::string type_sql(const TypeRef& type) {
  std::string out;
  if (type.geo) {
    out = base::quote_qualified(type.schema, type.name) + geo_typmod_sql(*type.geo);
  } else if (!type.schema.empty() || !canonical_builtin_type(type.name)) {
    out = base::quote_qualified(type.schema, type.name);
    if (!type.modifiers.empty()) out += "(" + join(type.modifiers, ",") + ")";
  } else {
    out = type.name;
    if (!type.modifiers.empty()) {
      std::string mods = "(" + join(type.modifiers, ",") + ")";
      // "timestamp(3) with time zone": the typmod goes after the first word.
      std::size_t space = out.find(' ');
      bool infix = out.starts_with("time") && space != std::string::npos;
      out = infix ? out.substr(0, space) + mods + out.substr(space) : out + mods;
    }
  }
  if (type.is_array) out += "[]";
  return out;
}

}  // namespace schemac::ir
