#include <catch2/catch.hpp>

#include "base/render.hpp"
#include "dsl/parse.hpp"

using namespace schemac;
namespace ast = schemac::dsl::ast;

namespace {

struct Parsed {
  base::SourceManager sources;
  base::Diagnostics diags;
  std::optional<ast::File> file;
  std::string errors() const { return base::render_text(sources, diags); }
};

std::unique_ptr<Parsed> parse_text(const std::string& text) {
  auto parsed = std::make_unique<Parsed>();
  base::FileId id = parsed->sources.add("app.schema", text);
  parsed->file = dsl::parse(parsed->sources, id, parsed->diags);
  return parsed;
}

template <typename T>
const T& decl(const ast::File& file, std::size_t index) {
  return std::get<T>(file.decls.at(index).node);
}

const ast::ColumnDef& column(const ast::TableDecl& table, std::size_t index) {
  return std::get<ast::ColumnDef>(table.items.at(index));
}

constexpr const char* kDesignExample = R"(// Line comments: // or --    Block comments: /* */
// A doc comment (///) becomes COMMENT ON the object that follows it.

extension postgis                      // any installed version is fine
extension pgcrypto version "1.3"       // pin a version: ALTER EXTENSION ... UPDATE TO
extension "uuid-ossp" schema extensions

enum layer_kind { 'vector', 'raster', 'wms' }

/// Accounts that can sign in.
table users {
  id            uuid        primary key default gen_random_uuid()
  email         text        not null unique
  display_name  text
  password_hash text        not null
  created_at    timestamptz not null default now()
}

table maps {
  id        uuid primary key default gen_random_uuid()
  owner_id  uuid references users (id) on delete set null
  name      text not null check (length(name) > 0)
  extent    geometry(Polygon, 4326)
  title     text renamed from caption          // rename hint: ALTER ... RENAME, not drop+add

  index maps_extent_gix using gist (extent)
  index (owner_id)                             // name derived like PostgreSQL would
}

schema analytics {
  table events {
    id    bigint generated always as identity primary key
    at    timestamptz not null
    place geography(Point, 4326)
    index using brin (at)
    index events_place_gix using gist (place) where (place is not null)
  }
}
)";

}  // namespace

TEST_CASE("parse: the DESIGN example") {
  auto parsed = parse_text(kDesignExample);
  INFO(parsed->errors());
  REQUIRE(parsed->file);
  const ast::File& file = *parsed->file;
  REQUIRE(file.decls.size() == 7);

  const auto& pgcrypto = decl<ast::ExtensionDecl>(file, 1);
  CHECK(pgcrypto.name.text == "pgcrypto");
  REQUIRE(pgcrypto.version);
  CHECK(pgcrypto.version->value == "1.3");
  const auto& uuid_ossp = decl<ast::ExtensionDecl>(file, 2);
  CHECK(uuid_ossp.name.text == "uuid-ossp");
  CHECK(uuid_ossp.name.quoted);
  REQUIRE(uuid_ossp.schema);
  CHECK(uuid_ossp.schema->text == "extensions");

  const auto& kinds = decl<ast::EnumDecl>(file, 3);
  REQUIRE(kinds.values.size() == 3);
  CHECK(kinds.values[2].value == "wms");

  const auto& users = decl<ast::TableDecl>(file, 4);
  REQUIRE(users.doc);
  CHECK(users.doc->text == "Accounts that can sign in.");
  REQUIRE(users.items.size() == 5);
  const auto& id = column(users, 0);
  CHECK(id.type.name == "uuid");
  REQUIRE(id.modifiers.size() == 2);
  CHECK(std::holds_alternative<ast::PrimaryKeyMod>(id.modifiers[0]));
  CHECK(std::get<ast::DefaultMod>(id.modifiers[1]).expr.text == "gen_random_uuid()");
  const auto& email = column(users, 1);
  CHECK(std::holds_alternative<ast::NotNullMod>(email.modifiers[0]));
  CHECK(std::holds_alternative<ast::UniqueMod>(email.modifiers[1]));
  CHECK(std::get<ast::DefaultMod>(column(users, 4).modifiers[1]).expr.text == "now()");

  const auto& maps = decl<ast::TableDecl>(file, 5);
  const auto& owner = std::get<ast::ReferencesMod>(column(maps, 1).modifiers[0]);
  REQUIRE(owner.target);
  CHECK(owner.target->table.name.text == "users");
  CHECK(owner.target->columns.at(0).text == "id");
  CHECK(owner.target->options.on_delete == ir::FkAction::SetNull);
  CHECK(std::get<ast::CheckMod>(column(maps, 2).modifiers[1]).expr.text == "length(name) > 0");
  const auto& extent = column(maps, 3);
  CHECK(extent.type.name == "geometry");
  REQUIRE(extent.type.args.size() == 2);
  CHECK(extent.type.args[0].text == "Polygon");
  CHECK(extent.type.args[1].text == "4326");
  CHECK(std::get<ast::RenamedFromMod>(column(maps, 4).modifiers[0]).old_name.text == "caption");
  const auto& gix = std::get<ast::IndexDef>(maps.items.at(5));
  CHECK(gix.name->text == "maps_extent_gix");
  CHECK(gix.method->text == "gist");
  CHECK(gix.elements.at(0).column->text == "extent");
  const auto& unnamed = std::get<ast::IndexDef>(maps.items.at(6));
  CHECK_FALSE(unnamed.name);

  const auto& analytics = decl<ast::SchemaDecl>(file, 6);
  CHECK(analytics.name.text == "analytics");
  const auto& events = std::get<ast::TableDecl>(analytics.decls.at(0).node);
  CHECK(std::get<ast::IdentityMod>(column(events, 0).modifiers[0]).always);
  const auto& partial = std::get<ast::IndexDef>(events.items.at(4));
  CHECK(partial.where->text == "place is not null");
  CHECK(file.comments.size() == 7);
}

