// catalog/inspect: runs the fixed set of catalog queries (queries.hpp) in one
// read-only REPEATABLE READ transaction, so they all see one snapshot, and
// hands the rows to build_catalog (inspect_build.hpp).
#include "catalog/inspect.hpp"

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

ResultSet to_result_set(const pqxx::result& result) {
  ResultSet set;
  const auto width = static_cast<pqxx::row::size_type>(result.columns());
  for (pqxx::row::size_type col = 0; col < width; ++col) {
    set.columns.emplace_back(result.column_name(col));
  }
  set.rows.reserve(result.size());
  for (const pqxx::row& row : result) {
    auto& out = set.rows.emplace_back();
    out.reserve(width);
    for (const pqxx::field& field : row) {
      out.push_back(field.is_null() ? std::nullopt : std::optional<std::string>(field.c_str()));
    }
  }
  return set;
}

/// run_queries sends every catalog query once; throws whatever pqxx throws.
InspectResults run_queries(pqxx::connection& conn, const std::string& scope, int& count) {
  SnapshotTransaction tx(conn, "schemac_inspect");
  // pg_get_expr and format_type qualify names that are not on the search_path,
  // so fix it: the text must not depend on a role's or server's setting. With
  // `public` only, public objects print unqualified, as people write them.
  tx.exec(kSetSearchPath);
  const auto scoped = [&](std::string_view sql) {
    ++count;
    return to_result_set(tx.exec_params(std::string(sql), scope));
  };
  InspectResults results;
  ++count;
  results.extensions = to_result_set(tx.exec(std::string(queries::kExtensions)));
  results.schemas = scoped(queries::kSchemas);
  results.enums = scoped(queries::kEnums);
  results.tables = scoped(queries::kTables);
  results.columns = scoped(queries::kColumns);
  results.constraints = scoped(queries::kConstraints);
  results.indexes = scoped(queries::kIndexes);
  results.views = scoped(queries::kViews);
  results.unmanaged = scoped(queries::kUnmanaged);
  results.sequences = scoped(queries::kSequences);
  results.domains = scoped(queries::kDomains);
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
    catalog = build_catalog(run_queries(*impl.conn, to_text_array(options.schemas), count));
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
