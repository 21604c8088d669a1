// Lowering tests on hand-built ASTs (independent of the parser).
#include <catch2/catch.hpp>

#include "dsl/lower.hpp"
#include "ir/print.hpp"

namespace ast = schemac::dsl::ast;
namespace base = schemac::base;
namespace ir = schemac::ir;
using schemac::dsl::lower;
using schemac::dsl::LowerOptions;

namespace {

// Each builder call gets a fresh span so tests can tell nodes apart.
std::uint32_t next_offset = 0;
base::SourceSpan span() {
  next_offset += 2;
  return {0, next_offset, next_offset + 1};
}

ast::Ident id(std::string text, bool quoted = false) {
  return {std::move(text), quoted, span()};
}

ast::TypeName ty(std::string name, std::vector<std::string> args = {}, int array_dims = 0) {
  ast::TypeName t;
  t.name = std::move(name);
  for (std::string& a : args) t.args.push_back({std::move(a), span()});
  t.array_dims = array_dims;
  t.span = span();
  return t;
}

ast::TypeName qualified_ty(std::string schema, std::string name) {
  ast::TypeName t = ty(std::move(name));
  t.schema = id(std::move(schema));
  return t;
}

ast::QualifiedIdent qid(std::string name) {
  return {std::nullopt, id(std::move(name)), span()};
}

ast::ColumnDef col(std::string name, ast::TypeName type,
                   std::vector<ast::ColumnModifier> mods = {}) {
  return {id(std::move(name)), std::move(type), std::move(mods), std::nullopt, span()};
}

ast::Decl table(std::string name, std::vector<ast::TableItem> items) {
  ast::TableDecl t;
  t.name = id(std::move(name));
  t.items = std::move(items);
  t.span = span();
  return {std::move(t)};
}

ast::Decl extension(std::string name, std::optional<std::string> schema = std::nullopt) {
  ast::ExtensionDecl e;
  e.name = id(std::move(name));
  if (schema) e.schema = id(*schema);
  e.span = span();
  return {std::move(e)};
}

ast::Decl enum_decl(std::string name, std::vector<std::string> values) {
  ast::EnumDecl e;
  e.name = id(std::move(name));
  for (std::string& v : values) e.values.push_back({std::move(v), span()});
  e.span = span();
  return {std::move(e)};
}

ast::Decl schema_block(std::string name, std::vector<ast::Decl> decls) {
  ast::SchemaDecl s;
  s.name = id(std::move(name));
  s.decls = std::move(decls);
  s.span = span();
  return {std::move(s)};
}

ast::PrimaryKeyMod pk() {
  return {std::nullopt, span()};
}
ast::NotNullMod not_null() {
  return {span()};
}
ast::DefaultMod default_(std::string expr) {
  return {{std::move(expr), span()}, span()};
}

std::vector<ast::Ident> ids(std::vector<std::string> names) {
  std::vector<ast::Ident> out;
  for (std::string& n : names) out.push_back(id(std::move(n)));
  return out;
}

struct Result {
  ir::Catalog catalog;
  base::Diagnostics diags;
  std::string dump() const { return ir::to_debug_string(catalog); }
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const base::Diagnostic& d : diags.all()) {
      out.push_back(std::string(base::code(d.kind)) + " " + d.message);
    }
    return out;
  }
};

Result run(std::vector<ast::Decl> decls) {
  std::vector<ast::File> files(1);
  files[0].decls = std::move(decls);
  Result result;
  result.catalog = lower(files, LowerOptions{}, result.diags);
  return result;
}

using Messages = std::vector<std::string>;

}  // namespace

TEST_CASE("lower: tables, columns, types and the implicit primary key", "[dsl][lower]") {
  Result r = run({
      extension("postgis"),
      enum_decl("layer_kind", {"vector", "raster"}),
      table("layers",
            {col("id", ty("int"), {pk()}), col("name", ty("varchar", {"80"}), {not_null()}),
             col("kind", ty("layer_kind"), {default_("'vector'")}),
             col("price", ty("decimal", {"12"})), col("tags", ty("text", {}, 1)),
             col("at", ty("timestamp with time zone", {"3"})),
             col("extent", ty("geometry", {"polygonz", "4326"})),
             col("place", ty("geography", {"POINT"})), col("shape", ty("geometry"))}),
  });
  CHECK(r.messages() == Messages{});
  CHECK(r.dump() ==
        "extension postgis\n"
        "schema public\n"
        "  enum public.layer_kind ('vector', 'raster')\n"
        "  table public.layers\n"
        "    column id integer not null\n"
        "    column name character varying(80) not null\n"
        "    column kind public.layer_kind default 'vector'\n"
        "    column price numeric(12,0)\n"
        "    column tags text[]\n"
        "    column at timestamp(3) with time zone\n"
        "    column extent public.geometry(PolygonZ,4326)\n"
        "    column place public.geography(Point,4326)\n"
        "    column shape public.geometry\n"
        "    primary key layers_pkey (id)\n");
}

