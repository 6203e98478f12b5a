"""Runs generated SQLAlchemy modules for the builder's tests.

Reads a JSON manifest (path in argv[1]): a list of cases {id, module, dialect, setup, table,
select?} (select: the query that reads the after-state, default SELECT * of the table).
For each case it executes the module (which defines the table and `stmt` or `statements`), then:
- sqlite: runs the setup on an in-memory SQLite database, executes the statement(s) through
  SQLAlchemy and reports the table's rows and the returned rows;
- postgresql: compiles the statement(s) with the PostgreSQL dialect and reports the SQL with
  $n placeholders and the parameter values, for the test to run on PGlite.
Prints one JSON object {version, results: {id: {...}}}; a case that fails reports {error}.
"""
import datetime
import decimal
import json
import re
import runpy
import sys
import traceback

import sqlalchemy
from sqlalchemy import create_engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import UpdateBase

MAJOR = int(sqlalchemy.__version__.split(".")[0])


WRITE = re.compile(r"(INSERT|UPDATE|MERGE)\b", re.IGNORECASE)
LEADING_COMMENTS = re.compile(r"^(\s*--[^\n]*\n)*\s*")

def plain(value):
    """A JSON-friendly value, shaped like the Node tests normalise engine values."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"blob": bytes(value).hex()}
    if isinstance(value, decimal.Decimal):
        return str(value)  # exact; PostgreSQL reads it as numeric
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return str(value)  # beyond a JavaScript number's exact range
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def statements_of(ns):
    if "statements" in ns:
        return list(ns["statements"])
    return [ns["stmt"]]


class _RowlessResult:
    def __init__(self, result):
        self.result = result

    def first(self):
        return self.result.first()

    def all(self):
        return self.result.all() if self.result.returns_rows else []


class _RowlessConn:
    """A connection whose results answer all() with [] when a statement returned no rows
    (the RETURNING that 1.4 cannot compile for SQLite was dropped)."""

    def __init__(self, conn):
        self.conn = conn

    def execute(self, stmt):
        return _RowlessResult(self.conn.execute(stmt))


def run_sqlite(case, ns):
    engine = create_engine("sqlite://")
    stripped = False
    returned = []
    rendered = []
    with engine.begin() as conn:
        conn.connection.executescript(case["setup"])
        if "upsert" in ns:
            # Two-step application code: the function runs its select/update/insert itself.
            original = UpdateBase.returning
            target = conn
            if MAJOR < 2 and ".returning(" in case["code"]:
                # 1.4 cannot compile RETURNING on SQLite: run without it, rows unchecked.
                UpdateBase.returning = lambda self, *cols, **kw: self
                stripped = True
                target = _RowlessConn(conn)
            try:
                returned = [[plain(v) for v in row] for row in ns["upsert"](target)]
            finally:
                UpdateBase.returning = original
            table = case["table"].replace('"', '""')
            rows = conn.exec_driver_sql(case.get("select") or f'SELECT * FROM "{table}"').fetchall()
            return {
                "after": [[plain(v) for v in row] for row in rows],
                "returned": returned,
                "returningStripped": stripped,
                "rendered": [],
            }
        for stmt in statements_of(ns):
            if MAJOR < 2 and getattr(stmt, "_returning", None):
                # SQLAlchemy 1.4's SQLite dialect cannot compile RETURNING (added in 2.0):
                # check the rest of the statement and report that RETURNING went unchecked.
                stmt._returning = ()
                stripped = True
            text = str(stmt.compile(dialect=sqlite.dialect()))
            rendered.append(text)
            result = conn.execute(stmt)
            # Two-step scripts also SELECT; only the writes' rows are RETURNING output.
            if result.returns_rows and WRITE.match(LEADING_COMMENTS.sub("", text.strip())):
                returned.extend([[plain(v) for v in row] for row in result])
        table = case["table"].replace('"', '""')
        rows = conn.exec_driver_sql(case.get("select") or f'SELECT * FROM "{table}"').fetchall()
    return {
        "after": [[plain(v) for v in row] for row in rows],
        "returned": returned,
        "returningStripped": stripped,
        "rendered": rendered,
    }


PYFORMAT = re.compile(r"%%|%\(([^)]+)\)s")


def compile_pg(stmt):
    """The statement's SQL with $n placeholders, and its parameter values in order."""
    compiled = stmt.compile(dialect=postgresql.dialect())
    order = []

    def number(match):
        name = match.group(1)
        if name is None:  # an escaped percent sign
            return "%"
        if name not in order:
            order.append(name)
        return f"${order.index(name) + 1}"

    sql = PYFORMAT.sub(number, compiled.string)
    return {"sql": sql, "params": [plain(compiled.params[name]) for name in order]}


class _FakeResult:
    def __init__(self, found):
        self.found = found

    def first(self):
        return (1,) if self.found else None

    def all(self):
        return []


class _Recorder:
    """Stands in for a PostgreSQL connection: records each statement compiled for PostgreSQL
    and answers the lookup with "found" or "not found", so both branches can be recorded."""

    def __init__(self, found):
        self.found = found
        self.log = []

    def execute(self, stmt):
        self.log.append(compile_pg(stmt))
        return _FakeResult(self.found)


def run_postgres(case, ns):
    if "upsert" in ns:
        found, missing = _Recorder(True), _Recorder(False)
        ns["upsert"](found)
        ns["upsert"](missing)
        steps = []
        for i in range(0, len(found.log), 2):
            steps.append({"select": found.log[i], "update": found.log[i + 1], "insert": missing.log[i + 1]})
        return {"twoStep": steps}
    out = []
    for stmt in statements_of(ns):
        compiled = stmt.compile(dialect=postgresql.dialect())
        order = []

        def number(match):
            name = match.group(1)
            if name is None:  # an escaped percent sign
                return "%"
            if name not in order:
                order.append(name)
            return f"${order.index(name) + 1}"

        sql = PYFORMAT.sub(number, compiled.string)
        params = [plain(compiled.params[name]) for name in order]
        out.append({"sql": sql, "params": params})
    return {"statements": out}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = {}
    for case in cases:
        try:
            with open(case["module"], encoding="utf-8") as f:
                case["code"] = f.read()
            ns = runpy.run_path(case["module"])
            if case["dialect"] == "sqlite":
                results[case["id"]] = run_sqlite(case, ns)
            else:
                results[case["id"]] = run_postgres(case, ns)
        except Exception as exc:  # reported per case; the test shows it
            results[case["id"]] = {"error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
    print(json.dumps({"version": sqlalchemy.__version__, "results": results}))


if __name__ == "__main__":
    main()
