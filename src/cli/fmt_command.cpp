// schemac fmt: rewrites schema files in the canonical layout (dsl/format).
// A file with syntax errors is never touched. Before writing, the formatted
// files are lowered and compared with the originals: formatting that would
// change what the files mean is refused (a formatter bug, never silent).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"
#include "cli/load.hpp"
#include "dsl/format.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"
#include "ir/normalize.hpp"

namespace schemac::cli {
namespace {

namespace fs = std::filesystem;

struct FileToFormat {
  fs::path path;
  base::FileId original = 0;
  std::string formatted;
};

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// write_atomically replaces path by writing a sibling file and renaming it.
bool write_atomically(const fs::path& path, const std::string& text) {
  fs::path temp = path;
  temp += ".schemac-fmt.tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) fs::remove(temp, ec);
  return !ec;
}

// lowered: the normalised catalog of the given files, or nullopt if they do not
// lower cleanly (fmt formats files with semantic errors too; then there is
// nothing to compare).
std::optional<ir::Catalog> lowered(const std::vector<dsl::ast::File>& files,
                                   const std::string& default_schema) {
  base::Diagnostics quiet;
  dsl::LowerOptions options;
  options.default_schema = default_schema;
  ir::Catalog catalog = dsl::lower(files, options, quiet);
  if (quiet.has_errors()) return std::nullopt;
  ir::normalize(catalog);
  return catalog;
}

// same_meaning: the formatted files lower to the catalog the originals lower to.
bool same_meaning(const std::vector<FileToFormat>& files, Session& session) {
  std::vector<dsl::ast::File> before, after;
  base::SourceManager formatted_sources;
  base::Diagnostics quiet;
  for (const FileToFormat& f : files) {
    auto original = dsl::parse(session.sources, f.original, quiet);
    base::FileId id = formatted_sources.add(session.sources.path(f.original), f.formatted);
    auto formatted = dsl::parse(formatted_sources, id, quiet);
    if (!original || !formatted) return false;
    before.push_back(std::move(*original));
    after.push_back(std::move(*formatted));
  }
  auto old_catalog = lowered(before, session.config.default_schema);
  if (!old_catalog) return true;
  auto new_catalog = lowered(after, session.config.default_schema);
  return new_catalog && *new_catalog == *old_catalog;
}

ExitCode run_fmt(const Args& args, Session& session) {
  bool check = args.has("--check");
  std::vector<fs::path> paths = schema_files(schema_paths_from(args, session.config),
                                             session.config.root, false, session.diags);
  std::vector<FileToFormat> files;
  bool syntax_errors = session.diags.has_errors();
  for (const fs::path& path : paths) {
    std::string shown = display_path(path, session.config.root);
    std::optional<std::string> text = read_text(path);
    if (!text) {
      session.diags.error(base::DiagKind::FileUnreadable, std::nullopt, "cannot read " + shown);
      syntax_errors = true;
      continue;
    }
    base::FileId id = session.sources.add(shown, std::move(*text));
    std::optional<std::string> formatted = dsl::format_source(session.sources, id, session.diags);
    if (!formatted) {
      syntax_errors = true;  // reported; the file is left as it is
      continue;
    }
    files.push_back({path, id, std::move(*formatted)});
  }
  if (!same_meaning(files, session)) {
    session.diags.error(base::DiagKind::FormatChangesMeaning, std::nullopt,
                        "formatting would change what the files mean; no file was changed "
                        "(this is a bug in schemac fmt: please report it with the files)");
    return session.fail(ExitCode::InvalidInput);
  }
  bool changed = false;
  for (const FileToFormat& f : files) {
    if (f.formatted == session.sources.text(f.original)) continue;
    changed = true;
    const std::string& shown = session.sources.path(f.original);
    if (check) {
      std::printf("%s\n", shown.c_str());
    } else if (write_atomically(f.path, f.formatted)) {
      std::fprintf(stderr, "formatted %s\n", shown.c_str());
    } else {
      session.diags.error(base::DiagKind::FileUnreadable, std::nullopt, "cannot write " + shown);
      syntax_errors = true;
    }
  }
  std::fflush(stdout);
  session.report();
  if (syntax_errors) return ExitCode::InvalidInput;
  return check && changed ? ExitCode::ChangesPending : ExitCode::Success;
}

}  // namespace

Command fmt_command() {
  return {
      "fmt",
      "rewrite schema files in the canonical layout (--check: list the files that would change)",
      "schemac fmt [flags] [PATHS...]",
      {
          {"--check", false, "change nothing; list the files that are not formatted, exit 2"},
      },
      &run_fmt};
}

}  // namespace schemac::cli
