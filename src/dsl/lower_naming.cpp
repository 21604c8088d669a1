// Constraint and index names. Explicit names are reserved first, schema by
// schema (relation names: tables and indexes, including the indexes behind
// primary keys and unique constraints; constraint names: per table). Then every
// unnamed object gets the name PostgreSQL would choose, in PostgreSQL's order
// for CREATE TABLE: checks, primary key, uniques, foreign keys, then indexes.
// The first name tried for each is made on every thread (propose_names); one
// thread then takes them in declaration order, choosing on from there where
// one is taken (take_names), which gives the one-thread result.
#include <array>
#include <map>
#include <unordered_map>

#include "dsl/lower_context.hpp"
#include "dsl/lower_names.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;

struct SchemaNames {
  NameScope scope;
  // name -> declaration, for every relation but the tables (ctx.table_index
  // has those). The keys view names in ctx (sequences, views and the explicit
  // names of constraints and indexes), which stay put while names are assigned.
  std::unordered_map<std::string_view, std::optional<base::SourceSpan>> relations;
};

// column_names views the table's column names (which stay put while naming).
std::vector<std::string_view> column_names(const ir::Table& table) {
  std::vector<std::string_view> names;
  names.reserve(table.columns.size());
  for (const ir::Column& c : table.columns) names.emplace_back(c.name);
  return names;
}

void reserve_relation(Context& ctx, SchemaNames& names, const std::string& name,
                      const std::optional<base::SourceSpan>& span, const std::string& schema) {
  names.scope.take_relation(name);
  std::optional<base::SourceSpan> previous;
  if (auto table = ctx.table_index.find(NameRef{schema, name}); table != ctx.table_index.end()) {
    previous = ctx.tables[table->second].decl->name.span;
  } else {
    auto [it, inserted] = names.relations.emplace(name, span);
    if (inserted) return;
    previous = it->second;
  }
  auto& diag = ctx.diags.error(DiagKind::DuplicateName, span,
                               "duplicate name \"" + name + "\" in schema \"" + schema +
                                   "\" (tables, sequences, indexes, primary keys and unique "
                                   "constraints share one namespace)");
  if (previous) add_note(diag, *previous);
}

// object_count: a table's constraints and indexes.
std::size_t object_count(const ir::Table& t) {
  return t.checks.size() + (t.primary_key ? 1 : 0) + t.uniques.size() + t.foreign_keys.size() +
         t.indexes.size();
}

// ProposedObjects tells which objects of a table propose_names named. Its
// list is in for_each_object's order, so each kind's entries rise by index:
// asked about each kind's objects in rising order, a cursor per kind answers
// in one pass over the list (a search per question would be quadratic in a
// table's unnamed objects).
class ProposedObjects {
 public:
  explicit ProposedObjects(const std::vector<ImplicitName>& names) : names_(names) {}

  /// contains: whether object i of kind was named; i must rise from call to
  /// call for one kind.
  bool contains(ImplicitName::Kind kind, std::size_t i) {
    std::size_t& at = next_[static_cast<std::size_t>(kind)];
    for (; at < names_.size(); ++at) {
      const ImplicitName& name = names_[at];
      if (name.kind == kind && name.index >= i) return name.index == i;
    }
    return false;
  }

 private:
  static constexpr std::size_t kKinds = static_cast<std::size_t>(ImplicitName::Kind::Index) + 1;
  const std::vector<ImplicitName>& names_;
  std::array<std::size_t, kKinds> next_{};  // per kind: where its search goes on
};

