#!/usr/bin/env bash
# The repo's own schema files are formatted: `schemac fmt --check` over schema/,
# examples/ and every golden case (but fail_parse_*, whose files do not parse
# on purpose). And for every golden case: its files with their indentation
# stripped format back to files that are formatted (fmt of fmt's output
# changes nothing) and mean the same (`schemac diff` between them is empty).
source "$(dirname "$0")/lib.sh" "$@"
cd "$REPO"

cases=()
for dir in tests/golden/*/; do
  [[ $(basename "$dir") == fail_parse_* ]] || cases+=("${dir%/}")
done
run_schemac 0 fmt --no-config --check schema examples "${cases[@]}"
[[ -z $OUT ]] || fail "files not formatted: $OUT"
pass "schema/, examples/ and ${#cases[@]} golden cases are formatted"

checked=0
for dir in "${cases[@]}"; do
  name=$(basename "$dir")
  for input in input.schema current.schema input; do
    [[ -e $dir/$input ]] || continue
    messy="$WORK/$name/$input"
    mkdir -p "$(dirname "$messy")"
    cp -r "$dir/$input" "$messy"
    find "$WORK/$name" -name '*.schema' -exec sed -i 's/^[[:space:]]*//' {} +
    run_schemac 0 fmt --no-config "$messy"
    run_schemac 0 fmt --no-config --check "$messy"
    [[ -z $OUT ]] || fail "$name/$input: fmt of fmt's output changes $OUT"
    if [[ $name != fail_* ]]; then
      run_schemac 0 diff --no-config --exit-code "$dir/$input" "$messy"
    fi
    checked=$((checked + 1))
  done
done
pass "$checked golden inputs: formatting is idempotent and keeps their meaning"
