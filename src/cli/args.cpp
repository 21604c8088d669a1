#include "cli/args.hpp"

#include <algorithm>

namespace schemac::cli {

std::optional<std::string> Args::value(const std::string& flag) const {
  auto it = values.find(flag);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::optional<Args> parse_args(const std::vector<std::string>& argv,
                               const std::vector<FlagSpec>& specs, std::string& error) {
  Args args;
  bool only_positional = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positional || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      if (!only_positional && arg.size() > 1 && arg[0] == '-' && arg != "-") {
        error = "unknown option '" + arg + "'";
        return std::nullopt;
      }
      args.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      error = "unknown option '" + name + "'";
      return std::nullopt;
    }
    if (!spec->takes_value) {
      if (inline_value) {
        error = "option '" + name + "' takes no value";
        return std::nullopt;
      }
      args.switches.insert(name);
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argv.size()) {
        error = "option '" + name + "' needs a value";
        return std::nullopt;
      }
      inline_value = argv[++i];
    }
    args.values[name] = *inline_value;
  }
  return args;
}

std::string flags_help(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const FlagSpec& spec : specs) {
    std::string left = "  " + spec.name + (spec.takes_value ? " " + spec.value_name : "");
    if (left.size() < 28)
      left.resize(28, ' ');
    else
      left += "  ";
    out += left + spec.help + "\n";
  }
  return out;
}

}  // namespace schemac::cli
