#!/usr/bin/env bash
# The main job, from a fresh machine: install what is missing, build, start a
# throwaway PostgreSQL + PostGIS on 127.0.0.1, then run schemac plan, apply and
# plan again (now empty) on the repo's own schema/ through schemac.toml.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

"$repo/scripts/setup.sh"
DATABASE_URL=$("$repo/scripts/pg.sh" url)
export DATABASE_URL
schemac="$repo/build/schemac"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "schemac plan"
"$schemac" plan
step "schemac apply --auto-approve"
"$schemac" apply --auto-approve
step "schemac plan --exit-code  (must be empty now)"
"$schemac" plan --exit-code
