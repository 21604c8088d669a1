// The online pass (plan/online) and how emit spells and groups its steps.
#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "emit/sql.hpp"
#include "emit/text.hpp"
#include "plan/online.hpp"
#include "plan/plan.hpp"

namespace schemac {
namespace {

using namespace testing;

plan::Plan online_plan(const ir::Catalog& current, const ir::Catalog& desired) {
  base::Diagnostics diags;
  plan::Plan p = plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
  REQUIRE(diags.error_count() == 0);
  plan::make_online(p);
  return p;
}

ir::Table users() {
  return table("users", {column("id", type("integer"), true), column("email", type("text"))},
               {"id"});
}

// A plain index on users.email.
ir::Index email_index() {
  ir::Index index;
  index.name = "users_email_idx";
  index.elements.push_back({"email", std::nullopt, std::nullopt, false, std::nullopt});
  return index;
}

std::vector<std::string> sqls(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const emit::Statement& s : emit::to_statements(p)) out.push_back(s.sql);
  return out;
}

TEST_CASE("online: an index on an existing table is built concurrently, outside the transaction",
          "[emit][online]") {
  ir::Catalog current, desired;
  add_table(current, "public", users());
  ir::Table wanted = users();
  ir::Index index = email_index();
  index.comment = "lookup";
  wanted.indexes.push_back(index);
  add_table(desired, "public", wanted);
  plan::Plan p = online_plan(current, desired);
  REQUIRE(p.steps.size() == 2);
  CHECK(p.steps[0].form == plan::Form::Concurrently);
  CHECK_FALSE(p.steps[0].transactional);
  CHECK(p.steps[0].hazards.empty());
  // The comment waits for the index: a unit of its own after it.
  CHECK(p.steps[1].unit == 1);
  const std::vector<emit::Statement> statements = emit::to_statements(p);
  CHECK(statements[0].sql == "CREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);");
  CHECK(statements[0].retry_cleanup == "DROP INDEX CONCURRENTLY IF EXISTS public.users_email_idx;");
  const std::string script = emit::to_sql(p);
  CHECK_THAT(script, Catch::Contains("part 1/2, outside any transaction"));
  CHECK_THAT(script, Catch::Contains("INVALID index"));
  CHECK_THAT(emit::to_text(p, emit::TextOptions{false}),
             Catch::StartsWith("Plan: 1 to create, 1 to alter, 0 to drop."));
}

TEST_CASE("online: an index on a new table stays in the main transaction", "[emit][online]") {
  ir::Catalog current, desired;
  ir::Table wanted = users();
  ir::Index index = email_index();
  wanted.indexes.push_back(index);
  add_table(desired, "public", wanted);
  plan::Plan p = online_plan(current, desired);
  for (const plan::Step& step : p.steps) {
    CHECK(step.form == plan::Form::Plain);
    CHECK(step.unit == 0);
  }
  CHECK(p.units() == 1);
  CHECK_THAT(emit::to_sql(p), !Catch::Contains("BEGIN;"));
}

TEST_CASE("online: checks and foreign keys are added NOT VALID, then validated", "[emit][online]") {
  ir::Catalog current, desired;
  add_table(current, "public", users());
  ir::Table maps = table(
      "maps", {column("id", type("integer"), true), column("owner", type("integer"))}, {"id"});
  add_table(current, "public", maps);
  add_table(desired, "public", users());
  maps.foreign_keys.push_back(
      foreign_key("maps_owner_fkey", {"owner"}, {"public", "users"}, {"id"}));
  maps.checks.push_back({"maps_owner_check", "owner > 0", false, std::nullopt, {}});
  add_table(desired, "public", maps);
  plan::Plan p = online_plan(current, desired);
  CHECK(sqls(p) == std::vector<std::string>{
                       "ALTER TABLE public.maps ADD CONSTRAINT maps_owner_check CHECK "
                       "(owner > 0) NOT VALID;",
                       "ALTER TABLE public.maps ADD CONSTRAINT maps_owner_fkey FOREIGN "
                       "KEY (owner) REFERENCES public.users (id) NOT VALID;",
                       "ALTER TABLE public.maps VALIDATE CONSTRAINT maps_owner_check;",
                       "ALTER TABLE public.maps VALIDATE CONSTRAINT maps_owner_fkey;",
                   });
  CHECK(p.units() == 3);
  CHECK(p.steps[2].unit == 1);
  CHECK(p.steps[3].unit == 2);
  CHECK(p.steps[2].hazards == std::vector<plan::Hazard>{plan::Hazard::MayFail});
  CHECK(p.steps[0].hazards.empty());
  const std::string script = emit::to_sql(p);
  CHECK_THAT(script, Catch::Contains("part 1/3, main transaction"));
  CHECK_THAT(script, Catch::Contains("part 2/3, a transaction of its own"));
  CHECK_THAT(script, Catch::Contains("BEGIN;"));
  CHECK_THAT(script, Catch::Contains("COMMIT;"));
}

TEST_CASE("online: SET NOT NULL goes through a validated check", "[emit][online]") {
  ir::Catalog current, desired;
  add_table(current, "public", users());
  ir::Table wanted = users();
  wanted.columns[1].not_null = true;
  wanted.columns[1].default_expr = "''::text";
  add_table(desired, "public", wanted);
  plan::Plan p = online_plan(current, desired);
  CHECK(sqls(p) == std::vector<std::string>{
                       "ALTER TABLE public.users ALTER COLUMN email SET DEFAULT ''::text;",
                       "ALTER TABLE public.users ADD CONSTRAINT schemac_not_null_email CHECK "
                       "(email IS NOT NULL) NOT VALID;",
                       "ALTER TABLE public.users VALIDATE CONSTRAINT schemac_not_null_email;",
                       "ALTER TABLE public.users ALTER COLUMN email SET NOT NULL;",
                       "ALTER TABLE public.users DROP CONSTRAINT schemac_not_null_email;",
                   });
  CHECK(p.steps[1].unit == 0);
  CHECK(p.steps[2].unit == 1);
  CHECK(p.steps[3].unit == 2);
  CHECK(p.steps[4].unit == 2);
  CHECK(p.steps[3].hazards.empty());
  // The proving check's add and drop are alterations of the table, not objects.
  const std::string text = emit::to_text(p, emit::TextOptions{false});
  CHECK_THAT(text, Catch::StartsWith("Plan: 0 to create, 5 to alter, 0 to drop."));
  CHECK_THAT(text, Catch::Contains("part 3/3, a transaction of its own"));
}

TEST_CASE("online: the proving check's name fits PostgreSQL's 63 bytes", "[emit][online]") {
  CHECK(plan::not_null_check_name("email") == "schemac_not_null_email");
  const std::string long_name(80, 'x');
  CHECK(plan::not_null_check_name(long_name).size() == 63);
  // "é" is two bytes: never cut in two.
  std::string accents;
  for (int i = 0; i < 30; ++i) accents += "\xc3\xa9";
  const std::string cut = plan::not_null_check_name(accents);
  CHECK(cut.size() <= 63);
  CHECK((static_cast<unsigned char>(cut.back()) & 0xC0) != 0xC0);
  CHECK(cut.size() % 2 == 1);  // 17 ASCII bytes, then whole two-byte characters
}

TEST_CASE("online: an INVALID index differs from the declared one and is rebuilt",
          "[emit][online]") {
  ir::Catalog current, desired;
  ir::Index index = email_index();
  ir::Table wanted = users();
  wanted.indexes.push_back(index);
  add_table(desired, "public", wanted);
  index.valid = false;
  ir::Table broken = users();
  broken.indexes.push_back(index);
  add_table(current, "public", broken);
  plan::Plan p = online_plan(current, desired);
  REQUIRE(p.steps.size() == 2);
  CHECK(p.steps[0].summary ==
        "drop index public.users_email_idx (INVALID: a concurrent build failed)");
  CHECK(p.steps[0].unit == 0);
  CHECK(p.steps[1].form == plan::Form::Concurrently);
}

TEST_CASE("online: a key on an existing table is built concurrently, then attached",
          "[emit][online]") {
  ir::Catalog current, desired;
  ir::Table plain =
      table("tags", {column("id", type("integer"), true), column("code", type("text"))});
  add_table(current, "public", plain);
  ir::Table keyed = plain;
  keyed.primary_key = ir::PrimaryKey{"tags_pkey", {"id"}, {}};
  keyed.uniques.push_back({"tags_code_key", {"code"}, true, "one per code", {}});
  add_table(desired, "public", keyed);
  plan::Plan p = online_plan(current, desired);
  // In the order of their names, as every step of a kind.
  CHECK(sqls(p) ==
        std::vector<std::string>{
            "CREATE UNIQUE INDEX CONCURRENTLY tags_code_key ON public.tags (code) NULLS NOT "
            "DISTINCT;",
            "CREATE UNIQUE INDEX CONCURRENTLY tags_pkey ON public.tags (id);",
            "ALTER TABLE public.tags ADD CONSTRAINT tags_code_key UNIQUE USING INDEX "
            "tags_code_key;",
            "ALTER TABLE public.tags ADD CONSTRAINT tags_pkey PRIMARY KEY USING INDEX tags_pkey;",
            "COMMENT ON CONSTRAINT tags_code_key ON public.tags IS 'one per code';",
        });
  // Each build is a unit outside any transaction; the attaches and the comment one after them.
  CHECK(p.units() == 3);
  CHECK_FALSE(p.steps[0].transactional);
  CHECK(p.steps[0].form == plan::Form::KeyIndex);
  CHECK(p.steps[1].unit == 1);
  CHECK(p.steps[2].unit == 2);
  CHECK(p.steps[4].unit == 2);
  CHECK(p.steps[2].form == plan::Form::UsingIndex);
  CHECK(p.steps[0].hazards == std::vector<plan::Hazard>{plan::Hazard::MayFail});
  // A unique constraint from a valid index cannot fail; a primary key sets NOT NULL.
  CHECK(p.steps[2].hazards.empty());
  CHECK(p.steps[3].hazards == std::vector<plan::Hazard>{plan::Hazard::MayFail});
  const std::vector<emit::Statement> statements = emit::to_statements(p);
  CHECK(statements[1].retry_cleanup == "DROP INDEX CONCURRENTLY IF EXISTS public.tags_pkey;");
  CHECK(statements[2].retry_cleanup.empty());
}

TEST_CASE("online: a key that a new foreign key references stays in the main transaction",
          "[emit][online]") {
  ir::Catalog current, desired;
  ir::Table plain = table("tags", {column("id", type("integer"), true)});
  add_table(current, "public", plain);
  ir::Table keyed = plain;
  keyed.primary_key = ir::PrimaryKey{"tags_pkey", {"id"}, {}};
  add_table(desired, "public", keyed);
  ir::Table uses = table("uses", {column("tag", type("integer"))});
  uses.foreign_keys.push_back(foreign_key("uses_tag_fkey", {"tag"}, {"public", "tags"}, {"id"}));
  add_table(desired, "public", uses);
  plan::Plan p = online_plan(current, desired);
  CHECK(p.units() == 1);
  for (const plan::Step& step : p.steps) CHECK(step.form == plan::Form::Plain);
}

TEST_CASE("online: a plain index is dropped concurrently unless its table is reshaped",
          "[emit][online]") {
  ir::Catalog current, desired;
  ir::Index index = email_index();
  ir::Table indexed = users();
  indexed.indexes.push_back(index);
  add_table(current, "public", indexed);
  add_table(desired, "public", users());
  plan::Plan p = online_plan(current, desired);
  CHECK(sqls(p) == std::vector<std::string>{"DROP INDEX CONCURRENTLY public.users_email_idx;"});
  CHECK_FALSE(p.steps[0].transactional);
  CHECK(p.steps[0].summary == "drop index public.users_email_idx concurrently");

  // With a column dropped in the same plan, the drop stays in the transaction.
  ir::Catalog narrower;
  add_table(narrower, "public", table("users", {column("id", type("integer"), true)}, {"id"}));
  p = online_plan(current, narrower);
  for (const plan::Step& step : p.steps) CHECK(step.transactional);
  CHECK(p.units() == 1);

  // A unique index may back a foreign key: dropped in the transaction.
  ir::Catalog unique_current;
  indexed.indexes[0].unique = true;
  add_table(unique_current, "public", indexed);
  p = online_plan(unique_current, desired);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].form == plan::Form::Plain);
}

}  // namespace
}  // namespace schemac
