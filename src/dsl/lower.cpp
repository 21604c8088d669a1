// dsl/lower: the lowering driver. Pass 1 collects declarations (extensions,
// schemas, enums, domain, sequence and table names) from every file, so that
// order never matters (Lowering::declare, one file at a time, as the files
// are parsed); pass 2 lowers domains, then table bodies (with the
// first name tried for each unnamed constraint and index), then sequences
// and their owners; pass 3 resolves foreign keys and, at the same time, takes
// those names, or the next free ones, as PostgreSQL would; views come last
// (lower_view.cpp).
#include "dsl/lower.hpp"

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <variant>

#include "base/parallel.hpp"
#include "dsl/lower_context.hpp"

namespace schemac::dsl {
namespace lower_detail {
namespace {

struct ConstructInfo {
  Construct construct;
  const char* label;
  bool supported;
};

// kSupported gates what the later stages (diff, plan, emit) cannot handle yet:
// lowering reports E0201 for those instead of planning something wrong.
// Ungating a construct is flipping its `supported` to true.
constexpr ConstructInfo kSupported[] = {
    {Construct::Unique, "unique constraint", true},
    {Construct::ForeignKey, "foreign key", true},
    {Construct::Check, "check constraint", true},
    {Construct::Index, "index", true},
    {Construct::Identity, "identity column", true},
    {Construct::Generated, "generated column", true},
    {Construct::Collate, "collate", true},
    {Construct::RenamedFrom, "renamed from", true},
    {Construct::Serial, "serial type", true},
    {Construct::Comment, "comment", true},
};

bool is_reserved_schema(const std::string& name) {
  return name.starts_with("pg_") || name == "information_schema";
}

void lower_decls(Context& ctx, const std::vector<ast::Decl>& decls, const std::string& schema,
                 bool nested);

void lower_extension(Context& ctx, const ast::ExtensionDecl& decl, const std::string& block) {
  std::string name = ident_text(decl.name);
  auto [it, inserted] = ctx.extensions.emplace(name, decl.name.span);
  if (!inserted) {
    auto& diag = ctx.diags.error(base::DiagKind::DuplicateExtension, decl.name.span,
                                 "duplicate extension \"" + name + "\"");
    add_note(diag, it->second);
    return;
  }
  ir::Extension extension;
  extension.name = name;
  if (decl.version) extension.version = decl.version->value;
  if (decl.schema) {
    extension.schema = ident_text(*decl.schema);
  } else if (!block.empty()) {
    extension.schema = block;  // declared inside `schema x { }`
  }
  // The schema an extension is installed into is part of the desired state.
  if (extension.schema && !is_reserved_schema(*extension.schema)) ctx.schema(*extension.schema);
  extension.provenance.span = decl.span;
  ctx.catalog.extensions.push_back(std::move(extension));
}

void lower_enum(Context& ctx, const ast::EnumDecl& decl, const std::string& schema) {
  ir::QualifiedName name{schema, ident_text(decl.name)};
  auto [it, inserted] = ctx.enums.emplace(name, decl.name.span);
  if (!inserted) {
    auto& diag = ctx.diags.error(base::DiagKind::DuplicateEnum, decl.name.span,
                                 "duplicate enum " + display(name));
    add_note(diag, it->second);
    return;
  }
  ir::EnumType type;
  type.name = name.name;
  std::map<std::string, base::SourceSpan> seen;
  for (const ast::StringLit& value : decl.values) {
    auto [prev, fresh] = seen.emplace(value.value, value.span);
    if (!fresh) {
      auto& diag =
          ctx.diags.error(base::DiagKind::DuplicateEnumValue, value.span,
                          "duplicate value '" + value.value + "' in enum " + display(name));
      add_note(diag, prev->second);
      continue;
    }
    type.values.push_back(value.value);
  }
  if (decl.doc) {
    ctx.gate(Construct::Comment, decl.doc->span);
    type.comment = decl.doc->text;
  }
  type.provenance.span = decl.span;
  ctx.schema(schema).enums.push_back(std::move(type));
}

void declare_table(Context& ctx, const ast::TableDecl& decl, const std::string& schema) {
  ir::QualifiedName name{schema, ident_text(decl.name)};
  auto [it, inserted] = ctx.table_index.emplace(name, ctx.tables.size());
  if (!inserted) {
    auto& diag = ctx.diags.error(base::DiagKind::DuplicateTable, decl.name.span,
                                 "duplicate table " + display(name));
    add_note(diag, ctx.tables[it->second].decl->name.span);
    return;
  }
  ctx.schema(schema);  // a schema holding a table is part of the catalog
  TableWork& work = ctx.tables.emplace_back();
  work.name = std::move(name);
  work.decl = &decl;
}

void lower_schema_block(Context& ctx, const ast::SchemaDecl& decl, bool nested) {
  std::string name = ident_text(decl.name);
  if (nested) {
    ctx.diags.error(base::DiagKind::NestedSchema, decl.name.span,
                    "schema \"" + name + "\" is nested in another schema block");
  }
  if (is_reserved_schema(name)) {
    ctx.diags.error(base::DiagKind::ReservedName, decl.name.span,
                    "schema name \"" + name + "\" is reserved for the system");
  }
  ctx.schema_blocks.emplace(name, decl.name.span);  // repeated blocks merge
  ir::Schema& schema = ctx.schema(name);
  if (!schema.provenance.span) schema.provenance.span = decl.span;
  if (decl.doc) {
    ctx.gate(Construct::Comment, decl.doc->span);
    schema.comment = decl.doc->text;
  }
  lower_decls(ctx, decl.decls, name, true);
}

void lower_decls(Context& ctx, const std::vector<ast::Decl>& decls, const std::string& schema,
                 bool nested) {
  for (const ast::Decl& decl : decls) {
    std::visit(
        [&](const auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, ast::ExtensionDecl>) {
            lower_extension(ctx, node, nested ? schema : "");
          } else if constexpr (std::is_same_v<T, ast::EnumDecl>) {
            lower_enum(ctx, node, schema);
          } else if constexpr (std::is_same_v<T, ast::TableDecl>) {
            declare_table(ctx, node, schema);
          } else if constexpr (std::is_same_v<T, ast::ViewDecl>) {
            declare_view(ctx, node, schema);
          } else if constexpr (std::is_same_v<T, ast::SequenceDecl>) {
            declare_sequence(ctx, node, schema);
          } else if constexpr (std::is_same_v<T, ast::DomainDecl>) {
            declare_domain(ctx, node, schema);
          } else {
            static_assert(std::is_same_v<T, ast::SchemaDecl>);
            lower_schema_block(ctx, node, nested);
          }
        },
        decl.node);
  }
}

// check_type_clashes: a table's row type shares the namespace with enums and domains.
// Tables far outnumber enums, so each enum is looked up among the tables; the
// clashes are then reported in the tables' order.
void check_type_clashes(Context& ctx) {
  std::vector<std::pair<std::size_t, base::SourceSpan>> enum_clashes;  // table, enum
  for (const auto& [name, span] : ctx.enums)
    if (auto table = ctx.table_index.find(name); table != ctx.table_index.end())
      enum_clashes.emplace_back(table->second, span);
  std::sort(enum_clashes.begin(), enum_clashes.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [table, enum_span] : enum_clashes) {
    const TableWork& work = ctx.tables[table];
    auto& diag = ctx.diags.error(
        base::DiagKind::TypeNameClash, work.decl->name.span,
        "table " + display(work.name) + " has the same name as an enum (a table is also a type)");
    add_note(diag, enum_span, "enum declared here");
  }
  for (const DomainWork& work : ctx.domain_work) {
    auto table = ctx.table_index.find(work.name);
    auto other = ctx.enums.find(work.name);
    if (table == ctx.table_index.end() && other == ctx.enums.end()) continue;
    bool is_table = table != ctx.table_index.end();
    auto& diag = ctx.diags.error(base::DiagKind::TypeNameClash, work.decl->name.span,
                                 "domain " + display(work.name) + " has the same name as " +
                                     (is_table ? "a table (a table is also a type)" : "an enum"));
    add_note(diag, is_table ? ctx.tables[table->second].decl->name.span : other->second,
             is_table ? "table declared here" : "enum declared here");
  }
}

// bind_tables makes every declared table in its schema, in declaration
// order, into vectors sized first, and points its TableWork at it: the passes
// that follow build each table where the catalog keeps it. Schemas added
// later (by views, sequences) move the schemas, never their tables.
static_assert(std::is_nothrow_move_constructible_v<ir::Schema>);
void bind_tables(Context& ctx) {
  std::unordered_map<std::string_view, std::size_t> per_schema;
  for (const TableWork& work : ctx.tables) ++per_schema[work.name.schema];
  for (const auto& [schema, count] : per_schema)
    ctx.schema(std::string(schema)).tables.reserve(count);
  ir::Schema* schema = nullptr;
  for (TableWork& work : ctx.tables) {
    if (!schema || schema->name != work.name.schema) schema = &ctx.schema(work.name.schema);
    ir::Table& table = schema->tables.emplace_back();
    table.name = work.name.name;
    table.provenance.span = work.decl->span;
    table.provenance.name_span = work.decl->name.span;
    work.table = &table;
  }
}

// count_tables: the table declarations in decls, schema blocks included.
std::size_t count_tables(const std::vector<ast::Decl>& decls) {
  std::size_t count = 0;
  for (const ast::Decl& decl : decls) {
    if (std::holds_alternative<ast::TableDecl>(decl.node))
      ++count;
    else if (const auto* block = std::get_if<ast::SchemaDecl>(&decl.node))
      count += count_tables(block->decls);
  }
  return count;
}

// lower_table: a table's body, then the first names tried for its unnamed
// objects, while the table is still in the cache of the thread that built it.
void lower_table(Context& ctx, TableWork& work) {
  lower_table_body(ctx, work);
  propose_names(ctx, work);
}

// Fewer tables than this per thread are lowered on one: a thread costs more.
constexpr std::size_t kMinTablesPerThread = 500;

}  // namespace

std::size_t table_runs(const Context& ctx) {
  return std::min(ctx.options.threads, ctx.tables.size() / kMinTablesPerThread);
}

void for_each_table(Context& ctx, void (*pass)(Context&, TableWork&), std::size_t runs) {
  std::vector<TableWork>& tables = ctx.tables;
  if (runs <= 1) {
    for (TableWork& work : tables) pass(ctx, work);
    return;
  }
  std::vector<base::Diagnostics> run_diags(runs);
  base::run_parallel(runs, [&](std::size_t run) {
    Context local(ctx.options, run_diags[run], ctx.shared);
    std::size_t end = tables.size() * (run + 1) / runs;
    for (std::size_t i = tables.size() * run / runs; i < end; ++i) pass(local, tables[i]);
  });
  for (base::Diagnostics& diags : run_diags) ctx.diags.append(std::move(diags));
}

void resolve_and_name(Context& ctx) {
  std::size_t runs = table_runs(ctx);
  if (runs <= 1) {
    for_each_table(ctx, resolve_references, runs);
    assign_names(ctx);
    return;
  }
  // Names are taken on one thread, in declaration order. They depend on no
  // foreign key's target, only on its own columns, and resolving the targets
  // writes other fields than the names: the other threads resolve them
  // meanwhile. What each reports is added in the one-thread order.
  base::Diagnostics name_diags;
  Context names(ctx.options, name_diags, ctx.shared);
  base::run_parallel(2, [&](std::size_t task) {
    if (task == 0)
      for_each_table(ctx, resolve_references, runs - 1);
    else
      assign_names(names);
  });
  ctx.diags.append(std::move(name_diags));
}

bool Context::gate(Construct construct, base::SourceSpan span) {
  for (const ConstructInfo& info : kSupported) {
    if (info.construct != construct) continue;
    if (!info.supported) {
      diags.error(base::DiagKind::NotSupportedYet, span,
                  std::string(info.label) + " is not supported yet");
    }
    return info.supported;
  }
  return true;
}

ir::Schema& Context::schema(const std::string& name) {
  if (ir::Schema* found = ir::find_schema(catalog, name)) return *found;
  ir::Schema schema;
  schema.name = name;
  catalog.schemas.push_back(std::move(schema));
  return catalog.schemas.back();
}

}  // namespace lower_detail

