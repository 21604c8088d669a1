// ir/catalog: the catalog model both sides of a diff are expressed in. The DSL
// lowerer and the live-database inspector both produce an ir::Catalog; diff,
// plan and emit consume it. Plain values only: no I/O, no pointers, no AST.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/boxed.hpp"
#include "base/source.hpp"

namespace schemac::ir {

/// Provenance records where an object came from and the user's hints about it.
/// It never takes part in equality: two objects that differ only in where they
/// were declared are the same object.
struct Provenance {
  std::optional<base::SourceSpan> span;       // set for DSL objects, empty for inspected ones
  std::optional<base::SourceSpan> name_span;  // DSL tables and columns: the name as written
  std::optional<base::SourceSpan> type_span;  // DSL columns: the type as written
  base::Boxed<std::string> renamed_from;      // `renamed from` hint: the object's old name
  friend bool operator==(const Provenance&, const Provenance&) { return true; }
};

/// QualifiedName is schema.name; every schema-level object is identified by one.
struct QualifiedName {
  std::string schema;
  std::string name;
  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
  friend bool operator==(const QualifiedName&, const QualifiedName&) = default;
};

/// GeoType is the PostGIS typmod of a geometry/geography column, held structurally
/// so that geometry(POINT,4326) and geometry(Point, 4326) compare equal.
struct GeoType {
  std::string subtype =
      "Geometry";  // canonical PostGIS spelling: Point, MultiPolygon, Geometry, ...
  bool has_z = false;
  bool has_m = false;
  int srid = 0;  // 0 = unknown / unconstrained
  friend bool operator==(const GeoType&, const GeoType&) = default;
};

/// TypeRef is a column's type in canonical PostgreSQL form.
///  - built-in types: schema empty, name as format_type() prints it without
///    modifiers ("integer", "character varying", "timestamp with time zone");
///  - user and extension types: schema set ("public", "layer_kind");
///  - modifiers: the typmod arguments as printed ("12", "2" for numeric(12,2));
///  - geometry/geography: `geo` holds the typmod instead of `modifiers`.
struct TypeRef {
  std::string schema;
  std::string name;
  std::vector<std::string> modifiers;
  base::Boxed<GeoType> geo;
  bool is_array = false;  // PostgreSQL does not enforce array dimensions, so neither do we
  friend bool operator==(const TypeRef&, const TypeRef&) = default;
};

enum class IdentityKind { None, Always, ByDefault };

/// SerialSequence names the sequence behind a serial column (inspected: its real
/// name; declared: the name PostgreSQL will choose). Like Provenance it never
/// takes part in equality: it matters only when a column becomes or stops being
/// serial, and the diff then spells the serial side out as that sequence.
struct SerialSequence {
  base::Boxed<std::string> name;  // set only for serial columns: a pointer in the others
  friend bool operator==(const SerialSequence&, const SerialSequence&) { return true; }
};

struct Column {
  std::string name;
  TypeRef type;
  bool not_null = false;
  std::optional<std::string> default_expr;  // SQL expression text
  IdentityKind identity = IdentityKind::None;
  base::Boxed<std::string> generated_expr;  // GENERATED ALWAYS AS (expr) STORED
  base::Boxed<std::string> collation;       // only when not the type's default
  // serial/bigserial/smallserial: a sequence owned by the column feeds its
  // default, so default_expr stays empty; the type is the integer type.
  bool serial = false;
  SerialSequence serial_sequence;
  base::Boxed<std::string> comment;
  Provenance provenance;
  friend bool operator==(const Column&, const Column&) = default;
};

enum class FkAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

/// fk_action_name is the action as the DSL writes it: "no action", "set null", ...
std::string_view fk_action_name(FkAction action);

struct PrimaryKey {
  std::string name;  // PostgreSQL's default: <table>_pkey
  std::vector<std::string> columns;
  Provenance provenance;
  friend bool operator==(const PrimaryKey&, const PrimaryKey&) = default;
};

struct UniqueConstraint {
  std::string name;
  std::vector<std::string> columns;
  bool nulls_not_distinct = false;
  base::Boxed<std::string> comment;
  Provenance provenance;
  friend bool operator==(const UniqueConstraint&, const UniqueConstraint&) = default;
};

struct CheckConstraint {
  std::string name;
  std::string expr;  // the boolean expression, without the CHECK keyword
  bool no_inherit = false;
  base::Boxed<std::string> comment;
  Provenance provenance;
  /// valid is false for a NOT VALID constraint (a failed online VALIDATE); it then
  /// differs from the declared one, so the plan adds it again and validates it.
  bool valid = true;
  friend bool operator==(const CheckConstraint&, const CheckConstraint&) = default;
};

struct ForeignKey {
  std::string name;
  std::vector<std::string> columns;
  QualifiedName ref_table;
  std::vector<std::string> ref_columns;
  FkAction on_delete = FkAction::NoAction;
  FkAction on_update = FkAction::NoAction;
  bool deferrable = false;
  bool initially_deferred = false;
  base::Boxed<std::string> comment;
  Provenance provenance;
  bool valid = true;  // false: NOT VALID (see CheckConstraint::valid)
  friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

/// IndexElement is one key of an index: a column or an expression.
struct IndexElement {
  std::string column;             // set for a plain column
  base::Boxed<std::string> expr;  // set for an expression key
  base::Boxed<std::string> opclass;
  bool descending = false;
  std::optional<bool> nulls_first;  // empty: the default for the direction
  friend bool operator==(const IndexElement&, const IndexElement&) = default;
};

struct Index {
  std::string name;
  std::string method = "btree";
  bool unique = false;
  std::vector<IndexElement> elements;
  std::vector<std::string> include;
  base::Boxed<std::string> where;  // partial-index predicate
  base::Boxed<std::string> comment;
  Provenance provenance;
  /// valid is false for an INVALID index (pg_index.indisvalid), left by a failed
  /// CREATE INDEX CONCURRENTLY; it differs from the declared one, so the plan
  /// drops and rebuilds it.
  bool valid = true;
  friend bool operator==(const Index&, const Index&) = default;
};

struct Table {
  std::string name;
  std::vector<Column> columns;  // declaration order (order is not part of identity; see diff)
  std::optional<PrimaryKey> primary_key;
  std::vector<UniqueConstraint> uniques;
  std::vector<CheckConstraint> checks;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Index> indexes;
  base::Boxed<std::string> comment;
  Provenance provenance;
  friend bool operator==(const Table&, const Table&) = default;
};

struct EnumType {
  std::string name;
  std::vector<std::string> values;  // in sort order
  base::Boxed<std::string> comment;
  Provenance provenance;
  friend bool operator==(const EnumType&, const EnumType&) = default;
};

/// ViewColumn is one output column of a view as PostgreSQL reports it.
struct ViewColumn {
  std::string name;
  std::string type;  // format_type() text
  friend bool operator==(const ViewColumn&, const ViewColumn&) = default;
};

/// ViewFacts is what the database says about a view beyond its text: its output
/// columns and the relations and columns its query reads. Like Provenance it
/// never takes part in equality; diff and plan use it to choose CREATE OR
/// REPLACE and to drop a view before a change to what it reads. `known` is set
/// when the facts come from the database (inspected, or created in a scratch
/// transaction); otherwise normalize guesses relations and columns from the
/// query's names and leaves `columns` empty.
struct ViewFacts {
  bool known = false;
  /// written: the query as the files wrote it, when `body` became the text
  /// PostgreSQL prints for it; apply creates the view from this text, so that
  /// names and casts resolve against the tables as they are by then.
  std::string written;
  std::vector<ViewColumn> columns;
  std::vector<QualifiedName> relations;                      // tables and views the query reads
  std::vector<std::pair<QualifiedName, std::string>> reads;  // (table, column) it reads
  friend bool operator==(const ViewFacts&, const ViewFacts&) { return true; }
};

/// View is a view or materialized view; body is its query (no trailing ';').
struct View {
  std::string name;
  bool materialized = false;
  std::string body;
  base::Boxed<std::string> comment;
  ViewFacts facts;
  Provenance provenance;
  friend bool operator==(const View&, const View&) = default;
};

/// SequenceOwner is the column a sequence is OWNED BY (same schema as the sequence).
struct SequenceOwner {
  std::string table;
  std::string column;
  friend bool operator==(const SequenceOwner&, const SequenceOwner&) = default;
};

/// Sequence is a standalone sequence. Options left empty take PostgreSQL's
/// defaults for the data type and direction; normalize fills them in, so after
/// normalize every option is set (see ir/sequence.hpp).
struct Sequence {
  std::string name;
  std::string data_type = "bigint";  // smallint, integer or bigint
  std::optional<std::int64_t> start;
  std::int64_t increment = 1;
  std::optional<std::int64_t> min_value;
  std::optional<std::int64_t> max_value;
  std::int64_t cache = 1;
  bool cycle = false;
  std::optional<SequenceOwner> owned_by;
  base::Boxed<std::string> comment;
  Provenance provenance;
  friend bool operator==(const Sequence&, const Sequence&) = default;
};

/// Domain is a domain type. Its checks are named (PostgreSQL's implicit name is
/// <domain>_check) and their expressions refer to the value as `value`.
struct Domain {
  std::string name;
  TypeRef type;
  bool not_null = false;
  std::optional<std::string> default_expr;
  std::vector<CheckConstraint> checks;  // sorted by name after normalize
  base::Boxed<std::string> collation;   // only when not the base type's default
  base::Boxed<std::string> comment;
  Provenance provenance;
  friend bool operator==(const Domain&, const Domain&) = default;
};

struct Schema {
  std::string name;
  std::vector<EnumType> enums;  // sorted by name after normalize
  std::vector<Table> tables;    // sorted by name after normalize
  std::vector<View> views;      // sorted by name after normalize

