// Views from canned rows of the views query (catalog/inspect_views.cpp).
#include <catch2/catch.hpp>

#include "catalog/inspect_build.hpp"
#include "catalog/result_set.hpp"

using namespace schemac;

TEST_CASE("add_views reads body, kind, comment, columns and what a view reads", "[catalog][view]") {
  using Field = std::optional<std::string>;
  catalog::ResultSet views{
      {"nspname", "relname", "materialized", "body", "comment", "column_names", "column_types",
       "dep_schemas", "dep_names", "dep_columns"},
      {{"app", "owners", "f", " SELECT m.id,\n    u.email\n   FROM (app.maps m\n ...;", "who",
        "{id,email}", "{integer,text}", "{app,app,public,public}", "{maps,maps,users,users}",
        "{\"\",id,\"\",email}"},
       {"app", "counts", "t", " SELECT count(*) AS n\n   FROM app.maps;", Field{}, "{n}",
        "{bigint}", "{app}", "{maps}", "{\"\"}"}}};
  ir::Catalog catalog;
  catalog::add_views(views, catalog);
  const ir::View* owners = ir::find_view(catalog, {"app", "owners"});
  REQUIRE(owners);
  CHECK_FALSE(owners->materialized);
  CHECK(owners->comment == "who");
  CHECK(owners->facts.known);
  CHECK(owners->facts.columns == std::vector<ir::ViewColumn>{{"id", "integer"}, {"email", "text"}});
  CHECK(owners->facts.relations ==
        std::vector<ir::QualifiedName>{{"app", "maps"}, {"public", "users"}});
  std::vector<std::pair<ir::QualifiedName, std::string>> reads{{{"app", "maps"}, "id"},
                                                               {{"public", "users"}, "email"}};
  CHECK(owners->facts.reads == reads);
  const ir::View* counts = ir::find_view(catalog, {"app", "counts"});
  REQUIRE(counts);
  CHECK(counts->materialized);
  CHECK_FALSE(counts->comment);
  CHECK(counts->facts.reads.empty());
}
