"""Where the device token is kept: the OS keyring, else inside the profile's database.

The database is encrypted at rest (fieldapp/keys.py), so the token is never in a plain
file. Profiles enrolled before that kept it in a 0600 file `hq-token`; it is moved into the
keyring or the database the first time it is read, and the file deleted.

Whichever was used is returned by `save`, so the Sync screen can say where the token is.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from fieldapp.db import Database
from sync import local

SERVICE = "cmcoord-field-kit"
TOKEN_FILE = "hq-token"  # earlier versions' plain file; read once, then deleted
TOKEN_STATE = "hq_token"  # the sync state key holding it when no keyring works
KEYRING = "keyring"
DATABASE = "database"


class TokenStore:
    """The device token of one profile (keyring entry named after the profile folder).

    Give it the profile's open Database. Scripts written before the token moved into the
    database give the profile folder instead: the database is then opened for each read
    or write that needs it (its key from the keyring; none for a plain profile)."""

    def __init__(self, profile: Database | Path, *, use_keyring: bool = True) -> None:
        self.db = profile if isinstance(profile, Database) else None
        self.root: Path = profile.paths.root if isinstance(profile, Database) else Path(profile)
        self.use_keyring = use_keyring and os.environ.get("CMCOORD_NO_KEYRING") != "1"

    @contextlib.contextmanager
    def _database(self) -> Iterator[Database]:
        if self.db is not None:
            yield self.db
            return
        from fieldapp.db import is_plain
        from fieldapp.keys import ProfileKeys
        from fieldapp.paths import resolve_profile

        paths = resolve_profile(self.root)
        key = None if is_plain(paths.database) else ProfileKeys(self.root).keyring_key()
        db = Database.open(paths, key=key)
        try:
            yield db
        finally:
            db.close()

    @property
    def legacy_file(self) -> Path:
        """The plain file earlier versions kept the token in, when there was no keyring."""
        return self.root / TOKEN_FILE

    def _keyring_set(self, token: str) -> bool:
        if not self.use_keyring:
            return False
        try:
            import keyring

            keyring.set_password(SERVICE, str(self.root), token)
            return keyring.get_password(SERVICE, str(self.root)) == token
        except Exception:  # noqa: BLE001 - any backend failure means: use the database
            return False

    def _database_set(self, token: str) -> None:
        with self._database() as db, db.transaction() as session:
            local.set_state(session, TOKEN_STATE, token)

    def save(self, token: str) -> str:
        """Store the token; returns "keyring" or "database"."""
        if self._keyring_set(token):
            self._database_set("")  # one place only: a token left behind is a token lost
            where = KEYRING
        else:
            self._database_set(token)
            where = DATABASE
        self._destroy_legacy_file()
        return where

    def load(self) -> str | None:
        """The stored token, or None when this profile is not enrolled."""
        if self.use_keyring:
            try:
                import keyring

                token = keyring.get_password(SERVICE, str(self.root))
                if token:
                    return token
            except Exception:  # noqa: BLE001, S110 - fall through to the database
                pass
        with self._database() as db, db.session() as session:
            token = local.get_state(session, TOKEN_STATE)
        if token:
            return token
        return self._adopt_legacy_file()

    def _adopt_legacy_file(self) -> str | None:
        """Move an earlier version's plain token file into the keyring or the database."""
        try:
            token = self.legacy_file.read_text(encoding="utf-8").strip()
        except OSError:
            return None
        if not token:
            self._destroy_legacy_file()
            return None
        self.save(token)  # deletes the file once the token is kept elsewhere
        return token

    def _destroy_legacy_file(self) -> None:
        from fieldapp.encrypt import destroy

        if self.legacy_file.exists():
            destroy(self.legacy_file)

    def clear(self) -> None:
        """Forget the token everywhere (the database may be gone already: erasure)."""
        if self.use_keyring:
            try:
                import keyring

                keyring.delete_password(SERVICE, str(self.root))
            except Exception:  # noqa: BLE001, S110 - nothing stored there
                pass
        with contextlib.suppress(Exception):  # a closed or deleted database holds nothing
            self._database_set("")
        with contextlib.suppress(OSError):
            self._destroy_legacy_file()
