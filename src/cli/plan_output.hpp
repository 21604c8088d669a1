// cli/plan_output: prints a plan in the format asked for on the command line.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "cli/args.hpp"
#include "cli/exit_code.hpp"
#include "emit/document.hpp"
#include "plan/plan.hpp"

namespace schemac::cli {

enum class PlanFormat { Text, Sql, Json, Markdown };

/// parse_plan_format: text, sql, json or markdown; reports E0302 and returns nullopt otherwise.
std::optional<PlanFormat> parse_plan_format(const std::optional<std::string>& flag,
                                            base::Diagnostics& diags);

/// render_plan: text = the summary then the SQL script; sql = the script only;
/// json = the plan file (emit/json.hpp); markdown = a pull-request comment.
std::string render_plan(const emit::PlanDocument& doc, PlanFormat format, bool color);
std::string render_plan(const plan::Plan& plan, PlanFormat format, bool color);

/// plan_output_flags are --format and --exit-code, shared by plan and diff.
std::vector<FlagSpec> plan_output_flags();

/// print_plan writes the plan to stdout; ChangesPending when --exit-code was
/// given and the plan is not empty, else Success.
ExitCode print_plan(const emit::PlanDocument& doc, PlanFormat format, const Args& args, bool color);
ExitCode print_plan(const plan::Plan& plan, PlanFormat format, const Args& args, bool color);

}  // namespace schemac::cli
