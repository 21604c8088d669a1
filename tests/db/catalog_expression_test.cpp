// Database tests of canonicalize_expressions: checks, defaults, index
// expressions and predicates and generation expressions that PostgreSQL prints
// its own way compare equal to the files' text against a matching database,
// in a fixed number of statements, leaving nothing behind; genuine changes are
// still planned, in the files' spelling.
#include <catch2/catch.hpp>

#include "catalog/canonicalize.hpp"
#include "catalog/execute.hpp"
#include "cli/pipeline.hpp"
#include "db_support.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"
#include "ir/catalog.hpp"
#include "ir/normalize.hpp"

using namespace schemac;
using testing::ScratchDb;

namespace {

// The same table twice: as the database was built, and as the files say it.
const char* const kSql = R"sql(
CREATE TABLE accounts (
  id integer PRIMARY KEY,
  email text NOT NULL CHECK (position('@' in email) > 1),
  code text CHECK (substring(code from 1 for 3) <> 'xxx'),
  born date CHECK (extract(year from born) > 1900),
  score numeric(10,2) CHECK (coalesce(score, 0) >= 0),
  a integer CHECK (cast(a as bigint) < 1000000),
  b integer,
  name varchar(80) CHECK (name::varchar(10) <> ''),
  created timestamptz NOT NULL DEFAULT now() - interval '1 day',
  day date DEFAULT current_date,
  label varchar(10) DEFAULT 'x'::varchar(10),
  tags text[] DEFAULT array['a', 'b'],
  span interval DEFAULT interval '1 day',
  since date DEFAULT date '2000-01-01',
  prefix text GENERATED ALWAYS AS (substring(code from 1 for 3)) STORED,
  at_pos integer GENERATED ALWAYS AS (position('@' in email)) STORED,
  differ boolean GENERATED ALWAYS AS (a is distinct from b) STORED,
  CONSTRAINT accounts_recent CHECK (created > now() - interval '100 years'),
  CONSTRAINT accounts_tags CHECK (tags <> array['x', 'y']),
  CONSTRAINT accounts_distinct CHECK (a is distinct from b),
  CONSTRAINT accounts_between CHECK (a between 1 and b + 1),
  CONSTRAINT accounts_case CHECK (case when a > 0 then b > 0 else true end),
  CONSTRAINT accounts_since CHECK (created > timestamptz '2000-01-01 00:00:00+00')
);
CREATE INDEX accounts_at_idx ON accounts ((position('@' in email)));
CREATE INDEX accounts_year_idx ON accounts ((extract(year from born)));
CREATE INDEX accounts_email_idx ON accounts (lower(email)) WHERE (score is distinct from 0);
CREATE INDEX accounts_born_idx ON accounts (email) WHERE (born > date '2000-01-01');
)sql";

const char* const kSchema = R"(
table accounts {
  id      integer primary key
  email   text not null check (position('@' in email) > 1)
  code    text check (substring(code from 1 for 3) <> 'xxx')
  born    date check (extract(year from born) > 1900)
  score   numeric(10,2) check (coalesce(score, 0) >= 0)
  a       integer check (cast(a as bigint) < 1000000)
  b       integer
  name    varchar(80) check (name::varchar(10) <> '')
  created timestamptz not null default now() - interval '1 day'
  day     date default current_date
  label   varchar(10) default 'x'::varchar(10)
  tags    text[] default array['a', 'b']
  span    interval default interval '1 day'
  since   date default date '2000-01-01'
  prefix  text generated always as (substring(code from 1 for 3)) stored
  at_pos  integer generated always as (position('@' in email)) stored
  differ  boolean generated always as (a is distinct from b) stored
  constraint accounts_recent check (created > now() - interval '100 years')
  constraint accounts_tags check (tags <> array['x', 'y'])
  constraint accounts_distinct check (a is distinct from b)
  constraint accounts_between check (a between 1 and b + 1)
  constraint accounts_case check (case when a > 0 then b > 0 else true end)
  constraint accounts_since check (created > timestamptz '2000-01-01 00:00:00+00')
  index accounts_at_idx (position('@' in email))
  index accounts_year_idx (extract(year from born))
  index accounts_email_idx (lower(email)) where (score is distinct from 0)
  index accounts_born_idx (email) where (born > date '2000-01-01')
}
)";

