#include <catch2/catch.hpp>

#include "plan/plan.hpp"
#include "seqdom_test_util.hpp"

namespace schemac {
namespace {

using namespace testing;

std::vector<std::string> summaries(const ir::Catalog& current, const ir::Catalog& desired) {
  base::Diagnostics diags;
  diff::ChangeSet changes = diff::diff(current, desired, {}, diags);
  plan::Plan p = plan::plan(changes, current, desired, diags);
  std::vector<std::string> out;
  for (const plan::Step& step : p.steps) {
    std::string hazards;
    for (plan::Hazard h : step.hazards) hazards += " [" + std::string(plan::hazard_name(h)) + "]";
    out.push_back(step.summary + hazards);
  }
  return out;
}

TEST_CASE("plan: domains and sequences before the tables that use them, owners after",
          "[plan][seqdom]") {
  ir::Catalog desired;
  add_domain(desired, "a", domain("z_base", type("text")));
  add_domain(desired, "a", domain("a_derived", user_type("a", "z_base")));  // sorts first
  ir::Sequence s = sequence("ids");
  s.owned_by = ir::SequenceOwner{"t", "id"};
  add_sequence(desired, "a", s);
  add_table(desired, "a",
            table("t", {column("id", type("bigint"), false, "nextval('a.ids')"),
                        column("v", user_type("a", "a_derived"))}));
  std::vector<std::string> want = {
      "create schema a",        "create sequence a.ids",
      "create domain a.z_base", "create domain a.a_derived",
      "create table a.t",       "set owner of sequence a.ids to a.t.id"};
  CHECK(summaries({}, desired) == want);
}

TEST_CASE("plan: drops run after the tables that used them changed", "[plan][seqdom]") {
  ir::Catalog current, desired;
  add_domain(current, "public", domain("base", type("text")));
  add_domain(current, "public", domain("a_over", user_type("public", "base")));
  add_sequence(current, "public", sequence("ids"));
  add_table(current, "public",
            table("t", {column("id", type("bigint"), false, "nextval('ids')"),
                        column("v", user_type("public", "a_over"))}));
  add_table(desired, "public",
            table("t", {column("id", type("bigint")), column("v", type("text"))}));
  std::vector<std::string> got = summaries(current, desired);
  REQUIRE(got.size() == 4);
  CHECK(got[0].starts_with("alter table public.t"));
  CHECK(got[1] == "drop domain public.a_over [may-fail]");  // before the domain it is based on
  CHECK(got[2] == "drop domain public.base [may-fail]");
  CHECK(got[3] == "drop sequence public.ids [deletes-data]");
}

TEST_CASE("plan: hazards of domain and sequence changes", "[plan][seqdom]") {
  ir::Catalog current, desired;
  add_domain(current, "public", domain("d", type("integer")));
  ir::Domain strict = domain("d", type("integer"), {{"d_check", "value > 0"}});
  strict.not_null = true;
  add_domain(desired, "public", strict);
  add_sequence(current, "public", sequence("s"));
  add_sequence(desired, "public", sequence("s", "integer"));
  add_sequence(current, "public", sequence("w"));
  ir::Sequence wider = sequence("w");
  wider.cache = 20;
  add_sequence(desired, "public", wider);
  std::vector<std::string> want = {
      "alter domain public.d: set not null [blocks-writes] [may-fail]",
      "alter domain public.d: add check d_check [blocks-writes] [may-fail]",
      "alter sequence public.s [may-fail]",
      "alter sequence public.w",
  };
  CHECK(summaries(current, desired) == want);
}

}  // namespace
}  // namespace schemac
