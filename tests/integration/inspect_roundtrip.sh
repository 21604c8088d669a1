#!/usr/bin/env bash
# `schemac inspect` against the real server, for every golden case (not fail_*)
# and every example: build database A from the case, inspect it into a .schema
# file, then (1) `plan --exit-code` of that file against A is empty, and (2)
# applying it to an empty database B gives the same pg_dump --schema-only as A;
# the inspected text is already in fmt's layout.
source "$(dirname "$0")/lib.sh" "$@"

apply_to() {  # DB PATH...
  local db=$1; shift
  run_schemac 0 apply --no-config --auto-approve --allow-destructive --db "$(db_url "$db")" "$@"
}

cases=0
for dir in "$REPO"/tests/golden/*/; do
  name=$(basename "$dir")
  [[ $name == fail_* ]] && continue
  cd "$dir"
  input=input.schema
  [[ -d input ]] && input=input
  a=$(new_db "insp_$name")
  apply_to "$a" "$input"
  run_schemac 0 inspect --no-config --db "$(db_url "$a")"
  printf '%s\n' "$OUT" >"$WORK/$name.schema"
  run_schemac 0 fmt --no-config --check "$WORK/$name.schema"  # inspect prints fmt's layout
  run_schemac 0 plan --no-config --exit-code --db "$(db_url "$a")" "$WORK/$name.schema" ||
    fail "$name: plan of the inspected schema is not empty"
  b=$(new_db "insp_$name")
  apply_to "$b" "$WORK/$name.schema"
  if ! diff -u <(schema_dump "$a") <(schema_dump "$b") >"$WORK/dump.diff"; then
    cat "$WORK/dump.diff"
    echo "--- inspected:"; cat "$WORK/$name.schema"
    fail "$name: a database built from the inspected schema differs from the original"
  fi
  pass "$name"
  cases=$((cases + 1))
done
[[ $cases -gt 0 ]] || fail "no golden cases found"
echo "$cases databases inspected and rebuilt"
