// catalog/result_set: query results as plain strings, detached from libpqxx, so
// that turning rows into IR (inspect_*.cpp) can be unit-tested with canned rows.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemac::catalog {

/// ResultSet is the text of one query's result: column names and rows of
/// nullable text fields, exactly as the server sent them. The fields live in
/// one buffer, not one string each: at 10,000 tables the inspector holds
/// about 130,000 rows of a dozen fields at once, and a string per field
/// (40 bytes before its text) made them the largest thing in memory.
class ResultSet {
 public:
  ResultSet() = default;
  /// A result from rows of fields (canned rows in tests).
  ResultSet(std::vector<std::string> columns,
            const std::vector<std::vector<std::optional<std::string>>>& rows);

  std::vector<std::string> columns;

  /// reserve makes room for `rows` rows of `text_bytes` bytes of text in all.
  void reserve(std::size_t rows, std::size_t text_bytes);
  /// add_field appends the next field (a row has one per column); nullopt is NULL.
  void add_field(std::optional<std::string_view> value);
  std::size_t row_count() const { return columns.empty() ? 0 : fields_.size() / columns.size(); }
  /// field is the text of a row's field, nullopt for NULL.
  std::optional<std::string_view> field(std::size_t row, std::size_t column) const;
  /// column_index is the position of a named column; a missing name is a bug.
  std::size_t column_index(std::string_view name) const;

 private:
  struct Field {
    std::uint32_t offset;
    std::int32_t length;  // -1: NULL
  };
  std::string text_;
  std::vector<Field> fields_;
  /// column_index's memory of where it found a name, by the address of the
  /// name's text: callers name columns with string literals, whose addresses
  /// do not change, so each lookup is one slot and one comparison (a linear
  /// search per field over 72,000 column rows at 10,000 tables cost more than
  /// turning the rows into IR). A hit is checked against the name, so a name at
  /// a reused address cannot give a wrong column. A ResultSet is read by one thread.
  struct Remembered {
    const char* name = nullptr;
    std::size_t column = 0;
  };
  mutable std::array<Remembered, 64> remembered_{};
};

/// RowRef reads one row of a ResultSet by column name.
class RowRef {
 public:
  RowRef(const ResultSet& set, std::size_t row) : set_(&set), row_(row) {}
  /// opt is the field's text, or nullopt for SQL NULL.
  std::optional<std::string> opt(std::string_view column) const;
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
