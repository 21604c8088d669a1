// lint/lint: rules with stable codes (L001…) over the desired IR and over a
// Plan. Findings are ordinary diagnostics whose severity comes from the
// configuration. Depends on base, ir, diff and plan; never on a connection or an AST.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "ir/catalog.hpp"
#include "plan/plan.hpp"

namespace schemac::lint {

/// Level is what a rule's findings become: nothing, a warning, or an error.
enum class Level { Off, Warning, Error };

/// Rule is one row of the rule table (rules.cpp); docs/lint.md explains each.
struct Rule {
  base::DiagKind kind;    // its stable code, e.g. L001
  std::string_view name;  // kebab-case, e.g. "table-without-primary-key"
  Level default_level;
};

/// rules lists every rule in code order.
const std::vector<Rule>& rules();
/// find_rule looks a rule up by code ("L003") or name; nullptr when unknown.
const Rule* find_rule(std::string_view code_or_name);
/// parse_level reads "error", "warning" or "off".
std::optional<Level> parse_level(std::string_view text);

/// Suppression silences the listed rules on one line of a file and on the line
/// after it (see parse_suppression).
struct Suppression {
  base::FileId file = 0;
  std::uint32_t line = 0;  // 1-based line of the comment
  std::vector<base::DiagKind> rules;
};

/// parse_suppression reads a line comment of the form
///   // lint: allow L001[, L002…] <why>
/// (or `-- lint: allow …`). comment_text includes its delimiter. Returns the
/// rules named, or nullopt when the comment is not a suppression. Unknown
/// codes are skipped; `unknown` receives them so the caller can warn.
std::optional<std::vector<base::DiagKind>> parse_suppression(std::string_view comment_text,
                                                             std::vector<std::string>& unknown);

/// Context is what every check needs: per-rule levels (by code; rules not named
/// keep their default), the suppressions, and the sources to find lines in.
struct Context {
  std::map<base::DiagKind, Level> levels;
  std::vector<Suppression> suppressions;
  const base::SourceManager* sources = nullptr;  // needed only for suppressions
};

/// check_schema runs the rules over the desired catalog (L001–L005).
void check_schema(const ir::Catalog& desired, const Context& context, base::Diagnostics& diags);

/// check_plan runs the rules over the changes a plan makes (L006).
void check_plan(const plan::Plan& plan, const Context& context, base::Diagnostics& diags);

}  // namespace schemac::lint
