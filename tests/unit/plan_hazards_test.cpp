#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "plan/describe.hpp"
#include "plan/plan.hpp"

namespace schemac {
namespace {

using namespace testing;
using plan::Hazard;
using H = std::vector<Hazard>;

// Plans public.t from `from` to `to` and returns the hazards of each step.
std::vector<H> hazards(std::optional<ir::Table> from, std::optional<ir::Table> to,
                       ir::Catalog base = {}) {
  base::Diagnostics diags;
  ir::Catalog current = base, desired = base;
  if (from) add_table(current, "public", *from);
  if (to) add_table(desired, "public", *to);
  plan::Plan p = plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
  std::vector<H> out;
  for (const plan::Step& step : p.steps) out.push_back(step.hazards);
  return out;
}

ir::Column id() {
  return column("id", type("integer"), true);
}

TEST_CASE("plan: hazard names", "[plan]") {
  CHECK(plan::hazard_name(Hazard::DeletesData) == "deletes-data");
  CHECK(plan::hazard_name(Hazard::RewritesTable) == "rewrites-table");
  CHECK(plan::hazard_name(Hazard::BlocksWrites) == "blocks-writes");
  CHECK(plan::hazard_name(Hazard::BlocksReads) == "blocks-reads");
  CHECK(plan::hazard_name(Hazard::MayFail) == "may-fail");
  CHECK(plan::hazard_name(Hazard::ExtensionUpgrade) == "extension-upgrade");
}

TEST_CASE("plan: column hazards", "[plan]") {
  struct Case {
    const char* name;
    ir::Column from;
    std::optional<ir::Column> to;
    H want;
  };
  ir::Column text = column("c", type("text"));
  std::vector<Case> cases = {
      {"drop column", text, std::nullopt, {Hazard::DeletesData}},
      {"set not null",
       text,
       column("c", type("text"), true),
       {Hazard::BlocksWrites, Hazard::BlocksReads, Hazard::MayFail}},
      {"drop not null", column("c", type("text"), true), text, {}},
      {"set default", text, column("c", type("text"), false, "'x'::text"), {}},
      {"type change",
       text,
       column("c", type("integer")),
       {Hazard::RewritesTable, Hazard::BlocksWrites, Hazard::BlocksReads, Hazard::MayFail}},
      // Every integer fits a wider integer, and anything becomes text: no may-fail.
      {"integer widening",
       column("c", type("integer")),
       column("c", type("bigint")),
       {Hazard::RewritesTable, Hazard::BlocksWrites, Hazard::BlocksReads}},
      {"to text",
       column("c", type("integer")),
       column("c", type("text")),
       {Hazard::RewritesTable, Hazard::BlocksWrites, Hazard::BlocksReads}},
      {"varchar widening",
       column("c", type("character varying", {"20"})),
       column("c", type("character varying", {"80"})),
       {}},
      {"varchar narrowing",
       column("c", type("character varying", {"80"})),
       column("c", type("character varying", {"20"})),
       {Hazard::RewritesTable, Hazard::BlocksWrites, Hazard::BlocksReads, Hazard::MayFail}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    ir::Table from = table("t", {id(), c.from});
    ir::Table to = table("t", {id()});
    if (c.to) to.columns.push_back(*c.to);
    auto got = hazards(from, to);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == c.want);
  }
}

TEST_CASE("plan: adding columns", "[plan]") {
  struct Case {
    const char* name;
    ir::Column added;
    H want;
  };
  std::vector<Case> cases = {
      {"nullable", column("c", type("text")), {}},
      {"not null with default", column("c", type("integer"), true, "0"), {}},
      {"not null without default", column("c", type("integer"), true), {Hazard::MayFail}},
      {"stable default", column("c", type("timestamp with time zone"), false, "now()"), {}},
      {"volatile default",
       column("c", type("uuid"), false, "gen_random_uuid()"),
       {Hazard::RewritesTable, Hazard::BlocksWrites, Hazard::BlocksReads}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto got = hazards(table("t", {id()}), table("t", {id(), c.added}));
    REQUIRE(got.size() == 1);
    CHECK(got[0] == c.want);
  }
}

TEST_CASE("plan: tables, indexes, extensions", "[plan]") {
  ir::Table t = table("t", {id()});
  CHECK(hazards(t, std::nullopt) == std::vector<H>{{Hazard::DeletesData}});
  CHECK(hazards(std::nullopt, t) == std::vector<H>{{}});

  ir::Table indexed = t;
  indexed.indexes.push_back(
      {"t_id_idx", "btree", true, {{"id", {}, {}, false, {}}}, {}, {}, {}, {}});
  // On an existing table the build blocks writes and a unique one may fail.
  CHECK(hazards(t, indexed) == std::vector<H>{{Hazard::BlocksWrites, Hazard::MayFail}});
  // On a table created in the same plan there is nothing to block.
  CHECK(hazards(std::nullopt, indexed) == std::vector<H>{{}, {}});

  ir::Catalog old_ext, new_ext;
  add_extension(old_ext, "pgcrypto", "1.2");
  add_extension(new_ext, "pgcrypto", "1.3");
  base::Diagnostics diags;
  plan::Plan up = plan::plan(diff::diff(old_ext, new_ext, {}, diags), old_ext, new_ext, diags);
  REQUIRE(up.steps.size() == 1);
  CHECK(up.steps[0].hazards == H{Hazard::ExtensionUpgrade});
  plan::Plan down = plan::plan(diff::diff(old_ext, {}, {}, diags), old_ext, {}, diags);
  CHECK(down.steps[0].hazards == H{Hazard::DeletesData, Hazard::MayFail});
}

TEST_CASE("plan: describe splits an alter into one line per column", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_table(current, "public",
            table("users", {id(), column("email", type("text")), column("legacy", type("text"))}));
  add_table(desired, "public", table("users", {id(), column("email", type("text"), true)}));
  plan::Plan p = plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].summary == "alter table public.users");
  CHECK(p.steps[0].hazards ==
        H{Hazard::DeletesData, Hazard::BlocksWrites, Hazard::BlocksReads, Hazard::MayFail});
  auto lines = plan::describe(p.steps[0]);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].verb == plan::Verb::Drop);
  CHECK(lines[0].text == "drop column public.users.legacy");
  CHECK(lines[0].hazards == H{Hazard::DeletesData});
  CHECK(lines[1].verb == plan::Verb::Alter);
  CHECK(lines[1].text == "alter column public.users.email: set not null");
}

}  // namespace
}  // namespace schemac

namespace schemac {
namespace {

TEST_CASE("plan: a one-action alter is summarized by its action", "[plan]") {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_table(current, "public",
            table("users", {column("id", type("integer")), column("legacy", type("text"))}));
  add_table(desired, "public", table("users", {column("id", type("integer"))}));
  plan::Plan p = plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].summary == "drop column public.users.legacy");
}

}  // namespace
}  // namespace schemac
