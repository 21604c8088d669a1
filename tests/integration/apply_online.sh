#!/usr/bin/env bash
# Online-safe mode on the real server: concurrent index builds outside the
# transaction, NOT VALID + VALIDATE for checks and foreign keys, SET NOT NULL
# through a validated check; an INVALID index left by a failed concurrent build
# is read, planned as drop + rebuild and rebuilt; a failed VALIDATE leaves what
# a re-run finishes.
source "$(dirname "$0")/lib.sh" "$@"

db=$(new_db online)
url=$(db_url "$db")
mkdir -p "$WORK/schema"
cat >"$WORK/schema/app.schema" <<'EOF'
table users {
  id integer primary key
}
table t {
  id    integer primary key
  email text
  owner integer
  code  integer
}
EOF
plain=(--no-config --db "$url")
run_schemac 0 apply "${plain[@]}" --auto-approve "$WORK/schema"
sql "$db" "INSERT INTO users VALUES (1), (2); INSERT INTO t VALUES (1, 'a@x', 1, 10), (2, 'b@x', 2, 20)"

cat >"$WORK/schema/app.schema" <<'EOF'
table users {
  id integer primary key
}
table t {
  id    integer primary key
  email text not null
  owner integer references users (id) check (owner > 0)
  code  integer
  /// lookup by email
  index t_email_idx (email)
}
EOF

# 1. The online plan says what runs where.
run_schemac 0 plan "${plain[@]}" --online --format sql "$WORK/schema"
for want in 'CREATE INDEX CONCURRENTLY t_email_idx' 'ADD CONSTRAINT t_owner_check CHECK (owner > 0) NOT VALID;' \
  'VALIDATE CONSTRAINT t_owner_fkey;' 'ADD CONSTRAINT schemac_not_null_email CHECK (email IS NOT NULL) NOT VALID;' \
  'ALTER COLUMN email SET NOT NULL;' 'DROP CONSTRAINT schemac_not_null_email;' \
  'outside any transaction' 'main transaction' 'BEGIN;' 'COMMIT;'; do
  grep -qF "$want" <<<"$OUT" || fail "online plan lacks '$want': $OUT"
done
run_schemac 0 plan "${plain[@]}" --format sql "$WORK/schema"
grep -q 'CONCURRENTLY\|NOT VALID' <<<"$OUT" && fail "a plain plan uses online forms: $OUT"
# [plan] online = true in schemac.toml does the same as --online.
printf '[project]\nschema = ["schema"]\n[plan]\nonline = true\n' >"$WORK/schemac.toml"
run_schemac 0 plan --config "$WORK/schemac.toml" --db "$url"
grep -q 'create index t_email_idx on public.t concurrently' <<<"$OUT" || fail "[plan] online ignored: $OUT"
grep -q '^part 2/.*outside any transaction' <<<"$OUT" || fail "text plan does not show the parts: $OUT"
pass "online plan: concurrent index outside the transaction, NOT VALID + VALIDATE, proven NOT NULL"

# 2. apply --online reaches the same end state as a plain apply.
run_schemac 0 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
grep -q '(no transaction) CREATE INDEX CONCURRENTLY' <<<"$ERR" || fail "progress does not mark the concurrent build: $ERR"
[[ $(sql "$db" "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_email_idx'::regclass") == t ]] || fail "index not valid"
[[ $(sql "$db" "SELECT count(*) FROM pg_constraint WHERE conrelid = 't'::regclass AND NOT convalidated") == 0 ]] ||
  fail "a constraint was left NOT VALID"
[[ $(sql "$db" "SELECT attnotnull FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'email'") == t ]] ||
  fail "email is not NOT NULL"
[[ $(sql "$db" "SELECT count(*) FROM pg_constraint WHERE conname LIKE 'schemac_not_null%'") == 0 ]] ||
  fail "the proving check was left behind"
[[ $(sql "$db" "SELECT obj_description('t_email_idx'::regclass, 'pg_class')") == 'lookup by email' ]] ||
  fail "index comment not set"
run_schemac 0 plan "${plain[@]}" --exit-code "$WORK/schema"
pass "apply --online: valid index, validated constraints, NOT NULL, no leftovers, plan empty"

