#include <catch2/catch.hpp>

#include "ir/normalize.hpp"
#include "ir/print.hpp"
#include "ir/sql_lexer.hpp"

namespace ir = schemac::ir;

namespace {

struct ExprCase {
  std::string_view user;       // what a user writes in a .schema file
  std::string_view postgres;   // what pg_get_expr prints for it (PostgreSQL 15)
  std::string_view canonical;  // what both normalize to
};

// The PostgreSQL column was produced by a real PostgreSQL 15 server
// (pg_get_expr on pg_attrdef.adbin and pg_get_constraintdef).
constexpr ExprCase kCases[] = {
    {"now()", "now()", "now()"},
    {"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", "current_timestamp"},
    {"current_date", "CURRENT_DATE", "current_date"},
    {"gen_random_uuid()", "gen_random_uuid()", "gen_random_uuid()"},
    {"0", "0", "0"},
    {"-1", "'-1'::integer", "-1"},
    {"(-1)", "'-1'::integer", "-1"},
    {"- 1", "'-1'::integer", "-1"},
    {"-1.5", "'-1.5'::numeric", "-1.5"},
    {"'draft'", "'draft'::layer_kind", "'draft'"},
    {"'draft'", "'draft'::public.layer_kind", "'draft'"},
    {"'{}'::jsonb", "'{}'::jsonb", "'{}'"},
    {"'{}'", "'{}'::text[]", "'{}'"},
    {"'x'", "'x'::text", "'x'"},
    {"'abc'", "'abc'::character varying", "'abc'"},
    {"'it''s'", "'it''s'::text", "'it''s'"},
    {"TRUE", "true", "true"},
    {"1.5", "1.5", "1.5"},
    {"(length(name) > 0)", "(length(name) > 0)", "length(name) > 0"},
    {"nextval('seq')", "nextval('seq'::regclass)", "nextval('seq')"},
    {"a != 0", "(a <> 0)", "a <> 0"},
    {"lower('ABC')", "lower('ABC'::text)", "lower('ABC')"},
    {"(1+2)*3", "((1 + 2) * 3)", "(1 + 2) * 3"},
    {"'a' || 'b'", "('a'::text || 'b'::text)", "'a' || 'b'"},
    {"5 - -1", "(5 - '-1'::integer)", "5 - -1"},
    {"x > -1", "(x > '-1'::integer)", "x > -1"},
    {"b > 0 AND a < 10", "((b > 0) AND (a < 10))", "b > 0 and a < 10"},
    {"a > -1 and b < (-2)", "((a > '-1'::integer) AND (b < '-2'::integer))", "a > -1 and b < -2"},
    {"a IS NOT NULL", "(a IS NOT NULL)", "a is not null"},
    {"a::text <> ''", "((a)::text <> ''::text)", "a::text <> ''"},
    {"NOT (a = 1)", "(NOT (a = 1))", "not a = 1"},
    {"a = any(array[1,2])", "(a = ANY (ARRAY[1, 2]))", "a = any (array[1, 2])"},
    {"a + b > 0", "((a + b) > 0)", "a + b > 0"},
    {"x::int", "(x)::integer", "x::integer"},
    {"\"name\" <> ''", "(name <> ''::text)", "name <> ''"},
    {"place IS NOT NULL", "(place IS NOT NULL)", "place is not null"},
    {"name LIKE 'a%'", "(name ~~ 'a%'::text)", "name ~~ 'a%'"},
    {"name NOT ILIKE 'a%'", "(name !~~* 'a%'::text)", "name !~~* 'a%'"},
    {"a IN (1, 2, 3)", "(a = ANY (ARRAY[1, 2, 3]))", "a = any (array[1, 2, 3])"},
    {"kind not in ('a', 'b')", "(kind <> ALL (ARRAY['a'::text, 'b'::text]))",
     "kind <> all (array['a', 'b'])"},
    {"a + b * c > 10", "((a + (b * c)) > 10)", "a + b * c > 10"},
    {"a - (b - c) > 0", "((a - (b - c)) > 0)", "a - (b - c) > 0"},
    {"a - b - c > 0", "(((a - b) - c) > 0)", "a - b - c > 0"},
    {"a > 0 and (b > 0 or c is null)", "((a > 0) AND ((b > 0) OR (c IS NULL)))",
     "a > 0 and (b > 0 or c is null)"},
    {"ends_at > starts_at + interval '1 day'", "(ends_at > (starts_at + '1 day'::interval))",
     "ends_at > starts_at + '1 day'::interval"},
    {"coalesce(NULL, 'x')", "COALESCE(NULL::text, 'x'::text)", "coalesce(null, 'x')"},
    {"upper(md5(random()::text))", "upper(md5((random())::text))", "upper(md5(random()::text))"},
    {"ended_at > started_at OR ended_at IS NULL", "((ended_at > started_at) OR (ended_at IS NULL))",
     "ended_at > started_at or ended_at is null"},
};

}  // namespace

