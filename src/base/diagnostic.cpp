#include "base/diagnostic.hpp"

#include <algorithm>
#include <iterator>

namespace schemac::base {

std::string_view code(DiagKind kind) {
  switch (kind) {
#define SCHEMAC_DIAG(c, name) \
  case DiagKind::name:        \
    return #c;
#include "base/diagnostic_kinds.def"
#undef SCHEMAC_DIAG
  }
  return "E????";
}

std::vector<DiagKind> all_kinds() {
  return {
#define SCHEMAC_DIAG(c, name) DiagKind::name,
#include "base/diagnostic_kinds.def"
#undef SCHEMAC_DIAG
  };
}

Diagnostic& Diagnostics::error(DiagKind kind, std::optional<SourceSpan> span, std::string message) {
  diags_.push_back(Diagnostic{kind, Severity::Error, span, std::move(message), {}});
  return diags_.back();
}

Diagnostic& Diagnostics::warning(DiagKind kind, std::optional<SourceSpan> span,
                                 std::string message) {
  diags_.push_back(Diagnostic{kind, Severity::Warning, span, std::move(message), {}});
  return diags_.back();
}

void Diagnostics::add(Diagnostic diag) {
  diags_.push_back(std::move(diag));
}

void Diagnostics::append(Diagnostics&& other) {
  diags_.insert(diags_.end(), std::make_move_iterator(other.diags_.begin()),
                std::make_move_iterator(other.diags_.end()));
  other.diags_.clear();
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(diags_.begin(), diags_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warning_count() const {
  return std::count_if(diags_.begin(), diags_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> result = diags_;
  std::stable_sort(result.begin(), result.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.has_value() != b.span.has_value()) return !a.span.has_value();
    if (!a.span) return false;
    if (a.span->file != b.span->file) return a.span->file < b.span->file;
    return a.span->begin < b.span->begin;
  });
  return result;
}

}  // namespace schemac::base