  std::vector<Sequence> sequences;  // sorted by name after normalize
  std::vector<Domain> domains;      // sorted by name after normalize

  base::Boxed<std::string> comment;
  Provenance provenance;
  friend bool operator==(const Schema&, const Schema&) = default;
};

/// ExtensionRequires names the installed extensions an extension needs (its
/// control file's `requires`), known for inspected ones only. It orders drops
/// and, like Provenance, never takes part in equality.
struct ExtensionRequires {
  std::vector<std::string> names;
  friend bool operator==(const ExtensionRequires&, const ExtensionRequires&) { return true; }
};

struct Extension {
  std::string name;
  std::optional<std::string> version;  // desired: empty = any; inspected: installed version
  std::optional<std::string> schema;   // desired: empty = default; inspected: where it lives
  ExtensionRequires required;
  Provenance provenance;
  friend bool operator==(const Extension&, const Extension&) = default;
};

/// Unmanaged lists what the inspector found in scope that schemac does not model
/// (functions, triggers, policies, exclusion constraints, …), one line each
/// ("function public.touch()"). Inspected catalogs only; never part of equality.
struct Unmanaged {
  std::vector<std::string> objects;
  friend bool operator==(const Unmanaged&, const Unmanaged&) { return true; }
};

/// Catalog is one whole database state: the desired one or the current one.
struct Catalog {
  std::vector<Extension> extensions;  // sorted by name after normalize
  std::vector<Schema> schemas;        // sorted by name after normalize
  Unmanaged unmanaged;
  friend bool operator==(const Catalog&, const Catalog&) = default;
};

// Lookups: nullptr when absent. Linear scans; catalogs are sorted, see normalize.
const Schema* find_schema(const Catalog& catalog, std::string_view name);
Schema* find_schema(Catalog& catalog, std::string_view name);
const Table* find_table(const Catalog& catalog, const QualifiedName& name);
const EnumType* find_enum(const Catalog& catalog, const QualifiedName& name);
const View* find_view(const Catalog& catalog, const QualifiedName& name);
const Sequence* find_sequence(const Catalog& catalog, const QualifiedName& name);
const Domain* find_domain(const Catalog& catalog, const QualifiedName& name);
const Extension* find_extension(const Catalog& catalog, std::string_view name);
const Column* find_column(const Table& table, std::string_view name);

/// NameIndex finds the items of one vector by name in constant time, for loops
/// over every object of a schema, where a linear find_* per item would be
/// quadratic (seconds at 10,000 tables). T may be const. Like the find_*
/// functions it gives the first item of a name. Valid while the vector is
/// neither resized nor renamed in.
template <typename T>
class NameIndex {
 public:
  template <typename Items>
  explicit NameIndex(Items& items) {
    index_.reserve(items.size());
    for (auto& item : items) index_.emplace(std::string_view(item.name), &item);
  }
  T* find(std::string_view name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : it->second;
  }

 private:
  std::unordered_map<std::string_view, T*> index_;
};

}  // namespace schemac::ir
