// Cross-table references: foreign-key targets, resolved once every table has
// its columns and primary key. Also the small helpers the passes share.
#include <algorithm>
#include <cctype>
#include <set>

#include "dsl/lower_context.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// has_matching_key: PostgreSQL requires the referenced columns to be exactly the
// columns of the primary key, a unique constraint or a plain unique index.
bool has_matching_key(const ir::Table& target, const std::vector<std::string>& columns) {
  std::set<std::string> wanted(columns.begin(), columns.end());
  auto same = [&](const std::vector<std::string>& cols) {
    return std::set<std::string>(cols.begin(), cols.end()) == wanted &&
           cols.size() == wanted.size();
  };
  if (target.primary_key && same(target.primary_key->columns)) return true;
  for (const ir::UniqueConstraint& u : target.uniques) {
    if (same(u.columns)) return true;
  }
  for (const ir::Index& index : target.indexes) {
    if (!index.unique || index.where) continue;
    std::vector<std::string> cols;
    bool plain = true;  // an expression key cannot back a foreign key
    for (const ir::IndexElement& e : index.elements) {
      plain &= !e.expr.has_value();
      cols.push_back(e.column);
    }
    if (plain && same(cols)) return true;
  }
  return false;
}

void resolve_fk(Context& ctx, TableWork& work, const PendingFk& pending) {
  ir::ForeignKey& fk = work.table.foreign_keys[pending.fk];
  TableWork* target = ctx.find_table(*pending.target, work.name.schema);
  if (!target) {
    std::string shown = (pending.target->schema ? ident_text(*pending.target->schema) + "." : "") +
                        ident_text(pending.target->name);
    ctx.diags.error(DiagKind::UnknownTable, pending.target->span,
                    "referenced table \"" + shown + "\" does not exist");
    return;
  }
  fk.ref_table = target->name;
  const ir::Table& table = target->table;
  if (pending.ref_columns->empty()) {
    if (!table.primary_key) {
      ctx.diags.error(DiagKind::FkTargetHasNoKey, pending.target->span,
                      "referenced table " + display(target->name) +
                          " has no primary key; name the referenced columns");
      return;
    }
    fk.ref_columns = table.primary_key->columns;
  } else {
    bool all_found = true;
    for (const ast::Ident& ident : *pending.ref_columns) {
      std::string name = ident_text(ident);
      if (!ir::find_column(table, name)) {
        all_found = false;
        ctx.diags.error(DiagKind::UnknownColumn, ident.span,
                        "column \"" + name + "\" does not exist in table " + display(target->name));
      }
      fk.ref_columns.push_back(name);
    }
    if (!all_found) return;
  }
  if (fk.columns.size() != fk.ref_columns.size()) {
    ctx.diags.error(DiagKind::FkColumnCountMismatch, pending.span,
                    "foreign key has " + std::to_string(fk.columns.size()) +
                        " column(s) but references " + std::to_string(fk.ref_columns.size()));
    return;
  }
  if (!has_matching_key(table, fk.ref_columns)) {
    ctx.diags.error(DiagKind::FkTargetHasNoKey, pending.span,
                    "no primary key or unique constraint on (" + join(fk.ref_columns) +
                        ") of table " + display(target->name));
  }
}

}  // namespace

std::string ident_text(const ast::Ident& ident) {
  std::string scratch;
  return std::string(ident_view(ident, scratch));
}

std::string_view ident_view(const ast::Ident& ident, std::string& scratch) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (ident.quoted || std::none_of(ident.text.begin(), ident.text.end(), upper)) return ident.text;
  scratch = ident.text;
  for (char& c : scratch)  // bare names are ASCII (the grammar's bare_ident)
    if (upper(c)) c = static_cast<char>(c - 'A' + 'a');
  return scratch;
}

std::string display(const ir::QualifiedName& name) {
  return "\"" + name.schema + "." + name.name + "\"";
}

void add_note(base::Diagnostic& diag, base::SourceSpan span, std::string message) {
  diag.notes.push_back({span, std::move(message)});
}

TableWork* Context::find_table(const ast::QualifiedIdent& ref, const std::string& from) {
  std::vector<ir::QualifiedName> candidates;
  if (ref.schema) {
    candidates.push_back({ident_text(*ref.schema), ident_text(ref.name)});
  } else {
    candidates.push_back({from, ident_text(ref.name)});
    candidates.push_back({options.default_schema, ident_text(ref.name)});
  }
  for (const ir::QualifiedName& name : candidates) {
    auto it = table_index.find(name);
    if (it != table_index.end()) return &tables[it->second];
  }
  return nullptr;
}

void resolve_references(Context& ctx, TableWork& work) {
  for (const PendingFk& pending : work.pending_fks) resolve_fk(ctx, work, pending);
}

}  // namespace schemac::dsl::lower_detail
