#!/usr/bin/env bash
# The benchmark: schemac against `pg_dump --schema-only` on generated PostGIS
# databases of N tables (bench/gen), on the throwaway server.
#
#   bash bench/run.sh [--sizes 100,1000,10000] [--runs 5] [--seed 1]
#
# For each N it generates the schema and its variant with ~5% of the tables
# changed, builds database schemac_bench_N from the base SQL (kept between
# runs while the SQL is the same), then runs, alternately and --runs times
# each, `pg_dump --schema-only` and `schemac plan` of the changed variant
# against it, with SCHEMAC_TIMINGS=1 for schemac's phase times, catalog
# query count and peak RSS, and `schemac check` of the same files for
# parse+lower alone (in plan it runs beside inspect), as it runs and on one
# thread. Every figure is the median of the runs; times are
# wall-clock, so on a shared machine they are noisy (compare medians).
# Honours SCHEMAC_PG_PORT like scripts/pg.sh; data goes to
# ${SCHEMAC_BENCH_DIR:-.run/bench}. Not part of the test suite.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sizes=100,1000,10000
runs=5
seed=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 1 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: --runs must be a positive number" >&2; exit 1; }

"$repo/scripts/install-deps.sh" >&2
"$repo/scripts/build.sh" >/dev/null
"$repo/scripts/pg.sh" start >&2
eval "$("$repo/scripts/pg.sh" env)"
build=${SCHEMAC_BUILD_DIR:-$repo/build}
schemac=$build/schemac
gen=$build/bench/schemac-bench-gen
work=${SCHEMAC_BENCH_DIR:-$repo/.run/bench}
mkdir -p "$work"
admin=$SCHEMAC_TEST_ADMIN_URL
db_url() { echo "${admin%/*}/$1"; }
psql_admin() { psql -q -X -A -t -v ON_ERROR_STOP=1 "$admin" "$@"; }

now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

# median reads numbers, one a line, and prints their median.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2] + 0; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# build_db N DIR: (re)creates schemac_bench_N from DIR/base.sql unless it holds that SQL already.
build_db() {
  local n=$1 dir=$2 db=schemac_bench_$1 sum
  sum=$(sha256sum "$dir/base.sql" | cut -c1-16)
  if [[ $(psql_admin -c "SELECT pg_catalog.shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$db'") == "schemac-bench $sum" ]]; then
    echo "  database $db: reused" >&2
    return
  fi
  echo "  database $db: building from base.sql ..." >&2
  psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  local start
  start=$(now_ms)
  psql -q -X -v ON_ERROR_STOP=1 -f "$dir/base.sql" "$(db_url "$db")" >/dev/null
  psql -q -X -v ON_ERROR_STOP=1 "$(db_url "$db")" -c "VACUUM ANALYZE" >/dev/null
  psql_admin -c "COMMENT ON DATABASE $db IS 'schemac-bench $sum'"
  echo "  database $db: built in $(($(now_ms) - start)) ms" >&2
}

# measure N: prints "key value" lines, each the median over the runs.
measure() {
  local n=$1 dir=$work/$1 db=schemac_bench_$1
  local raw=$dir/raw
  : >"$raw"
  for ((r = 1; r <= runs; r++)); do
    local start end
    start=$(now_ms)
    pg_dump --schema-only --no-owner --no-privileges -f /dev/null "$(db_url "$db")"
    end=$(now_ms)
    echo "pg_dump_ms $((end - start))" >>"$raw"
    local code=0
    start=$(now_ms)
    (cd "$dir/changed" && SCHEMAC_TIMINGS=1 "$schemac" plan --format sql --db "$(db_url "$db")" \
      >"$dir/plan.sql" 2>"$dir/timings") || code=$?
    end=$(now_ms)
    if [[ $code -ne 0 ]]; then
      cat "$dir/timings" >&2
      echo "bench/run.sh: schemac plan exited $code on N=$n" >&2
      exit 1
    fi
    echo "plan_ms $((end - start))" >>"$raw"
    awk '$1 == "timing" { print $2, $3 }' "$dir/timings" >>"$raw"
    # Parse+lower alone: `check` of the same files, with no inspect beside it.
    (cd "$dir/changed" && SCHEMAC_TIMINGS=1 "$schemac" check >/dev/null 2>"$dir/check_timings") || {
      cat "$dir/check_timings" >&2
      echo "bench/run.sh: schemac check failed on N=$n" >&2
      exit 1
    }
    awk '$1 == "timing" && $2 ~ /^parse_lower/ { print "check_" $2, $3 }' "$dir/check_timings" >>"$raw"
    # The same on one thread: what a core does, and the figure to compare with
    # runs before the files were parsed and lowered on every core.
    (cd "$dir/changed" && SCHEMAC_THREADS=1 SCHEMAC_TIMINGS=1 "$schemac" check >/dev/null 2>"$dir/check_timings") || {
      cat "$dir/check_timings" >&2
      echo "bench/run.sh: schemac check (one thread) failed on N=$n" >&2
      exit 1
    }
    awk '$1 == "timing" && $2 ~ /^parse_lower/ { print "check1_" $2, $3 }' "$dir/check_timings" >>"$raw"
  done
  local key
  for key in $(awk '{ print $1 }' "$raw" | sort -u); do
    echo "$key $(awk -v k="$key" '$1 == k { print $2 }' "$raw" | median)"
  done
}

