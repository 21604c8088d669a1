// catalog/result_set: see result_set.hpp.
#include "catalog/result_set.hpp"

#include "base/check.hpp"

namespace schemac::catalog {

std::size_t ResultSet::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return i;
  }
  SCHEMAC_CHECK(false, "catalog query result lacks an expected column");
  return 0;
}

const std::optional<std::string>& RowRef::opt(std::string_view column) const {
  return set_->rows[row_][set_->column_index(column)];
}

std::string RowRef::text(std::string_view column) const {
  return opt(column).value_or("");
}

bool RowRef::flag(std::string_view column) const {
  return opt(column) == "t";
}

std::vector<std::string> RowRef::array(std::string_view column) const {
  const auto& field = opt(column);
  return field ? parse_text_array(*field) : std::vector<std::string>{};
}

std::vector<std::string> parse_text_array(std::string_view text) {
  std::vector<std::string> out;
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') return out;
  const std::string_view body = text.substr(1, text.size() - 2);
  if (body.empty()) return out;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::string element;
    if (pos < body.size() && body[pos] == '"') {
      for (++pos; pos < body.size() && body[pos] != '"'; ++pos) {
        if (body[pos] == '\\' && pos + 1 < body.size()) ++pos;
        element += body[pos];
      }
      ++pos;  // closing quote
    } else {
      while (pos < body.size() && body[pos] != ',') element += body[pos++];
      if (element == "NULL") element.clear();
    }
    out.push_back(std::move(element));
    // pos is now at a ',' or past the end.
    if (pos >= body.size()) break;
    ++pos;
  }
  return out;
}

}  // namespace schemac::catalog
