// Database tests of catalog::inspect against the real PostgreSQL + PostGIS
// server (SCHEMAC_TEST_ADMIN_URL), each in its own scratch database.
#include <catch2/catch.hpp>

#include "base/quote.hpp"
#include "db_support.hpp"
#include "ir/catalog.hpp"
#include "ir/print.hpp"

using namespace schemac;
using testing::ScratchDb;

namespace {

const char* const kRichSchema = R"sql(
CREATE EXTENSION postgis;
CREATE SCHEMA app;
CREATE TYPE app.layer_kind AS ENUM ('vector', 'raster', 'wms');
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL UNIQUE);
CREATE TABLE maps (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  name varchar(80) NOT NULL CONSTRAINT name_not_empty CHECK (length(name) > 0),
  price numeric(12,2) DEFAULT 0,
  at timestamptz NOT NULL DEFAULT now(),
  at3 timestamptz(3),
  tags text[] DEFAULT '{}',
  kind app.layer_kind NOT NULL DEFAULT 'vector',
  pos geometry(Point, 4326),
  area geography(Polygon, 4326),
  anygeom geometry,
  title text COLLATE "C",
  UNIQUE (name, kind)
);
COMMENT ON TABLE maps IS 'the maps';
COMMENT ON COLUMN maps.name IS 'shown to users';
CREATE INDEX maps_pos_gix ON maps USING gist (pos);
CREATE INDEX maps_owner_partial ON maps (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX maps_lower_name ON maps (lower(name));
CREATE INDEX maps_at_desc ON maps (at DESC) INCLUDE (price);
)sql";

const ir::Column& column(const ir::Table& table, std::string_view name) {
  const ir::Column* col = ir::find_column(table, name);
  INFO("column " << name);
  REQUIRE(col);
  return *col;
}

const ir::Index& index(const ir::Table& table, std::string_view name) {
  const ir::Index* found = nullptr;
  for (const ir::Index& idx : table.indexes) {
    if (idx.name == name) found = &idx;
  }
  INFO("index " << name);
  REQUIRE(found);
  return *found;
}

}  // namespace

TEST_CASE("inspect reads columns and their canonical types", "[db][inspect]") {
  ScratchDb db;
  db.run(kRichSchema);
  const ir::Catalog catalog = db.inspect();
  const ir::Table* maps = ir::find_table(catalog, {"public", "maps"});
  REQUIRE(maps);
  CHECK(maps->comment == "the maps");

  const std::vector<std::string> names = {"id",   "owner_id", "name", "price", "at",      "at3",
                                          "tags", "kind",     "pos",  "area",  "anygeom", "title"};
  std::vector<std::string> got;
  for (const ir::Column& col : maps->columns) got.push_back(col.name);
  CHECK(got == names);  // attnum order

  CHECK(column(*maps, "id").type == ir::TypeRef{"", "bigint", {}, std::nullopt, false});
  CHECK(column(*maps, "id").identity == ir::IdentityKind::Always);
  CHECK(column(*maps, "id").not_null);
  CHECK(column(*maps, "name").type ==
        ir::TypeRef{"", "character varying", {"80"}, std::nullopt, false});
  CHECK(column(*maps, "name").comment == "shown to users");
  CHECK(column(*maps, "price").type ==
        ir::TypeRef{"", "numeric", {"12", "2"}, std::nullopt, false});
  CHECK(column(*maps, "price").default_expr == "0");
  CHECK(column(*maps, "at").type.name == "timestamp with time zone");
  CHECK(column(*maps, "at").default_expr == "now()");
  CHECK(column(*maps, "at3").type.modifiers == std::vector<std::string>{"3"});
  CHECK(column(*maps, "tags").type == ir::TypeRef{"", "text", {}, std::nullopt, true});
  CHECK(column(*maps, "kind").type == ir::TypeRef{"app", "layer_kind", {}, std::nullopt, false});
  CHECK(column(*maps, "kind").default_expr == "'vector'::app.layer_kind");
  CHECK(column(*maps, "title").collation == "C");
  CHECK_FALSE(column(*maps, "price").collation);

  const ir::TypeRef& pos = column(*maps, "pos").type;
  CHECK(pos.schema == "public");
  CHECK(pos.name == "geometry");
  CHECK(pos.geo == ir::GeoType{"Point", false, false, 4326});
  CHECK(column(*maps, "area").type.geo == ir::GeoType{"Polygon", false, false, 4326});
  CHECK(column(*maps, "area").type.name == "geography");
  CHECK(column(*maps, "anygeom").type.geo == ir::GeoType{});

  const ir::EnumType* kind = ir::find_enum(catalog, {"app", "layer_kind"});
  REQUIRE(kind);
  CHECK(kind->values == std::vector<std::string>{"vector", "raster", "wms"});
}

