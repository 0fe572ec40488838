"""Opening a profile's SQLite database: checks, backup, migrations, sessions.

`Database.open(paths)` is the only way in. It refuses another program's SQLite file (told
apart by `PRAGMA application_id`) and a file written by a newer version, saves a checked
copy before any schema upgrade (keeping the last five; refused first when the disk lacks
room for it), runs the Alembic migrations, and turns the ways a file can fail (locked,
unreadable, read-only, disk full) into a StorageError that says what happened and where.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# SQLCipher's build of SQLite: it reads and writes plain SQLite files too, so one driver
# (and one family of exceptions) serves encrypted profiles, plain ones and their backups.
import sqlcipher3.dbapi2 as sqlite3  # the alias keeps the stdlib module's names
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp import migrations
from fieldapp.errors import (
    DatabaseTooNewError,
    DiskSpaceError,
    EncryptedDatabaseError,
    ForeignDatabaseError,
    NotEncryptedError,
    StorageError,
    WrongKeyError,
)
from fieldapp.i18n import _, locale
from fieldapp.keys import DatabaseKey
from fieldapp.outbox import FieldSession
from fieldapp.paths import KEEP_BACKUPS, ProfilePaths

BUSY_TIMEOUT_MS = 5000
# Pages kept decrypted per connection, in KiB (SQLCipher's build defaults to 8 MB). An
# encrypted page read again from the OS's cache is decrypted and its HMAC checked again;
# with 32 MiB, bench.search's p95 on the 100,000-contact profile went from 34-48 ms to
# 20 ms (plain: 10).
CACHE_KIB = 32 * 1024
# PRAGMA application_id of every profile database: "CMFK" in ASCII, so `file` and other
# programs can tell our files from theirs, and we can tell theirs from ours.
APPLICATION_ID = int.from_bytes(b"CMFK", "big")
PLAIN_HEADER = b"SQLite format 3\x00"  # the first bytes of every unencrypted SQLite file


def connect(path: Path, key: DatabaseKey | None, *, read_only: bool = False
            ) -> sqlite3.Connection:
    """A DB-API connection to one file, keyed first when `key` is given (SQLCipher reads
    nothing of the file before the key). Plain files open with `key=None`.

    Every connection to a profile's files in this process must come from SQLCipher's
    SQLite (this function or `make_engine`): SQLite's locks are POSIX locks, which a second
    copy of SQLite in the same process (Python's own sqlite3) neither sees nor keeps."""
    mode = "ro" if read_only else "rwc"
    conn = sqlite3.connect(f"file:{path}?mode={mode}", uri=True,  # i18n: not shown
                           timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    _key_connection(conn, key)
    return conn


def key_opens(path: Path, key: DatabaseKey) -> bool:
    """Whether `key` opens the encrypted database at `path` (reads its first page)."""
    try:
        conn = connect(path, key, read_only=True)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def check_plain_profile(path: Path) -> None:
    """Refuse (in words, changing nothing) a plain file Field Kit must not encrypt or open:
    another program's database, or one written by a newer version."""
    _checked_state(path, None)


def _key_connection(conn: sqlite3.Connection, key: DatabaseKey | None) -> None:
    # SQLCipher logs a wrong key's failed page checks on stderr; the error says it already
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = {key.pragma}")


def is_plain(path: Path) -> bool:
    """Whether the file holds an unencrypted SQLite database (by its first 16 bytes)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def _foreign_keys_on(dbapi_conn: sqlite3.Connection, _record: Any, _proxy: Any) -> None:
    # A unit of work may turn the checks off for itself (rows from HQ arrive in HQ's
    # order): every other one gets them back, whatever the last user of the connection did.
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def _json_text(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def make_engine(path: Path, key: DatabaseKey | None = None) -> Engine:
    """An engine on one SQLite file (encrypted with `key` when given) with WAL and foreign
    keys on every connection."""
    # JSON columns with their keys sorted: a row pulled from HQ ends byte for byte as the
    # device that made it wrote it, whatever order HQ's database keeps keys in
    # (PostgreSQL's jsonb orders them its own way).
    engine = create_engine(f"sqlite:///{path}", module=sqlite3, json_serializer=_json_text)
    # the key before anything reads the file: the first listener of every new connection
    event.listen(engine, "connect", lambda dbapi_conn, _record: _key_connection(
        dbapi_conn, key))
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


@dataclass(frozen=True)
class _FileState:
    """What a quick read-only look at an existing database file found."""

    application_id: int
    revision: str | None  # None when there is no alembic_version row
    names: frozenset[str]  # every table, index, view and trigger in the file


# Tables every Field Kit schema since 0001_initial has: with our version table and one of
# our revisions, they mark a profile written before the application id was set.
_OUR_TABLES = frozenset({"alembic_version", "operations", "contacts", "outbox"})


def _inspect(path: Path, key: DatabaseKey | None) -> _FileState | None:
    """The file's application id, revision and schema names; None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    conn = connect(path, key, read_only=True)
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        names = frozenset(row[0] for row in conn.execute("SELECT name FROM sqlite_master"))
        revision = None
        if "alembic_version" in names:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
        return _FileState(application_id, revision, names)
    finally:
        conn.close()


def _is_ours(state: _FileState) -> bool:
    """Whether Field Kit may open (and upgrade) the file: it carries our application id, or
    it is an older profile from before the id (our tables, one of our revisions), or it
    holds nothing at all (a first start that stopped before making any table)."""
    if state.application_id == APPLICATION_ID:
        return True
    if state.application_id != 0:
        return False
    if not state.names:
        return True
    return state.names >= _OUR_TABLES and state.revision in migrations.REVISIONS


def _format_size(size: int) -> str:
    """A number of bytes as the officer's language writes sizes ("840 kB", "1,2 Go")."""
    from babel.units import format_unit

    if size < 1_000_000:
        value, unit, pattern = size / 1000, "digital-kilobyte", "#,##0"
    elif size < 1_000_000_000:
        value, unit, pattern = size / 1_000_000, "digital-megabyte", "#,##0.0"
    else:
        value, unit, pattern = size / 1_000_000_000, "digital-gigabyte", "#,##0.0"
    return format_unit(value, unit, length="short", format=pattern, locale=locale())


def check_room(paths: ProfilePaths, sentence: str) -> None:
    """Refuse, changing nothing, when the disk cannot hold a copy of the database (its
    file and write-ahead log) and as much again for the copy's own journal: an upgrade may
    rewrite every table, and a disk filling half-way would only waste the copy.
    `sentence` says what needs the room, with {path}, {folder}, {needed} and {free}."""
    database = paths.database.stat().st_size
    wal = paths.database.with_name(paths.database.name + "-wal")  # i18n: not shown
    backup = database + (wal.stat().st_size if wal.exists() else 0)
    needed = backup + database
    folder = paths.backups if paths.backups.exists() else paths.root
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise DiskSpaceError(
            sentence.format(path=paths.database, folder=paths.backups,
                            needed=_format_size(needed), free=_format_size(free)),
            path=paths.database, needed=needed, free=free,
        )


def remove_with_sidecars(file: Path) -> None:
    """Remove an SQLite file and the journal files SQLite may have left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        file.with_name(file.name + suffix).unlink(missing_ok=True)


def _check_backup(file: Path, key: DatabaseKey | None) -> str | None:
    """Open a finished copy read-only and run SQLite's check; None when all is well, else
    the first problem SQLite reports."""
    try:
        conn = connect(file, key, read_only=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:  # damage bad enough that the check cannot even run
        return str(exc)
    return None if problems == ["ok"] else problems[0]


def backup_database(paths: ProfilePaths, *, label: str, key: DatabaseKey | None = None) -> Path:
    """Copy the database (consistently, WAL included) into backups/ and check that the copy
    opens and is sound; keep the newest five. An encrypted database's copy is encrypted
    with the same key. On a disk too full for it, refuse before writing anything; a copy
    that fails or does not check out is removed."""
    check_room(paths, _(
        "Field Kit must upgrade the database {path}, and first saves a copy of it in "
        "{folder}. That needs {needed} of free disk space, and {free} is free. Free some "
        "space and start Field Kit again; the database was not changed."))
    paths.backups.mkdir(parents=True, exist_ok=True)
    for leftover in paths.backups.glob("fieldkit-*.sqlite.part*"):  # an earlier crash's
        leftover.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = paths.backups / f"fieldkit-{stamp}-{label}.sqlite"  # i18n: not shown
    partial = target.with_name(target.name + ".part")  # never taken for a backup: see glob
    try:
        with closing(connect(paths.database, key)) as src, \
                closing(connect(partial, key)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    except (sqlite3.Error, OSError) as exc:
        remove_with_sidecars(partial)
        # Translators: {reason} is SQLite's or the system's own words, in English.
        raise StorageError(
            _("Field Kit could not save a copy of {path} in {folder} before upgrading it: "
              "{reason}. The unfinished copy was removed and the database was not changed. "
              "Free some disk space and start Field Kit again.").format(
                path=paths.database, folder=paths.backups, reason=exc),
            path=paths.database,
        ) from exc
    problem = _check_backup(partial, key)
    if problem is not None:
        remove_with_sidecars(partial)
        # Translators: {detail} is SQLite's own description of the damage, in English.
        raise StorageError(
            _("The database {path} is damaged, so it was not upgraded: a copy of it does "
              "not pass SQLite's check ({detail}). The database was not changed; copies "
              "made before earlier upgrades are in {folder}.").format(
                path=paths.database, detail=problem, folder=paths.backups),
            path=paths.database,
        )
    os.replace(partial, target)
    for old in sorted(paths.backups.glob("fieldkit-*.sqlite"))[:-KEEP_BACKUPS]:
        old.unlink()
    return target


def _migration_engine(path: Path, key: DatabaseKey | None = None) -> Engine:
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
    engine = make_engine(path, key)

    def driver_autocommit(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")

    event.listen(engine, "connect", driver_autocommit)
    event.listen(engine, "checkout",  # after make_engine's own checkout listener
                 lambda dbapi_conn, *_: dbapi_conn.execute("PRAGMA foreign_keys=OFF"))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def run_migrations(path: Path, *, target: str = "head", key: DatabaseKey | None = None) -> None:
    """Upgrade the schema with Alembic in one transaction (Alembic is imported here:
    start-up skips it when the file is up to date)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    engine = _migration_engine(path, key)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            # set in the same transaction: a file is ours once it holds our schema
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
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


def _checked_state(path: Path, key: DatabaseKey | None) -> _FileState | None:
    """What the file at `path` holds, once it is known Field Kit may open it with `key`:
    None for a new file; refusals (each a StorageError in words) otherwise."""
    exists = path.exists() and path.stat().st_size > 0
    if exists and key is None and not is_plain(path):
        raise EncryptedDatabaseError(
            _("The database {path} is encrypted, and Field Kit was not given its key. "
              "Start Field Kit itself to open it; it asks for the passphrase when the "
              "system keyring does not hold the key.").format(path=path), path=path)
    if exists and key is not None and is_plain(path):
        raise NotEncryptedError(
            _("The database {path} is not encrypted yet; Field Kit encrypts it before "
              "opening it.").format(path=path), path=path)
    try:
        state = _inspect(path, key)
    except sqlite3.DatabaseError as exc:
        if key is not None and "not a database" in str(exc):
            raise WrongKeyError(
                _("The key Field Kit was given does not open the database {path}: the "
                  "file belongs to another profile or computer, or it is damaged. It was "
                  "left untouched.").format(path=path), path=path) from exc
        raise StorageError(describe_sqlite_error(exc, path), path=path) from exc
    except sqlite3.Error as exc:
        raise StorageError(describe_sqlite_error(exc, path), path=path) from exc
    if state is not None and not _is_ours(state):
        raise ForeignDatabaseError(
            _("The file {path} is a database of another program, not a Field Kit "
              "profile. It was left untouched. Move it elsewhere, or choose another "
              "profile folder with --profile.").format(path=path),
            path=path,
        )
    if state is not None and state.revision is not None \
            and state.revision not in migrations.REVISIONS:
        raise DatabaseTooNewError(
            _("The database {path} was written by a newer version of Field Kit "
              "(schema {revision}). Install the newer version to open it; "
              "this version has not changed the file.").format(
                path=path, revision=state.revision),
            path=path,
        )
    return state


class Database:
    """An open profile database; hands out sessions, one per unit of work and thread."""

    def __init__(self, paths: ProfilePaths, engine: Engine,
                 key: DatabaseKey | None = None) -> None:
        self.paths = paths
        self.engine = engine
        self.key = key  # for backups and copies of this database, encrypted alike
        self._sessions = sessionmaker(bind=engine, class_=FieldSession, expire_on_commit=False)

    @classmethod
    def open(cls, paths: ProfilePaths, *, key: DatabaseKey | None = None,
             upgrade_to: str = migrations.HEAD) -> Database:
        """Open (creating if needed) and upgrade the profile's database; see module doc.

        With `key`, the database is encrypted (a new one is created encrypted); a plain
        file is refused (NotEncryptedError: `fieldapp.encrypt.encrypt_profile` converts it
        first) and so is a key that does not open the file (WrongKeyError). Without a key,
        only a plain file opens (EncryptedDatabaseError otherwise)."""
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
        state = _checked_state(path, key)
        revision = state.revision if state is not None else None
        engine = make_engine(path, key)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("BEGIN IMMEDIATE")  # fails now if another writer holds it
                conn.exec_driver_sql("ROLLBACK")
            if revision != upgrade_to:
                if revision is not None:
                    backup_database(paths, label=f"before-{upgrade_to}", key=key)
                run_migrations(path, target=upgrade_to, key=key)  # sets the application id
            elif state is not None and state.application_id != APPLICATION_ID:
                with engine.connect() as conn:  # a profile from before the id, up to date
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.commit()
        except (OperationalError, sqlite3.Error, OSError) as exc:
            engine.dispose()
            raise StorageError(describe_sqlite_error(exc, path), path=path) from exc
        except StorageError:  # the backup's own refusals, already in words
            engine.dispose()
            raise
        return cls(paths, engine, key)

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
