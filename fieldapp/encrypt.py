"""Encrypting a plain profile, once: copy, verify, swap, then destroy the plain files.

Profiles made before encryption at rest hold a plain SQLite file (and plain backups).
`encrypt_profile` converts one, so that a crash at any moment leaves either the plain
profile as it was or the encrypted one, never neither and never half of one:

1. the plain file is checked (ours, not newer) and its WAL merged into it;
2. SQLCipher copies it into `fieldkit.sqlite.encrypting` (`sqlcipher_export`);
3. the copy is verified: SQLite's check, then every table's rows, compared by digest;
4. the plain file is renamed `….plain` and the copy takes its name;
5. each backup is encrypted the same way;
6. the plain files are overwritten with zeros and deleted.

`recover_interrupted` (run first, and by `Database.open`'s caller at start) finishes or
undoes whatever a crash cut short. The plain file stays untouched until step 4, so it is
the backup of this conversion; the copy is made only when the disk has room for it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from fieldapp.db import (
    check_plain_profile,
    check_room,
    connect,
    describe_sqlite_error,
    is_plain,
    remove_with_sidecars,
    sqlite3,
)
from fieldapp.errors import Cancelled, StorageError
from fieldapp.i18n import _
from fieldapp.keys import DatabaseKey
from fieldapp.paths import ProfilePaths
from fieldapp.progress import Progress

ENCRYPTING = ".encrypting"  # the copy being made  # i18n: not shown
PLAIN = ".plain"  # the plain file, between the swap and its destruction  # i18n: not shown
_PROGRESS_EVERY = 20_000  # SQLite virtual-machine steps between progress reports
_SIDECARS = ("", "-journal", "-wal", "-shm")


@dataclass(frozen=True)
class Encrypted:
    """What `encrypt_profile` did: rows copied and checked, backups converted."""

    tables: int
    rows: int
    backups: int


def _beside(file: Path, suffix: str) -> Path:
    return file.with_name(file.name + suffix)


def destroy(file: Path) -> None:
    """Overwrite a plain file (and its journals) with zeros, then delete it.

    On an SSD or a journalling file system the old blocks may survive elsewhere; the
    overwrite still keeps the data from an undelete tool and from the recycle bin."""
    for suffix in _SIDECARS:
        part = _beside(file, suffix)
        try:
            size = part.stat().st_size
        except OSError:
            continue
        try:
            with open(part, "r+b") as handle:
                left = size
                while left > 0:
                    left -= handle.write(bytes(min(left, 1 << 20)))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            pass  # deleting still helps; the caller reports what could not be deleted
        part.unlink(missing_ok=True)


def recover_interrupted(paths: ProfilePaths) -> None:
    """Finish or undo an encryption a crash cut short (nothing to do otherwise)."""
    database = paths.database
    plain = _beside(database, PLAIN)
    if plain.exists():
        if database.exists():  # the encrypted copy was in place: finish the clean-up
            destroy(plain)
        else:  # cut between the two renames: the plain file is still the data
            os.replace(plain, database)
    remove_with_sidecars(_beside(database, ENCRYPTING))
    if paths.backups.exists():
        for leftover in paths.backups.glob(f"*{ENCRYPTING}"):
            remove_with_sidecars(leftover)


def _table_digests(conn: sqlite3.Connection, schema: str = "main") -> dict[str, tuple[int, str]]:
    """Each ordinary table's row count and SHA-256 of its rows, read in storage order."""
    digests: dict[str, tuple[int, str]] = {}
    names = [row[0] for row in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # i18n: not shown
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        digest, count = hashlib.sha256(), 0
        for row in conn.execute(f"SELECT * FROM {schema}.{quoted}"):  # i18n: not shown
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
            count += 1
        digests[name] = (count, digest.hexdigest())
    return digests


def _copy_encrypted(source: Path, target: Path, key: DatabaseKey,
                    on_step: Callable[[], bool]) -> dict[str, tuple[int, str]]:
    """Copy the plain `source` into a new encrypted `target` and verify it; returns the
    digests both agree on. Raises StorageError (copy removed) when they do not."""
    remove_with_sidecars(target)
    with closing(connect(source, None)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), key.pragma[1:-1]))
        conn.set_progress_handler(lambda: 1 if on_step() else 0, _PROGRESS_EVERY)
        try:
            conn.execute("SELECT sqlcipher_export('encrypted')")
        finally:
            conn.set_progress_handler(None, 0)
        conn.execute(f"PRAGMA encrypted.application_id = {int(application_id)}")
        conn.execute(f"PRAGMA encrypted.user_version = {int(user_version)}")
        conn.commit()
        conn.execute("DETACH DATABASE encrypted")
        expected = _table_digests(conn)
    with closing(connect(target, key, read_only=True)) as copy:
        checked = [row[0] for row in copy.execute("PRAGMA quick_check")]
        found = _table_digests(copy)
    if checked != ["ok"] or found != expected:
        remove_with_sidecars(target)
        differing = sorted(name for name in expected.keys() | found.keys()
                           if expected.get(name) != found.get(name))
        # Translators: {detail} names the tables whose copy differed, or SQLite's words.
        raise StorageError(
            _("The encrypted copy of {path} did not match it ({detail}), so it was "
              "removed and the data stays as it was. Start Field Kit again to retry; if "
              "this happens again, keep a copy of the profile folder and report it.").format(
                path=source, detail=", ".join(differing) or checked[0]),
            path=source)
    return expected


