// Type resolution: built-in types and their aliases, PostGIS types, user enums and domains,
// and types of declared extensions. See ir/types.hpp for the canonical forms.
#include <charconv>

#include "dsl/lower_context.hpp"
#include "dsl/lower_names.hpp"
#include "ir/types.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;

constexpr std::pair<std::string_view, std::string_view> kSerials[] = {
    {"serial", "integer"}, {"serial4", "integer"},      {"bigserial", "bigint"},
    {"serial8", "bigint"}, {"smallserial", "smallint"}, {"serial2", "smallint"}};

// Outcome of one resolution step: NotFound lets the next step try.
enum class Outcome { NotFound, Resolved, Reported };

constexpr int kMaxSrid = 999999;  // PostGIS's SRID_MAXIMUM

std::vector<std::string> arg_texts(const ast::TypeName& type) {
  std::vector<std::string> args;
  for (const ast::TypeArg& arg : type.args) args.push_back(arg.text);
  return args;
}

base::SourceSpan args_span(const ast::TypeName& type) {
  if (type.args.empty()) return type.span;
  return {type.span.file, type.args.front().span.begin, type.args.back().span.end};
}

// extension_schema: where a declared extension's types live; nullopt if not declared.
std::optional<std::string> extension_schema(const Context& ctx, const std::string& extension) {
  const ir::Extension* found = ir::find_extension(ctx.catalog, extension);
  if (!found) return std::nullopt;
  return found->schema.value_or("public");
}

std::optional<ir::GeoType> lower_geo(Context& ctx, const ast::TypeName& type) {
  ir::GeoType geo;
  if (type.args.empty()) return geo;
  if (type.args.size() > 2) {
    ctx.diags.error(DiagKind::InvalidTypeModifier, args_span(type),
                    "type \"" + type.name + "\" takes a subtype and an optional SRID");
    return std::nullopt;
  }
  std::optional<ir::GeoType> parsed = ir::parse_geo_subtype(type.args[0].text);
  if (!parsed) {
    ctx.diags.error(DiagKind::InvalidGeometrySubtype, type.args[0].span,
                    "invalid " + type.name + " subtype \"" + type.args[0].text + "\"");
    return std::nullopt;
  }
  geo = *parsed;
  if (type.args.size() == 2) {
    const ast::TypeArg& arg = type.args[1];
    int srid = -1;
    auto [ptr, ec] = std::from_chars(arg.text.data(), arg.text.data() + arg.text.size(), srid);
    if (ec != std::errc() || ptr != arg.text.data() + arg.text.size() || srid < 0 ||
        srid > kMaxSrid) {
      ctx.diags.error(DiagKind::InvalidSrid, arg.span,
                      "invalid SRID \"" + arg.text + "\": expected an integer from 0 to " +
                          std::to_string(kMaxSrid));
      return std::nullopt;
    }
    geo.srid = srid;
  }
  // PostGIS gives a constrained geography column SRID 4326 when none is named.
  if (type.name == "geography" && geo.srid == 0) geo.srid = 4326;
  return geo;
}

Outcome resolve_postgis(Context& ctx, const ast::TypeName& type, ir::TypeRef& ref) {
  ref.name = type.name;
  std::optional<std::string> schema = extension_schema(ctx, "postgis");
  if (!schema) {
    ctx.diags.error(DiagKind::MissingExtension, type.span,
                    "type " + type.name + " needs 'extension postgis'");
  }
  ref.schema = schema.value_or("public");
  std::optional<ir::GeoType> geo = lower_geo(ctx, type);
  if (!geo || !schema) return Outcome::Reported;
  ref.geo = *geo;
  return Outcome::Resolved;
}

Outcome resolve_builtin(Context& ctx, const ast::TypeName& type, ir::TypeRef& ref) {
  for (const auto& [serial, base_type] : kSerials) {
    if (type.name != serial) continue;
    if (type.array_dims > 0 || !type.args.empty()) {
      ctx.diags.error(DiagKind::InvalidTypeModifier, type.span,
                      type.name + " cannot have modifiers or be an array; use " +
                          std::string(base_type) + " with an identity or a sequence");
      return Outcome::Reported;
    }
    ref.name = std::string(base_type);
    return Outcome::Resolved;
  }
  // Not cached here: resolve_type remembers every spelling that resolves.
  std::string error;
  std::optional<ir::TypeRef> found =
      ir::canonical_builtin_typeref(type.name, arg_texts(type), &error);
  if (found) {
    ref = std::move(*found);
    return Outcome::Resolved;
  }
  if (error.empty()) return Outcome::NotFound;
  ctx.diags.error(DiagKind::InvalidTypeModifier, args_span(type), error);
  return Outcome::Reported;
}

