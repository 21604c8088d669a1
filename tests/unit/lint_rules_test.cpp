// Each lint rule: a case where it fires and cases where it must not, plus
// levels, suppressions and the rule table.
#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "lint/lint.hpp"
#include "plan/plan.hpp"

namespace schemac {
namespace {

using namespace testing;
using base::DiagKind;

std::vector<std::string> codes(const base::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diags.all()) out.emplace_back(base::code(d.kind));
  return out;
}

std::vector<std::string> lint_table(const ir::Table& t, const lint::Context& context = {}) {
  ir::Catalog catalog;
  add_table(catalog, "public", t);
  base::Diagnostics diags;
  lint::check_schema(catalog, context, diags);
  return codes(diags);
}

using Codes = std::vector<std::string>;

ir::Column id() {
  return column("id", type("bigint"), true);
}

ir::Index index(std::string name, std::vector<std::string> columns, std::string method = "btree") {
  ir::Index idx;
  idx.name = std::move(name);
  idx.method = std::move(method);
  for (std::string& c : columns) {
    ir::IndexElement e;
    e.column = std::move(c);
    idx.elements.push_back(std::move(e));
  }
  return idx;
}

TEST_CASE("lint: L001 table without primary key", "[lint]") {
  CHECK(lint_table(table("t", {id()})) == Codes{"L001"});
  CHECK(lint_table(table("t", {id()}, {"id"})).empty());
}

TEST_CASE("lint: L002 foreign key without a supporting index", "[lint]") {
  ir::Table t =
      table("t", {id(), column("a", type("bigint")), column("b", type("bigint"))}, {"id"});
  t.foreign_keys.push_back(foreign_key("t_a_b_fkey", {"a", "b"}, {"public", "p"}, {"x", "y"}));
  CHECK(lint_table(t) == Codes{"L002"});

  SECTION("an index whose leading columns are the key's, in any order") {
    t.indexes.push_back(index("t_b_a_c_idx", {"b", "a", "id"}));
    CHECK(lint_table(t).empty());
  }
  SECTION("an index on only some of the columns, or not leading, does not count") {
    t.indexes.push_back(index("t_a_idx", {"a"}));
    t.indexes.push_back(index("t_id_a_b_idx", {"id", "a", "b"}));
    CHECK(lint_table(t) == Codes{"L002"});
  }
  SECTION("a partial index does not count") {
    ir::Index partial = index("t_a_b_idx", {"a", "b"});
    partial.where = "a > 0";
    t.indexes.push_back(partial);
    CHECK(lint_table(t) == Codes{"L002"});
  }
  SECTION("a gin index does not count") {
    t.indexes.push_back(index("t_a_b_idx", {"a", "b"}, "gin"));
    CHECK(lint_table(t) == Codes{"L002"});
  }
  SECTION("a unique constraint or the primary key counts") {
    t.uniques.push_back({"t_a_b_key", {"a", "b"}, false, {}, {}});
    CHECK(lint_table(t).empty());
  }
  SECTION("the primary key counts") {
    t.primary_key->columns = {"a", "b"};
    CHECK(lint_table(t).empty());
  }
}

TEST_CASE("lint: L003 spatial column without a spatial index", "[lint]") {
  ir::Table t = table("t", {id(), column("geom", geo_type("geometry", "Point", 4326))}, {"id"});
  CHECK(lint_table(t) == Codes{"L003"});
  SECTION("gist, spgist or brin, at any position") {
    for (const char* method : {"gist", "spgist", "brin"}) {
      ir::Table indexed = t;
      indexed.indexes.push_back(index("t_geom_idx", {"id", "geom"}, method));
      CHECK(lint_table(indexed).empty());
    }
  }
  SECTION("a btree index does not count") {
    t.indexes.push_back(index("t_geom_idx", {"geom"}));
    CHECK(lint_table(t) == Codes{"L003"});
  }
  SECTION("geography too") {
    ir::Table g = table("g", {id(), column("place", geo_type("geography", "Point", 4326))}, {"id"});
    CHECK(lint_table(g) == Codes{"L003"});
  }
}

TEST_CASE("lint: L004 geometry without SRID", "[lint]") {
  ir::Table t = table("t", {id(), column("geom", geo_type("geometry", "Point", 0))}, {"id"});
  t.indexes.push_back(index("t_geom_idx", {"geom"}, "gist"));
  CHECK(lint_table(t) == Codes{"L004"});
  t.columns[1].type.geo->srid = 3857;
  CHECK(lint_table(t).empty());
  SECTION("a geography column always has one (4326 by default)") {
    ir::Table g = table("g", {id(), column("p", geo_type("geography", "Point", 0))}, {"id"});
    g.indexes.push_back(index("g_p_idx", {"p"}, "gist"));
    CHECK(lint_table(g).empty());
  }
}

TEST_CASE("lint: L005 varchar(n)", "[lint]") {
  CHECK(lint_table(table("t", {id(), column("name", type("character varying", {"80"}))}, {"id"})) ==
        Codes{"L005"});
  CHECK(lint_table(table("t", {id(), column("name", type("character varying"))}, {"id"})).empty());
  CHECK(lint_table(table("t", {id(), column("name", type("text"))}, {"id"})).empty());
}

TEST_CASE("lint: levels from the configuration", "[lint]") {
  ir::Table t = table("t", {id()});
  lint::Context context;
  context.levels[DiagKind::LintTableWithoutPrimaryKey] = lint::Level::Off;
  CHECK(lint_table(t, context).empty());

  context.levels[DiagKind::LintTableWithoutPrimaryKey] = lint::Level::Error;
  ir::Catalog catalog;
  add_table(catalog, "public", t);
  base::Diagnostics diags;
  lint::check_schema(catalog, context, diags);
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].severity == base::Severity::Error);
  CHECK(diags.error_count() == 1);
}

