// catalog/execute: runs a migration's statements. The transactional ones run in
// one transaction with lock_timeout/statement_timeout set locally; then the
// others (CREATE INDEX CONCURRENTLY, ...) run one by one outside any transaction.
// Any pqxx exception ends here as one diagnostic that names the statement.
#include "catalog/execute.hpp"

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

/// StepRunner runs the steps and turns a failure into a diagnostic.
class StepRunner {
 public:
  StepRunner(Connection::Impl& impl, const std::vector<ExecStep>& steps,
             const ExecuteOptions& options, base::Diagnostics& diags)
      : impl_(impl), steps_(steps), options_(options), diags_(diags) {}

  bool run_transaction();
  bool run_outside_transaction();

 private:
  void run_step(pqxx::transaction_base& tx, std::size_t index);
  void report_sql_error(const pqxx::sql_error& e, bool rolled_back);
  void report_lost(std::string_view what, bool in_commit, bool in_transaction);
  void report_other(std::string_view what, bool in_transaction);
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

void StepRunner::run_step(pqxx::transaction_base& tx, std::size_t index) {
  current_ = index;
  if (options_.progress) options_.progress(index, steps_[index]);
  tx.exec(steps_[index].sql);
}

bool StepRunner::run_transaction() {
  bool any = false;
  for (const ExecStep& step : steps_) any = any || step.in_transaction;
  if (!any) return true;
  bool committing = false;
  try {
    current_ = kSetup;
    pqxx::work tx(*impl_.conn, "schemac_apply");
    tx.exec(kSetSearchPath);  // view queries resolve names as they were canonicalized
    tx.exec("SET LOCAL lock_timeout = " + base::quote_literal(options_.lock_timeout));
    tx.exec("SET LOCAL statement_timeout = " + base::quote_literal(options_.statement_timeout));
    for (std::size_t i = 0; i < steps_.size(); ++i) {
      if (steps_[i].in_transaction) run_step(tx, i);
    }
    committing = true;
    tx.commit();
  } catch (const pqxx::in_doubt_error& e) {
    report_lost(e.what(), true, true);
    return false;
  } catch (const pqxx::broken_connection& e) {
    report_lost(e.what(), committing, true);
    return false;
  } catch (const pqxx::sql_error& e) {
    report_sql_error(e, true);
    return false;
  } catch (const std::exception& e) {
    report_other(e.what(), true);
    return false;
  }
  for (const ExecStep& step : steps_) committed_ += step.in_transaction ? 1 : 0;
  return true;
}

bool StepRunner::run_outside_transaction() {
  try {
    pqxx::nontransaction tx(*impl_.conn, "schemac_apply_outside");
    bool configured = false;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
      if (steps_[i].in_transaction) continue;
      if (!configured) {
        current_ = kSetup;
        // Session-level, as there is no transaction to scope them to; reset below.
        tx.exec("SET lock_timeout = " + base::quote_literal(options_.lock_timeout));
        tx.exec("SET statement_timeout = " + base::quote_literal(options_.statement_timeout));
        configured = true;
      }
      run_step(tx, i);
      ++committed_;
    }
    if (configured) tx.exec("RESET lock_timeout; RESET statement_timeout");
  } catch (const pqxx::broken_connection& e) {
    report_lost(e.what(), false, false);
    return false;
  } catch (const pqxx::sql_error& e) {
    report_sql_error(e, false);
    return false;
  } catch (const std::exception& e) {
    report_other(e.what(), false);
    return false;
  }
  return true;
}

void StepRunner::report_sql_error(const pqxx::sql_error& e, bool rolled_back) {
  std::string message = failing() + " failed: " + server_message(secret_free(e.what()));
  if (!e.sqlstate().empty()) message += " (SQLSTATE " + e.sqlstate() + ")";
  auto& diag = diags_.error(base::DiagKind::ApplyFailed, std::nullopt, std::move(message));
  add_statement_note(diag);
  if (rolled_back) {
    diag.notes.push_back({std::nullopt, "the transaction was rolled back; nothing was changed"});
  } else {
    diag.notes.push_back({std::nullopt, std::to_string(committed_) +
                                            " earlier statement(s) were committed and remain"});
  }
}

void StepRunner::report_lost(std::string_view what, bool in_commit, bool in_transaction) {
  std::string message;
  if (in_commit) {
    message = "the connection was lost during COMMIT: the outcome is unknown";
  } else {
    message = "the connection was lost at " + failing();
    message += in_transaction ? "; the transaction was not committed, so nothing was changed"
                              : "; whether it took effect is unknown";
  }
  auto& diag = diags_.error(base::DiagKind::DatabaseConnectionLost, std::nullopt,
                            message + " (" + one_line(secret_free(what)) + ")");
  diag.notes.push_back({std::nullopt, "run plan again to see the database's current state"});
}

void StepRunner::report_other(std::string_view what, bool in_transaction) {
  auto& diag = diags_.error(base::DiagKind::ApplyFailed, std::nullopt,
                            failing() + " failed: " + one_line(secret_free(what)));
  add_statement_note(diag);
  if (in_transaction) {
    diag.notes.push_back({std::nullopt, "the transaction was rolled back; nothing was changed"});
  }
}

}  // namespace

bool execute(Connection& conn, const std::vector<ExecStep>& steps, const ExecuteOptions& options,
             base::Diagnostics& diags) {
  StepRunner runner(conn.impl(), steps, options, diags);
  return runner.run_transaction() && runner.run_outside_transaction();
}

}  // namespace schemac::catalog
