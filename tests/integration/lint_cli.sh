#!/usr/bin/env bash
# `schemac lint` and the lint pass of `schemac plan`, end to end: the rendered
# findings of every rule (golden files in tests/lint/, refreshed with
# SCHEMAC_UPDATE_GOLDEN=1), `lint: allow` comments, levels from schemac.toml
# and the exit codes they give, L006 from --from and from a real database,
# and the repo's own schema/ and examples/ linting clean.
source "$(dirname "$0")/lib.sh" "$@"

golden="$REPO/tests/lint"
project="$WORK/project"
cp -r "$golden/project" "$project"
cd "$project"

compare() {  # EXPECTED_FILE ACTUAL_TEXT
  if [[ ${SCHEMAC_UPDATE_GOLDEN:-} == 1 ]]; then
    printf '%s\n' "$2" >"$1"
    return
  fi
  diff -u "$1" <(printf '%s\n' "$2") || fail "output differs from $(basename "$1")"
}

# 1. Every schema rule, rendered; suppressed findings are absent.
run_schemac 0 lint
compare "$golden/expected.stderr" "$ERR"
[[ $OUT == "lint: 0 errors, 5 warnings" ]] || fail "summary: $OUT"
pass "lint reports L001-L005 at their constructs; lint: allow silences two"

# 2. The change rule needs a current state: --from a schema tree.
run_schemac 0 lint --from old
compare "$golden/expected.from.stderr" "$ERR"
[[ $OUT == "lint: 0 errors, 6 warnings" ]] || fail "summary with --from: $OUT"
pass "lint --from reports L006 for a volatile default on an added column"

# 3. Levels from schemac.toml, by code and by name.
cat >>schemac.toml <<'TOML'
[lint]
L001 = "error"
varchar-length = "off"
L003 = "warning"
TOML
run_schemac 1 lint
grep -q 'error: table public.events has no primary key.*\[L001\]' <<<"$ERR" || fail "L001 not an error: $ERR"
grep -q 'L005' <<<"$ERR" && fail "L005 is off but reported: $ERR"
[[ $OUT == "lint: 1 error, 3 warnings" ]] || fail "summary with levels: $OUT"
pass "levels from [lint]: error fails lint (exit 1), off silences"

# 4. plan runs lint before the plan: warnings keep exit 0, an error level exits 1.
db=$(new_db lint)
url=$(db_url "$db")
run_schemac 1 plan --db "$url"
grep -q 'create table public.events' <<<"$OUT" || fail "plan not printed with a lint error: $OUT"
grep -q '\[L001\]' <<<"$ERR" || fail "plan did not lint: $ERR"
sed -i 's/^L001 = "error"/L001 = "warning"/' schemac.toml
run_schemac 0 plan --db "$url"
grep -q 'warning: table public.events has no primary key' <<<"$ERR" || fail "plan lint: $ERR"
pass "plan prints lint findings; only an error level changes its exit code"

# plan lints the desired state as normalized for its comparison, lint a copy of
# its own: the schema rules' findings must be the same, word for word.
run_schemac 0 lint
lint_findings=$(grep -E '\[L00[1-5]\]' <<<"$ERR" | sort)
run_schemac 0 plan --db "$url"
plan_findings=$(grep -E '\[L00[1-5]\]' <<<"$ERR" | sort)
[[ -n $lint_findings && $lint_findings == "$plan_findings" ]] ||
  fail "plan and lint differ: lint: $lint_findings; plan: $plan_findings"
[[ $(wc -l <<<"$plan_findings") -ge 3 ]] || fail "too few findings to compare: $plan_findings"
pass "plan's schema findings are lint's"

# 5. L006 against a real database: the old state applied, then lint --db and plan.
run_schemac 0 apply --auto-approve --db "$url" old
run_schemac 0 lint --db "$url"
grep -q 'column token is added to the existing table public.parcels.*\[L006\]' <<<"$ERR" ||
  fail "lint --db did not report L006: $ERR"
run_schemac 0 plan --db "$url"
grep -q '\[L006\]' <<<"$ERR" || fail "plan did not report L006: $ERR"
pass "L006 from the database's state, in lint --db and in plan"

# 6. Configuration and suppression mistakes.
printf '[lint]\nL042 = "error"\n' >"$WORK/bad.toml"
run_schemac 1 lint --config "$WORK/bad.toml" schema
grep -q "unknown lint rule 'L042'.*\[E0301\]" <<<"$ERR" || fail "unknown rule: $ERR"
printf '[lint]\nL001 = "fatal"\n' >"$WORK/bad.toml"
run_schemac 1 lint --config "$WORK/bad.toml" schema
grep -q "'L001' must be \"error\", \"warning\" or \"off\".*\[E0301\]" <<<"$ERR" || fail "bad level: $ERR"
printf 'table t { id integer primary key }  // lint: allow L999 typo\n' >"$WORK/typo.schema"
run_schemac 0 lint --no-config "$WORK/typo.schema"
grep -q "unknown lint rule 'L999'.*\[W0304\]" <<<"$ERR" || fail "unknown rule in a comment: $ERR"
pass "unknown rules and levels are configuration errors; a typo in lint: allow warns"

# 7. The repo's own schema and examples lint clean.
cd "$REPO"
run_schemac 0 lint
[[ -z $ERR && $OUT == "lint: 0 errors, 0 warnings" ]] || fail "schema/ does not lint clean: $ERR"
for example in "$REPO"/examples/*/; do
  cd "$example"
  run_schemac 0 lint
  [[ -z $ERR ]] || fail "$example does not lint clean: $ERR"
done
pass "schema/ and examples/ lint clean"
