#include "emit/markdown.hpp"

#include <algorithm>

#include "emit/sql_parts.hpp"

namespace schemac::emit {
namespace {

std::string_view verb_mark(plan::Verb verb) {
  switch (verb) {
    case plan::Verb::Create:
      return "+";
    case plan::Verb::Alter:
      return "~";
    case plan::Verb::Drop:
      return "-";
  }
  return "~";
}

// What each hazard means for the reviewer, and what apply does about it.
std::string_view hazard_note(plan::Hazard hazard) {
  switch (hazard) {
    case plan::Hazard::DeletesData:
      return "data is lost for good; `schemac apply` refuses it unless allowed "
             "(`--allow-destructive`)";
    case plan::Hazard::RewritesTable:
      return "the whole table is rewritten under an `ACCESS EXCLUSIVE` lock; "
             "on a large table that is an outage";
    case plan::Hazard::BlocksWrites:
      return "writes to the table wait until the step ends";
    case plan::Hazard::BlocksReads:
      return "reads of the table wait too";
    case plan::Hazard::MayFail:
      return "existing rows can make the step fail (the whole apply is then rolled back)";
    case plan::Hazard::ExtensionUpgrade:
      return "`ALTER EXTENSION … UPDATE` runs the extension's upgrade scripts";
  }
  return "";
}

// A code span that survives any content inside a GFM table cell: newlines made
// visible, pipes escaped (GFM splits cells on them even in code), a fence longer
// than any run of backticks inside, and padding when the text starts or ends with one.
std::string code_span(std::string_view text) {
  std::string body;
  for (char c : detail::one_line(text)) body += c == '|' ? std::string("\\|") : std::string(1, c);
  std::size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string hazard_cell(const std::vector<plan::Hazard>& hazards) {
  if (hazards.empty()) return "";
  std::string out = "⚠️";
  for (std::size_t i = 0; i < hazards.size(); ++i)
    out += (i ? ", `" : " `") + std::string(plan::hazard_name(hazards[i])) + "`";
  return out;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// A fenced block whose fence no line of the SQL can close.
std::string sql_block(const std::string& sql) {
  std::size_t longest = 0, run = 0;
  for (char c : sql) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  return fence + "sql\n" + sql + fence + "\n";
}

}  // namespace

std::string to_markdown(const PlanDocument& doc) {
  std::string out = std::string(kMarkdownMarker) + "\n### schemac plan\n\n";
  if (doc.empty()) return out + no_changes_sentence(doc) + "\n";
  ChangeCounts counts = count_changes(doc);
  out += "**" + std::to_string(counts.create) + " to create, " + std::to_string(counts.alter) +
         " to alter, " + std::to_string(counts.drop) + " to drop** in " +
         plural(doc.steps.size(), "step") + ".\n\n";

  out += "| | change | hazards |\n|---|---|---|\n";
  for (const DocumentStep& step : doc.steps)
    for (const plan::Line& line : step.changes)
      out += "| " + std::string(verb_mark(line.verb)) + " | " + code_span(line.text) + " | " +
             hazard_cell(line.hazards) + " |\n";

  std::vector<plan::Hazard> present = hazards_in(doc);
  if (present.empty()) out += "\nNo step carries a hazard.\n";
  if (!present.empty()) {
    out += "\n**Hazards**\n\n";
    for (plan::Hazard hazard : present) {
      std::size_t steps =
          std::count_if(doc.steps.begin(), doc.steps.end(), [&](const DocumentStep& s) {
            return std::find(s.hazards.begin(), s.hazards.end(), hazard) != s.hazards.end();
          });
      out += "- `" + std::string(plan::hazard_name(hazard)) + "` (" + plural(steps, "step") +
             "): " + std::string(hazard_note(hazard)) + "\n";
    }
  }

  std::size_t statements = 0;
  for (const DocumentStep& step : doc.steps) statements += step.statements.size();
  out += "\n<details><summary>SQL (" + plural(statements, "statement") + ")</summary>\n\n" +
         sql_block(to_sql(doc)) + "\n</details>\n";
  return out;
}

}  // namespace schemac::emit