struct Lowering::State {
  explicit State(LowerOptions given) : options(std::move(given)), ctx(options, diags, shared) {}
  LowerOptions options;
  base::Diagnostics diags;
  lower_detail::Declarations shared;
  lower_detail::Context ctx;
};

Lowering::Lowering(LowerOptions options) : state_(std::make_unique<State>(std::move(options))) {}

Lowering::~Lowering() = default;

void Lowering::declare(const ast::File& file) {
  lower_detail::Context& ctx = state_->ctx;
  // Room for the file's tables, grown as a vector grows: sized once per
  // file, the tables and their index would be copied once per file.
  std::size_t needed = ctx.tables.size() + lower_detail::count_tables(file.decls);
  if (needed > ctx.tables.capacity()) {
    std::size_t room = std::max(needed, 2 * ctx.tables.capacity());
    ctx.tables.reserve(room);
    ctx.table_index.reserve(room);
  }
  lower_detail::lower_decls(ctx, file.decls, ctx.options.default_schema, false);
}

ir::Catalog Lowering::finish(base::Diagnostics& diags) {
  lower_detail::Context& ctx = state_->ctx;
  lower_detail::check_type_clashes(ctx);
  lower_detail::bind_tables(ctx);
  lower_detail::lower_domains(ctx);
  lower_detail::for_each_table(ctx, lower_detail::lower_table, lower_detail::table_runs(ctx));
  lower_detail::lower_sequences(ctx);
  lower_detail::resolve_and_name(ctx);
  lower_detail::lower_views(ctx);
  diags.append(std::move(state_->diags));
  return std::move(state_->shared.catalog);
}

ir::Catalog lower(std::span<const ast::File> files, const LowerOptions& options,
                  base::Diagnostics& diags) {
  Lowering lowering(options);
  for (const ast::File& file : files) lowering.declare(file);
  return lowering.finish(diags);
}

}  // namespace schemac::dsl