ir::Catalog desired_from(const std::string& text) {
  base::SourceManager sources;
  base::Diagnostics diags;
  const base::FileId id = sources.add("test.schema", text);
  auto file = dsl::parse(sources, id, diags);
  INFO(testing::all_messages(diags));
  REQUIRE(file);
  std::vector<dsl::ast::File> files{std::move(*file)};
  ir::Catalog catalog = dsl::lower(files, {}, diags);
  REQUIRE(diags.error_count() == 0);
  return catalog;
}

std::string summaries(const plan::Plan& plan) {
  std::string out;
  for (const plan::Step& step : plan.steps) out += step.summary + "\n";
  return out;
}

// plan_with plans current -> desired as `plan` does, canonicalizing or not.
plan::Plan plan_with(const ScratchDb& db, ir::Catalog desired, bool canonicalize,
                     catalog::ExpressionStats* stats = nullptr) {
  ir::Catalog current = db.inspect();
  base::Diagnostics diags;
  if (canonicalize) {
    auto conn = db.connect();
    REQUIRE(catalog::canonicalize_expressions(*conn, current, desired, diags, stats));
  }
  auto plan = cli::make_plan(current, desired, {"public"}, diags);
  INFO(testing::all_messages(diags));
  REQUIRE(plan);
  return *plan;
}

const ir::Table& table_of(const ir::Catalog& catalog, const std::string& name) {
  const ir::Table* table = ir::find_table(catalog, {"public", name});
  REQUIRE(table);
  return *table;
}

}  // namespace

TEST_CASE("expressions PostgreSQL prints its own way compare equal: the plan is empty",
          "[db][expr]") {
  ScratchDb db;
  db.run(kSql);
  const ir::Catalog desired = desired_from(kSchema);
  // The offline normaliser alone shows phantom changes for these forms...
  CHECK_FALSE(plan_with(db, desired, false).empty());
  // ...comparing them as PostgreSQL prints them shows none.
  catalog::ExpressionStats stats;
  const plan::Plan plan = plan_with(db, desired, true, &stats);
  INFO(summaries(plan));
  CHECK(plan.empty());
  CHECK(stats.queries == 3);
  CHECK(stats.rewritten == stats.candidates);
  CHECK(stats.candidates >= 4);
}

TEST_CASE("a matching database written in plain forms costs no statement", "[db][expr]") {
  ScratchDb db;
  db.run(
      "CREATE TABLE t (id integer PRIMARY KEY, n integer DEFAULT 0 CHECK (n >= 0),"
      " s text DEFAULT 'x' CHECK (length(s) > 0));\n"
      "CREATE INDEX t_s_idx ON t (lower(s)) WHERE n > 0;");
  catalog::ExpressionStats stats;
  const plan::Plan plan = plan_with(db,
                                    desired_from("table t {\n"
                                                 "  id integer primary key\n"
                                                 "  n integer default 0 check (n >= 0)\n"
                                                 "  s text default 'x' check (length(s) > 0)\n"
                                                 "  index t_s_idx (lower(s)) where (n > 0)\n"
                                                 "}\n"),
                                    true, &stats);
  INFO(summaries(plan));
  CHECK(plan.empty());
  CHECK(stats.candidates == 0);
  CHECK(stats.queries == 0);
}

TEST_CASE("a genuinely changed expression is planned, in the files' spelling", "[db][expr]") {
  ScratchDb db;
  db.run(kSql);
  std::string schema = kSchema;
  const auto replace = [&](const std::string& from, const std::string& to) {
    const std::size_t at = schema.find(from);
    REQUIRE(at != std::string::npos);
    schema.replace(at, from.size(), to);
  };
  replace("position('@' in email) > 1", "position('@' in email) > 2");
  replace("default now() - interval '1 day'", "default now() - interval '2 days'");
  replace("where (born > date '2000-01-01')", "where (born > date '2010-01-01')");
  replace("(substring(code from 1 for 3)) stored", "(substring(code from 1 for 4)) stored");
  ir::Catalog desired = desired_from(schema);
  catalog::ExpressionStats stats;
  const plan::Plan plan = plan_with(db, desired, true, &stats);
  const std::string steps = summaries(plan);
  INFO(steps);
  CHECK(stats.queries == 3);
  CHECK(stats.rewritten == stats.candidates - 4);
  CHECK(steps.find("accounts_email_check") != std::string::npos);
  CHECK(steps.find("accounts_born_idx") != std::string::npos);
  CHECK(steps.find("accounts_at_idx") == std::string::npos);
  CHECK(steps.find("accounts_recent") == std::string::npos);
  // The changed ones keep the files' text, which apply runs.
  auto conn = db.connect();
  base::Diagnostics diags;
  ir::Catalog current = db.inspect();
  REQUIRE(catalog::canonicalize_expressions(*conn, current, desired, diags));
  const ir::Table& want = table_of(desired, "accounts");
  CHECK(*ir::find_column(want, "created")->default_expr == "now() - interval '2 days'");
  CHECK(*ir::find_column(want, "prefix")->generated_expr == "substring(code from 1 for 4)");
  for (const ir::Index& index : want.indexes) {
    if (index.name == "accounts_born_idx") CHECK(*index.where == "born > date '2010-01-01'");
    if (index.name == "accounts_email_idx")
      CHECK(index.where->find("IS DISTINCT") != std::string::npos);
  }
}