TEST_CASE("lower: schema blocks, name resolution and extension schemas", "[dsl][lower]") {
  Result r = run({
      extension("postgis", "gis"),
      enum_decl("kind", {"a"}),
      schema_block("app", {enum_decl("kind", {"b"}),
                           table("t", {col("k", ty("kind")), col("g", ty("geography")),
                                       col("d", qualified_ty("public", "kind"))})}),
      schema_block("empty", {}),
      table("u", {col("k", ty("kind"))}),
  });
  CHECK(r.messages() == Messages{});
  CHECK(r.dump() ==
        "extension postgis schema='gis'\n"
        "schema gis\n"
        "schema public\n"
        "  enum public.kind ('a')\n"
        "  table public.u\n"
        "    column k public.kind\n"
        "schema app\n"
        "  enum app.kind ('b')\n"
        "  table app.t\n"
        "    column k app.kind\n"
        "    column g gis.geography\n"
        "    column d public.kind\n"
        "schema empty\n");
}

TEST_CASE("lower: duplicates are errors with a note at the first one", "[dsl][lower]") {
  Result r = run({
      table("t", {col("a", ty("int")), col("a", ty("text"))}),
      table("t", {}),
      enum_decl("e", {"x", "y", "x"}),
      enum_decl("e", {}),
      extension("citext"),
      extension("citext"),
  });
  CHECK(r.messages() == Messages{
                            "E0202 duplicate table \"public.t\"",
                            "E0212 duplicate value 'x' in enum \"public.e\"",
                            "E0211 duplicate enum \"public.e\"",
                            "E0213 duplicate extension \"citext\"",
                            "E0203 duplicate column \"a\" in table \"public.t\"",
                        });
  for (const base::Diagnostic& d : r.diags.all()) {
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message == "previous declaration is here");
    CHECK(d.notes[0].span->begin < d.span->begin);
  }
}

TEST_CASE("lower: wide tables find their columns past the linear scan", "[dsl][lower]") {
  // More columns than ColumnNames scans linearly, so lookups go through its hash index.
  std::vector<ast::TableItem> items;
  for (int i = 0; i < 40; ++i) items.push_back(col("c" + std::to_string(i), ty("int")));
  items.push_back(col("C35", ty("text")));  // a bare name folds: a duplicate of c35
  items.push_back(ast::UniqueDef{std::nullopt, ids({"c39", "c0", "nope"}), span()});
  items.push_back(ast::PrimaryKeyDef{std::nullopt, ids({"C38"}), span()});
  Result r = run({table("t", std::move(items))});
  CHECK(r.messages() == Messages{
                            "E0203 duplicate column \"c35\" in table \"public.t\"",
                            "E0206 column \"nope\" does not exist in table \"public.t\"",
                        });
  REQUIRE(r.catalog.schemas.size() == 1);
  const ir::Table& t = r.catalog.schemas[0].tables.at(0);
  CHECK(t.columns.size() == 40);
  CHECK(t.uniques.at(0).columns == std::vector<std::string>{"c39", "c0", "nope"});
  CHECK(t.primary_key->columns == std::vector<std::string>{"c38"});
  CHECK(t.columns[38].not_null);
}

TEST_CASE("lower: primary keys", "[dsl][lower]") {
  Result r = run({table("t", {col("a", ty("int"), {pk()}), col("b", ty("int")),
                              ast::PrimaryKeyDef{std::nullopt, ids({"b"}), span()}})});
  CHECK(r.messages() == Messages{"E0204 multiple primary keys for table \"public.t\""});
  REQUIRE(r.diags.all().size() == 1);
  CHECK(r.diags.all()[0].notes.at(0).message == "first primary key is here");

  Result ok = run({table("m", {col("a", ty("int")), col("b", ty("int")),
                               ast::PrimaryKeyDef{id("m_key"), ids({"a", "b"}), span()}})});
  CHECK(ok.messages() == Messages{});
  CHECK(ok.dump() ==
        "schema public\n  table public.m\n    column a integer not null\n"
        "    column b integer not null\n    primary key m_key (a, b)\n");

  Result missing = run({table("t", {ast::PrimaryKeyDef{std::nullopt, ids({"nope"}), span()}})});
  CHECK(missing.messages() ==
        Messages{"E0206 column \"nope\" does not exist in table \"public.t\""});
}

