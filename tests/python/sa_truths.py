"""Runs the claims the SQLAlchemy panel makes about SQLAlchemy itself, on SQLite, and prints
what happened as JSON for tests/engine/saTruths.test.ts to check."""
import json

import sqlalchemy
from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, event, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

out = {"version": sqlalchemy.__version__}

metadata = MetaData()
users = Table("users", metadata, Column("id", Integer, primary_key=True), Column("email", Text, unique=True), Column("name", Text))

# 1. Only the dialect inserts have on_conflict_do_update.
out["generic_has_on_conflict"] = hasattr(insert(users), "on_conflict_do_update")
try:
    insert(users).on_conflict_do_update(index_elements=["id"], set_={"name": "x"})
    out["generic_error"] = None
except AttributeError as exc:
    out["generic_error"] = type(exc).__name__
out["sqlite_has_on_conflict"] = hasattr(sqlite.insert(users), "on_conflict_do_update")
out["postgresql_has_on_conflict"] = hasattr(postgresql.insert(users), "on_conflict_do_update")


def engine_with_log():
    engine = create_engine("sqlite://")
    log = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany):
        log.append({"sql": " ".join(statement.split()), "executemany": executemany, "params": len(parameters) if executemany else 1})

    metadata.create_all(engine)
    return engine, log


# 2. session.merge(): SELECT by primary key, then INSERT or UPDATE; blind to other unique keys.
class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(Text, unique=True)
    name: Mapped[str | None] = mapped_column(Text)


engine, log = engine_with_log()
with engine.begin() as conn:
    conn.execute(users.insert().values(id=1, email="ann@x", name="Ann"))
merge = {}
for label, obj in (("existing", User(id=1, email="ann@x", name="Ann 2")), ("new", User(id=2, email="bob@x", name="Bob"))):
    with Session(engine) as session:
        del log[:]
        session.merge(obj)
        session.commit()
        merge[label] = [entry["sql"].split(" ")[0] for entry in log]
with Session(engine) as session:
    session.merge(User(id=3, email="ann@x", name="Other Ann"))
    try:
        session.commit()
        merge["other_key"] = None
    except IntegrityError as exc:
        merge["other_key"] = str(exc.orig)
out["merge"] = merge

# 3. One statement with many rows vs executemany vs a loop.
rows = [{"id": i, "email": f"u{i}@x", "name": f"U{i}"} for i in range(10, 15)]
bulk = {}
engine, log = engine_with_log()
del log[:]  # the CREATE TABLE
with engine.begin() as conn:
    stmt = sqlite.insert(users)
    bulk["values_list"] = (conn.execute(stmt.values(rows).on_conflict_do_nothing()), list(log))[1]
    del log[:]
    upsert = stmt.on_conflict_do_update(index_elements=[users.c.id], set_={"name": stmt.excluded.name})
    conn.execute(upsert, rows)
    bulk["executemany"] = list(log)
    del log[:]
    returned = conn.execute(upsert.returning(users.c.id), rows).all()
    bulk["executemany_returning"] = list(log)
    bulk["executemany_returning_rows"] = len(returned)
    del log[:]
    for row in rows:
        conn.execute(upsert.values(row))
    bulk["loop"] = list(log)
out["bulk"] = bulk

# 4. set_={"name": None} writes NULL; coalesce keeps the old value.
engine, log = engine_with_log()
with engine.begin() as conn:
    conn.execute(users.insert().values(id=1, email="ann@x", name="Ann"))
    stmt = sqlite.insert(users).values(id=1, email="ann@x", name=None)
    conn.execute(stmt.on_conflict_do_update(index_elements=[users.c.id], set_={"name": None}))
    out["set_none"] = conn.execute(select(users.c.name)).scalar_one()
    conn.execute(users.update().values(name="Ann"))
    conn.execute(stmt.on_conflict_do_update(index_elements=[users.c.id], set_={"name": func.coalesce(stmt.excluded.name, users.c.name)}))
    out["coalesce"] = conn.execute(select(users.c.name)).scalar_one()

print(json.dumps(out))
