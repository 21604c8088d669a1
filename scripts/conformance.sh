#!/usr/bin/env bash
# The conformance runner over a corpus of third-party schema-diff cases
# (default: ../shared/corpus beside the repository, or $SCHEMAC_CORPUS_DIR):
#
#   scripts/conformance.sh [CORPUS_DIR] [-j N] [--filter PATTERN] [--update-known-passes] ...
#
# Installs what is missing, builds, starts the throwaway server (as test.sh
# does), then runs scripts/conformance.py; every flag goes to it (--help).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
"$repo/scripts/setup.sh" >/dev/null
eval "$("$repo/scripts/pg.sh" env)"
export SCHEMAC_TEST_ADMIN_URL
exec python3 "$repo/scripts/conformance.py" "$@"
