#!/usr/bin/env bash
# Every project a user may copy (examples/*/ and the repo's own schema/),
# through its own schemac.toml, against the real server: apply to an empty
# database, then `plan --exit-code` is empty and a second apply runs nothing.
source "$(dirname "$0")/lib.sh" "$@"

projects=("$REPO" "$REPO"/examples/*/)
count=0
for project in "${projects[@]}"; do
  [[ -f $project/schemac.toml ]] || continue
  name=$(basename "$project")
  db=$(new_db "example")
  cd "$project"
  run_schemac 0 apply --auto-approve --db "$(db_url "$db")"
  run_schemac 0 plan --exit-code --db "$(db_url "$db")" ||
    fail "$name: plan after apply is not empty"
  run_schemac 0 apply --auto-approve --db "$(db_url "$db")"
  grep -q 'No changes' <<<"$OUT" || fail "$name: a second apply ran something: $OUT"
  pass "$name"
  count=$((count + 1))
done
[[ $count -ge 2 ]] || fail "expected the repo's schema/ and at least one example, found $count"
echo "$count projects round-tripped"
