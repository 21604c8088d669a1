// Lowering tests on real .schema text: parse, then lower, then compare the IR
// dump or the rendered diagnostics.
#include <catch2/catch.hpp>

#include "base/render.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"
#include "ir/normalize.hpp"
#include "ir/print.hpp"

namespace base = schemac::base;
namespace dsl = schemac::dsl;
namespace ir = schemac::ir;

namespace {

struct Lowered {
  std::string dump;    // normalized IR
  std::string errors;  // rendered diagnostics
};

Lowered lower_text(std::vector<std::string> texts) {
  base::SourceManager sources;
  base::Diagnostics diags;
  std::vector<dsl::ast::File> files;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    base::FileId id = sources.add("f" + std::to_string(i) + ".schema", texts[i]);
    auto file = dsl::parse(sources, id, diags);
    if (file) files.push_back(std::move(*file));
  }
  ir::Catalog catalog = dsl::lower(files, dsl::LowerOptions{}, diags);
  ir::normalize(catalog);
  return {ir::to_debug_string(catalog), base::render_text(sources, diags)};
}

}  // namespace

TEST_CASE("lower text: files form one desired state, in any order", "[dsl][lower]") {
  Lowered r = lower_text({
      "table maps {\n"
      "  id     uuid primary key default gen_random_uuid()\n"
      "  kind   layer_kind not null default 'vector'\n"
      "  extent geometry(polygon, 4326)\n"
      "  at     timestamptz not null default CURRENT_TIMESTAMP\n"
      "}\n",
      "extension postgis\n"
      "enum layer_kind { 'vector', 'raster' }\n"
      "schema analytics {\n"
      "  table events {\n"
      "    id    bigint primary key\n"
      "    place geography(Point)\n"
      "    score numeric(5, 2) default (-1)\n"
      "  }\n"
      "}\n",
  });
  CHECK(r.errors == "");
  CHECK(r.dump ==
        "extension postgis\n"
        "schema analytics\n"
        "  table analytics.events\n"
        "    column id bigint not null\n"
        "    column place public.geography(Point,4326)\n"
        "    column score numeric(5,2) default -1\n"
        "    primary key events_pkey (id)\n"
        "schema public\n"
        "  enum public.layer_kind ('vector', 'raster')\n"
        "  table public.maps\n"
        "    column id uuid not null default gen_random_uuid()\n"
        "    column kind public.layer_kind not null default 'vector'\n"
        "    column extent public.geometry(Polygon,4326)\n"
        "    column at timestamp with time zone not null default current_timestamp\n"
        "    primary key maps_pkey (id)\n");
}

TEST_CASE("lower text: diagnostics render with spans and notes", "[dsl][lower]") {
  Lowered r = lower_text({
      "table users {\n"
      "  id    integer primary key\n"
      "  email text\n"
      "  email text\n"
      "  age   intgr\n"
      "}\n",
  });
  CHECK(r.errors ==
        "f0.schema:4:3: error: duplicate column \"email\" in table \"public.users\" [E0203]\n"
        "  email text\n"
        "  ^~~~~\n"
        "f0.schema:3:3: note: previous declaration is here\n"
        "  email text\n"
        "  ^~~~~\n"
        "f0.schema:5:9: error: unknown type \"intgr\" [E0207]\n"
        "  age   intgr\n"
        "        ^~~~~\n"
        "f0.schema:5:9: note: did you mean \"integer\"?\n"
        "  age   intgr\n"
        "        ^~~~~\n");
}

TEST_CASE("lower text: a table may not share its name with an enum", "[dsl][lower]") {
  // The enums are found among the tables; the errors still follow the tables' order,
  // which here is not the enums' (alphabetical) order.
  Lowered r = lower_text({
      "table zone { id int }\n"
      "table area { id int }\n",
      "enum area { 'a' }\n"
      "enum zone { 'z' }\n",
  });
  CHECK(r.errors ==
        "f0.schema:1:7: error: table \"public.zone\" has the same name as an enum (a table is "
        "also a type) [E0222]\n"
        "table zone { id int }\n"
        "      ^~~~\n"
        "f1.schema:2:6: note: enum declared here\n"
        "enum zone { 'z' }\n"
        "     ^~~~\n"
        "f0.schema:2:7: error: table \"public.area\" has the same name as an enum (a table is "
        "also a type) [E0222]\n"
        "table area { id int }\n"
        "      ^~~~\n"
        "f1.schema:1:6: note: enum declared here\n"
        "enum area { 'a' }\n"
        "     ^~~~\n");
}

