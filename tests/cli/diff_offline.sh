#!/usr/bin/env bash
# schemac diff with no database: two trees, two schemac.toml projects, and git
# revisions of a project (git:REV), read without touching the working tree.
source "$(dirname "$0")/lib.sh" "$@"

# 1. Two trees.
mkdir -p "$WORK/old" "$WORK/new"
printf 'table maps {\n  id integer primary key\n}\n' >"$WORK/old/maps.schema"
printf 'table maps {\n  id   integer primary key\n  name text    not null\n}\n' >"$WORK/new/maps.schema"
run_schemac 0 diff --no-config --format sql "$WORK/old" "$WORK/new"
grep -qx 'ALTER TABLE public.maps ADD COLUMN name text NOT NULL;' <<<"$OUT" || fail "diff sql: $OUT"
run_schemac 2 diff --no-config --exit-code "$WORK/old" "$WORK/new"
grep -q '^+ add column public.maps.name' <<<"$OUT" || fail "diff text: $OUT"
run_schemac 0 diff --no-config --exit-code "$WORK/new" "$WORK/new"
# Offline there is no database to speak of.
[[ $OUT == "No changes. The schemas match." ]] || fail "diff of equal trees: $OUT"
mkdir -p "$WORK/empty"
run_schemac 0 diff --no-config --format sql "$WORK/empty" "$WORK/new/maps.schema"
grep -q 'CREATE TABLE public.maps' <<<"$OUT" || fail "diff from empty: $OUT"
pass "diff of two trees: sql and text formats, --exit-code 2 / 0, an empty OLD"

# 2. Two projects: each side's schemac.toml says where its files are.
for side in old new; do
  mkdir -p "$WORK/p_$side/db"
  printf '[project]\nschema = ["db"]\ndefault_schema = "app"\n' >"$WORK/p_$side/schemac.toml"
  cp "$WORK/$side/maps.schema" "$WORK/p_$side/db/"
done
run_schemac 0 diff --no-config --format sql "$WORK/p_old" "$WORK/p_new/schemac.toml"
grep -qx 'ALTER TABLE app.maps ADD COLUMN name text NOT NULL;' <<<"$OUT" || fail "diff of projects: $OUT"
pass "diff of two schemac.toml projects uses their paths and default schema"

# 3. git revisions of a project.
repo="$WORK/repo"
mkdir -p "$repo/schema"
cd "$repo"
git init -q .
git config user.email test@example.org
git config user.name test
printf '[project]\nschema = ["schema"]\n' >schemac.toml
cp "$WORK/old/maps.schema" schema/
git add -A && git commit -qm v1
cp "$WORK/new/maps.schema" schema/
printf 'table notes {\n  id integer primary key\n}\n' >schema/notes.schema
git add -A && git commit -qm v2
printf 'table notes {\n  id   integer primary key\n  body text\n}\n' >schema/notes.schema
echo 'not a schema file' >schema/README.md
status_before=$(git status --porcelain)
head_before=$(git rev-parse HEAD)

run_schemac 0 diff --format sql git:HEAD~1 git:HEAD
grep -qx 'ALTER TABLE public.maps ADD COLUMN name text NOT NULL;' <<<"$OUT" || fail "git diff: $OUT"
grep -q 'CREATE TABLE public.notes' <<<"$OUT" || fail "git diff misses the new file: $OUT"
grep -q 'body' <<<"$OUT" && fail "git:HEAD read the working tree: $OUT"
run_schemac 0 diff --format sql git:HEAD schema
grep -qx 'ALTER TABLE public.notes ADD COLUMN body text;' <<<"$OUT" || fail "git:HEAD vs working tree: $OUT"
run_schemac 2 diff --exit-code git:HEAD~1 git:HEAD
run_schemac 0 diff --exit-code git:HEAD git:HEAD
[[ $(git status --porcelain) == "$status_before" && $(git rev-parse HEAD) == "$head_before" ]] ||
  fail "diff git:REV changed the repository"
pass "diff git:REV reads the configured paths at a revision, working tree untouched"

# 4. Mistakes: unknown revision, a revision that is an option, a missing path.
run_schemac 1 diff git:no-such-rev git:HEAD
grep -q 'git:no-such-rev: unknown revision' <<<"$ERR" || fail "unknown revision: $ERR"
run_schemac 1 diff git:--output=/tmp/x git:HEAD
grep -q 'is not a revision' <<<"$ERR" || fail "option as revision: $ERR"
run_schemac 1 diff git:HEAD no-such-dir
grep -q 'cannot read no-such-dir' <<<"$ERR" || fail "missing path: $ERR"
pass "unknown revisions and paths are errors (exit 1)"