// reserve_explicit takes the names a table's objects were given explicitly:
// the names that propose_names did not make.
void reserve_explicit(Context& ctx, SchemaNames& names, TableWork& work) {
  const std::string& schema = work.name.schema;
  ir::Table& t = *work.table;
  // Most tables name none of their objects: then there is nothing to read
  // (their objects lie elsewhere in memory, mostly no longer in cache).
  if (work.implicit_names.size() == object_count(t)) return;
  ProposedObjects proposed(work.implicit_names);
  std::map<std::string, std::optional<base::SourceSpan>> constraints;  // per table
  auto constraint = [&](const std::string& name, const std::optional<base::SourceSpan>& span) {
    names.scope.take_constraint(name);
    auto [it, inserted] = constraints.emplace(name, span);
    if (inserted) return;
    auto& diag = ctx.diags.error(
        DiagKind::DuplicateName, span,
        "duplicate constraint name \"" + name + "\" in table " + display(work.name));
    if (it->second) add_note(diag, *it->second);
  };
  using enum ImplicitName::Kind;
  if (t.primary_key && !proposed.contains(PrimaryKey, 0)) {
    constraint(t.primary_key->name, t.primary_key->provenance.span);
    reserve_relation(ctx, names, t.primary_key->name, t.primary_key->provenance.span, schema);
  }
  for (std::size_t i = 0; i < t.uniques.size(); ++i) {
    const ir::UniqueConstraint& u = t.uniques[i];
    if (proposed.contains(Unique, i)) continue;
    constraint(u.name, u.provenance.span);
    reserve_relation(ctx, names, u.name, u.provenance.span, schema);
  }
  for (std::size_t i = 0; i < t.checks.size(); ++i)
    if (!proposed.contains(Check, i)) constraint(t.checks[i].name, t.checks[i].provenance.span);
  for (std::size_t i = 0; i < t.foreign_keys.size(); ++i)
    if (!proposed.contains(ForeignKey, i))
      constraint(t.foreign_keys[i].name, t.foreign_keys[i].provenance.span);
  for (std::size_t i = 0; i < t.indexes.size(); ++i) {
    const ir::Index& index = t.indexes[i];
    if (!proposed.contains(Index, i))
      reserve_relation(ctx, names, index.name, index.provenance.span, schema);
  }
}

using Kind = ImplicitName::Kind;
using Namespace = NameScope::Namespace;

// NameParts: what PostgreSQL makes an unnamed object's name of, besides the
// table's name.
struct NameParts {
  std::string name2;
  std::string_view label;
};

// where_of: where the name of an object of this kind must be free.
Namespace where_of(Kind kind) {
  switch (kind) {
    case Kind::Check:
    case Kind::ForeignKey:
      return Namespace::Constraint;
    case Kind::PrimaryKey:
    case Kind::Unique:
      return Namespace::Both;  // their index is a relation
    case Kind::Index:
      return Namespace::Relation;
  }
  return Namespace::Both;
}

// plain_columns: whether every key is a column and none repeats, so that
// PostgreSQL names each key after its column (see index_column_names).
bool plain_columns(const std::vector<ir::IndexElement>& keys) {
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (keys[k].expr || keys[k].column.empty()) return false;
    for (std::size_t j = 0; j < k; ++j)
      if (keys[j].column == keys[k].column) return false;
  }
  return true;
}

// implicit_parts: the parts of the name of one unnamed object of t. columns
// views t's column names, filled on the first check that needs them.
NameParts implicit_parts(const ir::Table& t, Kind kind, std::size_t i,
                         std::vector<std::string_view>& columns) {
  switch (kind) {
    case Kind::Check: {
      if (columns.empty()) columns = column_names(t);
      // PostgreSQL names a check after its column only when it references exactly one.
      std::vector<std::string_view> refs = referenced_columns(t.checks[i].expr, columns);
      return {refs.size() == 1 ? std::string(refs[0]) : "", "check"};
    }
    case Kind::PrimaryKey:
      return {"", "pkey"};
    case Kind::Unique:
      return {name_addition(t.uniques[i].columns), "key"};
    case Kind::ForeignKey:
      return {name_addition(t.foreign_keys[i].columns), "fkey"};
    case Kind::Index: {
      const std::vector<ir::IndexElement>& keys = t.indexes[i].elements;
      if (plain_columns(keys))  // each key's name is its column's: no list of names to build
        return {name_addition(keys, &ir::IndexElement::column), "idx"};
      std::vector<std::pair<std::string_view, std::string_view>> elements;
      elements.reserve(keys.size());
      for (const ir::IndexElement& e : keys)
        elements.emplace_back(e.column, e.expr ? std::string_view(*e.expr) : std::string_view());
      return {name_addition(index_column_names(elements)), "idx"};
    }
  }
  return {};
}

