// dsl/lower_names: PostgreSQL's implicit object names, so that a constraint or
// index declared without a name gets the name PostgreSQL itself would give it
// (and the inspector reads back). Mirrors makeObjectName, ChooseRelationName,
// ChooseConstraintName and ChooseIndexColumnNames of PostgreSQL 15.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/quote.hpp"

namespace schemac::dsl {

/// TextHash hashes strings and views alike (transparent), so that a hashed
/// map keyed by std::string is searched with a view, without a copy.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

using base::kMaxIdentifierBytes;

/// make_object_name joins name1[_name2]_label and fits it into 63 bytes by
/// shortening the longer of name1/name2 (never the label), at a UTF-8 boundary.
std::string make_object_name(std::string_view name1, std::string_view name2,
                             std::string_view label);

/// name_addition joins column names with '_' and stops once 64 bytes are
/// reached (ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition).
/// Names is any range; project gives each element's name (the element itself
/// by default).
template <typename Names = std::vector<std::string_view>, typename Project = std::identity>
std::string name_addition(const Names& names, Project project = {}) {
  std::string buf;
  for (const auto& element : names) {
    std::string_view name = std::invoke(project, element);
    if (!buf.empty()) buf += '_';
    buf += name.substr(0, kMaxIdentifierBytes);
    if (buf.size() >= kMaxIdentifierBytes + 1) break;
  }
  return buf;
}

/// NameScope holds the names taken in one schema: relation names (tables and
/// indexes, including the indexes of primary keys and unique constraints) and
/// constraint names. It chooses fresh names the way PostgreSQL does: on a clash
/// the label gets a number (`_key1`, `_check2`).
class NameScope {
 public:
  /// take_relation / take_constraint reserve a name; false when already taken.
  bool take_relation(std::string_view name) { return take(name, hash(name), kRelation); }
  bool take_constraint(std::string_view name) { return take(name, hash(name), kConstraint); }
  bool has_relation(std::string_view name) const { return kinds_of(name) & kRelation; }
  bool has_constraint(std::string_view name) const { return kinds_of(name) & kConstraint; }
  /// reserve sizes the scope for n names in all, so that it is not rebuilt as
  /// it fills.
  void reserve(std::size_t n);

  /// choose_relation_name: ChooseRelationName; an index backing a constraint
  /// (is_constraint) must also avoid constraint names. The result is taken.
  std::string choose_relation_name(std::string_view name1, std::string_view name2,
                                   std::string_view label, bool is_constraint);
  /// choose_constraint_name: ChooseConstraintName (checks and foreign keys,
  /// which have no index). The result is taken.
  std::string choose_constraint_name(std::string_view name1, std::string_view name2,
                                     std::string_view label);

  /// Namespace: where an implicit name must be free and is then taken: among
  /// constraints (checks, foreign keys), relations (indexes), or both (the
  /// index behind a primary key or unique constraint).
  enum class Namespace : unsigned char { Relation = 1, Constraint = 2, Both = 3 };

  // Choosing split in two, so that the first name tried (make_object_name of
  // the parts) can be made and hashed on any thread, away from the scope:
  // take_first takes it (false when taken), choose_after goes on from there
  // (label1, label2, ...) as choose_*_name would.
  static std::size_t hash(std::string_view name) { return std::hash<std::string_view>{}(name); }
  bool take_first(std::string_view name, std::size_t hash, Namespace where) {
    return take(name, hash, static_cast<unsigned char>(where));
  }
  std::string choose_after(std::string_view name1, std::string_view name2, std::string_view label,
                           Namespace where);
  /// prefetch fetches the slot where the search for a name of this hash
  /// starts, so that taking it a little later finds the slot in cache: the
  /// slots of a large schema are megabytes, hit at random.
  void prefetch(std::size_t hash) const {
    if (!names_.empty()) touch(&names_[hash & (names_.size() - 1)]);
  }
  /// touch reads a byte at p, which brings its cache line in. A load rather
  /// than __builtin_prefetch: a prefetch that misses the TLB, as most of these
  /// do, may be dropped (names at 10,000 tables, medians of 25 runs: 22.2 ms
  /// without either, 23.0 with prefetches, 19.4 with loads). The loads of
  /// several names overlap.
  static void touch(const void* p) { static_cast<void>(*static_cast<const volatile char*>(p)); }

 private:
  // A name's kinds as bits (Namespace's values): one hash entry per name, one
  // lookup per attempt.
  static constexpr auto kRelation = static_cast<unsigned char>(Namespace::Relation);
  static constexpr auto kConstraint = static_cast<unsigned char>(Namespace::Constraint);

  /// take adds kinds to name (whose hash is given) unless it has one of them.
  bool take(std::string_view name, std::size_t hash, unsigned char kinds);
  unsigned char kinds_of(std::string_view name) const {
    return names_.empty() ? 0 : names_[find(name, hash(name))].kinds;
  }
  /// choose tries name1_name2_label, then label1, label2, ... until take succeeds.
  std::string choose(std::string_view name1, std::string_view name2, std::string_view label,
                     Namespace where);

  /// Slot is one entry of names_; kinds 0 marks a free slot. 16 bytes: a
  /// table of 2^18 slots is 4 MB (it was 8 with a string_view and a full hash).
  struct Slot {
    const char* data = nullptr;  // the name's bytes, in text_
    std::uint32_t size = 0;
    std::uint16_t tag = 0;  // the hash's top bits: most mismatches end here
    unsigned char kinds = 0;
    std::string_view name() const { return {data, size}; }
  };
  static std::uint16_t tag_of(std::size_t hash) { return static_cast<std::uint16_t>(hash >> 48); }
  /// find gives the index of name's slot, or of the free slot where it belongs.
  std::size_t find(std::string_view name, std::size_t hash) const;
  void grow();
  void rebuild(std::size_t size);  // size: a power of two, above twice count_

  /// TextArena keeps the bytes of every name in large blocks that never move,
  /// so that a name costs no allocation of its own and views of it stay valid.
  class TextArena {
   public:
    std::string_view store(std::string_view text);

   private:
    static constexpr std::size_t kBlockBytes = 16 * 1024;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t capacity_ = 0;  // of blocks_.back()
    std::size_t used_ = 0;
  };

  // A schema of 10,000 tables holds some 40,000 relation names: an open-
  // addressing table (linear probing, a power of two in size, at most half
  // full) finds them without a node allocation per name as std::unordered_map
  // would make.
  std::vector<Slot> names_;
  std::size_t count_ = 0;  // slots in use
  TextArena text_;
};

/// index_column_names gives each index key PostgreSQL's name for it: a column's
/// name, or for an expression the name FigureIndexColname derives (a function's
/// name, a cast operand's name, else "expr"); repeated names get a number.
/// Each element is {column, expr}; exactly one is non-empty.
std::vector<std::string> index_column_names(
    const std::vector<std::pair<std::string_view, std::string_view>>& elements);

/// expression_column_name: the FigureIndexColname part for one expression.
std::string expression_column_name(std::string_view expr);

/// referenced_columns lists, in first-use order and without repeats, the names
/// in columns that expr refers to (names that are not function names, type
/// names or qualifiers). Used for a check constraint's implicit name.
/// The result views the matching elements of columns.
std::vector<std::string_view> referenced_columns(std::string_view expr,
                                                 const std::vector<std::string_view>& columns);

/// edit_distance is the Levenshtein distance (for "did you mean" notes).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace schemac::dsl