TEST_CASE("inspect reads constraints and indexes", "[db][inspect]") {
  ScratchDb db;
  db.run(kRichSchema);
  const ir::Catalog catalog = db.inspect();
  const ir::Table* maps = ir::find_table(catalog, {"public", "maps"});
  REQUIRE(maps);

  REQUIRE(maps->primary_key);
  CHECK(maps->primary_key->name == "maps_pkey");
  CHECK(maps->primary_key->columns == std::vector<std::string>{"id"});
  REQUIRE(maps->uniques.size() == 1);
  CHECK(maps->uniques[0].name == "maps_name_kind_key");
  CHECK(maps->uniques[0].columns == std::vector<std::string>{"name", "kind"});
  REQUIRE(maps->checks.size() == 1);
  CHECK(maps->checks[0].name == "name_not_empty");
  CHECK(maps->checks[0].expr == "(length((name)::text) > 0)");
  REQUIRE(maps->foreign_keys.size() == 1);
  const ir::ForeignKey& fk = maps->foreign_keys[0];
  CHECK(fk.name == "maps_owner_id_fkey");
  CHECK(fk.ref_table == ir::QualifiedName{"public", "users"});
  CHECK(fk.ref_columns == std::vector<std::string>{"id"});
  CHECK(fk.on_delete == ir::FkAction::SetNull);
  CHECK(fk.on_update == ir::FkAction::Cascade);
  CHECK_FALSE(fk.deferrable);

  // Indexes backing the primary key and the unique constraint are not listed.
  CHECK(maps->indexes.size() == 4);
  const ir::Index& gix = index(*maps, "maps_pos_gix");
  CHECK(gix.method == "gist");
  REQUIRE(gix.elements.size() == 1);
  CHECK(gix.elements[0].column == "pos");
  CHECK_FALSE(gix.elements[0].opclass);  // gist_geometry_ops_2d is the default
  CHECK(index(*maps, "maps_owner_partial").where == "(owner_id IS NOT NULL)");
  const ir::Index& lower = index(*maps, "maps_lower_name");
  REQUIRE(lower.elements.size() == 1);
  CHECK(lower.elements[0].expr == "lower(name::text)");
  const ir::Index& desc = index(*maps, "maps_at_desc");
  REQUIRE(desc.elements.size() == 1);
  CHECK(desc.elements[0].column == "at");
  CHECK(desc.elements[0].descending);
  CHECK_FALSE(desc.elements[0].nulls_first);  // DESC's default, NULLS FIRST
  CHECK(desc.include == std::vector<std::string>{"price"});
}

TEST_CASE("inspect leaves out what extensions own", "[db][inspect]") {
  ScratchDb db;
  db.run("CREATE EXTENSION postgis; CREATE TABLE places (id int PRIMARY KEY, g geometry);");
  const ir::Catalog catalog = db.inspect();
  CHECK(ir::find_table(catalog, {"public", "places"}));
  CHECK_FALSE(ir::find_table(catalog, {"public", "spatial_ref_sys"}));
  const ir::Schema* pub = ir::find_schema(catalog, "public");
  REQUIRE(pub);
  CHECK(pub->tables.size() == 1);
  CHECK(pub->enums.empty());
  const ir::Extension* postgis = ir::find_extension(catalog, "postgis");
  REQUIRE(postgis);
  CHECK(postgis->schema == "public");
  CHECK(postgis->version.has_value());
  CHECK_FALSE(ir::find_extension(catalog, "plpgsql"));
}

