// base/parallel: run one piece of work on several threads at once (parsing
// the files of a project, lowering its table bodies).
#pragma once

#include <cstddef>
#include <functional>

namespace schemac::base {

/// run_parallel calls work(0), ..., work(count - 1), each on a thread of its
/// own (work(0) on the calling thread), and returns once all have returned.
/// Work no thread can be started for (the system is out of threads) runs on
/// the calling thread, after work(0), so no call may wait for another. The
/// first exception thrown by any of them is rethrown here.
void run_parallel(std::size_t count, const std::function<void(std::size_t)>& work);

/// cpu_threads: the number of cores this process may use (at least 1).
std::size_t cpu_threads();

}  // namespace schemac::base
