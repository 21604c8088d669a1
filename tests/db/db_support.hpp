// Support for the database tests: the admin URL from the environment and a
// scratch database, created with a random name and dropped at the end.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "catalog/connection.hpp"
#include "catalog/inspect.hpp"

namespace schemac::testing {

/// admin_url is SCHEMAC_TEST_ADMIN_URL; the test fails (never skips) without it.
std::string admin_url();

/// url_for_db is `url` with its database replaced by `db`.
std::string url_for_db(const std::string& url, const std::string& db);

/// all_messages joins every diagnostic's message and notes, for assertions.
std::string all_messages(const base::Diagnostics& diags);

/// ScratchDb is a fresh database for one test, dropped (forcefully) on destruction.
class ScratchDb {
 public:
  ScratchDb();
  ~ScratchDb();
  ScratchDb(const ScratchDb&) = delete;
  ScratchDb& operator=(const ScratchDb&) = delete;

  const std::string& name() const { return name_; }
  const std::string& url() const { return url_; }
  /// connect opens a session on the scratch database (REQUIREs success).
  std::unique_ptr<catalog::Connection> connect() const;
  /// run executes setup SQL in one transaction (REQUIREs success).
  void run(const std::string& sql) const;
  /// inspect reads the whole catalog (REQUIREs success).
  ir::Catalog inspect(catalog::InspectStats* stats = nullptr,
                      const catalog::InspectOptions& options = {}) const;

 private:
  std::string name_;
  std::string url_;
};

}  // namespace schemac::testing
