#include "emit/text.hpp"

#include "emit/sql.hpp"
#include "emit/sql_parts.hpp"
#include "plan/describe.hpp"

namespace schemac::emit {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kHazardColor = "\x1b[35m";

std::string_view verb_color(plan::Verb verb) {
  switch (verb) {
    case plan::Verb::Create:
      return "\x1b[32m";
    case plan::Verb::Alter:
      return "\x1b[33m";
    case plan::Verb::Drop:
      return "\x1b[31m";
  }
  return "";
}

char verb_mark(plan::Verb verb) {
  switch (verb) {
    case plan::Verb::Create:
      return '+';
    case plan::Verb::Alter:
      return '~';
    case plan::Verb::Drop:
      return '-';
  }
  return '?';
}

std::string render_line(const plan::Line& line, const TextOptions& options) {
  std::string out;
  if (options.color) out += verb_color(line.verb);
  out += verb_mark(line.verb);
  out += " " + detail::one_line(line.text);
  if (options.color) out += kReset;
  if (!line.hazards.empty()) {
    out += "  ";
    if (options.color) out += kHazardColor;
    out += "[";
    for (std::size_t i = 0; i < line.hazards.size(); ++i)
      out += (i ? ", " : "") + std::string(plan::hazard_name(line.hazards[i]));
    out += "]";
    if (options.color) out += kReset;
  }
  return out + "\n";
}

}  // namespace

std::string to_text(const plan::Plan& plan, const TextOptions& options) {
  return to_text(document(plan), options);
}

std::string to_text(const PlanDocument& doc, const TextOptions& options) {
  if (doc.empty()) return no_changes_sentence(doc) + "\n";
  ChangeCounts counts = count_changes(doc);
  std::string out = "Plan: " + std::to_string(counts.create) + " to create, " +
                    std::to_string(counts.alter) + " to alter, " + std::to_string(counts.drop) +
                    " to drop.\n\n";
  for (std::size_t i = 0; i < doc.steps.size(); ++i) {
    const DocumentStep& step = doc.steps[i];
    // An online plan runs in parts; each is headed by how it runs.
    if (doc.units() > 1 && (i == 0 || doc.steps[i - 1].unit != step.unit))
      out += (i ? "\n" : "") + unit_note(doc, step.unit) + ":\n";
    for (const plan::Line& line : step.changes) out += render_line(line, options);
  }
  return out;
}

}  // namespace schemac::emit