declare -A fig
IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
  echo "N=$n: generating (seed $seed)" >&2
  mkdir -p "$work/$n"
  "$gen" --tables "$n" --seed "$seed" --out "$work/$n" >"$work/$n/gen.txt"
  build_db "$n" "$work/$n"
  echo "  measuring, $runs runs" >&2
  while read -r key value; do fig[$n,$key]=$value; done < <(measure "$n")
  fig[$n,statements]=$(grep -c ';$' "$work/$n/plan.sql" || true)
  fig[$n,touched]=$(sed -n 's/^changed.tables_touched \([0-9]*\).*/\1/p' "$work/$n/gen.txt")
done

get() { echo "${fig[$1,$2]:-0}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
fmt_ms() { awk -v v="$1" 'BEGIN { printf (v < 10 ? "%.2f ms" : "%.0f ms"), v }'; }

echo
echo "schemac $("$schemac" --version | awk '{ print $2 }'), $(psql_admin -c 'SHOW server_version' | awk '{ print $1 }'), seed $seed, median of $runs runs"
echo
echo "Times are wall-clock, except the columns marked CPU (this process's CPU time, which other"
echo "work on a busy machine inflates less). MB/s is .schema bytes over parse+lower CPU time."
echo
echo "| N tables | .schema MB | pg_dump --schema-only | schemac plan | ratio | plan CPU | parse+lower | parse+lower CPU | MB/s | inspect | canonicalize | diff+plan | diff+plan CPU | catalog queries | peak RSS | plan statements |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${size_list[@]}"; do
  mb=$(awk -v b="$(get "$n" schema_bytes)" 'BEGIN { printf "%.2f", b / 1e6 }')
  mbs=$(awk -v b="$(get "$n" schema_bytes)" -v t="$(get "$n" parse_lower_cpu_ms)" 'BEGIN { if (t > 0) printf "%.1f", b / 1e3 / t; else print "-" }')
  rss=$(awk -v k="$(get "$n" peak_rss_kb)" 'BEGIN { printf "%.0f MB", k / 1024 }')
  echo "| $n | $mb | $(fmt_ms "$(get "$n" pg_dump_ms)") | $(fmt_ms "$(get "$n" plan_ms)") | $(ratio "$(get "$n" plan_ms)" "$(get "$n" pg_dump_ms)") | $(fmt_ms "$(get "$n" total_cpu_ms)") | $(fmt_ms "$(get "$n" parse_lower_ms)") | $(fmt_ms "$(get "$n" parse_lower_cpu_ms)") | $mbs | $(fmt_ms "$(get "$n" inspect_ms)") | $(fmt_ms "$(get "$n" canonicalize_ms)") | $(fmt_ms "$(get "$n" diff_plan_ms)") | $(fmt_ms "$(get "$n" diff_plan_cpu_ms)") | $(get "$n" catalog_queries) | $rss | $(get "$n" statements) |"
done

echo
echo "Parse+lower alone: \`schemac check\` of the same files, no database, so nothing runs beside it:"
echo "as it runs ($(nproc) cores: one thread per core from 256 KB of .schema text) and on one thread"
echo "(SCHEMAC_THREADS=1). MB/s is .schema bytes over the phase's wall-clock and CPU time (the CPU"
echo "time of every thread)."
echo
echo "| N tables | .schema MB | threads | parse+lower | parse+lower CPU | MB/s (wall) | MB/s (CPU) |"
echo "|---:|---:|---|---:|---:|---:|---:|"
for n in "${size_list[@]}"; do
  b=$(get "$n" schema_bytes)
  mb=$(awk -v b="$b" 'BEGIN { printf "%.2f", b / 1e6 }')
  for variant in "check:as run" "check1:one"; do
    w=$(get "$n" "${variant%%:*}_parse_lower_ms") c=$(get "$n" "${variant%%:*}_parse_lower_cpu_ms")
    echo "| $n | $mb | ${variant#*:} | $(fmt_ms "$w") | $(fmt_ms "$c") | $(awk -v b="$b" -v t="$w" 'BEGIN { printf "%.1f", b / 1e3 / t }') | $(awk -v b="$b" -v t="$c" 'BEGIN { printf "%.1f", b / 1e3 / t }') |"
  done
done

# Growth from 1,000 to 10,000 tables, against N log N (10 x log 10000 / log 1000 = 13.3).
if [[ -n ${fig[1000,plan_ms]:-} && -n ${fig[10000,plan_ms]:-} ]]; then
  echo
  echo "Growth 1,000 -> 10,000 tables (N log N would be 13.3; N alone 10.0):"
  echo
  echo "| figure | at 1,000 | at 10,000 | growth | within N log N |"
  echo "|---|---:|---:|---:|---|"
  for key in pg_dump_ms plan_ms total_cpu_ms parse_lower_cpu_ms check_parse_lower_ms check1_parse_lower_cpu_ms inspect_ms canonicalize_ms diff_plan_cpu_ms peak_rss_kb catalog_queries; do
    a=$(get 1000 "$key") b=$(get 10000 "$key")
    g=$(ratio "$b" "$a")
    ok=$(awk -v g="$g" 'BEGIN { print (g + 0 <= 13.34 ? "yes" : "no") }')
    echo "| $key | $a | $b | $g | $ok |"
  done
fi

# Targets (issue 6), checked on the largest N measured.
n=${size_list[-1]}
echo
echo "Targets at N=$n:"
echo
check() { printf '| %s | %s | %s |\n' "$1" "$2" "$3"; }
echo "| target | measured | met |"
echo "|---|---|---|"
r=$(ratio "$(get "$n" plan_ms)" "$(get "$n" pg_dump_ms)")
check "schemac plan <= 0.5 x pg_dump --schema-only" "$r x" "$(awk -v r="$r" 'BEGIN { print (r + 0 <= 0.5 ? "yes" : "NO") }')"
queries=$(for m in "${size_list[@]}"; do get "$m" catalog_queries; done | sort -u | tr '\n' ' ')
check "catalog queries do not grow with N" "$queries" "$([[ $(wc -w <<<"$queries") -eq 1 ]] && echo yes || echo NO)"
mbs=$(awk -v b="$(get "$n" schema_bytes)" -v t="$(get "$n" check_parse_lower_ms)" 'BEGIN { printf "%.1f", b / 1e3 / t }')
check "parse+lower >= 50 MB/s (wall-clock, schemac check on $(nproc) cores)" "$mbs MB/s" "$(awk -v v="$mbs" 'BEGIN { print (v >= 50 ? "yes" : "NO") }')"
mbs=$(awk -v b="$(get "$n" schema_bytes)" -v t="$(get "$n" check1_parse_lower_cpu_ms)" 'BEGIN { printf "%.1f", b / 1e3 / t }')
check "parse+lower >= 50 MB/s (CPU time of one thread, schemac check)" "$mbs MB/s" "$(awk -v v="$mbs" 'BEGIN { print (v >= 50 ? "yes" : "NO") }')"
d=$(get "$n" diff_plan_cpu_ms)
check "diff+plan < 200 ms, CPU time ($(get "$n" touched) tables changed)" "$(fmt_ms "$d")" "$(awk -v v="$d" 'BEGIN { print (v < 200 ? "yes" : "NO") }')"
k=$(get "$n" peak_rss_kb)
check "peak RSS < 300 MB" "$(awk -v k="$k" 'BEGIN { printf "%.0f MB", k / 1024 }')" "$(awk -v k="$k" 'BEGIN { print (k < 300 * 1024 ? "yes" : "NO") }')"
if [[ -n ${fig[1000,plan_ms]:-} && -n ${fig[10000,plan_ms]:-} ]]; then
  g=$(ratio "$(get 10000 plan_ms)" "$(get 1000 plan_ms)")
  check "plan grows no faster than N log N, 1,000 -> 10,000 (<= 13.3), wall" "$g" "$(awk -v g="$g" 'BEGIN { print (g + 0 <= 13.34 ? "yes" : "NO") }')"
  g=$(ratio "$(get 10000 total_cpu_ms)" "$(get 1000 total_cpu_ms)")
  check "plan grows no faster than N log N, 1,000 -> 10,000 (<= 13.3), CPU" "$g" "$(awk -v g="$g" 'BEGIN { print (g + 0 <= 13.34 ? "yes" : "NO") }')"
fi
