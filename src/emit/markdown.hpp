// emit/markdown: a plan as a pull-request comment: a heading with the counts, a
// table of the changes with their hazards, a note per hazard present, and the
// SQL in a collapsed <details> block. Names are escaped, so an identifier can
// neither break the table nor inject markup.
#pragma once

#include <string>

#include "emit/document.hpp"

namespace schemac::emit {

/// kMarkdownMarker is the first line of every markdown plan (an HTML comment), so
/// a CI job can find and update its earlier comment instead of adding another.
inline constexpr const char* kMarkdownMarker = "<!-- schemac-plan -->";

/// to_markdown renders doc; an empty plan says so in one line under the heading.
std::string to_markdown(const PlanDocument& doc);

}  // namespace schemac::emit
