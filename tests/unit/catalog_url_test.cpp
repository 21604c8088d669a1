// Unit tests for catalog/url: scheme normalisation and password redaction.
#include <catch2/catch.hpp>

#include "catalog/url.hpp"

using schemac::catalog::normalize_url;
using schemac::catalog::redact_secrets;
using schemac::catalog::redact_url;

TEST_CASE("normalize_url accepts postgis:// and postgres://", "[catalog][url]") {
  CHECK(normalize_url("postgis://u:p@h:5432/db") == "postgresql://u:p@h:5432/db");
  CHECK(normalize_url("postgres://h/db") == "postgresql://h/db");
  CHECK(normalize_url("POSTGIS://h/db") == "postgresql://h/db");
  CHECK(normalize_url("postgresql://h/db?sslmode=require") == "postgresql://h/db?sslmode=require");
  CHECK(normalize_url("host=h dbname=db") == "host=h dbname=db");
  CHECK(normalize_url("mysql://h/db") == "mysql://h/db");
}

TEST_CASE("redact_url hides the password of a URL", "[catalog][url]") {
  CHECK(redact_url("postgresql://alice:s3cret@db.example:5432/app") ==
        "postgresql://alice:***@db.example:5432/app");
  CHECK(redact_url("postgis://alice:s3cret@db/app?sslmode=require") ==
        "postgis://alice:***@db/app?sslmode=require");
  // A raw '@' or '/' inside the password: the last '@' before the query ends it.
  CHECK(redact_url("postgresql://alice:p@ss/w@db/app") == "postgresql://alice:***@db/app");
  CHECK(redact_url("postgresql://alice:p%40ss@db/app") == "postgresql://alice:***@db/app");
}

TEST_CASE("redact_url hides password= query parameters", "[catalog][url]") {
  CHECK(redact_url("postgresql://db/app?user=bob&password=hunter2&sslmode=disable") ==
        "postgresql://db/app?user=bob&password=***&sslmode=disable");
  CHECK(redact_url("postgresql://bob:one@db/app?password=two") ==
        "postgresql://bob:***@db/app?password=***");
}

TEST_CASE("redact_url leaves URLs without a password alone", "[catalog][url]") {
  CHECK(redact_url("postgresql://alice@db/app") == "postgresql://alice@db/app");
  CHECK(redact_url("postgresql://db:5432/app") == "postgresql://db:5432/app");
  CHECK(redact_url("postgresql:///app?host=/run/pg") == "postgresql:///app?host=/run/pg");
  CHECK(redact_url("") == "");
}

TEST_CASE("redact_url hides the password of a key=value conninfo", "[catalog][url]") {
  CHECK(redact_url("host=db user=bob password=hunter2 dbname=app") ==
        "host=db user=bob password=*** dbname=app");
  CHECK(redact_url("host=db password = hunter2") == "host=db password = ***");
  CHECK(redact_url("password='a \\' b' host=db") == "password=*** host=db");
  CHECK(redact_url("host=db passfile=/x") == "host=db passfile=/x");
}

TEST_CASE("redact_secrets removes the URL's password from any message", "[catalog][url]") {
  const std::string url = "postgresql://bob:hunter2@db/app";
  CHECK(redact_secrets("auth failed for hunter2 (hunter2)", url) == "auth failed for *** (***)");
  CHECK(redact_secrets("nothing secret here", url) == "nothing secret here");
  // The decoded form of a percent-encoded password is removed too.
  CHECK(redact_secrets("bad password p@ss/x", "postgresql://bob:p%40ss%2Fx@db/app") ==
        "bad password ***");
  CHECK(redact_secrets("got 'a b'", "host=db password='a b'") == "got ***");
  CHECK(redact_secrets("got a b", "host=db password='a b'") == "got ***");
  CHECK(redact_secrets("msg with q", "postgresql://db/app?password=q") == "msg with ***");
  // No password: nothing to remove, and an empty one must not blank the message.
  CHECK(redact_secrets("some text", "postgresql://bob:@db/app") == "some text");
}
