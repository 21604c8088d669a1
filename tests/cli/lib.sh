# Shared helpers for command-line tests that need no database (sourced, not
# run). Usage in a test: source lib.sh "$@"  (args: schemac binary, repo).
set -euo pipefail

SCHEMAC=${1:?usage: test.sh SCHEMAC_BINARY REPO}
REPO=${2:?usage: test.sh SCHEMAC_BINARY REPO}
export NO_COLOR=1
WORK=$(mktemp -d /tmp/schemac-cli-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

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
