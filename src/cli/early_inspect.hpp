// cli/early_inspect: when schemac.toml names the managed schemas ([database]
// schemas), nothing the schema files say changes what is read from the
// database, so `plan` connects and inspects on a thread of its own while this
// thread parses the files: the server answers the catalog queries while the
// client parses. The thread's diagnostics are kept apart and reported only
// once the files have loaded, so what is printed, and the exit code, are those
// of doing one thing after the other.
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <thread>

#include "catalog/connection.hpp"
#include "cli/args.hpp"
#include "cli/exit_code.hpp"
#include "cli/session.hpp"
#include "ir/catalog.hpp"

namespace schemac::cli {

class EarlyInspect {
 public:
  /// start begins connecting and inspecting; nullptr when the managed schemas
  /// are not configured (they then come from the files: nothing to start yet).
  /// args must outlive the returned object.
  static std::unique_ptr<EarlyInspect> start(const Args& args, const Session& session);
  /// Waits for the thread (a command that stops early still waits for it).
  ~EarlyInspect();
  EarlyInspect(const EarlyInspect&) = delete;
  EarlyInspect& operator=(const EarlyInspect&) = delete;

  /// finish waits for the thread and moves its diagnostics into session's.
  /// Returns the connection, or nullptr with failure set when connecting
  /// failed; current is the inspected catalog, nullopt when inspecting failed.
  std::unique_ptr<catalog::Connection> finish(Session& session, ExitCode& failure,
                                              std::optional<ir::Catalog>& current);

 private:
  EarlyInspect(const Args& args, const Config& config);
  void run(const Args& args);

  Session worker_;  // the configuration, and diagnostics of its own
  std::unique_ptr<catalog::Connection> conn_;
  std::optional<ir::Catalog> current_;
  ExitCode failure_ = ExitCode::Success;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace schemac::cli
