"""The profile database carries Field Kit's application id; another program's SQLite file
at the profile path is refused and left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite3  # the application's SQLite: its locks are per library

from fieldapp import migrations
from fieldapp.db import APPLICATION_ID, Database
from fieldapp.errors import DatabaseTooNewError, ForeignDatabaseError, StorageError
from fieldapp.paths import ProfilePaths, resolve_profile


def _read(path: Path, query: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchone()[0]
    finally:
        conn.close()


def _application_id(path: Path) -> int:
    return _read(path, "PRAGMA application_id")


def _revision(path: Path) -> str:
    return _read(path, "SELECT version_num FROM alembic_version")


def _run(path: Path, statements: list[str]) -> None:
    """Run and commit `statements`, then close (the WAL goes back into the file)."""
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def _without_id(path: Path) -> None:
    """As a Field Kit from before the application id left the file."""
    _run(path, ["PRAGMA application_id = 0"])


def _foreign_file(paths: ProfilePaths, *, statements: list[str]) -> bytes:
    paths.root.mkdir(parents=True)
    _run(paths.database, statements)
    return paths.database.read_bytes()


def test_the_id_spells_cmfk():
    assert APPLICATION_ID.to_bytes(4, "big") == b"CMFK"


def test_a_new_profile_has_the_application_id(tmp_path):
    paths = resolve_profile(tmp_path / "profile")
    Database.open(paths).close()
    assert _application_id(paths.database) == APPLICATION_ID


def test_an_old_profile_without_the_id_gets_it_on_upgrade(tmp_path):
    paths = resolve_profile(tmp_path / "profile")
    Database.open(paths, upgrade_to=migrations.REVISIONS[0]).close()
    _without_id(paths.database)
    Database.open(paths).close()
    assert _application_id(paths.database) == APPLICATION_ID
    assert _revision(paths.database) == migrations.HEAD


def test_an_up_to_date_profile_without_the_id_gets_it_when_opened(profile):
    _without_id(profile.database)
    Database.open(profile).close()
    assert _application_id(profile.database) == APPLICATION_ID
    assert not profile.backups.exists()  # no upgrade, so no copy


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    paths = resolve_profile(tmp_path / "profile")
    before = _foreign_file(paths, statements=[
        "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO recipes (name) VALUES ('Matapa')",
    ])

    with pytest.raises(ForeignDatabaseError) as raised:
        Database.open(paths)

    assert isinstance(raised.value, StorageError)  # shown as every storage error is
    assert str(paths.database) in raised.value.message
    assert "another program" in raised.value.message
    assert paths.database.read_bytes() == before
    assert not paths.backups.exists()


def test_another_programs_alembic_database_is_refused_not_called_newer(tmp_path):
    paths = resolve_profile(tmp_path / "profile")
    before = _foreign_file(paths, statements=[
        "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
        "INSERT INTO alembic_version VALUES ('3f2a9c1b7e44')",
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY)",
    ])
    with pytest.raises(ForeignDatabaseError):
        Database.open(paths)
    assert paths.database.read_bytes() == before


def test_a_file_with_another_programs_application_id_is_refused(tmp_path):
    paths = resolve_profile(tmp_path / "profile")
    before = _foreign_file(paths, statements=["PRAGMA application_id = 252006673"])  # Fossil
    with pytest.raises(ForeignDatabaseError):
        Database.open(paths)
    assert paths.database.read_bytes() == before


def test_a_file_with_our_tables_but_a_foreign_id_is_refused(profile):
    _run(profile.database, ["PRAGMA application_id = 1"])
    before = profile.database.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        Database.open(profile)
    assert profile.database.read_bytes() == before


def test_an_empty_sqlite_file_becomes_a_profile(tmp_path):
    """A first start stopped before any table was made leaves an empty database behind:
    nothing in it belongs to anyone, so it is set up as a new profile."""
    paths = resolve_profile(tmp_path / "profile")
    _foreign_file(paths, statements=["PRAGMA journal_mode = WAL"])
    Database.open(paths).close()
    assert _application_id(paths.database) == APPLICATION_ID
    assert _revision(paths.database) == migrations.HEAD


def test_a_newer_profile_is_still_called_newer(profile):
    _run(profile.database, ["UPDATE alembic_version SET version_num = '9999_from_the_future'"])
    with pytest.raises(DatabaseTooNewError):
        Database.open(profile)
