// schemac-fault-cost: what touching fresh memory costs on this machine, the
// floor under any phase that builds a large heap (parse+lower builds some
// 110 MB at 10,000 tables). Maps anonymous memory and writes one byte per
// page (what malloc'd memory costs on first use), then the same with the
// kernel populating the range in one call (MADV_POPULATE_WRITE), and prints
// milliseconds per MB for each. Not part of the test suite.
//
//   build/bench/schemac-fault-cost [MB]   (default 128)
#include <sys/mman.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14
#endif

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

char* map(std::size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    std::perror("mmap");
    std::exit(1);
  }
  return static_cast<char*>(p);
}

// touch: one write per 4 KB page, each a page fault.
double touch(std::size_t bytes) {
  char* p = map(bytes);
  auto start = Clock::now();
  for (std::size_t i = 0; i < bytes; i += 4096) p[i] = 1;
  double ms = ms_since(start);
  munmap(p, bytes);
  return ms;
}

// populate: the whole range in one system call; -1 where the kernel lacks it.
double populate(std::size_t bytes) {
  char* p = map(bytes);
  auto start = Clock::now();
  int rc = madvise(p, bytes, MADV_POPULATE_WRITE);
  double ms = ms_since(start);
  munmap(p, bytes);
  return rc == 0 ? ms : -1;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 128;
  if (mb == 0) {
    std::fprintf(stderr, "usage: schemac-fault-cost [MB]\n");
    return 2;
  }
  std::size_t bytes = mb << 20;
  std::vector<double> touched, populated;
  for (int run = 0; run < 5; ++run) {
    touched.push_back(touch(bytes));
    populated.push_back(populate(bytes));
  }
  double t = median(touched), p = median(populated);
  std::printf("fresh memory, %zu MB, median of 5:\n", mb);
  std::printf("  touched page by page: %.1f ms = %.2f ms/MB\n", t, t / static_cast<double>(mb));
  if (p >= 0)
    std::printf("  MADV_POPULATE_WRITE:  %.1f ms = %.2f ms/MB\n", p, p / static_cast<double>(mb));
  else
    std::printf("  MADV_POPULATE_WRITE:  not supported by this kernel\n");
  return 0;
}
