#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "emit/sql.hpp"
#include "emit/text.hpp"

namespace schemac {
namespace {

using namespace testing;

plan::Plan sample_plan() {
  ir::Catalog current, desired;
  add_table(current, "public",
            table("users",
                  {column("id", type("integer"), true), column("email", type("text")),
                   column("legacy", type("text"))},
                  {"id"}));
  add_table(
      desired, "public",
      table("users", {column("id", type("integer"), true), column("email", type("text"), true)},
            {"id"}));
  add_table(desired, "public", table("maps", {column("id", type("integer"), true)}, {"id"}));
  add_enum(desired, "public", "kind", {"a"});
  base::Diagnostics diags;
  return plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
}

TEST_CASE("emit: text summary", "[emit]") {
  CHECK(
      emit::to_text(sample_plan(), {}) ==
      "Plan: 2 to create, 1 to alter, 1 to drop.\n"
      "\n"
      "+ create enum public.kind\n"
      "+ create table public.maps\n"
      "- drop column public.users.legacy  [deletes-data]\n"
      "~ alter column public.users.email: set not null  [blocks-writes, blocks-reads, may-fail]\n");
}

TEST_CASE("emit: text with colour", "[emit]") {
  std::string text = emit::to_text(sample_plan(), {true});
  CHECK(text.find("\x1b[31m- drop column public.users.legacy\x1b[0m  \x1b[35m[deletes-data]") !=
        std::string::npos);
  CHECK(text.find("\x1b[32m+ create table public.maps\x1b[0m\n") != std::string::npos);
}

TEST_CASE("emit: empty plan", "[emit]") {
  CHECK(emit::to_text(plan::Plan{}, {}) == "No changes. The database matches the schema.\n");
  CHECK(emit::to_statements({}).empty());
}

TEST_CASE("emit: SQL script and statements", "[emit]") {
  plan::Plan p = sample_plan();
  CHECK(emit::to_sql(p) ==
        "-- create enum public.kind\n"
        "CREATE TYPE public.kind AS ENUM ('a');\n"
        "\n"
        "-- create table public.maps\n"
        "CREATE TABLE public.maps (\n"
        "  id integer NOT NULL,\n"
        "  CONSTRAINT maps_pkey PRIMARY KEY (id)\n"
        ");\n"
        "\n"
        "-- alter table public.users [deletes-data, blocks-writes, blocks-reads, may-fail]\n"
        "ALTER TABLE public.users\n"
        "  DROP COLUMN legacy,\n"
        "  ALTER COLUMN email SET NOT NULL;\n");
  auto statements = emit::to_statements(p);
  REQUIRE(statements.size() == 3);
  CHECK(statements[2].step == 2);
  CHECK(statements[2].in_transaction);
  CHECK(statements[0].sql == "CREATE TYPE public.kind AS ENUM ('a');");
}

TEST_CASE("emit: a newline in a name cannot escape the comment line", "[emit]") {
  ir::Catalog desired;
  add_table(desired, "public", table("evil\nDROP TABLE users; --", {column("a", type("text"))}));
  base::Diagnostics diags;
  plan::Plan p = plan::plan(diff::diff({}, desired, {}, diags), {}, desired, diags);
  std::string sql = emit::to_sql(p);
  CHECK(sql.rfind("-- create table public.\"evil\\nDROP TABLE users; --\"\n", 0) == 0);
  CHECK(emit::to_text(p, {}).find("+ create table public.\"evil\\nDROP") != std::string::npos);
}

}  // namespace
}  // namespace schemac
