#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "ir/normalize.hpp"

namespace schemac {
namespace {

using namespace testing;

// The text PostgreSQL prints for a check: its normalised form drops the cast,
// which PostgreSQL would then read as a bigint, not a numeric.
constexpr const char* kPrinted = "(((a)::numeric ^ (2)::numeric) < '1000000000000'::numeric)";

TEST_CASE("restore_written: changes run the expressions as written", "[diff]") {
  ir::Catalog written;
  ir::Table& t = add_table(written, "public", table("t", {column("a", type("integer"))}));
  t.columns[0].default_expr = "(NOT false)";
  t.checks.push_back({"t_a_check", kPrinted, false, std::nullopt, {}});
  ir::Index index;
  index.name = "t_expr_idx";
  index.elements.push_back({"", "(a * 2)", std::nullopt, false, std::nullopt});
  index.where = "(a IS NOT NULL)";
  t.indexes.push_back(index);

  ir::Catalog desired = written;
  ir::normalize(desired);
  REQUIRE(ir::find_table(desired, {"public", "t"})->checks[0].expr != kPrinted);

  base::Diagnostics diags;
  diff::ChangeSet changes = diff::diff({}, desired, {}, diags);
  diff::restore_written(changes, written);
  bool saw_table = false, saw_index = false;
  for (const diff::Change& change : changes.changes) {
    if (auto* c = std::get_if<diff::CreateTable>(&change)) {
      saw_table = true;
      CHECK(c->table.checks[0].expr == kPrinted);
      CHECK(c->table.columns[0].default_expr == "(NOT false)");
    }
    if (auto* c = std::get_if<diff::CreateIndex>(&change)) {
      saw_index = true;
      CHECK(c->index.elements[0].expr == "(a * 2)");
      CHECK(c->index.where == "(a IS NOT NULL)");
    }
  }
  CHECK(saw_table);
  CHECK(saw_index);
}

// make_plan keeps written_texts of the desired catalog, not a copy of it:
// restore_written must find in it every expression it finds in the whole one.
TEST_CASE("written_texts: restore_written reads the same texts as from the catalog", "[diff]") {
  ir::Catalog written;
  ir::Table& t = add_table(written, "public",
                           table("t", {column("a", type("integer")), column("b", type("text"))}));
  t.columns[0].default_expr = "(NOT false)";
  t.columns[1].generated_expr = "(upper(b))";
  t.checks.push_back({"t_a_check", kPrinted, false, std::nullopt, {}});
  ir::Index expr_index;
  expr_index.name = "t_expr_idx";
  expr_index.elements.push_back({"a", std::nullopt, std::nullopt, false, std::nullopt});
  expr_index.elements.push_back({"", "(a * 2)", std::nullopt, false, std::nullopt});
  t.indexes.push_back(expr_index);
  ir::Index plain_index;
  plain_index.name = "t_a_idx";
  plain_index.elements.push_back({"a", std::nullopt, std::nullopt, false, std::nullopt});
  t.indexes.push_back(plain_index);
  add_table(written, "public", table("u", {column("id", type("integer"))}));
  ir::Domain domain;
  domain.name = "positive";
  domain.type = type("integer");
  domain.default_expr = "(1)";
  domain.checks.push_back({"positive_check", "(VALUE > 0)", false, std::nullopt, {}});
  ir::find_schema(written, "public")->domains.push_back(domain);

  const ir::Catalog kept = diff::written_texts(written);
  const ir::Table* kept_t = ir::find_table(kept, {"public", "t"});
  REQUIRE(kept_t);
  CHECK(kept_t->columns.size() == 2);
  CHECK(kept_t->indexes.size() == 1);  // the plain index holds no expression
  REQUIRE(ir::find_table(kept, {"public", "u"}));
  CHECK(ir::find_table(kept, {"public", "u"})->columns.empty());

  ir::Catalog desired = written;
  ir::normalize(desired);
  base::Diagnostics diags;
  diff::ChangeSet from_catalog = diff::diff({}, desired, {}, diags);
  diff::ChangeSet from_texts = from_catalog;
  diff::restore_written(from_catalog, written);
  diff::restore_written(from_texts, kept);
  REQUIRE(from_texts.changes.size() == from_catalog.changes.size());
  int compared = 0;
  for (std::size_t i = 0; i < from_texts.changes.size(); ++i) {
    CHECK(from_texts.changes[i] == from_catalog.changes[i]);
    if (auto* c = std::get_if<diff::CreateTable>(&from_texts.changes[i]);
        c && c->name.name == "t") {
      CHECK(c->table.columns[0].default_expr == "(NOT false)");
      CHECK(c->table.columns[1].generated_expr == "(upper(b))");
      CHECK(c->table.checks[0].expr == kPrinted);
      ++compared;
    }
    if (auto* c = std::get_if<diff::CreateIndex>(&from_texts.changes[i]);
        c && c->index.name == "t_expr_idx") {
      CHECK(c->index.elements[1].expr == "(a * 2)");
      ++compared;
    }
    if (auto* c = std::get_if<diff::CreateDomain>(&from_texts.changes[i])) {
      CHECK(c->domain.default_expr == "(1)");
      CHECK(c->domain.checks[0].expr == "(VALUE > 0)");
      ++compared;
    }
  }
  CHECK(compared == 3);
}

}  // namespace
}  // namespace schemac
