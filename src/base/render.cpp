#include "base/render.hpp"

#include <algorithm>

namespace schemac::base {
namespace {

const char* severity_word(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

const char* severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;35m";
    case Severity::Note:
      return "\x1b[1;36m";
  }
  return "";
}

bool is_utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// caret_line keeps tabs so the caret stays aligned under tab-indented source and
// skips UTF-8 continuation bytes so multi-byte characters count as one column.
std::string caret_line(std::string_view line, std::uint32_t col, std::uint32_t length) {
  std::string out;
  std::uint32_t start = std::min<std::uint32_t>(col - 1, static_cast<std::uint32_t>(line.size()));
  for (std::uint32_t i = 0; i < start; ++i) {
    if (line[i] == '\t')
      out += '\t';
    else if (!is_utf8_continuation(line[i]))
      out += ' ';
  }
  out += '^';
  std::uint32_t end = std::min<std::uint32_t>(start + std::max<std::uint32_t>(length, 1),
                                              static_cast<std::uint32_t>(line.size()));
  for (std::uint32_t i = start + 1; i < end; ++i)
    if (!is_utf8_continuation(line[i])) out += '~';
  return out;
}

void render_located(std::string& out, const SourceManager& sources, const SourceSpan& span,
                    Severity severity, const std::string& message, std::string_view code_text,
                    const RenderOptions& options) {
  LineCol pos = sources.line_col(span.file, span.begin);
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  const char* sev_color = options.color ? severity_color(severity) : "";
  out += bold;
  out += sources.path(span.file) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col) +
         ": ";
  out += reset;
  out += sev_color;
  out += severity_word(severity);
  out += ": ";
  out += reset;
  out += bold;
  out += message;
  if (!code_text.empty()) out += " [" + std::string(code_text) + "]";
  out += reset;
  out += '\n';
  std::string_view line = sources.line_text(span.file, pos.line);
  std::uint32_t line_end_offset =
      span.begin - (pos.col - 1) + static_cast<std::uint32_t>(line.size());
  std::uint32_t length =
      span.end > span.begin ? std::min(span.end, line_end_offset) - span.begin : 1;
  // A span at the very end of the file (e.g. "expected '}'") points past the last line.
  if (line.empty() && pos.col == 1 && span.begin >= sources.text(span.file).size()) {
    out += '\n';
    out += options.color ? "\x1b[1;32m^\x1b[0m\n" : "^\n";
    return;
  }
  out += line;
  out += '\n';
  if (options.color) out += "\x1b[1;32m";
  out += caret_line(line, pos.col, length);
  out += reset;
  out += '\n';
}

}  // namespace

std::string render_one(const SourceManager& sources, const Diagnostic& diag,
                       const RenderOptions& options) {
  std::string out;
  if (diag.span) {
    render_located(out, sources, *diag.span, diag.severity, diag.message, code(diag.kind), options);
  } else {
    const char* reset = options.color ? "\x1b[0m" : "";
    out += "schemac: ";
    out += options.color ? severity_color(diag.severity) : "";
    out += severity_word(diag.severity);
    out += ": ";
    out += reset;
    out += diag.message + " [" + std::string(code(diag.kind)) + "]\n";
  }
  for (const Note& note : diag.notes) {
    if (note.span) {
      render_located(out, sources, *note.span, Severity::Note, note.message, "", options);
    } else {
      out += "schemac: note: " + note.message + "\n";
    }
  }
  return out;
}

std::string render_text(const SourceManager& sources, const Diagnostics& diags,
                        const RenderOptions& options) {
  std::string out;
  for (const Diagnostic& diag : diags.sorted()) out += render_one(sources, diag, options);
  return out;
}

}  // namespace schemac::base
