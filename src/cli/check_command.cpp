// schemac check: parse and lower, no database; every diagnostic.
#include <cstdio>
#include <string>

#include "cli/app.hpp"
#include "cli/load.hpp"

namespace schemac::cli {
namespace {

ExitCode run_check(const Args& args, Session& session) {
  LoadOptions options{session.config.root, session.config.default_schema, false};
  auto loaded =
      load_schema(schema_paths_from(args, session.config), options, session.sources, session.diags);
  if (!loaded) return session.fail(ExitCode::InvalidInput);
  std::size_t tables = 0, views = 0, enums = 0;
  for (const ir::Schema& schema : loaded->catalog.schemas) {
    tables += schema.tables.size();
    views += schema.views.size();
    enums += schema.enums.size();
  }
  session.report();  // warnings
  auto count = [](std::size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
  };
  std::string summary =
      count(loaded->file_count, "file") + ", " + count(loaded->catalog.schemas.size(), "schema") +
      ", " + count(tables, "table") + ", " + count(views, "view") + ", " + count(enums, "enum") +
      ", " + count(loaded->catalog.extensions.size(), "extension");
  std::printf("ok: %s\n", summary.c_str());
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
