// ir/normalize: brings a catalog into the canonical form both sides of a diff
// must reach: sorted objects, canonical type names, canonical expression text.
// Idempotent. Called on the desired and on the current catalog before diff.
#pragma once

#include <string>
#include <string_view>

#include "ir/catalog.hpp"

namespace schemac::ir {

void normalize(Catalog& catalog);

/// normalize_expr gives SQL expression text the canonical spelling used for
/// comparison, such that normalize_expr(x) == normalize_expr(pg_get_expr of x as
/// PostgreSQL stores it) for common defaults and checks: whitespace, keyword case
/// outside quotes, redundant outer parentheses, casts PostgreSQL adds to literals.
std::string normalize_expr(std::string_view expr);

}  // namespace schemac::ir
