#include <catch2/catch.hpp>

#include "diff/diff.hpp"
#include "diff_test_util.hpp"

namespace schemac {
namespace {

using namespace diff;
using namespace testing;

const QualifiedName kT{"public", "t"};

// Diffs two versions of public.t and returns the actions of its AlterTable.
std::vector<ColumnAction> actions(ir::Table from, ir::Table to, ir::Catalog base = {}) {
  base::Diagnostics diags;
  ir::Catalog current = base, desired = base;
  add_table(current, "public", std::move(from));
  add_table(desired, "public", std::move(to));
  auto changes = changes_of(current, desired, diags);
  REQUIRE(diags.all().empty());
  REQUIRE(changes.size() == 1);
  const auto& alter = std::get<AlterTable>(changes[0]);
  CHECK(alter.table == kT);
  return alter.actions;
}

TEST_CASE("diff: column changes", "[diff]") {
  ir::Column id = column("id", type("integer"), true);
  SECTION("add and drop") {
    auto got = actions(table("t", {id, column("legacy", type("text"))}),
                       table("t", {id, column("bio", type("text"))}));
    REQUIRE(got.size() == 2);
    CHECK(std::get<DropColumn>(got[0]).column.name == "legacy");
    CHECK(std::get<AddColumn>(got[1]).column.name == "bio");
  }
  SECTION("type") {
    auto got = actions(table("t", {column("v", type("character varying", {"20"}))}),
                       table("t", {column("v", type("character varying", {"80"}))}));
    REQUIRE(got.size() == 1);
    const auto& alter = std::get<AlterColumnType>(got[0]);
    CHECK(alter.to.modifiers == std::vector<std::string>{"80"});
    CHECK(alter.conversion == TypeConversion::Cast);
  }
  SECTION("default and nullability") {
    auto got =
        actions(table("t", {column("a", type("text"), false, "'open'::text"),
                            column("b", type("integer"), true), column("c", type("text"), true)}),
                table("t", {column("a", type("text"), true, "'new'::text"),
                            column("b", type("integer"), true, "3"), column("c", type("text"))}));
    std::vector<ColumnAction> want = {SetColumnDefault{"a", "'new'::text"}, SetNotNull{"a"},
                                      SetColumnDefault{"b", "3"}, DropNotNull{"c"}};
    CHECK(got == want);
  }
  SECTION("drop default") {
    auto got = actions(table("t", {column("a", type("integer"), false, "0")}),
                       table("t", {column("a", type("integer"))}));
    CHECK(got == std::vector<ColumnAction>{DropColumnDefault{"a"}});
  }
  SECTION("a type change of kind resets the default around it") {
    auto got = actions(table("t", {column("a", type("text"), false, "'1'::text")}),
                       table("t", {column("a", type("integer"), false, "1")}));
    REQUIRE(got.size() == 3);
    CHECK(std::holds_alternative<DropColumnDefault>(got[0]));
    CHECK(std::holds_alternative<AlterColumnType>(got[1]));
    CHECK(std::get<SetColumnDefault>(got[2]).expr == "1");
  }
  SECTION("identity") {
    ir::Column with_identity = column("a", type("integer"), true);
    with_identity.identity = ir::IdentityKind::Always;
    auto got = actions(table("t", {column("a", type("integer"))}), table("t", {with_identity}));
    std::vector<ColumnAction> want = {
        SetNotNull{"a"}, SetIdentity{"a", ir::IdentityKind::None, ir::IdentityKind::Always}};
    CHECK(got == want);
  }
}

TEST_CASE("diff: a primary key column is NOT NULL whatever it declares", "[diff]") {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_table(current, "public", table("t", {column("id", type("integer"), true)}, {"id"}));
  add_table(desired, "public", table("t", {column("id", type("integer"), false)}, {"id"}));
  CHECK(changes_of(current, desired, diags).empty());
}

TEST_CASE("diff: PostGIS SRID changes transform or set the SRID", "[diff]") {
  ir::Catalog base;
  add_extension(base, "postgis", "3.3.2", "gis");
  auto got = actions(table("t", {column("g", geo_type("geometry", "Polygon", 4326))}),
                     table("t", {column("g", geo_type("geometry", "Polygon", 3857))}), base);
  REQUIRE(got.size() == 1);
  const auto& transform = std::get<AlterColumnType>(got[0]);
  CHECK(transform.conversion == TypeConversion::Transform);
  CHECK(transform.postgis_schema == "gis");

  got = actions(table("t", {column("g", geo_type("geometry", "Point", 0))}),
                table("t", {column("g", geo_type("geometry", "Point", 4326))}), base);
  CHECK(std::get<AlterColumnType>(got[0]).conversion == TypeConversion::SetSrid);
}

TEST_CASE("diff: constraints and indexes", "[diff]") {
  base::Diagnostics diags;
  ir::Table from =
      table("t", {column("id", type("integer"), true), column("a", type("text"))}, {"id"});
  from.uniques.push_back({"t_a_key", {"a"}, false, std::nullopt, {}});
  from.checks.push_back({"t_a_check", "length(a) > 0", false, std::nullopt, {}});
  from.indexes.push_back({"t_a_idx", "btree", false, {{"a", {}, {}, false, {}}}, {}, {}, {}, {}});
  ir::Table to = from;
  to.uniques.clear();                   // dropped
  to.checks[0].expr = "length(a) > 1";  // changed: drop + add
  to.indexes[0].method = "hash";        // changed: drop + create
  to.indexes.push_back({"t_id_idx", "btree", false, {{"id", {}, {}, true, {}}}, {}, {}, {}, {}});
  to.foreign_keys.push_back(foreign_key("t_a_fk", {"a"}, {"public", "u"}, {"name"}));
  to.primary_key->columns = {"id", "a"};
  ir::Catalog current, desired;
  add_table(current, "public", from);
  add_table(desired, "public", to);
  auto changes = changes_of(current, desired, diags);
  REQUIRE(changes.size() == 10);
  CHECK(std::holds_alternative<AlterTable>(changes[0]));  // a becomes NOT NULL (in the key)
  CHECK(std::get<DropPrimaryKey>(changes[1]).key.columns == std::vector<std::string>{"id"});
  CHECK(std::get<AddPrimaryKey>(changes[2]).key.columns == std::vector<std::string>{"id", "a"});
  CHECK(std::get<DropUnique>(changes[3]).constraint.name == "t_a_key");
  CHECK(std::get<DropCheck>(changes[4]).constraint.expr == "length(a) > 0");
  CHECK(std::get<AddCheck>(changes[5]).constraint.expr == "length(a) > 1");
  CHECK(std::get<AddForeignKey>(changes[6]).key.name == "t_a_fk");
  CHECK(std::get<DropIndex>(changes[7]).index.method == "btree");
  CHECK(std::get<CreateIndex>(changes[8]).index.method == "hash");
  CHECK(std::get<CreateIndex>(changes[9]).index.name == "t_id_idx");
}

TEST_CASE("diff: comments", "[diff]") {
  base::Diagnostics diags;
  ir::Table from = table("t", {column("a", type("text"))});
  from.indexes.push_back({"t_a_idx", "btree", false, {{"a", {}, {}, false, {}}}, {}, {}, {}, {}});
  ir::Table to = from;
  to.comment = "Things.";
  to.columns[0].comment = "The a.";
  to.indexes[0].comment = "Fast a.";  // only the comment changes: no index rebuild
  ir::Catalog current, desired;
  add_table(current, "public", from);
  add_table(desired, "public", to);
  auto changes = changes_of(current, desired, diags);
  std::vector<Change> want = {
      SetComment{CommentTarget::Index, kT, "t_a_idx", "Fast a."},
      SetComment{CommentTarget::Table, kT, "", "Things."},
      SetComment{CommentTarget::Column, kT, "a", "The a."},
  };
  CHECK(changes == want);
  auto removed = changes_of(desired, current, diags);
  REQUIRE(removed.size() == 3);
  CHECK_FALSE(std::get<SetComment>(removed[1]).comment.has_value());
}

TEST_CASE("diff: a new table brings its indexes and comments", "[diff]") {
  base::Diagnostics diags;
  ir::Table t = table("t", {column("a", type("text"))});
  t.indexes.push_back({"t_a_idx", "btree", false, {{"a", {}, {}, false, {}}}, {}, {}, {}, {}});
  t.comment = "Things.";
  ir::Catalog desired;
  add_table(desired, "public", t);
  auto changes = changes_of({}, desired, diags);
  REQUIRE(changes.size() == 3);
  CHECK(std::get<CreateTable>(changes[0]).table.indexes.empty());
  CHECK(std::get<SetComment>(changes[1]).comment == "Things.");
  CHECK(std::get<CreateIndex>(changes[2]).index.name == "t_a_idx");
}

TEST_CASE("diff: rename hints", "[diff]") {
  ir::Catalog current;
  ir::Table old =
      table("old", {column("id", type("integer"), true), column("caption", type("text"))}, {"id"});
  add_table(current, "public", old);
  ir::Table other = table("other", {column("old_id", type("integer"))});
  other.foreign_keys.push_back(foreign_key("other_fk", {"old_id"}, {"public", "old"}, {"id"}));
  add_table(current, "public", other);

  ir::Catalog desired = current;
  ir::Table& renamed = table_ref(desired, "public", "old");
  renamed.name = "maps";
  renamed.provenance.renamed_from = "old";
  renamed.columns[1].name = "title";
  renamed.columns[1].provenance.renamed_from = "caption";
  table_ref(desired, "public", "other").foreign_keys[0].ref_table.name = "maps";

  SECTION("table and column renamed, references follow") {
    base::Diagnostics diags;
    auto changes = changes_of(current, desired, diags);
    std::vector<Change> want = {RenameTable{{"public", "old"}, "maps"},
                                RenameColumn{{"public", "maps"}, "caption", "title"}};
    CHECK(changes == want);
    CHECK(diags.all().empty());
  }
  SECTION("already applied: nothing to do, no warning") {
    base::Diagnostics diags;
    CHECK(changes_of(desired, desired, diags).empty());
    CHECK(diags.all().empty());
  }
  SECTION("both names exist: error") {
    base::Diagnostics diags;
    ir::Catalog both = current;
    add_table(both, "public", table("maps", {column("id", type("integer"))}));
    changes_of(both, desired, diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.all()[0].kind == base::DiagKind::RenameConflict);
  }
  SECTION("old name unknown: warning, the table is created") {
    base::Diagnostics diags;
    table_ref(desired, "public", "maps").provenance.renamed_from = "nothing";
    auto changes = changes_of(current, desired, diags);
    CHECK(diags.warning_count() == 1);
    CHECK(diags.all()[0].kind == base::DiagKind::RenameSourceMissing);
    CHECK(std::holds_alternative<CreateTable>(changes[0]));
  }
}

}  // namespace
}  // namespace schemac

