"""Engines, transactions, schema upgrades, and turning database failures into ClassError.

SQLite (the default): WAL journal (readers never wait for the writer), a 2 s busy timeout,
foreign keys on, and transactions opened by us: ``BEGIN IMMEDIATE`` for a write (it takes
the write lock at once, so two writers queue on the busy timeout instead of failing on a
lock upgrade), plain ``BEGIN`` for a read.

PostgreSQL (``postgresql+psycopg://``): 2 s connect timeout, 5 s statement timeout,
2 s lock timeout, TCP keepalives; rows that must not race are locked ``FOR UPDATE``.

Both: ``pool_pre_ping`` (a dead pooled connection is replaced, a dead server fails the
call), a 3 s wait for a free pooled connection. Any database failure inside
:func:`transaction` becomes ``ClassError("database_down")`` with the original chained.
"""
from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from .errors import ClassError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_MS = 2000
PG_CONNECT_TIMEOUT_S = 2
PG_STATEMENT_TIMEOUT_MS = 5000
PG_LOCK_TIMEOUT_MS = 2000
POOL = {"pool_pre_ping": True, "pool_size": 10, "max_overflow": 20, "pool_timeout": 3}
_WRITE = "classroom_write"  # execution option read by the SQLite "begin" hook
_UPGRADE_LOCK = 0x524E4E4C  # PostgreSQL advisory lock key ("RNNL") held while migrating



def _is_database_error(exc: BaseException) -> bool:
    """SQLAlchemy's errors, and the drivers' or Alembic's own should one escape unwrapped.

    psycopg and Alembic are looked up only if already imported (the app need not load them).
    """
    if isinstance(exc, (SQLAlchemyError, sqlite3.Error)):
        return True
    others = [getattr(sys.modules.get("psycopg"), "Error", None), getattr(sys.modules.get("alembic.util"), "CommandError", None)]
    return any(kind is not None and isinstance(exc, kind) for kind in others)


def make_engine(database_url: str) -> Engine:
    """An engine for ``database_url`` with the timeouts above (SQLite's folder is created)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if url.get_backend_name() == "postgresql":
        defaults = {
            "connect_timeout": PG_CONNECT_TIMEOUT_S,
            "options": f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS} -c lock_timeout={PG_LOCK_TIMEOUT_MS}",
            "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3,
            "application_name": "rnnlab-classroom",
        }
        connect_args = {key: value for key, value in defaults.items() if key not in url.query}
        return create_engine(url, connect_args=connect_args, pool_recycle=1800, **POOL)
    raise ValueError(f"RNNLAB_DATABASE_URL: unsupported database {url.get_backend_name()!r} (sqlite or postgresql)")


def _sqlite_engine(url) -> Engine:
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False}, **POOL)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver opens no transaction; _on_begin does
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def transaction(engine: Engine, *, write: bool) -> Iterator[Connection]:
    """A connection inside one transaction, committed on success, rolled back on any error.

    Database and driver errors (server gone, lock or statement timeout, pool exhausted)
    are raised as ``ClassError("database_down")``; a ClassError from the body passes as is.
    """
    try:
        with engine.connect() as connection:
            if write:
                connection.execution_options(**{_WRITE: True})
            with connection.begin():
                yield connection
    except Exception as exc:
        if isinstance(exc, ClassError) or not _is_database_error(exc):
            raise
        log.warning("classroom database error: %s", exc.__class__.__name__, exc_info=log.isEnabledFor(logging.DEBUG))
        raise ClassError("database_down", exc.__class__.__name__) from exc


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision: idempotent, one process at a time.

    SQLite serialises it with BEGIN IMMEDIATE (its DDL is transactional under our own
    BEGIN), PostgreSQL with a transaction-level advisory lock. Alembic is imported here,
    on first use, to keep ``import classroom`` light.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with transaction(engine, write=True) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(_UPGRADE_LOCK)))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
