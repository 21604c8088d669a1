#include "cli/timings.hpp"

#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

namespace schemac::cli::timings {
namespace {

using Clock = std::chrono::steady_clock;

struct State {
  std::mutex mutex;  // phases may run on two threads (cli/early_inspect.hpp)
  std::vector<std::pair<std::string, double>> values;  // in the order first added
  Clock::time_point start = Clock::now();
};

State& state() {
  static State s;
  return s;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// cpu_ms: CPU time (user and system) of this process, or of the calling thread,
// so far; other processes on a busy machine do not inflate it as they do
// wall-clock time.
double cpu_ms(clockid_t clock = CLOCK_PROCESS_CPUTIME_ID) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

bool enabled() {
  static const bool on = [] {
    const char* value = std::getenv("SCHEMAC_TIMINGS");
    return value != nullptr && *value != '\0';
  }();
  return on;
}

void add(const std::string& key, double value) {
  if (!enabled()) return;
  std::lock_guard<std::mutex> lock(state().mutex);
  for (auto& [name, total] : state().values) {
    if (name == key) {
      total += value;
      return;
    }
  }
  state().values.emplace_back(key, value);
}

namespace {

clockid_t clock_of(Phase::Cpu cpu) {
  return cpu == Phase::Cpu::Thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID;
}

}  // namespace

Phase::Phase(std::string key, Cpu cpu)
    : key_(std::move(key)), start_(Clock::now()), cpu_(cpu), cpu_start_(cpu_ms(clock_of(cpu))) {}

Phase::~Phase() {
  add(key_ + "_ms", ms_since(start_));
  add(key_ + "_cpu_ms", cpu_ms(clock_of(cpu_)) - cpu_start_);
}

void start() {
  state().start = Clock::now();
}

void report() {
  if (!enabled()) return;
  for (const auto& [name, value] : state().values)
    std::fprintf(stderr, "timing %s %.3f\n", name.c_str(), value);
  std::fprintf(stderr, "timing total_ms %.3f\n", ms_since(state().start));
  std::fprintf(stderr, "timing total_cpu_ms %.3f\n", cpu_ms());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::fprintf(stderr, "timing peak_rss_kb %ld\n", usage.ru_maxrss);
}

}  // namespace schemac::cli::timings
