// Table bodies: columns and their modifiers, and table-level items. Names that
// PostgreSQL would derive are left empty here and filled in by lower_naming.cpp.
#include <array>
#include <variant>

#include "dsl/lower_columns.hpp"
#include "dsl/lower_context.hpp"
#include "dsl/lower_names.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

// kMod<T> is T's index in ast::ColumnModifier.
template <typename T, typename Variant>
struct VariantIndex;
template <typename T, typename... Ts>
struct VariantIndex<T, std::variant<Ts...>> {
  static constexpr std::size_t value = [] {
    std::size_t i = 0;
    (void)((std::is_same_v<T, Ts> ? false : (++i, true)) && ...);
    return i;
  }();
};
template <typename T>
constexpr std::size_t kMod = VariantIndex<T, ast::ColumnModifier>::value;

/// TableBody carries what lowering one table needs besides the table itself.
struct TableBody {
  Context& ctx;
  TableWork& work;
  ColumnNames columns;
  std::optional<base::SourceSpan> pk_span;

  std::string table_display() const { return display(work.name); }

  // column_list checks that each name is a column of this table.
  std::vector<std::string> column_list(const std::vector<ast::Ident>& idents) {
    std::vector<std::string> names;
    names.reserve(idents.size());
    for (const ast::Ident& ident : idents) names.push_back(column_name(ident));
    return names;
  }
  // column_name checks that ident names a column of this table.
  std::string column_name(const ast::Ident& ident) {
    std::string scratch;
    std::string_view name = ident_view(ident, scratch);
    if (!columns.find(name)) {
      ctx.diags.error(
          DiagKind::UnknownColumn, ident.span,
          "column \"" + std::string(name) + "\" does not exist in table " + table_display());
    }
    return std::string(name);
  }

  void primary_key(std::vector<std::string> cols, const ast::Boxed<ast::Ident>& name,
                   base::SourceSpan span) {
    if (pk_span) {
      auto& diag = ctx.diags.error(DiagKind::DuplicatePrimaryKey, span,
                                   "multiple primary keys for table " + table_display());
      add_note(diag, *pk_span, "first primary key is here");
      return;
    }
    pk_span = span;
    ir::PrimaryKey& pk = work.table->primary_key.emplace();
    if (name) pk.name = ident_text(*name);
    pk.columns = std::move(cols);
    pk.provenance.span = span;
  }

  void unique(std::vector<std::string> cols, const ast::Boxed<ast::Ident>& name,
              base::SourceSpan span) {
    ctx.gate(Construct::Unique, span);
    ir::UniqueConstraint& u = work.table->uniques.emplace_back();
    if (name) u.name = ident_text(*name);
    u.columns = std::move(cols);
    u.provenance.span = span;
  }

  void check(const ast::Expr& expr, const ast::Boxed<ast::Ident>& name, base::SourceSpan span) {
    ctx.gate(Construct::Check, span);
    ir::CheckConstraint& c = work.table->checks.emplace_back();
    if (name) c.name = ident_text(*name);
    c.expr = expr.text;
    c.provenance.span = span;
  }

  void foreign_key(std::vector<std::string> cols, const ast::Boxed<ast::Ident>& name,
                   const ast::QualifiedIdent& target, const std::vector<ast::Ident>& ref_columns,
                   const ast::FkOptions& options, base::SourceSpan span) {
    ctx.gate(Construct::ForeignKey, span);
    work.pending_fks.push_back({work.table->foreign_keys.size(), &target, &ref_columns, span});
    ir::ForeignKey& fk = work.table->foreign_keys.emplace_back();
    if (name) fk.name = ident_text(*name);
    fk.columns = std::move(cols);
    fk.on_delete = options.on_delete.value_or(ir::FkAction::NoAction);
    fk.on_update = options.on_update.value_or(ir::FkAction::NoAction);
    fk.deferrable = options.deferrable || options.initially_deferred;
    fk.initially_deferred = options.initially_deferred;
    fk.provenance.span = span;
  }

