#!/usr/bin/env python3
"""Conformance runner: schemac against third-party schema-diff test cases.

For each case of a corpus (a directory of <case>/{from.sql,to.sql,meta.json},
see ../shared/corpus/README.md): build database A from from.sql and B from
to.sql, `schemac inspect` B into a .schema tree, `schemac apply
--allow-destructive` that tree to A, then compare the normalised
`pg_dump --schema-only` of A and B and check that a second `schemac plan
--exit-code` on A is empty. Cases run in parallel, each with its own two
databases (copied from a template, dropped afterwards).

Usage: see `conformance.py --help` and docs/cli.md ("Conformance runner").
Needs the server of scripts/pg.sh: SCHEMAC_TEST_ADMIN_URL (scripts/pg.sh env).
Standard library only, so a fresh Debian machine needs nothing but python3.
"""

import argparse
import concurrent.futures
import difflib
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

PASS, FAIL, OUT = "PASS", "FAIL", "OUT-OF-SCOPE"
DB_PREFIX = "schemac_conf_"
REPO = Path(__file__).resolve().parent.parent
REASON_WIDTH = 200
# Exit code of --check-known-passes when the corpus cannot be found; ctest
# reports it as "Skipped" (SKIP_RETURN_CODE), never as a pass.
EXIT_NO_CORPUS = 77


@dataclass
class Case:
    corpus: str
    name: str
    path: Path

    @property
    def key(self):
        return f"{self.corpus}/{self.name}"


@dataclass
class Result:
    case: Case
    status: str
    reason: str = ""


class Env:
    """What every case shares: the server, the schemac binary, the templates."""

    def __init__(self, admin_url, schemac, keep):
        self.admin_url = admin_url
        self.schemac = schemac
        self.keep = keep
        self.prefix = f"{DB_PREFIX}{os.getpid()}_"
        self.counter = 0
        self.lock = threading.Lock()
        self.server_version = 0
        self.available_extensions = set()
        self.templates = {}  # "plain" | "postgis" -> database name

    def db_url(self, name):
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{name}"

    def next_names(self):
        with self.lock:
            self.counter += 1
            n = self.counter
        return f"{self.prefix}{n}_a", f"{self.prefix}{n}_b"


def quote_ident(name):
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text):
    return "'" + text.replace("'", "''") + "'"


def run(cmd, env=None, cwd=None, stdin=subprocess.DEVNULL):
    proc = subprocess.run(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, cwd=cwd)
    return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def psql(url, *args, env=None):
    return run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, *args], env=env)


def admin_sql(env, *statements):
    args = []
    for statement in statements:
        args += ["-c", statement]
    return psql(env.admin_url, *args)


def one_line(text, width=REASON_WIDTH):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def first_error(stderr, stdout=""):
    """The most telling line of a failed command's output."""
    lines = [l for l in (stderr + "\n" + stdout).splitlines() if l.strip()]
    for line in lines:
        if "error:" in line or "ERROR:" in line:
            return line.strip()
    return lines[0].strip() if lines else "(no output)"


# --- corpus discovery -------------------------------------------------------


def is_case_dir(path):
    return path.is_dir() and (path / "to.sql").exists()


def find_corpora(root):
    """{corpus name: [Case]}: ROOT is one corpus (its subdirectories are cases)
    or a directory of corpora."""
    root = root.resolve()
    subdirs = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if any(is_case_dir(p) for p in subdirs):
        return {root.name: [Case(root.name, p.name, p) for p in subdirs if is_case_dir(p)]}
    corpora = {}
    for sub in subdirs:
        cases = [Case(sub.name, p.name, p) for p in sorted(sub.iterdir()) if is_case_dir(p)]
        if cases:
            corpora[sub.name] = cases
    return corpora


def read_meta(case):
    path = case.path / "meta.json"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def version_number(value):
    """'18.0' / '9.1' / 15 -> major version as a number (9.1 stays 9.1)."""
    try:
        number = float(str(value))
    except ValueError:
        return None
    return number if number < 10 else int(number)