TEST_CASE("lower text: geometry needs postgis and valid typmods", "[dsl][lower]") {
  Lowered r = lower_text({
      "table places {\n"
      "  a geometry(Pointy, 4326)\n"
      "  b geometry(Point, -1)\n"
      "}\n",
  });
  CHECK(r.errors ==
        "f0.schema:2:5: error: type geometry needs 'extension postgis' [E0217]\n"
        "  a geometry(Pointy, 4326)\n"
        "    ^~~~~~~~~~~~~~~~~~~~~~\n"
        "f0.schema:2:14: error: invalid geometry subtype \"Pointy\" [E0208]\n"
        "  a geometry(Pointy, 4326)\n"
        "             ^~~~~~\n"
        "f0.schema:3:5: error: type geometry needs 'extension postgis' [E0217]\n"
        "  b geometry(Point, -1)\n"
        "    ^~~~~~~~~~~~~~~~~~~\n"
        "f0.schema:3:21: error: invalid SRID \"-1\": expected an integer from 0 to 999999 "
        "[E0209]\n"
        "  b geometry(Point, -1)\n"
        "                    ^~\n");
}

TEST_CASE("lower text: serial cannot be an array", "[dsl][lower]") {
  Lowered r = lower_text({
      "table users {\n"
      "  id    serial[] primary key\n"
      "}\n",
  });
  CHECK(r.errors ==
        "f0.schema:2:9: error: serial cannot have modifiers or be an array; use integer with an "
        "identity or a sequence [E0218]\n"
        "  id    serial[] primary key\n"
        "        ^~~~~~~~\n");
}

TEST_CASE("lower text: a file uses what later files declare", "[dsl][lower]") {
  const std::vector<std::string> texts = {
      "table orders {\n"
      "  id       bigint generated always as identity primary key\n"
      "  customer bigint not null references customers on delete cascade\n"
      "  state    order_state not null default 'open'\n"
      "  contact  email\n"
      "  code     citext\n"
      "  drop_at  geometry(Point, 4326)\n"
      "}\n"
      "sequence order_numbers owned by customers.id\n"
      "view open_orders as (select id from orders where state = 'open')\n",
      "extension postgis\n"
      "extension citext\n"
      "enum order_state { 'open', 'closed' }\n"
      "domain email as text check (value like '%@%')\n"
      "table customers {\n"
      "  id bigint primary key\n"
      "}\n",
  };
  Lowered lowered = lower_text(texts);
  CHECK(lowered.errors == "");
  CHECK(lowered.dump.find("column state public.order_state not null") != std::string::npos);
  CHECK(lowered.dump.find("column contact public.email") != std::string::npos);
  CHECK(lowered.dump.find("column code public.citext") != std::string::npos);
  CHECK(lowered.dump.find("column drop_at public.geometry(Point,4326)") != std::string::npos);
  CHECK(lowered.dump.find("references public.customers (id) on delete cascade") !=
        std::string::npos);
  // The same catalog with the files the other way round.
  CHECK(lowered.dump == lower_text({texts[1], texts[0]}).dump);

  // An identity column must be of an integer type, even through a domain
  // declared in a later file.
  Lowered identity = lower_text({
      "table t {\n"
      "  id code generated always as identity\n"
      "}\n",
      "domain code as integer\n",
  });
  CHECK(identity.errors ==
        "f0.schema:2:6: error: identity column \"id\" must be smallint, integer or bigint "
        "[E0221]\n"
        "  id code generated always as identity\n"
        "     ^~~~\n");
}

