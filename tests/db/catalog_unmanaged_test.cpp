// Database tests: what inspect reads but schemac does not model is listed in
// Catalog::unmanaged (and so at the top of `schemac inspect`), never lost.
#include <catch2/catch.hpp>

#include <algorithm>

#include "db_support.hpp"
#include "ir/catalog.hpp"

using namespace schemac;
using testing::ScratchDb;

namespace {

bool listed(const ir::Catalog& catalog, const std::string& note) {
  const auto& notes = catalog.unmanaged.objects;
  return std::find(notes.begin(), notes.end(), note) != notes.end();
}

// A role for grants and ownership; roles are cluster-wide, so it may exist.
const char* const kRole =
    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'schemac_test_grantee')\n"
    "THEN CREATE ROLE schemac_test_grantee; END IF; END $$;\n";

}  // namespace

TEST_CASE("inspect lists table and column grants, and owners other than the database's",
          "[db][inspect]") {
  ScratchDb db;
  db.run(std::string(kRole) +
         "CREATE TABLE plain (id int);\n"
         "CREATE TABLE granted (id int);\n"
         "GRANT SELECT ON granted TO schemac_test_grantee;\n"
         "CREATE TABLE column_granted (id int, secret text);\n"
         "GRANT SELECT (id) ON column_granted TO schemac_test_grantee;\n"
         "CREATE TABLE revoked (id int);\n"
         "GRANT SELECT ON revoked TO schemac_test_grantee;\n"
         "REVOKE SELECT ON revoked FROM schemac_test_grantee;\n"
         "CREATE SEQUENCE counter;\n"
         "GRANT USAGE ON SEQUENCE counter TO schemac_test_grantee;\n"
         "CREATE TABLE owned (id int);\n"
         "ALTER TABLE owned OWNER TO schemac_test_grantee;\n");
  const ir::Catalog catalog = db.inspect();
  CHECK(listed(catalog, "privileges granted on public.granted"));
  CHECK(listed(catalog, "privileges granted on public.column_granted"));
  CHECK(listed(catalog, "privileges granted on public.counter"));
  CHECK(listed(catalog, "owner of public.owned: schemac_test_grantee (not the database owner)"));
  // A grant taken back leaves the owner's default privileges: nothing to list.
  CHECK_FALSE(listed(catalog, "privileges granted on public.revoked"));
  for (const std::string& note : catalog.unmanaged.objects) {
    CHECK(note.find("public.plain") == std::string::npos);
  }
  CHECK(catalog.unmanaged.objects.size() == 4);
}