def scope_from_meta(meta, env):
    """The reason a case is out of scope before any database is built, or None."""
    if meta.get("end_state_comparable") is False:
        return "to.sql is not a whole-database target (end_state_comparable: false)"
    if meta.get("expects_error"):
        return "the peer expects planning to fail (expects_error)"
    server_major = env.server_version // 10000
    low = version_number(meta.get("min_pg_version", 0))
    if meta.get("requires_newer_pg") or (low is not None and low > server_major):
        return f"needs PostgreSQL {meta.get('min_pg_version', '> ' + str(server_major))}"
    high = version_number(meta.get("max_pg_version", 1000))
    if high is not None and high < server_major:
        return f"needs PostgreSQL <= {meta['max_pg_version']}"
    missing = set(meta.get("missing_extensions") or [])
    missing |= set(meta.get("extensions") or []) - env.available_extensions
    if missing:
        return "extension not available with PostgreSQL 15 + PostGIS: " + ", ".join(sorted(missing))
    if meta.get("loadable_pg15") is False:
        error = meta.get("load_error") or {}
        detail = error.get("from_error") or error.get("to_error") or ""
        return one_line("does not load into PostgreSQL 15: " + re.sub(r"^psql:[^ ]* ", "", detail))
    return None


# --- databases --------------------------------------------------------------

POSTGIS_WORDS = re.compile(r"\b(geometry|geography|postgis|st_[a-z]+)\b", re.IGNORECASE)
CREATES_POSTGIS = re.compile(r"create\s+extension\s+(if\s+not\s+exists\s+)?\"?postgis\b",
                             re.IGNORECASE)


def case_sql(case):
    texts = []
    for name in ("setup.sql", "from.sql", "to.sql"):
        path = case.path / name
        if path.exists():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def template_for(case, env):
    """PostGIS-using cases that do not create the extension themselves get a
    template that has it; all others an empty one."""
    text = case_sql(case)
    if POSTGIS_WORDS.search(text) and not CREATES_POSTGIS.search(text):
        return env.templates["postgis"]
    return env.templates["plain"]


def make_template(env, name, with_postgis):
    admin_sql(env, f"DROP DATABASE IF EXISTS {quote_ident(name)} WITH (FORCE)")
    code, _, err = admin_sql(env, f"CREATE DATABASE {quote_ident(name)} TEMPLATE template0")
    if code != 0:
        sys.exit(f"conformance: cannot create template database {name}: {first_error(err)}")
    if with_postgis:
        code, _, err = psql(env.db_url(name), "-c", "CREATE EXTENSION postgis")
        if code != 0:
            sys.exit(f"conformance: CREATE EXTENSION postgis failed: {first_error(err)}")
    admin_sql(env, f"ALTER DATABASE {quote_ident(name)} IS_TEMPLATE true")
    env.templates["postgis" if with_postgis else "plain"] = name


def drop_databases(env, names):
    admin_sql(env, *[f"DROP DATABASE IF EXISTS {quote_ident(n)} WITH (FORCE)" for n in names])


def drop_stale_databases(env):
    """Databases left by a runner that was killed (its pid is gone)."""
    code, out, _ = admin_sql(env, f"SELECT datname FROM pg_database WHERE datname LIKE '{DB_PREFIX}%'")
    if code != 0:
        return
    stale = []
    for name in out.split():
        match = re.match(re.escape(DB_PREFIX) + r"(\d+)_", name)
        if not match:
            continue
        pid = int(match.group(1))
        alive = True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            alive = False
        except PermissionError:
            pass
        if not alive or pid == os.getpid():
            stale.append(name)
    for name in stale:
        admin_sql(env, f"ALTER DATABASE {quote_ident(name)} IS_TEMPLATE false")
    if stale:
        drop_databases(env, stale)