# 3. An INVALID index (a concurrent unique build that failed on duplicates) is
#    read, planned as drop + rebuild, and rebuilt once the duplicates are gone.
sql "$db" "UPDATE t SET code = 10" >/dev/null
psql -X -q "$url" -c 'CREATE UNIQUE INDEX CONCURRENTLY t_code_key ON t (code)' >/dev/null 2>&1 &&
  fail "sanity: the concurrent build should fail on duplicates"
[[ $(sql "$db" "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_code_key'::regclass") == f ]] ||
  fail "sanity: no INVALID index left"
sed -i 's|^  index t_email_idx (email)$|  index t_email_idx (email)\n  unique index t_code_key (code)|' "$WORK/schema/app.schema"
grep -q 'unique index t_code_key' "$WORK/schema/app.schema" || fail "sanity: schema edit"
run_schemac 0 plan "${plain[@]}" --online "$WORK/schema"
grep -q 'drop index public.t_code_key (INVALID: a concurrent build failed)' <<<"$OUT" ||
  fail "invalid index not detected: $OUT"
grep -q 'create index t_code_key on public.t concurrently' <<<"$OUT" || fail "no rebuild planned: $OUT"
# Still duplicates: the rebuild fails outside the transaction, and says so.
run_schemac 3 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
grep -q 'could not create unique index "t_code_key"' <<<"$ERR" || fail "unclear failure: $ERR"
grep -q 'it ran outside any transaction; 1 earlier statement(s) were committed and remain' <<<"$ERR" ||
  fail "does not say what stayed committed: $ERR"
grep -q 'run apply again to finish' <<<"$ERR" || fail "no advice: $ERR"
sql "$db" "UPDATE t SET code = id" >/dev/null
run_schemac 0 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
[[ $(sql "$db" "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_code_key'::regclass") == t ]] ||
  fail "index not rebuilt valid"
run_schemac 0 plan "${plain[@]}" --exit-code "$WORK/schema"
pass "INVALID index: detected, planned as drop + concurrent rebuild, rebuilt by the next apply"

# 4. A failed VALIDATE leaves a NOT VALID constraint that the next apply re-adds.
sql "$db" "INSERT INTO t VALUES (3, 'c@x', 2, 3)" >/dev/null
sed -i 's|^  code  integer$|  code  integer constraint t_code_small check (code < 3)|' "$WORK/schema/app.schema"
run_schemac 3 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
grep -q 'VALIDATE CONSTRAINT t_code_small' <<<"$ERR" || fail "failing VALIDATE not named: $ERR"
grep -q 'is violated by some row' <<<"$ERR" || fail "server message missing: $ERR"
[[ $(sql "$db" "SELECT convalidated FROM pg_constraint WHERE conname = 't_code_small'") == f ]] ||
  fail "sanity: the constraint should be there, NOT VALID"
run_schemac 0 plan "${plain[@]}" "$WORK/schema"
grep -q 'drop check t_code_small on public.t (NOT VALID: a validation failed)' <<<"$OUT" ||
  fail "NOT VALID constraint not planned again: $OUT"
sql "$db" "DELETE FROM t WHERE id = 3" >/dev/null
run_schemac 0 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
[[ $(sql "$db" "SELECT convalidated FROM pg_constraint WHERE conname = 't_code_small'") == t ]] ||
  fail "the constraint was not validated by the re-run"
run_schemac 0 plan "${plain[@]}" --exit-code "$WORK/schema"
pass "failed VALIDATE: the NOT VALID constraint is re-added and validated by the next apply"

# 5. SET NOT NULL over NULLs: the proving check fails to validate; after the data
#    is fixed a re-run drops the leftover check and finishes.
sql "$db" "INSERT INTO t VALUES (4, 'd@x', NULL, 0)" >/dev/null
sed -i 's|^  owner integer references|  owner integer not null references|' "$WORK/schema/app.schema"
run_schemac 3 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
grep -q 'VALIDATE CONSTRAINT schemac_not_null_owner' <<<"$ERR" || fail "failing step not named: $ERR"
sql "$db" "UPDATE t SET owner = 1 WHERE owner IS NULL" >/dev/null
run_schemac 0 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
[[ $(sql "$db" "SELECT count(*) FROM pg_constraint WHERE conname LIKE 'schemac_not_null%'") == 0 ]] ||
  fail "the proving check was left behind"
