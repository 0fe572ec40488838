"""Where the device token is kept when no keyring works: inside the profile's database,
whether the store was given the open Database or, as scripts written before that did, the
profile folder (an encrypted profile's database is then opened with its keyring key)."""

from __future__ import annotations

from fieldapp.db import Database, is_plain
from fieldapp.keys import ProfileKeys
from fieldapp.paths import resolve_profile
from sync.tokens import DATABASE, KEYRING, TokenStore


def test_given_the_folder_the_store_keeps_the_token_in_the_profiles_database(
        db, monkeypatch):
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    assert TokenStore(db.paths.root).save("tok-1") == DATABASE
    assert TokenStore(db).load() == "tok-1"  # the same database the app reads
    assert TokenStore(db.paths.root).load() == "tok-1"
    assert not TokenStore(db).legacy_file.exists()
    TokenStore(db.paths.root).clear()
    assert TokenStore(db).load() is None


def test_given_the_folder_of_an_encrypted_profile_it_opens_it_with_the_keyring_key(
        tmp_path, memory_keyring):
    paths = resolve_profile(tmp_path / "p")
    key, _recovery = ProfileKeys(paths.root).create()
    Database.open(paths, key=key).close()
    store = TokenStore(paths.root, use_keyring=False)  # the token itself not in a keyring
    assert store.save("tok-2") == DATABASE
    assert not is_plain(paths.database)
    assert b"tok-2" not in paths.database.read_bytes()
    assert store.load() == "tok-2"
    assert TokenStore(paths.root).save("tok-3") == KEYRING
    assert memory_keyring.get_password("cmcoord-field-kit", str(paths.root)) == "tok-3"
    assert TokenStore(paths.root, use_keyring=False).load() is None  # one place only


def test_an_earlier_versions_token_file_moves_into_the_database_and_is_destroyed(
        db, monkeypatch):
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")
    store = TokenStore(db)
    store.legacy_file.write_text("old-token\n", encoding="utf-8")
    assert store.load() == "old-token"
    assert not store.legacy_file.exists()
    assert TokenStore(db).load() == "old-token"
