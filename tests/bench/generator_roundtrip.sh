#!/usr/bin/env bash
# The benchmark's generator (bench/gen) on 20 tables, so it cannot rot unseen:
# the same seed gives the same bytes; its SQL and its .schema files describe
# the same database (plan after loading the SQL is empty); the changed
# variant plans and applies, after which plan is empty again and the database
# dumps as one built directly from the variant's SQL. Not a timing test.
# Args: schemac binary, repo, schemac-bench-gen binary.
source "$(dirname "$0")/../integration/lib.sh" "$@"
GEN=${3:?usage: generator_roundtrip.sh SCHEMAC REPO SCHEMAC_BENCH_GEN}

"$GEN" --tables 20 --seed 7 --out "$WORK/a" >"$WORK/gen.txt"
"$GEN" --tables 20 --seed 7 --out "$WORK/b" >/dev/null
diff -r "$WORK/a" "$WORK/b" >/dev/null || fail "the same seed gave different output"
"$GEN" --tables 20 --seed 8 --out "$WORK/c" >/dev/null
! diff -r "$WORK/a" "$WORK/c" >/dev/null || fail "another seed gave the same output"
grep -q 'tables added 1, dropped 1' "$WORK/gen.txt" || fail "unexpected changes: $(cat "$WORK/gen.txt")"
pass "deterministic by seed"

load() { psql -q -X -v ON_ERROR_STOP=1 -1 -f "$2" "$(db_url "$1")" >/dev/null; }

db=$(new_db bench)
load "$db" "$WORK/a/base.sql"
cd "$WORK/a/base"
run_schemac 0 plan --exit-code --db "$(db_url "$db")"
pass "base: its SQL and its .schema files agree"

cd "$WORK/a/changed"
run_schemac 2 plan --exit-code --db "$(db_url "$db")"
for change in 'ADD COLUMN extra' 'DROP COLUMN' 'TYPE numeric(16,4)' 'CREATE INDEX' 'DROP CONSTRAINT' \
  'CREATE TABLE public.added_' 'DROP TABLE'; do
  grep -q "$change" <<<"$OUT" || fail "the changed variant's plan has no $change: $OUT"
done
run_schemac 0 apply --auto-approve --allow-destructive --db "$(db_url "$db")"
run_schemac 0 plan --exit-code --db "$(db_url "$db")"
pass "changed: applied, then plan is empty"

direct=$(new_db bench)
load "$direct" "$WORK/a/changed.sql"
run_schemac 0 plan --exit-code --db "$(db_url "$direct")"
diff <(schema_dump "$db" | unordered_columns) <(schema_dump "$direct" | unordered_columns) ||
  fail "the applied variant differs from the one built from its SQL"
pass "changed: the applied database dumps as the variant's own SQL"
