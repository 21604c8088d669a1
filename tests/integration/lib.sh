# Shared helpers for integration tests (sourced, not run). Every test gets
# fresh databases on the throwaway server (SCHEMAC_TEST_ADMIN_URL) and drops
# them on exit. Usage in a test: source lib.sh "$@"  (args: schemac binary, repo).
set -euo pipefail

SCHEMAC=${1:?usage: test.sh SCHEMAC_BINARY REPO}
REPO=${2:?usage: test.sh SCHEMAC_BINARY REPO}
: "${SCHEMAC_TEST_ADMIN_URL:?integration tests need the throwaway server: run scripts/test.sh (or eval \"\$(scripts/pg.sh env)\")}"
export NO_COLOR=1
WORK=$(mktemp -d /tmp/schemac-it-XXXXXX)
CREATED_DBS=()

cleanup() {
  local db
  # new_db usually runs in a command substitution (a subshell), so the names
  # it creates are also kept in $WORK/dbs, which the subshell can append to.
  [[ -f $WORK/dbs ]] && mapfile -t -O "${#CREATED_DBS[@]}" CREATED_DBS <"$WORK/dbs"
  for db in "${CREATED_DBS[@]}"; do
    psql -q -X "$SCHEMAC_TEST_ADMIN_URL" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# db_url NAME: the URL of database NAME on the test server.
db_url() { echo "${SCHEMAC_TEST_ADMIN_URL%/*}/$1"; }

# new_db PREFIX: creates an empty database and prints its name.
new_db() {
  local name="it_${1}_$$_${RANDOM}${RANDOM}"
  psql -q -X -v ON_ERROR_STOP=1 "$SCHEMAC_TEST_ADMIN_URL" -c "CREATE DATABASE \"$name\"" >/dev/null
  CREATED_DBS+=("$name")
  echo "$name" >>"$WORK/dbs"
  echo "$name"
}

# sql DB QUERY: runs QUERY in DB, prints unaligned tuples.
sql() { psql -q -X -A -t -v ON_ERROR_STOP=1 "$(db_url "$1")" -c "$2"; }

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# run_schemac EXPECTED_EXIT ARGS...: runs schemac, captures $OUT/$ERR, checks the exit code.
run_schemac() {
  local want=$1; shift
  local code=0
  "$SCHEMAC" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || code=$?
  OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
  if [[ $code -ne $want ]]; then
    echo "--- stdout"; cat "$WORK/out"; echo "--- stderr"; cat "$WORK/err"
    fail "schemac $* exited $code, expected $want"
  fi
}

# schema_dump DB: pg_dump --schema-only, normalised (comments, SET lines, blank lines dropped).
schema_dump() {
  pg_dump --schema-only --no-owner --no-privileges "$(db_url "$1")" |
    grep -v -E '^(--|SET |SELECT pg_catalog.set_config|\\(un)?restrict )' | grep -v '^[[:space:]]*$'
}

# unordered_columns: sorts the column lines of each CREATE TABLE (trailing
# commas dropped), for cases where PostgreSQL cannot keep the target's column
# order: a column that must be dropped and added again lands at the end.
unordered_columns() {
  awk '/^CREATE TABLE .*\($/ { print; inside = 1; n = 0; next }
       inside && /^\);?/ { asort(cols); for (i = 1; i <= n; i++) print cols[i]; delete cols; inside = 0; print; next }
       inside { sub(/,$/, ""); cols[++n] = $0; next }
       { print }'
}
