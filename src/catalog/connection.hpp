// catalog/connection: the database boundary. The only module that uses libpqxx;
// no pqxx type appears in a catalog header.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostic.hpp"

namespace schemac::catalog {

/// Connection is an open session to one database.
class Connection {
 public:
  /// open connects; on failure reports E0401 (password redacted) and returns nullptr.
  static std::unique_ptr<Connection> open(const std::string& url, base::Diagnostics& diags);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// server_version_num as an integer, e.g. 150018.
  int server_version() const;
  /// database name, user and host for messages (never the password).
  std::string describe() const;

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit Connection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace schemac::catalog
