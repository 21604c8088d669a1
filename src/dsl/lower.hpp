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
  /// threads that lower table bodies and resolve their references; the
  /// result and the diagnostics are the same for any number.
  std::size_t threads = 1;
};

/// Lowering lowers a project file by file as the files come: declare each,
/// in the project's file order (it may run while later files are still being
/// parsed), then finish once. The result and the diagnostics are those of
/// lower() on the same files.
class Lowering {
 public:
  explicit Lowering(LowerOptions options);
  ~Lowering();
  Lowering(const Lowering&) = delete;
  Lowering& operator=(const Lowering&) = delete;

  /// declare records what the file declares (tables, views, enums, ...).
  /// Until finish, Lowering points into the file's declarations: the File
  /// may be moved, but its decls must stay as they are.
  void declare(const ast::File& file);

  /// finish lowers what was declared into the desired catalog and adds to
  /// diags what declare and finish found.
  ir::Catalog finish(base::Diagnostics& diags);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// lower turns all files of one project into the desired catalog.
ir::Catalog lower(std::span<const ast::File> files, const LowerOptions& options,
                  base::Diagnostics& diags);

}  // namespace schemac::dsl
