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


def run_sqlite(case, ns):
    engine = create_engine("sqlite://")
    stripped = False
    returned = []
    rendered = []
    with engine.begin() as conn:
        conn.connection.executescript(case["setup"])
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


def run_postgres(case, ns):
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
