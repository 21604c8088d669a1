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
  if (plan.empty()) return "No changes. The database matches the schema.\n";
  std::vector<plan::Line> lines;
  std::string body;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const plan::Step& step = plan.steps[i];
    // An online plan runs in parts; each is headed by how it runs.
    if (plan.units() > 1 && (i == 0 || plan.steps[i - 1].unit != step.unit))
      body += (i ? "\n" : "") + unit_note(plan, step.unit) + ":\n";
    std::vector<plan::Line> more = plan::describe(step);
    for (const plan::Line& line : more) body += render_line(line, options);
    lines.insert(lines.end(), more.begin(), more.end());
  }
  int counts[3] = {0, 0, 0};
  for (const plan::Line& line : lines) ++counts[static_cast<int>(line.verb)];
  return "Plan: " + std::to_string(counts[0]) + " to create, " + std::to_string(counts[1]) +
         " to alter, " + std::to_string(counts[2]) + " to drop.\n\n" + body;
}

}  // namespace schemac::emit
