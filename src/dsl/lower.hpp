// dsl/lower: AST -> IR. Resolves names, derives implicit names as PostgreSQL
// would, and reports semantic errors (duplicates, dangling references, bad
// types) with spans. Keeps going after an error so one run reports them all.
#pragma once

#include <span>
#include <string>

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"
#include "ir/catalog.hpp"

namespace schemac::dsl {

struct LowerOptions {
  std::string default_schema = "public";  // schema of top-level tables and enums
  /// threads that lower table bodies and resolve their references; the
  /// result and the diagnostics are the same for any number.
  std::size_t threads = 1;
};

/// lower turns all files of one project into the desired catalog.
ir::Catalog lower(std::span<const ast::File> files, const LowerOptions& options,
                  base::Diagnostics& diags);

}  // namespace schemac::dsl
