#include "cli/plan_output.hpp"

#include <cstdio>

#include "cli/app.hpp"
#include "emit/json.hpp"
#include "emit/markdown.hpp"
#include "emit/sql.hpp"
#include "emit/text.hpp"

namespace schemac::cli {

std::optional<PlanFormat> parse_plan_format(const std::optional<std::string>& flag,
                                            base::Diagnostics& diags) {
  if (!flag || *flag == "text") return PlanFormat::Text;
  if (*flag == "sql") return PlanFormat::Sql;
  if (*flag == "json") return PlanFormat::Json;
  if (*flag == "markdown") return PlanFormat::Markdown;
  diags.error(base::DiagKind::UsageError, std::nullopt,
              "unknown --format '" + *flag + "'; expected text, sql, json or markdown");
  return std::nullopt;
}

std::string render_plan(const emit::PlanDocument& doc, PlanFormat format, bool color) {
  switch (format) {
    case PlanFormat::Sql:
      return emit::to_sql(doc);
    case PlanFormat::Json:
      return emit::to_json(doc, kSchemacVersion);
    case PlanFormat::Markdown:
      return emit::to_markdown(doc);
    case PlanFormat::Text:
      break;
  }
  std::string out = emit::to_text(doc, emit::TextOptions{color});
  if (!doc.empty()) out += "\n" + emit::to_sql(doc);
  return out;
}

std::string render_plan(const plan::Plan& plan, PlanFormat format, bool color) {
  return render_plan(emit::document(plan), format, color);
}

std::vector<FlagSpec> plan_output_flags() {
  return {
      {"--format", true, "text (summary and SQL), sql, json or markdown", "FORMAT"},
      {"--exit-code", false, "exit 2 when changes are pending"},
  };
}

ExitCode print_plan(const emit::PlanDocument& doc, PlanFormat format, const Args& args,
                    bool color) {
  std::fputs(render_plan(doc, format, color).c_str(), stdout);
  if (args.has("--exit-code") && !doc.empty()) return ExitCode::ChangesPending;
  return ExitCode::Success;
}

ExitCode print_plan(const plan::Plan& plan, PlanFormat format, const Args& args, bool color) {
  return print_plan(emit::document(plan), format, args, color);
}

}  // namespace schemac::cli
