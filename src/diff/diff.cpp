#include "diff/diff.hpp"

#include <set>

#include "base/quote.hpp"
#include "diff/internal.hpp"

namespace schemac::diff {
namespace {

using detail::Scope;

// public always exists in a fresh database and is shared with other tools, so
// schemac neither creates nor drops it; it only manages what is inside.
constexpr std::string_view kPublic = "public";
// plpgsql is installed in every database and owns no user data.
constexpr std::string_view kAlwaysInstalled = "plpgsql";

void diff_extensions(const ir::Catalog& current, const ir::Catalog& desired,
                     std::vector<Change>& out) {
  for (const ir::Extension& want : desired.extensions) {
    const ir::Extension* have = ir::find_extension(current, want.name);
    if (!have) {
      out.push_back(CreateExtension{want});
    } else if (want.version && have->version != want.version) {
      out.push_back(UpdateExtension{want.name, have->version, *want.version});
    }
  }
  for (const ir::Extension& have : current.extensions) {
    if (have.name == kAlwaysInstalled || ir::find_extension(desired, have.name)) continue;
    out.push_back(DropExtension{have});
  }
}

// The postgis functions live wherever the extension was installed; qualify
// them so that a search_path without that schema still finds them.
std::string postgis_schema(const ir::Catalog& current, const ir::Catalog& desired) {
  for (const ir::Catalog* catalog : {&desired, &current}) {
    const ir::Extension* ext = ir::find_extension(*catalog, "postgis");
    if (ext && ext->schema) return *ext->schema;
  }
  return "";
}

// The schema names both sides mention that the options put in scope, sorted.
std::set<std::string> schemas_in_scope(const ir::Catalog& current, const ir::Catalog& desired,
                                       const Scope& scope) {
  std::set<std::string> names;
  for (const ir::Catalog* catalog : {&current, &desired})
    for (const ir::Schema& schema : catalog->schemas)
      if (scope.contains(schema.name)) names.insert(schema.name);
  return names;
}

void diff_schema_contents(const ir::Catalog& current, const ir::Schema* from, const ir::Schema* to,
                          const std::string& name, const std::string& gis_schema,
                          std::vector<Change>& out, base::Diagnostics& diags) {
  static const ir::Schema kEmpty;
  const ir::Schema& have = from ? *from : kEmpty;
  const ir::Schema& want = to ? *to : kEmpty;
  detail::diff_sequences(name, have, want, out);
  detail::diff_domains(name, have, want, current, out, diags);
  for (const ir::EnumType& e : want.enums) {
    auto it = std::find_if(have.enums.begin(), have.enums.end(),
                           [&](const ir::EnumType& h) { return h.name == e.name; });
    const ir::EnumType* old = it == have.enums.end() ? nullptr : &*it;
    detail::diff_enum({name, e.name}, old, e, out, diags);
    detail::diff_comment(CommentTarget::Enum, {name, e.name}, "", old ? old->comment : std::nullopt,
                         e.comment, out);
  }
  for (const ir::Table& t : want.tables) {
    auto it = std::find_if(have.tables.begin(), have.tables.end(),
                           [&](const ir::Table& h) { return h.name == t.name; });
    if (it == have.tables.end()) {
      detail::create_table({name, t.name}, t, out);
    } else {
      detail::alter_table({name, t.name}, *it, t, gis_schema, out);
    }
  }
  for (const ir::Table& t : have.tables) {
    bool kept = std::any_of(want.tables.begin(), want.tables.end(),
                            [&](const ir::Table& w) { return w.name == t.name; });
    if (!kept) out.push_back(DropTable{{name, t.name}, t});
  }
  for (const ir::EnumType& e : have.enums) {
    bool kept = std::any_of(want.enums.begin(), want.enums.end(),
                            [&](const ir::EnumType& w) { return w.name == e.name; });
    if (!kept) out.push_back(DropEnum{{name, e.name}});
  }
}

}  // namespace

namespace detail {

std::string display(const QualifiedName& name) {
  return base::quote_qualified(name.schema, name.name);
}

void diff_comment(CommentTarget target, const QualifiedName& object, std::string member,
                  const std::optional<std::string>& from, const std::optional<std::string>& to,
                  std::vector<Change>& out) {
  if (from == to) return;
  out.push_back(SetComment{target, object, std::move(member), to});
}

}  // namespace detail

ChangeSet diff(const ir::Catalog& current, const ir::Catalog& desired, const DiffOptions& options,
               base::Diagnostics& diags) {
  Scope scope{options.managed_schemas};
  ChangeSet result;
  std::vector<Change>& out = result.changes;
  ir::Catalog working = current;  // renames are applied to this copy
  detail::apply_renames(working, desired, scope, out, diags);
  diff_extensions(working, desired, out);
  std::string gis_schema = postgis_schema(working, desired);
  for (const std::string& name : schemas_in_scope(working, desired, scope)) {
    const ir::Schema* from = ir::find_schema(working, name);
    const ir::Schema* to = ir::find_schema(desired, name);
    if (!from && to && name != kPublic) out.push_back(CreateSchema{name});
    if (to) {
      detail::diff_comment(CommentTarget::Schema, {name, ""}, "",
                           from ? from->comment : std::nullopt, to->comment, out);
    }
    diff_schema_contents(working, from, to, name, gis_schema, out, diags);
    if (from && !to && name != kPublic) out.push_back(DropSchema{name});
  }
  return result;
}

}  // namespace schemac::diff
