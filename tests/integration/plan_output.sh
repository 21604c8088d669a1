#!/usr/bin/env bash
# Plan formats, hazard refusal and saved plans on the real server, through the
# repo's own schemac.toml and schema/ (issue 5, points 1-3):
#   json validated against docs/plan.schema.json; markdown of the demo schema
#   equal to tests/integration/expected/demo_plan.md; colour only on a terminal;
#   refusal (exit 4) naming each step and hazard; the allow-list by flag and by
#   configuration; a saved plan applied when the database is unchanged, refused
#   after a concurrent change (saying what changed), and refused when corrupt.
source "$(dirname "$0")/lib.sh" "$@"

db=$(new_db plan_output)
export DATABASE_URL=$(db_url "$db")
project="$WORK/project"
mkdir -p "$project"
cp -r "$REPO/schema" "$REPO/schemac.toml" "$project/"
cd "$project"

# validate FILE: the plan file against the JSON Schema in docs/, and its
# checksum recomputed as docs/cli.md describes it.
validate() {
  python3 - "$REPO/docs/plan.schema.json" "$1" <<'PY' || fail "$1 does not validate against docs/plan.schema.json"
import hashlib, json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema).validate(doc)
body = {k: v for k, v in doc.items() if k != "checksum"}
text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
assert doc["checksum"] == "sha256:" + hashlib.sha256(text.encode()).hexdigest(), "checksum rule"
assert doc["summary"]["steps"] == len(doc["steps"])
PY
}

# 1. json: the real plan of the demo schema validates; it is what --out writes.
run_schemac 0 plan --format json
echo "$OUT" >"$WORK/stdout.json"
validate "$WORK/stdout.json"
run_schemac 0 plan --out "$WORK/plan.json" --format sql
validate "$WORK/plan.json"
grep -q '^CREATE TABLE public.users' <<<"$OUT" || fail "--out changed what is printed: $OUT"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["database"]["schemas"] == ["public"]; assert any(s["summary"] == "create table public.users" for s in d["steps"])' "$WORK/plan.json" ||
  fail "plan.json lacks the database or the steps"
pass "plan --format json and plan --out validate against docs/plan.schema.json"

# 2. markdown of the demo schema against an empty database: the expected comment.
run_schemac 0 plan --format markdown
expected="$REPO/tests/integration/expected/demo_plan.md"
if [[ ${SCHEMAC_UPDATE_GOLDEN:-} == 1 ]]; then printf '%s\n' "$OUT" >"$expected"; fi
diff -u "$expected" <(printf '%s\n' "$OUT") || fail "markdown plan differs from $expected"
pass "plan --format markdown of the demo schema equals the expected comment"

# 3. text: colour on a terminal only, never with NO_COLOR.
if command -v script >/dev/null; then
  tty_out=$(env -u NO_COLOR script -qec "$SCHEMAC plan" /dev/null </dev/null)
  grep -q $'\x1b\[32m+ create table public.users' <<<"$tty_out" || fail "no colour on a terminal: $tty_out"
  tty_out=$(NO_COLOR=1 script -qec "$SCHEMAC plan" /dev/null </dev/null)
  grep -q $'\x1b\[' <<<"$tty_out" && fail "colour despite NO_COLOR"
  env -u NO_COLOR "$SCHEMAC" plan >"$WORK/piped" </dev/null
  grep -q $'\x1b\[' "$WORK/piped" && fail "colour on a pipe"
  pass "text plan: colour on a terminal only, NO_COLOR respected"
fi

# 4. a saved plan applies when the database has not changed.
run_schemac 0 apply --auto-approve "$WORK/plan.json"
grep -q 'create table public.users' <<<"$OUT" || fail "apply plan.json did not show the plan: $OUT"
run_schemac 0 plan --exit-code
pass "apply plan.json on the unchanged database; plan is then empty"

# 5. refused: a step whose hazard is not allowed (exit 4, step and hazard named).
sql "$db" "insert into users (email, display_name, password_hash) values ('a@example.org', 'Ann', 'x')"
sed -i '/display_name/d' schema/users.schema
run_schemac 4 apply --auto-approve
grep -q 'error: refusing step 1 (drop column public.users.display_name): deletes-data is not allowed (pass --allow-destructive or --allow-hazards=deletes-data) \[E0501\]' <<<"$ERR" ||
  fail "refusal does not name the step and hazard: $ERR"
[[ $(sql "$db" "select display_name from users") == Ann ]] || fail "refused apply changed the data"
run_schemac 1 apply --auto-approve --allow-hazards=deletes-data,no-such-hazard
grep -q "unknown hazard 'no-such-hazard'" <<<"$ERR" || fail "unknown hazard not reported: $ERR"
pass "a deletes-data step is refused with exit 4, naming the step and hazard"

# 6. the allow-list by flag.
run_schemac 0 apply --auto-approve --allow-hazards=deletes-data
[[ $(sql "$db" "select count(*) from information_schema.columns where table_name='users' and column_name='display_name'") == 0 ]] ||
  fail "--allow-hazards=deletes-data did not drop the column"
pass "--allow-hazards=deletes-data lets the drop through"

