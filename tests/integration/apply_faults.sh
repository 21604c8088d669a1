#!/usr/bin/env bash
# apply under faults, on the real server: the backend terminated while a step
# waits for a lock, a statement failing in the middle, two applies at once, and
# the bounded retry after a lock timeout. Synchronisation is by polling the
# server's own views (pg_locks, pg_stat_activity) or schemac's stderr, with a
# bound; never by sleeping for a guessed time.
source "$(dirname "$0")/lib.sh" "$@"
source "$(dirname "$0")/support/faults.sh"

db=$(new_db faults)
url=$(db_url "$db")
mkdir -p "$WORK/schema"
cat >"$WORK/before.schema" <<'EOF'
table t {
  id integer primary key
  c  text
}
EOF
cp "$WORK/before.schema" "$WORK/schema/t.schema"
apply_args=(apply --no-config --db "$url" --auto-approve "$WORK/schema")
run_schemac 0 "${apply_args[@]}"
sql "$db" "INSERT INTO t VALUES (1, 'one'), (2, NULL)"

# The target: a new table (created first) and a new column on t, whose ALTER
# TABLE needs ACCESS EXCLUSIVE and so waits behind any reader of t.
cat >"$WORK/schema/t.schema" <<'EOF'
table t {
  id integer primary key
  c  text
  d  integer
}
table n {
  id integer primary key
}
EOF

# (a) the backend is terminated while ALTER TABLE t waits for its lock.
schema_dump "$db" >"$WORK/dump.before"
hold_lock "$db" "LOCK TABLE t IN ACCESS SHARE MODE"
start_schemac A "${apply_args[@]}" --lock-timeout 10min
wait_for "apply A to wait for its lock" apply_waits_for_lock "$db"
sql "$db" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = 'schemac'" >/dev/null
finish_schemac A 3
grep -q 'E0405' <<<"$ERR" || fail "no lost-connection error (E0405): $ERR"
grep -q 'the connection was lost at statement 2' <<<"$ERR" || fail "failing statement not named: $ERR"
grep -q 'ALTER TABLE public.t ADD COLUMN d integer' <<<"$ERR" || fail "statement not shown: $ERR"
grep -q 'nothing was changed' <<<"$ERR" || fail "does not say nothing changed: $ERR"
grep -q '^\[1/2\] CREATE TABLE public.n (  [0-9]* ms$' <<<"$ERR" || fail "no progress line with time: $ERR"
release_lock
schema_dump "$db" >"$WORK/dump.after"
diff -u "$WORK/dump.before" "$WORK/dump.after" || fail "terminated apply changed the schema"
[[ $(sql "$db" "SELECT count(*) FROM t") == 2 ]] || fail "terminated apply changed the data"
run_schemac 0 "${apply_args[@]}"
grep -q '^\[2/2\] ALTER TABLE public.t ADD COLUMN d integer;  [0-9]* ms$' <<<"$ERR" ||
  fail "re-run progress: $ERR"
grep -q '^      COMMIT  [0-9]* ms$' <<<"$ERR" || fail "no COMMIT progress line: $ERR"
run_schemac 0 plan --no-config --db "$url" --exit-code "$WORK/schema"
pass "terminated backend: exit 3, schema as before (pg_dump), re-run succeeds"

# (b) a statement fails in the middle: SET NOT NULL on a column holding NULLs.
cat >>"$WORK/schema/t.schema" <<'EOF'
table m {
  id integer primary key
}
EOF
sed -i 's/^  c  text$/  c  text not null/' "$WORK/schema/t.schema"
schema_dump "$db" >"$WORK/dump.before"
run_schemac 3 "${apply_args[@]}"
grep -q 'E0403' <<<"$ERR" || fail "no apply-failed error (E0403): $ERR"
grep -q 'statement 2 failed: column "c" of relation "t" contains null values (SQLSTATE 23502)' <<<"$ERR" ||
  fail "failing statement or server message not named: $ERR"
grep -q 'statement: ALTER TABLE public.t ALTER COLUMN c SET NOT NULL;' <<<"$ERR" ||
  fail "statement text not shown: $ERR"
