// catalog/execute: runs a migration's statements, unit by unit (see
// execute.hpp), with lock_timeout/statement_timeout set for the session. Any
// pqxx exception ends here as one diagnostic that names the statement and says
// what earlier units left committed.
#include "catalog/execute.hpp"

#include <algorithm>
#include <thread>

#include "base/quote.hpp"
#include "catalog/connection_impl.hpp"
#include "catalog/url.hpp"

namespace schemac::catalog {
namespace {

/// server_message keeps what the server said and drops libpq's "LINE n:" echo of
/// the statement and its caret line: the statement is shown in a note instead.
std::string server_message(std::string_view what) {
  std::string kept;
  std::size_t pos = 0;
  while (pos < what.size()) {
    std::size_t nl = what.find('\n', pos);
    if (nl == std::string_view::npos) nl = what.size();
    const std::string_view line = what.substr(pos, nl - pos);
    const bool caret = line.find_first_not_of(" ^") == std::string_view::npos;
    if (!line.starts_with("LINE ") && !caret) kept.append(line).append("\n");
    pos = nl + 1;
  }
  std::string out = one_line(kept);
  if (out.starts_with("ERROR: ")) out.erase(0, 7);
  return out;
}

/// StepRunner runs the units and turns a failure into a diagnostic.
class StepRunner {
 public:
  StepRunner(Connection::Impl& impl, const std::vector<ExecStep>& steps,
             const ExecuteOptions& options, base::Diagnostics& diags)
      : impl_(impl), steps_(steps), options_(options), diags_(diags) {}

  bool run();
  std::size_t committed() const { return committed_; }

 private:
  bool configure_session();
  bool run_transaction(const std::vector<std::size_t>& unit);
  bool run_outside_transaction(std::size_t index);
  bool should_retry(const pqxx::sql_error& e, int attempt);
  void run_step(pqxx::transaction_base& tx, std::size_t index);
  void report_sql_error(const pqxx::sql_error& e, bool rolled_back);
  void report_lost(std::string_view what, bool in_commit, bool in_transaction);
  void report_other(std::string_view what, bool in_transaction);
  void add_outcome_note(base::Diagnostic& diag, bool rolled_back) const;
  std::string secret_free(std::string_view text) const { return redact_secrets(text, impl_.url); }

  static constexpr std::size_t kSetup = static_cast<std::size_t>(-1);
  /// failing names what was running: a statement, or the timeout settings.
  std::string failing() const {
    return current_ == kSetup ? std::string("setting lock_timeout/statement_timeout")
                              : "statement " + std::to_string(current_ + 1);
  }
  void add_statement_note(base::Diagnostic& diag) const {
    if (current_ != kSetup) {
      diag.notes.push_back({std::nullopt, "statement: " + secret_free(steps_[current_].sql)});
    }
  }

  Connection::Impl& impl_;
  const std::vector<ExecStep>& steps_;
  const ExecuteOptions& options_;
  base::Diagnostics& diags_;
  std::size_t current_ = kSetup;  // index of the step being run
  std::size_t committed_ = 0;     // steps known to be committed
};

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

void StepRunner::run_step(pqxx::transaction_base& tx, std::size_t index) {
  current_ = index;
  if (options_.progress) options_.progress(index, steps_[index]);
  const auto started = Clock::now();
  tx.exec(steps_[index].sql);
  if (options_.finished) options_.finished(index, since(started));
}

// Session-level settings, so that they hold for every statement of every unit,
// inside a transaction or not; the session ends with the apply.
bool StepRunner::configure_session() {
  current_ = kSetup;
  try {
    pqxx::nontransaction tx(*impl_.conn, "schemac_apply_settings");
    tx.exec("SET lock_timeout = " + base::quote_literal(options_.lock_timeout));
    tx.exec("SET statement_timeout = " + base::quote_literal(options_.statement_timeout));
    return true;
  } catch (const pqxx::broken_connection& e) {
    report_lost(e.what(), false, true);
  } catch (const pqxx::sql_error& e) {
    report_sql_error(e, true);
  } catch (const std::exception& e) {
    report_other(e.what(), true);
  }
  return false;
}

// A lock timeout (55P03) leaves nothing behind in a rolled-back transaction, so
// the unit can simply run again once whoever held the lock has moved on.
bool StepRunner::should_retry(const pqxx::sql_error& e, int attempt) {
  if (e.sqlstate() != "55P03" || attempt >= options_.lock_retries) return false;
  const auto delay = options_.retry_delay * (1LL << std::min(attempt, 16));
  if (options_.retrying) {
    options_.retrying("lock not available at " + failing() + "; retry " +
                      std::to_string(attempt + 1) + "/" + std::to_string(options_.lock_retries) +
                      " in " + std::to_string(delay.count()) + " ms");
  }
  std::this_thread::sleep_for(delay);
  return true;
}

bool StepRunner::run_transaction(const std::vector<std::size_t>& unit) {
  for (int attempt = 0;; ++attempt) {
    bool committing = false;
    try {
      current_ = kSetup;
      pqxx::work tx(*impl_.conn, "schemac_apply");
      tx.exec(kSetSearchPath);  // view queries resolve names as they were canonicalized
      for (std::size_t i : unit) run_step(tx, i);
      committing = true;
      const auto started = Clock::now();
      tx.commit();
      committed_ += unit.size();
      if (options_.committed) options_.committed(steps_[unit.front()].unit, since(started));
      return true;
    } catch (const pqxx::in_doubt_error& e) {
      report_lost(e.what(), true, true);
      return false;
    } catch (const pqxx::broken_connection& e) {
      report_lost(e.what(), committing, true);
      return false;
    } catch (const pqxx::sql_error& e) {
      if (should_retry(e, attempt)) continue;
      report_sql_error(e, true);
      return false;
    } catch (const std::exception& e) {
      report_other(e.what(), true);
      return false;
    }
  }
}

bool StepRunner::run_outside_transaction(std::size_t index) {
  for (int attempt = 0;; ++attempt) {
    try {
      pqxx::nontransaction tx(*impl_.conn, "schemac_apply_outside");
      current_ = index;
      tx.exec("SET search_path = public");  // as kSetSearchPath, for want of a transaction
      if (attempt > 0 && !steps_[index].retry_cleanup.empty()) tx.exec(steps_[index].retry_cleanup);
      run_step(tx, index);
      ++committed_;
      return true;
    } catch (const pqxx::broken_connection& e) {
      report_lost(e.what(), false, false);
      return false;
    } catch (const pqxx::sql_error& e) {
      if (should_retry(e, attempt)) continue;
      report_sql_error(e, false);
      return false;
    } catch (const std::exception& e) {
      report_other(e.what(), false);
      return false;
    }
  }
}

// Units in order; within one, its transaction first, then its other statements.
bool StepRunner::run() {
  if (!configure_session()) return false;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (std::find(order.begin(), order.end(), steps_[i].unit) == order.end())
      order.push_back(steps_[i].unit);
  }
  for (std::size_t unit : order) {
    std::vector<std::size_t> in_transaction;
    for (std::size_t i = 0; i < steps_.size(); ++i)
      if (steps_[i].unit == unit && steps_[i].in_transaction) in_transaction.push_back(i);
    if (!in_transaction.empty() && !run_transaction(in_transaction)) return false;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
      if (steps_[i].unit == unit && !steps_[i].in_transaction && !run_outside_transaction(i))
        return false;
    }
  }
  return true;
}

