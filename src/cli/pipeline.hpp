// cli/pipeline: the shared middle of plan, apply and diff: normalize both
// sides, diff them, order the changes into a plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "catalog/connection.hpp"
#include "cli/load.hpp"
#include "cli/session.hpp"
#include "ir/catalog.hpp"
#include "plan/plan.hpp"

namespace schemac::cli {

/// PlanKeep names what the caller wants kept beside a plan, each when not null:
/// the database's catalog as read (for a saved plan's fingerprint), and the
/// desired catalog as normalized for the comparison (for the lint rules, which
/// then need no normalized copy of their own).
struct PlanKeep {
  ir::Catalog* inspected = nullptr;
  ir::Catalog* normalized_desired = nullptr;
};

/// make_plan normalizes copies of both catalogs and plans current -> desired
/// within the managed schemas (empty: all). nullopt if diff or plan reported
/// errors. normalized_desired, when given, receives desired as normalized.
std::optional<plan::Plan> make_plan(ir::Catalog current, ir::Catalog desired,
                                    const std::vector<std::string>& managed,
                                    base::Diagnostics& diags,
                                    ir::Catalog* normalized_desired = nullptr);

/// load_desired loads the schema files named on the command line (or configured)
/// and prints any warnings; nullopt after reporting errors. threads: as in
/// LoadOptions.
std::optional<LoadedSchema> load_desired(const Args& args, Session& session,
                                         std::size_t threads = 0);

/// kReadsDatabase is the thread count for loading the files in a command that
/// reads the database (plan, apply, lint --db): one. There the database takes
/// most of the time, and with two loading threads `plan` at 10,000 tables
/// peaked at 154 MB instead of 133 MB (most likely the second malloc arena
/// going on to serve the inspect threads), to save some 2 % of its time. With
/// [database] schemas set, the database is even read while the files are
/// parsed, and two parsing threads made `plan` no faster.
inline constexpr std::size_t kReadsDatabase = 1;

/// plan_against inspects the managed schemas of the database and plans the way
/// to desired, comparing view queries and table expressions as the database
/// prints them (catalog/canonicalize.hpp). On failure it reports, sets failure
/// (DatabaseError when the database fails) and returns nullopt. keep: see PlanKeep.
std::optional<plan::Plan> plan_against(catalog::Connection& conn, ir::Catalog desired,
                                       Session& session, ExitCode& failure, PlanKeep keep = {});

/// inspect_managed reads the managed schemas of the database (timed as the
/// `inspect` phase); nullopt after reporting into diags.
std::optional<ir::Catalog> inspect_managed(catalog::Connection& conn,
                                           const std::vector<std::string>& managed,
                                           base::Diagnostics& diags);

/// plan_from is plan_against with the database already inspected (current:
/// nullopt when inspecting failed, which it reports as a database failure).
std::optional<plan::Plan> plan_from(catalog::Connection& conn, std::optional<ir::Catalog> current,
                                    ir::Catalog desired, Session& session, ExitCode& failure,
                                    PlanKeep keep = {});

/// make_online_if_asked applies the online-safe rewrite (plan/online.hpp) when
/// --online is given or [plan] online = true.
void make_online_if_asked(plan::Plan& plan, const Args& args, const Session& session);

}  // namespace schemac::cli
