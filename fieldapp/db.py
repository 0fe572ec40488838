"""Opening a profile's SQLite database: checks, backup, migrations, sessions.

`Database.open(paths)` is the only way in. It refuses a file written by a newer version,
saves a copy before any schema upgrade (keeping the last five), runs the Alembic
migrations, and turns the ways a file can fail (locked, unreadable, read-only, disk full)
into a StorageError that says what happened and where the file is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp import migrations
from fieldapp.errors import DatabaseTooNewError, StorageError
from fieldapp.i18n import _
from fieldapp.outbox import FieldSession
from fieldapp.paths import KEEP_BACKUPS, ProfilePaths

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _foreign_keys_on(dbapi_conn: sqlite3.Connection, _record: Any, _proxy: Any) -> None:
    # A unit of work may turn the checks off for itself (rows from HQ arrive in HQ's
    # order): every other one gets them back, whatever the last user of the connection did.
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def make_engine(path: Path) -> Engine:
    """An engine on one SQLite file with WAL and foreign keys on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "checkout", _foreign_keys_on)
    return engine


def describe_sqlite_error(exc: BaseException, path: Path) -> str:
    """Turn an SQLite failure into a sentence an officer can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return _(
            "The database {path} is in use by another program, perhaps a second copy of "
            "Field Kit. Close it and try again."
        ).format(path=path)
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return _(
            "The file {path} is not a readable Field Kit database (it may be damaged). "
            "It was left untouched; copies made before upgrades are in {folder}."
        ).format(path=path, folder=path.parent / "backups")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return _(
            "Field Kit cannot write to {folder}. Check that the folder exists and that "
            "you may write to it, or choose another profile folder."
        ).format(folder=path.parent)
    if "disk is full" in text:  # SQLITE_FULL; not any text holding "full" (full_name)
        return _("The disk holding {path} is full. Free some space and try again.").format(
            path=path)
    # Translators: {detail} is SQLite's own message, in English.
    return _("The database {path} could not be used: {detail}").format(
        path=path, detail=getattr(exc, "orig", exc))


def _read_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file, or None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True,  # i18n: not shown
                           timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return found[0] if found else None
    finally:
        conn.close()


def backup_database(paths: ProfilePaths, *, label: str) -> Path:
    """Copy the database (consistently, WAL included) into backups/; keep the newest five."""
    paths.backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = paths.backups / f"fieldkit-{stamp}-{label}.sqlite"  # i18n: not shown
    src = sqlite3.connect(str(paths.database))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    for old in sorted(paths.backups.glob("fieldkit-*.sqlite"))[:-KEEP_BACKUPS]:
        old.unlink()
    return target


def _migration_engine(path: Path) -> Engine:
    """An engine whose transactions hold CREATE and DROP too.

    Python's sqlite3 driver runs DDL outside any transaction unless one is begun
    explicitly, so a migration failing half-way (a full disk after the backup) would keep
    its first DROPs and leave a schema no version can open. Following SQLAlchemy's recipe
    for pysqlite, the driver's own transaction handling is switched off and every
    transaction starts with BEGIN IMMEDIATE: an upgrade is applied whole or not at all.

    Foreign keys are off while migrating (SQLite ignores the pragma inside a transaction,
    and Alembic's batch mode copies tables that others refer to); `run_migrations`
    checks every reference before it commits instead.
    """
    engine = make_engine(path)

    def driver_autocommit(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")

    event.listen(engine, "connect", driver_autocommit)
    event.listen(engine, "checkout",  # after make_engine's own checkout listener
                 lambda dbapi_conn, *_: dbapi_conn.execute("PRAGMA foreign_keys=OFF"))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def run_migrations(path: Path, *, target: str = "head") -> None:
    """Upgrade the schema with Alembic in one transaction (Alembic is imported here:
    start-up skips it when the file is up to date)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    engine = _migration_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            before = set(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
            command.upgrade(config, target)
            after = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            broken = [row for row in after if row not in before]  # old damage is not ours
            if broken:  # raised inside the transaction: the upgrade is rolled back
                table, rowid, parent, _key = broken[0]
                raise sqlite3.IntegrityError(  # i18n: not shown
                    f"the upgrade to {target} would leave {len(broken)} broken reference(s), "
                    f"e.g. {table} row {rowid} pointing at a missing {parent}")
    finally:
        engine.dispose()


class Database:
    """An open profile database; hands out sessions, one per unit of work and thread."""

    def __init__(self, paths: ProfilePaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self._sessions = sessionmaker(bind=engine, class_=FieldSession, expire_on_commit=False)

    @classmethod
    def open(cls, paths: ProfilePaths, *, upgrade_to: str = migrations.HEAD) -> Database:
        """Open (creating if needed) and upgrade the profile's database; see module doc."""
        path = paths.database
        try:
            paths.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            # Translators: {reason} is the system's own words, e.g. "Permission denied".
            raise StorageError(
                _("Field Kit cannot create or write the profile folder {folder}: "
                  "{reason}. Choose another folder with --profile.").format(
                    folder=paths.root, reason=exc.strerror or exc),
                path=path,
            ) from exc
        try:
            revision = _read_revision(path)
        except sqlite3.Error as exc:
            raise StorageError(describe_sqlite_error(exc, path), path=path) from exc
        if revision is not None and revision not in migrations.REVISIONS:
            raise DatabaseTooNewError(
                _("The database {path} was written by a newer version of Field Kit "
                  "(schema {revision}). Install the newer version to open it; "
                  "this version has not changed the file.").format(
                    path=path, revision=revision),
                path=path,
            )
        engine = make_engine(path)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("BEGIN IMMEDIATE")  # fails now if another writer holds it
                conn.exec_driver_sql("ROLLBACK")
            if revision != upgrade_to:
                if revision is not None:
                    backup_database(paths, label=f"before-{upgrade_to}")
                run_migrations(path, target=upgrade_to)
        except (OperationalError, sqlite3.Error, OSError) as exc:
            engine.dispose()
            raise StorageError(describe_sqlite_error(exc, path), path=path) from exc
        return cls(paths, engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; nothing is committed unless the caller commits."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits on success and rolls back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            raise StorageError(describe_sqlite_error(exc, self.paths.database),
                               path=self.paths.database) from exc

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()
