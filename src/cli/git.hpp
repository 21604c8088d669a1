// cli/git: reads schema files of a git revision for `schemac diff git:REV`,
// through `git ls-tree` and `git show`: the working tree and the index are
// never touched.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/load.hpp"

namespace schemac::cli {

/// revision_files: every *.schema file under paths (relative to dir, files or
/// directories) at revision rev of the repository that holds dir, displayed as
/// "rev:path". nullopt with error set when git fails (no repository, unknown
/// revision).
std::optional<std::vector<SourceText>> revision_files(const std::filesystem::path& dir,
                                                      const std::string& rev,
                                                      const std::vector<std::string>& paths,
                                                      std::string& error);

}  // namespace schemac::cli
