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

}  // namespace
}  // namespace schemac
