// cli/session: what every subcommand shares: the configuration, the source
// files, the diagnostics, terminal detection, and the database target.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "catalog/connection.hpp"
#include "cli/args.hpp"
#include "cli/config.hpp"
#include "cli/exit_code.hpp"
#include "ir/catalog.hpp"

namespace schemac::cli {

/// Session is the state of one schemac invocation.
struct Session {
  Config config;
  base::SourceManager sources;
  base::Diagnostics diags;
  bool color_stdout = false;
  bool color_stderr = false;

  /// report prints the collected diagnostics to stderr and clears them.
  void report();
  /// fail reports and returns code (convenience for command bodies).
  ExitCode fail(ExitCode code) {
    report();
    return code;
  }
};

/// schema_paths_from are the positional PATHS, or the configured ones.
std::vector<std::string> schema_paths_from(const Args& args, const Config& config);

/// resolve_database_url: --db, then [database] url (may be env:VAR), then
/// DATABASE_URL, then DATABASE_AZURE_URL. postgis:// is accepted.
std::optional<std::string> resolve_database_url(const Args& args, Session& session);

/// managed_schemas: the configured list, else public plus the schemas desired declares.
std::vector<std::string> managed_schemas(const Config& config, const ir::Catalog& desired);

/// connect opens the resolved database. On failure it reports, sets failure
/// (InvalidInput for a missing URL, DatabaseError for an unreachable server)
/// and returns nullptr.
std::unique_ptr<catalog::Connection> connect(const Args& args, Session& session, ExitCode& failure);

}  // namespace schemac::cli
