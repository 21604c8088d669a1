// catalog/result_set: query results as plain strings, detached from libpqxx, so
// that turning rows into IR (inspect_*.cpp) can be unit-tested with canned rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemac::catalog {

/// ResultSet is the text of one query's result: column names and rows of
/// nullable text fields, exactly as the server sent them.
struct ResultSet {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;

  /// column_index is the position of a named column; a missing name is a bug.
  std::size_t column_index(std::string_view name) const;
};

/// RowRef reads one row of a ResultSet by column name.
class RowRef {
 public:
  RowRef(const ResultSet& set, std::size_t row) : set_(&set), row_(row) {}
  /// opt is the field's text, or nullopt for SQL NULL.
  const std::optional<std::string>& opt(std::string_view column) const;
  /// text is the field's text, "" for SQL NULL.
  std::string text(std::string_view column) const;
  /// flag reads a boolean ('t'); NULL is false.
  bool flag(std::string_view column) const;
  /// array reads a one-dimensional text array ({a,"b c"}); NULL is empty.
  std::vector<std::string> array(std::string_view column) const;

 private:
  const ResultSet* set_;
  std::size_t row_;
};

/// parse_text_array parses PostgreSQL's text form of a one-dimensional array:
/// {a,"b,c","d\"e"}. Unquoted NULL elements become "" (callers never expect them).
std::vector<std::string> parse_text_array(std::string_view text);

}  // namespace schemac::catalog