// object_name: the name of the object of t that kind and i denote.
std::string& object_name(ir::Table& t, Kind kind, std::size_t i) {
  switch (kind) {
    case Kind::Check:
      return t.checks[i].name;
    case Kind::PrimaryKey:
      return t.primary_key->name;
    case Kind::Unique:
      return t.uniques[i].name;
    case Kind::ForeignKey:
      return t.foreign_keys[i].name;
    case Kind::Index:
      return t.indexes[i].name;
  }
  return t.name;  // not reached: every kind is handled above
}

// for_each_object calls visit(kind, index, name) for each constraint and
// index of t, in PostgreSQL's order for CREATE TABLE: checks, primary key,
// uniques, foreign keys, then indexes.
template <typename Visit>
void for_each_object(ir::Table& t, Visit visit) {
  for (std::size_t i = 0; i < t.checks.size(); ++i) visit(Kind::Check, i, t.checks[i].name);
  if (t.primary_key) visit(Kind::PrimaryKey, 0, t.primary_key->name);
  for (std::size_t i = 0; i < t.uniques.size(); ++i) visit(Kind::Unique, i, t.uniques[i].name);
  for (std::size_t i = 0; i < t.foreign_keys.size(); ++i)
    visit(Kind::ForeignKey, i, t.foreign_keys[i].name);
  for (std::size_t i = 0; i < t.indexes.size(); ++i) visit(Kind::Index, i, t.indexes[i].name);
}

// take_names takes the names propose_names made, table by table in
// declaration order: what choosing one by one would have tried first. A name
// taken meanwhile (by an earlier table, or by an explicit name) is chosen
// anew from there, exactly as choosing one by one would have gone on.
void take_names(NameScope& scope, TableWork& work) {
  ir::Table& t = *work.table;
  std::vector<std::string_view> columns;
  for (const ImplicitName& implicit : work.implicit_names) {
    std::string& name = object_name(t, implicit.kind, implicit.index);
    Namespace where = where_of(implicit.kind);
    if (scope.take_first(name, implicit.hash, where)) continue;
    NameParts parts = implicit_parts(t, implicit.kind, implicit.index, columns);
    name = scope.choose_after(t.name, parts.name2, parts.label, where);
  }
}

// reserve_view: a view is a relation too, created after the tables, so it may
// take no name their indexes have, explicit or implicit. A clash with a table
// is reported by lower_views.
void reserve_view(Context& ctx, SchemaNames& names, const ViewWork& view) {
  const std::string& name = view.name.name;
  if (ctx.table_index.count(view.name)) return;
  if (names.scope.has_relation(name)) {
    auto it = names.relations.find(name);
    auto& diag = ctx.diags.error(DiagKind::DuplicateName, view.decl->name.span,
                                 "view name \"" + name + "\" is taken by an index or constraint " +
                                     "in schema \"" + view.name.schema + "\"");
    if (it != names.relations.end() && it->second) add_note(diag, *it->second);
    return;
  }
  names.scope.take_relation(name);
  names.relations.emplace(name, view.decl->name.span);
}

