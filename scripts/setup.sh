#!/usr/bin/env bash
# What both demo.sh and test.sh need first: the packages, a build, and the
# throwaway PostgreSQL + PostGIS server. Idempotent.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
"$repo/scripts/install-deps.sh"
"$repo/scripts/build.sh"
"$repo/scripts/pg.sh" start
