#!/usr/bin/env bash
# An empty desired state (files that declare nothing, as `inspect` writes for
# an empty database) is refused (E0004) unless --allow-empty says it is meant:
# then plan drops every managed object and apply leaves the database empty.
source "$(dirname "$0")/lib.sh" "$@"

db=$(new_db empty)
url=$(db_url "$db")
sql "$db" "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE t (id int PRIMARY KEY, m mood); CREATE INDEX ON t (m)" >/dev/null
mkdir -p "$WORK/empty"
printf '// Written by `schemac inspect`.\n' >"$WORK/empty/public.schema"

run_schemac 1 plan --no-config --db "$url" "$WORK/empty"
grep -q 'E0004' <<<"$ERR" || fail "an empty desired state was not refused: $ERR"
run_schemac 1 apply --no-config --auto-approve --allow-destructive --db "$url" "$WORK/empty"
pass "without --allow-empty an empty desired state is refused"

run_schemac 2 plan --no-config --exit-code --allow-empty --db "$url" "$WORK/empty"
grep -q 'drop table public.t' <<<"$OUT" || fail "plan --allow-empty does not drop the table: $OUT"
run_schemac 4 apply --no-config --auto-approve --allow-empty --db "$url" "$WORK/empty"
run_schemac 0 apply --no-config --auto-approve --allow-empty --allow-destructive --db "$url" "$WORK/empty"
[[ $(sql "$db" "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'") == 0 ]] ||
  fail "apply --allow-empty left relations behind"
[[ $(sql "$db" "select count(*) from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public'") == 0 ]] ||
  fail "apply --allow-empty left the enum behind"
run_schemac 0 plan --no-config --exit-code --allow-empty --db "$url" "$WORK/empty"
pass "with --allow-empty plan drops everything, apply empties the database, plan is then empty"
