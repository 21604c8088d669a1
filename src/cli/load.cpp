#include "cli/load.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>

#include "base/parallel.hpp"
#include "cli/timings.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"

namespace schemac::cli {
namespace fs = std::filesystem;
namespace {

void add_directory(const fs::path& dir, std::vector<fs::path>& out, bool allow_empty,
                   base::Diagnostics& diags, const std::string& shown) {
  std::error_code ec;
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".schema") found.push_back(it->path());
  }
  if (ec) {
    diags.error(base::DiagKind::FileUnreadable, std::nullopt,
                "cannot read directory " + shown + ": " + ec.message());
    return;
  }
  if (found.empty() && !allow_empty) {
    diags.error(base::DiagKind::NoSchemaFiles, std::nullopt,
                "no .schema files in directory " + shown);
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
}

// read_file reads the whole file into text. A regular file that reports a
// length is read in one go into a string of that size; anything else (a pipe,
// /dev/stdin, a /proc file of length 0) is read in chunks until its end.
bool read_file(const fs::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::error_code ec;
  std::uintmax_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  if (!ec && size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));  // if it shrank meanwhile
    if (in.bad()) return false;
    if (in.gcount() < static_cast<std::streamsize>(size)) return true;
  } else {
    text.clear();
  }
  char chunk[65536];  // what is left: all of an unsized file, or what a file grew by
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  return !in.bad();
}

}  // namespace