TEST_CASE("lint: findings point at the construct and name it", "[lint]") {
  ir::Table t = table("Order Lines", {id(), column("x\"; drop", type("character varying", {"5"}))});
  t.provenance.span = base::SourceSpan{0, 0, 40};
  t.provenance.name_span = base::SourceSpan{0, 6, 19};
  t.columns[1].provenance.type_span = base::SourceSpan{0, 50, 60};
  ir::Catalog catalog;
  add_table(catalog, "public", t);
  base::Diagnostics diags;
  lint::check_schema(catalog, {}, diags);
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].span == base::SourceSpan{0, 6, 19});
  CHECK(diags.all()[0].message.find("public.\"Order Lines\"") != std::string::npos);
  CHECK(diags.all()[1].span == base::SourceSpan{0, 50, 60});
  CHECK(diags.all()[1].message.find("\"x\"\"; drop\"") != std::string::npos);
}

TEST_CASE("lint: `lint: allow` comments", "[lint]") {
  std::vector<std::string> unknown;
  auto rules = lint::parse_suppression("// lint: allow L001, varchar-length because", unknown);
  REQUIRE(rules);
  CHECK(*rules ==
        std::vector<DiagKind>{DiagKind::LintTableWithoutPrimaryKey, DiagKind::LintVarcharLength});
  CHECK(unknown.empty());
  CHECK(lint::parse_suppression("-- lint: allow L999", unknown));
  CHECK(unknown == std::vector<std::string>{"L999"});
  CHECK_FALSE(lint::parse_suppression("// an ordinary comment", unknown));
  CHECK_FALSE(lint::parse_suppression("/// lint: allow L001", unknown));
  CHECK_FALSE(lint::parse_suppression("// lint: allow", unknown));

  base::SourceManager sources;
  base::FileId file = sources.add("a.schema", "// lint: allow L001 log table\ntable t {\n}\n");
  ir::Table t = table("t", {id()});
  t.provenance.name_span = base::SourceSpan{file, 36, 37};  // line 2
  lint::Context context;
  context.sources = &sources;
  context.suppressions.push_back({file, 1, {DiagKind::LintTableWithoutPrimaryKey}});
  CHECK(lint_table(t, context).empty());
  context.suppressions[0].rules = {DiagKind::LintVarcharLength};
  CHECK(lint_table(t, context) == Codes{"L001"});
}

TEST_CASE("lint: L006 volatile default on a column added to an existing table", "[lint]") {
  auto lint_added = [](ir::Column added) {
    ir::Catalog current, desired;
    ir::Table before = table("t", {id()}, {"id"});
    ir::Table after = before;
    after.columns.push_back(std::move(added));
    add_table(current, "public", before);
    add_table(desired, "public", after);
    base::Diagnostics diags;
    plan::Plan p = plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
    lint::check_plan(p, {}, diags);
    return codes(diags);
  };
  CHECK(lint_added(column("token", type("uuid"), false, "gen_random_uuid()")) == Codes{"L006"});
  CHECK(lint_added(column("r", type("double precision"), false, "random()")) == Codes{"L006"});
  // A stable or constant default is stored once, without a rewrite.
  CHECK(lint_added(column("at", type("timestamptz"), false, "now()")).empty());
  CHECK(lint_added(column("n", type("integer"), false, "0")).empty());
  // A NOT NULL column needs its default for the rows already there.
  CHECK(lint_added(column("token", type("uuid"), true, "gen_random_uuid()")).empty());

  SECTION("a column of a new table is not added to existing rows") {
    ir::Catalog current, desired;
    add_table(
        desired, "public",
        table("t", {id(), column("token", type("uuid"), false, "gen_random_uuid()")}, {"id"}));
    base::Diagnostics diags;
    plan::Plan p = plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
    lint::check_plan(p, {}, diags);
    CHECK(codes(diags).empty());
  }
}

TEST_CASE("lint: the rule table", "[lint]") {
  REQUIRE(lint::rules().size() == 6);
  CHECK(lint::find_rule("L003")->name == "spatial-column-without-index");
  CHECK(lint::find_rule("varchar-length")->kind == DiagKind::LintVarcharLength);
  CHECK(lint::find_rule("L999") == nullptr);
  CHECK(lint::parse_level("error") == lint::Level::Error);
  CHECK(lint::parse_level("warning") == lint::Level::Warning);
  CHECK(lint::parse_level("off") == lint::Level::Off);
  CHECK_FALSE(lint::parse_level("fatal"));
}

}  // namespace
}  // namespace schemac
