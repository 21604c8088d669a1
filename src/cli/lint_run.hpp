// cli/lint_run: the lint pass that `schemac lint` and `schemac plan` share:
// gather `lint: allow` comments, run the schema rules on the desired state and
// the plan rules on a plan, then report the findings.
#pragma once

#include "base/diagnostic.hpp"
#include "cli/load.hpp"
#include "cli/session.hpp"
#include "lint/lint.hpp"
#include "plan/plan.hpp"

namespace schemac::cli {

/// LintRun holds the findings apart from the session's diagnostics until they
/// are reported, so that lint errors never stop planning.
struct LintRun {
  lint::Context context;
  base::Diagnostics findings;
};

/// lint_desired runs the schema rules (L001–L005) on a normalized copy of loaded.
LintRun lint_desired(const LoadedSchema& loaded, Session& session);

/// lint_suppressions is the first half of lint_desired: the `lint: allow`
/// comments of loaded's files, read while they are at hand.
LintRun lint_suppressions(const LoadedSchema& loaded, Session& session);

/// lint_schema is the second half: the schema rules on the desired catalog as
/// normalized for a plan (ir::normalize; canonicalizing expressions changes
/// nothing the rules read), so that planning and linting normalize it once.
void lint_schema(LintRun& run, const ir::Catalog& normalized_desired);

/// lint_plan adds the findings of the plan rules (L006).
void lint_plan(LintRun& run, const plan::Plan& plan);

/// report_lint prints the findings on stderr (sorted, before any plan); true
/// when a rule configured as "error" fired.
bool report_lint(LintRun& run, Session& session);

}  // namespace schemac::cli
