// cli/load: schema paths -> parsed files -> desired catalog. Expands
// directories, reads files into the SourceManager with project-relative
// display paths, parses and lowers, reporting every problem found.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "dsl/ast.hpp"
#include "ir/catalog.hpp"

namespace schemac::cli {

struct LoadOptions {
  std::filesystem::path root;  // display paths are relative to it
  std::string default_schema = "public";
  bool allow_empty = false;  // the old side of `diff` may be empty; a desired state may not
  /// threads that parse the files and lower the tables; 0: one per core for
  /// large inputs. Commands that read the database ask for 1 (kReadsDatabase).
  std::size_t threads = 0;
};

/// LoadedSchema is what the commands need of the files once lowered: the
/// catalog, and the comments (for `lint: allow`). The syntax trees themselves
/// are freed as soon as lowering is done: at 10,000 tables they are some
/// 40 MB that the memory read and planned next can then reuse.
struct LoadedSchema {
  std::size_t file_count = 0;
  std::vector<dsl::ast::Comment> comments;  // every file's, in file order
  ir::Catalog catalog;                      // lowered, not normalized
};

/// schema_files expands paths (files or directories, searched recursively for
/// *.schema) into a sorted list; reports E0001/E0003 for missing or empty inputs.
std::vector<std::filesystem::path> schema_files(const std::vector<std::string>& paths,
                                                const std::filesystem::path& root, bool allow_empty,
                                                base::Diagnostics& diags);

/// load_schema reads, parses and lowers; nullopt when any error was reported.
std::optional<LoadedSchema> load_schema(const std::vector<std::string>& paths,
                                        const LoadOptions& options, base::SourceManager& sources,
                                        base::Diagnostics& diags);

/// SourceText is one schema file that is not read from the working tree (a
/// file of a git revision): its display path and its text.
struct SourceText {
  std::string path;
  std::string text;
};

/// load_texts parses and lowers files given as text, like load_schema.
std::optional<LoadedSchema> load_texts(std::vector<SourceText> texts, const LoadOptions& options,
                                       base::SourceManager& sources, base::Diagnostics& diags);

/// display_path is path relative to root when inside it, else path as given.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace schemac::cli
