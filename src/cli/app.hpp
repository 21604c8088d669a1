// cli/app: the subcommand table, global flags and usage text. The only entry
// point main() calls; maps every outcome to an exit code (cli/exit_code.hpp).
#pragma once

#include <string>
#include <vector>

#include "cli/args.hpp"
#include "cli/exit_code.hpp"
#include "cli/session.hpp"

namespace schemac::cli {

/// kSchemacVersion is what --version prints and saved plans record.
inline constexpr const char* kSchemacVersion = "0.1.0";

/// Command is one row of the subcommand table.
struct Command {
  const char* name;
  const char* summary;
  const char* usage;  // "schemac plan [flags] [PATHS...]"
  std::vector<FlagSpec> flags;
  ExitCode (*run)(const Args& args, Session& session);
};

// Subcommands (one file each: cli/<name>_command.cpp).
Command check_command();
Command plan_command();
Command apply_command();
Command diff_command();
Command inspect_command();
Command lint_command();
Command fmt_command();

int run(int argc, char** argv);

}  // namespace schemac::cli