TEST_CASE("canonicalize_expressions leaves nothing behind and can run again", "[db][expr]") {
  ScratchDb db;
  db.run(kSql);
  ir::Catalog before = db.inspect();
  auto conn = db.connect();
  for (int round = 0; round < 2; ++round) {
    ir::Catalog desired = desired_from(kSchema);
    base::Diagnostics diags;
    catalog::ExpressionStats stats;
    REQUIRE(catalog::canonicalize_expressions(*conn, before, desired, diags, &stats));
    CHECK(diags.all().empty());
    CHECK(stats.rewritten == stats.candidates);
  }
  ir::Catalog after = db.inspect();
  ir::normalize(before);
  ir::normalize(after);
  CHECK(after == before);
  // No temporary table or index survives, in the session that made them or
  // anywhere, and that session has no transaction left open (execute opens one).
  base::Diagnostics diags;
  CHECK(catalog::execute(*conn,
                         {{"DO $$ BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_class WHERE "
                           "relnamespace = pg_catalog.pg_my_temp_schema() OR relname LIKE "
                           "'schemac\\_expr\\_%') THEN RAISE EXCEPTION 'left behind'; END IF; "
                           "END $$",
                           true}},
                         {}, diags));
  INFO(testing::all_messages(diags));
  CHECK(diags.error_count() == 0);
}

TEST_CASE("the statements do not grow with the number of expressions", "[db][expr]") {
  const auto stats_for = [](int tables) {
    ScratchDb db;
    std::string sql, schema;
    for (int i = 0; i < tables; ++i) {
      const std::string t = "t" + std::to_string(i);
      sql += "CREATE TABLE " + t +
             " (id int PRIMARY KEY, n int CHECK (cast(n as bigint) < 10),"
             " at timestamptz DEFAULT now() + '1 hour'::interval);\n"
             "CREATE INDEX " +
             t + "_idx ON " + t + " ((cast(n as bigint)));\n";
      schema += "table " + t +
                " {\n  id int primary key\n"
                "  n int check (cast(n as bigint) < 10)\n"
                "  at timestamptz default now() + '1 hour'::interval\n"
                "  index " +
                t + "_idx ((cast(n as bigint)))\n}\n";
    }
    db.run(sql);
    catalog::ExpressionStats stats;
    const plan::Plan plan = plan_with(db, desired_from(schema), true, &stats);
    INFO(summaries(plan));
    CHECK(plan.empty());
    CHECK(stats.candidates == 3 * tables);
    return stats.queries;
  };
  CHECK(stats_for(2) == 3);
  CHECK(stats_for(40) == 3);
}

