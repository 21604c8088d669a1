// ir/print: a deterministic, human-readable dump of a catalog for tests and
// debugging (not the .schema syntax; that is emit's job).
#pragma once

#include <string>

#include "ir/catalog.hpp"

namespace schemac::ir {

/// to_debug_string prints one line per object in catalog order (normalize first
/// for a canonical dump): "extension", "schema", then indented "enum", "domain"
/// (with its checks), "sequence", "table" and
/// each table's columns, primary key, uniques, checks, foreign keys and indexes.
/// Names and expressions are printed raw (default now()), strings such as
/// comments and versions as SQL literals (comment='it''s'), types with type_sql.
std::string to_debug_string(const Catalog& catalog);

}  // namespace schemac::ir