TEST_CASE("normalize_expr: user text and pg_get_expr text meet", "[ir][normalize]") {
  for (const ExprCase& c : kCases) {
    INFO("user: " << c.user << "   postgres: " << c.postgres);
    CHECK(ir::normalize_expr(c.user) == c.canonical);
    CHECK(ir::normalize_expr(c.postgres) == c.canonical);
    CHECK(ir::normalize_expr(c.canonical) == c.canonical);  // idempotent
  }
}

TEST_CASE("normalize_expr: check constraints as PostgreSQL 15 stores them", "[ir][normalize]") {
  // The postgres column is pg_get_expr(conbin) from a PostgreSQL 15 server.
  constexpr ExprCase kChecks[] = {
      {"price >= 0", "(price >= (0)::numeric)", "price >= 0"},
      {"price >= -1", "(price >= ('-1'::integer)::numeric)", "price >= -1"},
      {"code LIKE 'A%' OR code IS NULL", "(((code)::text ~~ 'A%'::text) OR (code IS NULL))",
       "code ~~ 'A%' or code is null"},
      {"length(v) > 1", "(length((v)::text) > 1)", "length(v) > 1"},
      {"upper(z) = z", "(upper((z)::text) = (z)::text)", "upper(z) = z"},
      {"qty BETWEEN 1 AND 100", "((qty >= 1) AND (qty <= 100))", "qty >= 1 and qty <= 100"},
      {"q not between 1 and 5", "((q < 1) OR (q > 5))", "q < 1 or q > 5"},
      {"x or r between 1 and 2", "(x OR ((r >= 1) AND (r <= 2)))", "x or r >= 1 and r <= 2"},
      {"not r between 1 and 2", "(NOT ((r >= 1) AND (r <= 2)))", "not (r >= 1 and r <= 2)"},
      {"length(name) between 1 and 200", "((length(name) >= 1) AND (length(name) <= 200))",
       "length(name) >= 1 and length(name) <= 200"},
      // position's IN separates its arguments; it is no IN list.
      {"position('@' in email) > 1", "(POSITION(('@'::text) IN (email)) > 1)",
       "position('@' in email) > 1"},
      {"position('a' in lower(email)) = 0", "(POSITION(('a'::text) IN (lower(email))) = 0)",
       "position('a' in lower(email)) = 0"},
  };
  const std::vector<std::string> text_columns = {"code", "v", "z"};  // varchar columns
  for (const ExprCase& c : kChecks) {
    INFO(c.user);
    CHECK(ir::normalize_expr(c.user, text_columns) == c.canonical);
    CHECK(ir::normalize_expr(c.postgres, text_columns) == c.canonical);
    CHECK(ir::normalize_expr(c.canonical, text_columns) == c.canonical);
  }
  // The cast goes only on the text columns named: on an integer it carries meaning.
  CHECK(ir::normalize_expr("length(n::text) > 2", text_columns) == "length(n::text) > 2");
  // Casts that may carry meaning stay.
  CHECK(ir::normalize_expr("1::numeric / 3") == "1::numeric / 3");
  CHECK(ir::normalize_expr("a between x + 1 and 2") == "a between x + 1 and 2");
  CHECK(ir::normalize_expr("a between symmetric 1 and 2") == "a between symmetric 1 and 2");
}

TEST_CASE("normalize_expr keeps what carries meaning", "[ir][normalize]") {
  CHECK(ir::normalize_expr("(a + b) * c") == "(a + b) * c");
  CHECK(ir::normalize_expr("a and (b or c)") == "a and (b or c)");
  CHECK(ir::normalize_expr("(a or b) and c") == "(a or b) and c");
  CHECK(ir::normalize_expr("(a, b) = (1, 2)") == "(a, b) = (1, 2)");
  CHECK(ir::normalize_expr("'Mixed Case'") == "'Mixed Case'");
  CHECK(ir::normalize_expr("\"MixedCase\" > 0") == "\"MixedCase\" > 0");
  CHECK(ir::normalize_expr("(c).f") == "(c).f");
  CHECK(ir::normalize_expr("a - 1") == "a - 1");
  CHECK(ir::normalize_expr("(-1)::text") == "(-1)::text");
  CHECK(ir::normalize_expr("(a > 0) = true") == "(a > 0) = true");
  CHECK(ir::normalize_expr("x in (1)") == "x = any (array[1])");
  CHECK(ir::normalize_expr("a-1") == "a - 1");
  CHECK(ir::normalize_expr("now()::date") == "now()::date");
  CHECK(ir::normalize_expr("'2020-01-01'::date + 1") == "'2020-01-01'::date + 1");
  CHECK(ir::normalize_expr("x in (select id from t)") == "x in (select id from t)");
  CHECK(ir::normalize_expr("a  /* note */ -- tail\n + 1") == "a + 1");
}

