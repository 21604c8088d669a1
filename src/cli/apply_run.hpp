// cli/apply_run: the execution half of `schemac apply`: runs a planned
// migration under the apply lock's session, printing progress on stderr.
#pragma once

#include <optional>

#include "catalog/connection.hpp"
#include "cli/args.hpp"
#include "cli/exit_code.hpp"
#include "cli/session.hpp"
#include "emit/document.hpp"

namespace schemac::cli {

/// lock_retries is --lock-retries (0 to 20), else `[apply] lock_retries`; nullopt after
/// reporting a bad flag (checked before anything connects).
std::optional<int> lock_retries(const Args& args, const Session& session, base::Diagnostics& diags);

/// run_migration executes the plan document (made now or saved) on conn with the configured (or
/// flagged) timeouts and retries, prints `[i/n] statement  12 ms` per step on stderr, and says at
/// the end what was applied. Success, or DatabaseError after reporting.
ExitCode run_migration(catalog::Connection& conn, const emit::PlanDocument& plan, int retries,
                       const Args& args, Session& session);

/// lock_waiting_message is what apply prints while another apply holds the lock.
std::string lock_waiting_message(const std::string& holder, int wait_seconds);

}  // namespace schemac::cli
