// dsl/lower_context: state shared by the lowering passes (lower.cpp drives
// them; lower_types.cpp, lower_table.cpp, lower_refs.cpp and lower_naming.cpp
// each implement one). Internal to the dsl module.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"
#include "dsl/lower.hpp"
#include "dsl/lower_names.hpp"
#include "ir/catalog.hpp"

namespace schemac::dsl::lower_detail {

/// Construct names a DSL feature that later pipeline stages may not support yet.
enum class Construct {
  Unique,
  ForeignKey,
  Check,
  Index,
  Identity,
  Generated,
  Collate,
  RenamedFrom,
  Serial,
  Comment,
};

/// PendingFk is a foreign key whose target is resolved after every table's body.
struct PendingFk {
  std::size_t fk = 0;  // index into TableWork::table.foreign_keys
  const ast::QualifiedIdent* target = nullptr;
  const std::vector<ast::Ident>* ref_columns = nullptr;
  base::SourceSpan span;
};

/// ImplicitName is an object of a table that was declared without a name:
/// which one, and the hash of the name PostgreSQL would try first for it. That
/// name is made on many threads (propose_names) and then taken, or replaced by
/// the next free one, on one thread in declaration order (assign_names).
struct ImplicitName {
  enum class Kind : std::uint8_t { Check, PrimaryKey, Unique, ForeignKey, Index };
  std::size_t hash = 0;
  std::uint32_t index = 0;  // into the table's checks, uniques, foreign_keys or indexes
  Kind kind = Kind::Check;
};

/// TableWork is one table being lowered, with the AST it comes from. The
/// table itself is built where the catalog keeps it, in its schema's tables:
/// moving every table there afterwards took as long as declaring them.
struct TableWork {
  ir::QualifiedName name;
  const ast::TableDecl* decl = nullptr;
  ir::Table* table = nullptr;  // in its schema's tables, once every table is declared
  std::vector<PendingFk> pending_fks;
  std::vector<ImplicitName> implicit_names;  // in the order PostgreSQL names them
};

/// ViewWork is one view being lowered, with the AST it comes from.
struct ViewWork {
  ir::QualifiedName name;
  const ast::ViewDecl* decl = nullptr;
};

/// SequenceWork / DomainWork: a declared sequence or domain, lowered once every
/// declaration is known (domains may use enums and domains declared later;
/// sequences are owned by columns of tables).
struct SequenceWork {
  ir::QualifiedName name;
  const ast::SequenceDecl* decl = nullptr;
};
struct DomainWork {
  ir::QualifiedName name;
  const ast::DomainDecl* decl = nullptr;
};

/// NameRef is a qualified name by view, to look names up without copying them.
struct NameRef {
  std::string_view schema;
  std::string_view name;
};

/// NameLess orders QualifiedNames and NameRefs alike (schema, then name, as
/// QualifiedName's <=> does), so that maps keyed by QualifiedName can be
/// searched with a NameRef.
struct NameLess {
  using is_transparent = void;
  static NameRef ref(const ir::QualifiedName& n) { return {n.schema, n.name}; }
  static NameRef ref(const NameRef& n) { return n; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    NameRef x = ref(a), y = ref(b);
    int schema = x.schema.compare(y.schema);  // one comparison of the (usually equal) schemas
    return schema < 0 || (schema == 0 && x.name < y.name);
  }
};

/// NameHash / NameEqual: the same for hashed maps keyed by QualifiedName.
struct NameHash {
  using is_transparent = void;
  template <typename A>
  std::size_t operator()(const A& a) const {
    NameRef n = NameLess::ref(a);
    std::size_t schema = std::hash<std::string_view>{}(n.schema);
    return schema ^
           (std::hash<std::string_view>{}(n.name) + 0x9e3779b9 + (schema << 6) + (schema >> 2));
  }
};
struct NameEqual {
  using is_transparent = void;
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    NameRef x = NameLess::ref(a), y = NameLess::ref(b);
    return x.name == y.name && x.schema == y.schema;
  }
};
/// NameIndex maps a qualified name to its place in a vector of declarations;
/// hashed, as it is never iterated (the vector keeps declaration order).
using NameIndex = std::unordered_map<ir::QualifiedName, std::size_t, NameHash, NameEqual>;

/// Declared remembers where a name was first declared, for "previous declaration" notes.
using Declared = std::map<ir::QualifiedName, base::SourceSpan, NameLess>;

/// Declarations is what lowering learns from every file's declarations (pass
/// 1) and the catalog it builds. The threads that lower table bodies and
/// resolve their references share it and only read it, each writing its own
/// tables' TableWork.
struct Declarations {
  ir::Catalog catalog;
  std::map<std::string, base::SourceSpan> extensions;     // name -> declaration
  std::map<std::string, base::SourceSpan> schema_blocks;  // name -> first block
  Declared enums;
  std::vector<TableWork> tables;  // declaration order
  NameIndex table_index;          // into tables
  std::vector<ViewWork> views;    // declaration order
  NameIndex view_index;           // into views
  Declared sequences;
  Declared domains;
  std::vector<SequenceWork> sequence_work;  // declaration order
  std::vector<DomainWork> domain_work;      // declaration order
};

/// Context is one thread's view of lowering: the shared declarations, by
/// reference (so that every pass reads them as ctx.enums, ctx.tables, ...),
/// and the diagnostics and type cache of this thread.
struct Context {
  Context(const LowerOptions& options, base::Diagnostics& diags, Declarations& shared)
      : options(options),
        diags(diags),
        shared(shared),
        catalog(shared.catalog),
        extensions(shared.extensions),
        schema_blocks(shared.schema_blocks),
        enums(shared.enums),
        tables(shared.tables),
        table_index(shared.table_index),
        views(shared.views),
        view_index(shared.view_index),
        sequences(shared.sequences),
        domains(shared.domains),
        sequence_work(shared.sequence_work),
        domain_work(shared.domain_work) {}

