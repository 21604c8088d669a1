#!/usr/bin/env bash
# Large projects are parsed and lowered on several threads: what check and an
# offline diff print, and their exit codes, are those of one thread
# (SCHEMAC_THREADS=1), with syntax errors and semantic errors spread over files.
source "$(dirname "$0")/lib.sh" "$@"

# make_project DIR: 8 files of 250 tables (about 500 KB, above the size at
# which threads are used), each table referencing one of the file before.
make_project() {
  local dir=$1
  mkdir -p "$dir"
  for f in $(seq 0 7); do
    for i in $(seq $((f * 250)) $((f * 250 + 249))); do
      printf 'table t%d {\n  id bigint primary key\n  kind mood not null default '"'"'ok'"'"'\n' "$i"
      ((i >= 250)) && printf '  prev_id bigint references t%d (id)\n' $((i - 250))
      printf '  name text not null check (length(name) > 0) unique\n  index (kind)\n}\n'
    done >"$dir/f$f.schema"
  done
  echo "enum mood { 'ok', 'sad' }" >>"$dir/f7.schema"
}

# same_output ARGS...: runs schemac with 1, 2 and 3 threads and without the
# variable; all four must print the same and exit alike.
same_output() {
  local want=$1; shift
  SCHEMAC_THREADS=1 run_schemac "$want" "$@"
  local out1=$OUT err1=$ERR
  for threads in 2 3 ""; do
    SCHEMAC_THREADS=$threads run_schemac "$want" "$@"
    [[ $OUT == "$out1" ]] || fail "stdout with SCHEMAC_THREADS='$threads' differs: $OUT"
    [[ $ERR == "$err1" ]] || fail "stderr with SCHEMAC_THREADS='$threads' differs: $ERR"
  done
}

make_project "$WORK/ok"
[[ $(cat "$WORK"/ok/*.schema | wc -c) -gt 300000 ]] || fail "project too small for threads"
same_output 0 check --no-config "$WORK/ok"
[[ $OUT == "ok: 8 files, 1 schema, 2000 tables, 0 views, 1 enum, 0 extensions" ]] || fail "check: $OUT"
pass "check of 2,000 tables in 8 files"

# Semantic errors in four files: an unknown type, a dangling reference, a
# duplicate column, and a table declared again in a later file (found while
# the files are still being parsed, and reported in the same place).
cp -r "$WORK/ok" "$WORK/semantic"
sed -i 's/^  kind mood not null default .ok.$/  kind no_such_type/;T;:a;n;ba' "$WORK/semantic/f1.schema"
sed -i '0,/references t[0-9]* (id)/s//references missing_table (id)/' "$WORK/semantic/f4.schema"
printf 'table dup {\n  id bigint primary key\n  id text\n}\n' >>"$WORK/semantic/f6.schema"
printf 'table t10 {\n  id bigint primary key\n}\n' >>"$WORK/semantic/f7.schema"
same_output 1 check --no-config "$WORK/semantic"
for message in 'unknown type "no_such_type"' '"missing_table" does not exist' 'duplicate column "id"' \
  'duplicate table "public.t10"'; do
  grep -qF "$message" <<<"$ERR" || fail "semantic errors: no '$message' in: $ERR"
done
[[ $(grep -c ': error: ' <<<"$ERR") -eq 4 ]] || fail "semantic errors: $ERR"
pass "semantic errors in four files are reported alike"

# Syntax errors in two files: each file's first error, in file order.
cp -r "$WORK/ok" "$WORK/syntax"
printf 'table broken {\n  id bigint primary kee\n}\n' >>"$WORK/syntax/f2.schema"
printf 'tabel oops {}\n' >>"$WORK/syntax/f5.schema"
same_output 1 check --no-config "$WORK/syntax"
grep -q 'f2.schema' <<<"$ERR" && grep -q 'f5.schema' <<<"$ERR" || fail "syntax errors: $ERR"
[[ $(grep -n 'f2.schema' <<<"$ERR" | head -1 | cut -d: -f1) -lt $(grep -n 'f5.schema' <<<"$ERR" | head -1 | cut -d: -f1) ]] ||
  fail "syntax errors out of file order: $ERR"
pass "syntax errors in two files are reported alike, in file order"

# An offline diff between two large projects: the same SQL.
cp -r "$WORK/ok" "$WORK/changed"
sed -i 's/^  name text not null check (length(name) > 0) unique$/&\n  note text/' "$WORK/changed/f3.schema"
same_output 0 diff --no-config "$WORK/ok" "$WORK/changed"
[[ $(grep -c '^ALTER TABLE .* ADD COLUMN "\?note"\? text;' <<<"$OUT") -eq 250 ]] ||
  fail "diff: $(head -5 <<<"$OUT")"
pass "an offline diff of two large projects prints the same SQL"
