#include <catch2/catch.hpp>

#include "diff/diff.hpp"
#include "diff_test_util.hpp"

namespace schemac {
namespace {

using namespace diff;
using namespace testing;

ir::Catalog users_catalog() {
  ir::Catalog c;
  add_table(
      c, "public",
      table("users", {column("id", type("integer"), true), column("email", type("text"), true)},
            {"id"}));
  return c;
}

TEST_CASE("diff: equal catalogs give no changes", "[diff]") {
  base::Diagnostics diags;
  ir::Catalog c = users_catalog();
  add_extension(c, "postgis", "3.3.2", "public");
  add_enum(c, "public", "mood", {"sad", "ok"});
  CHECK(changes_of(c, c, diags).empty());
  CHECK(diags.all().empty());
}

TEST_CASE("diff: new schema and table", "[diff]") {
  base::Diagnostics diags;
  ir::Catalog desired;
  add_table(desired, "app", table("t", {column("id", type("integer"))}));
  auto changes = changes_of({}, desired, diags);
  REQUIRE(changes.size() == 2);
  CHECK(std::get<CreateSchema>(changes[0]).name == "app");
  const auto& create = std::get<CreateTable>(changes[1]);
  CHECK(create.name == QualifiedName{"app", "t"});
  CHECK(create.table.columns.size() == 1);
}

TEST_CASE("diff: public is never created or dropped", "[diff]") {
  base::Diagnostics diags;
  ir::Catalog with_public = users_catalog();
  auto created = changes_of({}, with_public, diags);
  REQUIRE(created.size() == 1);
  CHECK(std::holds_alternative<CreateTable>(created[0]));
  auto dropped = changes_of(with_public, {}, diags);
  REQUIRE(dropped.size() == 1);
  CHECK(std::get<DropTable>(dropped[0]).name == QualifiedName{"public", "users"});
}

TEST_CASE("diff: managed scope ignores other schemas", "[diff]") {
  base::Diagnostics diags;
  ir::Catalog current = users_catalog();
  add_table(current, "legacy", table("old", {column("id", type("integer"))}));
  ir::Catalog desired = users_catalog();
  add_table(desired, "unmanaged", table("x", {column("id", type("integer"))}));
  CHECK(changes_of(current, desired, diags, {"public"}).empty());

  auto all = changes_of(current, desired, diags);  // every schema in scope
  REQUIRE(all.size() == 4);
  CHECK(std::get<DropTable>(all[0]).name == QualifiedName{"legacy", "old"});
  CHECK(std::get<DropSchema>(all[1]).name == "legacy");
  CHECK(std::get<CreateSchema>(all[2]).name == "unmanaged");
  CHECK(std::holds_alternative<CreateTable>(all[3]));
}

TEST_CASE("diff: extensions", "[diff]") {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_extension(current, "plpgsql", "1.0");
  add_extension(current, "pgcrypto", "1.2");
  add_extension(current, "postgis", "3.3.2");
  add_extension(current, "hstore", "1.8");
  add_extension(desired, "pgcrypto", "1.3");
  add_extension(desired, "postgis");  // any version is fine
  add_extension(desired, "uuid-ossp", std::nullopt, "extensions");
  auto changes = changes_of(current, desired, diags);
  REQUIRE(changes.size() == 3);
  const auto& update = std::get<UpdateExtension>(changes[0]);
  CHECK(update.name == "pgcrypto");
  CHECK(update.from_version == "1.2");
  CHECK(update.to_version == "1.3");
  CHECK(std::get<CreateExtension>(changes[1]).extension.schema == "extensions");
  CHECK(std::get<DropExtension>(changes[2]).extension.name == "hstore");  // never plpgsql
}

TEST_CASE("diff: enum values are added in place", "[diff]") {
  struct Case {
    std::vector<std::string> from, to;
    std::vector<AddEnumValue> want;
  };
  QualifiedName e{"public", "status"};
  std::vector<Case> cases = {
      {{"a", "c"}, {"a", "b", "c"}, {{e, "b", EnumPosition::After, "a"}}},
      {{"b"}, {"a", "b"}, {{e, "a", EnumPosition::Before, "b"}}},
      {{"a"},
       {"a", "b", "c"},
       {{e, "b", EnumPosition::After, "a"}, {e, "c", EnumPosition::After, "b"}}},
      {{"c"},
       {"a", "b", "c"},
       {{e, "a", EnumPosition::Before, "c"}, {e, "b", EnumPosition::After, "a"}}},
      {{}, {"a"}, {{e, "a", EnumPosition::End, ""}}},
  };
  for (const Case& c : cases) {
    base::Diagnostics diags;
    ir::Catalog current, desired;
    add_enum(current, "public", "status", c.from);
    add_enum(desired, "public", "status", c.to);
    auto changes = changes_of(current, desired, diags);
    std::vector<AddEnumValue> got;
    for (const Change& change : changes) got.push_back(std::get<AddEnumValue>(change));
    CHECK(got == c.want);
    CHECK(diags.all().empty());
  }
}

TEST_CASE("diff: removing or reordering enum values is an error", "[diff]") {
  struct Case {
    std::vector<std::string> from, to;
    base::DiagKind kind;
  };
  std::vector<Case> cases = {
      {{"a", "b"}, {"a"}, base::DiagKind::EnumValueRemoved},
      {{"a", "b"}, {"b", "a", "c"}, base::DiagKind::EnumValuesReordered},
  };
  for (const Case& c : cases) {
    base::Diagnostics diags;
    ir::Catalog current, desired;
    add_enum(current, "public", "status", c.from);
    add_enum(desired, "public", "status", c.to);
    CHECK(changes_of(current, desired, diags).empty());
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].kind == c.kind);
  }
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_enum(current, "public", "status", {"draft", "gone"});
  add_enum(desired, "public", "status", {"draft"});
  changes_of(current, desired, diags);
  CHECK(diags.all()[0].message ==
        "removing enum values is not supported: public.status would lose 'gone'");
}

TEST_CASE("diff: new and dropped enums", "[diff]") {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_enum(current, "public", "old", {"x"});
  add_enum(desired, "public", "mood", {"sad", "ok"});
  auto changes = changes_of(current, desired, diags);
  REQUIRE(changes.size() == 2);
  CHECK(std::get<CreateEnum>(changes[0]) == CreateEnum{{"public", "mood"}, {"sad", "ok"}});
  CHECK(std::get<DropEnum>(changes[1]).name == QualifiedName{"public", "old"});
}

}  // namespace
}  // namespace schemac