def create_roles(env, corpora):
    roles = set()
    for cases in corpora.values():
        for case in cases:
            roles |= set(read_meta(case).get("roles") or [])
    for role in sorted(roles):
        admin_sql(env, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                  f"{quote_literal(role)}) THEN CREATE ROLE {quote_ident(role)}; END IF; END $$")


def load(env, db, case, sql_name, meta):
    """Runs setup.sql then SQL_NAME in DB; returns psql's first error or None."""
    files = [case.path / "setup.sql", case.path / sql_name]
    args = []
    for path in files:
        if path.exists():
            args += ["-f", str(path)]
    child_env = dict(os.environ)
    options = "-c client_min_messages=warning"
    if meta.get("search_path"):
        options += " -c search_path=" + meta["search_path"].replace(" ", "")
    child_env["PGOPTIONS"] = options
    code, _, err = psql(env.db_url(db), *args, env=child_env)
    return None if code == 0 else first_error(err)


DUMP_NOISE = re.compile(r"^(--|SET |SELECT pg_catalog\.set_config|\\(un)?restrict )")


def schema_dump(env, db):
    code, out, err = run(["pg_dump", "--schema-only", env.db_url(db)])
    if code != 0:
        return None, first_error(err)
    lines = [l for l in out.splitlines() if l.strip() and not DUMP_NOISE.match(l)]
    return lines, None


def unordered_columns(lines):
    """Sorts the column lines of each CREATE TABLE: a renamed column that was
    dropped and added again (no rename hint reaches inspect) lands at the end."""
    out, inside, columns = [], False, []
    for line in lines:
        if inside and re.match(r"^\);?", line):
            out += sorted(columns)
            out.append(line)
            inside, columns = False, []
        elif inside:
            columns.append(line.rstrip(","))
        else:
            out.append(line)
            inside = bool(re.match(r"^CREATE TABLE .*\($", line))
    return out


def first_difference(a_lines, b_lines):
    """'A: line | B: line' for the first hunk where the dumps differ."""
    matcher = difflib.SequenceMatcher(a=a_lines, b=b_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        got = a_lines[i1].strip() if i1 < i2 else "(nothing)"
        want = b_lines[j1].strip() if j1 < j2 else "(nothing)"
        return f"dump differs: A has `{got}`, B has `{want}`"
    return "dump differs"


# --- one case ---------------------------------------------------------------

NOTE_LINE = re.compile(r"^//   - (.*)$")


def inspect_notes(text):
    """The objects inspect could not express, from the comment at its top."""
    return [m.group(1) for m in map(NOTE_LINE.match, text.splitlines()) if m]


def schemac(env, *args, cwd):
    child_env = dict(os.environ, NO_COLOR="1")
    return run([env.schemac, *args], env=child_env, cwd=cwd)


def first_step(plan_output):
    for line in plan_output.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("Plan:", "--")) and "to create" not in stripped:
            return stripped
    return "(no step shown)"


def run_case(case, env, work_root):
    meta = read_meta(case)
    reason = scope_from_meta(meta, env)
    if reason:
        return Result(case, OUT, reason)
    a, b = env.next_names()
    work = Path(tempfile.mkdtemp(prefix="case-", dir=work_root))
    try:
        template = template_for(case, env)
        code, _, err = admin_sql(env, f"CREATE DATABASE {quote_ident(a)} TEMPLATE {quote_ident(template)}",
                                 f"CREATE DATABASE {quote_ident(b)} TEMPLATE {quote_ident(template)}")
        if code != 0:
            return Result(case, FAIL, "harness: " + first_error(err))
        return judge(case, meta, env, a, b, work)
    finally:
        if not env.keep:
            drop_databases(env, [a, b])
            shutil.rmtree(work, ignore_errors=True)