def encrypt_profile(paths: ProfilePaths, key: DatabaseKey,
                    progress: Progress | None = None) -> Encrypted:
    """Encrypt the plain profile at `paths` with `key` (see the module's steps).

    Raises StorageError (and its kinds: foreign file, newer version, no disk space) with
    nothing changed, or Cancelled when the officer stopped it before the swap."""
    progress = progress or Progress()
    recover_interrupted(paths)
    database = paths.database
    if not is_plain(database):  # i18n: not shown
        raise ValueError(f"{database} is not a plain SQLite file")
    check_plain_profile(database)  # refuses another program's file, or a newer one
    check_room(paths, _(
        "Field Kit must encrypt the database {path}, and first writes an encrypted copy "
        "of it beside it. That needs {needed} of free disk space, and {free} is free. "
        "Free some space and start Field Kit again; the database was not changed."))
    size = max(database.stat().st_size, 1)
    target = _beside(database, ENCRYPTING)
    message = _("Encrypting your data…")

    def on_step() -> bool:  # SQLite's progress handler: True stops it (cancelled)
        try:
            written = target.stat().st_size
        except OSError:
            written = 0
        try:
            progress.report(min(written, size) * 80 // size, 100, message)
        except Cancelled:
            return True
        return False

    try:
        digests = _copy_encrypted(database, target, key, on_step)
        progress.report(85, 100, _("Checking the encrypted copy…"))
    except (sqlite3.Error, Cancelled) as exc:
        remove_with_sidecars(target)
        if progress.cancelled:
            raise Cancelled() from exc
        raise StorageError(describe_sqlite_error(exc, database), path=database) from exc
    plain = _beside(database, PLAIN)
    os.replace(database, plain)  # from here on, no cancelling: the copy is the data
    os.replace(target, database)
    converted = _encrypt_backups(paths, key)
    progress.report(95, 100, _("Removing the unencrypted files…"))
    destroy(plain)
    progress.report(100, 100, message)
    return Encrypted(tables=len(digests), rows=sum(count for count, _d in digests.values()),
                     backups=converted)


def _encrypt_backups(paths: ProfilePaths, key: DatabaseKey) -> int:
    """Encrypt each plain backup in place; a backup that cannot be copied is destroyed,
    since a plain copy of the data must not outlive the conversion. Returns how many were
    encrypted."""
    if not paths.backups.exists():
        return 0
    converted = 0
    for backup in sorted(paths.backups.glob("fieldkit-*.sqlite")):
        if not is_plain(backup):
            continue
        target = _beside(backup, ENCRYPTING)
        try:
            _copy_encrypted(backup, target, key, lambda: False)
        except (sqlite3.Error, StorageError, OSError):
            remove_with_sidecars(target)
            destroy(backup)
            continue
        plain = _beside(backup, PLAIN)
        os.replace(backup, plain)
        os.replace(target, backup)
        destroy(plain)
        converted += 1
    return converted