TEST_CASE("inspect sends the same number of queries for 10 and 200 tables, sequences and domains",
          "[db][inspect]") {
  const auto count_for = [](int tables) {
    ScratchDb db;
    std::string sql;
    for (int i = 0; i < tables; ++i) {
      const std::string n = std::to_string(i);
      sql += "CREATE TABLE t" + n + " (id int PRIMARY KEY, v text UNIQUE, p int REFERENCES t" +
             (i == 0 ? n : std::to_string(i - 1)) + " (id) CHECK (p > 0));\n";
      sql += "CREATE INDEX t" + n + "_v ON t" + n + " (lower(v));\n";
      sql += "CREATE SEQUENCE s" + n + ";\nCREATE DOMAIN d" + n + " AS int CHECK (VALUE > 0);\n";
    }
    db.run(sql);
    catalog::InspectStats stats;
    const ir::Catalog catalog = db.inspect(&stats);
    const ir::Schema* pub = ir::find_schema(catalog, "public");
    REQUIRE(pub);
    CHECK(pub->tables.size() == static_cast<std::size_t>(tables));
    return stats.queries;
  };
  const int small = count_for(10);
  const int large = count_for(200);
  CHECK(small > 0);
  CHECK(small == large);
}

TEST_CASE("inspect reads the same catalog on two connections as on one", "[db][inspect]") {
  // Every query kind, with defaults (read without opening their table),
  // generation expressions and checks (which name columns), serial columns,
  // index expressions and predicates, views, sequences, domains and comments.
  ScratchDb db;
  db.run(std::string(kRichSchema) + R"sql(
CREATE SEQUENCE app.order_no;
CREATE TABLE app.orders (
  id serial PRIMARY KEY,
  code text NOT NULL DEFAULT 'x' || 'y',
  qty int DEFAULT 1 CHECK (qty > 0),
  price numeric(10,2),
  total numeric GENERATED ALWAYS AS (qty * price) STORED,
  at timestamptz DEFAULT now() - interval '1 day',
  seq_no bigint DEFAULT nextval('app.order_no'::regclass),
  CONSTRAINT orders_code CHECK (code <> upper(code) OR qty > 1)
);
ALTER SEQUENCE app.order_no OWNED BY app.orders.seq_no;
CREATE DOMAIN app.positive AS int DEFAULT 1 CHECK (VALUE > 0);
CREATE VIEW app.big_orders AS SELECT id, total FROM app.orders WHERE total > 100;
CREATE INDEX orders_lower_code ON app.orders (lower(code)) WHERE qty > 1;
COMMENT ON COLUMN app.orders.total IS 'qty times price';
)sql");
  catalog::InspectStats one_stats;
  catalog::InspectOptions one;
  one.two_connections = false;
  const ir::Catalog on_one = db.inspect(&one_stats, one);
  catalog::InspectStats two_stats;
  const ir::Catalog on_two = db.inspect(&two_stats);
  CHECK(ir::to_debug_string(on_two) == ir::to_debug_string(on_one));
  CHECK(on_two == on_one);
  CHECK(two_stats.queries == one_stats.queries);
  const ir::Table* orders = ir::find_table(on_two, {"app", "orders"});
  REQUIRE(orders);
  CHECK(column(*orders, "id").serial);
  CHECK(column(*orders, "code").default_expr == "('x'::text || 'y'::text)");
  CHECK(column(*orders, "total").generated_expr == "((qty)::numeric * price)");
  CHECK(column(*orders, "total").comment == "qty times price");
  CHECK(orders->checks.size() == 2);
}

TEST_CASE("inspect reads only the schemas asked for", "[db][inspect]") {
  ScratchDb db;
  db.run("CREATE SCHEMA app; CREATE TABLE app.a (id int); CREATE TABLE b (id int);");
  catalog::InspectOptions options;
  options.schemas = {"app"};
  const ir::Catalog only_app = db.inspect(nullptr, options);
  CHECK(ir::find_table(only_app, {"app", "a"}));
  CHECK_FALSE(ir::find_table(only_app, {"public", "b"}));
  CHECK_FALSE(ir::find_schema(only_app, "public"));
  const ir::Catalog all = db.inspect();
  CHECK(ir::find_table(all, {"public", "b"}));
  CHECK_FALSE(ir::find_schema(all, "pg_catalog"));
  CHECK_FALSE(ir::find_schema(all, "information_schema"));
}

TEST_CASE("inspect output does not depend on the session's search_path", "[db][inspect]") {
  ScratchDb db;
  db.run("CREATE TYPE mood AS ENUM ('ok', 'sad'); CREATE TABLE t (m mood DEFAULT 'ok');");
  // A database-level setting that would otherwise qualify every public name.
  db.run("ALTER DATABASE " + base::quote_ident(db.name()) + " SET search_path = pg_catalog");
  const ir::Catalog catalog = db.inspect();
  const ir::Table* t = ir::find_table(catalog, {"public", "t"});
  REQUIRE(t);
  CHECK(column(*t, "m").default_expr == "'ok'::mood");
}
