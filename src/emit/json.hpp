// emit/json: the plan file format (docs/plan.schema.json): what `plan --format
// json` prints and `plan --out FILE` writes, and its reader for `apply FILE`.
// The file is versioned ("version": 1) and carries a SHA-256 checksum of its
// content, so a truncated, corrupted or edited file is refused, never run.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "emit/document.hpp"

namespace schemac::emit {

/// kPlanFormat and kPlanFormatVersion identify the file; a reader refuses others.
inline constexpr std::string_view kPlanFormat = "schemac-plan";
inline constexpr int kPlanFormatVersion = 1;

/// to_json renders doc as the plan file; generator is the schemac version that made it.
std::string to_json(const PlanDocument& doc, std::string_view generator);

/// from_json reads a plan file. On any problem (not JSON, another format or
/// version, a missing or mistyped field, a checksum that does not match) it
/// returns nullopt and says why in error.
std::optional<PlanDocument> from_json(std::string_view text, std::string& error);

}  // namespace schemac::emit
