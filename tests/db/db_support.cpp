// Support for the database tests; see db_support.hpp.
#include "db_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>

#include "base/quote.hpp"
#include "catalog/execute.hpp"

namespace schemac::testing {

std::string admin_url() {
  const char* url = std::getenv("SCHEMAC_TEST_ADMIN_URL");
  if (url == nullptr || *url == '\0') {
    FAIL(
        "SCHEMAC_TEST_ADMIN_URL is not set: start the test server with "
        "`eval \"$(scripts/pg.sh env)\"` after `scripts/pg.sh start`");
  }
  return url;
}

std::string url_for_db(const std::string& url, const std::string& db) {
  const std::size_t authority = url.find("://") + 3;
  const std::size_t at = url.rfind('@', url.find('?'));
  const std::size_t host = at != std::string::npos && at >= authority ? at + 1 : authority;
  const std::size_t path = url.find_first_of("/?", host);
  if (path == std::string::npos) return url + "/" + db;
  const std::size_t query = url.find('?', path);
  return url.substr(0, path) + "/" + db + (query == std::string::npos ? "" : url.substr(query));
}

std::string all_messages(const base::Diagnostics& diags) {
  std::string out;
  for (const base::Diagnostic& diag : diags.all()) {
    out += std::string(base::code(diag.kind)) + " " + diag.message + "\n";
    for (const base::Note& note : diag.notes) out += "  note: " + note.message + "\n";
  }
  return out;
}

namespace {

std::string random_suffix() {
  std::random_device device;
  std::mt19937_64 engine(device());
  const char* digits = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 12; ++i) out += digits[engine() % 16];
  return out;
}

/// admin_run runs one statement outside a transaction on the admin database.
void admin_run(const std::string& sql) {
  base::Diagnostics diags;
  auto conn = catalog::Connection::open(admin_url(), diags);
  INFO(all_messages(diags));
  REQUIRE(conn);
  REQUIRE(catalog::execute(*conn, {{sql, false}}, {}, diags));
}

}  // namespace

ScratchDb::ScratchDb() : name_("schemac_test_" + random_suffix()) {
  url_ = url_for_db(admin_url(), name_);
  admin_run("CREATE DATABASE " + base::quote_ident(name_));
}

ScratchDb::~ScratchDb() {
  base::Diagnostics diags;
  if (auto conn = catalog::Connection::open(admin_url(), diags)) {
    catalog::execute(
        *conn, {{"DROP DATABASE IF EXISTS " + base::quote_ident(name_) + " WITH (FORCE)", false}},
        {}, diags);
  }
}

std::unique_ptr<catalog::Connection> ScratchDb::connect() const {
  base::Diagnostics diags;
  auto conn = catalog::Connection::open(url_, diags);
  INFO(all_messages(diags));
  REQUIRE(conn);
  return conn;
}

void ScratchDb::run(const std::string& sql) const {
  base::Diagnostics diags;
  auto conn = connect();
  const bool ok = catalog::execute(*conn, {{sql, true}}, {}, diags);
  INFO(all_messages(diags));
  REQUIRE(ok);
}

ir::Catalog ScratchDb::inspect(catalog::InspectStats* stats,
                               const catalog::InspectOptions& options) const {
  base::Diagnostics diags;
  auto conn = connect();
  auto catalog = catalog::inspect(*conn, options, diags, stats);
  INFO(all_messages(diags));
  REQUIRE(catalog);
  return std::move(*catalog);
}

}  // namespace schemac::testing
