// Rename hints (`renamed from`): applied to a copy of the current catalog before
// anything else is compared, so every later step sees the objects under their
// new names. A hint is never a guess: it applies only when the old name exists
// and the new one does not.
#include <algorithm>
#include <optional>

#include "base/quote.hpp"
#include "diff/internal.hpp"
#include "ir/sql_lexer.hpp"

namespace schemac::diff::detail {
namespace {

enum class HintState { Apply, AlreadyDone, Missing, Conflict };

HintState classify(bool old_exists, bool new_exists) {
  if (old_exists && new_exists) return HintState::Conflict;
  if (old_exists) return HintState::Apply;
  return new_exists ? HintState::AlreadyDone : HintState::Missing;
}

// Reports conflicting or dangling hints; true when the rename must be planned.
bool check_hint(HintState state, std::string_view what, const std::string& old_name,
                const std::string& new_name, const ir::Provenance& provenance,
                base::Diagnostics& diags) {
  if (state == HintState::Conflict) {
    diags.error(base::DiagKind::RenameConflict, provenance.span,
                std::string("cannot rename ") + std::string(what) + " " + old_name + " to " +
                    new_name + ": both exist");
  } else if (state == HintState::Missing) {
    diags.warning(base::DiagKind::RenameSourceMissing, provenance.span,
                  std::string("rename hint names no existing ") + std::string(what) + ": " +
                      old_name + "; " + new_name + " will be created");
  }
  return state == HintState::Apply;
}

// PostgreSQL keeps a view reading a renamed table or column; so do its facts.
void rename_in_views(ir::Catalog& catalog, const QualifiedName& table, const std::string& to,
                     const std::string& column_from = "", const std::string& column_to = "") {
  for (ir::Schema& schema : catalog.schemas)
    for (ir::View& view : schema.views) {
      for (QualifiedName& r : view.facts.relations)
        if (r == table && column_from.empty()) r.name = to;
      for (auto& [relation, column] : view.facts.reads) {
        if (relation != table) continue;
        if (column_from.empty()) {
          relation.name = to;
        } else if (column == column_from) {
          column = column_to;
        }
      }
    }
}

void rename_in(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  std::replace(names.begin(), names.end(), from, to);
}

// rename_in_expr renames column `from` in SQL expression text, as PostgreSQL
// does in the stored expressions of checks, indexes and generated columns.
// A name before '(' is a function, after '.' or '::' a field or a type.
void rename_in_expr(std::string& expr, const std::string& from, const std::string& to) {
  std::vector<ir::SqlToken> tokens = ir::lex_sql(expr);
  bool changed = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!ir::is_name(tokens[i]) || tokens[i].text != from) continue;
    if (i + 1 < tokens.size() && ir::is_punct(tokens[i + 1], "(")) continue;
    if (i > 0 && (ir::is_punct(tokens[i - 1], ".") || ir::is_punct(tokens[i - 1], "::"))) continue;
    tokens[i] = {ir::SqlTokenKind::QuotedIdent, to};  // printed bare when it may be
    changed = true;
  }
  if (changed) expr = ir::print_tokens(tokens);
}

void rename_in_expr(base::Boxed<std::string>& expr, const std::string& from,
                    const std::string& to) {
  if (expr) rename_in_expr(*expr, from, to);
}

// PostgreSQL keeps constraints and indexes attached when a column is renamed;
// mirror that so they are not seen as changed.
void rename_column_refs(ir::Catalog& catalog, const QualifiedName& table_name, ir::Table& table,
                        const std::string& from, const std::string& to) {
  if (table.primary_key) rename_in(table.primary_key->columns, from, to);
  for (ir::UniqueConstraint& u : table.uniques) rename_in(u.columns, from, to);
  for (ir::ForeignKey& fk : table.foreign_keys) rename_in(fk.columns, from, to);
  for (ir::CheckConstraint& c : table.checks) rename_in_expr(c.expr, from, to);
  for (ir::Column& c : table.columns) rename_in_expr(c.generated_expr, from, to);
  for (ir::Index& index : table.indexes) {
    rename_in(index.include, from, to);
    rename_in_expr(index.where, from, to);
    for (ir::IndexElement& e : index.elements) {
      if (!e.expr && e.column == from) e.column = to;
      rename_in_expr(e.expr, from, to);
    }
  }
  for (ir::Schema& schema : catalog.schemas)
    for (ir::Table& t : schema.tables)
      for (ir::ForeignKey& fk : t.foreign_keys)
        if (fk.ref_table == table_name) rename_in(fk.ref_columns, from, to);
  rename_in_views(catalog, table_name, table_name.name, from, to);
  // OWNED BY follows the column, as PostgreSQL's dependency does.
  if (ir::Schema* schema = ir::find_schema(catalog, table_name.schema))
    for (ir::Sequence& s : schema->sequences)
      if (s.owned_by && s.owned_by->table == table_name.name && s.owned_by->column == from)
        s.owned_by->column = to;
}

