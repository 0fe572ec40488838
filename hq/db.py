"""The HQ database: engines for SQLite and PostgreSQL, migrations, sessions, the write lock.

Pull cursors are only safe if sequence numbers become visible in the order they were
given out. Writers therefore take one lock for the length of their transaction:
`BEGIN IMMEDIATE` on SQLite, a transaction-level advisory lock on PostgreSQL. Readers
(pull) take no lock; they read the high-water mark first and nothing above it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

HQ_APP_NAME = "cmcoord-hq"
HQ_DB_FILENAME = "hq.sqlite"
SQLITE_BUSY_MS = 30000
# Any constant will do; it only has to be the same for every writer of this database.
PG_WRITE_LOCK_KEY = 0x434D43  # "CMC"


def default_database_url() -> str:
    """A SQLite file in the HQ data folder (CMCOORD_HQ_HOME, else the platform's)."""
    home = os.environ.get("CMCOORD_HQ_HOME") or platformdirs.user_data_dir(
        HQ_APP_NAME, appauthor=False
    )
    folder = Path(home).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / HQ_DB_FILENAME}"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, below
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    readonly = conn.get_execution_options().get("hq_readonly", False)
    conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def make_engine(database_url: str) -> Engine:
    """An engine for SQLite (file, WAL, immediate write transactions) or PostgreSQL."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_size=20, max_overflow=40, pool_pre_ping=True)


def run_migrations(engine: Engine, *, target: str = "head") -> None:
    """Bring the HQ schema up to `target` with Alembic."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


class HqDatabase:
    """The open HQ database: write transactions (serialised) and read transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_postgres = engine.dialect.name == "postgresql"
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(hq_readonly=True), expire_on_commit=False
        )

    @classmethod
    def open(cls, database_url: str, *, migrate: bool = True) -> HqDatabase:
        """Connect, and upgrade the schema unless told not to."""
        engine = make_engine(database_url)
        if migrate:
            run_migrations(engine)
        return cls(engine)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that holds the write lock until it commits or rolls back."""
        with self._writer.begin() as session:
            if self.is_postgres:
                session.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK_KEY}
                )
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction for reading only; it takes no lock."""
        with self._reader.begin() as session:
            yield session

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()
