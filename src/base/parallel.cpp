#include "base/parallel.hpp"

#include <malloc.h>
#include <sched.h>

#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace schemac::base {

namespace {

// allow_arenas lets glibc's malloc give count threads an arena each. main()
// starts with one arena for every thread (see cli/main.cpp); threads that
// allocate most of what they build, as these do, would otherwise wait on one
// another's arena lock: two threads parsing were no faster than one. Only
// ever raised.
void allow_arenas(std::size_t count) {
#ifdef __GLIBC__
  static std::atomic<std::size_t> allowed{1};
  std::size_t now = allowed.load();
  while (count > now && !allowed.compare_exchange_weak(now, count)) {
  }
  if (count > now) mallopt(M_ARENA_MAX, static_cast<int>(count));
#else
  (void)count;
#endif
}

}  // namespace

void run_parallel(std::size_t count, const std::function<void(std::size_t)>& work) {
  if (count > 1) allow_arenas(count);
  std::vector<std::exception_ptr> errors(count);
  auto guarded = [&](std::size_t i) {
    try {
      work(i);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  // Sized first: once a thread runs, nothing here may throw before it is joined.
  std::vector<std::thread> helpers;
  helpers.reserve(count);
  std::vector<std::size_t> here;  // what no thread could be started for
  here.reserve(count);
  if (count > 0) here.push_back(0);
  for (std::size_t i = 1; i < count; ++i) {
    try {
      helpers.emplace_back(guarded, i);
    } catch (const std::system_error&) {  // out of threads: do it here instead
      here.push_back(i);
    }
  }
  for (std::size_t i : here) guarded(i);
  for (std::thread& helper : helpers) helper.join();
  for (const std::exception_ptr& error : errors)
    if (error) std::rethrow_exception(error);
}

std::size_t cpu_threads() {
  // The cores this process may run on (taskset, cgroup cpusets), not every
  // core of the machine.
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

}  // namespace schemac::base