void rename_table(ir::Catalog& catalog, ir::Table& table, const QualifiedName& from,
                  const std::string& to) {
  table.name = to;
  for (ir::Schema& schema : catalog.schemas)
    for (ir::Table& t : schema.tables)
      for (ir::ForeignKey& fk : t.foreign_keys)
        if (fk.ref_table == from) fk.ref_table.name = to;
  rename_in_views(catalog, from, to);
  if (ir::Schema* schema = ir::find_schema(catalog, from.schema))
    for (ir::Sequence& s : schema->sequences)
      if (s.owned_by && s.owned_by->table == from.name) s.owned_by->table = to;
}

template <typename T>
T* find_named(std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
  return it == items.end() ? nullptr : &*it;
}

// The names a table's constraints share (one namespace per table in practice).
std::string* find_constraint_name(ir::Table& table, const std::string& name) {
  if (table.primary_key && table.primary_key->name == name) return &table.primary_key->name;
  if (auto* u = find_named(table.uniques, name)) return &u->name;
  if (auto* c = find_named(table.checks, name)) return &c->name;
  if (auto* fk = find_named(table.foreign_keys, name)) return &fk->name;
  return nullptr;
}

void rename_constraint(const QualifiedName& qn, ir::Table& have, const std::string& new_name,
                       const ir::Provenance& provenance, std::vector<Change>& out,
                       base::Diagnostics& diags) {
  if (!provenance.renamed_from) return;
  const std::string& old_name = *provenance.renamed_from;
  std::string* old_slot = find_constraint_name(have, old_name);
  HintState state = classify(old_slot != nullptr, find_constraint_name(have, new_name) != nullptr);
  if (!check_hint(state, "constraint", old_name, new_name, provenance, diags)) return;
  out.push_back(RenameConstraint{qn, old_name, new_name});
  *old_slot = new_name;
}

void rename_members(ir::Catalog& current, const QualifiedName& qn, ir::Table& have,
                    const ir::Table& want, std::vector<Change>& out, base::Diagnostics& diags) {
  for (const ir::Column& c : want.columns) {
    if (!c.provenance.renamed_from) continue;
    const std::string& old_name = *c.provenance.renamed_from;
    ir::Column* old_col = find_named(have.columns, old_name);
    HintState state = classify(old_col != nullptr, find_named(have.columns, c.name) != nullptr);
    if (!check_hint(state, "column", display(qn) + "." + old_name, c.name, c.provenance, diags))
      continue;
    out.push_back(RenameColumn{qn, old_name, c.name});
    old_col->name = c.name;
    rename_column_refs(current, qn, have, old_name, c.name);
  }
  for (const ir::Index& index : want.indexes) {
    if (!index.provenance.renamed_from) continue;
    const std::string& old_name = *index.provenance.renamed_from;
    ir::Index* old_index = find_named(have.indexes, old_name);
    HintState state =
        classify(old_index != nullptr, find_named(have.indexes, index.name) != nullptr);
    if (!check_hint(state, "index", old_name, index.name, index.provenance, diags)) continue;
    out.push_back(RenameIndex{qn, old_name, index.name});
    old_index->name = index.name;
  }
  if (want.primary_key)
    rename_constraint(qn, have, want.primary_key->name, want.primary_key->provenance, out, diags);
  for (const ir::UniqueConstraint& u : want.uniques)
    rename_constraint(qn, have, u.name, u.provenance, out, diags);
  for (const ir::CheckConstraint& c : want.checks)
    rename_constraint(qn, have, c.name, c.provenance, out, diags);
  for (const ir::ForeignKey& fk : want.foreign_keys)
    rename_constraint(qn, have, fk.name, fk.provenance, out, diags);
}

