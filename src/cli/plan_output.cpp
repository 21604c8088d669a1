#include "cli/plan_output.hpp"

#include <cstdio>

#include "emit/sql.hpp"
#include "emit/text.hpp"

namespace schemac::cli {

std::optional<PlanFormat> parse_plan_format(const std::optional<std::string>& flag,
                                            base::Diagnostics& diags) {
  if (!flag || *flag == "text") return PlanFormat::Text;
  if (*flag == "sql") return PlanFormat::Sql;
  if (*flag == "json" || *flag == "markdown") {
    diags.error(base::DiagKind::NotSupportedYet, std::nullopt,
                "--format " + *flag + " is not supported yet; use text or sql");
    return std::nullopt;
  }
  diags.error(base::DiagKind::UsageError, std::nullopt,
              "unknown --format '" + *flag + "'; expected text or sql");
  return std::nullopt;
}

std::string render_plan(const plan::Plan& plan, PlanFormat format, bool color) {
  if (format == PlanFormat::Sql) return emit::to_sql(plan);
  std::string out = emit::to_text(plan, emit::TextOptions{color});
  if (!plan.empty()) out += "\n" + emit::to_sql(plan);
  return out;
}

std::vector<FlagSpec> plan_output_flags() {
  return {
      {"--format", true, "text (summary and SQL) or sql", "FORMAT"},
      {"--exit-code", false, "exit 2 when changes are pending"},
  };
}

ExitCode print_plan(const plan::Plan& plan, PlanFormat format, const Args& args, bool color) {
  std::fputs(render_plan(plan, format, color).c_str(), stdout);
  if (args.has("--exit-code") && !plan.empty()) return ExitCode::ChangesPending;
  return ExitCode::Success;
}

}  // namespace schemac::cli
