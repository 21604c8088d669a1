// schemac apply: plan against the live database (or take a plan saved by `plan
// --out`, if the database has not changed since), then run it (one transaction;
// online plans in parts) under a session advisory lock, refusing steps whose
// hazards are not allowed.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "catalog/execute.hpp"
#include "cli/app.hpp"
#include "cli/apply_run.hpp"
#include "cli/hazard_refusal.hpp"
#include "cli/pipeline.hpp"
#include "cli/plan_output.hpp"
#include "cli/saved_plan.hpp"
#include "emit/document.hpp"

namespace schemac::cli {
namespace {

/// confirm asks on a terminal; without one, only --auto-approve proceeds.
bool confirm(std::size_t step_count, bool auto_approve, base::Diagnostics& diags) {
  if (auto_approve) return true;
  if (!isatty(STDIN_FILENO)) {
    diags.error(base::DiagKind::NoTerminalForApproval, std::nullopt,
                "no terminal to confirm on; pass --auto-approve to apply without asking");
    return false;
  }
  std::fprintf(stderr, "Apply these %zu change%s? Only 'yes' is accepted: ", step_count,
               step_count == 1 ? "" : "s");
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "yes";
}

ExitCode run_apply(const Args& args, Session& session) {
  auto allowed = allowed_hazards(args, session.config, session.diags);
  if (!allowed) return session.fail(ExitCode::InvalidInput);
  auto retries = lock_retries(args, session, session.diags);
  if (!retries) return session.fail(ExitCode::InvalidInput);
  // The plan: one saved by `plan --out` (cli/saved_plan.hpp), or made now from the files.
  std::optional<emit::PlanDocument> saved;
  std::optional<LoadedSchema> desired;
  if (auto file = saved_plan_argument(args)) {
    saved = read_saved_plan(*file, session);
    if (!saved) return session.fail(ExitCode::InvalidInput);
  } else {
    desired = load_desired(args, session, kReadsDatabase);
    if (!desired) return ExitCode::InvalidInput;
  }
  ExitCode failure = ExitCode::Success;
  auto conn = connect(args, session, failure);
  if (!conn) return session.fail(failure);
  const int lock_wait = session.config.lock_wait_seconds;
  if (!catalog::acquire_apply_lock(*conn, lock_wait, session.diags, [&](const std::string& holder) {
        std::fprintf(stderr, "%s\n", lock_waiting_message(holder, lock_wait).c_str());
      }))
    return session.fail(ExitCode::DatabaseError);
  // Inspect under the lock, so no other apply changes the database between plan and run.
  std::optional<emit::PlanDocument> plan = saved;
  if (saved) {
    if (!verify_unchanged(*conn, *saved, session, failure)) return session.fail(failure);
  } else {
    auto made = plan_against(*conn, std::move(desired->catalog), session, failure);
    if (!made) return failure;
    make_online_if_asked(*made, args, session);
    plan = emit::document(*made);
  }
  std::fputs(render_plan(*plan, PlanFormat::Text, session.color_stdout).c_str(), stdout);
  std::fflush(stdout);
  if (plan->empty()) return ExitCode::Success;
  if (refuse_hazards(*plan, *allowed, session.diags)) return session.fail(ExitCode::Refused);
  if (!confirm(plan->steps.size(), args.has("--auto-approve"), session.diags))
    return session.fail(ExitCode::InvalidInput);

  ExitCode result = run_migration(*conn, *plan, *retries, args, session);
  if (result == ExitCode::Success) catalog::release_apply_lock(*conn);
  return result;
}

}  // namespace

Command apply_command() {
  return {
      "apply",
      "plan against the database and apply the migration in one transaction",
      "schemac apply [flags] [PATHS... | PLAN.json]",
      {
          {"--db", true, "database URL (default: schemac.toml, then DATABASE_URL)", "URL"},
          {"--allow-destructive", false,
           "allow steps that delete data (= --allow-hazards=deletes-data)"},
          {"--allow-hazards", true, "also allow steps with these hazards (comma-separated)",
           "LIST"},
          {"--auto-approve", false, "apply without asking for confirmation"},
          {"--allow-empty", false,
           "accept files that declare nothing (drops every managed object)"},
          {"--lock-timeout", true, "lock_timeout for every statement (default 10s)", "DURATION"},
          {"--statement-timeout", true, "statement_timeout (default 0 = none)", "DURATION"},
          {"--lock-retries", true, "retries after a lock timeout (default 3)", "N"},
          {"--online", false, "online-safe plan: concurrent indexes, NOT VALID then VALIDATE"},
      },
      &run_apply};
}

}  // namespace schemac::cli
