#include <catch2/catch.hpp>

#include "ir/normalize.hpp"
#include "plan/plan.hpp"
#include "view_test_util.hpp"

namespace schemac {
namespace {

using namespace testing;

std::vector<std::string> summaries(ir::Catalog current, ir::Catalog desired) {
  base::Diagnostics diags;
  ir::normalize(current);
  ir::normalize(desired);
  diff::ChangeSet changes = diff::diff(current, desired, {}, diags);
  plan::Plan p = plan::plan(changes, current, desired, diags);
  std::vector<std::string> out;
  for (const plan::Step& step : p.steps) {
    std::string line = step.summary;
    for (plan::Hazard h : step.hazards) line += " [" + std::string(plan::hazard_name(h)) + "]";
    out.push_back(line);
  }
  return out;
}

ir::Table maps(std::string name_type) {
  return table("maps", {column("id", type("integer"), true), column("name", type(name_type))},
               {"id"});
}

TEST_CASE("plan views: created after their tables and the views they read", "[plan][view]") {
  ir::Catalog desired;
  add_table(desired, "public", maps("text"));
  // Guessed facts (normalize) find the relations by name, whatever the names' order.
  add_view(desired, "public", "a_on_b", "select id from b_names");
  add_view(desired, "public", "b_names", "select id, name from maps");
  std::vector<std::string> want = {"create table public.maps", "create view public.b_names",
                                   "create view public.a_on_b"};
  CHECK(summaries({}, desired) == want);
}

TEST_CASE("plan views: dropped before the column change they read, created after", "[plan][view]") {
  ir::Catalog current, desired;
  add_table(current, "public", maps("character varying"));
  add_table(desired, "public", maps("text"));
  for (ir::Catalog* c : {&current, &desired}) {
    add_view(*c, "public", "names", "select name from maps");
    add_view(*c, "public", "names_on_names", "select name from names");
    add_view(*c, "public", "ids", "select id from maps").materialized = true;
  }
  std::vector<std::string> want = {"drop view public.names_on_names", "drop view public.names",
                                   "alter column public.maps.name: type text",
                                   "create view public.names", "create view public.names_on_names"};
  CHECK(summaries(current, desired) == want);
}

TEST_CASE("plan views: a materialized view computed again is a hazard", "[plan][view]") {
  ir::Catalog current, desired;
  add_table(current, "public", maps("text"));
  add_table(desired, "public", maps("text"));
  add_view(current, "public", "m", "select count(*) from maps").materialized = true;
  add_view(desired, "public", "m", "select count(*) + 1 from maps").materialized = true;
  std::vector<std::string> want = {
      "drop materialized view public.m [blocks-reads]",
      "create materialized view public.m [rewrites-table] [blocks-reads]"};
  CHECK(summaries(current, desired) == want);
}

}  // namespace
}  // namespace schemac
