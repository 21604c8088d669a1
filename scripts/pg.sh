#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 server for development and tests.
#
#   scripts/pg.sh start|stop|status|url|admin-url|env
#
# Its data lives in ${SCHEMAC_PG_DIR:-<repo>/.run/pg}, it listens on 127.0.0.1 only,
# on ${SCHEMAC_PG_PORT:-55432}, with its socket inside the run directory. It never
# touches a system cluster or service. Tuned for speed, not durability: never
# point it at data you want to keep.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo
readonly port="${SCHEMAC_PG_PORT:-55432}"
readonly pg_bin="${SCHEMAC_PG_BIN:-/usr/lib/postgresql/15/bin}"
readonly role="schemac"
# A test-only password: this server holds nothing but throwaway test databases.
readonly password="schemac-test-pw"
readonly demo_db="schemac_demo"
readonly start_timeout=30

run_dir=$(realpath -m "${SCHEMAC_PG_DIR:-$repo/.run/pg}")  # absolute: as_pg leaves the working directory

die() {
  echo "pg.sh: $*" >&2
  exit 1
}

# PostgreSQL refuses to run as root, so the server tools run as `postgres` then,
# from /, since that user may not enter the working directory (a clone in a 0700
# directory made psql print "could not change directory" on every call).
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# prepare_run_dir makes the run directory, owned by the server's user, falling
# back to one under /tmp when that user cannot reach the requested path (e.g. a
# repo inside a 0700 home directory).
prepare_run_dir() {
  mkdir -p "$run_dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$run_dir"
  fi
  if ! as_pg test -w "$run_dir" -a -x "$run_dir"; then
    local fallback
    fallback="/tmp/schemac-pg-$(printf '%s' "$repo" | md5sum | cut -c1-8)-$port"
    echo "pg.sh: the postgres user cannot use $run_dir; using $fallback instead" >&2
    run_dir="$fallback"
    mkdir -p "$run_dir"
    [[ $(id -u) -ne 0 ]] || chown postgres:postgres "$run_dir"
  fi
}

# resolve_run_dir finds the run directory without creating anything (for
# status/stop), honouring the /tmp fallback a previous `start` may have chosen.
resolve_run_dir() {
  if [[ ! -d "$run_dir/data" ]]; then
    local fallback
    fallback="/tmp/schemac-pg-$(printf '%s' "$repo" | md5sum | cut -c1-8)-$port"
    [[ -d "$fallback/data" ]] && run_dir="$fallback"
  fi
  return 0
}

data_dir() { echo "$run_dir/data"; }
sock_dir() { echo "$run_dir/sock"; }
log_file() { echo "$run_dir/server.log"; }

admin_url() { echo "postgresql://$role:$password@127.0.0.1:$port/postgres"; }
demo_url() { echo "postgresql://$role:$password@127.0.0.1:$port/$demo_db"; }

is_running() {
  [[ -f "$(data_dir)/PG_VERSION" ]] && as_pg "$pg_bin/pg_ctl" status -D "$(data_dir)" >/dev/null 2>&1
}

# psql_admin runs SQL as the bootstrap superuser over the local socket (trust auth).
psql_admin() {
  as_pg "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$(sock_dir)" -p "$port" -U postgres \
    -d "${PSQL_DB:-postgres}" "$@"
}

init_cluster() {
  echo "pg.sh: initialising $(data_dir)" >&2
  as_pg "$pg_bin/initdb" -D "$(data_dir)" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$run_dir/initdb.log" 2>&1 ||
    { cat "$run_dir/initdb.log" >&2; die "initdb failed"; }
  cat >>"$(data_dir)/postgresql.conf" <<EOF

# --- schemac throwaway server (scripts/pg.sh) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$(sock_dir)'
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
password_encryption = 'scram-sha-256'
EOF
}

print_log_tail() {
  echo "pg.sh: the server did not come up; last lines of $(log_file):" >&2
  tail -n 30 "$(log_file)" >&2 2>/dev/null || true
}

wait_ready() {
  local deadline=$((SECONDS + start_timeout))
  # pg_ctl start -W returns before the server writes postmaster.pid, so "not
  # running" only means it died once it has had a few seconds to start.
  local grace=$((SECONDS + 5))
  until as_pg "$pg_bin/pg_isready" -q -h "$(sock_dir)" -p "$port" -d postgres; do
    if ((SECONDS >= deadline)) || { ((SECONDS >= grace)) && ! is_running; }; then
      print_log_tail
      exit 1
    fi
    sleep 0.2
  done
}

# bootstrap creates the login role and the demo database when missing and checks
# that PostGIS can be created. Idempotent, so it runs on every start.
bootstrap() {
  psql_admin <<EOF
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN SUPERUSER PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN SUPERUSER PASSWORD '$password';
  END IF;
END
\$\$;
EOF
  if [[ -z "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$demo_db'")" ]]; then
    psql_admin -c "CREATE DATABASE $demo_db OWNER $role"
  fi
  # Prove the extension is usable without leaving it behind.
  psql_admin -c "BEGIN; CREATE EXTENSION IF NOT EXISTS postgis; ROLLBACK;" >/dev/null 2>&1 ||
    die "CREATE EXTENSION postgis fails: is postgresql-15-postgis-3 installed? (scripts/install-deps.sh)"
}

cmd_start() {
  [[ -x "$pg_bin/postgres" ]] || die "no PostgreSQL 15 in $pg_bin (run scripts/install-deps.sh)"
  prepare_run_dir
  # Serialise concurrent starts (several engineers or test runs at once). The
  # server must not inherit fd 9, or it would hold the lock for its lifetime.
  exec 9>"$run_dir/.lock"
  flock -w 60 9 || die "timed out waiting for another pg.sh in $run_dir"
  [[ $(id -u) -ne 0 ]] || chown postgres:postgres "$run_dir/.lock"
  if [[ ! -f "$(data_dir)/PG_VERSION" ]]; then
    init_cluster
  fi
  if ! is_running; then
    as_pg mkdir -p "$(sock_dir)"
    as_pg "$pg_bin/pg_ctl" start -D "$(data_dir)" -l "$(log_file)" -W >/dev/null 9>&- ||
      { print_log_tail; exit 1; }
    wait_ready
    echo "pg.sh: server running on 127.0.0.1:$port (data in $(data_dir))" >&2
  fi
  # Also on a server that was already running: the demo database may have been dropped.
  bootstrap
  demo_url
}

cmd_stop() {
  resolve_run_dir
  if is_running; then
    as_pg "$pg_bin/pg_ctl" stop -D "$(data_dir)" -m fast -w >/dev/null
    echo "pg.sh: stopped" >&2
  else
    echo "pg.sh: not running" >&2
  fi
}

cmd_status() {
  resolve_run_dir
  if is_running; then
    echo "running on 127.0.0.1:$port (data in $(data_dir))"
  else
    echo "stopped (data in $(data_dir))"
    return 1
  fi
}

cmd_env() {
  echo "export SCHEMAC_TEST_ADMIN_URL='$(admin_url)'"
  echo "export SCHEMAC_TEST_URL='$(demo_url)'"
}

usage() {
  echo "usage: $0 start|stop|status|url|admin-url|env" >&2
  exit 2
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  url) demo_url ;;
  admin-url) admin_url ;;
  env) cmd_env ;;
  *) usage ;;
esac
