// cli/config: schemac.toml -> Config. The only user of the TOML library.
// The file is found by walking up from the working directory; every key can
// be overridden by a command-line flag.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "lint/lint.hpp"
#include "plan/plan.hpp"

namespace schemac::cli {

struct Config {
  std::filesystem::path root;                 // project root: schemac.toml's directory, or cwd
  std::optional<std::filesystem::path> file;  // the schemac.toml read, if any
  std::vector<std::string> schema_paths{"schema"};  // [project] schema, relative to root
  std::string default_schema = "public";            // [project] default_schema
  std::optional<std::string> database_url;          // [database] url: a URL or "env:VAR"
  std::vector<std::string> managed_schemas;         // [database] schemas; empty: public + declared
  std::string lock_timeout = "10s";                 // [apply] lock_timeout
  std::string statement_timeout = "0";              // [apply] statement_timeout
  int lock_wait_seconds = 60;                       // [apply] lock_wait: wait for another apply
  bool allow_destructive = false;                   // [apply] allow_destructive
  std::map<base::DiagKind, lint::Level> lint_levels;  // [lint] L001 = "error" | "warning" | "off"
  /// [apply] allow_hazards: the hazards apply runs without a flag; unset: every
  /// hazard but deletes-data (cli/hazard_refusal.hpp).
  std::optional<std::vector<plan::Hazard>> allow_hazards;
  int lock_retries = 3;  // [apply] lock_retries: tries again after a lock timeout
  bool online = false;   // [plan] online: online-safe strategies (plan/online.hpp)
};

/// find_config walks up from start to the first directory holding schemac.toml.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

/// load_config reads file (registering it in sources so errors get a caret).
/// Without a file, returns defaults rooted at the working directory.
std::optional<Config> load_config(const std::optional<std::filesystem::path>& file,
                                  base::SourceManager& sources, base::Diagnostics& diags);

}  // namespace schemac::cli
