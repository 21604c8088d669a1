// emit/database_state: the state of an inspected database that a saved plan
// records (emit/document.hpp DatabaseState), and what changed between two such
// states, in words: "table public.users: column email added since the plan was made".
#pragma once

#include <string>
#include <vector>

#include "emit/document.hpp"
#include "ir/catalog.hpp"

namespace schemac::emit {

/// database_state describes inspected (normalized here, on a copy) object by
/// object and fingerprints it. schemas are the managed schemas it was read from.
DatabaseState database_state(const ir::Catalog& inspected, std::vector<std::string> schemas);

/// fingerprint_of is "sha256:<hex>" of objects; database_state sets it, and a
/// reader checks a saved state against it.
std::string fingerprint_of(const std::vector<DatabaseObject>& objects);

/// drift lists what differs from `then` to `now`, one sentence per difference,
/// in object order; empty when the two describe the same database.
std::vector<std::string> drift(const DatabaseState& then, const DatabaseState& now);

}  // namespace schemac::emit