TEST_CASE("parse: types with modifiers in the middle, arrays, schemas, quotes") {
  auto parsed = parse_text(
      "table t {\n  a timestamp(3) with time zone\n  b double  precision\n  c text[][]\n"
      "  d analytics.kind\n  e \"Mixed Type\"\n  f numeric( 12 , 2 )\n  g Varchar(5)\n}\n");
  INFO(parsed->errors());
  REQUIRE(parsed->file);
  const auto& table = decl<ast::TableDecl>(*parsed->file, 0);
  const auto& a = column(table, 0).type;
  CHECK(a.name == "timestamp with time zone");
  CHECK(a.args.at(0).text == "3");
  CHECK(column(table, 1).type.name == "double precision");
  CHECK(column(table, 2).type.array_dims == 2);
  CHECK(column(table, 3).type.schema->text == "analytics");
  CHECK(column(table, 3).type.name == "kind");
  CHECK(column(table, 4).type.name == "Mixed Type");
  CHECK(column(table, 4).type.quoted);
  CHECK(column(table, 5).type.args.at(1).text == "2");
  CHECK(column(table, 6).type.name == "varchar");
}

TEST_CASE("parse: defaults stop at the next modifier, a comma or the end of the line") {
  auto parsed = parse_text(
      "table t {\n  a int default 0 not null, b text default 'x, y' -- trailing\n"
      "  c int default (1 + 2) check (c > 0)\n  d text[] default '{}'::text[]\n}\n");
  INFO(parsed->errors());
  REQUIRE(parsed->file);
  const auto& table = decl<ast::TableDecl>(*parsed->file, 0);
  CHECK(std::get<ast::DefaultMod>(column(table, 0).modifiers[0]).expr.text == "0");
  CHECK(std::holds_alternative<ast::NotNullMod>(column(table, 0).modifiers[1]));
  CHECK(std::get<ast::DefaultMod>(column(table, 1).modifiers[0]).expr.text == "'x, y'");
  CHECK(std::get<ast::DefaultMod>(column(table, 2).modifiers[0]).expr.text == "(1 + 2)");
  CHECK(std::get<ast::DefaultMod>(column(table, 3).modifiers[0]).expr.text == "'{}'::text[]");
}

