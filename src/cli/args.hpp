// cli/args: a small command-line parser. Flags are declared up front so an
// unknown or misspelt flag is an error rather than silently ignored.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace schemac::cli {

/// FlagSpec declares one flag: "--db" takes a value, "--exit-code" does not.
struct FlagSpec {
  std::string name;
  bool takes_value = false;
  std::string help;
  std::string value_name = "VALUE";
};

/// Args is a parsed command line: flags by name, then positional arguments.
struct Args {
  std::map<std::string, std::string> values;
  std::set<std::string> switches;
  std::vector<std::string> positional;

  bool has(const std::string& flag) const { return switches.count(flag) > 0; }
  std::optional<std::string> value(const std::string& flag) const;
};

/// parse_args parses argv[first..]; on error returns nullopt and sets error.
std::optional<Args> parse_args(const std::vector<std::string>& argv,
                               const std::vector<FlagSpec>& specs, std::string& error);

/// flags_help renders the flag list for a usage message.
std::string flags_help(const std::vector<FlagSpec>& specs);

}  // namespace schemac::cli
