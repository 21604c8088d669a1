#!/usr/bin/env bash
# Configures (once) and builds schemac into build/. Incremental: a second run
# with nothing changed does no work.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${SCHEMAC_BUILD_DIR:-$repo/build}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$repo" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j "$(nproc)"
