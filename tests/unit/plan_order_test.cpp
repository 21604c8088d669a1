#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "plan/plan.hpp"

namespace schemac {
namespace {

using namespace testing;

std::vector<std::string> summaries(const ir::Catalog& current, const ir::Catalog& desired,
                                   base::Diagnostics& diags) {
  diff::ChangeSet changes = diff::diff(current, desired, {}, diags);
  plan::Plan p = plan::plan(changes, current, desired, diags);
  std::vector<std::string> out;
  for (const plan::Step& step : p.steps) out.push_back(step.summary);
  return out;
}

ir::Column id() {
  return column("id", type("integer"), true);
}

TEST_CASE("plan: creates follow dependencies", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog desired;
  add_extension(desired, "postgis");
  add_enum(desired, "app", "kind", {"a"});
  add_table(desired, "app",
            table("events",
                  {id(), column("k", user_type("app", "kind")),
                   column("g", geo_type("geometry", "Point", 4326))},
                  {"id"}));
  std::vector<std::string> want = {"create schema app", "create extension postgis",
                                   "create enum app.kind", "create table app.events"};
  CHECK(summaries({}, desired, diags) == want);
}

TEST_CASE("plan: an extension is dropped before the ones it requires", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog current;
  add_extension(current, "postgis");
  add_extension(current, "postgis_topology");
  current.extensions[1].required.names = {"postgis"};
  std::vector<std::string> want = {"drop extension postgis_topology", "drop extension postgis"};
  CHECK(summaries(current, {}, diags) == want);
}

// Regression (found by the ASan debug build, scripts/sanitize.sh): with no
// extension to drop, the offline drop order advanced past the end of an empty
// map (std::next(end())), which loops forever in a debug build.
TEST_CASE("plan: offline extension drops, zero, one or two of them", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog desired;
  add_table(desired, "public", table("t", {id()}, {"id"}));
  CHECK(summaries({}, desired, diags) == std::vector<std::string>{"create table public.t"});
  ir::Catalog current;
  add_extension(current, "postgis");
  CHECK(summaries(current, {}, diags) == std::vector<std::string>{"drop extension postgis"});
  add_extension(current, "postgis_topology");
  std::vector<std::string> want = {"drop extension postgis_topology", "drop extension postgis"};
  CHECK(summaries(current, {}, diags) == want);
}

TEST_CASE("plan: a referenced table is created first, whatever its name", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog desired;
  ir::Table a = table("a", {id(), column("z_id", type("integer"))}, {"id"});
  a.foreign_keys.push_back(foreign_key("a_z_fk", {"z_id"}, {"public", "z"}, {"id"}));
  add_table(desired, "public", a);
  add_table(desired, "public", table("z", {id()}, {"id"}));
  std::vector<std::string> want = {"create table public.z", "create table public.a"};
  CHECK(summaries({}, desired, diags) == want);
}

TEST_CASE("plan: mutual foreign keys are detached", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog desired;
  ir::Table a = table("a", {id(), column("b_id", type("integer"))}, {"id"});
  a.foreign_keys.push_back(foreign_key("a_b_fk", {"b_id"}, {"public", "b"}, {"id"}));
  ir::Table b = table("b", {id(), column("a_id", type("integer"))}, {"id"});
  b.foreign_keys.push_back(foreign_key("b_a_fk", {"a_id"}, {"public", "a"}, {"id"}));
  ir::Table self = table("tree", {id(), column("parent", type("integer"))}, {"id"});
  self.foreign_keys.push_back(
      foreign_key("tree_parent_fk", {"parent"}, {"public", "tree"}, {"id"}));
  add_table(desired, "public", a);
  add_table(desired, "public", b);
  add_table(desired, "public", self);
  diff::ChangeSet changes = diff::diff({}, desired, {}, diags);
  plan::Plan p = plan::plan(changes, {}, desired, diags);
  std::vector<std::string> got;
  for (const plan::Step& step : p.steps) got.push_back(step.summary);
  std::vector<std::string> want = {"create table public.a", "create table public.b",
                                   "create table public.tree", "add foreign key a_b_fk on public.a",
                                   "add foreign key b_a_fk on public.b"};
  CHECK(got == want);
  CHECK(std::get<diff::CreateTable>(p.steps[0].change).table.foreign_keys.empty());
  // A self reference stays inline: PostgreSQL accepts it in CREATE TABLE.
  CHECK(std::get<diff::CreateTable>(p.steps[2].change).table.foreign_keys.size() == 1);
  CHECK(p.steps[3].hazards.empty());  // the tables are new and empty
}

TEST_CASE("plan: drops run in reverse dependency order", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog current;
  add_extension(current, "hstore", "1.8");
  add_enum(current, "old", "kind", {"a"});
  ir::Table child =
      table("a_child", {id(), column("p", type("integer")), column("k", user_type("old", "kind"))});
  child.foreign_keys.push_back(foreign_key("child_p_fk", {"p"}, {"old", "z_parent"}, {"id"}));
  add_table(current, "old", child);
  add_table(current, "old", table("z_parent", {id()}, {"id"}));
  std::vector<std::string> want = {"drop table old.a_child", "drop table old.z_parent",
                                   "drop enum old.kind", "drop schema old",
                                   "drop extension hstore"};
  CHECK(summaries(current, {}, diags) == want);
}

TEST_CASE("plan: dropping tables that reference each other drops the keys first", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog current;
  ir::Table a = table("a", {id(), column("b_id", type("integer"))}, {"id"});
  a.foreign_keys.push_back(foreign_key("a_b_fk", {"b_id"}, {"public", "b"}, {"id"}));
  ir::Table b = table("b", {id(), column("a_id", type("integer"))}, {"id"});
  b.foreign_keys.push_back(foreign_key("b_a_fk", {"a_id"}, {"public", "a"}, {"id"}));
  add_table(current, "public", a);
  add_table(current, "public", b);
  std::vector<std::string> want = {"drop foreign key a_b_fk on public.a",
                                   "drop foreign key b_a_fk on public.b", "drop table public.a",
                                   "drop table public.b"};
  CHECK(summaries(current, {}, diags) == want);
}

TEST_CASE("plan: within a table, drops of dependants before the alter, adds after", "[plan]") {
  base::Diagnostics diags;
  ir::Table from = table("t", {id(), column("a", type("text"))}, {"id"});
  from.indexes.push_back({"t_a_idx", "btree", false, {{"a", {}, {}, false, {}}}, {}, {}, {}, {}});
  ir::Table to = table("t", {id(), column("b", type("text"))}, {"id"});
  to.indexes.push_back({"t_b_idx", "btree", false, {{"b", {}, {}, false, {}}}, {}, {}, {}, {}});
  ir::Catalog current, desired;
  add_table(current, "public", from);
  add_table(desired, "public", to);
  std::vector<std::string> want = {"drop index public.t_a_idx", "alter table public.t",
                                   "create index t_b_idx on public.t"};
  CHECK(summaries(current, desired, diags) == want);
}

TEST_CASE("plan: enum values are added in diff order, before tables", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_enum(current, "public", "status", {"draft", "published"});
  add_enum(desired, "public", "status", {"draft", "review", "published", "archived"});
  add_table(desired, "public", table("posts", {id()}, {"id"}));
  std::vector<std::string> want = {"add value 'review' to enum public.status",
                                   "add value 'archived' to enum public.status",
                                   "create table public.posts"};
  CHECK(summaries(current, desired, diags) == want);
  CHECK(diags.all().empty());
}

TEST_CASE("plan: using a new enum value in the same plan warns", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_enum(current, "public", "status", {"draft"});
  add_enum(desired, "public", "status", {"draft", "new"});
  add_table(current, "public", table("posts", {column("s", user_type("public", "status"))}));
  add_table(
      desired, "public",
      table("posts", {column("s", user_type("public", "status"), false, "'new'::public.status")}));
  summaries(current, desired, diags);
  REQUIRE(diags.warning_count() == 1);
  CHECK(diags.all()[0].kind == base::DiagKind::EnumValueUsedInSamePlan);
}

TEST_CASE("plan: empty change set, empty plan", "[plan]") {
  base::Diagnostics diags;
  plan::Plan p = plan::plan({}, {}, {}, diags);
  CHECK(p.empty());
}

}  // namespace
}  // namespace schemac
