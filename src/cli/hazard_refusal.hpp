// cli/hazard_refusal: which hazards `apply` runs without being told, and the
// refusal (exit 4) of every step carrying one that is not allowed.
//
// By default every hazard but deletes-data is allowed: dropping a table or a
// column cannot be undone once committed, while the others are either undone by
// the rollback of a failed apply (may-fail) or cost time and locks but keep the
// data (rewrites-table, blocks-writes, blocks-reads, and extension-upgrade, which
// only follows a version the files pin on purpose). Steps on a table created in
// the same plan carry no lock hazard at all (plan/hazards.cpp). A team that wants
// apply to stop at more sets `[apply] allow_hazards` to a shorter list.
#pragma once

#include <optional>
#include <set>

#include "base/diagnostic.hpp"
#include "cli/args.hpp"
#include "cli/config.hpp"
#include "emit/document.hpp"
#include "plan/plan.hpp"

namespace schemac::cli {

/// default_allowed_hazards: every hazard but deletes-data.
std::set<plan::Hazard> default_allowed_hazards();

/// allowed_hazards: `[apply] allow_hazards` (which replaces the default), plus the
/// names of `--allow-hazards=a,b`, plus deletes-data with `--allow-destructive` or
/// `[apply] allow_destructive = true`. nullopt after reporting an unknown name.
std::optional<std::set<plan::Hazard>> allowed_hazards(const Args& args, const Config& config,
                                                      base::Diagnostics& diags);

/// refuse_hazards reports (E0501) each step that carries a hazard not allowed,
/// naming the step and those hazards; true when any step was refused.
bool refuse_hazards(const emit::PlanDocument& doc, const std::set<plan::Hazard>& allowed,
                    base::Diagnostics& diags);

}  // namespace schemac::cli
