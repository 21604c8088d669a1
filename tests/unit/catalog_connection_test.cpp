// Unit tests for the connection helpers that need no server: folding libpq's
// multi-line messages and adding the session defaults to a URL or conninfo.
#include <catch2/catch.hpp>

#include "catalog/connection_impl.hpp"

using schemac::catalog::one_line;
using schemac::catalog::with_session_defaults;

TEST_CASE("one_line folds libpq's multi-line messages", "[catalog][connection]") {
  CHECK(one_line("FATAL:  password authentication failed for user \"bob\"\n") ==
        "FATAL: password authentication failed for user \"bob\"");
  const std::string two_hosts =
      "connection to server at \"localhost\" (::1), port 1 failed: Connection refused\n"
      "\tIs the server running on that host and accepting TCP/IP connections?\n"
      "connection to server at \"localhost\" (127.0.0.1), port 1 failed: Connection refused\n"
      "\tIs the server running on that host and accepting TCP/IP connections?\n";
  CHECK(one_line(two_hosts) ==
        "connection to server at \"localhost\" (::1), port 1 failed: Connection refused; "
        "Is the server running on that host and accepting TCP/IP connections?; "
        "connection to server at \"localhost\" (127.0.0.1), port 1 failed: Connection refused");
  CHECK(one_line("") == "");
}

TEST_CASE("with_session_defaults adds application_name and connect_timeout",
          "[catalog][connection]") {
  CHECK(with_session_defaults("postgresql://h/db") ==
        "postgresql://h/db?application_name=schemac&connect_timeout=10");
  CHECK(with_session_defaults("postgresql://h/db?sslmode=require") ==
        "postgresql://h/db?sslmode=require&application_name=schemac&connect_timeout=10");
  CHECK(with_session_defaults("postgresql://h/db?connect_timeout=3&application_name=me") ==
        "postgresql://h/db?connect_timeout=3&application_name=me");
  CHECK(with_session_defaults("host=h dbname=db") ==
        "host=h dbname=db application_name=schemac connect_timeout=10");
  CHECK(with_session_defaults("host=h connect_timeout = 2") ==
        "host=h connect_timeout = 2 application_name=schemac");
  CHECK(with_session_defaults("") == "application_name=schemac connect_timeout=10");
}
