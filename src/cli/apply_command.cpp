// schemac apply: plan against the live database, then run the plan in one
// transaction under a session advisory lock, refusing data loss unless allowed.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "catalog/execute.hpp"
#include "cli/app.hpp"
#include "cli/pipeline.hpp"
#include "cli/plan_output.hpp"
#include "emit/sql.hpp"

namespace schemac::cli {
namespace {

/// refuse_destructive reports every step that deletes data unless allowed.
bool refuse_destructive(const plan::Plan& plan, bool allowed, base::Diagnostics& diags) {
  if (allowed) return false;
  bool refused = false;
  for (const plan::Step& step : plan.steps) {
    for (plan::Hazard hazard : step.hazards) {
      if (hazard != plan::Hazard::DeletesData) continue;
      diags.error(base::DiagKind::DestructiveChangeRefused, std::nullopt,
                  "refusing to " + step.summary + ": it deletes data (pass --allow-destructive)");
      refused = true;
    }
  }
  return refused;
}

/// confirm asks on a terminal; without one, only --auto-approve proceeds.
bool confirm(const plan::Plan& plan, bool auto_approve, base::Diagnostics& diags) {
  if (auto_approve) return true;
  if (!isatty(STDIN_FILENO)) {
    diags.error(base::DiagKind::NoTerminalForApproval, std::nullopt,
                "no terminal to confirm on; pass --auto-approve to apply without asking");
    return false;
  }
  std::fprintf(stderr, "Apply these %zu change%s? Only 'yes' is accepted: ", plan.steps.size(),
               plan.steps.size() == 1 ? "" : "s");
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "yes";
}

std::vector<catalog::ExecStep> exec_steps(const std::vector<emit::Statement>& statements) {
  std::vector<catalog::ExecStep> steps;
  for (const emit::Statement& statement : statements)
    steps.push_back({statement.sql, statement.in_transaction});
  return steps;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

ExitCode run_apply(const Args& args, Session& session) {
  auto desired = load_desired(args, session);
  if (!desired) return ExitCode::InvalidInput;
  ExitCode failure = ExitCode::Success;
  auto conn = connect(args, session, failure);
  if (!conn) return session.fail(failure);
  if (!catalog::acquire_apply_lock(*conn, session.config.lock_wait_seconds, session.diags))
    return session.fail(ExitCode::DatabaseError);
  // Inspect under the lock, so no other apply changes the database between plan and run.
  desired->files = {};  // the syntax trees are not needed now: free them before inspecting
  auto plan = plan_against(*conn, std::move(desired->catalog), session, failure);
  if (!plan) return failure;
  std::fputs(render_plan(*plan, PlanFormat::Text, session.color_stdout).c_str(), stdout);
  std::fflush(stdout);
  if (plan->empty()) return ExitCode::Success;
  bool allow = args.has("--allow-destructive") || session.config.allow_destructive;
  if (refuse_destructive(*plan, allow, session.diags)) return session.fail(ExitCode::Refused);
  if (!confirm(*plan, args.has("--auto-approve"), session.diags))
    return session.fail(ExitCode::InvalidInput);

  std::vector<catalog::ExecStep> steps = exec_steps(emit::to_statements(*plan));
  catalog::ExecuteOptions exec;
  exec.lock_timeout = args.value("--lock-timeout").value_or(session.config.lock_timeout);
  exec.statement_timeout =
      args.value("--statement-timeout").value_or(session.config.statement_timeout);
  exec.progress = [&](std::size_t index, const catalog::ExecStep& step) {
    std::fprintf(stderr, "[%zu/%zu] %s\n", index + 1, steps.size(), first_line(step.sql).c_str());
  };
  auto started = std::chrono::steady_clock::now();
  if (!catalog::execute(*conn, steps, exec, session.diags)) {
    session.report();
    std::fputs("schemac: nothing was applied; the database is as it was before.\n", stderr);
    return ExitCode::DatabaseError;
  }
  catalog::release_apply_lock(*conn);
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::printf("\nApplied %zu statement%s in %lld ms.\n", steps.size(), steps.size() == 1 ? "" : "s",
              static_cast<long long>(elapsed.count()));
  return ExitCode::Success;
}

}  // namespace

Command apply_command() {
  return {
      "apply",
      "plan against the database and apply the migration in one transaction",
      "schemac apply [flags] [PATHS...]",
      {
          {"--db", true, "database URL (default: schemac.toml, then DATABASE_URL)", "URL"},
          {"--allow-destructive", false, "allow steps that delete data (drop table/column)"},
          {"--auto-approve", false, "apply without asking for confirmation"},
          {"--lock-timeout", true, "lock_timeout for every statement (default 10s)", "DURATION"},
          {"--statement-timeout", true, "statement_timeout (default 0 = none)", "DURATION"},
      },
      &run_apply};
}

}  // namespace schemac::cli
