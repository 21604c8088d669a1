// Database tests of views: inspect reads them (not PostGIS's, in a fixed number
// of queries), and canonicalize_views makes the desired text compare equal to
// what PostgreSQL prints, leaving nothing behind.
#include <catch2/catch.hpp>

#include "catalog/canonicalize.hpp"
#include "db_support.hpp"
#include "diff/diff.hpp"
#include "ir/catalog.hpp"
#include "ir/normalize.hpp"

using namespace schemac;
using testing::ScratchDb;

namespace {

const char* const kSchema = R"sql(
CREATE EXTENSION postgis;
CREATE SCHEMA app;
CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
CREATE TABLE app.maps (id int PRIMARY KEY, name varchar(20), owner_id int REFERENCES users);
CREATE VIEW map_owners AS
  SELECT m.id, m.name, u.email FROM app.maps m JOIN users u ON u.id = m.owner_id;
CREATE MATERIALIZED VIEW app.counts AS SELECT count(*) AS n FROM app.maps;
CREATE VIEW owner_emails AS SELECT email FROM map_owners;
COMMENT ON VIEW map_owners IS 'owners';
)sql";

ir::View desired_view(std::string name, std::string body) {
  ir::View v;
  v.name = std::move(name);
  v.body = std::move(body);
  return v;
}

}  // namespace

TEST_CASE("inspect reads views with their columns and what they read", "[db][view]") {
  ScratchDb db;
  db.run(kSchema);
  const ir::Catalog catalog = db.inspect();
  const ir::View* owners = ir::find_view(catalog, {"public", "map_owners"});
  REQUIRE(owners);
  CHECK_FALSE(owners->materialized);
  CHECK(owners->comment == "owners");
  CHECK(owners->body.find("FROM (app.maps m") != std::string::npos);
  REQUIRE(owners->facts.known);
  std::vector<ir::ViewColumn> columns{
      {"id", "integer"}, {"name", "character varying(20)"}, {"email", "text"}};
  CHECK(owners->facts.columns == columns);
  std::vector<ir::QualifiedName> relations{{"app", "maps"}, {"public", "users"}};
  CHECK(owners->facts.relations == relations);
  auto reads = owners->facts.reads;
  CHECK(std::find(reads.begin(), reads.end(),
                  std::pair<ir::QualifiedName, std::string>{{"app", "maps"}, "name"}) !=
        reads.end());
  const ir::View* counts = ir::find_view(catalog, {"app", "counts"});
  REQUIRE(counts);
  CHECK(counts->materialized);
  const ir::View* emails = ir::find_view(catalog, {"public", "owner_emails"});
  REQUIRE(emails);
  CHECK(emails->facts.relations == std::vector<ir::QualifiedName>{{"public", "map_owners"}});
  // PostGIS's own views (geometry_columns, geography_columns) belong to the extension.
  CHECK_FALSE(ir::find_view(catalog, {"public", "geometry_columns"}));
}

TEST_CASE("inspect sends the same number of queries for 5 and 100 views", "[db][view]") {
  const auto count_for = [](int views) {
    ScratchDb db;
    std::string sql = "CREATE TABLE t (id int, v text);\n";
    for (int i = 0; i < views; ++i)
      sql += "CREATE VIEW v" + std::to_string(i) + " AS SELECT id FROM t;\n";
    db.run(sql);
    catalog::InspectStats stats;
    const ir::Catalog catalog = db.inspect(&stats);
    CHECK(ir::find_schema(catalog, "public")->views.size() == static_cast<std::size_t>(views));
    return stats.queries;
  };
  CHECK(count_for(5) == count_for(100));
}

TEST_CASE("canonicalize_views: desired text meets PostgreSQL's, nothing is left behind",
          "[db][view]") {
  ScratchDb db;
  db.run(kSchema);
  ir::Catalog current = db.inspect();
  ir::Catalog desired;
  ir::Schema pub;
  pub.name = "public";
  pub.views.push_back(desired_view(
      "map_owners",
      "select m.id, m.name, u.email\n from app.maps m join users u on u.id = m.owner_id;"));
  pub.views.push_back(desired_view("owner_emails", "SELECT email FROM map_owners"));
  pub.views.push_back(desired_view("later", "select id from not_yet_there"));
  desired.schemas.push_back(pub);
  auto conn = db.connect();
  base::Diagnostics diags;
  REQUIRE(catalog::canonicalize_views(*conn, desired, diags));
  CHECK(diags.error_count() == 0);
  ir::normalize(current);
  ir::normalize(desired);
  const ir::View* have = ir::find_view(current, {"public", "map_owners"});
  const ir::View* want = ir::find_view(desired, {"public", "map_owners"});
  REQUIRE(have);
  REQUIRE(want);
  CHECK(want->body == have->body);
  CHECK(want->facts.known);
  CHECK(want->facts.columns == have->facts.columns);
  CHECK(ir::find_view(desired, {"public", "owner_emails"})->body ==
        ir::find_view(current, {"public", "owner_emails"})->body);
  // A query PostgreSQL refuses now keeps its text.
  const ir::View* later = ir::find_view(desired, {"public", "later"});
  CHECK(later->body == "select id from not_yet_there");
  CHECK_FALSE(later->facts.known);
  // Rolled back: the database holds what it held.
  ir::Catalog again = db.inspect();
  ir::normalize(again);
  CHECK(again == current);
}

