// base/check: internal invariants. A failed check is a bug in schemac, not a
// user error, so it aborts with the location instead of producing a diagnostic.
#pragma once

#include <cstdio>
#include <cstdlib>

#define SCHEMAC_CHECK(cond, msg)                                                               \
  do {                                                                                         \
    if (!(cond)) {                                                                             \
      std::fprintf(stderr, "schemac: internal error at %s:%d: %s\n", __FILE__, __LINE__, msg); \
      std::abort();                                                                            \
    }                                                                                          \
  } while (0)
