// base/parallel: run one piece of work on several threads at once (parsing
// the files of a project, lowering its table bodies).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace schemac::base {

/// run_parallel calls work(0), ..., work(count - 1), each on a thread of its
/// own (work(0) on the calling thread), and returns once all have returned.
/// The threads are kept for later calls: work(i) of every call runs on the
/// same thread (and so allocates from the same malloc arena), except in a
/// call made while another runs, which starts threads of its own. Work no
/// thread can be started for (the system is out of threads) runs on the
/// calling thread, after work(0), so no call may wait for another. The first
/// exception thrown by any of them is rethrown here.
void run_parallel(std::size_t count, const std::function<void(std::size_t)>& work);

/// split_by_size cuts items 0 .. count - 1 into `runs` consecutive runs of
/// about the same total size (size_of(i) for item i): run r is
/// [starts[r], starts[r + 1]), and starts at the first item with at least r /
/// runs of the total size before it. Returns runs + 1 offsets, the first 0 and
/// the last count; a run is empty when one item is larger than a run's share.
std::vector<std::size_t> split_by_size(std::size_t count, std::size_t runs,
                                       const std::function<std::size_t(std::size_t)>& size_of);

/// cpu_threads: the number of cores this process may use (at least 1).
std::size_t cpu_threads();

}  // namespace schemac::base
