// diff/change: the closed set of changes a migration is made of. Each change is a
// plain value carrying the qualified names and the IR values it needs, so plan and
// emit never look anything up. Depends on ir only.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ir/catalog.hpp"

namespace schemac::diff {

using ir::QualifiedName;

struct CreateSchema {
  std::string name;
  friend bool operator==(const CreateSchema&, const CreateSchema&) = default;
};
struct DropSchema {
  std::string name;
  friend bool operator==(const DropSchema&, const DropSchema&) = default;
};

/// CreateExtension installs extension (its version and schema when given).
struct CreateExtension {
  ir::Extension extension;
  friend bool operator==(const CreateExtension&, const CreateExtension&) = default;
};
/// UpdateExtension moves an installed extension to the pinned version.
struct UpdateExtension {
  std::string name;
  std::optional<std::string> from_version;
  std::string to_version;
  friend bool operator==(const UpdateExtension&, const UpdateExtension&) = default;
};
struct DropExtension {
  ir::Extension extension;
  friend bool operator==(const DropExtension&, const DropExtension&) = default;
};

struct CreateEnum {
  QualifiedName name;
  std::vector<std::string> values;
  friend bool operator==(const CreateEnum&, const CreateEnum&) = default;
};
/// EnumPosition says where AddEnumValue puts the value relative to `neighbour`.
enum class EnumPosition { End, Before, After };
/// AddEnumValue adds one value; a change list holds them in the order they must run.
struct AddEnumValue {
  QualifiedName enum_name;
  std::string value;
  EnumPosition position = EnumPosition::End;
  std::string neighbour;  // empty when position == End
  friend bool operator==(const AddEnumValue&, const AddEnumValue&) = default;
};
struct DropEnum {
  QualifiedName name;
  friend bool operator==(const DropEnum&, const DropEnum&) = default;
};

/// CreateTable creates a table with its columns, primary key, unique and check
/// constraints and foreign keys (the planner detaches foreign keys it cannot
/// create inline). table.indexes and comments are not part of it: diff emits
/// CreateIndex and SetComment changes for those.
struct CreateTable {
  QualifiedName name;
  ir::Table table;
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};
struct DropTable {
  QualifiedName name;
  ir::Table table;  // the table as it is, for hazards and cycle breaking
  friend bool operator==(const DropTable&, const DropTable&) = default;
};

// Column actions: the parts of one ALTER TABLE statement.
struct AddColumn {
  ir::Column column;
  friend bool operator==(const AddColumn&, const AddColumn&) = default;
};
struct DropColumn {
  ir::Column column;
  friend bool operator==(const DropColumn&, const DropColumn&) = default;
};
/// TypeConversion is how existing values reach the new type (the USING clause).
enum class TypeConversion { Cast, Transform, SetSrid };
struct AlterColumnType {
  std::string column;
  ir::TypeRef from;
  ir::TypeRef to;
  std::optional<std::string> collation;  // the desired collation, if not the default
  TypeConversion conversion = TypeConversion::Cast;
  std::string postgis_schema;  // schema of the postgis functions; empty: unqualified
  friend bool operator==(const AlterColumnType&, const AlterColumnType&) = default;
};
struct SetColumnDefault {
  std::string column;
  std::string expr;
  friend bool operator==(const SetColumnDefault&, const SetColumnDefault&) = default;
};
struct DropColumnDefault {
  std::string column;
  friend bool operator==(const DropColumnDefault&, const DropColumnDefault&) = default;
};
struct SetNotNull {
  std::string column;
  friend bool operator==(const SetNotNull&, const SetNotNull&) = default;
};
struct DropNotNull {
  std::string column;
  friend bool operator==(const DropNotNull&, const DropNotNull&) = default;
};
/// DropExpression turns a generated column into a plain one that keeps its values.
struct DropExpression {
  std::string column;
  friend bool operator==(const DropExpression&, const DropExpression&) = default;
};
/// SetIdentity adds, changes or drops a column's identity.
struct SetIdentity {
  std::string column;
  ir::IdentityKind from = ir::IdentityKind::None;
  ir::IdentityKind to = ir::IdentityKind::None;
  friend bool operator==(const SetIdentity&, const SetIdentity&) = default;
};

using ColumnAction =
    std::variant<AddColumn, DropColumn, AlterColumnType, SetColumnDefault, DropColumnDefault,
                 SetNotNull, DropNotNull, DropExpression, SetIdentity>;

/// AlterTable groups the column changes of one table: one ALTER TABLE statement.
struct AlterTable {
  QualifiedName table;
  std::vector<ColumnAction> actions;  // in execution order
  friend bool operator==(const AlterTable&, const AlterTable&) = default;
};

struct AddPrimaryKey {
  QualifiedName table;
  ir::PrimaryKey key;
  friend bool operator==(const AddPrimaryKey&, const AddPrimaryKey&) = default;
};
struct DropPrimaryKey {
  QualifiedName table;
  ir::PrimaryKey key;
  friend bool operator==(const DropPrimaryKey&, const DropPrimaryKey&) = default;
};
struct AddUnique {
  QualifiedName table;
  ir::UniqueConstraint constraint;
  friend bool operator==(const AddUnique&, const AddUnique&) = default;
};
struct DropUnique {
  QualifiedName table;
  ir::UniqueConstraint constraint;
  friend bool operator==(const DropUnique&, const DropUnique&) = default;
};
struct AddCheck {
  QualifiedName table;
  ir::CheckConstraint constraint;
  friend bool operator==(const AddCheck&, const AddCheck&) = default;
};
struct DropCheck {
  QualifiedName table;
  ir::CheckConstraint constraint;
  friend bool operator==(const DropCheck&, const DropCheck&) = default;
};
struct AddForeignKey {
  QualifiedName table;
  ir::ForeignKey key;
  friend bool operator==(const AddForeignKey&, const AddForeignKey&) = default;
};
struct DropForeignKey {
  QualifiedName table;
  ir::ForeignKey key;
  friend bool operator==(const DropForeignKey&, const DropForeignKey&) = default;
};

struct CreateIndex {
  QualifiedName table;
  ir::Index index;
  friend bool operator==(const CreateIndex&, const CreateIndex&) = default;
};
struct DropIndex {
  QualifiedName table;
  ir::Index index;
  friend bool operator==(const DropIndex&, const DropIndex&) = default;
};

/// CommentTarget is the kind of object a COMMENT ON names.
enum class CommentTarget {
  Schema,
  Table,
  Column,
  Enum,
  Index,
  Constraint,
  View,
  MaterializedView,
  Sequence,
  Domain,
};
/// SetComment sets (or, with no comment, removes) an object's comment. `object` is
/// the schema-level object (for Schema: {name, ""}); `member` the column or
/// constraint name; Index comments name the index in `member` and its table in `object`.
struct SetComment {
  CommentTarget target = CommentTarget::Table;
  QualifiedName object;
  std::string member;
  std::optional<std::string> comment;
  friend bool operator==(const SetComment&, const SetComment&) = default;
};

struct RenameTable {
  QualifiedName from;
  std::string to;
  friend bool operator==(const RenameTable&, const RenameTable&) = default;
};
struct RenameColumn {
  QualifiedName table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameColumn&, const RenameColumn&) = default;
};
struct RenameIndex {
  QualifiedName table;  // the index lives in the table's schema
  std::string from;
  std::string to;
  friend bool operator==(const RenameIndex&, const RenameIndex&) = default;
};
struct RenameConstraint {
  QualifiedName table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameConstraint&, const RenameConstraint&) = default;
};

