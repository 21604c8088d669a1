// cli/timings: how long each phase took, how many catalog queries were sent
// and the peak memory, printed to stderr as `timing KEY VALUE` lines when
// SCHEMAC_TIMINGS is set and not empty. bench/run.sh reads them; nothing else
// depends on them, and they never change what a command does.
#pragma once

#include <chrono>
#include <string>

namespace schemac::cli::timings {

/// enabled: SCHEMAC_TIMINGS is set and not empty.
bool enabled();

/// add accumulates value under key (milliseconds for *_ms keys, else a count).
void add(const std::string& key, double value);

/// Phase adds the wall-clock milliseconds from its construction to its
/// destruction to KEY_ms, and CPU milliseconds to KEY_cpu_ms: by default of
/// the thread it runs on (phases may run beside each other:
/// cli/early_inspect.hpp), or of the whole process, for a phase that has
/// helper threads of its own while nothing else runs.
class Phase {
 public:
  enum class Cpu { Thread, Process };
  explicit Phase(std::string key, Cpu cpu = Cpu::Thread);
  ~Phase();
  Phase(const Phase&) = delete;
  Phase& operator=(const Phase&) = delete;

 private:
  std::string key_;
  std::chrono::steady_clock::time_point start_;
  Cpu cpu_;
  double cpu_start_;
};

/// start marks the beginning of the command; report prints every key in the
/// order first added, then total_ms (since start), total_cpu_ms and
/// peak_rss_kb; nothing unless enabled.
void start();
void report();

}  // namespace schemac::cli::timings
