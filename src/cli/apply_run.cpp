// Progress goes to stderr, one line per statement: the line is begun when the
// statement starts (so a statement that waits shows what it waits in) and ended
// with its duration, or "failed".
#include "cli/apply_run.hpp"

#include <chrono>
#include <cstdio>
#include <string>

#include "catalog/execute.hpp"
#include "emit/document.hpp"

namespace schemac::cli {
namespace {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

/// ProgressPrinter writes the `[i/n] ...  12 ms` lines.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(std::size_t total) : total_(total) {}

  void started(std::size_t index, const catalog::ExecStep& step) {
    close("");
    std::fprintf(stderr, "[%zu/%zu] %s%s", index + 1, total_,
                 step.in_transaction ? "" : "(no transaction) ", first_line(step.sql).c_str());
    open_ = true;
  }
  void finished(std::chrono::milliseconds elapsed) {
    close("  " + std::to_string(elapsed.count()) + " ms");
  }
  void committed(std::chrono::milliseconds elapsed) {
    close("");
    std::fprintf(stderr, "      COMMIT  %lld ms\n", static_cast<long long>(elapsed.count()));
  }
  void note(const std::string& message) {
    close("");
    std::fprintf(stderr, "schemac: %s\n", message.c_str());
  }
  /// close ends an open step line with suffix.
  void close(const std::string& suffix) {
    if (!open_) return;
    std::fprintf(stderr, "%s\n", suffix.c_str());
    open_ = false;
  }

 private:
  std::size_t total_;
  bool open_ = false;
};

std::vector<catalog::ExecStep> exec_steps(const emit::PlanDocument& plan) {
  std::vector<catalog::ExecStep> steps;
  for (const emit::DocumentStep& step : plan.steps)
    for (const emit::Statement& s : step.statements)
      steps.push_back({s.sql, s.in_transaction, s.unit, s.retry_cleanup});
  return steps;
}

}  // namespace

std::string lock_waiting_message(const std::string& holder, int wait_seconds) {
  return "schemac: another apply holds the lock on this database (" + holder + "); waiting up to " +
         std::to_string(wait_seconds) + "s for it to finish ...";
}

std::optional<int> lock_retries(const Args& args, const Session& session,
                                base::Diagnostics& diags) {
  auto flag = args.value("--lock-retries");
  if (!flag) return session.config.lock_retries;
  int retries = -1;
  try {
    std::size_t used = 0;
    retries = std::stoi(*flag, &used);
    if (used != flag->size()) retries = -1;
  } catch (const std::exception&) {
  }
  if (retries < 0 || retries > 20) {
    diags.error(base::DiagKind::UsageError, std::nullopt,
                "--lock-retries must be a number from 0 to 20, not '" + *flag + "'");
    return std::nullopt;
  }
  return retries;
}

ExitCode run_migration(catalog::Connection& conn, const emit::PlanDocument& plan, int retries,
                       const Args& args, Session& session) {
  const std::vector<catalog::ExecStep> steps = exec_steps(plan);
  catalog::ExecuteOptions exec;
  exec.lock_timeout = args.value("--lock-timeout").value_or(session.config.lock_timeout);
  exec.statement_timeout =
      args.value("--statement-timeout").value_or(session.config.statement_timeout);
  exec.lock_retries = retries;
  ProgressPrinter printer(steps.size());
  exec.progress = [&](std::size_t index, const catalog::ExecStep& step) {
    printer.started(index, step);
  };
  exec.finished = [&](std::size_t, std::chrono::milliseconds elapsed) {
    printer.finished(elapsed);
  };
  exec.committed = [&](std::size_t, std::chrono::milliseconds elapsed) {
    printer.committed(elapsed);
  };
  exec.retrying = [&](const std::string& message) {
    printer.close("  lock timeout");
    printer.note(message);
  };

  const auto started = std::chrono::steady_clock::now();
  catalog::ExecuteReport report;
  if (!catalog::execute(conn, steps, exec, session.diags, report)) {
    printer.close("  failed");
    session.report();
    if (report.committed == 0) {
      std::fputs("schemac: nothing was applied; the database is as it was before.\n", stderr);
    } else {
      std::fprintf(stderr,
                   "schemac: %zu of %zu statements were committed before the failure; run apply "
                   "again to finish (see \"Online mode\" in docs/cli.md).\n",
                   report.committed, steps.size());
    }
    return ExitCode::DatabaseError;
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::printf("\nApplied %zu statement%s in %lld ms.\n", steps.size(), steps.size() == 1 ? "" : "s",
              static_cast<long long>(elapsed.count()));
  return ExitCode::Success;
}

}  // namespace schemac::cli
