#!/usr/bin/env bash
# `schemac inspect --out DIR`: one file per schema (names percent-encoded), the
# default schema's file holding the extensions and the comment that lists what
# schemac does not manage; the files are in fmt's layout, and plan of them
# against the same database is empty.
source "$(dirname "$0")/lib.sh" "$@"

db=$(new_db inspect_out)
sql "$db" "
  create extension postgis;
  create schema analytics;
  create schema \"odd/name\";
  create table public.users (id integer primary key, email text not null);
  create index users_email_idx on public.users (email);
  create table analytics.events (id bigint primary key, user_id integer references public.users (id));
  create table \"odd/name\".t (a integer);
  create function public.answer() returns integer language sql as 'select 42';
  create view analytics.recent as select id, user_id from analytics.events where id > 10;
" >/dev/null

out="$WORK/adopted"
run_schemac 0 inspect --no-config --db "$(db_url "$db")" --out "$out"
files=$(cd "$out" && ls)
[[ $files == $'analytics.schema\nodd%2Fname.schema\npublic.schema' ]] ||
  fail "inspect --out wrote: $files"
grep -q '^extension postgis' "$out/public.schema" || fail "extensions not in public.schema"
grep -q 'extension' "$out/analytics.schema" && fail "extensions repeated in analytics.schema"
grep -q '^//   - function public.answer()' "$out/public.schema" ||
  fail "the unmanaged function is not listed: $(cat "$out/public.schema")"
grep -q '^schema analytics {' "$out/analytics.schema" || fail "no schema block"
grep -q 'table t {' "$out/odd%2Fname.schema" || fail "odd schema file"
pass "inspect --out: one file per schema, extensions and the unmanaged list in public.schema"

run_schemac 0 fmt --no-config --check "$out"
[[ -z $OUT ]] || fail "inspect's files are not in fmt's layout: $OUT"
run_schemac 0 plan --no-config --exit-code --db "$(db_url "$db")" "$out"
pass "the files are formatted, and plan of them against the database is empty"
