// ir/print: a deterministic, human-readable dump of a catalog for tests and
// debugging (not the .schema syntax; that is emit's job).
#pragma once

#include <string>

#include "ir/catalog.hpp"

namespace schemac::ir {

std::string to_debug_string(const Catalog& catalog);

}  // namespace schemac::ir
