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

}  // namespace

bool acquire_apply_lock(Connection& conn, int wait_seconds, base::Diagnostics& diags) {
  Connection::Impl& impl = conn.impl();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  try {
    pqxx::nontransaction tx(*impl.conn, "schemac_apply_lock");
    for (;;) {
      const pqxx::row row =
          tx.exec_params1("SELECT pg_catalog.pg_try_advisory_lock($1)", kApplyLockKey);
      if (row[0].as<bool>()) return true;
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
                               std::string(db ? db : "") + "\" (waited " +
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
