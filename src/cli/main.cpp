// schemac: declarative schema-as-code for PostgreSQL and PostGIS.
#include <malloc.h>

#include "cli/app.hpp"

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // One malloc arena for every thread: the files are parsed while the catalog
  // is read on other threads (cli/early_inspect.hpp), and with an arena per
  // thread the memory the syntax trees free could not serve the catalog's
  // rows: peak RSS at 10,000 tables rose from 256 MB to 325 MB. Threads that
  // parse and lower large projects get arenas of their own (base/parallel.cpp).
  mallopt(M_ARENA_MAX, 1);
  // No fast bins: schemac frees many small strings between large allocations,
  // and each large one first merged the fast bins back (malloc_consolidate,
  // 4 % of `check`). Without them `plan` at 10,000 tables took 1-3 % less time.
  mallopt(M_MXFAST, 0);
  // Grow the heap 32 MB at a time: growing it by what each allocation needs
  // took a brk or mprotect call per few pages (7,400 system calls at 10,000
  // tables), each holding the address-space lock that the other threads'
  // page faults wait for. Untouched, the padding costs no memory. Setting it
  // also stops glibc from raising the mmap threshold as large blocks are
  // freed: blocks of 128 KB and more keep their own mappings (measured with
  // it: plan and diff no slower).
  mallopt(M_TOP_PAD, 32 << 20);
#endif
  return schemac::cli::run(argc, argv);
}
