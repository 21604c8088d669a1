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

TEST_CASE("run_parallel runs work(i) on the same thread in every call", "[base][parallel]") {
  // So that what one call's work(i) allocates, the next call's work(i) frees
  // into the malloc arena it came from (dsl::lower_releasing).
  auto thread_ids = [](std::size_t count) {
    std::vector<std::thread::id> ids(count);
    base::run_parallel(count, [&](std::size_t i) { ids[i] = std::this_thread::get_id(); });
    return ids;
  };
  std::vector<std::thread::id> first = thread_ids(3);
  CHECK(thread_ids(3) == first);
  std::vector<std::thread::id> more = thread_ids(4);  // one more helper, the others kept
  CHECK(std::vector<std::thread::id>(more.begin(), more.begin() + 3) == first);
  CHECK(std::set<std::thread::id>(more.begin(), more.end()).size() == 4);
}

TEST_CASE("run_parallel called from its own work starts threads of its own", "[base][parallel]") {
  // The kept threads are busy with the outer call; waiting for them would never end.
  std::vector<std::vector<int>> calls(2, std::vector<int>(3, 0));
  base::run_parallel(2, [&](std::size_t outer) {
    base::run_parallel(3, [&](std::size_t inner) { ++calls[outer][inner]; });
  });
  for (const std::vector<int>& inner : calls)
    for (int n : inner) CHECK(n == 1);
}

TEST_CASE("split_by_size cuts runs of about the same size", "[base][parallel]") {
  auto split = [](std::vector<std::size_t> sizes, std::size_t runs) {
    return base::split_by_size(sizes.size(), runs, [&](std::size_t i) { return sizes[i]; });
  };
  using Starts = std::vector<std::size_t>;
  CHECK(split({10, 10, 10, 10}, 2) == Starts{0, 2, 4});
  CHECK(split({30, 10, 10, 10}, 2) == Starts{0, 1, 4});  // the large one alone
  CHECK(split({1, 1, 1, 1, 1, 1}, 3) == Starts{0, 2, 4, 6});
  // A run starts at the first item with at least its share of the total before it.
  CHECK(split({100, 1, 1}, 3) == Starts{0, 1, 1, 3});
  CHECK(split({5, 5}, 4) == Starts{0, 1, 1, 2, 2});  // more runs than items: some empty
  CHECK(split({0, 0, 0, 0}, 2) == Starts{0, 2, 4});  // nothing to weigh: by count
  CHECK(split({}, 2) == Starts{0, 0, 0});
  CHECK(split({7}, 1) == Starts{0, 1});
}

TEST_CASE("cpu_threads is at least one", "[base][parallel]") {
  CHECK(base::cpu_threads() >= 1);
}