  const LowerOptions& options;
  base::Diagnostics& diags;
  Declarations& shared;
  ir::Catalog& catalog;
  std::map<std::string, base::SourceSpan>& extensions;
  std::map<std::string, base::SourceSpan>& schema_blocks;
  Declared& enums;
  std::vector<TableWork>& tables;
  NameIndex& table_index;
  std::vector<ViewWork>& views;
  NameIndex& view_index;
  Declared& sequences;
  Declared& domains;
  std::vector<SequenceWork>& sequence_work;
  std::vector<DomainWork>& domain_work;
  /// resolved_types: resolve_type's answer for each spelling that resolved,
  /// keyed as spelling_key builds type_key.
  /// Hashed by view too (TextHash), so that a lookup builds its key in
  /// type_key, reused from column to column, instead of a fresh string.
  std::unordered_map<std::string, ir::TypeRef, TextHash, std::equal_to<>> resolved_types;
  std::string type_key;

  /// gate reports E0201 when construct is not supported yet; returns whether it is.
  /// Gated constructs are still lowered, so their own semantic errors show too.
  bool gate(Construct construct, base::SourceSpan span);
  /// schema returns the catalog's schema called name, adding it when absent.
  ir::Schema& schema(const std::string& name);
  /// find_table resolves a table reference made from inside schema `from`.
  TableWork* find_table(const ast::QualifiedIdent& ref, std::string_view from);
};

/// ident_text: an identifier's name (bare words fold to lower case, like PostgreSQL).
std::string ident_text(const ast::Ident& ident);
/// qualified_text: "schema.name" (or "name") as the identifiers denote it, for
/// collations, operator classes and messages.
std::string qualified_text(const ast::QualifiedIdent& ident);
/// ident_view: ident_text without the copy. Only a bare name with upper-case
/// letters (which the parser reports) needs folding; it is folded into scratch
/// and the view points there. Otherwise the view points into the AST.
std::string_view ident_view(const ast::Ident& ident, std::string& scratch);
/// fold_bare: ident_view for the text of a bare (unquoted) name.
std::string_view fold_bare(std::string_view text, std::string& scratch);
/// quoted_name: "schema.name" in double quotes, for messages.
std::string display(const ir::QualifiedName& name);
/// add_note attaches "previous declaration is here" (or message) at span.
void add_note(base::Diagnostic& diag, base::SourceSpan span,
              std::string message = "previous declaration is here");

/// resolve_type turns a column's TypeName into a canonical TypeRef; reports and
/// returns nullopt when it cannot.
std::optional<ir::TypeRef> resolve_type(Context& ctx, const ast::TypeName& type,
                                        const std::string& schema);

/// is_serial_type: serial, bigserial, smallserial and their aliases (not arrays).
bool is_serial_type(const ast::TypeName& type);

/// lower_table_body: columns, primary key, uniques, checks, indexes, comments
/// (names left empty where PostgreSQL would derive them). Foreign keys are
/// recorded with their target unresolved until resolve_references.
void lower_table_body(Context& ctx, TableWork& work);

/// resolve_references: foreign-key targets and their columns, once every table
/// has its columns and primary key.
void resolve_references(Context& ctx, TableWork& work);

/// table_runs: how many runs for_each_table cuts the tables into: one per
/// thread (options.threads), but no run of fewer than some hundreds of tables.
std::size_t table_runs(const Context& ctx);

/// for_each_table runs pass on every table. With runs > 1 they are cut into
/// runs in declaration order, one per thread, each with a Context of its own;
/// the runs' diagnostics are then added in order, so the result and what is
/// reported are those of one thread. A pass reads the shared declarations and
/// writes only the TableWork it is given.
void for_each_table(Context& ctx, void (*pass)(Context&, TableWork&), std::size_t runs);

/// resolve_and_name: resolve_references on every table, then assign_names;
/// with table_runs > 1 the names are taken on a thread of their own while
/// the other threads resolve.
void resolve_and_name(Context& ctx);

/// declare_view records a view (duplicates among views reported here);
/// lower_views checks names against tables and enums, checks each query and
/// places the views in their schemas.
void declare_view(Context& ctx, const ast::ViewDecl& decl, const std::string& schema);
void lower_views(Context& ctx);

/// declare_sequence / declare_domain record a declaration (reporting duplicates).
void declare_sequence(Context& ctx, const ast::SequenceDecl& decl, const std::string& schema);
void declare_domain(Context& ctx, const ast::DomainDecl& decl, const std::string& schema);
/// lower_domains resolves every domain's base type and lowers its modifiers.
void lower_domains(Context& ctx);
/// lower_sequences lowers every sequence; owners need the tables' columns.
void lower_sequences(Context& ctx);
/// propose_names gives every unnamed object of a lowered table the name
/// PostgreSQL would try first for it, and lists them, in order, in
/// work.implicit_names; assign_names then takes them. Runs on many threads.
void propose_names(Context& ctx, TableWork& work);
/// assign_names reserves the explicit relation and constraint names of every
/// schema (reporting clashes; sequences are relations too) and then derives the
/// implicit ones, domain checks first (<domain>_check, as PostgreSQL names them).
void assign_names(Context& ctx);

}  // namespace schemac::dsl::lower_detail
