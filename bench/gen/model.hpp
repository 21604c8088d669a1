// bench/gen/model: a synthetic PostGIS schema of N tables as plain values,
// built deterministically from a seed, and its "changed" variant. The same
// model is rendered as .schema files and as SQL (render.hpp), so the two
// always describe the same database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace schemac::bench {

/// Rng is splitmix64: tiny, and the same sequence on every platform and
/// standard library (std::uniform_int_distribution is not specified exactly).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  /// below: a number in [0, n).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// chance: true with probability percent/100.
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

 private:
  std::uint64_t state_;
};

struct Column {
  std::string name;
  std::string type;  // PostgreSQL spelling, valid in both .schema and SQL
  bool not_null = false;
  std::optional<std::string> default_expr;
  std::optional<std::string> check;       // column check constraint
  std::optional<std::string> references;  // table whose id this column refers to
  bool primary_key = false;
  bool identity = false;  // generated always as identity
};

struct Index {
  std::string method;  // btree or gist
  std::string column;  // one column; the name is derived as PostgreSQL would
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<Index> indexes;
};

struct Enum {
  std::string name;
  std::vector<std::string> values;
};

struct View {
  std::string name;
  std::string table;  // reads id and name of this table
};

/// Block is what one .schema file holds: up to 100 tables, their enum and view.
struct Block {
  std::string file;  // file name under schema/
  Enum status;
  std::vector<Table> tables;
  std::optional<View> view;
};

struct Model {
  std::vector<Block> blocks;
};

/// ChangeCounts: how many tables each kind of change touched in the variant.
struct ChangeCounts {
  int columns_added = 0, columns_dropped = 0, columns_retyped = 0, indexes_added = 0,
      fks_dropped = 0, tables_added = 0, tables_dropped = 0;
  int total() const {
    return columns_added + columns_dropped + columns_retyped + indexes_added + fks_dropped +
           tables_added + tables_dropped;
  }
};

/// generate builds the base model of `tables` tables.
Model generate(int tables, std::uint64_t seed);

/// change returns the variant with about 5% of the tables touched: columns
/// added, dropped and retyped, indexes added, foreign keys dropped, tables
/// added and dropped (never one that a foreign key or a view reads).
Model change(const Model& base, std::uint64_t seed, ChangeCounts& counts);

}  // namespace schemac::bench
