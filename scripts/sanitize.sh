#!/usr/bin/env bash
# The sanitizer part of CI, called by scripts/test.sh after the main suite:
#  1. the unit tests built with AddressSanitizer + UndefinedBehaviorSanitizer
#     (g++, build dir build-asan/), run under ctest;
#  2. what runs on several threads (parsing and lowering large projects),
#     built with ThreadSanitizer (g++, build-tsan/): its unit tests and
#     tests/cli/threads.sh with that binary;
#  3. the libFuzzer target of the parser and lowering (clang, build-fuzz/), run
#     for SCHEMAC_FUZZ_SECONDS (60) on a seed corpus of every golden input,
#     schema/ and examples/; any crash, leak, timeout (>5 s per input) or
#     memory blow-up (>2 GB) fails it.
# Set SCHEMAC_SANITIZE=0 to skip all of it, SCHEMAC_FUZZ_SECONDS=0 to skip the fuzzer.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[[ ${SCHEMAC_SANITIZE:-1} == 0 ]] && { echo "sanitize: skipped (SCHEMAC_SANITIZE=0)"; exit 0; }
jobs=$(nproc)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# 1. ASan + UBSan unit tests.
asan=${SCHEMAC_ASAN_DIR:-$repo/build-asan}
start=$SECONDS
if [[ ! -f $asan/CMakeCache.txt ]]; then
  CXX=g++ cmake -S "$repo" -B "$asan" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug \
    -DSCHEMAC_SANITIZE=ON >/dev/null
fi
units=$(cd "$repo/tests/unit" && ls ./*_*.cpp | sed -E 's|^\./([a-z]+)_.*|unit_\1|' | sort -u)
# shellcheck disable=SC2086
cmake --build "$asan" -j "$jobs" --target $units
# A hang is a failure too (a debug build once looped forever on undefined behaviour).
ctest --test-dir "$asan" --output-on-failure -j "$jobs" -L unit --timeout 300
echo "sanitize: ASan+UBSan unit tests passed in $((SECONDS - start)) s"

# 2. ThreadSanitizer on what runs on several threads.
tsan=${SCHEMAC_TSAN_DIR:-$repo/build-tsan}
start=$SECONDS
if [[ ! -f $tsan/CMakeCache.txt ]]; then
  CXX=g++ cmake -S "$repo" -B "$tsan" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSCHEMAC_TSAN=ON >/dev/null
fi
cmake --build "$tsan" -j "$jobs" --target unit_base unit_dsl schemac
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
"$tsan/tests/unit_base" "[parallel]"
"$tsan/tests/unit_dsl" "[parallel]"
bash "$repo/tests/cli/threads.sh" "$tsan/schemac" "$repo"
echo "sanitize: ThreadSanitizer tests passed in $((SECONDS - start)) s"

# 3. libFuzzer on the parser and lowering.
seconds=${SCHEMAC_FUZZ_SECONDS:-60}
[[ $seconds == 0 ]] && { echo "sanitize: fuzzer skipped (SCHEMAC_FUZZ_SECONDS=0)"; exit 0; }
fuzz=${SCHEMAC_FUZZ_DIR:-$repo/build-fuzz}
start=$SECONDS
if [[ ! -f $fuzz/CMakeCache.txt ]]; then
  CC=clang CXX=clang++ cmake -S "$repo" -B "$fuzz" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCHEMAC_FUZZ=ON -DSCHEMAC_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$fuzz" -j "$jobs" --target parse_fuzzer
work=$(mktemp -d /tmp/schemac-fuzz-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/seeds"
n=0
while IFS= read -r -d '' file; do
  cp "$file" "$work/seeds/$n.schema"
  n=$((n + 1))
done < <(find tests/golden schema examples -name '*.schema' -print0)
echo "sanitize: fuzzing for $seconds s from $n seed inputs"
if ! "$fuzz/parse_fuzzer" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
  -dict="$repo/tests/fuzz/schema.dict" -artifact_prefix="$work/" -print_final_stats=1 \
  "$work/corpus" "$work/seeds" >"$work/log" 2>&1; then
  tail -n 60 "$work/log"
  for artifact in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [[ -f $artifact ]] || continue
    echo "sanitize: failing input $(basename "$artifact") (base64):"
    base64 "$artifact"
  done
  echo "sanitize: the fuzzer found a problem" >&2
  exit 1
fi
grep -E '^stat::number_of_executed_units|^Done' "$work/log" || true
echo "sanitize: fuzzer clean in $((SECONDS - start)) s"
