#include <catch2/catch.hpp>

#include "dsl/lower_names.hpp"

namespace dsl = schemac::dsl;

TEST_CASE("make_object_name truncates the names, never the label", "[dsl][lower][names]") {
  CHECK(dsl::make_object_name("users", "email", "key") == "users_email_key");
  CHECK(dsl::make_object_name("users", "", "pkey") == "users_pkey");
  // Checked against PostgreSQL 15: a 62-byte table and a 60-byte column.
  std::string table(62, 'a');
  CHECK(dsl::make_object_name(table, std::string(60, 'b'), "key") ==
        std::string(29, 'a') + "_" + std::string(29, 'b') + "_key");
  CHECK(dsl::make_object_name(table, "cccc", "key") == std::string(54, 'a') + "_cccc_key");
  CHECK(dsl::make_object_name(table, "", "pkey").size() == 63);
  // Never split a UTF-8 character: "é" is two bytes.
  std::string accented = "x";  // so that byte 58 falls inside a character
  for (int i = 0; i < 40; ++i) accented += "\xc3\xa9";
  std::string name = dsl::make_object_name(accented, "", "pkey");
  CHECK(name.size() == 62);
  CHECK(name.ends_with("\xc3\xa9_pkey"));
}

TEST_CASE("NameScope numbers clashing names like PostgreSQL", "[dsl][lower][names]") {
  dsl::NameScope scope;
  scope.take_relation("c1");
  CHECK(scope.choose_constraint_name("c1", "a", "check") == "c1_a_check");
  CHECK(scope.choose_constraint_name("c1", "a", "check") == "c1_a_check1");
  CHECK(scope.choose_constraint_name("c1", "a", "check") == "c1_a_check2");
  CHECK(scope.choose_relation_name("c1", "a", "idx", false) == "c1_a_idx");
  CHECK(scope.choose_relation_name("c1", "a", "idx", false) == "c1_a_idx1");
  scope.take_constraint("t_x_key");
  CHECK(scope.choose_relation_name("t", "x", "key", true) == "t_x_key1");
  CHECK(scope.choose_relation_name("t", "x", "idx", false) == "t_x_idx");
}

TEST_CASE("index column names follow FigureIndexColname", "[dsl][lower][names]") {
  using Elements = std::vector<std::pair<std::string_view, std::string_view>>;
  CHECK(dsl::index_column_names(Elements{{"a", ""}, {"b", ""}}) ==
        std::vector<std::string>{"a", "b"});
  CHECK(dsl::index_column_names(Elements{{"", "a + b"}}) == std::vector<std::string>{"expr"});
  CHECK(dsl::index_column_names(Elements{{"", "lower(a::text)"}}) ==
        std::vector<std::string>{"lower"});
  CHECK(dsl::index_column_names(Elements{{"a", ""}, {"a", ""}}) ==
        std::vector<std::string>{"a", "a1"});
  CHECK(dsl::expression_column_name("(a)::text") == "a");
  CHECK(dsl::expression_column_name("public.f(x)") == "f");
  CHECK(dsl::expression_column_name("CURRENT_DATE") == "current_date");
  CHECK(dsl::name_addition({"a", "b"}) == "a_b");
}

TEST_CASE("referenced_columns finds column names in an expression", "[dsl][lower][names]") {
  std::vector<std::string_view> cols = {"a", "b", "name", "text", "Q\"t"};
  using Names = std::vector<std::string_view>;
  CHECK(dsl::referenced_columns("a > b", cols) == Names{"a", "b"});
  CHECK(dsl::referenced_columns("length(name) > 0 and name <> ''", cols) == Names{"name"});
  CHECK(dsl::referenced_columns("a::text <> ''", cols) == Names{"a"});
  CHECK(dsl::referenced_columns("1 > 0", cols).empty());
  CHECK(dsl::referenced_columns("\"A\" > 0", cols).empty());
  // Bare words fold to lower case; quoted names are unescaped and keep their case.
  CHECK(dsl::referenced_columns("B > \"a\" and \"Q\"\"t\" <> ''", cols) == Names{"b", "a", "Q\"t"});
  CHECK(dsl::referenced_columns("t.a > 0 and b.x(1) and \"Q\"t\"", cols).empty());
  CHECK(dsl::edit_distance("intgr", "integer") == 2);
}
