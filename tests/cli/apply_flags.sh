#!/usr/bin/env bash
# apply's flags are checked before anything connects: a bad value is a usage
# error (exit 1) even when the database is unreachable.
source "$(dirname "$0")/lib.sh" "$@"

echo 'table t { id integer primary key }' >"$WORK/t.schema"
unreachable=postgresql://schemac@127.0.0.1:1/nowhere
for bad in abc 21 -1 3x; do
  run_schemac 1 apply --no-config --db "$unreachable" --auto-approve --lock-retries "$bad" "$WORK/t.schema"
  grep -q -- "--lock-retries must be a number from 0 to 20, not '$bad'" <<<"$ERR" ||
    fail "--lock-retries $bad: $ERR"
  ! grep -qi 'connect' <<<"$ERR" || fail "--lock-retries $bad was checked after connecting: $ERR"
done
pass "a bad --lock-retries is refused before connecting"

run_schemac 1 apply --no-config --db "$unreachable" --auto-approve --allow-hazards=no-such "$WORK/t.schema"
grep -q "unknown hazard 'no-such'" <<<"$ERR" || fail "bad --allow-hazards: $ERR"
pass "a bad --allow-hazards is refused before connecting"

# A good value gets as far as the connection (exit 3, unreachable).
run_schemac 3 apply --no-config --db "$unreachable" --auto-approve --lock-retries 0 "$WORK/t.schema"
pass "a good --lock-retries reaches the connection"
