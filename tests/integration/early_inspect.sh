#!/usr/bin/env bash
# With [database] schemas in schemac.toml, `plan` reads the database while it
# parses the files (cli/early_inspect.hpp). What it prints and its exit code
# must be those of doing one after the other: the same plan, parse errors
# alone when the files are broken (even with the server unreachable), and the
# connection error when only the server is.
source "$(dirname "$0")/lib.sh" "$@"

db=$(new_db early)
url=$(db_url "$db")
sql "$db" "CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY, gone text); CREATE TABLE public.u (id int)" >/dev/null
mkdir -p "$WORK/p/schema"
cat >"$WORK/p/schema/app.schema" <<'EOF2'
schema app {
  table t {
    id   integer primary key
    name text not null default ''
  }
}
table u {
  id integer
  /// by id
  index u_id_idx (id)
}
EOF2
printf '[project]\nschema = ["schema"]\n' >"$WORK/p/plain.toml"
printf '[project]\nschema = ["schema"]\n[database]\nschemas = ["app", "public"]\n' >"$WORK/p/schemac.toml"

run_schemac 0 plan --config "$WORK/p/plain.toml" --db "$url" --format sql
sequential=$OUT
run_schemac 0 plan --config "$WORK/p/schemac.toml" --db "$url" --format sql
[[ $OUT == "$sequential" ]] || fail "the plan differs when inspect runs beside parsing: $OUT"
grep -q 'ADD COLUMN name text' <<<"$OUT" || fail "sanity: no plan: $OUT"
SCHEMAC_TIMINGS=1 run_schemac 0 plan --config "$WORK/p/schemac.toml" --db "$url" --format json --out "$WORK/plan.json"
grep -q '^timing catalog_queries' <<<"$ERR" || fail "inspect not timed: $ERR"
run_schemac 0 apply --config "$WORK/p/schemac.toml" --db "$url" --auto-approve --allow-destructive "$WORK/plan.json"
run_schemac 0 plan --config "$WORK/p/schemac.toml" --db "$url" --exit-code
pass "early inspect: the same plan as one step after the other; its saved plan applies"

unreachable=postgresql://schemac@127.0.0.1:1/nowhere
cp -r "$WORK/p" "$WORK/broken"
echo 'table oops {' >>"$WORK/broken/schema/app.schema"
run_schemac 1 plan --config "$WORK/broken/schemac.toml" --db "$unreachable"
grep -q 'error:' <<<"$ERR" || fail "no parse error: $ERR"
grep -qi 'connect' <<<"$ERR" && fail "a connection error was printed beside the parse error: $ERR"
run_schemac 3 plan --config "$WORK/p/schemac.toml" --db "$unreachable"
grep -qi 'connect' <<<"$ERR" || fail "no connection error: $ERR"
pass "early inspect: parse errors alone for broken files; the connection error for a dead server"
