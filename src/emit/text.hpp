// emit/text: a plan for people: a count line, then one line per change marked
// + (create), ~ (alter) or - (drop) with its hazards. Depends on plan.
#pragma once

#include <string>

#include "emit/document.hpp"
#include "plan/plan.hpp"

namespace schemac::emit {

struct TextOptions {
  bool color = false;  // ANSI colours; the CLI sets it only on a TTY without NO_COLOR
};

/// to_text renders "Plan: 3 to create, 1 to alter, 1 to drop." then one line per
/// change ("- drop column public.users.legacy  [deletes-data]"); for an empty plan
/// emit::no_changes_sentence. Ends with a newline.
std::string to_text(const plan::Plan& plan, const TextOptions& options);
std::string to_text(const PlanDocument& doc, const TextOptions& options);

}  // namespace schemac::emit
