#include "cli/pipeline.hpp"

#include "diff/diff.hpp"
#include "ir/normalize.hpp"

namespace schemac::cli {

std::optional<plan::Plan> make_plan(ir::Catalog current, ir::Catalog desired,
                                    const std::vector<std::string>& managed,
                                    base::Diagnostics& diags) {
  ir::normalize(current);
  ir::normalize(desired);
  std::size_t errors_before = diags.error_count();
  diff::DiffOptions options;
  options.managed_schemas = managed;
  diff::ChangeSet changes = diff::diff(current, desired, options, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  plan::Plan result = plan::plan(changes, current, desired, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  return result;
}

}  // namespace schemac::cli
