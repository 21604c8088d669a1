#!/usr/bin/env bash
# Hostile names and literals (quotes, spaces, unicode, reserved words,
# `x"; drop table users; --`) in every position, against the real server:
# apply, plan is empty, the objects hold exactly the names and values written,
# inspect -> plan is empty, a change (drop column, drop view, add enum value)
# applies and plans empty again; the canary table users and its row survive.
source "$(dirname "$0")/lib.sh" "$@"

case_dir="$REPO/tests/golden/hostile_identifiers"
db=$(new_db hostile)
url=$(db_url "$db")
sql "$db" "CREATE TABLE public.users (id integer PRIMARY KEY); INSERT INTO public.users VALUES (42)"
canary() {
  [[ $(sql "$db" "SELECT string_agg(id::text, ',') FROM public.users") == 42 ]] ||
    fail "$1: the canary table users lost its row or was dropped"
}

run_schemac 0 apply --no-config --auto-approve --db "$url" "$case_dir/input.schema"
canary "apply"
run_schemac 0 plan --no-config --exit-code --db "$url" "$case_dir/input.schema" ||
  fail "plan after apply is not empty: $OUT"
pass "hostile names apply, then plan is empty"

schema='x"; drop table users; --'
[[ $(sql "$db" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = \$\$$schema\$\$ AND c.relname IN
                (\$\$$schema\$\$, 'from', 'idx\"; drop table users; --', 'gist ☃',
                 'v \"q\"; drop table users; --', 'seq \"s\"; drop table users; --')") == 6 ]] ||
  fail "the objects do not have the names written"
[[ $(sql "$db" "SELECT string_agg(enumlabel, '|' ORDER BY enumsortorder) FROM pg_enum
                WHERE enumtypid = format('%I.%I', \$\$$schema\$\$, 'Mood \"quoted\"')::regtype") == \
  "happy|it's; drop table users; --|ünïcødé ☃|x\"; drop table users; --|back\\slash" ]] ||
  fail "enum values differ from the ones written"
[[ $(sql "$db" "SELECT obj_description(format('%I.%I', \$\$$schema\$\$, \$\$$schema\$\$)::regclass)") == \
  "Table comment: '); drop table users; -- and a \\ backslash" ]] || fail "table comment differs"
table=$(sql "$db" "SELECT format('%I.%I', \$\$$schema\$\$, \$\$$schema\$\$)")
sql "$db" "INSERT INTO $table (\"select\", \"Order\") VALUES (1, 2)"
[[ $(sql "$db" "SELECT \"col with spaces\" || '|' || \"x\"\"; drop table users; --\" || '|' || \"where\" FROM $table") == \
  "x'; drop table users; --|it's; drop table users; --|back\\slash" ]] ||
  fail "default literals differ from the ones written"
pass "names, enum values, comments and default literals are exactly as written"

run_schemac 0 inspect --no-config --db "$url"
printf '%s\n' "$OUT" >"$WORK/inspected.schema"
run_schemac 0 plan --no-config --exit-code --db "$url" "$WORK/inspected.schema" ||
  fail "plan of the inspected schema is not empty"
canary "inspect"
pass "inspect -> plan is empty"

# A change: drop the enum-typed column and the view, add an enum value.
grep -v -e '"x""; drop table users; --" "Mood' -e '^  view ' "$case_dir/input.schema" |
  sed "s/^    'back\\\\slash'\$/    'back\\\\slash', 'new ''v''; drop table users; --'/" >"$WORK/changed.schema"
grep -q "new ''v''" "$WORK/changed.schema" || fail "test setup: the enum value was not added"
run_schemac 0 apply --no-config --auto-approve --allow-destructive --db "$url" "$WORK/changed.schema"
run_schemac 0 plan --no-config --exit-code --db "$url" "$WORK/changed.schema" ||
  fail "plan after the change is not empty: $OUT"
[[ $(sql "$db" "SELECT count(*) FROM pg_enum WHERE enumlabel = \$\$new 'v'; drop table users; --\$\$") == 1 ]] ||
  fail "the new enum value is missing"
canary "change"
pass "a change with hostile names applies, then plan is empty; users is intact"
