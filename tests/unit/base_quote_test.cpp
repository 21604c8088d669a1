#include <catch2/catch.hpp>

#include "base/quote.hpp"

using namespace schemac::base;

TEST_CASE("quote_ident leaves plain lower-case names bare") {
  CHECK(quote_ident("users") == "users");
  CHECK(quote_ident("_x1$") == "_x1$");
  CHECK(quote_ident("name") == "name");  // unreserved keyword
}

TEST_CASE("quote_ident quotes what PostgreSQL would") {
  CHECK(quote_ident("Users") == "\"Users\"");
  CHECK(quote_ident("user") == "\"user\"");
  CHECK(quote_ident("order") == "\"order\"");
  CHECK(quote_ident("integer") == "\"integer\"");
  CHECK(quote_ident("with space") == "\"with space\"");
  CHECK(quote_ident("1abc") == "\"1abc\"");
  CHECK(quote_ident("") == "\"\"");
  CHECK(quote_ident("caf\u00e9") == "\"caf\u00e9\"");
  CHECK(quote_ident("x\"; drop table users; --") == "\"x\"\"; drop table users; --\"");
}

TEST_CASE("is_sql_keyword_needing_quotes: shortest, longest and near misses") {
  for (const char* word : {"as", "do", "in", "is", "on", "or", "to", "all", "xmltable",
                           "current_timestamp", "json_objectagg", "xmlserialize", "user"})
    CHECK(is_sql_keyword_needing_quotes(word));
  // Same length and first or last letter as a keyword, but not one.
  for (const char* word : {"a", "id", "ad", "io", "alt", "tables", "current_timestampz", "xmltablf",
                           "", "name", "users", "vehicle_00071_id"})
    CHECK_FALSE(is_sql_keyword_needing_quotes(word));
  // Every keyword of the list is found, and none with a letter more.
  auto keywords = sql_keywords_needing_quotes();
  CHECK(keywords.size() > 150);
  for (std::string_view word : keywords) {
    INFO(word);
    CHECK(is_sql_keyword_needing_quotes(word));
    CHECK_FALSE(is_sql_keyword_needing_quotes(std::string(word) + "_"));
  }
}

TEST_CASE("quote_qualified") {
  CHECK(quote_qualified("public", "users") == "public.users");
  CHECK(quote_qualified("", "users") == "users");
  CHECK(quote_qualified("My Schema", "select") == "\"My Schema\".\"select\"");
}

TEST_CASE("quote_literal") {
  CHECK(quote_literal("abc") == "'abc'");
  CHECK(quote_literal("it's") == "'it''s'");
  CHECK(quote_literal("a\\b") == "E'a\\\\b'");
  CHECK(quote_literal("'); drop table x; --") == "'''); drop table x; --'");
}
