#include <catch2/catch.hpp>

#include "diff_test_util.hpp"
#include "emit/sql.hpp"

namespace schemac {
namespace {

using namespace diff;
using namespace testing;

const QualifiedName kUsers{"public", "users"};

ir::Column with_identity(ir::Column c, ir::IdentityKind kind) {
  c.identity = kind;
  return c;
}

TEST_CASE("emit: SQL of each change kind", "[emit]") {
  ir::Extension postgis{"postgis", "3.3.2", "gis", {}, {}};
  ir::UniqueConstraint unique{"users_email_key", {"email"}, true, std::nullopt, {}};
  ir::CheckConstraint check{"users_email_check", "length(email) > 3", false, std::nullopt, {}};
  ir::ForeignKey fk = foreign_key("maps_owner_fk", {"owner_id"}, kUsers, {"id"});
  fk.on_delete = ir::FkAction::SetNull;
  fk.on_update = ir::FkAction::Cascade;
  fk.deferrable = true;
  fk.initially_deferred = true;
  ir::Index index{
      "maps_name_idx",
      "gist",
      true,
      {{"extent", {}, "gist_geometry_ops_nd", false, {}}, {"", "lower(name)", {}, true, false}},
      {"id"},
      "name IS NOT NULL",
      {},
      {}};
  struct Case {
    Change change;
    std::string want;
  };
  std::vector<Case> cases = {
      {CreateSchema{"analytics"}, "CREATE SCHEMA analytics;"},
      {DropSchema{"analytics"}, "DROP SCHEMA analytics;"},
      {CreateExtension{postgis}, "CREATE EXTENSION postgis WITH SCHEMA gis VERSION '3.3.2';"},
      {CreateExtension{{"uuid-ossp", {}, {}, {}, {}}}, "CREATE EXTENSION \"uuid-ossp\";"},
      {UpdateExtension{"pgcrypto", "1.2", "1.3"}, "ALTER EXTENSION pgcrypto UPDATE TO '1.3';"},
      {DropExtension{postgis}, "DROP EXTENSION postgis;"},
      {CreateEnum{{"public", "mood"}, {"sad", "it's ok"}},
       "CREATE TYPE public.mood AS ENUM ('sad', 'it''s ok');"},
      {AddEnumValue{{"public", "s"}, "b", EnumPosition::After, "a"},
       "ALTER TYPE public.s ADD VALUE 'b' AFTER 'a';"},
      {AddEnumValue{{"public", "s"}, "a", EnumPosition::Before, "b"},
       "ALTER TYPE public.s ADD VALUE 'a' BEFORE 'b';"},
      {AddEnumValue{{"public", "s"}, "z", EnumPosition::End, ""},
       "ALTER TYPE public.s ADD VALUE 'z';"},
      {DropEnum{{"public", "mood"}}, "DROP TYPE public.mood;"},
      {DropTable{kUsers, {}}, "DROP TABLE public.users;"},
      {AddPrimaryKey{kUsers, {"users_pkey", {"id", "org"}, {}}},
       "ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id, org);"},
      {DropPrimaryKey{kUsers, {"users_pkey", {"id"}, {}}},
       "ALTER TABLE public.users DROP CONSTRAINT users_pkey;"},
      {AddUnique{kUsers, unique},
       "ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE NULLS NOT DISTINCT "
       "(email);"},
      {DropUnique{kUsers, unique}, "ALTER TABLE public.users DROP CONSTRAINT users_email_key;"},
      {AddCheck{kUsers, check},
       "ALTER TABLE public.users ADD CONSTRAINT users_email_check CHECK (length(email) > 3);"},
      {DropCheck{kUsers, check}, "ALTER TABLE public.users DROP CONSTRAINT users_email_check;"},
      {AddForeignKey{{"public", "maps"}, fk},
       "ALTER TABLE public.maps ADD CONSTRAINT maps_owner_fk FOREIGN KEY (owner_id) REFERENCES "
       "public.users (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;"},
      {DropForeignKey{{"public", "maps"}, fk},
       "ALTER TABLE public.maps DROP CONSTRAINT maps_owner_fk;"},
      {CreateIndex{{"public", "maps"}, index},
       "CREATE UNIQUE INDEX maps_name_idx ON public.maps USING gist (extent gist_geometry_ops_nd, "
       "(lower(name)) DESC NULLS LAST) INCLUDE (id) WHERE (name IS NOT NULL);"},
      {CreateIndex{
           {"public", "maps"},
           {"maps_owner_idx", "btree", false, {{"owner_id", {}, {}, false, {}}}, {}, {}, {}, {}}},
       "CREATE INDEX maps_owner_idx ON public.maps (owner_id);"},
      {DropIndex{{"public", "maps"}, index}, "DROP INDEX public.maps_name_idx;"},
      {SetComment{CommentTarget::Table, kUsers, "", "People's accounts."},
       "COMMENT ON TABLE public.users IS 'People''s accounts.';"},
      {SetComment{CommentTarget::Column, kUsers, "email", std::nullopt},
       "COMMENT ON COLUMN public.users.email IS NULL;"},
      {SetComment{CommentTarget::Schema, {"app", ""}, "", "App."},
       "COMMENT ON SCHEMA app IS 'App.';"},
      {SetComment{CommentTarget::Enum, {"app", "kind"}, "", "K"},
       "COMMENT ON TYPE app.kind IS 'K';"},
      {SetComment{CommentTarget::Index, {"app", "t"}, "t_idx", "I"},
       "COMMENT ON INDEX app.t_idx IS 'I';"},
      {SetComment{CommentTarget::Constraint, {"app", "t"}, "t_check", "C"},
       "COMMENT ON CONSTRAINT t_check ON app.t IS 'C';"},
      {RenameTable{{"public", "old"}, "maps"}, "ALTER TABLE public.old RENAME TO maps;"},
      {RenameColumn{kUsers, "caption", "title"},
       "ALTER TABLE public.users RENAME COLUMN caption TO title;"},
      {RenameIndex{kUsers, "a_idx", "b_idx"}, "ALTER INDEX public.a_idx RENAME TO b_idx;"},
      {RenameConstraint{kUsers, "a_key", "b_key"},
       "ALTER TABLE public.users RENAME CONSTRAINT a_key TO b_key;"},
  };
  for (const Case& c : cases) CHECK(emit::change_sql(c.change) == c.want);
}

TEST_CASE("emit: CREATE TABLE", "[emit]") {
  ir::Table t = table("users",
                      {with_identity(column("id", type("bigint"), true), ir::IdentityKind::Always),
                       column("email", type("text"), true),
                       column("score", type("numeric", {"12", "2"}), false, "0"),
                       column("tags", type("text")), column("kind", user_type("app", "kind"))},
                      {"id"});
  t.columns[3].type.is_array = true;
  t.columns[1].collation = "C";
  t.uniques.push_back({"users_email_key", {"email"}, false, std::nullopt, {}});
  t.foreign_keys.push_back(foreign_key("users_org_fk", {"id"}, {"app", "orgs"}, {"id"}));
  CHECK(emit::change_sql(CreateTable{kUsers, t}) ==
        "CREATE TABLE public.users (\n"
        "  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
        "  email text COLLATE \"C\" NOT NULL,\n"
        "  score numeric(12,2) DEFAULT 0,\n"
        "  tags text[],\n"
        "  kind app.kind,\n"
        "  CONSTRAINT users_pkey PRIMARY KEY (id),\n"
        "  CONSTRAINT users_email_key UNIQUE (email),\n"
        "  CONSTRAINT users_org_fk FOREIGN KEY (id) REFERENCES app.orgs (id)\n"
        ");");
}

TEST_CASE("emit: ALTER TABLE combines column actions", "[emit]") {
  ir::Column generated = column("total", type("integer"));
  generated.generated_expr = "a + b";
  AlterTable one{kUsers, {DropColumn{column("legacy", type("text"))}}};
  CHECK(emit::change_sql(one) == "ALTER TABLE public.users DROP COLUMN legacy;");
  AlterTable many{
      kUsers,
      {AddColumn{column("visits", type("integer"), true, "0")}, AddColumn{generated},
       DropColumnDefault{"a"},
       AlterColumnType{"a", type("text"), type("integer"), std::nullopt, TypeConversion::Cast, ""},
       SetColumnDefault{"a", "1"}, SetNotNull{"b"}, DropNotNull{"c"},
       SetIdentity{"d", ir::IdentityKind::None, ir::IdentityKind::ByDefault},
       SetIdentity{"e", ir::IdentityKind::ByDefault, ir::IdentityKind::Always},
       SetIdentity{"f", ir::IdentityKind::Always, ir::IdentityKind::None}}};
  CHECK(emit::change_sql(many) ==
        "ALTER TABLE public.users\n"
        "  ADD COLUMN visits integer DEFAULT 0 NOT NULL,\n"
        "  ADD COLUMN total integer GENERATED ALWAYS AS (a + b) STORED,\n"
        "  ALTER COLUMN a DROP DEFAULT,\n"
        "  ALTER COLUMN a TYPE integer USING a::integer,\n"
        "  ALTER COLUMN a SET DEFAULT 1,\n"
        "  ALTER COLUMN b SET NOT NULL,\n"
        "  ALTER COLUMN c DROP NOT NULL,\n"
        "  ALTER COLUMN d ADD GENERATED BY DEFAULT AS IDENTITY,\n"
        "  ALTER COLUMN e SET GENERATED ALWAYS,\n"
        "  ALTER COLUMN f DROP IDENTITY;");
}

TEST_CASE("emit: PostGIS SRID conversions", "[emit]") {
  auto sql = [](TypeConversion conversion, ir::TypeRef from, ir::TypeRef to, std::string schema) {
    return emit::change_sql(
        AlterTable{{"public", "p"}, {AlterColumnType{"shape", from, to, {}, conversion, schema}}});
  };
  CHECK(sql(TypeConversion::Transform, geo_type("geometry", "Polygon", 4326),
            geo_type("geometry", "Polygon", 3857), "public") ==
        "ALTER TABLE public.p ALTER COLUMN shape TYPE public.geometry(Polygon,3857) USING "
        "public.st_transform(shape, 3857);");
  CHECK(sql(TypeConversion::SetSrid, geo_type("geometry", "Point", 0, "gis"),
            geo_type("geometry", "Point", 4326, "gis"), "gis") ==
        "ALTER TABLE public.p ALTER COLUMN shape TYPE gis.geometry(Point,4326) USING "
        "gis.st_setsrid(shape, 4326);");
  CHECK(sql(TypeConversion::Transform, geo_type("geography", "Point", 4269),
            geo_type("geography", "Point", 4326), "public") ==
        "ALTER TABLE public.p ALTER COLUMN shape TYPE public.geography(Point,4326) USING "
        "public.st_transform(shape::public.geometry, 4326)::public.geography(Point,4326);");
}

TEST_CASE("emit: hostile names are quoted everywhere", "[emit]") {
  struct Case {
    std::string name;
    std::string quoted;
  };
  std::vector<Case> cases = {
      {"x\"; drop table users; --", "\"x\"\"; drop table users; --\""},
      {"User Accounts", "\"User Accounts\""},
      {"Id", "\"Id\""},
      {"café", "\"café\""},
      {"user", "\"user\""},
      {"select", "\"select\""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    QualifiedName t{c.name, c.name};
    std::string q = c.quoted + "." + c.quoted;
    CHECK(emit::change_sql(CreateSchema{c.name}) == "CREATE SCHEMA " + c.quoted + ";");
    CHECK(emit::change_sql(DropTable{t, {}}) == "DROP TABLE " + q + ";");
    CHECK(emit::change_sql(AlterTable{t, {DropColumn{column(c.name, type("text"))}}}) ==
          "ALTER TABLE " + q + " DROP COLUMN " + c.quoted + ";");
    CHECK(emit::change_sql(RenameColumn{t, c.name, c.name}) ==
          "ALTER TABLE " + q + " RENAME COLUMN " + c.quoted + " TO " + c.quoted + ";");
    CHECK(emit::change_sql(AddEnumValue{t, c.name, EnumPosition::End, ""}).find(c.name) !=
          std::string::npos);
  }
  CHECK(emit::change_sql(AddEnumValue{{"public", "s"}, "it's", EnumPosition::End, ""}) ==
        "ALTER TYPE public.s ADD VALUE 'it''s';");
  CHECK(emit::change_sql(SetComment{CommentTarget::Table, kUsers, "", "back\\slash"}) ==
        "COMMENT ON TABLE public.users IS E'back\\\\slash';");
}

}  // namespace
}  // namespace schemac
