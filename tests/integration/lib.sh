# Shared helpers for integration tests (sourced, not run). Every test gets
# fresh databases on the throwaway server (SCHEMAC_TEST_ADMIN_URL) and drops
# them on exit. Usage in a test: source lib.sh "$@"  (args: schemac binary, repo).
# SCHEMAC, REPO, WORK, fail, pass and run_schemac come from the command-line tests' lib.
source "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh" "$@"
: "${SCHEMAC_TEST_ADMIN_URL:?integration tests need the throwaway server: run scripts/test.sh (or eval \"\$(scripts/pg.sh env)\")}"
# new_db runs in $(...) subshells, so the names it creates go to a file, not a variable.
CREATED_DBS=$WORK/created_dbs
: >"$CREATED_DBS"

cleanup() {
  local db
  while read -r db; do
    psql -q -X "$SCHEMAC_TEST_ADMIN_URL" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done <"$CREATED_DBS"
  rm -rf "$WORK"
}
trap cleanup EXIT

# db_url NAME: the URL of database NAME on the test server.
db_url() { echo "${SCHEMAC_TEST_ADMIN_URL%/*}/$1"; }

# new_db PREFIX: creates an empty database and prints its name.
new_db() {
  local name="it_${1}_$$_${RANDOM}${RANDOM}"
  psql -q -X -v ON_ERROR_STOP=1 "$SCHEMAC_TEST_ADMIN_URL" -c "CREATE DATABASE \"$name\"" >/dev/null
  echo "$name" >>"$CREATED_DBS"
  echo "$name"
}

# sql DB QUERY: runs QUERY in DB, prints unaligned tuples.
sql() { psql -q -X -A -t -v ON_ERROR_STOP=1 "$(db_url "$1")" -c "$2"; }

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
