// schemac check: parse and lower, no database; every diagnostic.
#include <cstdio>

#include "cli/app.hpp"
#include "cli/load.hpp"

namespace schemac::cli {
namespace {

ExitCode run_check(const Args& args, Session& session) {
  LoadOptions options{session.config.root, session.config.default_schema, false};
  auto loaded =
      load_schema(schema_paths_from(args, session.config), options, session.sources, session.diags);
  if (!loaded) return session.fail(ExitCode::InvalidInput);
  std::size_t tables = 0, enums = 0;
  for (const ir::Schema& schema : loaded->catalog.schemas) {
    tables += schema.tables.size();
    enums += schema.enums.size();
  }
  session.report();  // warnings
  std::printf("ok: %zu file%s, %zu schema%s, %zu table%s, %zu enum%s, %zu extension%s\n",
              loaded->files.size(), loaded->files.size() == 1 ? "" : "s",
              loaded->catalog.schemas.size(), loaded->catalog.schemas.size() == 1 ? "" : "s",
              tables, tables == 1 ? "" : "s", enums, enums == 1 ? "" : "s",
              loaded->catalog.extensions.size(), loaded->catalog.extensions.size() == 1 ? "" : "s");
  return ExitCode::Success;
}

}  // namespace

Command check_command() {
  return {"check",
          "parse and validate schema files; no database needed",
          "schemac check [flags] [PATHS...]",
          {},
          &run_check};
}

}  // namespace schemac::cli