void StepRunner::add_outcome_note(base::Diagnostic& diag, bool rolled_back) const {
  std::string note;
  if (rolled_back) {
    note = committed_ == 0 ? "the transaction was rolled back; nothing was changed"
                           : "this part's transaction was rolled back";
  } else {
    note = "it ran outside any transaction";
  }
  if (committed_ > 0 || !rolled_back) {
    note += "; " + std::to_string(committed_) +
            " earlier statement(s) were committed and remain: run apply again to finish";
  }
  diag.notes.push_back({std::nullopt, std::move(note)});
}

void StepRunner::report_sql_error(const pqxx::sql_error& e, bool rolled_back) {
  std::string message = failing() + " failed: " + server_message(secret_free(e.what()));
  if (!e.sqlstate().empty()) message += " (SQLSTATE " + e.sqlstate() + ")";
  if (e.sqlstate() == "55P03" && options_.lock_retries > 0) {
    message += " after " + std::to_string(options_.lock_retries) + " retries";
  }
  auto& diag = diags_.error(base::DiagKind::ApplyFailed, std::nullopt, std::move(message));
  add_statement_note(diag);
  add_outcome_note(diag, rolled_back);
}

void StepRunner::report_lost(std::string_view what, bool in_commit, bool in_transaction) {
  std::string message;
  if (in_commit) {
    message = "the connection was lost during COMMIT: the outcome is unknown";
  } else {
    message = "the connection was lost at " + failing();
    if (!in_transaction) {
      message += "; whether it took effect is unknown";
    } else if (committed_ == 0) {
      message += "; the transaction was not committed, so nothing was changed";
    } else {
      message += "; its transaction was not committed, but " + std::to_string(committed_) +
                 " earlier statement(s) were";
    }
  }
  auto& diag = diags_.error(base::DiagKind::DatabaseConnectionLost, std::nullopt,
                            message + " (" + one_line(secret_free(what)) + ")");
  add_statement_note(diag);
  diag.notes.push_back({std::nullopt, "run plan again to see the database's current state"});
}

void StepRunner::report_other(std::string_view what, bool in_transaction) {
  auto& diag = diags_.error(base::DiagKind::ApplyFailed, std::nullopt,
                            failing() + " failed: " + one_line(secret_free(what)));
  add_statement_note(diag);
  add_outcome_note(diag, in_transaction);
}

}  // namespace

bool execute(Connection& conn, const std::vector<ExecStep>& steps, const ExecuteOptions& options,
             base::Diagnostics& diags, ExecuteReport& report) {
  StepRunner runner(conn.impl(), steps, options, diags);
  const bool ok = runner.run();
  report.committed = runner.committed();
  return ok;
}

bool execute(Connection& conn, const std::vector<ExecStep>& steps, const ExecuteOptions& options,
             base::Diagnostics& diags) {
  ExecuteReport report;
  return execute(conn, steps, options, diags, report);
}

}  // namespace schemac::catalog