std::string display_path(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(fs::absolute(root, ec).lexically_normal());
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

std::vector<fs::path> schema_files(const std::vector<std::string>& paths, const fs::path& root,
                                   bool allow_empty, base::Diagnostics& diags) {
  std::vector<fs::path> files;
  for (const std::string& given : paths) {
    fs::path path = fs::path(given).is_absolute() ? fs::path(given) : root / given;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (fs::is_directory(status)) {
      add_directory(path, files, allow_empty, diags, given);
    } else if (fs::exists(status)) {
      files.push_back(path);
    } else {
      diags.error(base::DiagKind::FileUnreadable, std::nullopt,
                  "cannot read " + given + ": no such file or directory");
    }
  }
  return files;
}

namespace {

// Below this much text one thread parses and lowers (at 100 tables, 40 KB,
// both take under 3 ms): starting threads would cost more than they save.
constexpr std::size_t kParallelBytes = 256 * 1024;
constexpr std::size_t kMaxThreads = 8;

// load_threads: how many threads parse the files and lower the tables:
// options.threads when given; else SCHEMAC_THREADS when set to a positive
// number (for measuring); else one per core (at most kMaxThreads) for large
// inputs and one for small ones.
std::size_t load_threads(const std::vector<base::FileId>& ids, const LoadOptions& options,
                         const base::SourceManager& sources) {
  if (options.threads > 0) return options.threads;
  if (const char* given = std::getenv("SCHEMAC_THREADS"); given && *given) {
    char* end = nullptr;
    unsigned long n = std::strtoul(given, &end, 10);
    if (*end == '\0' && n > 0) return n;
  }
  std::size_t bytes = 0;
  for (base::FileId id : ids) bytes += sources.text(id).size();
  return bytes < kParallelBytes ? 1 : std::min(base::cpu_threads(), kMaxThreads);
}

// parse_files parses every file on up to `threads` threads, which take the
// files one at a time, and declares each parsed file to lowering in file
// order: whichever thread finds the next file parsed and no other thread
// declaring declares it, while the others go on parsing. Each file keeps its
// diagnostics apart; they are added in file order afterwards, so what is
// reported does not depend on the threads.
std::vector<std::optional<dsl::ast::File>> parse_files(const std::vector<base::FileId>& ids,
                                                       std::size_t threads,
                                                       const base::SourceManager& sources,
                                                       dsl::Lowering& lowering,
                                                       base::Diagnostics& diags) {
  std::vector<std::optional<dsl::ast::File>> parsed(ids.size());
  std::vector<base::Diagnostics> file_diags(ids.size());
  std::vector<std::atomic<bool>> done(ids.size());
  std::mutex declaring;
  std::size_t declared = 0;  // files declared so far, under `declaring`
  auto declare_parsed = [&] {
    for (; declared < ids.size() && done[declared].load(std::memory_order_acquire); ++declared)
      if (parsed[declared]) lowering.declare(*parsed[declared]);
  };
  std::atomic<std::size_t> next{0};
  base::run_parallel(std::min(threads, ids.size()), [&](std::size_t) {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < ids.size();) {
      parsed[i] = dsl::parse(sources, ids[i], file_diags[i]);
      done[i].store(true, std::memory_order_release);
      if (std::unique_lock lock(declaring, std::try_to_lock); lock) declare_parsed();
    }
  });
  declare_parsed();  // what a thread finished while another was declaring
  for (base::Diagnostics& file : file_diags) diags.append(std::move(file));
  return parsed;
}

// parse_and_lower: the files registered as ids -> the desired catalog.
std::optional<LoadedSchema> parse_and_lower(const std::vector<base::FileId>& ids,
                                            std::size_t errors_before, const LoadOptions& options,
                                            base::SourceManager& sources,
                                            base::Diagnostics& diags) {
  // Declared before the phase, so the trees are freed after it is timed.
  std::vector<dsl::ast::File> files;
  const std::size_t threads = load_threads(ids, options, sources);
  // With helper threads, the phase's CPU time is the process's: nothing else
  // runs then (plan asks for one thread while it reads the database).
  timings::Phase phase("parse_lower",
                       threads > 1 ? timings::Phase::Cpu::Process : timings::Phase::Cpu::Thread);
  LoadedSchema loaded;
  dsl::LowerOptions lower_options;
  lower_options.default_schema = options.default_schema;
  lower_options.threads = threads;
  dsl::Lowering lowering(lower_options);
  std::vector<base::FileId> empty_files;
  for (std::optional<dsl::ast::File>& file : parse_files(ids, threads, sources, lowering, diags)) {
    if (!file) continue;
    if (file->decls.empty()) empty_files.push_back(file->file);
    files.push_back(std::move(*file));
  }
  if (diags.error_count() > errors_before) return std::nullopt;

  bool nothing_declared = empty_files.size() == files.size();
  if (nothing_declared && !options.allow_empty) {
    // An empty desired state would plan to drop every managed object.
    std::optional<base::SourceSpan> span;
    if (!empty_files.empty()) span = base::SourceSpan{empty_files.front(), 0, 0};
    diags.error(base::DiagKind::EmptySchema, span,
                "no objects declared; refusing to use an empty desired state, which would "
                "drop every managed object");
    return std::nullopt;
  }
  for (base::FileId id : empty_files) {
    if (nothing_declared) break;
    diags.warning(base::DiagKind::EmptyFile, base::SourceSpan{id, 0, 0}, "file declares nothing");
  }
  loaded.catalog = lowering.finish(diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  loaded.file_count = files.size();
  for (dsl::ast::File& file : files)
    for (dsl::ast::Comment& comment : file.comments) loaded.comments.push_back(std::move(comment));
  return loaded;
}

}  // namespace

std::optional<LoadedSchema> load_schema(const std::vector<std::string>& paths,
                                        const LoadOptions& options, base::SourceManager& sources,
                                        base::Diagnostics& diags) {
  std::size_t errors_before = diags.error_count();
  std::vector<fs::path> files = schema_files(paths, options.root, options.allow_empty, diags);
  std::vector<base::FileId> ids;
  for (const fs::path& path : files) {
    std::string text;
    std::string shown = display_path(path, options.root);
    if (!read_file(path, text)) {
      diags.error(base::DiagKind::FileUnreadable, std::nullopt,
                  "cannot read " + shown + ": " + std::strerror(errno));
      continue;
    }
    timings::add("schema_bytes", static_cast<double>(text.size()));
    ids.push_back(sources.add(shown, std::move(text)));
  }
  return parse_and_lower(ids, errors_before, options, sources, diags);
}

std::optional<LoadedSchema> load_texts(std::vector<SourceText> texts, const LoadOptions& options,
                                       base::SourceManager& sources, base::Diagnostics& diags) {
  std::size_t errors_before = diags.error_count();
  std::vector<base::FileId> ids;
  for (SourceText& t : texts) ids.push_back(sources.add(std::move(t.path), std::move(t.text)));
  return parse_and_lower(ids, errors_before, options, sources, diags);
}

}  // namespace schemac::cli