def judge(case, meta, env, a, b, work):
    error = load(env, b, case, "to.sql", meta)
    if error:
        return Result(case, FAIL, "harness: to.sql does not load: " + one_line(error))
    error = load(env, a, case, "from.sql", meta)
    if error:
        return Result(case, FAIL, "harness: from.sql does not load: " + one_line(error))
    tree = work / "desired"
    code, out, err = schemac(env, "inspect", "--no-config", "--db", env.db_url(b), "--out", str(tree),
                             cwd=work)
    if code != 0:
        return Result(case, FAIL, one_line(f"inspect exit {code}: {first_error(err, out)}"))
    notes = []
    for path in sorted(tree.glob("*.schema")):
        notes += inspect_notes(path.read_text(encoding="utf-8", errors="replace"))
    if notes:
        more = f" (and {len(notes) - 1} more)" if len(notes) > 1 else ""
        return Result(case, OUT, one_line(f"inspect cannot express: {notes[0]}{more}"))
    failure = apply_and_compare(case, meta, env, a, b, work, tree)
    if failure is None:
        return Result(case, PASS)
    # What schemac leaves alone in A (a function to.sql no longer has) cannot
    # match B: that is out of scope, not a failure.
    code, out, _ = schemac(env, "inspect", "--no-config", "--db", env.db_url(a), cwd=work)
    from_notes = inspect_notes(out) if code == 0 else []
    if from_notes:
        return Result(case, OUT, one_line(f"from.sql has what schemac does not manage: {from_notes[0]}"))
    return Result(case, FAIL, one_line(failure))


def apply_and_compare(case, meta, env, a, b, work, tree):
    """None when the case passes, else why not."""
    code, out, err = schemac(env, "apply", "--no-config", "--auto-approve", "--allow-destructive", "--allow-empty",
                             "--db", env.db_url(a), str(tree), cwd=work)
    if code != 0:
        return f"apply exit {code}: {first_error(err, out)}"
    a_dump, error = schema_dump(env, a)
    b_dump, error_b = schema_dump(env, b)
    if error or error_b:
        return "harness: pg_dump failed: " + (error or error_b)
    if meta.get("uses_rename_hint"):
        a_dump, b_dump = unordered_columns(a_dump), unordered_columns(b_dump)
    if a_dump != b_dump:
        return first_difference(a_dump, b_dump)
    code, out, err = schemac(env, "plan", "--no-config", "--exit-code", "--allow-empty", "--db", env.db_url(a), str(tree),
                             cwd=work)
    if code == 2:
        return "second plan not empty: " + first_step(out)
    if code != 0:
        return f"second plan exit {code}: {first_error(err, out)}"
    return None


# --- reporting --------------------------------------------------------------


def known_passes_path(directory, corpus):
    return Path(directory) / f"{corpus}.known-passes"


def read_known_passes(path):
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {l.strip() for l in lines if l.strip() and not l.startswith("#")}


