// dsl::format: the canonical layout, comments kept, idempotence, and that
// formatting never changes what a file means (lowered catalogs are equal).
#include <catch2/catch.hpp>

#include "base/render.hpp"
#include "dsl/format.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"
#include "ir/normalize.hpp"

using namespace schemac;

namespace {

std::string format_text(const std::string& text) {
  base::SourceManager sources;
  base::Diagnostics diags;
  base::FileId id = sources.add("app.schema", text);
  auto formatted = dsl::format_source(sources, id, diags);
  INFO(base::render_text(sources, diags));
  REQUIRE(formatted);
  return *formatted;
}

ir::Catalog lowered(const std::string& text) {
  base::SourceManager sources;
  base::Diagnostics diags;
  base::FileId id = sources.add("app.schema", text);
  auto file = dsl::parse(sources, id, diags);
  REQUIRE(file);
  std::vector<dsl::ast::File> files;
  files.push_back(std::move(*file));
  ir::Catalog catalog = dsl::lower(files, {}, diags);
  INFO(base::render_text(sources, diags));
  REQUIRE_FALSE(diags.has_errors());
  ir::normalize(catalog);
  return catalog;
}

// formats checks the expected output, that formatting it again changes
// nothing, and that both lower to the same catalog.
void check_format(const std::string& input, const std::string& expected) {
  std::string once = format_text(input);
  CHECK(once == expected);
  CHECK(format_text(once) == once);
  CHECK(lowered(once) == lowered(input));
}

}  // namespace

TEST_CASE("format aligns column names and types, and orders table entries") {
  check_format(R"(table users {
  index users_email_idx (email)
  check (length(email) > 3)
  primary key (id)
      id uuid default gen_random_uuid()
  email   text not null unique
  display_name text
  comment 'Accounts.'
}
)",
               R"(table users {
  id           uuid default gen_random_uuid()
  email        text not null unique
  display_name text
  primary key (id)
  check (length(email) > 3)
  index users_email_idx (email)
  comment 'Accounts.'
}
)");
}

TEST_CASE("format keeps line, block and doc comments next to their construct") {
  check_format(R"(// header comment

/// Accounts.
table users {   // after the brace
  /// The key.
  id   uuid primary key  // trailing
  /* before name */
  name text  /* block */ // and line
  -- sql style
  index (name)

  // dangling at the end
}  // after the table
)",
               R"(// header comment

/// Accounts.
table users {  // after the brace
  /// The key.
  id   uuid primary key  // trailing
  /* before name */
  name text  /* block */ // and line
  -- sql style
  index (name)

  // dangling at the end
}  // after the table
)");
}

TEST_CASE("format moves comments inside a one-line entry before it") {
  check_format("table t {\n  a /* why */ integer not null\n}\n",
               "table t {\n  /* why */\n  a integer not null\n}\n");
}

TEST_CASE("format keeps comments with table entries it reorders") {
  check_format(R"(table t {
  // the index
  index (a)
  a integer  // the column
}
)",
               R"(table t {
  a integer  // the column
  // the index
  index (a)
}
)");
}

TEST_CASE("format spells keywords and types canonically, splits entries on one line") {
  check_format(R"(extension postgis
extension  pgcrypto   version '1.3'
enum kind {'a','b'}
table t { a INTEGER not null, b timestamp (3) with time zone
  c varchar (80) [] references  u(id) on delete cascade
  d numeric(12,2)
  constraint t_pk primary key (a) }
table u { id integer primary key }
sequence s start with 5 increment by 2 no cycle
)",
               R"(extension postgis
extension pgcrypto version '1.3'

enum kind { 'a', 'b' }

table t {
  a integer       not null
  b timestamp(3) with time zone
  c varchar(80)[] references u (id) on delete cascade
  d numeric(12,2)
  constraint t_pk primary key (a)
}

table u {
  id integer primary key
}

sequence s start 5 increment 2 no cycle
)");
}

TEST_CASE("format keeps blank lines between entries, at most one") {
  check_format("table t {\n  a integer\n\n\n  b integer\n}\n\n\n\nview v as (select a from t)\n",
               "table t {\n  a integer\n\n  b integer\n}\n\nview v as (select a from t)\n");
}

TEST_CASE("format re-indents a multi-line view query as a block") {
  check_format(R"(table t { a integer }
schema s {
view v as (select a,
                  a + 1 as b
             from public.t)
}
)",
               R"(table t {
  a integer
}

schema s {
  view v as (
    select a,
           a + 1 as b
      from public.t
  )
}
)");
}

TEST_CASE("format leaves a view query with a multi-line literal as written") {
  std::string input = "table t { a text }\nview v as (\n  select 'x\n  y' as a\n)\n";
  std::string once = format_text(input);
  CHECK(once == "table t {\n  a text\n}\n\nview v as (\n  select 'x\n  y' as a\n)\n");
  CHECK(format_text(once) == once);
}

TEST_CASE("format splits an enum with comments over lines") {
  check_format("enum kind { 'a', // first\n 'b' }\n", "enum kind {\n  'a',  // first\n  'b'\n}\n");
}

TEST_CASE("format aligns trailing comments of consecutive lines") {
  check_format(R"(extension postgis // spatial
extension pgcrypto // uuids
table t {
  id integer // key
  longer_name text not null // name
}
)",
               R"(extension postgis   // spatial
extension pgcrypto  // uuids

table t {
  id          integer        // key
  longer_name text not null  // name
}
)");
}

TEST_CASE("format keeps a file of comments only") {
  CHECK(format_text("// nothing here\n\n\n/* yet */\n") == "// nothing here\n\n/* yet */\n");
}

TEST_CASE("format refuses a file with syntax errors") {
  base::SourceManager sources;
  base::Diagnostics diags;
  base::FileId id = sources.add("bad.schema", "table t {\n  a integer not nul\n}\n");
  CHECK_FALSE(dsl::format_source(sources, id, diags));
  CHECK(diags.has_errors());
}

TEST_CASE("format indents schema blocks and keeps their comments") {
  check_format(
      "schema analytics { // reporting\n// events\ntable events { id bigint primary key\n"
      "constraint constraint_x unique (id) } // end\n\n\nsequence n\n}\n",
      "schema analytics {  // reporting\n  // events\n  table events {\n"
      "    id bigint primary key\n    constraint constraint_x unique (id)\n  }  // end\n\n"
      "  sequence n\n}\n");
}

TEST_CASE("format prints inspect-like text unchanged") {
  std::string text = R"(// Written by `schemac inspect`.

extension postgis  // installed: 3.3.2

table users {
  id    integer not null
  email text    not null
  constraint users_pkey primary key (id)
  index users_email_idx (email)
}
)";
  CHECK(format_text(text) == text);
}

TEST_CASE("format moves a doc comment before a constraint to the column it documents") {
  check_format("table t {\n  id integer\n  /// The name.\n  primary key (id)\n  name text\n}\n",
               "table t {\n  id   integer\n  /// The name.\n  name text\n  primary key (id)\n}\n");
}
