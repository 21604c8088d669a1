// catalog/result_set: see result_set.hpp.
#include "catalog/result_set.hpp"

#include <limits>

#include "base/check.hpp"

namespace schemac::catalog {

ResultSet::ResultSet(std::vector<std::string> names,
                     const std::vector<std::vector<std::optional<std::string>>>& rows)
    : columns(std::move(names)) {
  for (const auto& row : rows) {
    SCHEMAC_CHECK(row.size() == columns.size(), "a canned row has the wrong number of fields");
    for (const auto& value : row)
      add_field(value ? std::optional<std::string_view>(*value) : std::nullopt);
  }
}

void ResultSet::reserve(std::size_t rows, std::size_t text_bytes) {
  fields_.reserve(rows * columns.size());
  text_.reserve(text_bytes);
}

void ResultSet::add_field(std::optional<std::string_view> value) {
  if (!value) {
    fields_.push_back({0, -1});
    return;
  }
  SCHEMAC_CHECK(text_.size() + value->size() <=
                    static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()),
                "a catalog query result over 2 GB");
  fields_.push_back(
      {static_cast<std::uint32_t>(text_.size()), static_cast<std::int32_t>(value->size())});
  text_.append(*value);
}

std::optional<std::string_view> ResultSet::field(std::size_t row, std::size_t column) const {
  const Field& f = fields_[row * columns.size() + column];
  if (f.length < 0) return std::nullopt;
  return std::string_view(text_).substr(f.offset, static_cast<std::size_t>(f.length));
}

std::size_t ResultSet::column_index(std::string_view name) const {
  Remembered& slot =
      remembered_[(reinterpret_cast<std::uintptr_t>(name.data()) >> 3) % remembered_.size()];
  if (slot.name == name.data() && slot.column < columns.size() && columns[slot.column] == name)
    return slot.column;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) {
      slot = {name.data(), i};
      return i;
    }
  }
  SCHEMAC_CHECK(false, "catalog query result lacks an expected column");
  return 0;
}

std::optional<std::string> RowRef::opt(std::string_view column) const {
  const auto value = set_->field(row_, set_->column_index(column));
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

std::string RowRef::text(std::string_view column) const {
  return std::string(set_->field(row_, set_->column_index(column)).value_or(""));
}

bool RowRef::flag(std::string_view column) const {
  return set_->field(row_, set_->column_index(column)) == "t";
}

std::vector<std::string> RowRef::array(std::string_view column) const {
  const auto value = set_->field(row_, set_->column_index(column));
  return value ? parse_text_array(*value) : std::vector<std::string>{};
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
