#include "lint/report.hpp"

#include <algorithm>

#include "base/quote.hpp"

namespace schemac::lint {

Level Reporter::level(base::DiagKind rule) const {
  if (auto it = context_.levels.find(rule); it != context_.levels.end()) return it->second;
  for (const Rule& known : rules())
    if (known.kind == rule) return known.default_level;
  return Level::Warning;
}

bool Reporter::enabled(base::DiagKind rule) const {
  return level(rule) != Level::Off;
}

// A suppression comment covers its own line (a trailing comment) and the next
// one (a comment standing above the declaration).
bool Reporter::suppressed(base::DiagKind rule, const base::SourceSpan& span) const {
  if (!context_.sources || span.file >= context_.sources->file_count()) return false;
  std::uint32_t line = context_.sources->line_col(span.file, span.begin).line;
  return std::any_of(context_.suppressions.begin(), context_.suppressions.end(),
                     [&](const Suppression& s) {
                       return s.file == span.file && (s.line == line || s.line + 1 == line) &&
                              std::find(s.rules.begin(), s.rules.end(), rule) != s.rules.end();
                     });
}

void Reporter::report(base::DiagKind rule, std::optional<base::SourceSpan> span,
                      std::string message) {
  Level wanted = level(rule);
  if (wanted == Level::Off || (span && suppressed(rule, *span))) return;
  if (wanted == Level::Error)
    diags_.error(rule, span, std::move(message));
  else
    diags_.warning(rule, span, std::move(message));
}

std::string table_display(const ir::QualifiedName& name) {
  return base::quote_qualified(name.schema, name.name);
}

}  // namespace schemac::lint
