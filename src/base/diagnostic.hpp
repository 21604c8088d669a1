// base/diagnostic: the one path every phase uses to report problems to the
// user. Diagnostics are collected, sorted by position, and rendered by render.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"

namespace schemac::base {

/// DiagKind names every diagnostic schemac can emit (see diagnostic_kinds.def).
enum class DiagKind {
#define SCHEMAC_DIAG(code, name) name,
#include "base/diagnostic_kinds.def"
#undef SCHEMAC_DIAG
};

/// code is the stable code of a kind, e.g. "E0101".
std::string_view code(DiagKind kind);
/// all_kinds lists the registry in declaration order (for coverage checks).
std::vector<DiagKind> all_kinds();

enum class Severity { Error, Warning, Note };

/// Note is secondary information attached to a diagnostic ("declared here").
struct Note {
  std::optional<SourceSpan> span;
  std::string message;
};

/// Diagnostic is one problem: a kind, a severity, an optional place, a message.
struct Diagnostic {
  DiagKind kind;
  Severity severity = Severity::Error;
  std::optional<SourceSpan> span;  // none for environment errors (database, config)
  std::string message;
  std::vector<Note> notes;
};

/// Diagnostics collects problems from every phase in emission order.
class Diagnostics {
 public:
  Diagnostic& error(DiagKind kind, std::optional<SourceSpan> span, std::string message);
  Diagnostic& warning(DiagKind kind, std::optional<SourceSpan> span, std::string message);
  void add(Diagnostic diag);
  /// append moves other's diagnostics after these (in their order) and empties other.
  void append(Diagnostics&& other);
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  const std::vector<Diagnostic>& all() const { return diags_; }
  /// sorted is the list ordered by (file, offset), span-less ones first, then emission order.
  std::vector<Diagnostic> sorted() const;
  void clear() { diags_.clear(); }

 private:
  std::vector<Diagnostic> diags_;
};

}  // namespace schemac::base
