"""Upgrades on a full disk: the free space is checked first, a backup that fails leaves
nothing behind, and only a backup that opens and checks out lets the upgrade go on."""

from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlcipher3.dbapi2 as sqlite3  # the application's SQLite: its locks are per library

from fieldapp import migrations
from fieldapp.db import Database
from fieldapp.errors import StorageError
from fieldapp.paths import ProfilePaths, resolve_profile

OLD = "0007_handbook_words"


def _old_profile(tmp_path: Path, *, contacts: int = 0) -> ProfilePaths:
    """A profile one schema behind, as an older Field Kit left it (closed, WAL merged)."""
    paths = resolve_profile(tmp_path / "profile")
    Database.open(paths, upgrade_to=OLD).close()
    conn = sqlite3.connect(paths.database)
    with conn:
        for n in range(contacts):
            conn.execute("INSERT INTO contacts (id, given_name, family_name, role, emails, "
                         "phones, call_sign, satellite_phone, location, languages, notes, "
                         "favourite, deleted, updated_at) VALUES (?, 'Person', ?, '', '[]', "
                         "'[]', '', '', '', '', ?, 0, 0, '2026-01-01 00:00:00')",
                         (f"c{n}", f"Number {n}", "x" * 400))
    conn.close()  # the last connection merges the WAL back into the file
    return paths


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _free_space(monkeypatch: pytest.MonkeyPatch, free: int) -> list[Path]:
    """Pretend the disk has `free` bytes left (a full disk cannot be made here); returns
    the folders asked about."""
    asked: list[Path] = []

    def disk_usage(path: str | Path) -> SimpleNamespace:
        asked.append(Path(path))
        return SimpleNamespace(total=10**12, used=10**12 - free, free=free)

    monkeypatch.setattr(shutil, "disk_usage", disk_usage)
    return asked


def test_an_upgrade_without_room_for_its_backup_is_refused_and_names_the_sizes(
        tmp_path, monkeypatch):
    paths = _old_profile(tmp_path, contacts=100)
    size = paths.database.stat().st_size
    before = paths.database.read_bytes()
    asked = _free_space(monkeypatch, 3_000)

    with pytest.raises(StorageError) as raised:
        Database.open(paths)

    assert asked, "the free space was never checked"
    error = raised.value
    assert error.needed >= size  # the backup alone needs the whole file
    assert error.free == 3_000
    assert error.needed < 1_000_000
    # both sizes, as the officer reads them (the test runs in English)
    assert f"{round(error.needed / 1000):,} kB" in error.message
    assert "3 kB" in error.message
    assert paths.database.read_bytes() == before
    assert _revision(paths.database) == OLD
    assert not paths.backups.exists()


def test_the_space_asked_for_counts_the_write_ahead_log(tmp_path, monkeypatch):
    paths = _old_profile(tmp_path, contacts=50)
    holder = sqlite3.connect(paths.database)  # keeps the WAL from being merged back
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("UPDATE contacts SET notes = ?", ("y" * 2000,))
    holder.commit()
    wal = paths.database.with_name(paths.database.name + "-wal").stat().st_size
    assert wal > 0
    _free_space(monkeypatch, 10)
    try:
        with pytest.raises(StorageError) as raised:
            Database.open(paths)
    finally:
        holder.close()
    assert raised.value.needed >= paths.database.stat().st_size + wal


def test_an_upgrade_with_room_enough_goes_ahead(tmp_path, monkeypatch):
    paths = _old_profile(tmp_path, contacts=20)
    _free_space(monkeypatch, 10**9)
    Database.open(paths).close()
    assert _revision(paths.database) == migrations.HEAD
    assert len(list(paths.backups.glob("fieldkit-*.sqlite"))) == 1


@contextmanager
def _files_may_grow_to(limit: int):
    """A real write failure part-way through a file: past `limit` bytes the system refuses
    to write (EFBIG; Python ignores SIGXFSZ), as a full disk would."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")
def test_a_backup_cut_short_by_the_disk_leaves_no_partial_file(tmp_path):
    paths = _old_profile(tmp_path, contacts=300)
    size = paths.database.stat().st_size
    assert size > 120_000
    before = paths.database.read_bytes()

    with _files_may_grow_to(size // 2), pytest.raises(StorageError) as raised:
        Database.open(paths)

    assert list(paths.backups.iterdir()) == []  # nothing half-written is left
    assert "copy" in raised.value.message
    assert str(paths.backups) in raised.value.message
    assert paths.database.read_bytes() == before
    assert _revision(paths.database) == OLD
    Database.open(paths).close()  # once there is room, the upgrade runs
    assert _revision(paths.database) == migrations.HEAD
    assert len(list(paths.backups.iterdir())) == 1


def test_leftovers_of_an_interrupted_backup_are_cleared_by_the_next_one(tmp_path):
    paths = _old_profile(tmp_path)
    paths.backups.mkdir()
    stale = paths.backups / "fieldkit-20260101T000000000000Z-before-x.sqlite.part"
    stale.write_bytes(b"\0" * 4096)
    (paths.backups / (stale.name + "-journal")).write_bytes(b"\0" * 512)
    Database.open(paths).close()
    assert [p.suffix for p in paths.backups.iterdir()] == [".sqlite"]


def _damage_a_table(path: Path, table: str) -> None:
    """Scribble over the first page of `table`'s B-tree, as a failing disk might."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                        (table,)).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as stream:
        stream.seek((root - 1) * page_size)
        stream.write(b"\x2a" * 64)


def test_an_upgrade_is_refused_when_its_backup_does_not_check_out(tmp_path):
    paths = _old_profile(tmp_path, contacts=30)
    _damage_a_table(paths.database, "contacts")
    before = paths.database.read_bytes()

    with pytest.raises(StorageError) as raised:
        Database.open(paths)

    assert "damaged" in raised.value.message
    assert paths.database.read_bytes() == before
    assert list(paths.backups.glob("fieldkit-*")) == []