TEST_CASE("canonicalized views: appending a column replaces, removing one rebuilds", "[db][view]") {
  ScratchDb db;
  db.run(
      "CREATE TABLE maps (id int PRIMARY KEY, name text, owner_id int);\n"
      "CREATE VIEW map_names AS SELECT id, name FROM maps;");
  ir::Catalog current = db.inspect();
  const auto plan_to = [&](const std::string& body) {
    ir::Catalog desired = current;
    desired.schemas[0].views[0] = desired_view("map_names", body);
    auto conn = db.connect();
    base::Diagnostics diags;
    REQUIRE(catalog::canonicalize_views(*conn, desired, diags));
    ir::Catalog have = current;
    ir::normalize(have);
    ir::normalize(desired);
    return diff::diff(have, desired, {}, diags).changes;
  };
  CHECK(plan_to("select id,name from maps").empty());
  auto replace = plan_to("select id, name, owner_id from maps");
  REQUIRE(replace.size() == 1);
  REQUIRE(std::holds_alternative<diff::ReplaceView>(replace[0]));
  // apply runs the text as written; the comparison used PostgreSQL's.
  CHECK(std::get<diff::ReplaceView>(replace[0]).view.facts.written ==
        "select id, name, owner_id from maps");
  auto rebuild = plan_to("select name, id from maps");
  REQUIRE(rebuild.size() == 2);
  CHECK(std::holds_alternative<diff::DropView>(rebuild[0]));
  CHECK(std::holds_alternative<diff::CreateView>(rebuild[1]));
}

TEST_CASE("canonicalize_views sends the same number of statements for 2 and 60 views",
          "[db][view]") {
  ScratchDb db;
  db.run("CREATE TABLE maps (id int, name text);");
  const auto count_for = [&](int views) {
    ir::Catalog desired;
    ir::Schema pub;
    pub.name = "public";
    for (int i = 0; i < views; ++i)
      pub.views.push_back(desired_view("v" + std::to_string(i), "select id from maps"));
    pub.views.push_back(desired_view("refused", "select id from not_yet_there"));
    desired.schemas.push_back(pub);
    auto conn = db.connect();
    base::Diagnostics diags;
    catalog::ViewStats stats;
    REQUIRE(catalog::canonicalize_views(*conn, desired, diags, &stats));
    CHECK(diags.error_count() == 0);
    for (const ir::View& view : desired.schemas[0].views)
      CHECK(view.facts.known == (view.name != "refused"));
    return stats.queries;
  };
  const int small = count_for(2);
  CHECK(small > 0);
  CHECK(small == count_for(60));
}

TEST_CASE("canonicalize_views warns once when no temporary view can be made", "[db][view]") {
  ScratchDb db;
  db.run(
      "CREATE TABLE maps (id int);\n"
      "ALTER DATABASE \"" +
      db.name() + "\" SET default_transaction_read_only = on;");
  ir::Catalog desired;
  ir::Schema pub;
  pub.name = "public";
  pub.views.push_back(desired_view("a", "select id from maps"));
  pub.views.push_back(desired_view("b", "select id from maps"));
  desired.schemas.push_back(pub);
  auto conn = db.connect();
  base::Diagnostics diags;
  REQUIRE(catalog::canonicalize_views(*conn, desired, diags));
  CHECK(diags.error_count() == 0);
  std::string messages = testing::all_messages(diags);
  CHECK(messages.find("views are compared as written") != std::string::npos);
  CHECK(desired.schemas[0].views[0].body == "select id from maps");
  CHECK_FALSE(desired.schemas[0].views[0].facts.known);
}

TEST_CASE("a view column's collation counts: no replace in place across it", "[db][view]") {
  ScratchDb db;
  db.run(
      "CREATE TABLE t (a text, b text COLLATE \"C\");\n"
      "CREATE VIEW v AS SELECT a FROM t;");
  ir::Catalog current = db.inspect();
  ir::Catalog desired = current;
  desired.schemas[0].views[0] = desired_view("v", "select b as a from t");
  auto conn = db.connect();
  base::Diagnostics diags;
  REQUIRE(catalog::canonicalize_views(*conn, desired, diags));
  CHECK(ir::find_view(current, {"public", "v"})->facts.columns ==
        std::vector<ir::ViewColumn>{{"a", "text"}});
  CHECK(desired.schemas[0].views[0].facts.columns ==
        std::vector<ir::ViewColumn>{{"a", "text collate \"C\""}});
}
