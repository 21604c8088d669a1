#include "cli/git.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

extern char** environ;

namespace schemac::cli {
namespace {

/// GitResult: what one git command printed, and whether it succeeded.
struct GitResult {
  bool ok = false;
  std::string out;
  std::string err;
};

std::string read_all(int fd) {
  std::string out;
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

// git runs `git -C dir args...` without a shell (no quoting to get wrong).
GitResult git(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (std::string& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  GitResult result;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) return result;
  if (pipe(err_pipe) != 0) {
    close(out_pipe[0]), close(out_pipe[1]);
    return result;
  }
  // stderr goes to its own pipe; git's messages are short, so reading stdout
  // to the end first cannot block on a full stderr pipe.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, raw.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]), close(err_pipe[0]);
    result.err = std::string("cannot run git: ") + std::strerror(spawned);
    return result;
  }
  result.out = read_all(out_pipe[0]);
  result.err = read_all(err_pipe[0]);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  while (!result.err.empty() && (result.err.back() == '\n' || result.err.back() == '\r'))
    result.err.pop_back();
  return result;
}

}  // namespace

std::optional<std::vector<SourceText>> revision_files(const std::filesystem::path& dir,
                                                      const std::string& rev,
                                                      const std::vector<std::string>& paths,
                                                      std::string& error) {
  if (rev.empty() || rev.front() == '-') {
    error = "git:" + rev + " is not a revision";
    return std::nullopt;
  }
  GitResult commit = git(dir, {"rev-parse", "--verify", "--quiet", rev + "^{commit}"});
  if (!commit.ok) {
    error =
        "git:" + rev + ": unknown revision" + (commit.err.empty() ? "" : " (" + commit.err + ")");
    return std::nullopt;
  }
  // ls-tree takes paths relative to -C dir and prints them the same way.
  std::vector<std::string> args{"ls-tree", "-r", "-z", "--name-only", rev, "--"};
  for (const std::string& p : paths) args.push_back(p == "." ? "." : p);
  GitResult listing = git(dir, args);
  if (!listing.ok) {
    error = "git:" + rev + ": " + listing.err;
    return std::nullopt;
  }
  std::vector<SourceText> files;
  std::size_t start = 0;
  while (start < listing.out.size()) {
    std::size_t end = listing.out.find('\0', start);
    if (end == std::string::npos) end = listing.out.size();
    std::string path = listing.out.substr(start, end - start);
    start = end + 1;
    if (path.size() < 7 || path.compare(path.size() - 7, 7, ".schema") != 0) continue;
    GitResult blob = git(dir, {"show", rev + ":./" + path});
    if (!blob.ok) {
      error = "git:" + rev + ":" + path + ": " + blob.err;
      return std::nullopt;
    }
    files.push_back({rev + ":" + path, std::move(blob.out)});
  }
  return files;
}

}  // namespace schemac::cli
