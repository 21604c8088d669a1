#!/usr/bin/env bash
# schemac fmt on a project: --check lists unformatted files and exits 2 without
# touching them; fmt rewrites them (comments kept); a file with a syntax error
# is refused with a caret diagnostic (exit 1) and left as it is.
source "$(dirname "$0")/lib.sh" "$@"
project="$WORK/project"
mkdir -p "$project/schema"
cd "$project"
printf '[project]\nschema = ["schema"]\n' >schemac.toml
cat >schema/users.schema <<'SCHEMA'
// Users of the application.
table users {
  index users_email_idx (email)
  id uuid primary key  // the key
  email text not null
}
SCHEMA
printf 'table tidy {\n  id integer primary key\n}\n' >schema/tidy.schema
cp schema/users.schema "$WORK/users.before"

run_schemac 2 fmt --check
[[ $OUT == schema/users.schema ]] || fail "fmt --check should list only schema/users.schema: $OUT"
cmp -s schema/users.schema "$WORK/users.before" || fail "fmt --check changed a file"
pass "fmt --check lists the unformatted file and exits 2"

run_schemac 0 fmt
grep -q 'formatted schema/users.schema' <<<"$ERR" || fail "fmt does not say what it rewrote: $ERR"
expected='// Users of the application.
table users {
  id    uuid primary key  // the key
  email text not null
  index users_email_idx (email)
}'
[[ $(cat schema/users.schema) == "$expected" ]] || fail "unexpected layout: $(cat schema/users.schema)"
run_schemac 0 fmt --check
[[ -z $OUT ]] || fail "formatted files still listed: $OUT"
pass "fmt rewrites in place, keeps comments; then fmt --check exits 0"

printf 'table broken {\n  id integer not nul\n}\n' >schema/broken.schema
cp schema/broken.schema "$WORK/broken.before"
run_schemac 1 fmt schema/broken.schema
grep -q '^schema/broken.schema:2:[0-9]*: error: .*\[E0101\]' <<<"$ERR" || fail "no diagnostic: $ERR"
grep -q '\^' <<<"$ERR" || fail "no caret: $ERR"
cmp -s schema/broken.schema "$WORK/broken.before" || fail "fmt changed a file with a syntax error"
run_schemac 1 fmt --check
pass "a file with a syntax error is refused (exit 1) and left alone"