// Views. Each carries the view as it is (drops) or should be (creates), with its
// facts, so plan can order views after what they read and before changes to it.
/// CreateView creates a view or materialized view; `recreate` when it replaces
/// one of the same name that this plan drops first.
struct CreateView {
  QualifiedName name;
  ir::View view;
  bool recreate = false;
  friend bool operator==(const CreateView&, const CreateView&) = default;
};
/// ReplaceView is CREATE OR REPLACE VIEW: the new query keeps the old columns
/// (names, types, order) and may append some. Plain views only.
struct ReplaceView {
  QualifiedName name;
  ir::View view;
  friend bool operator==(const ReplaceView&, const ReplaceView&) = default;
};
struct DropView {
  QualifiedName name;
  ir::View view;  // the view as it is
  bool recreate = false;
  friend bool operator==(const DropView&, const DropView&) = default;
};
struct RenameView {
  QualifiedName from;
  std::string to;
  bool materialized = false;
  friend bool operator==(const RenameView&, const RenameView&) = default;
};

// ---- Sequences and domains --------------------------------------------------
/// CreateSequence creates a sequence with its options; its owner, which may be a
/// table created later in the plan, is a separate SetSequenceOwner.
struct CreateSequence {
  QualifiedName name;
  ir::Sequence sequence;
  friend bool operator==(const CreateSequence&, const CreateSequence&) = default;
};
/// AlterSequence changes the options that differ between from and to (one ALTER SEQUENCE).
struct AlterSequence {
  QualifiedName name;
  ir::Sequence from;
  ir::Sequence to;
  friend bool operator==(const AlterSequence&, const AlterSequence&) = default;
};
/// SetSequenceOwner is ALTER SEQUENCE ... OWNED BY table.column (or NONE when empty).
struct SetSequenceOwner {
  QualifiedName name;
  std::optional<ir::SequenceOwner> owner;
  friend bool operator==(const SetSequenceOwner&, const SetSequenceOwner&) = default;
};
struct DropSequence {
  QualifiedName name;
  ir::Sequence sequence;
  friend bool operator==(const DropSequence&, const DropSequence&) = default;
};
struct CreateDomain {
  QualifiedName name;
  ir::Domain domain;
  friend bool operator==(const CreateDomain&, const CreateDomain&) = default;
};
/// Domain actions: each is one ALTER DOMAIN statement.
struct SetDomainDefault {
  std::optional<std::string> expr;  // empty: DROP DEFAULT
  friend bool operator==(const SetDomainDefault&, const SetDomainDefault&) = default;
};
struct SetDomainNotNull {
  bool not_null = true;  // false: DROP NOT NULL
  friend bool operator==(const SetDomainNotNull&, const SetDomainNotNull&) = default;
};
struct AddDomainCheck {
  ir::CheckConstraint check;
  friend bool operator==(const AddDomainCheck&, const AddDomainCheck&) = default;
};
struct DropDomainCheck {
  ir::CheckConstraint check;
  friend bool operator==(const DropDomainCheck&, const DropDomainCheck&) = default;
};
struct RenameDomainCheck {
  std::string from;
  std::string to;
  friend bool operator==(const RenameDomainCheck&, const RenameDomainCheck&) = default;
};
using DomainAction = std::variant<SetDomainDefault, SetDomainNotNull, AddDomainCheck,
                                  DropDomainCheck, RenameDomainCheck>;