TEST_CASE("lower: type errors", "[dsl][lower]") {
  Result r = run({
      table("t", {col("a", ty("intgr")), col("g", ty("geometry", {"Pointy", "4326"}))}),
  });
  CHECK(r.messages() == Messages{
                            "E0207 unknown type \"intgr\"",
                            "E0217 type geometry needs 'extension postgis'",
                            "E0208 invalid geometry subtype \"Pointy\"",
                        });
  CHECK(r.diags.all().at(0).notes.at(0).message == "did you mean \"integer\"?");

  Result geo =
      run({extension("postgis"),
           table("t", {col("a", ty("geometry", {"Pointy", "4326"})),
                       col("b", ty("geometry", {"Point", "-1"})),
                       col("c", ty("geometry", {"Point", "abc"})), col("d", ty("integer", {"3"})),
                       col("e", ty("citext")), col("f", ty("varchar", {"x"}))})});
  CHECK(geo.messages() == Messages{
                              "E0208 invalid geometry subtype \"Pointy\"",
                              "E0209 invalid SRID \"-1\": expected an integer from 0 to 999999",
                              "E0209 invalid SRID \"abc\": expected an integer from 0 to 999999",
                              "E0218 type \"integer\" takes no modifiers",
                              "E0207 unknown type \"citext\"",
                              "E0218 type modifier \"x\" is not an integer",
                          });
}

TEST_CASE("lower: schema block rules", "[dsl][lower]") {
  Result r = run({schema_block("a", {schema_block("b", {})}), schema_block("pg_x", {}),
                  schema_block("information_schema", {})});
  CHECK(r.messages() == Messages{
                            "E0210 schema \"b\" is nested in another schema block",
                            "E0215 schema name \"pg_x\" is reserved for the system",
                            "E0215 schema name \"information_schema\" is reserved for the system",
                        });
}

TEST_CASE("lower: foreign keys resolve targets and default to the primary key", "[dsl][lower]") {
  ast::ReferencesMod ref{std::nullopt, ast::FkTarget{qid("users"), {}, {}}, span()};
  ref.target->options.on_delete = ir::FkAction::Cascade;
  ast::ReferencesMod missing{std::nullopt, ast::FkTarget{qid("nope"), {}, {}}, span()};
  ast::ForeignKeyDef mismatch{std::nullopt, ids({"owner", "id"}), qid("users"), ids({"id"}), {},
                              span()};
  ast::ForeignKeyDef bad_col{std::nullopt, ids({"owner"}), qid("users"), ids({"nope"}), {}, span()};
  Result r = run({
      table("maps", {col("id", ty("int"), {pk()}), col("owner", ty("int"), {ref}),
                     col("x", ty("int"), {missing}), mismatch, bad_col}),
      table("users", {col("id", ty("int"), {pk()})}),
  });
  CHECK(r.messages() == Messages{
                            "E0205 referenced table \"nope\" does not exist",
                            "E0216 foreign key has 2 column(s) but references 1",
                            "E0206 column \"nope\" does not exist in table \"public.users\"",
                        });
  const ir::Table* maps = ir::find_table(r.catalog, {"public", "maps"});
  REQUIRE(maps);
  REQUIRE(maps->foreign_keys.size() == 4);
  const ir::ForeignKey& fk = maps->foreign_keys[0];
  CHECK(fk.name == "maps_owner_fkey");
  CHECK(fk.ref_table == ir::QualifiedName{"public", "users"});
  CHECK(fk.ref_columns == std::vector<std::string>{"id"});
  CHECK(fk.on_delete == ir::FkAction::Cascade);
  CHECK(maps->foreign_keys[2].name == "maps_owner_id_fkey");
}

TEST_CASE("lower: implicit names match PostgreSQL's", "[dsl][lower]") {
  // Expected names checked against PostgreSQL 15 for the same CREATE TABLE.
  auto check = [](std::string expr) {
    return ast::CheckDef{std::nullopt, {std::move(expr), span()}, span()};
  };
  auto index = [](std::vector<std::pair<std::string, std::string>> elems, bool unique = false) {
    ast::IndexDef def;
    def.unique = unique;
    for (auto& [column, expr] : elems) {
      ast::IndexElem e;
      if (!column.empty()) e.column = id(column);
      if (!expr.empty()) e.expr = ast::Expr{expr, span()};
      e.span = span();
      def.elements.push_back(std::move(e));
    }
    def.span = span();
    return def;
  };
  Result r = run(
      {table("c1", {col("a", ty("int")), col("b", ty("int")),
                    col("x", ty("int"), {ast::CheckMod{std::nullopt, {"x > -1", span()}, span()}}),
                    check("a > b"), check("a > 0"), check("1 > 0"), check("b > 0 and a < 10"),
                    ast::UniqueDef{std::nullopt, ids({"a", "b"}), span()},
                    col("c", ty("int"), {ast::UniqueMod{std::nullopt, span()}}),
                    ast::PrimaryKeyDef{std::nullopt, ids({"a"}), span()}, index({{"a", ""}}),
                    index({{"a", ""}, {"b", ""}}), index({{"", "a + b"}}),
                    index({{"a", ""}, {"", "(a + b)"}}), index({{"", "lower(a::text)"}}),
                    index({{"a", ""}}, true)})});
  const ir::Table* t = ir::find_table(r.catalog, {"public", "c1"});
  REQUIRE(t);
  std::vector<std::string> names;
  for (const auto& c : t->checks) names.push_back(c.name);
  CHECK(names ==
        std::vector<std::string>{"c1_x_check", "c1_check", "c1_a_check", "c1_check1", "c1_check2"});
  names.clear();
  for (const auto& u : t->uniques) names.push_back(u.name);
  CHECK(names == std::vector<std::string>{"c1_a_b_key", "c1_c_key"});
  CHECK(t->primary_key->name == "c1_pkey");
  names.clear();
  for (const auto& i : t->indexes) names.push_back(i.name);
  CHECK(names == std::vector<std::string>{"c1_a_idx", "c1_a_b_idx", "c1_expr_idx", "c1_a_expr_idx",
                                          "c1_lower_idx", "c1_a_idx1"});
}

