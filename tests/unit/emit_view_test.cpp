#include <catch2/catch.hpp>

#include "emit/sql.hpp"
#include "view_test_util.hpp"

namespace schemac {
namespace {

TEST_CASE("emit views: SQL of each view change", "[emit][view]") {
  using namespace diff;
  ir::View v;
  v.name = "Map List";
  v.body = "select 1";
  ir::View m = v;
  m.materialized = true;
  QualifiedName name{"app", "Map List"};
  CHECK(emit::change_sql(CreateView{name, v, false}) ==
        "CREATE VIEW app.\"Map List\" AS select 1;");
  CHECK(emit::change_sql(CreateView{name, m, true}) ==
        "CREATE MATERIALIZED VIEW app.\"Map List\" AS select 1;");
  CHECK(emit::change_sql(ReplaceView{name, v}) ==
        "CREATE OR REPLACE VIEW app.\"Map List\" AS select 1;");
  CHECK(emit::change_sql(DropView{name, m, false}) == "DROP MATERIALIZED VIEW app.\"Map List\";");
  CHECK(emit::change_sql(RenameView{{"app", "old"}, "user", false}) ==
        "ALTER VIEW app.old RENAME TO \"user\";");
  CHECK(emit::change_sql(SetComment{CommentTarget::MaterializedView, name, "", "it's"}) ==
        "COMMENT ON MATERIALIZED VIEW app.\"Map List\" IS 'it''s';");
}

}  // namespace
}  // namespace schemac
