// Database tests of catalog::execute, the apply lock and connection failures.
#include <catch2/catch.hpp>

#include "catalog/execute.hpp"
#include "db_support.hpp"

using namespace schemac;
using testing::all_messages;
using testing::ScratchDb;

TEST_CASE("execute runs steps in one transaction, then the others", "[db][execute]") {
  ScratchDb db;
  auto conn = db.connect();
  std::vector<std::size_t> order;
  catalog::ExecuteOptions options;
  options.progress = [&](std::size_t index, const catalog::ExecStep&) { order.push_back(index); };
  base::Diagnostics diags;
  const bool ok = catalog::execute(*conn,
                                   {{"CREATE TABLE a (id int)", true},
                                    {"CREATE INDEX CONCURRENTLY a_id ON a (id)", false},
                                    {"CREATE TABLE b (id int)", true}},
                                   options, diags);
  INFO(all_messages(diags));
  REQUIRE(ok);
  CHECK(order == std::vector<std::size_t>{0, 2, 1});
  const ir::Catalog catalog = db.inspect();
  const ir::Table* a = ir::find_table(catalog, {"public", "a"});
  REQUIRE(a);
  CHECK(a->indexes.size() == 1);
  CHECK(ir::find_table(catalog, {"public", "b"}));
}

TEST_CASE("execute rolls back everything when a statement fails", "[db][execute]") {
  ScratchDb db;
  auto conn = db.connect();
  base::Diagnostics diags;
  const bool ok = catalog::execute(*conn,
                                   {{"CREATE TABLE first_one (id int)", true},
                                    {"ALTER TABLE no_such_table ADD COLUMN x int", true},
                                    {"CREATE TABLE never (id int)", true}},
                                   {}, diags);
  CHECK_FALSE(ok);
  REQUIRE(diags.all().size() == 1);
  const base::Diagnostic& diag = diags.all()[0];
  CHECK(diag.kind == base::DiagKind::ApplyFailed);
  CHECK_THAT(diag.message, Catch::StartsWith("statement 2 failed: relation \"no_such_table\" "
                                             "does not exist"));
  CHECK_THAT(diag.message, Catch::Contains("SQLSTATE 42P01"));
  const std::string text = all_messages(diags);
  CHECK_THAT(text, Catch::Contains("ALTER TABLE no_such_table ADD COLUMN x int"));
  CHECK_THAT(text, Catch::Contains("rolled back"));
  const ir::Catalog catalog = db.inspect();
  CHECK_FALSE(ir::find_table(catalog, {"public", "first_one"}));
  CHECK_FALSE(ir::find_table(catalog, {"public", "never"}));
  // The connection is still usable afterwards.
  base::Diagnostics again;
  CHECK(catalog::execute(*conn, {{"CREATE TABLE later (id int)", true}}, {}, again));
}

TEST_CASE("execute applies lock_timeout to the transaction", "[db][execute]") {
  ScratchDb db;
  db.run("CREATE TABLE busy (id int)");
  auto holder = db.connect();
  auto applier = db.connect();
  bool tried = false;
  catalog::ExecuteOptions hold;
  // Progress runs before each step: before step 1, the holder's transaction
  // already holds ACCESS EXCLUSIVE on busy, as a long-running migration would.
  hold.progress = [&](std::size_t index, const catalog::ExecStep&) {
    if (index != 1) return;
    catalog::ExecuteOptions quick;
    quick.lock_timeout = "100ms";
    base::Diagnostics inner;
    CHECK_FALSE(
        catalog::execute(*applier, {{"ALTER TABLE busy ADD COLUMN x int", true}}, quick, inner));
    CHECK_THAT(all_messages(inner), Catch::Contains("lock timeout"));
    CHECK_THAT(all_messages(inner), Catch::Contains("SQLSTATE 55P03"));
    tried = true;
  };
  base::Diagnostics diags;
  CHECK(catalog::execute(*holder,
                         {{"LOCK TABLE busy IN ACCESS EXCLUSIVE MODE", true}, {"SELECT 1", true}},
                         hold, diags));
  CHECK(tried);
}

