// golden_runner: runs the real schemac binary on one tests/golden/<case>/ and
// compares its output with the expected files. The files present decide the checks:
//   fail_*            schemac check input.schema   -> exit 1, stderr == expected.stderr
//   otherwise         schemac diff --format sql <current.schema|empty> input.schema
//                                                   -> exit 0, stdout == expected.sql
//                     (expected.stderr, when present, is compared too)
//   cmd               optional: extra arguments appended to the command
// --update (or SCHEMAC_UPDATE_GOLDEN=1) rewrites the expected files instead.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

Result run(const std::string& command, const fs::path& dir, const fs::path& scratch) {
  fs::path out_file = scratch / "stdout", err_file = scratch / "stderr";
  std::string full = "cd " + shell_quote(dir.string()) + " && NO_COLOR=1 " + command + " >" +
                     shell_quote(out_file.string()) + " 2>" + shell_quote(err_file.string()) +
                     " </dev/null";
  int status = std::system(full.c_str());
  Result result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  result.out = read_file(out_file);
  result.err = read_file(err_file);
  return result;
}

bool compare(const fs::path& expected_path, const std::string& actual, bool update,
             const fs::path& scratch) {
  if (update) {
    write_file(expected_path, actual);
    return true;
  }
  if (!fs::exists(expected_path)) {
    std::printf("missing %s; run with --update to create it. Actual output:\n%s\n",
                expected_path.string().c_str(), actual.c_str());
    return false;
  }
  if (read_file(expected_path) == actual) return true;
  fs::path actual_path = scratch / ("actual." + expected_path.filename().string());
  write_file(actual_path, actual);
  std::printf("mismatch in %s:\n", expected_path.filename().string().c_str());
  std::fflush(stdout);
  std::string diff =
      "diff -u " + shell_quote(expected_path.string()) + " " + shell_quote(actual_path.string());
  [[maybe_unused]] int ignored = std::system(diff.c_str());
  return false;
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  std::string schemac;
  fs::path case_dir;
  const char* env_update = std::getenv("SCHEMAC_UPDATE_GOLDEN");
  bool update = env_update && std::string(env_update) == "1";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--schemac" && i + 1 < argc)
      schemac = argv[++i];
    else if (arg == "--update")
      update = true;
    else
      case_dir = arg;
  }
  if (schemac.empty() || case_dir.empty()) {
    std::fprintf(stderr, "usage: golden_runner --schemac BIN [--update] CASE_DIR\n");
    return 2;
  }
  char scratch_template[] = "/tmp/schemac-golden-XXXXXX";
  fs::path scratch = mkdtemp(scratch_template);
  fs::create_directory(scratch / "empty");

  std::string name = case_dir.filename().string();
  std::string input = fs::exists(case_dir / "input") ? "input" : "input.schema";
  std::string extra = fs::exists(case_dir / "cmd") ? " " + trim(read_file(case_dir / "cmd")) : "";
  bool failing = name.rfind("fail_", 0) == 0;
  bool has_current = fs::exists(case_dir / "current.schema");
  std::string command;
  if (failing && !has_current) {
    command = shell_quote(schemac) + " check --no-config " + input + extra;
  } else {
    std::string old_side =
        has_current ? std::string("current.schema") : shell_quote((scratch / "empty").string());
    command =
        shell_quote(schemac) + " diff --no-config --format sql " + old_side + " " + input + extra;
  }
  Result result = run(command, case_dir, scratch);
  bool ok = true;
  int want_exit = failing ? 1 : 0;
  if (result.exit_code != want_exit) {
    std::printf("%s: expected exit %d, got %d\nstderr:\n%s\n", name.c_str(), want_exit,
                result.exit_code, result.err.c_str());
    ok = false;
  }
  if (failing) {
    ok = compare(case_dir / "expected.stderr", result.err, update, scratch) && ok;
  } else {
    ok = compare(case_dir / "expected.sql", result.out, update, scratch) && ok;
    if (fs::exists(case_dir / "expected.stderr") || !result.err.empty())
      ok = compare(case_dir / "expected.stderr", result.err, update, scratch) && ok;
  }
  fs::remove_all(scratch);
  std::printf("%s: %s\n", name.c_str(), ok ? (update ? "updated" : "ok") : "FAILED");
  return ok ? 0 : 1;
}
