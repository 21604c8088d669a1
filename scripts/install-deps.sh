#!/usr/bin/env bash
# Installs what schemac needs to build and test, from Debian's archive, only
# when something is missing: compilers, CMake, the libraries, and the
# PostgreSQL 15 + PostGIS 3 server (without creating the system cluster).
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git
  tao-pegtl-dev libpqxx-dev libfmt-dev libtomlplusplus-dev catch2 nlohmann-json3-dev
  python3 python3-jsonschema  # tests: validate plan JSON against docs/plan.schema.json
  postgresql-15 postgresql-15-postgis-3 postgresql-client-15
  clang libclang-rt-14-dev   # scripts/sanitize.sh: the libFuzzer target (clang 14's fuzzer runtime)
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: everything is installed"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi

# The throwaway server is started by scripts/pg.sh; no system cluster is wanted.
$sudo mkdir -p /etc/postgresql-common
if ! grep -qs '^create_main_cluster *= *false' /etc/postgresql-common/createcluster.conf; then
  echo "create_main_cluster = false" | $sudo tee -a /etc/postgresql-common/createcluster.conf >/dev/null
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