struct AlterDomain {
  QualifiedName name;
  DomainAction action;
  friend bool operator==(const AlterDomain&, const AlterDomain&) = default;
};
/// DropDomain drops a domain; `replaced` when a CreateDomain of the same name
/// follows (a changed base type of an unused domain), which orders it early.
struct DropDomain {
  QualifiedName name;
  ir::Domain domain;
  bool replaced = false;
  friend bool operator==(const DropDomain&, const DropDomain&) = default;
};

/// RenameSequence / RenameDomain: ALTER SEQUENCE|DOMAIN ... RENAME TO (a `renamed from` hint).
struct RenameSequence {
  QualifiedName from;
  std::string to;
  friend bool operator==(const RenameSequence&, const RenameSequence&) = default;
};
struct RenameDomain {
  QualifiedName from;
  std::string to;
  friend bool operator==(const RenameDomain&, const RenameDomain&) = default;
};

/// Change is one of the closed set; visit it with an overloaded lambda set so that
/// adding a kind breaks every place that must handle it.
using Change =
    std::variant<CreateSchema, DropSchema, CreateExtension, UpdateExtension, DropExtension,
                 CreateEnum, AddEnumValue, DropEnum, CreateTable, DropTable, AlterTable,
                 AddPrimaryKey, DropPrimaryKey, AddUnique, DropUnique, AddCheck, DropCheck,
                 AddForeignKey, DropForeignKey, CreateIndex, DropIndex, SetComment, RenameTable,
                 RenameColumn, RenameIndex, RenameConstraint, CreateView, ReplaceView, DropView,
                 RenameView,
                 // sequences and domains
                 CreateSequence, AlterSequence, SetSequenceOwner, DropSequence, CreateDomain,
                 AlterDomain, DropDomain, RenameSequence, RenameDomain>;

/// Overloaded builds a visitor from lambdas.
template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace schemac::diff
