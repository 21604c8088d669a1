// catalog/inspect: runs the fixed set of catalog queries (queries.hpp) in one
// read-only REPEATABLE READ snapshot, so they all see one catalog, and hands
// the rows to build_catalog (inspect_build.hpp). The queries go out on two
// connections at once, the second importing the first's snapshot
// (pg_export_snapshot / SET TRANSACTION SNAPSHOT), so that the server answers
// them on two cores.
#include "catalog/inspect.hpp"

#include <exception>
#include <thread>

#include "base/quote.hpp"
#include "catalog/connection_impl.hpp"
#include "catalog/inspect_build.hpp"
#include "catalog/queries.hpp"
#include "catalog/url.hpp"

namespace schemac::catalog {
namespace {

using SnapshotTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

/// to_text_array gives the schema list as an array literal, bound as $1::text[]
/// (a parameter, never spliced into SQL text).
std::string to_text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

/// Query is one catalog query and the result it fills; `scoped` ones take the
/// schema list as $1.
struct Query {
  std::string_view sql;
  ResultSet InspectResults::*into;
  bool scoped;
};

// The queries in two halves of about equal server time at 10,000 tables
// (docs/performance.md): each half is sent on its own connection, so the
// server answers them on two cores. The constraints query opens every table
// with a check constraint (pg_get_expr names its columns), the columns and
// indexes queries mostly read catalog rows.
const Query kFirstHalf[] = {
    {queries::kExtensions, &InspectResults::extensions, false},
    {queries::kSchemas, &InspectResults::schemas, true},
    {queries::kEnums, &InspectResults::enums, true},
    {queries::kTables, &InspectResults::tables, true},
    {queries::kConstraints, &InspectResults::constraints, true},
    {queries::kViews, &InspectResults::views, true},
    {queries::kSequences, &InspectResults::sequences, true},
    {queries::kDomains, &InspectResults::domains, true},
};
const Query kSecondHalf[] = {
    {queries::kColumns, &InspectResults::columns, true},
    {queries::kIndexes, &InspectResults::indexes, true},
    {queries::kUnmanaged, &InspectResults::unmanaged, true},
};

/// set_inspect_settings fixes the settings every inspect transaction
/// reads under. pg_get_expr and format_type qualify names that are not on the
/// search_path, so fix it: the text must not depend on a role's or server's
/// setting. With `public` only, public objects print unqualified, as people
/// write them. JIT compilation of these one-off queries costs more than it
/// saves (about 0.2 s for the columns query at 10,000 tables).
void set_inspect_settings(pqxx::transaction_base& tx) {
  tx.exec(kSetSearchPath);
  tx.exec("SET LOCAL jit = off");
}

/// send runs `queries` in `tx` into `results`, counting each in `count`.
template <std::size_t N>
void send(pqxx::transaction_base& tx, const Query (&queries)[N], const std::string& scope,
          InspectResults& results, int& count) {
  for (const Query& query : queries) {
    ++count;
    results.*query.into = to_result_set(query.scoped ? tx.exec_params(std::string(query.sql), scope)
                                                     : tx.exec(std::string(query.sql)));
  }
}

/// Helper is the second connection and its transaction, reading the snapshot
/// the first exported: both halves see one and the same catalog.
struct Helper {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<SnapshotTransaction> tx;
};

/// open_helper opens the second connection on `snapshot`; nullopt when it
/// cannot (too many connections, a pooler that does not carry exported
/// snapshots, ...): the caller then sends every query on its own connection.
std::optional<Helper> open_helper(const std::string& url, const std::string& snapshot) {
  try {
    Helper helper;
    helper.conn = std::make_unique<pqxx::connection>(with_session_defaults(url));
    helper.tx = std::make_unique<SnapshotTransaction>(*helper.conn, "schemac_inspect_helper");
    helper.tx->exec("SET TRANSACTION SNAPSHOT " + base::quote_literal(snapshot));
    set_inspect_settings(*helper.tx);
    return helper;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

/// export_snapshot: the snapshot of `tx` for a second session, or nullopt when
/// the server refuses (the transaction is then unusable: the caller starts over).
std::optional<std::string> export_snapshot(pqxx::transaction_base& tx) {
  try {
    return std::string(tx.exec("SELECT pg_catalog.pg_export_snapshot()")[0][0].c_str());
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

/// send_in_parallel opens the second connection on `snapshot` and sends the
/// second half on it, on a thread of its own, while this one sends the first
/// half on `tx` (opening a connection is a round trip and a password hash: not
/// worth waiting for). When the second connection cannot be opened, this one
/// sends the second half too. Rethrows the first failure.
void send_in_parallel(pqxx::transaction_base& tx, const std::string& url,
                      const std::string& snapshot, const std::string& scope,
                      InspectResults& results, int& count) {
  // Each half fills its own InspectResults fields and counter; nothing else is
  // shared until join.
  int helper_count = 0;
  bool helper_opened = false;
  std::exception_ptr helper_error;
  std::thread worker([&] {
    std::optional<Helper> helper = open_helper(url, snapshot);
    if (!helper) return;
    helper_opened = true;
    try {
      send(*helper->tx, kSecondHalf, scope, results, helper_count);
      helper->tx->commit();
    } catch (...) {
      helper_error = std::current_exception();
    }
  });
  std::exception_ptr own_error;
  try {
    send(tx, kFirstHalf, scope, results, count);
  } catch (...) {
    own_error = std::current_exception();
  }
  worker.join();
  count += helper_count;
  if (own_error) std::rethrow_exception(own_error);
  if (helper_error) std::rethrow_exception(helper_error);
  if (!helper_opened) send(tx, kSecondHalf, scope, results, count);
}

/// run_queries sends every catalog query once, the two halves in parallel on
/// two connections when asked and a second one can share the snapshot, else
/// one after the other; throws whatever pqxx throws.
InspectResults run_queries(Connection::Impl& impl, const std::string& scope, bool parallel,
                           int& count) {
  InspectResults results;
  if (parallel) {
    SnapshotTransaction tx(*impl.conn, "schemac_inspect");
    set_inspect_settings(tx);
    if (std::optional<std::string> snapshot = export_snapshot(tx)) {
      send_in_parallel(tx, impl.url, *snapshot, scope, results, count);
      tx.commit();
      return results;
    }
    // The server would not export a snapshot, which aborted the transaction:
    // start over on this connection alone.
  }
  SnapshotTransaction tx(*impl.conn, "schemac_inspect");
  set_inspect_settings(tx);
  send(tx, kFirstHalf, scope, results, count);
  send(tx, kSecondHalf, scope, results, count);
  tx.commit();
  return results;
}

}  // namespace

std::optional<ir::Catalog> inspect(Connection& conn, const InspectOptions& options,
                                   base::Diagnostics& diags, InspectStats* stats) {
  Connection::Impl& impl = conn.impl();
  int count = 0;
  std::optional<ir::Catalog> catalog;
  std::string problem;
  base::DiagKind kind = base::DiagKind::DatabaseQueryFailed;
  try {
    catalog = build_catalog(
        run_queries(impl, to_text_array(options.schemas), options.two_connections, count));
  } catch (const pqxx::broken_connection& e) {
    kind = base::DiagKind::DatabaseConnectionLost;
    problem = "the connection was lost: " + one_line(e.what());
  } catch (const std::exception& e) {
    problem = error_text(e);
  }
  if (stats != nullptr) stats->queries = count;
  if (!catalog) {
    diags.error(kind, std::nullopt,
                "cannot read the catalog of " + impl.redacted_url + ": " +
                    redact_secrets(problem, impl.url));
  }
  return catalog;
}

}  // namespace schemac::catalog
