// Constraint and index names. Explicit names are reserved first, schema by
// schema (relation names: tables and indexes, including the indexes behind
// primary keys and unique constraints; constraint names: per table). Then every
// unnamed object gets the name PostgreSQL would choose, in PostgreSQL's order
// for CREATE TABLE: checks, primary key, uniques, foreign keys, then indexes.
#include <map>
#include <unordered_map>

#include "dsl/lower_context.hpp"
#include "dsl/lower_names.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;

struct SchemaNames {
  NameScope scope;
  // name -> declaration. The keys view names in ctx (tables, sequences, views
  // and the explicit names of constraints and indexes), which stay put while
  // names are assigned.
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
  auto [it, inserted] = names.relations.emplace(name, span);
  names.scope.take_relation(name);
  if (inserted) return;
  auto& diag = ctx.diags.error(DiagKind::DuplicateName, span,
                               "duplicate name \"" + name + "\" in schema \"" + schema +
                                   "\" (tables, sequences, indexes, primary keys and unique "
                                   "constraints share one namespace)");
  if (it->second) add_note(diag, *it->second);
}

// reserve_explicit takes the names a table's objects were given explicitly.
void reserve_explicit(Context& ctx, SchemaNames& names, TableWork& work) {
  const std::string& schema = work.name.schema;
  ir::Table& t = work.table;
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
  if (t.primary_key && !t.primary_key->name.empty()) {
    constraint(t.primary_key->name, t.primary_key->provenance.span);
    reserve_relation(ctx, names, t.primary_key->name, t.primary_key->provenance.span, schema);
  }
  for (const ir::UniqueConstraint& u : t.uniques) {
    if (u.name.empty()) continue;
    constraint(u.name, u.provenance.span);
    reserve_relation(ctx, names, u.name, u.provenance.span, schema);
  }
  for (const ir::CheckConstraint& c : t.checks) {
    if (!c.name.empty()) constraint(c.name, c.provenance.span);
  }
  for (const ir::ForeignKey& fk : t.foreign_keys) {
    if (!fk.name.empty()) constraint(fk.name, fk.provenance.span);
  }
  for (const ir::Index& index : t.indexes) {
    if (!index.name.empty())
      reserve_relation(ctx, names, index.name, index.provenance.span, schema);
  }
}

// name_implicit gives every unnamed object of a table PostgreSQL's name for it.
void name_implicit(NameScope& scope, ir::Table& t) {
  const std::string& table = t.name;
  std::vector<std::string_view> columns;  // built once, on the first unnamed check
  for (ir::CheckConstraint& c : t.checks) {
    if (!c.name.empty()) continue;
    if (columns.empty()) columns = column_names(t);
    // PostgreSQL names a check after its column only when it references exactly one.
    std::vector<std::string_view> refs = referenced_columns(c.expr, columns);
    c.name = scope.choose_constraint_name(table, refs.size() == 1 ? refs[0] : "", "check");
  }
  if (t.primary_key && t.primary_key->name.empty()) {
    t.primary_key->name = scope.choose_relation_name(table, "", "pkey", true);
  }
  for (ir::UniqueConstraint& u : t.uniques) {
    if (u.name.empty())
      u.name = scope.choose_relation_name(table, name_addition(u.columns), "key", true);
  }
  for (ir::ForeignKey& fk : t.foreign_keys) {
    if (fk.name.empty())
      fk.name = scope.choose_constraint_name(table, name_addition(fk.columns), "fkey");
  }
  for (ir::Index& index : t.indexes) {
    if (!index.name.empty()) continue;
    std::vector<std::pair<std::string_view, std::string_view>> elements;
    elements.reserve(index.elements.size());
    for (const ir::IndexElement& e : index.elements)
      elements.emplace_back(e.column, e.expr ? std::string_view(*e.expr) : std::string_view());
    index.name = scope.choose_relation_name(table, name_addition(index_column_names(elements)),
                                            "idx", false);
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
  return 1 + t.checks.size() + (t.primary_key ? 1 : 0) + t.uniques.size() + t.foreign_keys.size() +
         t.indexes.size();
}

}  // namespace

void assign_names(Context& ctx) {
  std::map<std::string, SchemaNames> schemas;
  std::map<std::string_view, std::size_t> counts;  // names each schema's tables take
  for (const TableWork& work : ctx.tables) counts[work.name.schema] += name_count(work.table);
  for (const auto& [schema, count] : counts) schemas[std::string(schema)].scope.reserve(count);
  for (TableWork& work : ctx.tables) {
    SchemaNames& names = schemas[work.name.schema];
    names.scope.take_relation(work.name.name);
    names.relations.emplace(work.name.name, work.decl->name.span);
  }
  // A sequence is a relation: its name must not clash with a table or an index.
  for (const SequenceWork& work : ctx.sequence_work) {
    reserve_relation(ctx, schemas[work.name.schema], work.name.name, work.decl->name.span,
                     work.name.schema);
  }
  name_domain_checks(ctx, schemas);
  for (TableWork& work : ctx.tables) reserve_explicit(ctx, schemas[work.name.schema], work);
  for (TableWork& work : ctx.tables) name_implicit(schemas[work.name.schema].scope, work.table);
  for (const ViewWork& view : ctx.views) reserve_view(ctx, schemas[view.name.schema], view);
}

}  // namespace schemac::dsl::lower_detail
