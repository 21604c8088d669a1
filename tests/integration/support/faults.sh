# Helpers for the fault tests (sourced after lib.sh): a session that holds a
# lock, schemac runs in the background, and bounded waits on a condition.

declare -A BG_PID

# hold_lock DB STATEMENT: a psql session runs STATEMENT in an open transaction and
# keeps it open (in pg_sleep) until release_lock; returns once the lock is held.
hold_lock() {
  HOLDER_APP="holder_$$_${RANDOM}"
  PGAPPNAME=$HOLDER_APP psql -X -q "$(db_url "$1")" -c "BEGIN" -c "$2" -c "SELECT pg_sleep(3600)" \
    >/dev/null 2>&1 &
  HOLDER_PID=$!
  HOLDER_DB=$1
  wait_for "the lock holder to hold its lock" holder_sleeping
}

holder_sleeping() {
  [[ $(sql "$HOLDER_DB" "SELECT count(*) FROM pg_stat_activity
          WHERE application_name = '$HOLDER_APP' AND state = 'active' AND query LIKE '%pg_sleep%'") == 1 ]]
}

# release_lock ends the holder's session (its transaction and locks with it).
release_lock() {
  sql "$HOLDER_DB" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE application_name = '$HOLDER_APP'" >/dev/null
  wait "$HOLDER_PID" 2>/dev/null || true
}

# apply_waits_for_lock DB: a schemac session of DB waits for a table lock.
apply_waits_for_lock() {
  [[ $(sql "$1" "SELECT count(*) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'schemac'
            AND wait_event_type = 'Lock'") -ge 1 ]]
}

# wait_for WHAT COMMAND...: polls COMMAND every 0.1 s until it succeeds; fails
# after 120 s (a bound for a loaded machine, not a synchronisation).
wait_for() {
  local what=$1; shift
  local tries=0
  until "$@" >/dev/null 2>&1; do
    ((++tries < 1200)) || fail "timed out waiting for $what"
    sleep 0.1
  done
}

# start_schemac NAME ARGS...: runs schemac in the background, output in $WORK/NAME.{out,err}.
start_schemac() {
  local name=$1; shift
  "$SCHEMAC" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" </dev/null &
  BG_PID[$name]=$!
}

# finish_schemac NAME EXPECTED_EXIT: waits for it, sets $OUT/$ERR, checks the exit code.
finish_schemac() {
  local name=$1 want=$2 code=0
  wait "${BG_PID[$name]}" || code=$?
  OUT=$(cat "$WORK/$name.out"); ERR=$(cat "$WORK/$name.err")
  if [[ $code -ne $want ]]; then
    echo "--- stdout"; echo "$OUT"; echo "--- stderr"; echo "$ERR"
    fail "background schemac $name exited $code, expected $want"
  fi
}
