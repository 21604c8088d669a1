// base/source: owns the text of every input file and maps byte offsets to
// line:column. Leaf module: depends on nothing in the project.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schemac::base {

/// FileId indexes a file inside a SourceManager.
using FileId = std::uint32_t;

/// SourceSpan is a byte range [begin, end) inside one file.
struct SourceSpan {
  FileId file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

/// LineCol is a 1-based line and a 1-based column (in bytes).
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t col = 1;
};

/// SourceManager loads each file once and answers position queries.
class SourceManager {
 public:
  /// add registers text under a display path (relative to the project root).
  FileId add(std::string display_path, std::string text);
  const std::string& path(FileId id) const { return files_[id].path; }
  std::string_view text(FileId id) const { return files_[id].text; }
  std::size_t file_count() const { return files_.size(); }
  LineCol line_col(FileId id, std::uint32_t offset) const;
  /// line_text is the text of the 1-based line, without its newline.
  std::string_view line_text(FileId id, std::uint32_t line) const;

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<std::uint32_t> line_starts;
  };
  std::vector<File> files_;
};

}  // namespace schemac::base
