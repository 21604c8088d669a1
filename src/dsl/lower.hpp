// dsl/lower: AST -> IR. Resolves names, derives implicit names as PostgreSQL
// would, and reports semantic errors (duplicates, dangling references, bad
// types) with spans. Keeps going after an error so one run reports them all.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"
#include "ir/catalog.hpp"

namespace schemac::dsl {

struct LowerOptions {
  std::string default_schema = "public";  // schema of top-level tables and enums
};

namespace lower_detail {
struct Context;
}

/// Lowerer lowers a project file by file, so that the caller can free each
/// file's syntax tree once it is added: add() lowers the file's declarations
/// and table bodies, finish() what needs every file (types that name
/// declarations, foreign keys, sequences, domains, implicit names, views). The
/// catalog is the same whatever the order of declarations across files.
class Lowerer {
 public:
  Lowerer(LowerOptions options, base::Diagnostics& diags);
  ~Lowerer();
  Lowerer(const Lowerer&) = delete;
  Lowerer& operator=(const Lowerer&) = delete;

  /// add lowers one file; nothing keeps a reference into it afterwards.
  void add(const ast::File& file);
  /// finish lowers what needs every file and returns the catalog; call once, last.
  ir::Catalog finish();

 private:
  std::unique_ptr<lower_detail::Context> ctx_;
};

/// lower turns all files of one project into the desired catalog.
ir::Catalog lower(std::span<const ast::File> files, const LowerOptions& options,
                  base::Diagnostics& diags);

}  // namespace schemac::dsl
