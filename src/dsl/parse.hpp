// dsl/parse: .schema text -> AST. The only user of PEGTL besides grammar/;
// PEGTL exceptions are caught here and turned into E01xx diagnostics.
#pragma once

#include <optional>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "dsl/ast.hpp"

namespace schemac::dsl {

/// parse parses one file registered in sources. On syntax errors it reports
/// every error it can find (recovering at the next top-level declaration) and
/// returns nullopt.
std::optional<ast::File> parse(const base::SourceManager& sources, base::FileId file,
                               base::Diagnostics& diags);

}  // namespace schemac::dsl
