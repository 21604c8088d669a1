// catalog/apply_lock: the session advisory lock that keeps two applies apart.
// pg_try_advisory_lock is polled rather than pg_advisory_lock awaited, so the
// wait is bounded without touching the session's lock_timeout.
#include <chrono>
#include <thread>

#include "catalog/connection_impl.hpp"
#include "catalog/execute.hpp"
#include "catalog/url.hpp"

namespace schemac::catalog {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(200);

// A bigint advisory key is stored in pg_locks as classid (high half), objid
// (low half) and objsubid 1.
constexpr const char* kHolderQuery =
    "SELECT l.pid, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local')\n"
    "FROM pg_catalog.pg_locks l\n"
    "LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid\n"
    "WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM "
    "pg_catalog.pg_database WHERE datname = pg_catalog.current_database())\n"
    "  AND l.classid = ($1::bigint >> 32)::oid AND l.objid = ($1::bigint & 4294967295)::oid AND "
    "l.objsubid = 1\n"
    "LIMIT 1";

/// holder_text describes the session holding the lock: "backend 1234 (schemac, local)".
std::string holder_text(pqxx::transaction_base& tx) {
  const pqxx::result rows = tx.exec_params(kHolderQuery, kApplyLockKey);
  if (rows.empty()) return "another session";
  return "backend " + rows[0][0].as<std::string>() + " (" + rows[0][1].as<std::string>() + ", " +
         rows[0][2].as<std::string>() + ")";
}

}  // namespace

bool acquire_apply_lock(Connection& conn, int wait_seconds, base::Diagnostics& diags,
                        const std::function<void(const std::string& holder)>& waiting) {
  Connection::Impl& impl = conn.impl();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  std::string holder;
  try {
    pqxx::nontransaction tx(*impl.conn, "schemac_apply_lock");
    for (;;) {
      const pqxx::row row =
          tx.exec_params1("SELECT pg_catalog.pg_try_advisory_lock($1)", kApplyLockKey);
      if (row[0].as<bool>()) return true;
      if (holder.empty()) {
        holder = holder_text(tx);
        if (waiting && wait_seconds > 0) waiting(holder);
      }
      if (std::chrono::steady_clock::now() >= deadline) break;
      std::this_thread::sleep_for(kPollInterval);
    }
  } catch (const std::exception& e) {
    diags.error(base::DiagKind::DatabaseQueryFailed, std::nullopt,
                "cannot take the apply lock on " + impl.redacted_url + ": " +
                    one_line(redact_secrets(e.what(), impl.url)));
    return false;
  }
  const char* db = impl.conn->dbname();
  auto& diag = diags.error(base::DiagKind::ApplyLockBusy, std::nullopt,
                           "another schemac apply holds the lock on database \"" +
                               std::string(db ? db : "") + "\": " + holder + " (waited " +
                               std::to_string(wait_seconds) + "s)");
  diag.notes.push_back({std::nullopt, "wait for it to finish, then plan again"});
  return false;
}

void release_apply_lock(Connection& conn) {
  try {
    pqxx::nontransaction tx(*conn.impl().conn, "schemac_apply_unlock");
    tx.exec_params("SELECT pg_catalog.pg_advisory_unlock($1)", kApplyLockKey);
  } catch (const std::exception&) {
    // Nothing to report: the lock is a session lock, so a lost connection has
    // released it already, and a lock we do not hold needs no release.
  }
}

}  // namespace schemac::catalog
