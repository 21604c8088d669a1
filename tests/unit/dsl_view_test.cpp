// Views in the DSL: grammar, parse tree to AST, lowering and its diagnostics.
#include <catch2/catch.hpp>
#include <tao/pegtl.hpp>

#include "base/render.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"
#include "grammar/error_messages.hpp"
#include "ir/normalize.hpp"
#include "ir/print.hpp"

using namespace schemac;
namespace ast = schemac::dsl::ast;

namespace {

struct Result {
  std::optional<ast::File> file;
  std::string dump;
  std::string errors;
};

Result run(const std::string& text) {
  base::SourceManager sources;
  base::Diagnostics diags;
  Result result;
  base::FileId id = sources.add("app.schema", text);
  result.file = dsl::parse(sources, id, diags);
  if (result.file) {
    std::vector<ast::File> files{*result.file};
    ir::Catalog catalog = dsl::lower(files, dsl::LowerOptions{}, diags);
    ir::normalize(catalog);
    result.dump = ir::to_debug_string(catalog);
  }
  result.errors = base::render_text(sources, diags);
  return result;
}

template <typename Rule>
bool matches_whole(const std::string& text) {
  tao::pegtl::memory_input in(text, "test");
  try {
    return tao::pegtl::parse<tao::pegtl::seq<Rule, tao::pegtl::eof>, tao::pegtl::nothing,
                             grammar::control>(in);
  } catch (const tao::pegtl::parse_error&) {
    return false;
  }
}

const char* kTables =
    "table users {\n  id integer primary key\n  email text\n}\n"
    "table maps {\n  id integer primary key\n  owner_id integer\n  view text\n}\n";

}  // namespace

TEST_CASE("grammar: view declarations", "[dsl][view]") {
  CHECK(matches_whole<grammar::view_decl>("view v as (select 1)"));
  CHECK(matches_whole<grammar::view_decl>("materialized view v as (select 1)"));
  CHECK(matches_whole<grammar::view_decl>("view v renamed from w as (select 1)"));
  CHECK(matches_whole<grammar::view_decl>("view v\n  as (\n  select ')' from t -- c\n)"));
  CHECK(matches_whole<grammar::view_decl>("view \"V x\" as (select (1))  // trailing"));
  CHECK_FALSE(matches_whole<grammar::view_decl>("view v (select 1)"));
  CHECK_FALSE(matches_whole<grammar::view_decl>("view v as (select 1) extra"));
  CHECK_FALSE(matches_whole<grammar::view_decl>("materialized v as (select 1)"));
}

TEST_CASE("parse: views become ViewDecl with their query text and doc", "[dsl][view]") {
  Result r = run(std::string(kTables) +
                 "/// Maps and owners.\n"
                 "view map_owners as (\n  select m.id, u.email\n  from maps m join users u "
                 "on u.id = m.owner_id\n)\n"
                 "schema stats {\n  materialized view counts renamed from c as (select "
                 "count(*) from maps)\n}\n");
  REQUIRE(r.errors.empty());
  const auto& view = std::get<ast::ViewDecl>(r.file->decls.at(2).node);
  CHECK(view.name.text == "map_owners");
  CHECK_FALSE(view.materialized);
  CHECK(view.query.text == "select m.id, u.email\n  from maps m join users u on u.id = m.owner_id");
  REQUIRE(view.doc);
  CHECK(view.doc->text == "Maps and owners.");
  const auto& stats = std::get<ast::SchemaDecl>(r.file->decls.at(3).node);
  const auto& counts = std::get<ast::ViewDecl>(stats.decls.at(0).node);
  CHECK(counts.materialized);
  REQUIRE(counts.renamed_from);
  CHECK(counts.renamed_from->text == "c");
  CHECK(r.dump.find("  view public.map_owners as (select m.id, u.email from maps m join users "
                    "u on u.id = m.owner_id) comment='Maps and owners.'") != std::string::npos);
  CHECK(r.dump.find("  materialized view stats.counts as (select count(*) from maps) "
                    "renamed_from='c'") != std::string::npos);
}

TEST_CASE("parse: a column may be called view; errors name the view syntax", "[dsl][view]") {
  CHECK(run(kTables).errors.empty());
  CHECK(run("view v select 1\n").errors ==
        "app.schema:1:8: error: expected 'as' and the view's query in parentheses, like view v "
        "as (select ...) [E0101]\n"
        "view v select 1\n"
        "       ^~~~~~\n");
  CHECK(run("materialized v as (select 1)\n").errors ==
        "app.schema:1:14: error: expected 'view' after 'materialized' [E0101]\n"
        "materialized v as (select 1)\n"
        "             ^\n");
  CHECK(run("view v as select 1\n").errors ==
        "app.schema:1:11: error: expected the view's query in parentheses, like as (select ...) "
        "[E0101]\n"
        "view v as select 1\n"
        "          ^~~~~~\n");
}

TEST_CASE("lower: view names clash with tables, enums and each other", "[dsl][view]") {
  Result r =
      run("table maps {\n  id integer primary key\n}\n"
          "enum kind { 'a' }\n"
          "view maps as (select 1)\n"
          "view kind as (select 1)\n"
          "view v as (select 1)\n"
          "materialized view v as (select 2)\n"
          "view w as (select 1; select 2)\n"
          "view e as (  )\n");
  CHECK(r.errors.find("app.schema:5:6: error: view \"public.maps\" has the same name as a table "
                      "(tables and views share one namespace) [E0223]") != std::string::npos);
  CHECK(r.errors.find("app.schema:6:6: error: view \"public.kind\" has the same name as an enum (a "
                      "view is also a type) [E0222]") != std::string::npos);
  CHECK(r.errors.find("app.schema:8:19: error: duplicate materialized view \"public.v\" [E0223]") !=
        std::string::npos);
  CHECK(r.errors.find("app.schema:9:12: error: the query of view \"public.w\" holds more than one "
                      "statement; a view is one query [E0224]") != std::string::npos);
  CHECK(r.errors.find("app.schema:10:6: error: the query of view \"public.e\" is empty [E0224]") !=
        std::string::npos);
}

TEST_CASE("lower: an index may not take a view's name", "[dsl][view]") {
  Result r =
      run("table maps {\n  id integer primary key\n  index v (id)\n}\n"
          "view v as (select id from maps)\n");
  CHECK(r.errors.find("app.schema:5:6: error: view name \"v\" is taken by an index or "
                      "constraint in schema \"public\" [E0214]") != std::string::npos);
  // Nor the name PostgreSQL gives an index (tables and their keys come first).
  Result implicit =
      run("table maps {\n  id integer primary key\n}\n"
          "view maps_pkey as (select id from maps)\n");
  CHECK(implicit.errors.find("app.schema:4:6: error: view name \"maps_pkey\" is taken by an "
                             "index or constraint in schema \"public\" [E0214]") !=
        std::string::npos);
  CHECK(implicit.dump.find("primary key maps_pkey (id)") != std::string::npos);
}
