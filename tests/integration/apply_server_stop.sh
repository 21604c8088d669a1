#!/usr/bin/env bash
# The server stops (pg_ctl stop -m immediate, as a crash would) while an apply
# waits for a lock in the middle of its transaction: a clear error, exit 3, and
# after the restart the database is exactly as before; a re-run then succeeds.
# It stops a server of its own (own data directory and port), never the shared
# test server that other tests use in parallel.
source "$(dirname "$0")/lib.sh" "$@"
source "$(dirname "$0")/support/faults.sh"

pg_bin=/usr/lib/postgresql/15/bin
own_run=$(mktemp -d /tmp/schemac-stop-XXXXXX)
chmod 755 "$own_run"
# A free port: nothing answers on it.
own_port=
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 10000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then own_port=$candidate; break; fi
done
[[ -n $own_port ]] || fail "no free port found"
own_pg() { SCHEMAC_PG_DIR=$own_run SCHEMAC_PG_PORT=$own_port "$REPO/scripts/pg.sh" "$@"; }
# The throwaway server commits asynchronously (synchronous_commit = off, for
# speed): a crash loses what was committed in the last few hundred
# milliseconds, which on a loaded machine was once this test's own table.
# Every client of this test (psql, pg_dump, schemac via libpq) commits
# synchronously, so what it committed survives the crash, as on a real server.
export PGOPTIONS="-c synchronous_commit=on"
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_own_server() {
  cleanup
  own_pg stop >/dev/null 2>&1 || true
  rm -rf "$own_run"
}
trap stop_own_server EXIT

own_pg start >/dev/null || fail "own server did not start"
SCHEMAC_TEST_ADMIN_URL=$(own_pg admin-url)

db=$(new_db stop)
url=$(db_url "$db")
mkdir -p "$WORK/schema"
printf 'table t {\n  id integer primary key\n  c  text\n}\n' >"$WORK/schema/t.schema"
apply_args=(apply --no-config --db "$url" --auto-approve "$WORK/schema")
run_schemac 0 "${apply_args[@]}"
sql "$db" "INSERT INTO t VALUES (1, 'one')" || fail "insert failed"
printf 'table n {\n  id integer primary key\n}\n' >"$WORK/schema/n.schema"
printf 'table t {\n  id integer primary key\n  c  text\n  d  integer\n}\n' >"$WORK/schema/t.schema"
schema_dump "$db" >"$WORK/dump.before" || fail "dump before failed"

hold_lock "$db" "LOCK TABLE t IN ACCESS SHARE MODE"
start_schemac A "${apply_args[@]}" --lock-timeout 10min
wait_for "apply A to wait for its lock" apply_waits_for_lock "$db"
as_pg "$pg_bin/pg_ctl" stop -D "$own_run/data" -m immediate -w >/dev/null ||
  fail "pg_ctl stop -m immediate failed"
finish_schemac A 3
wait "$HOLDER_PID" 2>/dev/null || true
grep -q 'E0405' <<<"$ERR" || fail "no lost-connection error (E0405): $ERR"
grep -q 'the connection was lost at statement 2; the transaction was not committed, so nothing was changed' <<<"$ERR" ||
  fail "unclear message: $ERR"
grep -q 'nothing was applied' <<<"$ERR" || fail "final line: $ERR"

# Every step says why it failed: under set -e a silent command would end the
# test with no message (seen once in a fresh-clone CI, not reproduced since).
own_pg start >/dev/null || fail "own server did not restart after the stop"
# An empty dump here once meant a lost commit (see PGOPTIONS above): on
# failure, say what pg_dump and the catalog say.
schema_dump "$db" >"$WORK/dump.after" ||
  fail "dump after the restart failed ($(wc -l <"$WORK/dump.after") lines kept); a second pg_dump: $(
    pg_dump --schema-only "$(db_url "$db")" 2>&1 >/dev/null
    echo "exit $?"
  ); tables: $(sql "$db" "SELECT string_agg(relname, ',') FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace" 2>&1)"
diff -u "$WORK/dump.before" "$WORK/dump.after" || fail "the stopped apply left changes behind"
run_schemac 0 "${apply_args[@]}"
run_schemac 0 plan --no-config --db "$url" --exit-code "$WORK/schema"
pass "server stopped during apply: exit 3, nothing half-done after restart, re-run succeeds"