  void column(const ast::ColumnDef& def);
  void column_modifier(ir::Column& col, const ast::ColumnModifier& mod);
  void index(const ast::IndexDef& def);
  void item(const ast::TableItem& item);
};

// just: the column list of a constraint declared on col itself. (A braced
// {col.name} would copy the name twice, through an initializer_list.)
std::vector<std::string> just(const ir::Column& col) {
  return std::vector<std::string>(1, col.name);
}

void TableBody::column_modifier(ir::Column& col, const ast::ColumnModifier& modifier) {
  std::visit(
      overloaded{
          [&](const ast::NotNullMod&) { col.not_null = true; },
          [&](const ast::NullMod&) {},
          [&](const ast::DefaultMod& m) { col.default_expr = m.expr.text; },
          [&](const ast::PrimaryKeyMod& m) { primary_key(just(col), m.constraint_name, m.span); },
          [&](const ast::UniqueMod& m) { unique(just(col), m.constraint_name, m.span); },
          [&](const ast::ReferencesMod& m) {
            const ast::FkTarget& target = *m.target;
            foreign_key(just(col), m.constraint_name, target.table, target.columns, target.options,
                        m.span);
          },
          [&](const ast::CheckMod& m) { check(m.expr, m.constraint_name, m.span); },
          [&](const ast::RenamedFromMod& m) {
            ctx.gate(Construct::RenamedFrom, m.span);
            col.provenance.renamed_from = ident_text(m.old_name);
          },
          [&](const ast::CollateMod& m) {
            ctx.gate(Construct::Collate, m.span);
            col.collation = qualified_text(*m.collation);
          },
          [&](const ast::IdentityMod& m) {
            ctx.gate(Construct::Identity, m.span);
            col.identity = m.always ? ir::IdentityKind::Always : ir::IdentityKind::ByDefault;
            col.not_null = true;  // PostgreSQL makes identity columns NOT NULL
          },
          [&](const ast::GeneratedMod& m) {
            ctx.gate(Construct::Generated, m.span);
            col.generated_expr = m.expr.text;
          },
          [&](const ast::CommentMod& m) {
            ctx.gate(Construct::Comment, m.span);
            col.comment = m.text.value;
          },
      },
      modifier);
}

// modifier_span: every modifier alternative has a span.
base::SourceSpan modifier_span(const ast::ColumnModifier& modifier) {
  return std::visit([](const auto& m) { return m.span; }, modifier);
}

// check_modifier_conflicts reports the combinations PostgreSQL rejects.
void check_modifier_conflicts(Context& ctx, const ast::ColumnDef& def,
                              const ir::QualifiedName& table) {
  // The first use of each kind of modifier (by variant index).
  std::array<std::optional<base::SourceSpan>, std::variant_size_v<ast::ColumnModifier>> first;
  // what is a literal: no string is built unless there is a conflict.
  auto conflict = [&](std::size_t a, std::size_t b, std::string_view what) {
    if (!first[a] || !first[b]) return;
    auto& diag = ctx.diags.error(DiagKind::ConflictingModifiers, *first[b],
                                 std::string(what) + " for column \"" + ident_text(def.name) +
                                     "\" of table " + display(table));
    add_note(diag, *first[a], "conflicting modifier is here");
  };
  for (const ast::ColumnModifier& modifier : def.modifiers) {
    std::size_t kind = modifier.index();
    bool repeatable = kind == kMod<ast::PrimaryKeyMod> || kind == kMod<ast::UniqueMod> ||
                      kind == kMod<ast::ReferencesMod> || kind == kMod<ast::CheckMod>;
    if (first[kind] && !repeatable) {
      auto& diag = ctx.diags.error(DiagKind::ConflictingModifiers, modifier_span(modifier),
                                   "modifier repeated for column \"" + ident_text(def.name) +
                                       "\" of table " + display(table));
      add_note(diag, *first[kind], "first one is here");
      continue;
    }
    if (!first[kind]) first[kind] = modifier_span(modifier);
  }
  using ast::DefaultMod, ast::GeneratedMod, ast::IdentityMod, ast::NullMod;
  conflict(kMod<ast::NotNullMod>, kMod<NullMod>, "conflicting null and not null");
  conflict(kMod<ast::PrimaryKeyMod>, kMod<NullMod>, "conflicting primary key and null");
  conflict(kMod<DefaultMod>, kMod<IdentityMod>, "both default and identity specified");
  conflict(kMod<DefaultMod>, kMod<GeneratedMod>,
           "both default and generation expression specified");
  conflict(kMod<IdentityMod>, kMod<GeneratedMod>,
           "both identity and generation expression specified");
}

