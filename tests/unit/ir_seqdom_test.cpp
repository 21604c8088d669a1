// Sequences and domains in ir::normalize: PostgreSQL's sequence defaults, and
// domain expressions as written vs as pg_get_expr prints them (PostgreSQL 15).
#include <catch2/catch.hpp>

#include "ir/normalize.hpp"
#include "ir/sequence.hpp"

namespace ir = schemac::ir;

namespace {

ir::Sequence sequence(std::string type, std::int64_t increment = 1) {
  ir::Sequence s;
  s.name = "s";
  s.data_type = std::move(type);
  s.increment = increment;
  return s;
}

ir::Domain domain(std::string name, ir::TypeRef type, std::vector<std::string> checks) {
  ir::Domain d;
  d.name = std::move(name);
  d.type = std::move(type);
  for (std::string& expr : checks)
    d.checks.push_back({d.name + "_check", std::move(expr), false, {}, {}});
  return d;
}

ir::TypeRef builtin(std::string name, std::vector<std::string> modifiers = {}) {
  ir::TypeRef t;
  t.name = std::move(name);
  t.modifiers = std::move(modifiers);
  return t;
}

// normalized_checks puts the domains into a catalog, normalizes it and returns
// the check expressions of the last domain.
std::vector<std::string> normalized_checks(std::vector<ir::Domain> domains) {
  ir::Catalog catalog;
  ir::Schema schema;
  schema.name = "public";
  schema.domains = std::move(domains);
  std::string last = schema.domains.back().name;
  catalog.schemas.push_back(schema);
  ir::normalize(catalog);
  std::vector<std::string> out;
  for (const ir::Domain& d : catalog.schemas[0].domains)
    if (d.name == last)
      for (const ir::CheckConstraint& c : d.checks) out.push_back(c.expr);
  return out;
}

}  // namespace

TEST_CASE("normalize_sequence fills PostgreSQL's defaults", "[ir][seqdom]") {
  ir::Sequence big = sequence("int8");
  ir::normalize_sequence(big);
  CHECK(big.data_type == "bigint");
  CHECK(big.min_value == 1);
  CHECK(big.max_value == INT64_MAX);
  CHECK(big.start == 1);

  ir::Sequence small = sequence("smallint");
  ir::normalize_sequence(small);
  CHECK(small.max_value == 32767);

  ir::Sequence down = sequence("integer", -2);
  ir::normalize_sequence(down);
  CHECK(down.min_value == -2147483648LL);
  CHECK(down.max_value == -1);
  CHECK(down.start == -1);

  ir::Sequence given = sequence("bigint");
  given.min_value = 10;
  ir::normalize_sequence(given);
  CHECK(given.start == 10);  // start defaults to minvalue when ascending
  ir::Sequence again = given;
  ir::normalize_sequence(again);
  CHECK(again == given);  // idempotent
}

TEST_CASE("domain checks compare equal to PostgreSQL's spelling", "[ir][seqdom]") {
  auto both = [](ir::TypeRef type, std::string user, std::string postgres) {
    return normalized_checks({domain("d", type, {user})}) ==
           normalized_checks({domain("d", type, {postgres})});
  };
  CHECK(both(builtin("numeric", {"12", "2"}), "value >= 0", "(VALUE >= (0)::numeric)"));
  CHECK(both(builtin("numeric", {"12", "2"}), "value >= 0 and value < 1000000",
             "((VALUE >= (0)::numeric) AND (VALUE < (1000000)::numeric))"));
  CHECK(both(builtin("text"), "value ~* '^[^@]+@[^@]+$'", "(VALUE ~* '^[^@]+@[^@]+$'::text)"));
  CHECK(both(builtin("varchar", {"10"}), "length(value) > 3", "(length((VALUE)::text) > 3)"));
  CHECK(both(builtin("integer"), "value in (1, 2)", "(VALUE = ANY (ARRAY[1, 2]))"));
}

TEST_CASE("a domain over a text domain casts the value like text", "[ir][seqdom]") {
  ir::TypeRef email;
  email.schema = "public";
  email.name = "email";
  ir::Domain base = domain("email", builtin("text"), {});
  CHECK(normalized_checks({base, domain("work", email, {"(length((VALUE)::text) > 3)"})}) ==
        normalized_checks({base, domain("work", email, {"length(value) > 3"})}));
}

TEST_CASE("columns of a text domain lose PostgreSQL's cast in table checks", "[ir][seqdom]") {
  auto normalized = [](std::string expr) {
    ir::Catalog catalog;
    ir::Schema schema;
    schema.name = "public";
    schema.domains.push_back(domain("code", builtin("character varying", {"10"}), {}));
    ir::Table table;
    table.name = "t";
    ir::Column column;
    column.name = "c";
    column.type.schema = "public";
    column.type.name = "code";
    table.columns.push_back(column);
    table.checks.push_back({"t_c_check", std::move(expr), false, {}, {}});
    schema.tables.push_back(table);
    catalog.schemas.push_back(schema);
    ir::normalize(catalog);
    return catalog.schemas[0].tables[0].checks[0].expr;
  };
  CHECK(normalized("c <> ''") == normalized("((c)::text <> ''::text)"));
}
