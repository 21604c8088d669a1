#include "base/parallel.hpp"

#include <malloc.h>
#include <sched.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
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

// Helper is a thread kept for the rest of the process that runs one job at a
// time. Kept, rather than started per call, so that work(i) of every call
// runs on the same thread, and with it in the same malloc arena: lowering
// frees the syntax tree of the tables it has lowered (dsl::lower_releasing),
// and memory freed into the arena of the thread that will allocate next is
// reused at once, where memory freed into another thread's arena is not, and
// costs that arena's lock.
class Helper {
 public:
  Helper() : thread_([this] { loop(); }) {}
  ~Helper() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;

  // start runs job on the helper; job must not throw.
  void start(std::function<void()> job) {
    {
      std::lock_guard lock(mutex_);
      job_ = std::move(job);
    }
    wake_.notify_one();
  }
  // wait returns once the job started last has returned.
  void wait() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return !job_; });
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return job_ || stopping_; });
      if (!job_) return;
      lock.unlock();
      job_();
      lock.lock();
      job_ = nullptr;
      done_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  std::function<void()> job_;
  bool stopping_ = false;
  std::thread thread_;  // last: it starts once the members it uses exist
};

// Helpers: helpers[i - 1] runs work(i). busy is held for a whole call, so a
// call made while another runs (from one of its jobs, or from another thread)
// starts threads of its own instead of waiting.
struct Helpers {
  std::mutex busy;
  std::vector<std::unique_ptr<Helper>> helpers;
};

Helpers& helpers() {
  static Helpers instance;
  return instance;
}

// run_on_new_threads: work(1..count-1) each on a thread started for it, work(0) here.
void run_on_new_threads(std::size_t count, const std::function<void(std::size_t)>& guarded) {
  // Sized first: once a thread runs, nothing here may throw before it is joined.
  std::vector<std::thread> threads;
  threads.reserve(count);
  std::vector<std::size_t> here;  // what no thread could be started for
  here.reserve(count);
  if (count > 0) here.push_back(0);
  for (std::size_t i = 1; i < count; ++i) {
    try {
      threads.emplace_back(guarded, i);
    } catch (const std::system_error&) {  // out of threads: do it here instead
      here.push_back(i);
    }
  }
  for (std::size_t i : here) guarded(i);
  for (std::thread& thread : threads) thread.join();
}

// run_on_helpers: work(i) on helpers[i - 1] (started when first needed), work(0) here.
void run_on_helpers(Helpers& pool, std::size_t count,
                    const std::function<void(std::size_t)>& guarded) {
  std::vector<std::size_t> here;
  here.reserve(count);
  std::vector<Helper*> started;
  started.reserve(count);
  if (count > 0) here.push_back(0);
  for (std::size_t i = 1; i < count; ++i) {
    try {
      if (pool.helpers.size() < i) pool.helpers.push_back(std::make_unique<Helper>());
      pool.helpers[i - 1]->start([&guarded, i] { guarded(i); });
      started.push_back(pool.helpers[i - 1].get());
    } catch (...) {  // out of threads or memory: do it here instead
      here.push_back(i);
    }
  }
  for (std::size_t i : here) guarded(i);
  for (Helper* helper : started) helper->wait();
}

}  // namespace

void run_parallel(std::size_t count, const std::function<void(std::size_t)>& work) {
  if (count > 1) allow_arenas(count);
  std::vector<std::exception_ptr> errors(count);
  auto guarded_work = [&](std::size_t i) {
    try {
      work(i);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  const std::function<void(std::size_t)> guarded = guarded_work;
  Helpers& pool = helpers();
  if (std::unique_lock busy(pool.busy, std::try_to_lock); busy) {
    run_on_helpers(pool, count, guarded);
  } else {
    run_on_new_threads(count, guarded);
  }
  for (const std::exception_ptr& error : errors)
    if (error) std::rethrow_exception(error);
}

std::vector<std::size_t> split_by_size(std::size_t count, std::size_t runs,
                                       const std::function<std::size_t(std::size_t)>& size_of) {
  std::vector<std::size_t> starts(runs + 1, count);
  starts[0] = 0;
  if (runs == 0) return starts;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < count; ++i) total += size_of(i);
  if (total == 0) {  // nothing to weigh: as many items in each run
    for (std::size_t r = 1; r < runs; ++r) starts[r] = count * r / runs;
    return starts;
  }
  std::size_t run = 1;
  std::uint64_t before = 0;  // the size of the items before i
  for (std::size_t i = 0; i < count && run < runs; ++i) {
    while (run < runs && before * runs >= total * run) starts[run++] = i;
    before += size_of(i);
  }
  return starts;
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