void TableBody::column(const ast::ColumnDef& def) {
  std::string scratch;
  std::string_view name = ident_view(def.name, scratch);
  if (columns.find(name) != &def) return;  // a duplicate, reported by lower_table_body
  check_modifier_conflicts(ctx, def, work.name);
  // Built in place: moving a Column costs about as much as building it.
  ir::Column& col = work.table->columns.emplace_back();
  col.name = name;
  if (std::optional<ir::TypeRef> type = resolve_type(ctx, def.type, work.name.schema))
    col.type = std::move(*type);
  col.provenance.span = def.span;
  col.provenance.name_span = def.name.span;
  col.provenance.type_span = def.type.span;
  if (def.doc) {
    ctx.gate(Construct::Comment, def.doc->span);
    col.comment = def.doc->text;
  }
  // Modifiers may add constraints but never columns, so col stays valid.
  for (const ast::ColumnModifier& modifier : def.modifiers) column_modifier(col, modifier);
  if (is_serial_type(def.type)) {
    ctx.gate(Construct::Serial, def.type.span);
    col.serial = true;
    col.not_null = true;  // PostgreSQL makes serial columns NOT NULL
    col.serial_sequence.name = make_object_name(work.table->name, name, "seq");
    if (col.default_expr || col.identity != ir::IdentityKind::None || col.generated_expr)
      ctx.diags.error(DiagKind::ConflictingModifiers, def.type.span,
                      "serial column \"" + std::string(name) +
                          "\" has its own default: it cannot also have a default, an identity "
                          "or a generation expression");
  }
  bool integer =
      col.type.schema.empty() && !col.type.is_array &&
      (col.type.name == "smallint" || col.type.name == "integer" || col.type.name == "bigint");
  if (col.identity != ir::IdentityKind::None && !integer && !col.type.name.empty()) {
    ctx.diags.error(
        DiagKind::InvalidIdentityType, def.type.span,
        "identity column \"" + std::string(name) + "\" must be smallint, integer or bigint");
  }
}

void TableBody::index(const ast::IndexDef& def) {
  ctx.gate(Construct::Index, def.span);
  ir::Index& index = work.table->indexes.emplace_back();
  if (def.name) index.name = ident_text(*def.name);
  if (def.method) index.method = ident_text(*def.method);
  index.unique = def.unique;
  index.elements.reserve(def.elements.size());
  for (const ast::IndexElem& elem : def.elements) {
    ir::IndexElement& element = index.elements.emplace_back();
    if (elem.column) element.column = column_name(*elem.column);
    if (elem.expr) element.expr = elem.expr->text;
    if (elem.opclass) element.opclass = qualified_text(*elem.opclass);
    element.descending = elem.descending;
    element.nulls_first = elem.nulls_first;
  }
  index.include = column_list(def.include);
  if (def.where) index.where = def.where->text;
  if (def.renamed_from) {
    ctx.gate(Construct::RenamedFrom, def.renamed_from->span);
    index.provenance.renamed_from = ident_text(def.renamed_from->old_name);
  }
  if (def.doc) {
    ctx.gate(Construct::Comment, def.doc->span);
    index.comment = def.doc->text;
  }
  index.provenance.span = def.span;
}