run_schemac 0 plan "${plain[@]}" --exit-code "$WORK/schema"
pass "SET NOT NULL through a check: a failed validation is finished by the next apply"

# 6. Keys on an existing table: the unique index is built concurrently, then
#    the constraint is made from it. Duplicates fail the build and leave an
#    INVALID index, which the next apply drops and builds again.
cat >>"$WORK/schema/app.schema" <<'EOF2'
table k {
  id   integer
  code text
}
EOF2
run_schemac 0 apply "${plain[@]}" --auto-approve "$WORK/schema"
sql "$db" "INSERT INTO k VALUES (1, 'a'), (2, 'a')" >/dev/null
sed -i 's|^  id   integer$|  id   integer primary key|; s|^  code text$|  code text unique|' "$WORK/schema/app.schema"
run_schemac 0 plan "${plain[@]}" --online --format sql "$WORK/schema"
for want in 'CREATE UNIQUE INDEX CONCURRENTLY k_pkey ON public.k (id);' \
  'CREATE UNIQUE INDEX CONCURRENTLY k_code_key ON public.k (code);' \
  'ALTER TABLE public.k ADD CONSTRAINT k_pkey PRIMARY KEY USING INDEX k_pkey;' \
  'ALTER TABLE public.k ADD CONSTRAINT k_code_key UNIQUE USING INDEX k_code_key;'; do
  grep -qF "$want" <<<"$OUT" || fail "online key plan lacks '$want': $OUT"
done
# The key is attached last, once its column is proven NOT NULL (no scan under the lock).
[[ $(grep -n -e 'ALTER COLUMN id SET NOT NULL' -e 'PRIMARY KEY USING INDEX' <<<"$OUT" | cut -d: -f2- | head -1) == *'SET NOT NULL'* ]] ||
  fail "the primary key is attached before its column is NOT NULL: $OUT"
run_schemac 3 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
grep -q 'could not create unique index "k_code_key"' <<<"$ERR" || fail "duplicate key failure unclear: $ERR"
[[ $(sql "$db" "SELECT count(*) FROM pg_constraint WHERE conrelid = 'k'::regclass AND contype IN ('p', 'u')") == 0 ]] ||
  fail "a key was attached although a build failed"
sql "$db" "UPDATE k SET code = 'b' WHERE id = 2" >/dev/null
run_schemac 0 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
keys=$(sql "$db" "SELECT string_agg(conname || ':' || contype::text || ':' || conindid::regclass::text, ',' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'k'::regclass")
[[ $keys == 'k_code_key:u:k_code_key,k_pkey:p:k_pkey' ]] || fail "keys not attached to their indexes: $keys"
[[ $(sql "$db" "SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = 'k'::regclass") == t ]] ||
  fail "an index of k is not valid"
run_schemac 0 plan "${plain[@]}" --exit-code "$WORK/schema"
pass "keys on an existing table: built concurrently, attached USING INDEX; a failed build is redone"

# 7. Dropping a plain index of a table that otherwise stays: DROP INDEX
#    CONCURRENTLY outside the transaction.
sed -i '/^  index t_email_idx (email)$/d; /^  \/\/\/ lookup by email$/d' "$WORK/schema/app.schema"
grep -q 't_email_idx' "$WORK/schema/app.schema" && fail "sanity: schema edit"
run_schemac 0 apply "${plain[@]}" --online --auto-approve "$WORK/schema"
grep -q '(no transaction) DROP INDEX CONCURRENTLY public.t_email_idx' <<<"$ERR" ||
  fail "the index was not dropped concurrently: $ERR"
[[ $(sql "$db" "SELECT count(*) FROM pg_class WHERE relname = 't_email_idx'") == 0 ]] || fail "index still there"
run_schemac 0 plan "${plain[@]}" --exit-code "$WORK/schema"
pass "a plain index is dropped concurrently"
