#include "cli/early_inspect.hpp"

#include <utility>

#include "cli/pipeline.hpp"

namespace schemac::cli {

std::unique_ptr<EarlyInspect> EarlyInspect::start(const Args& args, const Session& session) {
  if (session.config.managed_schemas.empty()) return nullptr;
  return std::unique_ptr<EarlyInspect>(new EarlyInspect(args, session.config));
}

EarlyInspect::EarlyInspect(const Args& args, const Config& config) {
  worker_.config = config;
  thread_ = std::thread([this, &args] { run(args); });
}

void EarlyInspect::run(const Args& args) {
  try {
    conn_ = connect(args, worker_, failure_);
    if (conn_) current_ = inspect_managed(*conn_, worker_.config.managed_schemas, worker_.diags);
  } catch (...) {
    error_ = std::current_exception();  // rethrown by finish, on the command's thread
  }
}

EarlyInspect::~EarlyInspect() {
  if (thread_.joinable()) thread_.join();
}

std::unique_ptr<catalog::Connection> EarlyInspect::finish(Session& session, ExitCode& failure,
                                                          std::optional<ir::Catalog>& current) {
  if (thread_.joinable()) thread_.join();
  if (error_) std::rethrow_exception(error_);
  session.diags.append(std::move(worker_.diags));
  failure = failure_;
  current = std::move(current_);
  return std::move(conn_);
}

}  // namespace schemac::cli