namespace {

// emitted lists diagnostics in emission order (not sorted), with their places.
std::string emitted(const base::Diagnostics& diags) {
  std::string out;
  for (const base::Diagnostic& d : diags.all()) {
    out += std::string(base::code(d.kind)) + " ";
    if (d.span) out += std::to_string(d.span->file) + ":" + std::to_string(d.span->begin) + " ";
    out += d.message + "\n";
    for (const base::Note& note : d.notes) out += "  note: " + note.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("lower text: any number of threads gives the same catalog and diagnostics",
          "[dsl][lower][parallel]") {
  // 1,600 tables in four files, enough for three runs of at least 500 tables.
  // Each references the one before (across files too), has an unnamed check,
  // unique and index, and uses an enum declared in the last file; four tables
  // have errors, in different runs. Three more, in the first and last files,
  // have implicit names that clash with names of other runs.
  base::SourceManager sources;
  std::vector<dsl::ast::File> files;
  base::Diagnostics parse_diags;
  for (int f = 0; f < 4; ++f) {
    std::string text;
    for (int i = f * 400; i < (f + 1) * 400; ++i) {
      std::string n = std::to_string(i);
      text += "table t" + n + " {\n  id bigint primary key\n";
      text += i == 100 ? "  kind no_such_type\n" : "  kind mood not null default 'ok'\n";
      if (i > 0)
        text += "  prev_id bigint references " +
                std::string(i == 900 ? "missing_table" : "t" + std::to_string(i - 1)) +
                (i == 1550 ? " (no_col)" : "") + "\n";
      text += "  name text not null check (length(name) > 0) unique\n";
      if (i == 1300) text += "  name text\n";
      text += "  index (kind)\n}\n";
    }
    if (f == 0) text += "table pair {\n  b_c text unique\n  x int\n  index (x)\n}\n";
    if (f == 3) {
      text += "enum mood { 'ok', 'sad' }\n";
      text += "table pair_b {\n  c text unique check (c <> '') check (c <> 'x')\n}\n";
      text += "table later {\n  y int\n  index pair_x_idx (y)\n}\n";
    }
    base::FileId id = sources.add("f" + std::to_string(f) + ".schema", text);
    auto file = dsl::parse(sources, id, parse_diags);
    REQUIRE(file);
    files.push_back(std::move(*file));
  }
  REQUIRE(emitted(parse_diags) == "");

  auto lower_with = [&](std::size_t threads, base::Diagnostics& diags) {
    dsl::LowerOptions options;
    options.threads = threads;
    return dsl::lower(files, options, diags);
  };
  base::Diagnostics one_diags;
  ir::Catalog one = lower_with(1, one_diags);
  std::string expected = emitted(one_diags);
  CHECK(one_diags.error_count() == 4);
  CHECK(expected.find("unknown type") != std::string::npos);
  CHECK(expected.find("\"missing_table\" does not exist") != std::string::npos);
  CHECK(expected.find("duplicate column \"name\"") != std::string::npos);
  CHECK(expected.find("\"no_col\" does not exist") != std::string::npos);
  REQUIRE(one.schemas.size() == 1);
  CHECK(one.schemas[0].tables.size() == 1603);
  // PostgreSQL's names: pair's unique takes pair_b_c_key first, so pair_b's is
  // numbered; the explicit pair_x_idx of a later table is reserved first.
  auto table = [&](const ir::Catalog& catalog, const std::string& name) -> const ir::Table& {
    const ir::Table* found = ir::find_table(catalog, {"public", name});
    REQUIRE(found);
    return *found;
  };
  CHECK(table(one, "pair").uniques.at(0).name == "pair_b_c_key");
  CHECK(table(one, "pair").indexes.at(0).name == "pair_x_idx1");
  CHECK(table(one, "pair_b").uniques.at(0).name == "pair_b_c_key1");
  CHECK(table(one, "pair_b").checks.at(0).name == "pair_b_c_check");
  CHECK(table(one, "pair_b").checks.at(1).name == "pair_b_c_check1");
  CHECK(table(one, "t5").checks.at(0).name == "t5_name_check");
  CHECK(table(one, "t5").foreign_keys.at(0).name == "t5_prev_id_fkey");

  for (std::size_t threads : {2u, 3u, 8u}) {
    INFO("threads: " << threads);
    base::Diagnostics diags;
    ir::Catalog many = lower_with(threads, diags);
    CHECK(emitted(diags) == expected);
    CHECK(many == one);
  }
}

TEST_CASE("lower text: explicit names between unnamed objects of every kind", "[dsl][lower]") {
  // Each explicit name is the one PostgreSQL would try first for the unnamed
  // object after it, which therefore gets the next: the explicit names are
  // reserved first, whatever their place among the unnamed ones.
  Lowered r = lower_text({
      "table p { a int primary key\n b int\n unique (a, b) }\n"
      "table t {\n"
      "  a int\n"
      "  b int\n"
      "  check (a > 0)\n"
      "  constraint t_b_check check (b > 0)\n"
      "  check (b > 1)\n"
      "  unique (a)\n"
      "  constraint t_b_key unique (a, b)\n"
      "  unique (b)\n"
      "  foreign key (a) references p\n"
      "  constraint t_b_fkey foreign key (a, b) references p (a, b)\n"
      "  foreign key (b) references p\n"
      "  index (a)\n"
      "  index t_b_idx (a, b)\n"
      "  index (b)\n"
      "}\n",
  });
  CHECK(r.errors == "");
  auto has = [&](const std::string& name) {
    return r.dump.find(" " + name + " ") != std::string::npos;
  };
  for (const char* name : {"t_a_check", "t_b_check", "t_b_check1", "t_a_key", "t_b_key", "t_b_key1",
                           "t_a_fkey", "t_b_fkey", "t_b_fkey1", "t_a_idx", "t_b_idx", "t_b_idx1"}) {
    INFO(name);
    CHECK(has(name));
  }
  INFO(r.dump);
  CHECK(r.dump.find("t_a_check1") == std::string::npos);
}

TEST_CASE("lower text: each schema has its own implicit names", "[dsl][lower]") {
  // Tables of the same names in two schemas, interleaved, each with two
  // unnamed indexes on one column: the second is numbered within its schema,
  // so every table has t<k>_x_idx and t<k>_x_idx1, and no name goes further.
  std::string text;
  for (int i = 0; i < 12; ++i) {
    text += std::string("schema ") + (i % 2 ? "b" : "a") + " { table t" + std::to_string(i / 2) +
            " { x int check (x > 0)\n index (x)\n index (x) } }\n";
  }
  Lowered r = lower_text({text});
  CHECK(r.errors == "");
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = r.dump.find(what); at != std::string::npos;
         at = r.dump.find(what, at + 1))
      ++n;
    return n;
  };
  INFO(r.dump);
  CHECK(count("_x_idx1") == 12);
  CHECK(count("_x_idx2") == 0);
  CHECK(count("_x_check ") + count("_x_check\n") == 12);
  CHECK(count("_x_check1") == 0);
}

TEST_CASE("lower text: files declared one by one as they are parsed, then moved, lower alike",
          "[dsl][lower]") {
  // What cli/load does: each file is declared as soon as it is parsed, and the
  // File is moved afterwards (its declarations stay where they are).
  std::vector<std::string> texts = {
      "table a {\n  id bigint primary key\n}\n"
      "schema s {\n  table b {\n    a_id bigint references public.a\n    k mood\n  }\n}\n",
      "view v as (select id from a)\n"
      "sequence counter owned by a.id\n"
      "table a {\n  x int\n}\n",  // declared again: reported at the second file
      "enum mood { 'ok' }\n"
      "domain positive as int check (value > 0)\n"
      "table c {\n  n positive\n  b_id bigint\n  unique (b_id)\n}\n",
  };
  base::SourceManager sources;
  base::Diagnostics parse_diags;
  std::vector<dsl::ast::File> at_once;
  std::vector<base::FileId> ids;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    base::FileId id = ids.emplace_back(sources.add("f" + std::to_string(i) + ".schema", texts[i]));
    auto file = dsl::parse(sources, id, parse_diags);
    REQUIRE(file);
    at_once.push_back(std::move(*file));
  }
  REQUIRE(parse_diags.error_count() == 0);
  base::Diagnostics lowered_diags;
  ir::Catalog lowered = dsl::lower(at_once, dsl::LowerOptions{}, lowered_diags);

  dsl::Lowering lowering(dsl::LowerOptions{});
  std::vector<dsl::ast::File> moved;
  for (base::FileId id : ids) {
    auto file = dsl::parse(sources, id, parse_diags);
    REQUIRE(file);
    lowering.declare(*file);
    moved.push_back(std::move(*file));  // grows the vector: every File moves again
  }
  base::Diagnostics declared_diags;
  ir::Catalog declared = lowering.finish(declared_diags);

  CHECK(lowered_diags.error_count() == 1);
  CHECK(base::render_text(sources, declared_diags) == base::render_text(sources, lowered_diags));
  CHECK(base::render_text(sources, declared_diags).find("duplicate table") != std::string::npos);
  ir::normalize(lowered);
  ir::normalize(declared);
  CHECK(ir::to_debug_string(declared) == ir::to_debug_string(lowered));
  CHECK(ir::to_debug_string(declared).find("table s.b") != std::string::npos);
}
