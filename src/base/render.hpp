// base/render: turns Diagnostics into text for a terminal or a log:
//   path:line:col: error: message [E0101]
//   <source line>
//   <caret line>
#pragma once

#include <string>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace schemac::base {

struct RenderOptions {
  bool color = false;
};

/// render_text renders every diagnostic, sorted, followed by nothing else.
std::string render_text(const SourceManager& sources, const Diagnostics& diags,
                        const RenderOptions& options = {});
/// render_one renders a single diagnostic with its notes.
std::string render_one(const SourceManager& sources, const Diagnostic& diag,
                       const RenderOptions& options = {});

}  // namespace schemac::base