TEST_CASE("execute reports a lost connection and that nothing was committed", "[db][execute]") {
  ScratchDb db;
  auto conn = db.connect();
  base::Diagnostics diags;
  // The backend ending its own session is the closest thing to a dropped network.
  CHECK_FALSE(catalog::execute(*conn,
                               {{"CREATE TABLE doomed (id int)", true},
                                {"SELECT pg_terminate_backend(pg_backend_pid())", true}},
                               {}, diags));
  REQUIRE(diags.all().size() == 1);
  const base::Diagnostic& diag = diags.all()[0];
  CHECK(diag.kind == base::DiagKind::DatabaseConnectionLost);
  CHECK_THAT(diag.message, Catch::StartsWith("the connection was lost at statement 2"));
  CHECK_THAT(diag.message, Catch::Contains("nothing was changed"));
  CHECK_FALSE(ir::find_table(db.inspect(), {"public", "doomed"}));
}

TEST_CASE("a second apply cannot take the advisory lock", "[db][lock]") {
  ScratchDb db;
  auto first = db.connect();
  auto second = db.connect();
  base::Diagnostics diags;
  REQUIRE(catalog::acquire_apply_lock(*first, 0, diags));
  base::Diagnostics blocked;
  CHECK_FALSE(catalog::acquire_apply_lock(*second, 1, blocked));
  REQUIRE(blocked.all().size() == 1);
  CHECK(blocked.all()[0].kind == base::DiagKind::ApplyLockBusy);
  CHECK_THAT(blocked.all()[0].message, Catch::Contains("another schemac apply holds the lock"));
  catalog::release_apply_lock(*first);
  base::Diagnostics after;
  CHECK(catalog::acquire_apply_lock(*second, 1, after));
  catalog::release_apply_lock(*second);
}

TEST_CASE("a wrong password fails with E0401 and never shows the password", "[db][connect]") {
  const std::string admin = testing::admin_url();
  const std::size_t colon = admin.find(':', admin.find("://") + 3);
  const std::size_t at = admin.rfind('@');
  REQUIRE(colon < at);
  const std::string secret = "Wr0ng-pa55word";
  const std::string url = admin.substr(0, colon + 1) + secret + admin.substr(at);
  base::Diagnostics diags;
  CHECK_FALSE(catalog::Connection::open(url, diags));
  REQUIRE(diags.all().size() == 1);
  const base::Diagnostic& diag = diags.all()[0];
  CHECK(diag.kind == base::DiagKind::DatabaseUnreachable);
  CHECK(std::string(base::code(diag.kind)) == "E0401");
  CHECK_THAT(diag.message, Catch::StartsWith("cannot connect to postgresql://"));
  CHECK_THAT(diag.message, Catch::Contains("password authentication failed"));
  CHECK_THAT(diag.message, Catch::Contains(":***@"));
  CHECK(diag.message.find(secret) == std::string::npos);
  CHECK(diag.message.find('\n') == std::string::npos);
}

TEST_CASE("an unreachable server fails with E0401 on one line", "[db][connect]") {
  base::Diagnostics diags;
  CHECK_FALSE(catalog::Connection::open("postgis://u:topsecret@127.0.0.1:1/x", diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].kind == base::DiagKind::DatabaseUnreachable);
  CHECK_THAT(diags.all()[0].message,
             Catch::StartsWith("cannot connect to postgresql://u:***@127.0.0.1:1/x: "));
  CHECK(diags.all()[0].message.find("topsecret") == std::string::npos);
  CHECK(diags.all()[0].message.find('\n') == std::string::npos);
}

TEST_CASE("a connection describes itself without the password", "[db][connect]") {
  ScratchDb db;
  auto conn = db.connect();
  CHECK(conn->server_version() >= 150000);
  const std::string text = conn->describe();
  CHECK_THAT(text, Catch::Contains(db.name()));
  CHECK(text.find("schemac-test-pw") == std::string::npos);
}

