// schemac apply: plan against the live database, then run the plan in one
// transaction under a session advisory lock, refusing data loss unless allowed.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "catalog/execute.hpp"
#include "cli/app.hpp"
#include "cli/apply_run.hpp"
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

ExitCode run_apply(const Args& args, Session& session) {
  auto desired = load_desired(args, session);
  if (!desired) return ExitCode::InvalidInput;
  ExitCode failure = ExitCode::Success;
  auto conn = connect(args, session, failure);
  if (!conn) return session.fail(failure);
  const int lock_wait = session.config.lock_wait_seconds;
  if (!catalog::acquire_apply_lock(*conn, lock_wait, session.diags, [&](const std::string& holder) {
        std::fprintf(stderr, "%s\n", lock_waiting_message(holder, lock_wait).c_str());
      }))
    return session.fail(ExitCode::DatabaseError);
  // Inspect under the lock, so no other apply changes the database between plan and run.
  auto plan = plan_against(*conn, std::move(desired->catalog), session, failure);
  if (!plan) return failure;
  make_online_if_asked(*plan, args, session);
  std::fputs(render_plan(*plan, PlanFormat::Text, session.color_stdout).c_str(), stdout);
  std::fflush(stdout);
  if (plan->empty()) return ExitCode::Success;
  bool allow = args.has("--allow-destructive") || session.config.allow_destructive;
  if (refuse_destructive(*plan, allow, session.diags)) return session.fail(ExitCode::Refused);
  if (!confirm(*plan, args.has("--auto-approve"), session.diags))
    return session.fail(ExitCode::InvalidInput);

  ExitCode result = run_migration(*conn, *plan, args, session);
  if (result == ExitCode::Success) catalog::release_apply_lock(*conn);
  return result;
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
          {"--lock-retries", true, "retries after a lock timeout (default 3)", "N"},
          {"--online", false, "online-safe plan: concurrent indexes, NOT VALID then VALIDATE"},
      },
      &run_apply};
}

}  // namespace schemac::cli
