#!/usr/bin/env bash
# End to end on the real server, through the repo's own schemac.toml and schema/:
# plan on an empty database, apply, empty re-plan, diagnostics for broken files,
# unreachable databases, and refusal of destructive changes.
source "$(dirname "$0")/lib.sh" "$@"

db=$(new_db e2e)
export DATABASE_URL=$(db_url "$db")
project="$WORK/project"
mkdir -p "$project"
cp -r "$REPO/schema" "$REPO/schemac.toml" "$project/"
cd "$project"

# 1. plan against an empty database lists the demo schema to create.
run_schemac 0 plan
grep -q 'create table public.users' <<<"$OUT" || fail "plan does not list users: $OUT"
grep -q 'CREATE EXTENSION postgis' <<<"$OUT" || fail "plan does not create postgis: $OUT"
run_schemac 2 plan --exit-code
pass "plan lists the schema to create; --exit-code exits 2"

# 2. apply, then plan is empty.
run_schemac 0 apply --auto-approve
[[ $(sql "$db" "select count(*) from information_schema.tables where table_schema='public' and table_name in ('users','maps','layers','map_layers')") == 4 ]] ||
  fail "apply did not create the tables"
run_schemac 0 plan --exit-code
grep -q 'No changes' <<<"$OUT" || fail "plan after apply is not empty: $OUT"
run_schemac 0 apply --auto-approve
grep -q 'No changes' <<<"$OUT" || fail "second apply ran something: $OUT"
pass "apply then plan is empty; a second apply runs nothing"

# 3. a broken schema file: caret diagnostic, exit 1.
cp schema/users.schema "$WORK/users.bak"
printf 'table broken {\n  id uuid primary key\n  name text default (\n}\n' >schema/broken.schema
run_schemac 1 plan
grep -q '^schema/broken.schema:[0-9]*:[0-9]*: error: ' <<<"$ERR" || fail "no file:line:col diagnostic: $ERR"
grep -q '\^' <<<"$ERR" || fail "no caret: $ERR"
rm schema/broken.schema
pass "broken schema file: caret diagnostic and exit 1"

# 4. an unreachable database: one line, no password, exit 3.
run_schemac 3 plan --db "postgresql://someone:s3cret-pw@127.0.0.1:1/nowhere"
grep -q 's3cret-pw' <<<"$ERR$OUT" && fail "password printed: $ERR"
[[ $(wc -l <<<"$ERR") -le 2 ]] || fail "unreachable database message is not short: $ERR"
grep -q 'cannot connect' <<<"$ERR" || fail "unclear message: $ERR"
run_schemac 3 plan --db "postgis://someone:s3cret-pw@127.0.0.1:1/nowhere"
grep -q 's3cret-pw' <<<"$ERR$OUT" && fail "password printed for postgis:// URL: $ERR"
pass "unreachable database: exit 3, password never printed"

# 5. DATABASE_AZURE_URL is used when DATABASE_URL is unset; postgis:// is accepted.
azure=$(db_url "$db")
(unset DATABASE_URL; export DATABASE_AZURE_URL="postgis${azure#postgresql}"; run_schemac 0 plan --exit-code)
pass "DATABASE_AZURE_URL and postgis:// accepted"

# 6. dropping a column is refused (exit 4) until --allow-destructive; other data untouched.
sql "$db" "insert into users (email, display_name, password_hash) values ('a@example.org', 'Ann', 'x')"
sed -i '/display_name/d' schema/users.schema
run_schemac 4 apply --auto-approve
grep -q 'deletes-data is not allowed' <<<"$ERR" || fail "refusal does not say why: $ERR"
[[ $(sql "$db" "select display_name from users") == Ann ]] || fail "refused apply changed the data"
run_schemac 0 apply --auto-approve --allow-destructive
[[ $(sql "$db" "select email from users") == a@example.org ]] || fail "other data lost"
[[ $(sql "$db" "select count(*) from information_schema.columns where table_name='users' and column_name='display_name'") == 0 ]] ||
  fail "column not dropped"
run_schemac 0 plan --exit-code
pass "destructive change refused with exit 4, then applied with --allow-destructive; rows kept"

# 7. no terminal and no --auto-approve: refuse rather than guess.
echo 'table extra { id integer primary key }' >schema/extra.schema
run_schemac 1 apply
grep -q 'auto-approve' <<<"$ERR" || fail "no-terminal refusal unclear: $ERR"
pass "apply without a terminal needs --auto-approve"