namespace schemac {
namespace {

using namespace diff;
using namespace testing;

std::vector<Change> table_changes(ir::Table from, ir::Table to) {
  base::Diagnostics diags;
  ir::Catalog current, desired;
  add_table(current, "public", std::move(from));
  add_table(desired, "public", std::move(to));
  auto changes = changes_of(current, desired, diags);
  REQUIRE(diags.all().empty());
  return changes;
}

TEST_CASE("diff: a constraint or index that only changed its name is renamed", "[diff]") {
  ir::Column id = column("id", type("integer"), true);
  SECTION("primary key") {
    ir::Table from = table("t", {id}, {"id"});
    from.primary_key->name = "old_pkey";
    auto got = table_changes(from, table("t", {id}, {"id"}));
    CHECK(got == std::vector<Change>{RenameConstraint{{"public", "t"}, "old_pkey", "t_pkey"}});
  }
  SECTION("check and index") {
    ir::Table from = table("t", {id});
    from.checks.push_back({"old_check", "id > 0", false, std::nullopt, {}});
    ir::Index index;
    index.name = "old_idx";
    index.elements.push_back({"id", std::nullopt, std::nullopt, false, std::nullopt});
    from.indexes.push_back(index);
    ir::Table to = from;
    to.checks[0].name = "t_id_check";
    to.indexes[0].name = "t_id_idx";
    auto got = table_changes(from, to);
    std::vector<Change> want = {RenameConstraint{{"public", "t"}, "old_check", "t_id_check"},
                                RenameIndex{{"public", "t"}, "old_idx", "t_id_idx"}};
    CHECK(got == want);
  }
  SECTION("a changed definition is still dropped and added") {
    ir::Table from = table("t", {id});
    from.checks.push_back({"old_check", "id > 0", false, std::nullopt, {}});
    ir::Table to = table("t", {id});
    to.checks.push_back({"t_id_check", "id > 1", false, std::nullopt, {}});
    auto got = table_changes(from, to);
    REQUIRE(got.size() == 2);
    CHECK(std::holds_alternative<AddCheck>(got[0]));
    CHECK(std::holds_alternative<DropCheck>(got[1]));
  }
}

TEST_CASE("diff: a column rename follows into check and index expressions", "[diff]") {
  ir::Table from = table("t", {column("caption", type("text"))});
  from.checks.push_back({"t_caption_check", "length(caption) > 0", false, std::nullopt, {}});
  ir::Table to = table("t", {column("title", type("text"))});
  to.columns[0].provenance.renamed_from = "caption";
  to.checks.push_back({"t_caption_check", "length(title) > 0", false, std::nullopt, {}});
  auto got = table_changes(from, to);
  CHECK(got == std::vector<Change>{RenameColumn{{"public", "t"}, "caption", "title"}});
}

}  // namespace
}  // namespace schemac