TEST_CASE("execute runs units in order and says what earlier units left committed",
          "[db][execute]") {
  ScratchDb db;
  db.run("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (NULL)");
  auto conn = db.connect();
  base::Diagnostics diags;
  catalog::ExecuteReport report;
  std::vector<std::size_t> units;
  catalog::ExecuteOptions options;
  options.committed = [&](std::size_t unit, std::chrono::milliseconds) { units.push_back(unit); };
  CHECK_FALSE(catalog::execute(
      *conn,
      {{"ALTER TABLE t ADD CONSTRAINT t_id_nn CHECK (id IS NOT NULL) NOT VALID", true, 0, {}},
       {"CREATE INDEX CONCURRENTLY t_id ON t (id)", false, 1, {}},
       {"ALTER TABLE t VALIDATE CONSTRAINT t_id_nn", true, 2, {}}},
      options, diags, report));
  CHECK(units == std::vector<std::size_t>{0});
  CHECK(report.committed == 2);
  REQUIRE(diags.all().size() == 1);
  const std::string text = all_messages(diags);
  CHECK_THAT(text, Catch::Contains("statement 3 failed: check constraint \"t_id_nn\""));
  CHECK_THAT(text, Catch::Contains("2 earlier statement(s) were committed and remain"));
  const ir::Catalog catalog = db.inspect();
  const ir::Table* t = ir::find_table(catalog, {"public", "t"});
  REQUIRE(t);
  REQUIRE(t->checks.size() == 1);
  CHECK_FALSE(t->checks[0].valid);  // NOT VALID is read, so a re-run validates again
  REQUIRE(t->indexes.size() == 1);
  CHECK(t->indexes[0].valid);
}

TEST_CASE("the inspector reads an INVALID index as such", "[db][execute]") {
  ScratchDb db;
  db.run("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (1)");
  auto conn = db.connect();
  base::Diagnostics diags;
  CHECK_FALSE(catalog::execute(*conn, {{"CREATE UNIQUE INDEX CONCURRENTLY t_id ON t (id)", false}},
                               {}, diags));
  const ir::Catalog catalog = db.inspect();
  const ir::Table* t = ir::find_table(catalog, {"public", "t"});
  REQUIRE(t);
  REQUIRE(t->indexes.size() == 1);
  CHECK_FALSE(t->indexes[0].valid);
}

TEST_CASE("execute retries a unit that hit a lock timeout", "[db][execute]") {
  ScratchDb db;
  db.run("CREATE TABLE busy (id int)");
  auto holder = db.connect();
  auto applier = db.connect();
  std::vector<std::string> retries;
  bool applied = false;
  catalog::ExecuteOptions hold;
  hold.progress = [&](std::size_t index, const catalog::ExecStep&) {
    if (index != 1) return;
    // The holder's transaction holds ACCESS EXCLUSIVE on busy now.
    catalog::ExecuteOptions quick;
    quick.lock_timeout = "50ms";
    quick.lock_retries = 3;
    quick.retry_delay = std::chrono::milliseconds(10);
    quick.retrying = [&](const std::string& message) {
      retries.push_back(message);
      // Ending the holder's session releases the lock: the next try succeeds.
      if (retries.size() == 2) {
        db.run(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE relation = 'busy'::regclass "
            "AND mode = 'AccessExclusiveLock' AND granted");
      }
    };
    base::Diagnostics inner;
    applied =
        catalog::execute(*applier, {{"ALTER TABLE busy ADD COLUMN x int", true}}, quick, inner);
    INFO(all_messages(inner));
    CHECK(applied);
  };
  base::Diagnostics diags;
  CHECK_FALSE(catalog::execute(
      *holder, {{"LOCK TABLE busy IN ACCESS EXCLUSIVE MODE", true}, {"SELECT 1", true}}, hold,
      diags));
  CHECK(applied);
  REQUIRE(retries.size() == 2);
  CHECK(retries[0] == "lock not available at statement 1; retry 1/3 in 10 ms");
  CHECK(retries[1] == "lock not available at statement 1; retry 2/3 in 20 ms");
}