grep -q 'rolled back; nothing was changed' <<<"$ERR" || fail "rollback not said: $ERR"
grep -q 'nothing was applied' <<<"$ERR" || fail "final line: $ERR"
schema_dump "$db" >"$WORK/dump.after"
diff -u "$WORK/dump.before" "$WORK/dump.after" || fail "failed apply changed the schema"
pass "failing statement: exit 3, statement and server message named, nothing applied"
sed -i 's/^  c  text not null$/  c  text/' "$WORK/schema/t.schema"

# (d) two applies at once: the second waits for the first, then finds nothing to do.
sed -i 's/^  d  integer$/  d  integer\n  f  integer/' "$WORK/schema/t.schema"
hold_lock "$db" "LOCK TABLE t IN ACCESS SHARE MODE"
start_schemac A "${apply_args[@]}" --lock-timeout 10min
wait_for "apply A to wait for its lock" apply_waits_for_lock "$db"
start_schemac B "${apply_args[@]}" --lock-timeout 10min
wait_for "apply B to say it waits" grep -q 'another apply holds the lock on this database (backend [0-9]* (schemac' "$WORK/B.err"
grep -q '^\[' "$WORK/B.err" && fail "apply B ran a step while A held the lock: $(cat "$WORK/B.err")"
[[ $(sql "$db" "SELECT count(*) FROM pg_class WHERE relname = 'm'") == 0 ]] || fail "m exists while A waits"
release_lock
finish_schemac A 0
grep -q 'create table public.m' <<<"$OUT" || fail "apply A did not plan m: $OUT"
grep -q 'add column public.t.f' <<<"$OUT" || fail "apply A did not plan t.f: $OUT"
finish_schemac B 0
grep -q 'No changes' <<<"$OUT" || fail "apply B did not re-plan after A: $OUT"
pass "two applies: the second waits, then re-plans and finds nothing to do"

# ... and with [apply] lock_wait = 0 the second one refuses at once: exit 3, E0404.
cat >"$WORK/wait0.toml" <<EOF
[project]
schema = ["schema"]
[apply]
lock_wait = 0
EOF
cat >>"$WORK/schema/t.schema" <<'EOF'
table o {
  id integer primary key
  c  text
}
EOF
hold_lock "$db" "SELECT pg_advisory_lock($(printf '%d' 0x736368656d6163))"
run_schemac 3 apply --config "$WORK/wait0.toml" --db "$url" --auto-approve
grep -q 'E0404' <<<"$ERR" || fail "no lock-busy error (E0404): $ERR"
grep -q 'another schemac apply holds the lock on database "'"$db"'": backend [0-9]*' <<<"$ERR" ||
  fail "lock holder not named: $ERR"
release_lock
[[ $(sql "$db" "SELECT count(*) FROM pg_class WHERE relname = 'o'") == 0 ]] || fail "o created by a refused apply"
pass "lock_wait = 0: a second apply refuses with exit 3 and names the holder"

# Bounded retry after a lock timeout: every try times out -> exit 3 after N retries.
hold_lock "$db" "LOCK TABLE t IN ACCESS SHARE MODE"
sed -i 's/^  d  integer$/  d  integer\n  e  integer/' "$WORK/schema/t.schema"
run_schemac 3 "${apply_args[@]}" --lock-timeout 20ms --lock-retries 2
[[ $(grep -c 'lock not available at statement [0-9]*; retry [12]/2 in [0-9]* ms' <<<"$ERR") == 2 ]] ||
  fail "not exactly 2 retries: $ERR"
grep -q 'lock timeout (SQLSTATE 55P03) after 2 retries' <<<"$ERR" || fail "final error: $ERR"
# ... and a retry succeeds once the lock is released between tries.
start_schemac R "${apply_args[@]}" --lock-timeout 50ms --lock-retries 10
wait_for "apply R to retry" grep -q 'retry 1/10' "$WORK/R.err"
release_lock
finish_schemac R 0
run_schemac 0 plan --no-config --db "$url" --exit-code "$WORK/schema"
pass "lock timeouts are retried a bounded number of times; a retry succeeds after release"
