// cli/pipeline: the shared middle of plan, apply and diff: normalize both
// sides, diff them, order the changes into a plan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "ir/catalog.hpp"
#include "plan/plan.hpp"

namespace schemac::cli {

/// make_plan normalizes copies of both catalogs and plans current -> desired
/// within the managed schemas (empty: all). nullopt if diff or plan reported errors.
std::optional<plan::Plan> make_plan(ir::Catalog current, ir::Catalog desired,
                                    const std::vector<std::string>& managed,
                                    base::Diagnostics& diags);

}  // namespace schemac::cli
