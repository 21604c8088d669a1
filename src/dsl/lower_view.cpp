// Views and materialized views: duplicate names (a view shares the relation
// namespace with tables and the type namespace with enums), a query that is one
// statement, doc comments, rename hints.
#include <algorithm>

#include "dsl/lower_context.hpp"
#include "ir/sql_lexer.hpp"

namespace schemac::dsl::lower_detail {
namespace {

using base::DiagKind;

const char* kind_of(const ast::ViewDecl& decl) {
  return decl.materialized ? "materialized view " : "view ";
}

// check_query: the query must be one statement (a trailing ';' is allowed) and
// not empty; anything after a ';' would run as a statement of its own.
bool check_query(Context& ctx, const ViewWork& work) {
  const ast::Expr& query = work.decl->query;
  std::vector<ir::SqlToken> tokens = ir::lex_sql(query.text);
  while (!tokens.empty() && ir::is_punct(tokens.back(), ";")) tokens.pop_back();
  std::string problem;
  if (tokens.empty()) {
    problem = "the query of " + std::string(kind_of(*work.decl)) + display(work.name) + " is empty";
  } else if (std::any_of(tokens.begin(), tokens.end(),
                         [](const ir::SqlToken& t) { return ir::is_punct(t, ";"); })) {
    problem = "the query of " + std::string(kind_of(*work.decl)) + display(work.name) +
              " holds more than one statement; a view is one query";
  }
  if (problem.empty()) return true;
  ctx.diags.error(DiagKind::InvalidViewQuery,
                  query.span.end > query.span.begin ? query.span : work.decl->name.span, problem);
  return false;
}

// check_clashes: a view may not have a table's name (one relation namespace)
// nor an enum's (a view is also a row type).
bool check_clashes(Context& ctx, const ViewWork& work) {
  if (auto table = ctx.table_index.find(work.name); table != ctx.table_index.end()) {
    auto& diag = ctx.diags.error(DiagKind::DuplicateView, work.decl->name.span,
                                 std::string(kind_of(*work.decl)) + display(work.name) +
                                     " has the same name as a table (tables and views share "
                                     "one namespace)");
    add_note(diag, ctx.tables[table->second].decl->name.span, "table declared here");
    return false;
  }
  if (auto it = ctx.enums.find(work.name); it != ctx.enums.end()) {
    auto& diag = ctx.diags.error(DiagKind::TypeNameClash, work.decl->name.span,
                                 std::string(kind_of(*work.decl)) + display(work.name) +
                                     " has the same name as an enum (a view is also a type)");
    add_note(diag, it->second, "enum declared here");
    return false;
  }
  return true;
}

}  // namespace

void declare_view(Context& ctx, const ast::ViewDecl& decl, const std::string& schema) {
  ir::QualifiedName name{schema, ident_text(decl.name)};
  auto [it, inserted] = ctx.view_index.emplace(name, ctx.views.size());
  if (!inserted) {
    auto& diag = ctx.diags.error(DiagKind::DuplicateView, decl.name.span,
                                 "duplicate " + std::string(kind_of(decl)) + display(name));
    add_note(diag, ctx.views[it->second].decl->name.span);
    return;
  }
  ctx.schema(schema);  // a schema holding a view is part of the catalog
  ctx.views.push_back({name, &decl});
}

void lower_views(Context& ctx) {
  for (const ViewWork& work : ctx.views) {
    bool ok = check_clashes(ctx, work);
    ok = check_query(ctx, work) && ok;
    if (!ok) continue;
    const ast::ViewDecl& decl = *work.decl;
    ir::View view;
    view.name = work.name.name;
    view.materialized = decl.materialized;
    view.body = decl.query.text;
    if (decl.doc) {
      ctx.gate(Construct::Comment, decl.doc->span);
      view.comment = decl.doc->text;
    }
    if (decl.renamed_from) {
      ctx.gate(Construct::RenamedFrom, decl.renamed_from->span);
      view.provenance.renamed_from = ident_text(*decl.renamed_from);
    }
    view.provenance.span = decl.span;
    ctx.schema(work.name.schema).views.push_back(std::move(view));
  }
}

}  // namespace schemac::dsl::lower_detail
