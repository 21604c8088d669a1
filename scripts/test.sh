#!/usr/bin/env bash
# The whole test suite, from a fresh machine: install what is missing, build,
# start the throwaway PostgreSQL + PostGIS, run unit, golden and integration
# tests (ctest). Extra arguments go to ctest (e.g. -R golden/ or -L unit).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

"$repo/scripts/setup.sh"
eval "$("$repo/scripts/pg.sh" env)"
export SCHEMAC_TEST_ADMIN_URL

ctest --test-dir "$repo/build" --output-on-failure -j "$(nproc)" "$@"

# A full run (no ctest arguments) also runs the sanitizer build and the fuzzer.
if [[ $# -eq 0 ]]; then
  "$repo/scripts/sanitize.sh"
fi
