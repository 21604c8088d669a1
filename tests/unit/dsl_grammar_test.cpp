#include <catch2/catch.hpp>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/error_messages.hpp"

namespace g = schemac::grammar;
namespace pegtl = tao::pegtl;

namespace {

template <typename Rule>
bool matches_whole(const std::string& text) {
  pegtl::memory_input in(text, "test");
  try {
    return pegtl::parse<pegtl::seq<Rule, pegtl::eof>, pegtl::nothing, g::control>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

}  // namespace

TEST_CASE("grammar: no rule can loop without consuming input") {
  CHECK(pegtl::analyze<g::file>(0) == 0);
  CHECK(pegtl::analyze<g::toplevel_step>(0) == 0);
}

TEST_CASE("grammar: identifiers") {
  CHECK(matches_whole<g::ident>("users"));
  CHECK(matches_whole<g::ident>("_a1$"));
  CHECK(matches_whole<g::ident>("\"User \"\"X\"\"\""));
  CHECK_FALSE(matches_whole<g::ident>("1abc"));
  CHECK_FALSE(matches_whole<g::ident>("\"open"));
}

TEST_CASE("grammar: column types") {
  for (const char* type :
       {"integer", "varchar(80)", "numeric(12, 2)", "text[]", "int[][]",
        "timestamp(3) with time zone", "time without time zone", "double precision",
        "character varying(10)", "bit varying", "interval day to second", "geometry(PointZ, 3857)",
        "analytics.kind", "\"My Type\"", "text[3]"})
    CHECK(matches_whole<g::column_type>(type));
  CHECK_FALSE(matches_whole<g::column_type>("not"));
  CHECK_FALSE(matches_whole<g::column_type>("varchar(80"));
}

TEST_CASE("grammar: declarations") {
  CHECK(matches_whole<g::file>("extension postgis\nextension pgcrypto version \"1.3\"\n"));
  CHECK(matches_whole<g::file>("extension \"uuid-ossp\" schema extensions"));
  CHECK(matches_whole<g::file>("enum k { 'a', 'b'\n 'c', }"));
  CHECK(matches_whole<g::file>("table t { id int, name text not null default 'x' }"));
  CHECK(matches_whole<g::file>("schema s {\n table t {\n  id int primary key\n }\n}"));
  CHECK(matches_whole<g::file>(
      "table t {\n  a int\n  index using gist (a) where (a is not null)\n"
      "  unique index t_lower (lower(b) text_pattern_ops desc nulls last) include (c)\n}"));
  CHECK(matches_whole<g::file>("table t {\n  index int\n}"));  // a column named index
  CHECK(matches_whole<g::file>("sequence s as integer start 5 increment by -1 no cycle\n"));
  CHECK(matches_whole<g::file>("sequence s owned by public.t.id // note\nsequence n"));
  CHECK(
      matches_whole<g::file>("domain d as numeric(12,2) not null default 0 "
                             "constraint c check (value > 0) check (value < 9)"));
  CHECK(matches_whole<g::file>("schema s {\n sequence n\n domain d as text[]\n}"));
  CHECK(matches_whole<g::file>("table t {\n  sequence integer\n  domain text\n}"));
  CHECK_FALSE(matches_whole<g::file>("sequence s start"));
  CHECK_FALSE(matches_whole<g::file>("domain d text"));
  CHECK_FALSE(matches_whole<g::file>("tabel t {}"));
  CHECK_FALSE(matches_whole<g::file>("table t { id int"));
}