TEST_CASE("lex_sql follows PostgreSQL's operator rules", "[ir][normalize]") {
  auto tokens = ir::lex_sql("a<-1");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].text == "<");
  CHECK(tokens[2].text == "-");
  CHECK(ir::lex_sql("E'a\\'b' || $$x'y$$").size() == 3);
  CHECK(ir::lex_sql("\"A\"\"B\"")[0].text == "A\"B");
}

TEST_CASE("SqlRawLexer yields lex_sql's tokens as written", "[ir][normalize]") {
  std::string_view text = "Lower(\"A\"\"B\") <> 'x' -- note\n and \"open";
  std::vector<ir::SqlToken> cooked = ir::lex_sql(text);
  ir::SqlRawLexer lexer(text);
  ir::SqlRawToken raw;
  std::vector<std::string_view> raws;
  for (std::size_t i = 0; lexer.next(raw); ++i) {
    REQUIRE(i < cooked.size());
    CHECK(raw.kind == cooked[i].kind);
    CHECK(ir::token_text(raw) == cooked[i].text);
    raws.push_back(raw.raw);
  }
  CHECK(raws == std::vector<std::string_view>{"Lower", "(", "\"A\"\"B\"", ")", "<>", "'x'", "and",
                                              "\"open"});
  CHECK(cooked[0].text == "lower");
  CHECK(cooked[2].text == "A\"B");
  CHECK(cooked[7].text == "open");
}

TEST_CASE("normalize sorts objects and canonicalizes types and expressions", "[ir][normalize]") {
  ir::Catalog catalog;
  catalog.extensions.push_back({"postgis", {}, {}, {}, {}});
  catalog.extensions.push_back({"citext", {}, {}, {}, {}});
  ir::Schema schema;
  schema.name = "public";
  ir::Table b;
  b.name = "b";
  ir::Column col;
  col.name = "n";
  col.type.name = "int4";
  col.default_expr = "'-1'::integer";
  b.columns.push_back(col);
  col.name = "g";
  col.type = {};
  col.type.schema = "public";
  col.type.name = "geometry";
  col.default_expr.reset();
  b.columns.push_back(col);
  b.checks.push_back({"z_check", "(n > 0)", false, {}, {}});
  b.checks.push_back({"a_check", "((n < 10))", false, {}, {}});
  ir::Table a;
  a.name = "a";
  schema.tables = {b, a};
  catalog.schemas.push_back(schema);
  ir::Schema app;
  app.name = "app";
  catalog.schemas.push_back(app);

  ir::normalize(catalog);
  const std::string want =
      "extension citext\n"
      "extension postgis\n"
      "schema app\n"
      "schema public\n"
      "  table public.a\n"
      "  table public.b\n"
      "    column n integer default -1\n"
      "    column g public.geometry\n"
      "    check a_check (n < 10)\n"
      "    check z_check (n > 0)\n";
  CHECK(ir::to_debug_string(catalog) == want);
  REQUIRE(catalog.schemas[1].tables[1].columns[1].type.geo);
  ir::Catalog again = catalog;
  ir::normalize(again);
  CHECK(ir::to_debug_string(again) == want);
}

