#!/usr/bin/env bash
# Checks the one-way module dependencies of DESIGN.md §1 and that each
# third-party library stays inside the one module that owns it.
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root/src" || exit 2

declare -A allowed=(
  [base]="base"
  [ir]="base ir"
  [dsl]="base ir dsl grammar"
  [catalog]="base ir catalog"
  [diff]="base ir diff"
  [plan]="base ir diff plan"
  [emit]="base ir diff plan emit"
  [lint]="base ir diff plan lint"
  [cli]="base ir dsl catalog diff plan emit lint cli"
)
status=0
for module in "${!allowed[@]}"; do
  [[ -d $module ]] || continue
  while IFS=: read -r file _ include; do
    target=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$include")
    if [[ " ${allowed[$module]} " != *" $target "* ]]; then
      echo "layering: src/$file includes \"$target/...\" but $module may only use: ${allowed[$module]}"
      status=1
    fi
  done < <(grep -Hn "#include \"[a-z_]*/" "$module"/* 2>/dev/null)
done

check_library() {  # library header pattern, the only files allowed to include it
  local pattern=$1 allowed_files=$2
  while IFS= read -r file; do
    if ! grep -qE "$allowed_files" <<<"$file"; then
      echo "layering: src/$file includes $pattern, which only $allowed_files may use"
      status=1
    fi
  done < <(grep -rlE "#include <$pattern" . | sed 's|^\./||')
}
check_library 'pqxx/' '^catalog/[^/]+\.(cpp|hpp)$'
check_library 'tao/pegtl' '^dsl/[^/]+\.cpp$'
check_library 'toml\+\+/' '^cli/config\.cpp$'
check_library 'nlohmann/' '^emit/json\.cpp$'
for header in catalog/*.hpp; do
  [[ $header == *_impl.hpp ]] && continue
  if grep -q '#include <pqxx/' "$header"; then
    echo "layering: src/$header exposes libpqxx in a public catalog header"
    status=1
  fi
done

[[ $status -eq 0 ]] && echo "layering: ok"
exit $status