TEST_CASE("parse: an empty file or one with only comments has no declarations") {
  auto empty = parse_text("");
  REQUIRE(empty->file);
  CHECK(empty->file->decls.empty());
  auto comments = parse_text("// nothing\n/* at all */\n");
  REQUIRE(comments->file);
  CHECK(comments->file->decls.empty());
  CHECK(comments->file->comments.size() == 2);
}

TEST_CASE("parse: error messages point at the right place") {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"table users {\n  email text default 'abc\n}\n",
       "app.schema:2:22: error: unterminated string literal [E0102]\n"
       "  email text default 'abc\n"
       "                     ^\n"},
      {"table users {\n  id uuid /* oops\n}\n",
       "app.schema:2:11: error: unterminated block comment [E0103]\n"
       "  id uuid /* oops\n"
       "          ^~\n"},
      {"table users {\n  id uuid\n",
       "app.schema:3:1: error: expected '}' to close the table, or a column, 'primary key', "
       "'unique', 'foreign key', 'check', 'index' or 'comment' [E0101]\n\n^\n"},
      {"tabel users {\n}\n",
       "app.schema:1:1: error: unknown declaration 'tabel'; expected 'extension', 'enum', "
       "'table', 'view', 'sequence', 'domain' or 'schema' [E0108]\n"
       "tabel users {\n"
       "^~~~~\n"},
      {"table t {\n  user text\n}\n",
       "app.schema:2:3: error: 'user' is a reserved word; write \"user\" to use it as a name "
       "[E0104]\n"
       "  user text\n"
       "  ^~~~\n"},
      {"table Users {\n  id int\n}\n",
       "app.schema:1:7: error: 'Users' has upper-case letters, which PostgreSQL folds to lower "
       "case; write users, or \"Users\" to keep the case [E0105]\n"
       "table Users {\n"
       "      ^~~~~\n"},
      {"table t {\n  name not null\n}\n",
       "app.schema:2:8: error: expected a column type after the column name [E0101]\n"
       "  name not null\n"
       "       ^~~\n"},
      {"enum e { draft }\n",
       "app.schema:1:10: error: expected a quoted enum value, like 'draft', or '}' to close the "
       "enum [E0101]\n"
       "enum e { draft }\n"
       "         ^~~~~\n"},
      {"table t {\n  a int check (a > 0\n}\n",
       "app.schema:2:15: error: unbalanced '(': no matching ')' [E0101]\n"
       "  a int check (a > 0\n"
       "              ^\n"},
      {"table t {\n  \"a int\n}\n",
       "app.schema:2:3: error: unterminated quoted identifier [E0106]\n"
       "  \"a int\n"
       "  ^\n"},
      {"table t {\n  a int nul\n}\n",
       "app.schema:2:9: error: unexpected text in column definition; expected a modifier (not "
       "null, default, primary key, unique, references, check, ...), ',' or the end of the line "
       "[E0101]\n"
       "  a int nul\n"
       "        ^~~\n"},
      {"extension postgis versoin '3'\n",
       "app.schema:1:19: error: unexpected text after the extension declaration; expected "
       "'version', 'schema' or the end of the line [E0101]\n"
       "extension postgis versoin '3'\n"
       "                  ^~~~~~~\n"},
      {"table t {\n  a int\n}\n\xff\n",
       "app.schema:4:1: error: invalid UTF-8 byte 0xff; schema files must be UTF-8 [E0002]\n"
       "\xff\n"
       "^\n"},
  };
  for (const Case& c : cases) {
    auto parsed = parse_text(c.text);
    INFO(c.text);
    CHECK_FALSE(parsed->file);
    CHECK(parsed->errors() == c.expected);
  }
}

TEST_CASE("parse: every independent error in a file is reported") {
  auto parsed = parse_text(
      "table a {\n  id int nul\n}\n\ntable b {\n  id int\n}\n\ntabel c {\n}\n\n"
      "table d {\n  x text default 'ok'\n}\n");
  CHECK_FALSE(parsed->file);
  CHECK(parsed->diags.error_count() == 2);
  std::string errors = parsed->errors();
  CHECK(errors.find("app.schema:2:") != std::string::npos);
  CHECK(errors.find("app.schema:9:1: error: unknown declaration 'tabel'") != std::string::npos);
}
