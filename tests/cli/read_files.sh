#!/usr/bin/env bash
# Reading schema files: a regular file is read whole (with or without a final
# newline, large ones too), a pipe or /proc file (no length to trust) to its end.
source "$(dirname "$0")/lib.sh" "$@"

printf 'table t {\n  id integer primary key\n}' >"$WORK/no_newline.schema"
run_schemac 0 check --no-config "$WORK/no_newline.schema"
[[ $OUT == "ok: 1 file, 1 schema, 1 table, 0 views, 0 enums, 0 extensions" ]] || fail "no final newline: $OUT"
pass "a file without a final newline"

# A pipe: bash's process substitution gives a /dev/fd path of no length.
run_schemac 0 check --no-config <(printf 'table t {\n  id integer primary key\n}\n')
[[ $OUT == ok:* ]] || fail "pipe: $OUT"
pass "a pipe is read to its end"

# A file of length 0 that is not empty (/proc) is read to its end too: its
# first line is reported, so it was read.
if [[ -r /proc/self/status ]]; then
  run_schemac 1 check --no-config /proc/self/status
  grep -q "unknown declaration 'Name'" <<<"$ERR" || fail "/proc file: $ERR"
  pass "a /proc file of length 0 is read to its end"
fi

# A file larger than one read chunk (64 KiB), its last table after the first chunk.
for i in $(seq 1 3000); do printf 'table t%d {\n  id integer primary key\n}\n' "$i"; done >"$WORK/big.schema"
[[ $(stat -c %s "$WORK/big.schema") -gt 65536 ]] || fail "big.schema is too small"
run_schemac 0 check --no-config "$WORK/big.schema"
grep -q '3000 tables' <<<"$OUT" || fail "big file: $OUT"
run_schemac 0 check --no-config <(cat "$WORK/big.schema")
grep -q '3000 tables' <<<"$OUT" || fail "big pipe: $OUT"
pass "files and pipes larger than one chunk are read whole"
