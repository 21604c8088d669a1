#include <catch2/catch.hpp>

#include "view_test_util.hpp"

namespace schemac {
namespace {

using namespace diff;
using namespace testing;

const QualifiedName kMaps{"public", "maps"};

ir::Catalog with_maps(std::string name_type = "text") {
  ir::Catalog c;
  add_table(c, "public",
            table("maps", {column("id", type("integer"), true), column("name", type(name_type))},
                  {"id"}));
  return c;
}

template <typename T>
std::vector<T> of(const std::vector<Change>& changes) {
  std::vector<T> out;
  for (const Change& c : changes)
    if (auto* x = std::get_if<T>(&c)) out.push_back(*x);
  return out;
}

TEST_CASE("diff views: create, drop, unchanged", "[diff][view]") {
  base::Diagnostics diags;
  ir::Catalog current = with_maps(), desired = with_maps();
  add_view(current, "public", "old", "select 1");
  add_view(current, "public", "same", "select id from maps");
  add_view(desired, "public", "same", "select id from maps");
  ir::View& fresh = add_view(desired, "public", "fresh", "select name from maps");
  fresh.comment = "New.";
  auto changes = changes_of(current, desired, diags);
  REQUIRE(of<CreateView>(changes).size() == 1);
  CHECK(of<CreateView>(changes)[0].name == QualifiedName{"public", "fresh"});
  CHECK_FALSE(of<CreateView>(changes)[0].recreate);
  REQUIRE(of<DropView>(changes).size() == 1);
  CHECK(of<DropView>(changes)[0].name == QualifiedName{"public", "old"});
  REQUIRE(of<SetComment>(changes).size() == 1);
  CHECK(of<SetComment>(changes)[0].target == CommentTarget::View);
  CHECK(changes.size() == 3);
}

TEST_CASE("diff views: a query that keeps its columns is replaced in place", "[diff][view]") {
  base::Diagnostics diags;
  ir::Catalog current = with_maps(), desired = with_maps();
  std::vector<ir::ViewColumn> id_col{{"id", "integer"}};
  std::vector<ir::ViewColumn> id_name{{"id", "integer"}, {"name", "text"}};
  add_view(current, "public", "v", "SELECT maps.id FROM maps;", {kMaps}, {{kMaps, "id"}}, id_col);
  add_view(desired, "public", "v", "SELECT maps.id, maps.name FROM maps;", {kMaps}, {}, id_name);
  auto changes = changes_of(current, desired, diags);
  REQUIRE(changes.size() == 1);
  CHECK(std::holds_alternative<ReplaceView>(changes[0]));

  // Removing a column (or not knowing the columns, offline) is a drop and a create.
  ir::Catalog current2 = with_maps(), desired2 = with_maps();
  add_view(current2, "public", "v", "a", {kMaps}, {}, id_name);
  add_view(desired2, "public", "v", "b", {kMaps}, {}, id_col);
  auto rebuilt = changes_of(current2, desired2, diags);
  CHECK(of<DropView>(rebuilt).size() == 1);
  REQUIRE(of<CreateView>(rebuilt).size() == 1);
  CHECK(of<CreateView>(rebuilt)[0].recreate);
}

TEST_CASE("diff views: a retyped or dropped column rebuilds the views reading it", "[diff][view]") {
  base::Diagnostics diags;
  ir::Catalog current = with_maps("character varying"), desired = with_maps("text");
  for (ir::Catalog* c : {&current, &desired}) {
    add_view(*c, "public", "names", "select name from maps", {kMaps}, {{kMaps, "name"}});
    add_view(*c, "public", "ids", "select id from maps", {kMaps}, {{kMaps, "id"}});
    add_view(*c, "public", "names2", "select * from names", {{"public", "names"}});
  }
  auto changes = changes_of(current, desired, diags);
  std::vector<std::string> dropped, created;
  for (const DropView& d : of<DropView>(changes)) dropped.push_back(d.name.name);
  for (const CreateView& c : of<CreateView>(changes)) created.push_back(c.name.name);
  CHECK(dropped == std::vector<std::string>{"names", "names2"});
  CHECK(created == std::vector<std::string>{"names", "names2"});
}

TEST_CASE("diff views: a materialized view is never replaced in place", "[diff][view]") {
  base::Diagnostics diags;
  ir::Catalog current = with_maps(), desired = with_maps();
  std::vector<ir::ViewColumn> cols{{"n", "bigint"}};
  add_view(current, "public", "m", "select count(*) as n from maps", {kMaps}, {}, cols)
      .materialized = true;
  add_view(desired, "public", "m", "select count(*) + 0 as n from maps", {kMaps}, {}, cols)
      .materialized = true;
  auto changes = changes_of(current, desired, diags);
  CHECK(of<DropView>(changes).size() == 1);
  CHECK(of<CreateView>(changes).size() == 1);
  CHECK(of<ReplaceView>(changes).empty());
}

TEST_CASE("diff views: a rename hint renames", "[diff][view]") {
  base::Diagnostics diags;
  ir::Catalog current = with_maps(), desired = with_maps();
  add_view(current, "public", "old", "select id from maps");
  add_view(desired, "public", "new", "select id from maps").provenance.renamed_from = "old";
  auto changes = changes_of(current, desired, diags);
  REQUIRE(changes.size() == 1);
  REQUIRE(std::holds_alternative<RenameView>(changes[0]));
  CHECK(std::get<RenameView>(changes[0]).from == QualifiedName{"public", "old"});
  CHECK(std::get<RenameView>(changes[0]).to == "new");
}

}  // namespace
}  // namespace schemac
