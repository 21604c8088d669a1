// catalog/canonicalize: see canonicalize.hpp. Each query gets a savepoint
// (an exception block of one DO statement, or without PL/pgSQL a
// pqxx::subtransaction), so a refused one does not end the transaction;
// materialized views are created as plain views, which PostgreSQL deparses
// alike and which run no query.
#include "catalog/canonicalize.hpp"

#include <map>

#include "base/quote.hpp"
#include "catalog/connection_impl.hpp"
#include "catalog/inspect_build.hpp"
#include "catalog/queries.hpp"
#include "catalog/scratch_block.hpp"
#include "catalog/url.hpp"

namespace schemac::catalog {
namespace {

// A refusal that says nothing about the query: no right to create temporary
// objects (42501), or a read-only server (25006).
bool refuses_any_view(const pqxx::sql_error& e) {
  return e.sqlstate() == "42501" || e.sqlstate() == "25006";
}

// read_back sets each desired view's body and facts from its scratch view.
void read_back(pqxx::work& tx, std::map<std::string, ir::View*>& views, int& queries) {
  ++queries;
  ResultSet rows = to_result_set(tx.exec(std::string(queries::kScratchViews)));
  for (std::size_t i = 0; i < rows.row_count(); ++i) {
    const RowRef row(rows, i);
    auto found = views.find(row.text("relname"));
    if (found == views.end()) continue;
    ir::View& view = *found->second;
    std::string written = std::move(view.body);
    view.body = row.text("body");
    view.facts = view_facts(row);
    view.facts.written = std::move(written);
  }
}

void begin_scratch(pqxx::work& tx, int& queries) {
  ++queries;
  tx.exec(std::string(kSetSearchPath) +
          "; SET LOCAL lock_timeout = '5s'; SET LOCAL statement_timeout = '30s'");
}

// run_in_one_block creates every scratch view in one DO statement
// (scratch_block.hpp) and reads them back: four statements however many views.
// Returns false, having changed nothing, when DO itself is refused (no
// PL/pgSQL); throws whatever else pqxx throws.
bool run_in_one_block(pqxx::connection& conn, std::map<std::string, ir::View*>& views,
                      std::string& refused, int& queries) {
  std::vector<ScratchStatement> statements;
  for (const auto& [scratch, view] : views)
    statements.push_back({base::quote_literal("CREATE TEMPORARY VIEW " +
                                              base::quote_ident(scratch) + " AS " + view->body),
                          true});
  pqxx::work tx(conn, "schemac_canonicalize");
  begin_scratch(tx, queries);
  try {
    ++queries;
    tx.exec(scratch_block(statements));
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::sql_error&) {
    tx.abort();
    return false;
  }
  ++queries;
  const pqxx::result why = tx.exec(kScratchRefused);
  if (!why.empty() && !why[0][0].is_null()) refused = why[0][0].c_str();
  read_back(tx, views, queries);
  tx.abort();
  return true;
}

// run_one_by_one is the way without PL/pgSQL: each view under its own
// savepoint (pqxx::subtransaction), three statements a view. Sets `refused`
// to the server's message when temporary views cannot be made at all.
void run_one_by_one(pqxx::connection& conn, std::map<std::string, ir::View*>& views,
                    std::string& refused, int& queries) {
  pqxx::work tx(conn, "schemac_canonicalize");
  begin_scratch(tx, queries);
  for (const auto& [scratch, view] : views) {
    try {
      queries += 3;  // SAVEPOINT, CREATE, RELEASE
      pqxx::subtransaction savepoint(tx, "schemac_view");
      savepoint.exec("CREATE TEMPORARY VIEW " + base::quote_ident(scratch) + " AS " + view->body);
      savepoint.commit();
    } catch (const pqxx::broken_connection&) {
      throw;
    } catch (const pqxx::sql_error& e) {
      // Refused now (rolled back to the savepoint): the view keeps its text.
      if (refuses_any_view(e)) {
        refused = one_line(e.what());
        break;
      }
    }
  }
  read_back(tx, views, queries);
  tx.abort();
}

}  // namespace

bool canonicalize_views(Connection& conn, ir::Catalog& desired, base::Diagnostics& diags,
                        ViewStats* stats) {
  ViewStats local;
  ViewStats& counts = stats ? *stats : local;
  counts = {};
  std::map<std::string, ir::View*> views;  // scratch name -> desired view
  for (ir::Schema& schema : desired.schemas)
    for (ir::View& view : schema.views)
      views.emplace("schemac_view_" + std::to_string(views.size()), &view);
  if (views.empty()) return true;
  Connection::Impl& impl = conn.impl();
  std::string problem, refused;
  try {
    if (!run_in_one_block(*impl.conn, views, refused, counts.queries))
      run_one_by_one(*impl.conn, views, refused, counts.queries);
    if (!refused.empty()) {
      diags.warning(base::DiagKind::ViewsComparedAsWritten, std::nullopt,
                    "views are compared as written, not as PostgreSQL prints them, so unchanged "
                    "views may show as changed: cannot create temporary views on " +
                        impl.redacted_url + ": " + redact_secrets(refused, impl.url));
    }
    return true;
  } catch (const std::exception& e) {
    problem = error_text(e);
  }
  diags.error(base::DiagKind::DatabaseQueryFailed, std::nullopt,
              "cannot compare the views' queries on " + impl.redacted_url + ": " +
                  redact_secrets(problem, impl.url));
  return false;
}

}  // namespace schemac::catalog
