// dsl/lower_names: PostgreSQL's implicit object names, so that a constraint or
// index declared without a name gets the name PostgreSQL itself would give it
// (and the inspector reads back). Mirrors makeObjectName, ChooseRelationName,
// ChooseConstraintName and ChooseIndexColumnNames of PostgreSQL 15.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace schemac::dsl {

/// kMaxIdentifierBytes is NAMEDATALEN - 1: longer names are truncated.
inline constexpr std::size_t kMaxIdentifierBytes = 63;

/// make_object_name joins name1[_name2]_label and fits it into 63 bytes by
/// shortening the longer of name1/name2 (never the label), at a UTF-8 boundary.
std::string make_object_name(std::string_view name1, std::string_view name2,
                             std::string_view label);

/// name_addition joins column names with '_' and stops once 64 bytes are
/// reached (ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition).
std::string name_addition(const std::vector<std::string>& names);

/// NameScope holds the names taken in one schema: relation names (tables and
/// indexes, including the indexes of primary keys and unique constraints) and
/// constraint names. It chooses fresh names the way PostgreSQL does: on a clash
/// the label gets a number (`_key1`, `_check2`).
class NameScope {
 public:
  /// take_relation / take_constraint reserve a name; false when already taken.
  bool take_relation(const std::string& name) { return relations_.insert(name).second; }
  bool take_constraint(const std::string& name) { return constraints_.insert(name).second; }
  bool has_relation(const std::string& name) const { return relations_.count(name) > 0; }
  bool has_constraint(const std::string& name) const { return constraints_.count(name) > 0; }

  /// choose_relation_name: ChooseRelationName; an index backing a constraint
  /// (is_constraint) must also avoid constraint names. The result is taken.
  std::string choose_relation_name(std::string_view name1, std::string_view name2,
                                   std::string_view label, bool is_constraint);
  /// choose_constraint_name: ChooseConstraintName (checks and foreign keys,
  /// which have no index). The result is taken.
  std::string choose_constraint_name(std::string_view name1, std::string_view name2,
                                     std::string_view label);

 private:
  // Hashed: a schema of 10,000 tables holds some 40,000 relation names.
  std::unordered_set<std::string> relations_;
  std::unordered_set<std::string> constraints_;
};

/// index_column_names gives each index key PostgreSQL's name for it: a column's
/// name, or for an expression the name FigureIndexColname derives (a function's
/// name, a cast operand's name, else "expr"); repeated names get a number.
/// Each element is {column, expr}; exactly one is non-empty.
std::vector<std::string> index_column_names(
    const std::vector<std::pair<std::string, std::string>>& elements);

/// expression_column_name: the FigureIndexColname part for one expression.
std::string expression_column_name(std::string_view expr);

/// referenced_columns lists, in first-use order and without repeats, the names
/// in columns that expr refers to (names that are not function names, type
/// names or qualifiers). Used for a check constraint's implicit name.
std::vector<std::string> referenced_columns(std::string_view expr,
                                            const std::vector<std::string>& columns);

/// edit_distance is the Levenshtein distance (for "did you mean" notes).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace schemac::dsl
