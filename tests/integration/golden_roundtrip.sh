#!/usr/bin/env bash
# For every golden case (not fail_*), against the real server:
#   apply current.schema (if any), then input.schema; then `plan --exit-code`
#   must be empty and a second apply must run nothing. For change cases
#   (with current.schema) the migrated database's pg_dump --schema-only must
#   equal that of a database built directly from input.schema (with column
#   order ignored where the case has an unordered-columns file saying why).
source "$(dirname "$0")/lib.sh" "$@"

apply_to() {  # DB PATH
  run_schemac 0 apply --no-config --auto-approve --allow-destructive --db "$(db_url "$1")" "$2"
}

cases=0
for dir in "$REPO"/tests/golden/*/; do
  name=$(basename "$dir")
  [[ $name == fail_* ]] && continue
  cd "$dir"
  input=input.schema
  [[ -d input ]] && input=input
  migrated=$(new_db "$name")
  [[ -f current.schema ]] && apply_to "$migrated" current.schema
  apply_to "$migrated" "$input"
  run_schemac 0 plan --no-config --exit-code --db "$(db_url "$migrated")" "$input" ||
    fail "$name: plan after apply is not empty"
  apply_to "$migrated" "$input"
  grep -q 'No changes' <<<"$OUT" || fail "$name: a second apply ran something: $OUT"
  if [[ -f current.schema ]]; then
    direct=$(new_db "$name")
    apply_to "$direct" "$input"
    # A case whose columns must be recreated says why in unordered-columns.
    order=cat
    [[ -f unordered-columns ]] && order=unordered_columns
    if ! diff -u <(schema_dump "$direct" | $order) <(schema_dump "$migrated" | $order) >"$WORK/dump.diff"; then
      cat "$WORK/dump.diff"
      fail "$name: pg_dump of the migrated database differs from one built from the target"
    fi
  fi
  pass "$name"
  cases=$((cases + 1))
done
[[ $cases -gt 0 ]] || fail "no golden cases found"
echo "$cases golden cases round-tripped"