# 7. the allow-list by configuration: an empty list refuses every hazard; the
# flag adds to it; a list naming deletes-data allows drops.
cp schemac.toml "$WORK/schemac.toml.orig"
printf '\nallow_hazards = []\n' >>schemac.toml
printf 'table audit { id integer primary key\n  at timestamptz }\n' >schema/audit.schema
run_schemac 0 apply --auto-approve
sql "$db" "insert into audit values (1, now())"
printf 'table audit { id integer primary key\n  at timestamptz\n  index (at) }\n' >schema/audit.schema
run_schemac 4 apply --auto-approve
grep -q 'refusing step 1 (create index audit_at_idx on public.audit): blocks-writes is not allowed' <<<"$ERR" ||
  fail "allow_hazards = [] did not refuse blocks-writes: $ERR"
run_schemac 0 apply --auto-approve --allow-hazards=blocks-writes
cp "$WORK/schemac.toml.orig" schemac.toml
printf '\nallow_hazards = ["deletes-data"]\n' >>schemac.toml
rm schema/audit.schema
run_schemac 0 apply --auto-approve
[[ $(sql "$db" "select count(*) from information_schema.tables where table_name='audit'") == 0 ]] ||
  fail "allow_hazards = [\"deletes-data\"] did not allow the drop"
printf '\nallow_hazards = ["drops"]\n' >>"$WORK/bad.toml"
cat "$WORK/schemac.toml.orig" "$WORK/bad.toml" >schemac.toml
run_schemac 1 plan
grep -q "unknown hazard in 'allow_hazards'" <<<"$ERR" || fail "bad allow_hazards not reported: $ERR"
cp "$WORK/schemac.toml.orig" schemac.toml
pass "[apply] allow_hazards: [] refuses blocks-writes; the flag adds; a list allows deletes-data"

# 8. a saved plan refused after a concurrent change, saying what changed.
echo 'table notes { id integer primary key }' >schema/notes.schema
run_schemac 0 plan --out "$WORK/notes.json"
sql "$db" "alter table users add column nickname text"
run_schemac 4 apply --auto-approve "$WORK/notes.json"
grep -q 'error: the database changed since the plan was made; nothing was applied' <<<"$ERR" ||
  fail "drift not reported: $ERR"
grep -q 'note: table public.users: column nickname added since the plan was made' <<<"$ERR" ||
  fail "drift does not say what changed: $ERR"
[[ $(sql "$db" "select count(*) from information_schema.tables where table_name='notes'") == 0 ]] ||
  fail "a drifted plan was applied"
sql "$db" "alter table users drop column nickname"
run_schemac 0 apply --auto-approve "$WORK/notes.json"
[[ $(sql "$db" "select count(*) from information_schema.tables where table_name='notes'") == 1 ]] ||
  fail "the plan was not applied once the database was as before"
pass "a saved plan is refused (exit 4) after a concurrent change, naming it; applied once undone"

# 9. a saved plan still honours the hazard allow-list.
rm schema/notes.schema
run_schemac 0 plan --out "$WORK/drop.json"
validate "$WORK/drop.json"  # a plan with a hazard validates too
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["summary"]["hazards"] == ["deletes-data"]; assert d["steps"][0]["hazards"] == ["deletes-data"]' "$WORK/drop.json" ||
  fail "drop.json does not carry the deletes-data hazard"
run_schemac 4 apply --auto-approve "$WORK/drop.json"
grep -q 'refusing step 1 (drop table public.notes): deletes-data' <<<"$ERR" || fail "saved plan not checked: $ERR"
run_schemac 0 apply --auto-approve --allow-destructive "$WORK/drop.json"
pass "a saved plan's hazards are refused unless allowed"

# 10. unusable plan files: a clear message, exit 1, never a crash.
run_schemac 0 plan --out "$WORK/good.json"
head -c 200 "$WORK/good.json" >"$WORK/truncated.json"
run_schemac 1 apply --auto-approve "$WORK/truncated.json"
grep -q 'is not a usable plan: not valid JSON' <<<"$ERR" || fail "truncated file: $ERR"
python3 - "$WORK/good.json" "$WORK/tampered.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["steps"].append({"number": 1, "summary": "drop table public.users", "verb": "drop", "hazards": [],
                     "changes": [], "statements": [{"sql": "DROP TABLE public.users;", "transactional": True}]})
json.dump(doc, open(sys.argv[2], "w"))
PY
run_schemac 1 apply --auto-approve "$WORK/tampered.json"
grep -q "checksum does not match its content" <<<"$ERR" || fail "tampered file: $ERR"
sed 's/"version": 1/"version": 9/' "$WORK/good.json" >"$WORK/future.json"
run_schemac 1 apply --auto-approve "$WORK/future.json"
grep -q 'format version 9 is not supported' <<<"$ERR" || fail "future version: $ERR"
echo '{"hello": "world"}' >"$WORK/other.json"
run_schemac 1 apply --auto-approve "$WORK/other.json"
grep -q 'not a schemac plan file' <<<"$ERR" || fail "foreign file: $ERR"
run_schemac 1 apply --auto-approve "$WORK/missing.json"
grep -q 'cannot read the plan file' <<<"$ERR" || fail "missing file: $ERR"
"$SCHEMAC" diff --no-config --format json "$REPO/schema" "$REPO/schema" >"$WORK/diff.json"
validate "$WORK/diff.json"
run_schemac 1 apply --auto-approve "$WORK/diff.json"
grep -q 'was not made against a database' <<<"$ERR" || fail "diff plan: $ERR"
[[ $(sql "$db" "select count(*) from information_schema.tables where table_name='users'") == 1 ]] ||
  fail "an unusable plan file changed the database"
pass "truncated, tampered, future, foreign, missing and database-less plan files: exit 1, clear message"