// normalize_type and normalize_expr keep each spelling's result for the next
// time it comes: the second and later answers must be the first one's, and a
// cached answer must not leak from one spelling (or array-ness) to another.
TEST_CASE("normalize_type: each spelling canonical, the first time and again", "[ir][normalize]") {
  auto normalized = [](std::string name, std::vector<std::string> mods, bool array) {
    ir::TypeRef type;
    type.name = std::move(name);
    type.modifiers = std::move(mods);
    type.is_array = array;
    ir::normalize_type(type);
    return type;
  };
  for (int round = 0; round < 2; ++round) {
    INFO("round " << round);
    ir::TypeRef a = normalized("int4", {}, true);
    CHECK(a.name == "integer");
    CHECK(a.is_array);
    ir::TypeRef b = normalized("int4", {}, false);
    CHECK(b.name == "integer");
    CHECK_FALSE(b.is_array);
    CHECK(normalized("numeric", {"12"}, false).modifiers == std::vector<std::string>{"12", "0"});
    CHECK(normalized("numeric", {"12", "2"}, false).modifiers ==
          std::vector<std::string>{"12", "2"});
    CHECK(normalized("numeric", {}, false).modifiers.empty());
    CHECK(normalized("float", {"30"}, false).name == "double precision");
    CHECK(normalized("varchar", {"80"}, false).name == "character varying");
    CHECK(normalized("my_type", {}, false).name == "my_type");  // not built in: kept
    ir::TypeRef geo;
    geo.schema = "public";
    geo.name = "geometry";
    geo.geo = ir::GeoType{"POINT", false, false, 4326};
    ir::normalize_type(geo);
    REQUIRE(geo.geo);
    CHECK(geo.geo->subtype == "Point");
    geo.geo->subtype = "polygon";
    ir::normalize_type(geo);
    CHECK(geo.geo->subtype == "Polygon");
  }
}

TEST_CASE("normalize_expr_in_place gives normalize_expr's text", "[ir][normalize]") {
  const std::vector<std::string> texts = {"code"};
  for (int round = 0; round < 2; ++round) {
    for (std::string_view written :
         {"(code)::text ~~ 'A%'::text", "CURRENT_TIMESTAMP", "now()", "(n > 0)"}) {
      std::string expr(written);
      ir::normalize_expr_in_place(expr, texts);
      CHECK(expr == ir::normalize_expr(written, texts));
      std::string plain(written);
      ir::normalize_expr_in_place(plain);
      CHECK(plain == ir::normalize_expr(written));
    }
  }
  std::string cast("(code)::text ~~ 'A%'::text");
  ir::normalize_expr_in_place(cast, texts);
  CHECK(cast == "code ~~ 'A%'");
  std::string kept("(code)::text ~~ 'A%'::text");
  ir::normalize_expr_in_place(kept);  // not a text column here: the cast stays
  CHECK(kept == "code::text ~~ 'A%'");
}

TEST_CASE("normalize folds spelled-out serial columns into serial, one sequence each") {
  auto serial_sequence = [](const std::string& table, const std::string& column) {
    ir::Sequence s;
    s.name = table + "_" + column + "_seq";
    s.data_type = "bigint";
    s.start = 1;
    s.min_value = 1;
    s.max_value = std::numeric_limits<std::int64_t>::max();
    s.owned_by = ir::SequenceOwner{table, column};
    return s;
  };
  auto id_column = [](const std::string& name, const std::string& sequence) {
    ir::Column c;
    c.name = name;
    c.type.name = "bigint";
    c.not_null = true;
    c.default_expr = "nextval('" + sequence + "')";
    return c;
  };
  ir::Catalog catalog;
  ir::Schema& schema = catalog.schemas.emplace_back();
  schema.name = "public";
  ir::Sequence unrelated = serial_sequence("other", "id");
  unrelated.name = "free_standing";
  unrelated.owned_by.reset();
  schema.sequences = {serial_sequence("a", "id"), unrelated, serial_sequence("b", "id")};
  ir::Table a, b;
  a.name = "a";
  // Two columns call a's sequence: only its owner becomes serial.
  a.columns = {id_column("id", "a_id_seq"), id_column("copy", "a_id_seq")};
  b.name = "b";
  b.columns = {id_column("id", "b_id_seq"), id_column("other", "free_standing")};
  schema.tables = {a, b};

  ir::normalize(catalog);
  const ir::Schema& out = catalog.schemas.front();
  REQUIRE(out.sequences.size() == 1);
  CHECK(out.sequences.front().name == "free_standing");
  const ir::Table* ta = ir::find_table(catalog, {"public", "a"});
  const ir::Table* tb = ir::find_table(catalog, {"public", "b"});
  REQUIRE(ta);
  REQUIRE(tb);
  auto column = [](const ir::Table& t, const std::string& name) {
    for (const ir::Column& c : t.columns)
      if (c.name == name) return c;
    FAIL("no column " << name);
    return ir::Column{};
  };
  CHECK(column(*ta, "id").serial);
  CHECK(column(*ta, "id").serial_sequence.name == "a_id_seq");
  CHECK_FALSE(column(*ta, "id").default_expr);
  CHECK_FALSE(column(*ta, "copy").serial);
  CHECK(column(*ta, "copy").default_expr);
  CHECK(column(*tb, "id").serial);
  CHECK_FALSE(column(*tb, "other").serial);
}
