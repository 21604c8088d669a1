#include "base/source.hpp"

#include <algorithm>
#include <cstring>

namespace schemac::base {

FileId SourceManager::add(std::string display_path, std::string text) {
  File file{std::move(display_path), std::move(text), {0}};
  // memchr rather than a loop over every byte: it scans a word at a time.
  const char* begin = file.text.data();
  const char* end = begin + file.text.size();
  for (const char* at = begin; (at = static_cast<const char*>(std::memchr(at, '\n', end - at)));)
    file.line_starts.push_back(static_cast<std::uint32_t>(++at - begin));
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

LineCol SourceManager::line_col(FileId id, std::uint32_t offset) const {
  const auto& starts = files_[id].line_starts;
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts.begin());  // 1-based
  return {line, offset - starts[line - 1] + 1};
}

std::string_view SourceManager::line_text(FileId id, std::uint32_t line) const {
  const auto& file = files_[id];
  if (line == 0 || line > file.line_starts.size()) return {};
  std::uint32_t begin = file.line_starts[line - 1];
  std::uint32_t end = line < file.line_starts.size() ? file.line_starts[line] - 1
                                                     : static_cast<std::uint32_t>(file.text.size());
  std::string_view text(file.text);
  auto result = text.substr(begin, end - begin);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

}  // namespace schemac::base
