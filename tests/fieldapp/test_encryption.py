"""Encryption at rest: the profile's database, its WAL and backups hold no plain text; only
the right key opens them; a plain profile is converted once with nothing lost."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from fieldapp import encrypt
from fieldapp.db import PLAIN_HEADER, Database, backup_database, is_plain
from fieldapp.encrypt import encrypt_profile, recover_interrupted
from fieldapp.errors import (
    Cancelled,
    EncryptedDatabaseError,
    ForeignDatabaseError,
    NotEncryptedError,
    StorageError,
    WrongKeyError,
)
from fieldapp.keys import (
    DatabaseKey,
    NoKeyringError,
    ProfileKeyError,
    ProfileKeys,
    RecoveryKey,
    WrongPassphraseError,
)
from fieldapp.models import Contact
from fieldapp.paths import resolve_profile
from fieldapp.progress import Progress
from fieldapp.services.contacts import ContactInput, create_contact
from fieldapp.services.operations import OperationInput, create_operation

SECRET_NAMES = ["Zaynab Al-Haddad", "Зайнаб Аль-Хаддад", "扎伊纳卜·哈达德", "زينب الحداد"]


def _add_contacts(db: Database, names: list[str], *, copies: int = 1) -> None:
    with db.transaction() as session:
        operation = create_operation(session, OperationInput(
            name="Quake response", code="NPLEQ", country="NPL"))
        for n in range(copies):
            for name in names:
                create_contact(session, ContactInput(
                    full_name=f"{name} {n}" if copies > 1 else name, call_sign="Tango 1"),
                    operation_id=operation.id)


def _names_in(db: Database) -> set[str]:
    from sqlalchemy import select

    with db.session() as session:
        return set(session.scalars(select(Contact.full_name)))


def _names_in_backup(backup: Path, folder: Path, key: DatabaseKey) -> set[str]:
    """The contact names of a backup, restored as the database of a new profile."""
    copy = resolve_profile(folder)
    copy.root.mkdir()
    shutil.copy(backup, copy.database)
    restored = Database.open(copy, key=key)
    try:
        return _names_in(restored)
    finally:
        restored.close()


def _opens_as_plain_sqlite(file: Path, folder: Path) -> bool:
    """Whether Python's own SQLite reads a copy of `file` (with its WAL, as a thief would
    copy them) as a database."""
    import sqlite3 as plain_sqlite

    folder.mkdir()
    for suffix in ("", "-wal"):
        part = file.with_name(file.name + suffix)
        if part.exists():
            shutil.copy(part, folder / f"copy.sqlite{suffix}")
    conn = plain_sqlite.connect(folder / "copy.sqlite")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except plain_sqlite.DatabaseError:
        return False
    finally:
        conn.close()


def _every_byte(root: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file())


def _leaks(root: Path) -> list[str]:
    """The secret names (or a plain SQLite header) found in any file under `root`."""
    data = _every_byte(root)
    found = [name for name in SECRET_NAMES if name.encode("utf-8") in data]
    return found + (["plain SQLite header"] if PLAIN_HEADER in data else [])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_encrypted_profile_its_wal_and_backups_hold_no_plain_text(tmp_path):
    paths, key = resolve_profile(tmp_path / "p"), DatabaseKey.generate()
    db = Database.open(paths, key=key)
    try:
        _add_contacts(db, SECRET_NAMES)
        wal = paths.database.with_name(paths.database.name + "-wal")
        assert wal.stat().st_size > 0  # the names are in the log, not yet in the file
        assert _leaks(paths.root) == []
        backup = backup_database(paths, label="test", key=key)
        assert not is_plain(backup)
        assert _leaks(paths.root) == []
        assert not _opens_as_plain_sqlite(paths.database, tmp_path / "as-found")
        assert not _opens_as_plain_sqlite(backup, tmp_path / "backup-as-found")
    finally:
        db.close()
    again = Database.open(paths, key=key)
    try:
        assert _names_in(again) == set(SECRET_NAMES)
    finally:
        again.close()
    assert _names_in_backup(backup, tmp_path / "copy", key) == set(SECRET_NAMES)


def test_another_key_or_no_key_is_refused_and_the_file_left_untouched(tmp_path):
    paths, key = resolve_profile(tmp_path / "p"), DatabaseKey.generate()
    db = Database.open(paths, key=key)
    _add_contacts(db, SECRET_NAMES[:1])
    db.close()
    before = _digest(paths.database)
    with pytest.raises(WrongKeyError, match="does not open"):
        Database.open(paths, key=DatabaseKey.generate())
    with pytest.raises(EncryptedDatabaseError, match="is encrypted"):
        Database.open(paths)
    assert _digest(paths.database) == before


def test_a_key_given_for_a_plain_database_is_refused_until_it_is_encrypted(profile):
    with pytest.raises(NotEncryptedError, match="not encrypted yet"):
        Database.open(profile, key=DatabaseKey.generate())
    assert is_plain(profile.database)


def test_keys_without_a_keyring_need_a_passphrase_and_open_with_it_or_the_recovery_key(
        tmp_path, monkeypatch):
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    keys = ProfileKeys(tmp_path)
    assert not keys.keyring_works()
    with pytest.raises(NoKeyringError):
        keys.create()
    key, recovery = keys.create("correct horse battery")
    assert keys.has_passphrase()
    assert not keys.in_keyring()
    assert keys.keyring_key() is None
    assert keys.unlock("correct horse battery") == key
    with pytest.raises(WrongPassphraseError, match="does not open"):
        keys.unlock("correct horse battery ")
    assert not keys.check_passphrase("wrong horse battery")
    typed = recovery.text.lower().replace("-", " ").replace("o", "0")
    assert keys.unlock_with_recovery(typed) == key
    with pytest.raises(WrongPassphraseError, match="does not open"):
        keys.unlock_with_recovery(RecoveryKey.generate().text)
    with pytest.raises(WrongPassphraseError, match="32 letters"):
        keys.unlock_with_recovery("ABCD-EFGH")
    stored = keys.file.read_text("utf-8")
    assert key.raw.hex() not in stored
    assert recovery.text not in stored
    assert "<hidden>" in repr(key)
    assert key.raw.hex() not in repr(key)


def test_a_composed_and_a_decomposed_passphrase_are_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    keys = ProfileKeys(tmp_path)
    key, _recovery = keys.create("caf\u00e9 au lait noir")
    assert keys.unlock("cafe\u0301 au lait noir") == key


def test_the_keyring_keeps_the_key_and_a_passphrase_can_be_added_later(tmp_path,
                                                                         memory_keyring):
    keys = ProfileKeys(tmp_path)
    assert keys.keyring_works()
    key, _recovery = keys.create()
    assert keys.in_keyring()
    assert not keys.has_passphrase()
    assert ProfileKeys(tmp_path).keyring_key() == key
    assert key.raw.hex() not in keys.file.read_text("utf-8")
    keys.set_passphrase(key, "a new long passphrase")
    assert keys.unlock("a new long passphrase") == key
    keys.set_passphrase(key, "another long passphrase")
    assert not keys.check_passphrase("a new long passphrase")
    assert keys.check_passphrase("another long passphrase")
    assert keys.in_keyring()  # a passphrase added to a keyring profile keeps the keyring
    keys.forget()
    keys.forget()  # twice: nothing left to forget is no error
    assert keys.keyring_key() is None
    assert not keys.file.exists()
    assert memory_keyring.secrets == {}


def test_a_plaintext_keyring_is_not_trusted_with_the_key(tmp_path, monkeypatch):
    import keyring

    from tests.keyring_memory import MemoryKeyring

    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    monkeypatch.delenv("CMCOORD_NO_KEYRING", raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    try:
        assert not ProfileKeys(tmp_path).keyring_works()
        with pytest.raises(NoKeyringError):
            ProfileKeys(tmp_path).create()
    finally:
        keyring.set_keyring(before)


@pytest.mark.parametrize("damage", ["garbage", "other format", "costs", "newer"])
def test_a_damaged_or_doctored_key_file_is_refused_in_words(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    keys = ProfileKeys(tmp_path)
    keys.create("a long enough passphrase")
    data = json.loads(keys.file.read_text("utf-8"))
    if damage == "garbage":
        keys.file.write_text("{not json", "utf-8")
    elif damage == "other format":
        keys.file.write_text(json.dumps({**data, "format": "something else"}), "utf-8")
    elif damage == "costs":  # a memory cost that would take the laptop's memory
        data["wrapped"]["passphrase"]["memory_cost"] = 1 << 40
        keys.file.write_text(json.dumps(data), "utf-8")
    else:
        keys.file.write_text(json.dumps({**data, "version": 99}), "utf-8")
    match = "newer version" if damage == "newer" else "is damaged"
    with pytest.raises(ProfileKeyError, match=match):
        keys.unlock("a long enough passphrase")


def test_a_plain_profile_is_encrypted_once_with_its_backups_and_nothing_lost(profile):
    db = Database.open(profile)
    _add_contacts(db, SECRET_NAMES)
    db.close()
    backup_database(profile, label="old")  # a plain backup from before encryption
    key = DatabaseKey.generate()
    reports: list[int] = []
    done = encrypt_profile(profile, key, Progress(lambda n, total, _m: reports.append(n)))
    assert done.backups == 1
    assert done.rows >= len(SECRET_NAMES)
    assert reports[-1] == 100
    assert reports == sorted(reports)
    assert _leaks(profile.root) == []
    assert sorted(p.name for p in profile.root.iterdir() if "sqlite" in p.name) == [
        "fieldkit.sqlite"]
    opened = Database.open(profile, key=key)
    try:
        assert _names_in(opened) == set(SECRET_NAMES)
    finally:
        opened.close()
    [backup] = profile.backups.glob("fieldkit-*.sqlite")
    assert _names_in_backup(backup, profile.root.parent / "restored", key) == set(SECRET_NAMES)


def test_cancelling_the_encryption_leaves_the_plain_profile_as_it_was(profile):
    db = Database.open(profile)
    _add_contacts(db, SECRET_NAMES, copies=300)
    db.close()
    before = _digest(profile.database)
    progress = Progress(lambda n, _total, _m: progress.cancel() if n > 0 else None)
    with pytest.raises(Cancelled):
        encrypt_profile(profile, DatabaseKey.generate(), progress)
    assert _digest(profile.database) == before
    assert [p.name for p in profile.root.iterdir() if "encrypting" in p.name] == []


def test_a_copy_that_does_not_match_is_removed_and_the_plain_file_kept(profile, monkeypatch):
    db = Database.open(profile)
    _add_contacts(db, SECRET_NAMES)
    db.close()
    before = _digest(profile.database)
    real = encrypt._table_digests
    calls: list[int] = []

    def one_row_short(conn, schema="main"):  # the second read is the copy's
        digests = real(conn, schema)
        calls.append(1)
        if len(calls) == 2:
            count, digest = digests["contacts"]
            digests["contacts"] = (count - 1, digest)
        return digests

    monkeypatch.setattr(encrypt, "_table_digests", one_row_short)
    with pytest.raises(StorageError, match=r"did not match it \(contacts\)"):
        encrypt_profile(profile, DatabaseKey.generate())
    assert _digest(profile.database) == before
    assert is_plain(profile.database)
    assert not list(profile.root.glob("*.encrypting*"))


def test_another_programs_file_is_not_encrypted(profile):
    import sqlcipher3.dbapi2 as sqlite3

    profile.database.unlink()
    conn = sqlite3.connect(profile.database)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(profile.database)
    with pytest.raises(ForeignDatabaseError):
        encrypt_profile(profile, DatabaseKey.generate())
    assert _digest(profile.database) == before


def test_a_crash_between_the_two_renames_gives_the_plain_file_back(profile):
    plain = profile.database.with_name("fieldkit.sqlite.plain")
    profile.database.rename(plain)
    leftover = profile.database.with_name("fieldkit.sqlite.encrypting")
    leftover.write_bytes(b"half a copy")
    recover_interrupted(profile)
    assert is_plain(profile.database)
    assert not plain.exists()
    assert not leftover.exists()


def test_a_crash_after_the_swap_finishes_destroying_the_plain_file(tmp_path):
    paths, key = resolve_profile(tmp_path / "p"), DatabaseKey.generate()
    Database.open(paths, key=key).close()
    plain = paths.database.with_name("fieldkit.sqlite.plain")
    plain.write_bytes(PLAIN_HEADER + b"Zaynab Al-Haddad")
    recover_interrupted(paths)
    assert not plain.exists()
    assert not is_plain(paths.database)
    Database.open(paths, key=key).close()


def test_passphrase_rules():
    from fieldapp.keys import passphrase_problem

    assert passphrase_problem("short") is not None
    assert passphrase_problem("aaaaaaaaaaaa") is not None
    assert passphrase_problem("tea with two sugars") is None
    assert passphrase_problem("abcdefghi") is not None  # 9 characters
    assert passphrase_problem("abcdefghij") is None  # 10
    assert passphrase_problem(" abcdefghi ") is not None  # spaces around do not count
    assert passphrase_problem("abcabcabca") is not None  # 3 different characters
    assert passphrase_problem("abcdabcdab") is None  # 4


def test_the_recovery_key_alone_opens_the_data_when_keys_json_is_lost(tmp_path, monkeypatch):
    from fieldapp.db import key_opens

    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    paths = resolve_profile(tmp_path / "p")
    keys = ProfileKeys(paths.root)
    key, recovery = keys.create("a long enough passphrase")
    Database.open(paths, key=key).close()
    other = RecoveryKey.generate().text
    with pytest.raises(WrongPassphraseError, match="does not open"):  # told by keys.json
        keys.unlock_with_recovery(other)
    keys.file.unlink()
    assert keys.unlock_with_recovery(recovery.text, paths.database) == key
    with pytest.raises(WrongPassphraseError, match="does not open"):  # told by the file
        keys.unlock_with_recovery(other, paths.database)
    assert key_opens(paths.database, key)
    assert not key_opens(paths.database, DatabaseKey.generate())


def test_check_plain_profile_refuses_another_programs_file_untouched(tmp_path):
    import sqlcipher3.dbapi2 as sqlite3

    from fieldapp.db import check_plain_profile

    path = tmp_path / "fieldkit.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ForeignDatabaseError):
        check_plain_profile(path)
    assert _digest(path) == before


def test_the_recovery_key_opens_the_data_when_keys_json_is_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    paths = resolve_profile(tmp_path / "p")
    keys = ProfileKeys(paths.root)
    key, recovery = keys.create("a long enough passphrase")
    Database.open(paths, key=key).close()
    keys.file.write_text("{half a fi", "utf-8")
    with pytest.raises(ProfileKeyError, match="recovery key still can"):
        keys.unlock("a long enough passphrase")
    assert keys.unlock_with_recovery(recovery.text, paths.database) == key
    with pytest.raises(WrongPassphraseError):
        keys.unlock_with_recovery(RecoveryKey.generate().text, paths.database)


def test_every_connection_keeps_32_mib_of_decrypted_pages(tmp_path):
    from sqlalchemy import text

    db = Database.open(resolve_profile(tmp_path / "p"), key=DatabaseKey.generate())
    try:
        with db.session() as session:
            assert session.execute(text("PRAGMA cache_size")).scalar() == -32 * 1024
    finally:
        db.close()


# Written by this version (2026-12): every later version must read it the same way, or an
# officer's profile would no longer open after an upgrade.
KNOWN_RECOVERY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
KNOWN_KEY = "0de0a8249c218b1fe2d404ec0771bea6cafda501f9eee3e0377e71888249534e"
KNOWN_KEYS_JSON = {
    "format": "cmcoord-field-kit keys", "version": 1, "keyring": False,
    "wrapped": {
        "recovery": {"check": "49f8414042609aee1089ed9996de58c5"},
        "passphrase": {
            "kdf": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 4,
            "salt": "XtCTATOTL2gG1z32yqwXow==", "nonce": "nKXAacOq28+H17Wo",
            "sealed": "PLyeYy4/51eGufVK+0alejlCLD+eHNmCbJ/cwWkioOc0dot7fJDvUFboa8W6Be6n"},
    },
}


def test_a_key_file_and_recovery_key_of_this_version_open_the_same_key_in_later_ones(
        tmp_path, monkeypatch):
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    keys = ProfileKeys(tmp_path)
    keys.file.write_text(json.dumps(KNOWN_KEYS_JSON), "utf-8")
    assert keys.unlock("field kit 2026 vector").raw.hex() == KNOWN_KEY
    assert keys.unlock_with_recovery(KNOWN_RECOVERY).raw.hex() == KNOWN_KEY
    assert keys.has_passphrase()
    assert not keys.in_keyring()
    assert RecoveryKey.parse(KNOWN_RECOVERY).text == KNOWN_RECOVERY
    assert DatabaseKey(bytes.fromhex(KNOWN_KEY)).pragma == f"\"x'{KNOWN_KEY}'\""
    keys.set_passphrase(DatabaseKey(bytes.fromhex(KNOWN_KEY)), "another passphrase")
    written = json.loads(keys.file.read_text("utf-8"))
    assert written["format"] == "cmcoord-field-kit keys"
    assert written["version"] == 1
    assert written["keyring"] is False
    assert written["wrapped"]["recovery"] == KNOWN_KEYS_JSON["wrapped"]["recovery"]
    assert {name: written["wrapped"]["passphrase"][name] for name in
            ("kdf", "time_cost", "memory_cost", "parallelism")} == {
        "kdf": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 4}
    assert keys.unlock("another passphrase").raw.hex() == KNOWN_KEY


def test_a_larger_profile_reports_progress_while_it_is_copied_and_loses_nothing(profile):
    db = Database.open(profile)
    _add_contacts(db, SECRET_NAMES, copies=300)
    db.close()
    key, reports = DatabaseKey.generate(), []
    done = encrypt_profile(profile, key, Progress(lambda n, _t, _m: reports.append(n)))
    assert any(0 < n < 80 for n in reports)  # SQLite's progress handler reported, and
    assert done.rows >= 1200  # did not stop the copy
    opened = Database.open(profile, key=key)
    try:
        assert len(_names_in(opened)) == 1200
    finally:
        opened.close()


def test_a_crash_leaves_no_half_copy_of_a_backup(profile):
    profile.backups.mkdir()
    leftover = profile.backups / "fieldkit-20261201T000000Z-old.sqlite.encrypting"
    leftover.write_bytes(b"half a copy")
    recover_interrupted(profile)
    assert not leftover.exists()
    assert is_plain(profile.database)
