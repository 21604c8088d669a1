// base::run_parallel: every index once, each on a thread of its own, and the
// first exception rethrown on the caller.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/parallel.hpp"

namespace base = schemac::base;

TEST_CASE("run_parallel calls every index once, index 0 on the caller", "[base][parallel]") {
  for (std::size_t count : {0u, 1u, 2u, 5u}) {
    std::vector<int> calls(count, 0);
    std::vector<std::thread::id> threads(count);
    base::run_parallel(count, [&](std::size_t i) {
      ++calls[i];
      threads[i] = std::this_thread::get_id();
    });
    for (int n : calls) CHECK(n == 1);
    if (count > 0) CHECK(threads[0] == std::this_thread::get_id());
    CHECK(std::set<std::thread::id>(threads.begin(), threads.end()).size() == count);
  }
}

TEST_CASE("run_parallel runs its work at the same time", "[base][parallel]") {
  // Each of three calls waits until all three have started: run one after
  // another, they would never return.
  std::atomic<int> started{0};
  base::run_parallel(3, [&](std::size_t) {
    ++started;
    while (started.load() < 3) std::this_thread::yield();
  });
  CHECK(started.load() == 3);
}

TEST_CASE("run_parallel rethrows an exception after every call has returned", "[base][parallel]") {
  std::atomic<int> finished{0};
  auto work = [&](std::size_t i) {
    if (i == 1) throw std::runtime_error("helper failed");
    ++finished;
  };
  CHECK_THROWS_WITH(base::run_parallel(3, work), "helper failed");
  CHECK(finished.load() == 2);
  CHECK_THROWS_AS(base::run_parallel(1, [](std::size_t) { throw std::logic_error("caller"); }),
                  std::logic_error);
}

TEST_CASE("cpu_threads is at least one", "[base][parallel]") {
  CHECK(base::cpu_threads() >= 1);
}