def write_known_passes(path, names):
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Conformance cases that pass (scripts/conformance.sh --update-known-passes).\n"
              "# The test suite fails when one of them stops passing; add new passes here.\n")
    path.write_text(header + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")


def counts(results):
    n = {PASS: 0, FAIL: 0, OUT: 0}
    for r in results:
        n[r.status] += 1
    return n


def rate(n):
    in_scope = n[PASS] + n[FAIL]
    return f"{100.0 * n[PASS] / in_scope:.1f}%" if in_scope else "n/a"


def md_cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def write_report(path, corpora_results, command):
    out = ["# Conformance", "",
           "Generated by `" + command + "` (see [the CLI reference](cli.md#conformance-runner));",
           "do not edit by hand. Each case builds database A from `from.sql` and B from",
           "`to.sql`, `schemac inspect`s B, `schemac apply --allow-destructive`s that to A,",
           "then compares `pg_dump --schema-only` of A and B and checks that a second",
           "`schemac plan` is empty. *In scope* = passing + failing cases; out-of-scope",
           "cases use what schemac does not model or cannot run on PostgreSQL 15.", ""]
    for corpus, results in corpora_results.items():
        n = counts(results)
        out += [f"## {corpus}", "",
                "| cases | pass | fail | out of scope | pass rate in scope |",
                "|---:|---:|---:|---:|---:|",
                f"| {len(results)} | {n[PASS]} | {n[FAIL]} | {n[OUT]} | {rate(n)} |", ""]
        for status, title in ((FAIL, "Failing"), (OUT, "Out of scope")):
            rows = sorted((r for r in results if r.status == status), key=lambda r: r.case.name)
            if not rows:
                continue
            out += [f"### {title} ({len(rows)})", "", "| case | reason |", "|---|---|"]
            out += [f"| `{r.case.name}` | {md_cell(r.reason)} |" for r in rows]
            out.append("")
    Path(path).write_text("\n".join(out), encoding="utf-8")


# --- main -------------------------------------------------------------------


def parse_args(argv):
    default_corpus = os.environ.get("SCHEMAC_CORPUS_DIR") or str(REPO.parent / "shared" / "corpus")
    p = argparse.ArgumentParser(prog="scripts/conformance.sh", description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", nargs="?", default=default_corpus,
                   help="a corpus directory, or a directory of corpora "
                        "(default: $SCHEMAC_CORPUS_DIR, else ../shared/corpus beside the repo)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="cases run at once (default: the number of CPUs)")
    p.add_argument("--filter", action="append", default=[], metavar="PATTERN",
                   help="only cases whose name (or corpus/name) contains PATTERN or matches "
                        "it as a glob; repeatable")
    p.add_argument("--schemac", default=str(REPO / "build" / "schemac"), help="the schemac binary")
    p.add_argument("--report", metavar="FILE",
                   help="write the Markdown report here (default: docs/conformance.md when "
                        "the whole corpus runs, none with --filter)")
    p.add_argument("--no-report", action="store_true", help="write no Markdown report")
    p.add_argument("--known-passes-dir", default=str(REPO / "tests" / "conformance"), metavar="DIR",
                   help="where <corpus>.known-passes live (default: tests/conformance)")
    p.add_argument("--check-known-passes", action="store_true",
                   help="exit 1 if a known pass no longer passes (the test suite's mode)")
    p.add_argument("--update-known-passes", action="store_true",
                   help="rewrite <corpus>.known-passes from this run")
    p.add_argument("--keep", action="store_true", help="keep the databases and work files")
    p.add_argument("--quiet", action="store_true", help="print only failures and the summary")
    return p.parse_args(argv)


def matches(case, patterns):
    if not patterns:
        return True
    for pattern in patterns:
        for name in (case.name, case.key):
            if pattern in name or fnmatch.fnmatchcase(name, pattern):
                return True
    return False


def setup_env(args):
    admin_url = os.environ.get("SCHEMAC_TEST_ADMIN_URL")
    if not admin_url:
        sys.exit("conformance: SCHEMAC_TEST_ADMIN_URL is not set: run scripts/conformance.sh, "
                 "or eval \"$(scripts/pg.sh env)\" first")
    if not os.access(args.schemac, os.X_OK):
        sys.exit(f"conformance: no schemac binary at {args.schemac} (run scripts/build.sh)")
    env = Env(admin_url, args.schemac, args.keep)
    code, out, err = admin_sql(env, "SHOW server_version_num")
    if code != 0:
        sys.exit(f"conformance: cannot reach the server: {first_error(err)}")
    env.server_version = int(out.strip())
    _, out, _ = admin_sql(env, "SELECT name FROM pg_available_extensions")
    env.available_extensions = set(out.split())
    return env


def print_result(result, quiet, lock):
    if quiet and result.status != FAIL:
        return
    line = f"{result.status:<12} {result.case.key}"
    if result.reason:
        line += f": {result.reason}"
    with lock:
        print(line, flush=True)


def check_known_passes(corpora_results, args, filtered):
    regressions, new = [], []
    for corpus, results in corpora_results.items():
        known = read_known_passes(known_passes_path(args.known_passes_dir, corpus))
        ran = {r.case.name: r for r in results}
        for name in sorted(known):
            if name in ran and ran[name].status != PASS:
                regressions.append(f"{corpus}/{name}: {ran[name].status}: {ran[name].reason}")
            elif name not in ran and not filtered:
                regressions.append(f"{corpus}/{name}: listed as a known pass but not in the corpus")
        new += [f"{corpus}/{n}" for n, r in sorted(ran.items()) if r.status == PASS and n not in known]
    for line in regressions:
        print(f"REGRESSION   {line}")
    if new:
        print(f"{len(new)} case(s) pass that are not in the known-pass list; record them with "
              "scripts/conformance.sh --update-known-passes:")
        for name in new:
            print(f"  new pass: {name}")
    return not regressions


def update_known_passes(corpora_results, args, filtered):
    for corpus, results in corpora_results.items():
        path = known_passes_path(args.known_passes_dir, corpus)
        names = read_known_passes(path) if filtered else set()
        for r in results:
            names.discard(r.case.name)
            if r.status == PASS:
                names.add(r.case.name)
        write_known_passes(path, names)
        print(f"wrote {path} ({len(names)} cases)")


def main(argv):
    args = parse_args(argv)
    root = Path(args.corpus)
    if not root.is_dir():
        print(f"conformance: no corpus at {root} — set SCHEMAC_CORPUS_DIR or pass the directory "
              "(the shared corpus is not part of this repository)", file=sys.stderr)
        return EXIT_NO_CORPUS
    corpora = find_corpora(root)
    corpora = {c: [k for k in cases if matches(k, args.filter)] for c, cases in corpora.items()}
    corpora = {c: cases for c, cases in corpora.items() if cases}
    if not corpora:
        print(f"conformance: no cases under {root}", file=sys.stderr)
        return EXIT_NO_CORPUS if not args.filter else 1
    env = setup_env(args)
    drop_stale_databases(env)
    create_roles(env, corpora)
    make_template(env, f"{env.prefix}template", with_postgis=False)
    if any(POSTGIS_WORDS.search(case_sql(k)) for cases in corpora.values() for k in cases):
        make_template(env, f"{env.prefix}template_postgis", with_postgis=True)
    else:
        env.templates["postgis"] = env.templates["plain"]

    work_root = tempfile.mkdtemp(prefix="schemac-conformance-")
    lock = threading.Lock()
    all_cases = [k for cases in corpora.values() for k in cases]
    results = {}
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {pool.submit(run_case, k, env, work_root): k for k in all_cases}
            for future in concurrent.futures.as_completed(futures):
                case = futures[future]
                try:
                    result = future.result()
                except Exception as error:  # a harness bug must not hide the other cases
                    result = Result(case, FAIL, one_line(f"harness: {error!r}"))
                results[case.key] = result
                print_result(result, args.quiet, lock)
    finally:
        if not args.keep:
            names = list(env.templates.values())
            for name in set(names):
                admin_sql(env, f"ALTER DATABASE {quote_ident(name)} IS_TEMPLATE false")
            drop_databases(env, set(names))
            shutil.rmtree(work_root, ignore_errors=True)

    corpora_results = {c: [results[k.key] for k in cases] for c, cases in corpora.items()}
    print()
    for corpus, rs in corpora_results.items():
        n = counts(rs)
        print(f"{corpus}: {len(rs)} cases: {n[PASS]} pass, {n[FAIL]} fail, {n[OUT]} out of scope; "
              f"pass rate in scope {rate(n)}")
    filtered = bool(args.filter)
    report = None if args.no_report else args.report
    if report is None and not filtered and not args.no_report:
        report = str(REPO / "docs" / "conformance.md")
    if report:
        write_report(report, corpora_results, "scripts/conformance.sh")
        print(f"wrote {report}")
    if args.update_known_passes:
        update_known_passes(corpora_results, args, filtered)
    if args.check_known_passes and not check_known_passes(corpora_results, args, filtered):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
