#include "diff/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>

#include "base/quote.hpp"
#include "diff/internal.hpp"
#include "ir/normalize.hpp"

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
  const ir::NameIndex<const ir::EnumType> have_enums(have.enums), want_enums(want.enums);
  const ir::NameIndex<const ir::Table> have_tables(have.tables), want_tables(want.tables);
  for (const ir::EnumType& e : want.enums) {
    const ir::EnumType* old = have_enums.find(e.name);
    detail::diff_enum({name, e.name}, old, e, out, diags);
    detail::diff_comment(CommentTarget::Enum, {name, e.name}, "", old ? old->comment : std::nullopt,
                         e.comment, out);
  }
  for (const ir::Table& t : want.tables) {
    if (const ir::Table* old = have_tables.find(t.name)) {
      detail::alter_table({name, t.name}, *old, t, gis_schema, out);
    } else {
      detail::create_table({name, t.name}, t, out);
    }
  }
  for (const ir::Table& t : have.tables) {
    if (!want_tables.find(t.name)) out.push_back(DropTable{{name, t.name}, t});
  }
  for (const ir::EnumType& e : have.enums) {
    if (!want_enums.find(e.name)) out.push_back(DropEnum{{name, e.name}});
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

namespace {

// spell_out_serial turns serial column `column` of `table` into what serial is
// short for: a sequence with serial's options, owned by the column, and a
// nextval() default (in the normalised spelling the inspector's text reaches).
void spell_out_serial(ir::Schema& schema, ir::Table& table, ir::Column& column) {
  const std::string& type = column.type.name;
  ir::Sequence sequence;
  const base::Boxed<std::string>& known = column.serial_sequence.name;
  sequence.name = known && !known->empty() ? *known : table.name + "_" + column.name + "_seq";
  sequence.data_type = type;
  sequence.start = 1;
  sequence.min_value = 1;
  sequence.max_value = type == "smallint"  ? 32767
                       : type == "integer" ? 2147483647
                                           : std::numeric_limits<std::int64_t>::max();
  sequence.owned_by = ir::SequenceOwner{table.name, column.name};
  column.default_expr = ir::nextval_text(schema.name, sequence.name);
  column.serial = false;
  auto at =
      std::lower_bound(schema.sequences.begin(), schema.sequences.end(), sequence.name,
                       [](const ir::Sequence& s, const std::string& n) { return s.name < n; });
  schema.sequences.insert(at, std::move(sequence));
}

// SerialSpelling: a column of `schema`.`table` whose serial side is spelled out
// on the current catalog's copy, the desired one's, or both.
struct SerialSpelling {
  std::string schema, table, column;
  bool current = false, desired = false;
};

// serial_spellings finds where a column becomes or stops being serial (or a
// serial column changes type): the serial side is then spelled out, so that
// the change is planned as the sequence and default it really is (CREATE
// SEQUENCE … OWNED BY and SET DEFAULT, or DROP DEFAULT and DROP SEQUENCE).
std::vector<SerialSpelling> serial_spellings(const ir::Catalog& current,
                                             const ir::Catalog& desired) {
  std::vector<SerialSpelling> found;
  for (const ir::Schema& want_schema : desired.schemas) {
    const ir::Schema* have_schema = ir::find_schema(current, want_schema.name);
    if (!have_schema) continue;
    const ir::NameIndex<const ir::Table> have_tables(have_schema->tables);
    for (const ir::Table& want : want_schema.tables) {
      const ir::Table* table = have_tables.find(want.name);
      if (!table) continue;
      for (const ir::Column& want_column : want.columns) {
        const ir::Column* column = ir::find_column(*table, want_column.name);
        if (!column) continue;
        // serial -> bigserial: both sides spelled out, so the sequence's type
        // follows the column's (ALTER SEQUENCE … AS bigint).
        bool retyped = column->serial && want_column.serial && !(column->type == want_column.type);
        if (column->serial == want_column.serial && !retyped) continue;
        found.push_back({want_schema.name, want.name, want_column.name, column->serial,
                         !column->serial || retyped});
      }
    }
  }
  return found;
}

ir::Column& column_of(ir::Catalog& catalog, const SerialSpelling& at, ir::Schema*& schema,
                      ir::Table*& table) {
  schema = ir::find_schema(catalog, at.schema);
  table = &*std::find_if(schema->tables.begin(), schema->tables.end(),
                         [&](const ir::Table& t) { return t.name == at.table; });
  return *std::find_if(table->columns.begin(), table->columns.end(),
                       [&](const ir::Column& c) { return c.name == at.column; });
}

void spell_out_serials(ir::Catalog& catalog, const std::vector<SerialSpelling>& spellings,
                       bool SerialSpelling::*side) {
  for (const SerialSpelling& at : spellings) {
    if (!(at.*side)) continue;
    ir::Schema* schema = nullptr;
    ir::Table* table = nullptr;
    ir::Column& column = column_of(catalog, at, schema, table);
    spell_out_serial(*schema, *table, column);
  }
}

// WorkingCopy is the current catalog as diff sees it: renames applied, serial
// columns spelled out. Most plans need neither, so the copy of the current
// catalog (10,000 tables) is made only when one of them changes it.
class WorkingCopy {
 public:
  explicit WorkingCopy(const ir::Catalog& current) : current_(&current) {}
  const ir::Catalog& get() const { return *current_; }
  ir::Catalog& mutate() {
    if (!copy_) {
      copy_ = *current_;
      current_ = &*copy_;
    }
    return *copy_;
  }

 private:
  const ir::Catalog* current_;
  std::optional<ir::Catalog> copy_;
};

// has_rename_hints: some object of a schema in scope says `renamed from`
// (apply_renames and rename_views do nothing otherwise).
bool has_rename_hints(const ir::Catalog& desired, const Scope& scope) {
  auto hinted = [](const auto& items) {
    return std::any_of(items.begin(), items.end(),
                       [](const auto& i) { return i.provenance.renamed_from.has_value(); });
  };
  for (const ir::Schema& schema : desired.schemas) {
    if (!scope.contains(schema.name)) continue;
    if (hinted(schema.sequences) || hinted(schema.domains) || hinted(schema.views) ||
        hinted(schema.tables))
      return true;
    for (const ir::Table& t : schema.tables) {
      if (hinted(t.columns) || hinted(t.indexes) || hinted(t.uniques) || hinted(t.checks) ||
          hinted(t.foreign_keys) || (t.primary_key && t.primary_key->provenance.renamed_from))
        return true;
    }
  }
  return false;
}

}  // namespace

ChangeSet diff(const ir::Catalog& current, const ir::Catalog& wanted, const DiffOptions& options,
               base::Diagnostics& diags) {
  Scope scope{options.managed_schemas};
  ChangeSet result;
  std::vector<Change>& out = result.changes;
  WorkingCopy have(current);  // renames are applied to a copy
  if (has_rename_hints(wanted, scope))
    detail::apply_renames(have.mutate(), wanted, scope, out, diags);
  std::optional<ir::Catalog> wanted_copy;  // only when a serial column must be spelled out
  const std::vector<SerialSpelling> spellings = serial_spellings(have.get(), wanted);
  if (std::any_of(spellings.begin(), spellings.end(),
                  [](const SerialSpelling& s) { return s.current; }))
    spell_out_serials(have.mutate(), spellings, &SerialSpelling::current);
  if (std::any_of(spellings.begin(), spellings.end(),
                  [](const SerialSpelling& s) { return s.desired; })) {
    wanted_copy = wanted;
    spell_out_serials(*wanted_copy, spellings, &SerialSpelling::desired);
  }
  const ir::Catalog& desired = wanted_copy ? *wanted_copy : wanted;
  if (has_rename_hints(desired, scope))
    detail::rename_views(have.mutate(), desired, scope, out, diags);
  const ir::Catalog& working = have.get();
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
  detail::diff_views(working, desired, scope, out);
  return result;
}

}  // namespace schemac::diff
