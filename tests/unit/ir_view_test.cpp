#include <catch2/catch.hpp>

#include "ir/normalize.hpp"

namespace schemac::ir {
namespace {

TEST_CASE("normalize_view_body: spacing, case, comments and a trailing ';'", "[ir][view]") {
  CHECK(normalize_view_body("SELECT id,\n       name\n  FROM maps;  -- all") ==
        "select id, name from maps");
  CHECK(normalize_view_body(" SELECT maps.id,\n    maps.name\n   FROM maps;") ==
        "select maps.id, maps.name from maps");
  // Literals and quoted names keep their case; the result stays valid SQL.
  CHECK(normalize_view_body("select \"Name\", 'A b' AS x from t /* c */ ;;") ==
        "select \"Name\", 'A b' as x from t");
  CHECK(normalize_view_body(normalize_view_body("select count(*) from t where a in (1, 2)")) ==
        normalize_view_body("select count(*) from t where a in (1, 2)"));
}

TEST_CASE("guess_view_facts: names in the query, columns of the tables it names", "[ir][view]") {
  Catalog catalog;
  Schema pub;
  pub.name = "public";
  Table maps;
  maps.name = "maps";
  for (const char* c : {"id", "name", "owner_id"}) {
    Column column;
    column.name = c;
    maps.columns.push_back(column);
  }
  pub.tables.push_back(maps);
  View names;
  names.name = "names";
  names.body = "select m.id, m.name from maps m";
  View all;
  all.name = "all_of";
  all.body = "select n.* from public.names n, maps";
  View counted;
  counted.name = "counted";
  counted.body = "select count(*), 2 * 3 from maps";
  View known;
  known.name = "known";
  known.body = "select 1 from maps";
  known.facts.known = true;
  pub.views = {names, all, known, counted};
  catalog.schemas.push_back(pub);
  normalize(catalog);
  const Schema& s = catalog.schemas[0];
  const View& a = s.views[0];
  const View& c = s.views[1];
  const View& k = s.views[2];
  const View& n = s.views[3];
  CHECK(c.facts.relations == std::vector<QualifiedName>{{"public", "maps"}});
  CHECK(c.facts.reads.empty());  // count(*) and 2 * 3 read no column
  CHECK(n.facts.relations == std::vector<QualifiedName>{{"public", "maps"}});
  std::vector<std::pair<QualifiedName, std::string>> reads{{{"public", "maps"}, "id"},
                                                           {{"public", "maps"}, "name"}};
  CHECK(n.facts.reads == reads);
  CHECK(a.facts.relations == std::vector<QualifiedName>{{"public", "maps"}, {"public", "names"}});
  CHECK(a.facts.reads.size() == 3);  // n.*: every column of maps
  CHECK(k.facts.relations.empty());  // known facts are the database's, never guessed
}

}  // namespace
}  // namespace schemac::ir
