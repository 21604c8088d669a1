// catalog/execute: runs a migration, unit by unit. A unit's transactional
// statements run in one transaction; those that cannot (CREATE INDEX
// CONCURRENTLY) run after it, one by one. A unit that fails on a lock timeout
// is retried a bounded number of times. A session advisory lock keeps two
// applies from interleaving.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.hpp"
#include "catalog/connection.hpp"

namespace schemac::catalog {

/// ExecStep is one SQL statement of a migration.
/// Units run in the order of their first step; a plain plan is all unit 0.
struct ExecStep {
  ExecStep(std::string sql_text, bool transactional = true, std::size_t unit_number = 0,
           std::string cleanup = {})
      : sql(std::move(sql_text)),
        in_transaction(transactional),
        unit(unit_number),
        retry_cleanup(std::move(cleanup)) {}
  std::string sql;
  bool in_transaction = true;
  std::size_t unit = 0;
  /// retry_cleanup runs (outside any transaction) before a non-transactional
  /// statement is tried again after a lock timeout; see emit::Statement.
  std::string retry_cleanup;
};

struct ExecuteOptions {
  std::string lock_timeout = "10s";     // lock_timeout for every statement
  std::string statement_timeout = "0";  // statement_timeout for every statement (0 = none)
  /// lock_retries is how many times a unit that failed with lock_not_available
  /// (SQLSTATE 55P03: lock_timeout expired) is tried again; retry_delay is the
  /// first wait, doubled before each further try.
  int lock_retries = 3;
  std::chrono::milliseconds retry_delay{500};
  /// progress is called before each step with its index.
  std::function<void(std::size_t index, const ExecStep& step)> progress;
  /// finished is called after each step ran (in a transaction: before COMMIT).
  std::function<void(std::size_t index, std::chrono::milliseconds elapsed)> finished;
  /// committed is called after a unit's transaction committed.
  std::function<void(std::size_t unit, std::chrono::milliseconds elapsed)> committed;
  /// retrying is called before waiting to try a unit again: "lock timeout at ...; retry 1/3 in 500
  /// ms".
  std::function<void(const std::string& message)> retrying;
};

/// ExecuteReport says how far a failed execute got.
struct ExecuteReport {
  std::size_t committed = 0;  // statements committed (and so left in place on failure)
};

/// kApplyLockKey is the advisory lock key every schemac apply takes.
inline constexpr long long kApplyLockKey = 0x736368656d6163;  // "schemac"

/// acquire_apply_lock takes the session advisory lock, waiting at most wait_seconds
/// for another apply to finish. Reports and returns false if it cannot. waiting,
/// if set, is called once when the lock is busy, with who holds it.
bool acquire_apply_lock(Connection& conn, int wait_seconds, base::Diagnostics& diags,
                        const std::function<void(const std::string& holder)>& waiting = {});
void release_apply_lock(Connection& conn);

/// execute runs steps unit by unit; on failure rolls back the failing unit,
/// reports E0403 (E0405 for a lost connection) naming the failing statement and
/// the server's message and what earlier units left committed, and returns false.
bool execute(Connection& conn, const std::vector<ExecStep>& steps, const ExecuteOptions& options,
             base::Diagnostics& diags, ExecuteReport& report);
bool execute(Connection& conn, const std::vector<ExecStep>& steps, const ExecuteOptions& options,
             base::Diagnostics& diags);

}  // namespace schemac::catalog