// resolve_named: enums, then domains (schema given, else the block's schema,
// else the default schema), and types of declared extensions.
Outcome resolve_named(Context& ctx, const ast::TypeName& type, std::string_view name,
                      const std::string& schema, ir::TypeRef& ref) {
  std::vector<std::string> schemas;
  if (type.schema) {
    schemas.push_back(ident_text(*type.schema));
  } else {
    schemas = {schema, ctx.options.default_schema};
  }
  for (const std::string& s : schemas) {
    if (!ctx.enums.count(NameRef{s, name})) continue;
    if (!type.args.empty()) {
      ctx.diags.error(DiagKind::InvalidTypeModifier, args_span(type),
                      "enum " + display({s, std::string(name)}) + " takes no type modifiers");
      return Outcome::Reported;
    }
    ref.schema = s;
    ref.name = name;
    return Outcome::Resolved;
  }
  for (const std::string& s : schemas) {
    if (!ctx.domains.count(NameRef{s, name})) continue;
    if (!type.args.empty()) {
      ctx.diags.error(DiagKind::InvalidTypeModifier, args_span(type),
                      "domain " + display({s, std::string(name)}) + " takes no type modifiers");
      return Outcome::Reported;
    }
    ref.schema = s;
    ref.name = name;
    return Outcome::Resolved;
  }
  std::optional<std::string> extension = ir::extension_of_type(name);
  std::optional<std::string> ext_schema =
      extension ? extension_schema(ctx, *extension) : std::nullopt;
  if (!ext_schema || (type.schema && ident_text(*type.schema) != *ext_schema)) {
    return Outcome::NotFound;
  }
  ref.schema = *ext_schema;
  ref.name = name;
  for (const ast::TypeArg& arg : type.args) {
    if (arg.text.empty() || arg.text.find_first_not_of("0123456789") != std::string::npos) {
      ctx.diags.error(DiagKind::InvalidTypeModifier, arg.span,
                      "type modifier \"" + arg.text + "\" is not an integer");
      return Outcome::Reported;
    }
    ref.modifiers.push_back(arg.text);
  }
  return Outcome::Resolved;
}

void report_unknown(Context& ctx, const ast::TypeName& type, std::string_view name,
                    const std::string& schema) {
  std::string shown = (type.schema ? ident_text(*type.schema) + "." : "") + std::string(name);
  auto& diag = ctx.diags.error(DiagKind::UnknownType, type.span, "unknown type \"" + shown + "\"");
  std::vector<std::string> candidates = {"geometry", "geography"};
  // Canonical spellings first, so that a tie suggests "integer" rather than "int4".
  for (std::string_view builtin : ir::builtin_type_names()) {
    if (ir::canonical_builtin_type(builtin) == builtin) candidates.emplace_back(builtin);
  }
  for (std::string_view builtin : ir::builtin_type_names()) candidates.emplace_back(builtin);
  for (const Declared* declared : {&ctx.enums, &ctx.domains}) {
    for (const auto& [type_name, span] : *declared) {
      if (type_name.schema == schema || type_name.schema == ctx.options.default_schema) {
        candidates.push_back(type_name.name);
      }
    }
  }
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    std::size_t d = edit_distance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  if (!best.empty()) add_note(diag, type.span, "did you mean \"" + best + "\"?");
}

}  // namespace

bool is_serial_type(const ast::TypeName& type) {
  if (type.schema || type.quoted || type.array_dims > 0) return false;
  for (const auto& [serial, base_type] : kSerials)
    if (type.name == serial) return true;
  return false;
}

namespace {

// append_part adds one part to a cache key, prefixed by its length (7 bits a
// byte, so one byte for any name), so that no text can pass for another part.
void append_part(std::string& key, std::string_view part) {
  std::size_t size = part.size();
  for (; size >= 0x80; size >>= 7) key += static_cast<char>(0x80 | (size & 0x7f));
  key += static_cast<char>(size);
  key.append(part);
}

// spelling_key: everything resolve_type reads besides the declarations. Spans
// are left out: they only place diagnostics, and only resolved types are cached.
void spelling_key(const ast::TypeName& type, std::string_view schema, std::string& key) {
  key.clear();
  key += type.schema ? 's' : '-';
  key += type.quoted ? 'q' : '-';
  key += type.array_dims > 0 ? 'a' : '-';
  std::string scratch;
  if (type.schema) append_part(key, ident_view(*type.schema, scratch));
  append_part(key, type.name);
  append_part(key, schema);
  for (const ast::TypeArg& arg : type.args) append_part(key, arg.text);
}

std::optional<ir::TypeRef> resolve_uncached(Context& ctx, const ast::TypeName& type,
                                            const std::string& schema) {
  std::string scratch;
  std::string_view name = type.quoted ? std::string_view(type.name) : fold_bare(type.name, scratch);
  bool builtin_scope = !type.schema || ident_text(*type.schema) == "pg_catalog";
  ir::TypeRef ref;
  Outcome outcome = Outcome::NotFound;
  if (!type.quoted && builtin_scope) outcome = resolve_builtin(ctx, type, ref);
  bool postgis_scope = !type.schema || extension_schema(ctx, "postgis") == ident_text(*type.schema);
  if (outcome == Outcome::NotFound && !type.quoted && postgis_scope && ir::is_postgis_type(name)) {
    outcome = resolve_postgis(ctx, type, ref);
  }
  if (outcome == Outcome::NotFound) outcome = resolve_named(ctx, type, name, schema, ref);
  if (outcome == Outcome::NotFound) report_unknown(ctx, type, name, schema);
  if (outcome != Outcome::Resolved) return std::nullopt;
  ref.is_array = type.array_dims > 0;
  return ref;
}

}  // namespace

std::optional<ir::TypeRef> resolve_type(Context& ctx, const ast::TypeName& type,
                                        const std::string& schema) {
  // Types are resolved once every declaration is known, so a spelling resolves
  // the same way each time; thousands of columns share a handful of spellings.
  // Only resolved ones are remembered: they report nothing, failures do.
  spelling_key(type, schema, ctx.type_key);
  auto cached = ctx.resolved_types.find(std::string_view(ctx.type_key));
  if (cached != ctx.resolved_types.end()) return cached->second;
  std::optional<ir::TypeRef> ref = resolve_uncached(ctx, type, schema);
  if (ref) ctx.resolved_types.emplace(ctx.type_key, *ref);
  return ref;
}

}  // namespace schemac::dsl::lower_detail
