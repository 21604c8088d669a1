// Cross-table references: foreign-key targets, resolved once every table has
// its columns and primary key. Also the small helpers the passes share.
#include <algorithm>
#include <cctype>

#include "dsl/lower_context.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// same_columns: cols holds exactly the names in wanted, none of them twice (a
// key's column set). Keys have a few columns, so pairwise scans beat building sets.
template <typename Cols>
bool same_columns(const Cols& cols, const std::vector<std::string>& wanted) {
  auto in = [](const auto& range, std::string_view name) {
    return std::find(range.begin(), range.end(), name) != range.end();
  };
  for (auto it = cols.begin(); it != cols.end(); ++it) {
    std::string_view col = *it;
    if (!in(wanted, col) || std::find(cols.begin(), it, col) != it) return false;
  }
  return std::all_of(wanted.begin(), wanted.end(),
                     [&](const std::string& name) { return in(cols, name); });
}

// has_matching_key: PostgreSQL requires the referenced columns to be exactly the
// columns of the primary key, a unique constraint or a plain unique index.
bool has_matching_key(const ir::Table& target, const std::vector<std::string>& columns) {
  if (target.primary_key && same_columns(target.primary_key->columns, columns)) return true;
  for (const ir::UniqueConstraint& u : target.uniques) {
    if (same_columns(u.columns, columns)) return true;
  }
  for (const ir::Index& index : target.indexes) {
    if (!index.unique || index.where) continue;
    std::vector<std::string_view> cols;
    bool plain = true;  // an expression key cannot back a foreign key
    for (const ir::IndexElement& e : index.elements) {
      plain &= !e.expr.has_value();
      cols.emplace_back(e.column);
    }
    if (plain && same_columns(cols, columns)) return true;
  }
  return false;
}

void resolve_fk(Context& ctx, TableWork& work, const PendingFk& pending) {
  ir::ForeignKey& fk = work.table->foreign_keys[pending.fk];
  TableWork* target = ctx.find_table(*pending.target, work.name.schema);
  if (!target) {
    ctx.diags.error(DiagKind::UnknownTable, pending.target->span,
                    "referenced table \"" + qualified_text(*pending.target) + "\" does not exist");
    return;
  }
  fk.ref_table = target->name;
  const ir::Table& table = *target->table;
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

std::string qualified_text(const ast::QualifiedIdent& ident) {
  return (ident.schema ? ident_text(*ident.schema) + "." : "") + ident_text(ident.name);
}

std::string_view ident_view(const ast::Ident& ident, std::string& scratch) {
  return ident.quoted ? std::string_view(ident.text) : fold_bare(ident.text, scratch);
}

std::string_view fold_bare(std::string_view text, std::string& scratch) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (std::none_of(text.begin(), text.end(), upper)) return text;
  scratch = text;
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

TableWork* Context::find_table(const ast::QualifiedIdent& ref, std::string_view from) {
  std::string name_scratch, schema_scratch;
  std::string_view name = ident_view(ref.name, name_scratch);
  auto find = [&](std::string_view schema) -> TableWork* {
    auto it = table_index.find(NameRef{schema, name});
    return it == table_index.end() ? nullptr : &tables[it->second];
  };
  if (ref.schema) return find(ident_view(*ref.schema, schema_scratch));
  if (TableWork* found = find(from)) return found;  // the referring table's schema first
  return find(options.default_schema);
}

void resolve_references(Context& ctx, TableWork& work) {
  for (const PendingFk& pending : work.pending_fks) resolve_fk(ctx, work, pending);
}

}  // namespace schemac::dsl::lower_detail
