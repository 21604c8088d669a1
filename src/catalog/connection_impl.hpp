// catalog/connection_impl: the pqxx side of Connection. Private to the catalog
// module: only catalog/*.cpp include it, so no other module sees libpqxx.
#pragma once

#include <exception>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "catalog/connection.hpp"
#include "catalog/result_set.hpp"

namespace schemac::catalog {

struct Connection::Impl {
  std::unique_ptr<pqxx::connection> conn;
  std::string redacted_url;  // safe to print
  std::string url;           // as given, for redacting secrets out of server messages
};

/// kSetSearchPath fixes the search_path of every schemac transaction: the
/// inspector prints names relative to it, view queries are created under it
/// (scratch and apply alike), so both sides of a view diff print names alike.
inline constexpr const char* kSetSearchPath = "SET LOCAL search_path = public";

/// one_line folds a libpq/server message (often several lines, with hints and
/// one block per host tried) into one line: lines trimmed, repeats dropped,
/// runs of spaces collapsed, joined with "; ".
std::string one_line(std::string_view message);

/// error_text is one_line of what a failed database call threw, followed by
/// " (SQLSTATE xxxxx)" when the server gave one.
std::string error_text(const std::exception& error);

/// to_result_set copies a result's text out of libpqxx.
ResultSet to_result_set(const pqxx::result& result);

/// with_session_defaults adds application_name=schemac and connect_timeout=10 to
/// a URL or conninfo string unless it already sets them.
std::string with_session_defaults(const std::string& url);

}  // namespace schemac::catalog
