// plan/order: the dependency graph of a change list and its deterministic
// topological order. Internal to the plan module.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diff/change.hpp"

namespace schemac::plan::detail {

/// break_fk_cycles moves foreign keys that cannot be created inline with their
/// table (mutual references, or a key the referenced table only gets later in
/// the plan) into AddForeignKey changes, and adds DropForeignKey changes for
/// keys between dropped tables that reference each other in a cycle.
void break_fk_cycles(std::vector<diff::Change>& changes);

/// execution_order returns the indices of changes in the order they must run:
/// a topological order of their dependencies, ties broken by (phase, object
/// name, position in the list).
std::vector<std::size_t> execution_order(const std::vector<diff::Change>& changes);

}  // namespace schemac::plan::detail
