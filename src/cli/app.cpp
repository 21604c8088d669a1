#include "cli/app.hpp"
#include "cli/timings.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace schemac::cli {
namespace {

constexpr const char* kVersion = kSchemacVersion;

std::vector<Command> commands() {
  return {check_command(),   plan_command(), apply_command(), diff_command(),
          inspect_command(), fmt_command(),  lint_command()};
}

std::vector<FlagSpec> global_flags() {
  return {
      {"--config", true, "read this schemac.toml instead of searching upwards", "FILE"},
      {"--no-config", false, "ignore schemac.toml; paths are relative to the working directory"},
      {"--no-color", false, "never colour the output (NO_COLOR is also respected)"},
      {"--help", false, "show help for the command"},
  };
}

std::string main_usage() {
  std::string out =
      "schemac — declarative schema-as-code for PostgreSQL and PostGIS\n\n"
      "usage: schemac <command> [flags] [args]\n\ncommands:\n";
  for (const Command& command : commands()) {
    std::string name = std::string("  ") + command.name;
    name.resize(12, ' ');
    out += name + command.summary + "\n";
  }
  out += "\nglobal flags:\n" + flags_help(global_flags()) +
         "\nRun 'schemac <command> --help' for a command's flags. Documentation: docs/cli.md\n";
  return out;
}

std::string command_usage(const Command& command) {
  return std::string("usage: ") + command.usage + "\n\n" + command.summary + "\n\nflags:\n" +
         flags_help(command.flags) + flags_help(global_flags());
}

bool use_color(int fd, const Args& args) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return !args.has("--no-color") && isatty(fd);
}

ExitCode run_command(const Command& command, const std::vector<std::string>& argv) {
  std::vector<FlagSpec> specs = command.flags;
  for (FlagSpec& flag : global_flags()) specs.push_back(flag);
  std::string error;
  std::optional<Args> args = parse_args(argv, specs, error);
  if (!args) {
    std::fprintf(stderr, "schemac %s: %s\n\n%s", command.name, error.c_str(),
                 command_usage(command).c_str());
    return ExitCode::InvalidInput;
  }
  if (args->has("--help")) {
    std::fputs(command_usage(command).c_str(), stdout);
    return ExitCode::Success;
  }
  Session session;
  session.color_stdout = use_color(STDOUT_FILENO, *args);
  session.color_stderr = use_color(STDERR_FILENO, *args);
  std::optional<std::filesystem::path> config_file;
  if (auto path = args->value("--config"))
    config_file = *path;
  else if (!args->has("--no-config"))
    config_file = find_config(std::filesystem::current_path());
  std::optional<Config> config = load_config(config_file, session.sources, session.diags);
  if (!config) return session.fail(ExitCode::InvalidInput);
  session.config = std::move(*config);
  ExitCode code = command.run(*args, session);
  session.report();
  timings::report();
  return code;
}

}  // namespace

int run(int argc, char** argv) {
  timings::start();
  std::vector<std::string> argv_list(argv + 1, argv + argc);
  if (argv_list.empty() || argv_list[0] == "--help" || argv_list[0] == "-h" ||
      argv_list[0] == "help") {
    std::fputs(main_usage().c_str(), argv_list.empty() ? stderr : stdout);
    return to_int(argv_list.empty() ? ExitCode::InvalidInput : ExitCode::Success);
  }
  if (argv_list[0] == "--version" || argv_list[0] == "version") {
    std::printf("schemac %s\n", kVersion);
    return 0;
  }
  for (const Command& command : commands()) {
    if (argv_list[0] == command.name) {
      return to_int(run_command(command, {argv_list.begin() + 1, argv_list.end()}));
    }
  }
  std::fprintf(stderr, "schemac: unknown command '%s'\n\n%s", argv_list[0].c_str(),
               main_usage().c_str());
  return to_int(ExitCode::InvalidInput);
}

}  // namespace schemac::cli
