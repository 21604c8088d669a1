// Sequences and domains from canned rows shaped like kSequences and kDomains.
#include <catch2/catch.hpp>

#include "catalog/inspect_build.hpp"

using namespace schemac;
using catalog::ResultSet;

namespace {

using Field = std::optional<std::string>;
const Field kNull = std::nullopt;

ResultSet sequence_rows(std::vector<std::vector<Field>> data) {
  return {{"nspname", "relname", "data_type", "start", "increment", "min_value", "max_value",
           "cache", "cycle", "owner_table", "owner_column", "comment"},
          std::move(data)};
}

ResultSet domain_rows(std::vector<std::vector<Field>> data) {
  return {{"nspname", "typname", "is_array", "type_name", "type_schema", "type_format",
           "type_format_mod", "not_null", "default_expr", "collation", "comment", "conname",
           "check_expr"},
          std::move(data)};
}

}  // namespace

TEST_CASE("add_sequences reads options and owners", "[catalog][seqdom]") {
  ir::Catalog catalog;
  catalog::add_sequences(sequence_rows({{"public", "ids", "bigint", "1", "1", "1",
                                         "9223372036854775807", "1", "f", "t", "id", kNull},
                                        {"app", "down", "integer", "-1", "-1", "-2147483648", "-1",
                                         "5", "t", kNull, kNull, "Counts down."}}),
                         catalog);
  REQUIRE(catalog.schemas.size() == 2);
  const ir::Sequence& ids = catalog.schemas[0].sequences.at(0);
  CHECK(ids.name == "ids");
  CHECK(ids.max_value == INT64_MAX);
  REQUIRE(ids.owned_by);
  CHECK(ids.owned_by->table == "t");
  CHECK(ids.owned_by->column == "id");
  const ir::Sequence& down = catalog.schemas[1].sequences.at(0);
  CHECK(down.data_type == "integer");
  CHECK(down.increment == -1);
  CHECK(down.min_value == -2147483648LL);
  CHECK(down.cache == 5);
  CHECK(down.cycle);
  CHECK_FALSE(down.owned_by);
  CHECK(down.comment == "Counts down.");
}

TEST_CASE("add_domains groups check rows by domain", "[catalog][seqdom]") {
  ir::Catalog catalog;
  catalog::add_domains(
      domain_rows({{"public", "amount", "f", "numeric", "pg_catalog", "numeric", "numeric(12,2)",
                    "t", "0", kNull, kNull, "amount_check", "(VALUE >= (0)::numeric)"},
                   {"public", "amount", "f", "numeric", "pg_catalog", "numeric", "numeric(12,2)",
                    "t", "0", kNull, kNull, "amount_small", "(VALUE < (9)::numeric)"},
                   {"public", "email", "f", "text", "pg_catalog", "text", kNull, "f", kNull, kNull,
                    "E-mail.", kNull, kNull},
                   {"public", "kinds", "t", "kind", "public", "kind", kNull, "f", kNull, kNull,
                    kNull, kNull, kNull}}),
      catalog);
  const std::vector<ir::Domain>& domains = catalog.schemas.at(0).domains;
  REQUIRE(domains.size() == 3);
  CHECK(domains[0].type.name == "numeric");
  CHECK(domains[0].type.modifiers == std::vector<std::string>{"12", "2"});
  CHECK(domains[0].not_null);
  CHECK(domains[0].default_expr == "0");
  REQUIRE(domains[0].checks.size() == 2);
  CHECK(domains[0].checks[1].name == "amount_small");
  CHECK(domains[1].checks.empty());
  CHECK(domains[1].comment == "E-mail.");
  CHECK(domains[2].type.schema == "public");
  CHECK(domains[2].type.is_array);
}