void TableBody::item(const ast::TableItem& item) {
  std::visit(
      overloaded{
          [&](const ast::ColumnDef& d) { column(d); },
          [&](const ast::PrimaryKeyDef& d) { primary_key(column_list(d.columns), d.name, d.span); },
          [&](const ast::UniqueDef& d) { unique(column_list(d.columns), d.name, d.span); },
          [&](const ast::ForeignKeyDef& d) {
            foreign_key(column_list(d.columns), d.name, d.table, d.ref_columns, d.options, d.span);
          },
          [&](const ast::CheckDef& d) { check(d.expr, d.name, d.span); },
          [&](const ast::IndexDef& d) { index(d); },
          [&](const ast::TableCommentDef& d) {
            ctx.gate(Construct::Comment, d.span);
            work.table->comment = d.text.value;
          },
      },
      item);
}

}  // namespace

// reserve_items sizes the table's vectors from its items and column modifiers
// (at most one element each), so that each is allocated once: growing one
// element at a time would reallocate and move the elements again and again.
void reserve_items(TableWork& work, ColumnNames& names) {
  std::size_t columns = 0, uniques = 0, checks = 0, fks = 0, indexes = 0;
  for (const ast::TableItem& item : work.decl->items) {
    std::visit(overloaded{
                   [&](const ast::ColumnDef& d) {
                     ++columns;
                     for (const ast::ColumnModifier& m : d.modifiers) {
                       uniques += m.index() == kMod<ast::UniqueMod>;
                       checks += m.index() == kMod<ast::CheckMod>;
                       fks += m.index() == kMod<ast::ReferencesMod>;
                     }
                   },
                   [&](const ast::UniqueDef&) { ++uniques; },
                   [&](const ast::CheckDef&) { ++checks; },
                   [&](const ast::ForeignKeyDef&) { ++fks; },
                   [&](const ast::IndexDef&) { ++indexes; },
                   [](const auto&) {},
               },
               item);
  }
  names.reserve(columns);
  ir::Table& t = *work.table;
  t.columns.reserve(columns);
  t.uniques.reserve(uniques);
  t.checks.reserve(checks);
  t.foreign_keys.reserve(fks);
  work.pending_fks.reserve(fks);
  t.indexes.reserve(indexes);
}

void lower_table_body(Context& ctx, TableWork& work) {
  TableBody body{ctx, work, {}, {}};
  const ast::TableDecl& decl = *work.decl;
  reserve_items(work, body.columns);
  for (const ast::TableItem& item : decl.items) {
    const auto* def = std::get_if<ast::ColumnDef>(&item);
    if (!def) continue;
    const ast::ColumnDef* first = body.columns.add(def->name, def);
    if (first != def) {
      auto& diag = ctx.diags.error(
          DiagKind::DuplicateColumn, def->name.span,
          "duplicate column \"" + ident_text(def->name) + "\" in table " + display(work.name));
      add_note(diag, first->name.span);
    }
  }
  for (const ast::TableItem& item : decl.items) body.item(item);
  if (decl.renamed_from) {
    ctx.gate(Construct::RenamedFrom, decl.renamed_from->span);
    work.table->provenance.renamed_from = ident_text(*decl.renamed_from);
  }
  if (decl.doc) {
    ctx.gate(Construct::Comment, decl.doc->span);
    work.table->comment = decl.doc->text;
  }
  // A primary key implies NOT NULL on its columns, as in PostgreSQL.
  if (work.table->primary_key) {
    for (ir::Column& col : work.table->columns) {
      for (const std::string& pk_col : work.table->primary_key->columns) {
        if (col.name == pk_col) col.not_null = true;
      }
    }
  }
}

}  // namespace schemac::dsl::lower_detail
