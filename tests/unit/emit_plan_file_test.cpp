// The plan file (emit/json), the markdown comment (emit/markdown) and the
// database state a saved plan is checked against (emit/database_state).
#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "emit/database_state.hpp"
#include "emit/json.hpp"
#include "emit/markdown.hpp"
#include "emit/text.hpp"

namespace schemac {
namespace {

using namespace testing;

ir::Catalog users_catalog(bool with_legacy) {
  ir::Catalog catalog;
  std::vector<ir::Column> columns{column("id", type("integer"), true),
                                  column("email", type("text"))};
  if (with_legacy) columns.push_back(column("legacy", type("text")));
  add_table(catalog, "public", table("users", columns, {"id"}));
  return catalog;
}

emit::PlanDocument sample_document() {
  ir::Catalog current = users_catalog(true);
  ir::Catalog desired = users_catalog(false);
  add_table(desired, "public", table("maps", {column("id", type("integer"), true)}, {"id"}));
  base::Diagnostics diags;
  plan::Plan p = plan::plan(diff::diff(current, desired, {}, diags), current, desired, diags);
  emit::PlanDocument doc = emit::document(p);
  doc.database = emit::database_state(current, {"public"});
  return doc;
}

TEST_CASE("plan file: written and read back unchanged", "[emit]") {
  emit::PlanDocument doc = sample_document();
  std::string json = emit::to_json(doc, "0.1.0");
  CHECK(json.find("\"format\": \"schemac-plan\"") != std::string::npos);
  CHECK(json.find("\"version\": 1") != std::string::npos);
  std::string error;
  auto back = emit::from_json(json, error);
  REQUIRE(back);
  CHECK(error.empty());
  REQUIRE(back->steps.size() == doc.steps.size());
  for (std::size_t i = 0; i < doc.steps.size(); ++i) {
    CHECK(back->steps[i].summary == doc.steps[i].summary);
    CHECK(back->steps[i].hazards == doc.steps[i].hazards);
    CHECK(back->steps[i].statements.size() == doc.steps[i].statements.size());
    CHECK(back->steps[i].statements.front().sql == doc.steps[i].statements.front().sql);
  }
  REQUIRE(back->database);
  CHECK(back->database->fingerprint == doc.database->fingerprint);
  // What apply shows for a saved plan is what plan showed.
  CHECK(emit::to_text(*back, {}) == emit::to_text(doc, {}));
  CHECK(emit::to_sql(*back) == emit::to_sql(doc));
}

TEST_CASE("plan file: corrupt, edited or foreign files are refused with a reason", "[emit]") {
  std::string json = emit::to_json(sample_document(), "0.1.0");
  std::string error;
  CHECK_FALSE(emit::from_json(json.substr(0, json.size() / 2), error));
  CHECK(error.find("not valid JSON") != std::string::npos);

  std::string edited = json;
  edited.replace(edited.find("DROP COLUMN legacy"), 18, "DROP COLUMN email ");
  CHECK_FALSE(emit::from_json(edited, error));
  CHECK(error.find("checksum does not match") != std::string::npos);

  std::string newer = json;
  newer.replace(newer.find("\"version\": 1"), 12, "\"version\": 2");
  CHECK_FALSE(emit::from_json(newer, error));
  CHECK(error.find("version 2 is not supported") != std::string::npos);

  CHECK_FALSE(emit::from_json("{\"steps\": []}", error));
  CHECK(error.find("not a schemac plan") != std::string::npos);
  CHECK_FALSE(emit::from_json("[1, 2]", error));
  CHECK_FALSE(emit::from_json("", error));
  CHECK_FALSE(emit::from_json("\xff\xfe{}", error));
}

TEST_CASE("database state: stable, and differences said in words", "[emit]") {
  emit::DatabaseState a = emit::database_state(users_catalog(false), {"public"});
  emit::DatabaseState b = emit::database_state(users_catalog(false), {"public"});
  CHECK(a.fingerprint == b.fingerprint);
  CHECK(a.fingerprint.rfind("sha256:", 0) == 0);
  CHECK(emit::drift(a, b).empty());

  emit::DatabaseState added = emit::database_state(users_catalog(true), {"public"});
  CHECK(added.fingerprint != a.fingerprint);
  CHECK(
      emit::drift(a, added) ==
      std::vector<std::string>{"table public.users: column legacy added since the plan was made"});
  CHECK(emit::drift(added, a) ==
        std::vector<std::string>{
            "table public.users: column legacy dropped since the plan was made"});

  ir::Catalog retyped = users_catalog(false);
  retyped.schemas[0].tables[0].columns[1].type = type("character varying", {"80"});
  add_table(retyped, "public", table("extra", {column("id", type("integer"))}));
  std::vector<std::string> changes = emit::drift(a, emit::database_state(retyped, {"public"}));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0] ==
        "table public.users: column email changed since the plan was made (was: column email "
        "text; now: column email character varying(80))");
  CHECK(changes[1] == "table public.extra created since the plan was made");
}

TEST_CASE("markdown: summary, hazards, collapsible SQL", "[emit]") {
  std::string md = emit::to_markdown(sample_document());
  CHECK(
      md.rfind("<!-- schemac-plan -->\n### schemac plan\n\n**1 to create, 0 to alter, 1 to drop** "
               "in 2 steps.\n",
               0) == 0);
  CHECK(md.find("| - | `drop column public.users.legacy` | ⚠️ `deletes-data` |\n") !=
        std::string::npos);
  CHECK(md.find("- `deletes-data` (1 step): data is lost") != std::string::npos);
  CHECK(md.find("<details><summary>SQL (2 statements)</summary>\n\n```sql\n") != std::string::npos);
  CHECK(md.find("```\n\n</details>\n") != std::string::npos);
  CHECK(
      emit::to_markdown({}) ==
      "<!-- schemac-plan -->\n### schemac plan\n\nNo changes. The database matches the schema.\n");
}

TEST_CASE("markdown: a hostile name breaks neither the table nor the SQL block", "[emit]") {
  ir::Catalog desired;
  add_table(desired, "public", table("x|y`z", {column("```\n</details>", type("text"))}));
  base::Diagnostics diags;
  plan::Plan p = plan::plan(diff::diff({}, desired, {}, diags), {}, desired, diags);
  std::string md = emit::to_markdown(emit::document(p));
  CHECK(md.find("| + | ``create table public.\"x\\|y`z\"`` |  |\n") != std::string::npos);
  // The SQL holds a run of three backticks, so its fence is four long.
  CHECK(md.find("````sql\n") != std::string::npos);
  CHECK(md.find("````\n\n</details>\n") != std::string::npos);
}

}  // namespace
}  // namespace schemac