// rename_sequence_refs: PostgreSQL stores nextval('s') by OID, so a renamed
// sequence's defaults print the new name; mirror that in the default texts.
void rename_sequence_refs(ir::Catalog& catalog, const QualifiedName& from, const std::string& to) {
  // As regclass prints them, inspected with search_path = public.
  std::string prefix = from.schema == "public" ? "" : base::quote_ident(from.schema) + ".";
  std::string old_text = base::quote_literal(prefix + base::quote_ident(from.name));
  std::string new_text = base::quote_literal(prefix + base::quote_ident(to));
  for (ir::Schema& schema : catalog.schemas)
    for (ir::Table& t : schema.tables)
      for (ir::Column& c : t.columns) {
        if (!c.default_expr) continue;
        std::vector<ir::SqlToken> tokens = ir::lex_sql(*c.default_expr);
        bool changed = false;
        for (ir::SqlToken& token : tokens) {
          if (token.kind != ir::SqlTokenKind::String || token.text != old_text) continue;
          token.text = new_text;
          changed = true;
        }
        if (changed) c.default_expr = ir::print_tokens(tokens);
      }
}

// rename_domain_refs: columns and domains of the renamed domain's type follow it.
void rename_domain_refs(ir::Catalog& catalog, const QualifiedName& from, const std::string& to) {
  auto follow = [&](ir::TypeRef& type) {
    if (type.schema == from.schema && type.name == from.name) type.name = to;
  };
  for (ir::Schema& schema : catalog.schemas) {
    for (ir::Domain& d : schema.domains) follow(d.type);
    for (ir::Table& t : schema.tables)
      for (ir::Column& c : t.columns) follow(c.type);
  }
}

// rename_seqdom: the `renamed from` hints of one schema's sequences and domains.
void rename_seqdom(ir::Catalog& current, const ir::Schema& schema, std::vector<Change>& out,
                   base::Diagnostics& diags) {
  ir::Schema* have = ir::find_schema(current, schema.name);
  if (!have) return;
  for (const ir::Sequence& want : schema.sequences) {
    if (!want.provenance.renamed_from) continue;
    QualifiedName old_qn{schema.name, *want.provenance.renamed_from};
    ir::Sequence* old = find_named(have->sequences, old_qn.name);
    HintState state = classify(old != nullptr, find_named(have->sequences, want.name) != nullptr);
    if (!check_hint(state, "sequence", display(old_qn), display({schema.name, want.name}),
                    want.provenance, diags))
      continue;
    out.push_back(RenameSequence{old_qn, want.name});
    old->name = want.name;
    rename_sequence_refs(current, old_qn, want.name);
  }
  for (const ir::Domain& want : schema.domains) {
    if (!want.provenance.renamed_from) continue;
    QualifiedName old_qn{schema.name, *want.provenance.renamed_from};
    ir::Domain* old = find_named(have->domains, old_qn.name);
    HintState state = classify(old != nullptr, find_named(have->domains, want.name) != nullptr);
    if (!check_hint(state, "domain", display(old_qn), display({schema.name, want.name}),
                    want.provenance, diags))
      continue;
    out.push_back(RenameDomain{old_qn, want.name});
    old->name = want.name;
    rename_domain_refs(current, old_qn, want.name);
  }
}

}  // namespace

bool check_rename_hint(bool old_exists, bool new_exists, std::string_view what,
                       const std::string& old_name, const std::string& new_name,
                       const ir::Provenance& provenance, base::Diagnostics& diags) {
  return check_hint(classify(old_exists, new_exists), what, old_name, new_name, provenance, diags);
}

void apply_renames(ir::Catalog& current, const ir::Catalog& desired, const Scope& scope,
                   std::vector<Change>& out, base::Diagnostics& diags) {
  for (const ir::Schema& schema : desired.schemas) {
    if (!scope.contains(schema.name)) continue;
    rename_seqdom(current, schema, out, diags);
    // The current tables by name (a linear search per table is quadratic);
    // made again after a table is renamed, as the index holds the names.
    ir::Schema* have_schema = ir::find_schema(current, schema.name);
    std::optional<ir::NameIndex<ir::Table>> have_tables;
    if (have_schema) have_tables.emplace(have_schema->tables);
    const auto find = [&](const std::string& name) -> ir::Table* {
      return have_tables ? have_tables->find(name) : nullptr;
    };
    for (const ir::Table& want : schema.tables) {
      QualifiedName qn{schema.name, want.name};
      if (want.provenance.renamed_from) {
        QualifiedName old_qn{schema.name, *want.provenance.renamed_from};
        ir::Table* old_table = find(old_qn.name);
        HintState state = classify(old_table != nullptr, find(qn.name) != nullptr);
        if (check_hint(state, "table", display(old_qn), display(qn), want.provenance, diags)) {
          out.push_back(RenameTable{old_qn, want.name});
          rename_table(current, *old_table, old_qn, want.name);
          have_tables.emplace(have_schema->tables);
        }
      }
      if (ir::Table* have = find(qn.name)) rename_members(current, qn, *have, want, out, diags);
    }
  }
}

}  // namespace schemac::diff::detail
