// dsl/ast: the syntax tree of .schema files, as written. Produced by parse,
// consumed by lower (-> IR) and format (-> text). Every node carries its span so
// diagnostics point at the source. Free of PEGTL: only parse.cpp sees the grammar.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/boxed.hpp"
#include "base/source.hpp"
#include "ir/catalog.hpp"

namespace schemac::dsl::ast {

using base::SourceSpan;

using base::Boxed;

/// Ident is a name as written: bare (lower-case) or double-quoted (unescaped text).
struct Ident {
  std::string text;
  bool quoted = false;
  SourceSpan span;
};

/// QualifiedIdent is `name` or `schema.name`.
struct QualifiedIdent {
  Boxed<Ident> schema;
  Ident name;
  SourceSpan span;
};

/// StringLit is a single-quoted literal; value has '' unescaped to '.
struct StringLit {
  std::string value;
  SourceSpan span;
};

/// Expr is balanced SQL text captured verbatim (schemac does not parse SQL).
/// For parenthesised forms such as check (...) the text excludes the outer parentheses.
struct Expr {
  std::string text;
  SourceSpan span;
};

/// TypeArg is one parenthesised type modifier as written: "12", "Polygon", "4326".
struct TypeArg {
  std::string text;
  SourceSpan span;
};

/// TypeName: `varchar(80)`, `numeric(12,2)`, `text[]`, `timestamp(3) with time zone`,
/// `geometry(PointZ, 3857)`, `analytics.kind`. Multi-word names are joined by one
/// space and lower-cased ("double precision"); args hold the modifiers wherever
/// they were written ("timestamp(3) with time zone" -> name "timestamp with time zone", args
/// {"3"}).
struct TypeName {
  Boxed<Ident> schema;
  std::string name;
  bool quoted = false;
  std::vector<TypeArg> args;
  int array_dims = 0;
  SourceSpan span;
};

/// FkOptions: ON DELETE / ON UPDATE actions and deferrability of a foreign key.
struct FkOptions {
  std::optional<ir::FkAction> on_delete;
  std::optional<ir::FkAction> on_update;
  bool deferrable = false;
  bool initially_deferred = false;
};

// Column modifiers. `constraint <name>` before unique/check/references/primary key
// sets constraint_name on the modifier that follows it.
struct NotNullMod {
  SourceSpan span;
};
struct NullMod {
  SourceSpan span;
};
struct DefaultMod {
  Expr expr;
  SourceSpan span;
};
struct PrimaryKeyMod {
  Boxed<Ident> constraint_name;
  SourceSpan span;
};
struct UniqueMod {
  Boxed<Ident> constraint_name;
  SourceSpan span;
};
/// FkTarget: what `references` names: a table, its columns, the options.
struct FkTarget {
  QualifiedIdent table;
  std::vector<Ident> columns;  // empty: the referenced table's primary key
  FkOptions options;
};
// ReferencesMod and CollateMod box their bodies (always set), so that the
// largest alternative, and with it every ColumnModifier, stays 80 bytes, not 144.
struct ReferencesMod {
  Boxed<Ident> constraint_name;
  Boxed<FkTarget> target;  // always set
  SourceSpan span;
};
struct CheckMod {
  Boxed<Ident> constraint_name;
  Expr expr;
  SourceSpan span;
};
struct RenamedFromMod {
  Ident old_name;
  SourceSpan span;
};
struct CollateMod {
  Boxed<QualifiedIdent> collation;  // always set
  SourceSpan span;
};
/// IdentityMod: generated always|by default as identity.
struct IdentityMod {
  bool always = true;
  SourceSpan span;
};
/// GeneratedMod: generated always as (expr) stored.
struct GeneratedMod {
  Expr expr;
  SourceSpan span;
};
/// CommentMod: `comment 'text'` on a column.
struct CommentMod {
  StringLit text;
  SourceSpan span;
};

using ColumnModifier =
    std::variant<NotNullMod, NullMod, DefaultMod, PrimaryKeyMod, UniqueMod, ReferencesMod, CheckMod,
                 RenamedFromMod, CollateMod, IdentityMod, GeneratedMod, CommentMod>;

/// DocComment is the text of consecutive `///` lines before a declaration,
/// each line's leading "/// " removed, joined by '\n'.
struct DocComment {
  std::string text;
  SourceSpan span;
};

struct ColumnDef {
  Ident name;
  TypeName type;
  std::vector<ColumnModifier> modifiers;
  Boxed<DocComment> doc;
  SourceSpan span;
};

// Table-level items.
struct PrimaryKeyDef {
  Boxed<Ident> name;
  std::vector<Ident> columns;
  SourceSpan span;
};
struct UniqueDef {
  Boxed<Ident> name;
  std::vector<Ident> columns;
  SourceSpan span;
};
struct ForeignKeyDef {
  Boxed<Ident> name;
  std::vector<Ident> columns;
  QualifiedIdent table;
  std::vector<Ident> ref_columns;
  FkOptions options;
  SourceSpan span;
};
struct CheckDef {
  Boxed<Ident> name;
  Expr expr;
  SourceSpan span;
};

/// IndexElem is a column name or a parenthesised expression, with options.
struct IndexElem {
  std::optional<Ident> column;
  Boxed<Expr> expr;
  Boxed<QualifiedIdent> opclass;
  bool descending = false;
  std::optional<bool> nulls_first;
  SourceSpan span;
};

/// IndexDef: [unique] index [name] [using method] (elems) [include (cols)] [where (expr)]
struct IndexDef {
  Boxed<Ident> name;
  bool unique = false;
  Boxed<Ident> method;
  std::vector<IndexElem> elements;
  std::vector<Ident> include;
  Boxed<Expr> where;
  Boxed<RenamedFromMod> renamed_from;
  Boxed<DocComment> doc;
  SourceSpan span;
};

/// TableCommentDef: `comment 'text'` as a table entry.
struct TableCommentDef {
  StringLit text;
  SourceSpan span;
};

using TableItem = std::variant<ColumnDef, PrimaryKeyDef, UniqueDef, ForeignKeyDef, CheckDef,
                               IndexDef, TableCommentDef>;

struct TableDecl {
  Ident name;
  std::optional<Ident> renamed_from;  // table <name> renamed from <old> { ... }
  std::vector<TableItem> items;
  std::optional<DocComment> doc;
  SourceSpan span;
};

/// ExtensionDecl: extension <name> [version '<v>'|"<v>"] [schema <schema>]
struct ExtensionDecl {
  Ident name;
  std::optional<StringLit> version;
  std::optional<Ident> schema;
  SourceSpan span;
};

/// EnumDecl: enum <name> { 'a', 'b' }
struct EnumDecl {
  Ident name;
  std::vector<StringLit> values;
  std::optional<DocComment> doc;
  SourceSpan span;
};

/// ViewDecl: [materialized] view <name> [renamed from <old>] as ( query )
struct ViewDecl {
  Ident name;
  bool materialized = false;
  std::optional<Ident> renamed_from;
  Expr query;  // the text between the parentheses
  std::optional<DocComment> doc;
  SourceSpan span;
};

/// SequenceOption is one option of a sequence declaration, as written.
struct SequenceOption {
  enum class Kind {
    As,
    Start,
    Increment,
    MinValue,
    MaxValue,
    NoMinValue,
    NoMaxValue,
    Cache,
    Cycle,
    NoCycle,
    OwnedBy,
    RenamedFrom
  };
  Kind kind = Kind::Cycle;
  std::optional<TypeName> type;   // As
  std::string number;             // Start, Increment, MinValue, MaxValue, Cache: as written
  std::vector<Ident> owner;       // OwnedBy: [schema,] table, column
  std::optional<Ident> old_name;  // RenamedFrom
  SourceSpan span;
};

/// SequenceDecl: sequence <name> [as type] [start n] ... [owned by table.column]
struct SequenceDecl {
  Ident name;
  std::vector<SequenceOption> options;
  std::optional<DocComment> doc;
  SourceSpan span;
};

/// DomainDecl: domain <name> as <type> [not null] [default e] [[constraint n] check (e)]...
/// Its modifiers are the column modifiers a domain accepts: NotNullMod, NullMod,
/// DefaultMod, CheckMod, CollateMod and RenamedFromMod.
struct DomainDecl {
  Ident name;
  TypeName type;
  std::vector<ColumnModifier> modifiers;
  std::optional<DocComment> doc;
  SourceSpan span;
};

struct Decl;

/// SchemaDecl: schema <name> { decls }. Nested schema blocks are rejected by lower.
struct SchemaDecl {
  Ident name;
  std::vector<Decl> decls;
  std::optional<DocComment> doc;
  SourceSpan span;
};

struct Decl {
  std::variant<ExtensionDecl, EnumDecl, TableDecl, SchemaDecl, ViewDecl, SequenceDecl, DomainDecl>
      node;
};

/// Comment is any comment in the file (kept so the formatter loses nothing).
struct Comment {
  enum class Kind { Line, Block, Doc };
  Kind kind = Kind::Line;
  std::string text;  // including its delimiters
  SourceSpan span;
};

struct File {
  base::FileId file = 0;
  std::vector<Decl> decls;
  std::vector<Comment> comments;
};

}  // namespace schemac::dsl::ast
