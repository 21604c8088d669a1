// catalog/execute: runs a migration. Everything that can run in one transaction
// does; statements that cannot (CREATE INDEX CONCURRENTLY) run after it, one by one.
// A session advisory lock keeps two applies from interleaving.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "catalog/connection.hpp"

namespace schemac::catalog {

/// ExecStep is one SQL statement of a migration.
struct ExecStep {
  std::string sql;
  bool in_transaction = true;
};

struct ExecuteOptions {
  std::string lock_timeout = "10s";     // SET LOCAL lock_timeout
  std::string statement_timeout = "0";  // SET LOCAL statement_timeout (0 = none)
  /// progress is called before each step with its index.
  std::function<void(std::size_t index, const ExecStep& step)> progress;
};

/// kApplyLockKey is the advisory lock key every schemac apply takes.
inline constexpr long long kApplyLockKey = 0x736368656d6163;  // "schemac"

/// acquire_apply_lock takes the session advisory lock, waiting at most wait_seconds
/// for another apply to finish. Reports and returns false if it cannot.
bool acquire_apply_lock(Connection& conn, int wait_seconds, base::Diagnostics& diags);
void release_apply_lock(Connection& conn);

/// execute runs steps; on failure rolls back, reports E0403 naming the failing
/// statement and the server's message, and returns false.
bool execute(Connection& conn, const std::vector<ExecStep>& steps, const ExecuteOptions& options,
             base::Diagnostics& diags);

}  // namespace schemac::catalog