TEST_CASE("renamed columns compare under their new names; retyped ones keep their text",
          "[db][expr]") {
  ScratchDb db;
  db.run(
      "CREATE TABLE people (id int PRIMARY KEY, mail text CHECK (mail::varchar(10) <> ''),"
      " n int CHECK (cast(n as bigint) < 10), m int CHECK (cast(m as bigint) < 10));\n"
      "CREATE INDEX people_mail_idx ON people ((cast(length(mail) as bigint)));");
  ir::Catalog desired = desired_from(
      "table people {\n"
      "  id int primary key\n"
      "  email text renamed from mail\n"
      "  n bigint check (cast(n as bigint) < 10)\n"
      "  m int check (cast(m as bigint) < 10)\n"
      "  constraint people_mail_check check (email::varchar(10) <> '')\n"
      "  index people_mail_idx ((cast(length(email) as bigint)))\n"
      "}\n");
  catalog::ExpressionStats stats;
  const plan::Plan plan = plan_with(db, desired, true, &stats);
  const std::string steps = summaries(plan);
  INFO(steps);
  CHECK(steps.find("people_mail_check") == std::string::npos);
  CHECK(steps.find("people_mail_idx") == std::string::npos);
  CHECK(steps.find("people_m_check") == std::string::npos);
  // n changes type: its check is left to the normaliser, as written.
  auto conn = db.connect();
  base::Diagnostics diags;
  const ir::Catalog current = db.inspect();
  REQUIRE(catalog::canonicalize_expressions(*conn, current, desired, diags));
  for (const ir::CheckConstraint& check : table_of(desired, "people").checks) {
    if (check.name == "people_n_check") CHECK(check.expr == "cast(n as bigint) < 10");
    if (check.name == "people_m_check") CHECK(check.expr == "((m)::bigint < 10)");
    if (check.name == "people_mail_check")
      CHECK(check.expr.find("::character varying") != std::string::npos);
  }
}

TEST_CASE("an expression PostgreSQL refuses keeps its text", "[db][expr]") {
  ScratchDb db;
  db.run("CREATE TABLE t (id int PRIMARY KEY, a int CHECK (coalesce(a, 0) >= 0));");
  ir::Catalog desired = desired_from(
      "table t {\n  id int primary key\n  a int\n"
      "  constraint t_a_check check (coalesce(a, no_such_column) >= 0)\n}\n");
  auto conn = db.connect();
  base::Diagnostics diags;
  catalog::ExpressionStats stats;
  REQUIRE(catalog::canonicalize_expressions(*conn, db.inspect(), desired, diags, &stats));
  CHECK(stats.candidates == 1);
  CHECK(stats.rewritten == 0);
  CHECK(table_of(desired, "t").checks[0].expr == "coalesce(a, no_such_column) >= 0");
}

TEST_CASE("canonicalize_expressions warns when no temporary table can be made", "[db][expr]") {
  ScratchDb db;
  db.run(
      "CREATE TABLE t (id int PRIMARY KEY, a int CHECK (cast(a as bigint) < 10));\n"
      "ALTER DATABASE \"" +
      db.name() + "\" SET default_transaction_read_only = on;");
  ir::Catalog desired =
      desired_from("table t {\n  id int primary key\n  a int check (cast(a as bigint) < 10)\n}\n");
  auto conn = db.connect();
  base::Diagnostics diags;
  REQUIRE(catalog::canonicalize_expressions(*conn, db.inspect(), desired, diags));
  CHECK(diags.error_count() == 0);
  const std::string messages = testing::all_messages(diags);
  CHECK(messages.find("W0407") != std::string::npos);
  CHECK(table_of(desired, "t").checks[0].expr == "cast(a as bigint) < 10");
}

TEST_CASE("a renamed table is compared through its old one", "[db][expr]") {
  ScratchDb db;
  db.run(
      "CREATE TABLE persons (id int PRIMARY KEY, n int, m int CHECK (cast(m as bigint) < 10),"
      " g1 int DEFAULT cast(2 ^ 3 as int),"
      " CONSTRAINT n_small CHECK (cast(n as bigint) < 10));\n"
      "CREATE INDEX persons_n_idx ON persons ((cast(n as bigint)));");
  catalog::ExpressionStats stats;
  const plan::Plan plan =
      plan_with(db,
                desired_from("table people renamed from persons {\n"
                             "  id int primary key\n"
                             "  n int\n"
                             "  m int check (cast(m as bigint) < 10)\n"
                             "  g1 int default cast(2 ^ 3 as int)\n"
                             "  constraint n_small check (cast(n as bigint) < 10)\n"
                             "  index persons_n_idx ((cast(n as bigint)))\n"
                             "}\n"),
                true, &stats);
  const std::string steps = summaries(plan);
  INFO(steps);
  CHECK(stats.candidates == 4);
  CHECK(stats.rewritten == 4);
  // The table and its implicitly named primary key and check are renamed;
  // nothing else (the check is not dropped and added again).
  CHECK(plan.steps.size() == 3);
  CHECK(steps.find("rename constraint persons_m_check") != std::string::npos);
  CHECK(steps.find("rename table") != std::string::npos);
  CHECK(steps.find("n_small") == std::string::npos);
  CHECK(steps.find("persons_n_idx") == std::string::npos);
  CHECK(steps.find("g1") == std::string::npos);
}