TEST_CASE("lower: explicit names clash within a schema", "[dsl][lower]") {
  ast::IndexDef idx;
  idx.name = id("t_pkey");
  idx.elements.push_back({id("a"), std::nullopt, std::nullopt, false, std::nullopt, span()});
  idx.span = span();
  ast::IndexDef named_like_table = idx;
  named_like_table.name = id("u");
  Result r = run({table("t", {col("a", ty("int"), {pk()}), idx}),
                  table("u", {col("a", ty("int")), named_like_table})});
  std::size_t clashes = 0;
  for (const base::Diagnostic& d : r.diags.all()) {
    if (d.kind == base::DiagKind::DuplicateName) ++clashes;
  }
  CHECK(clashes == 1);  // "u"; the implicit t_pkey moves aside instead
  const ir::Table* t = ir::find_table(r.catalog, {"public", "t"});
  REQUIRE(t);
  CHECK(t->primary_key->name == "t_pkey1");
}

TEST_CASE("lower: identity, comment, rename, collate, serial and generated columns",
          "[dsl][lower]") {
  Result r = run({table(
      "t", {col("a", ty("int"),
                {ast::IdentityMod{true, span()}, ast::CommentMod{{"hi", span()}, span()},
                 ast::RenamedFromMod{id("old"), span()},
                 ast::CollateMod{ast::QualifiedIdent{std::nullopt, {"C", true, span()}, span()},
                                 span()}}),
            col("b", ty("serial")),
            col("c", ty("int"), {ast::GeneratedMod{{"a * 2", span()}, span()}})})});
  CHECK(r.messages().empty());
  const ir::Table* t = ir::find_table(r.catalog, {"public", "t"});
  REQUIRE(t);
  CHECK(t->columns[0].identity == ir::IdentityKind::Always);
  CHECK(t->columns[0].not_null);
  CHECK(t->columns[0].provenance.renamed_from == "old");
  CHECK(t->columns[0].collation.value_or("") == "C");
  CHECK(t->columns[0].comment == "hi");
  CHECK(t->columns[1].type.name == "integer");
  CHECK(t->columns[1].serial);
  CHECK(t->columns[1].not_null);
  CHECK_FALSE(t->columns[1].default_expr);
  CHECK(t->columns[2].generated_expr == "a * 2");
}

TEST_CASE("lower: serial columns own their default", "[dsl][lower]") {
  Result r = run({table("t", {col("a", ty("bigserial"), {default_("1")}),
                              col("b", ty("smallserial")), col("c", ty("serial8"))})});
  CHECK(r.messages() ==
        Messages{"E0219 serial column \"a\" has its own default: it cannot also have a default, "
                 "an identity or a generation expression"});
  const ir::Table* t = ir::find_table(r.catalog, {"public", "t"});
  REQUIRE(t);
  CHECK(t->columns[1].type.name == "smallint");
  CHECK(t->columns[1].serial);
  CHECK(t->columns[2].type.name == "bigint");
}

TEST_CASE("lower: conflicting column modifiers", "[dsl][lower]") {
  Result r = run({table("t", {col("a", ty("int"), {not_null(), ast::NullMod{span()}}),
                              col("b", ty("int"), {default_("1"), default_("2")}),
                              col("c", ty("text"), {ast::IdentityMod{true, span()}})})});
  CHECK(r.messages() == Messages{
                            "E0219 conflicting null and not null for column \"a\" of table "
                            "\"public.t\"",
                            "E0219 modifier repeated for column \"b\" of table \"public.t\"",
                            "E0221 identity column \"c\" must be smallint, integer or bigint",
                        });
}