// name_domain_checks: explicit names first (one namespace per domain), then
// ChooseConstraintName(domain, NULL, "check"), which avoids every constraint
// name of the schema. Domains are created before tables, so they choose first.
void name_domain_checks(Context& ctx, std::map<std::string, SchemaNames>& schemas) {
  for (ir::Schema& schema : ctx.catalog.schemas) {
    NameScope& scope = schemas[schema.name].scope;
    for (ir::Domain& domain : schema.domains) {
      std::map<std::string, std::optional<base::SourceSpan>> taken;
      for (const ir::CheckConstraint& c : domain.checks) {
        if (c.name.empty()) continue;
        scope.take_constraint(c.name);
        auto [it, inserted] = taken.emplace(c.name, c.provenance.span);
        if (inserted) continue;
        auto& diag = ctx.diags.error(DiagKind::DuplicateName, c.provenance.span,
                                     "duplicate constraint name \"" + c.name + "\" in domain " +
                                         display({schema.name, domain.name}));
        if (it->second) add_note(diag, *it->second);
      }
    }
    for (ir::Domain& domain : schema.domains)
      for (ir::CheckConstraint& c : domain.checks)
        if (c.name.empty()) c.name = scope.choose_constraint_name(domain.name, "", "check");
  }
}

// name_count: how many names a table and its objects take, at most.
std::size_t name_count(const ir::Table& t) {
  return 1 + object_count(t);
}

// SchemaLookup finds a schema's names in schemas, remembering the last one:
// consecutive tables are mostly of one schema.
class SchemaLookup {
 public:
  explicit SchemaLookup(std::map<std::string, SchemaNames>& schemas) : schemas_(schemas) {}
  SchemaNames& operator()(const std::string& schema) {
    if (!last_ || schema != last_->first) last_ = &*schemas_.try_emplace(schema).first;
    return last_->second;
  }

 private:
  std::map<std::string, SchemaNames>& schemas_;
  std::pair<const std::string, SchemaNames>* last_ = nullptr;
};

// prefetch_names asks for what take_names will read of work: the slots its
// implicit names start from, and those names.
void prefetch_names(const NameScope& scope, TableWork& work) {
  for (const ImplicitName& implicit : work.implicit_names) {
    scope.prefetch(implicit.hash);
    NameScope::touch(object_name(*work.table, implicit.kind, implicit.index).data());
  }
}

}  // namespace

void propose_names(Context&, TableWork& work) {
  ir::Table& t = *work.table;
  std::size_t unnamed = 0;
  for_each_object(t, [&](Kind, std::size_t, const std::string& name) { unnamed += name.empty(); });
  work.implicit_names.reserve(unnamed);
  std::vector<std::string_view> columns;
  for_each_object(t, [&](Kind kind, std::size_t i, std::string& name) {
    if (!name.empty()) return;
    NameParts parts = implicit_parts(t, kind, i, columns);
    name = make_object_name(t.name, parts.name2, parts.label);
    work.implicit_names.push_back({NameScope::hash(name), static_cast<std::uint32_t>(i), kind});
  });
}

void assign_names(Context& ctx) {
  std::map<std::string, SchemaNames> schemas;
  std::map<std::string_view, std::size_t> counts;  // names each schema's tables take
  for (const TableWork& work : ctx.tables) counts[work.name.schema] += name_count(*work.table);
  for (const auto& [schema, count] : counts) schemas[std::string(schema)].scope.reserve(count);
  for (TableWork& work : ctx.tables) schemas[work.name.schema].scope.take_relation(work.name.name);
  // A sequence is a relation: its name must not clash with a table or an index.
  for (const SequenceWork& work : ctx.sequence_work) {
    reserve_relation(ctx, schemas[work.name.schema], work.name.name, work.decl->name.span,
                     work.name.schema);
  }
  name_domain_checks(ctx, schemas);
  for (TableWork& work : ctx.tables) reserve_explicit(ctx, schemas[work.name.schema], work);
  // While a table's names are taken, what the table kAhead places on will
  // read is fetched: one cache miss after another was most of this loop.
  constexpr std::size_t kAhead = 8;
  SchemaLookup current(schemas), ahead(schemas);
  std::vector<TableWork>& tables = ctx.tables;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i + kAhead < tables.size())
      prefetch_names(ahead(tables[i + kAhead].name.schema).scope, tables[i + kAhead]);
    take_names(current(tables[i].name.schema).scope, tables[i]);
  }
  for (const ViewWork& view : ctx.views) reserve_view(ctx, schemas[view.name.schema], view);
}

}  // namespace schemac::dsl::lower_detail
