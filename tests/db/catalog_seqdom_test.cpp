// Database tests: sequences and domains as the inspector reads them.
#include <catch2/catch.hpp>

#include "db_support.hpp"
#include "ir/catalog.hpp"

using namespace schemac;
using testing::ScratchDb;

TEST_CASE("inspect reads standalone sequences, not identity ones", "[db][inspect][seqdom]") {
  ScratchDb db;
  db.run(R"sql(
CREATE SEQUENCE invoice_no AS integer START 1000 MAXVALUE 999999 CACHE 5 CYCLE;
COMMENT ON SEQUENCE invoice_no IS 'Invoices.';
CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, s serial);
CREATE SEQUENCE owned_seq OWNED BY t.id;
)sql");
  const ir::Catalog catalog = db.inspect();
  const ir::Sequence* invoice = ir::find_sequence(catalog, {"public", "invoice_no"});
  REQUIRE(invoice);
  CHECK(invoice->data_type == "integer");
  CHECK(invoice->start == 1000);
  CHECK(invoice->max_value == 999999);
  CHECK(invoice->min_value == 1);
  CHECK(invoice->cache == 5);
  CHECK(invoice->cycle);
  CHECK_FALSE(invoice->owned_by);
  CHECK(invoice->comment == "Invoices.");
  CHECK_FALSE(ir::find_sequence(catalog, {"public", "t_id_seq"}));  // the identity's
  // A serial's sequence is part of its column, which reads as serial.
  CHECK_FALSE(ir::find_sequence(catalog, {"public", "t_s_seq"}));
  const ir::Table* t = ir::find_table(catalog, {"public", "t"});
  REQUIRE(t);
  REQUIRE(t->columns.size() == 2);
  CHECK(t->columns[1].serial);
  CHECK(t->columns[1].serial_sequence.name == "t_s_seq");
  CHECK_FALSE(t->columns[1].default_expr);
  const ir::Sequence* owned = ir::find_sequence(catalog, {"public", "owned_seq"});
  REQUIRE(owned);
  REQUIRE(owned->owned_by);
  CHECK(owned->owned_by->table == "t");
  CHECK(owned->owned_by->column == "id");
}

TEST_CASE("inspect reads domains with their checks", "[db][inspect][seqdom]") {
  ScratchDb db;
  db.run(R"sql(
CREATE SCHEMA app;
CREATE DOMAIN app.amount AS numeric(12,2) NOT NULL DEFAULT 0
  CONSTRAINT amount_positive CHECK (VALUE >= 0) CHECK (VALUE < 1000000);
CREATE DOMAIN app.codes AS varchar(10)[];
COMMENT ON DOMAIN app.codes IS 'Codes.';
CREATE TABLE app.t (a app.amount);
)sql");
  const ir::Catalog catalog = db.inspect();
  const ir::Domain* amount = ir::find_domain(catalog, {"app", "amount"});
  REQUIRE(amount);
  CHECK(amount->type.name == "numeric");
  CHECK(amount->type.modifiers == std::vector<std::string>{"12", "2"});
  CHECK(amount->not_null);
  CHECK(amount->default_expr == "0");
  REQUIRE(amount->checks.size() == 2);
  CHECK(amount->checks[0].name == "amount_check");
  CHECK(amount->checks[1].name == "amount_positive");
  CHECK(amount->checks[1].expr == "(VALUE >= (0)::numeric)");
  const ir::Domain* codes = ir::find_domain(catalog, {"app", "codes"});
  REQUIRE(codes);
  CHECK(codes->type.name == "character varying");
  CHECK(codes->type.is_array);
  CHECK(codes->comment == "Codes.");
  const ir::Table* t = ir::find_table(catalog, {"app", "t"});
  REQUIRE(t);
  CHECK(t->columns.at(0).type.schema == "app");
  CHECK(t->columns.at(0).type.name == "amount");
}
