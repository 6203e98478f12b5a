"""Checks every variant of the builder's generated SQLAlchemy code (Core/ORM x sync/async x
snippet/whole file) in one process.

Reads a JSON manifest (path in argv[1]): a list of cases {id, dialect, table, select, allowed,
files: {variant: path}, snippets: {variant: path}}. For each case it reports:
- lint: pyflakes messages for every file and snippet (snippets are parsed with top-level await
  allowed, as in a notebook or `python -m asyncio`; names in `allowed` -- the model or Table
  and the session or connection the snippet says it expects -- may be undefined there);
- statements: per variant, the statements the code executes, compiled for the dialect
  (placeholders made uniform, parameter values in order);
- run (SQLite whole files only): the rows main() printed and the table afterwards. The file's
  in-memory URL is pointed at a temporary file so the after-state can be read.
The async PostgreSQL driver (asyncpg) and psycopg are not available here: PostgreSQL files are
compiled, not run; the Node test runs the compiled SQL on PGlite.
Prints one JSON object {version, results: {id: {...}}}.
"""
import ast
import asyncio
import contextlib
import datetime
import decimal
import io
import json
import os
import re
import runpy
import sqlite3
import sys
import tempfile
import traceback

import sqlalchemy
from pyflakes import checker, messages
from sqlalchemy.dialects import postgresql, sqlite

DIALECTS = {"sqlite": sqlite.dialect(), "postgres": postgresql.dialect()}
PLACEHOLDER = re.compile(r"%\(([^)]+)\)s|\?")


def plain(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"blob": bytes(value).hex()}
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def lint(path, snippet, allowed):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    flags = ast.PyCF_ONLY_AST | (ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if snippet else 0)
    try:
        tree = compile(source, path, "exec", flags=flags)
    except SyntaxError as exc:
        return [f"{os.path.basename(path)}: syntax error: {exc}"]
    out = []
    for m in checker.Checker(tree, filename=path).messages:
        if snippet and isinstance(m, messages.UndefinedName) and m.message_args[0] in allowed:
            continue
        if snippet and isinstance(m, messages.YieldOutsideFunction):
            continue  # pyflakes's word for a top-level await
        out.append(f"{os.path.basename(path)}:{m.lineno}: {m.message % m.message_args}")
    return out


def compiled(stmt, dialect):
    c = stmt.compile(dialect=DIALECTS[dialect])
    names = []

    def sub(match):
        if match.group(1):
            names.append(match.group(1))
        return "?"

    sql = PLACEHOLDER.sub(sub, c.string)
    if dialect == "sqlite":
        params = [c.params[n] for n in c.positiontup]
    else:
        params = [c.params[n] for n in names]
    return {"sql": sql, "params": [plain(p) for p in params]}


class _Result:
    returns_rows = False

    def __iter__(self):
        return iter(())

    def first(self):
        return None  # the two-step lookup finds nothing: the INSERT branch is recorded

    def all(self):
        return []


class Recorder:
    """Stands in for a connection or session: compiles what it is asked to execute."""

    def __init__(self, dialect, is_async):
        self.dialect = dialect
        self.log = []
        self.objs = []
        if is_async:
            self.execute = self._aexecute
            self.commit = self._acommit

    def execute(self, stmt, params=None):
        self.log.append(compiled(stmt, self.dialect))
        self.objs.append(stmt)
        return _Result()

    async def _aexecute(self, stmt, params=None):
        return Recorder.execute(self, stmt, params)

    def commit(self):
        pass

    async def _acommit(self):
        pass


def module_statements(ns, dialect, is_async):
    """What the module-level code executes: stmt, statements, or the two-step function's statements."""
    if "upsert" in ns:
        rec = Recorder(dialect, is_async)
        out = ns["upsert"](rec)
        if is_async:
            asyncio.run(out)
        return rec.log, rec.objs
    stmts = list(ns["statements"]) if "statements" in ns else [ns["stmt"]]
    return [compiled(s, dialect) for s in stmts], stmts


def run_snippet(path, base_ns, dialect, is_async, conn_name):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    rec = Recorder(dialect, is_async)
    ns = {k: v for k, v in base_ns.items() if k not in ("rows", "stmt", "statements", "params", "upsert", "setup_rows")}
    ns[conn_name] = rec
    with contextlib.redirect_stdout(io.StringIO()):
        out = eval(code, ns)  # with top-level await, a coroutine when the snippet awaits
        if out is not None and asyncio.iscoroutine(out):
            asyncio.run(out)
    return rec.log


def run_file(path, ns, case, is_async):
    # In memory-backed storage where there is some: creating tables on disk waits for fsync.
    fd, db = tempfile.mkstemp(suffix=".db", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    os.close(fd)
    try:
        main = ns["main"]
        # Point the in-memory URL at the temporary file, in the function's own globals.
        g = main.__globals__
        for name in ("create_engine", "create_async_engine"):
            if name in g:
                original = g[name]
                g[name] = (lambda orig: lambda url, **kw: orig(url.replace(":memory:", db), **kw))(original)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            if is_async:
                asyncio.run(main())
            else:
                main()
        env = {"Decimal": decimal.Decimal, "datetime": datetime}
        printed = [[plain(v) for v in eval(line, env)] for line in buf.getvalue().splitlines() if line.strip()]
        con = sqlite3.connect(db)
        after = [[plain(v) for v in row] for row in con.execute(case["select"]).fetchall()]
        con.close()
        return {"printed": printed, "after": after}
    finally:
        os.unlink(db)


def check_case(case):
    dialect = case["dialect"]
    out = {"lint": [], "statements": {}, "run": {}}
    base_ns = None
    for variant, path in case["files"].items():
        is_async = "async" in variant
        out["lint"] += lint(path, False, ())
        ns = runpy.run_path(path, run_name="generated")
        base_ns = base_ns or ns
        log, _ = module_statements(ns, dialect, is_async)
        out["statements"][variant] = log
        snippet = case["snippets"].get(variant)
        if snippet:
            out["lint"] += lint(snippet, True, case["allowed"])
            out["statements"][variant + " snippet"] = run_snippet(snippet, ns, dialect, is_async, "session" if "orm" in variant else "conn")
        if dialect == "sqlite":
            try:
                out["run"][variant] = run_file(path, ns, case, is_async)
            except Exception as exc:
                out["run"][variant] = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = {}
    for case in cases:
        try:
            results[case["id"]] = check_case(case)
        except Exception as exc:
            results[case["id"]] = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
    print(json.dumps({"version": sqlalchemy.__version__, "results": results}))


if __name__ == "__main__":
    main()
