// lint/report: turns a rule's finding into a diagnostic at the configured level,
// unless the rule is off or a `lint: allow` comment silences it. Internal to lint.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "ir/catalog.hpp"
#include "lint/lint.hpp"

namespace schemac::lint {

class Reporter {
 public:
  Reporter(const Context& context, base::Diagnostics& diags) : context_(context), diags_(diags) {}
  /// enabled is false when the rule is off (so a check can skip its work).
  bool enabled(base::DiagKind rule) const;
  void report(base::DiagKind rule, std::optional<base::SourceSpan> span, std::string message);

 private:
  Level level(base::DiagKind rule) const;
  bool suppressed(base::DiagKind rule, const base::SourceSpan& span) const;
  const Context& context_;
  base::Diagnostics& diags_;
};

/// table_display is schema.table as SQL would name it ("public.users").
std::string table_display(const ir::QualifiedName& name);

}  // namespace schemac::lint
