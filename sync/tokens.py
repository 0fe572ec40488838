"""Where the device token is kept: the OS keyring, else a 0600 file in the profile.

Whichever was used is returned, so the UI can say so ("kept in a file readable only by
you" is weaker than the keyring and the officer should know).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

SERVICE = "cmcoord-field-kit"
TOKEN_FILE = "hq-token"
KEYRING = "keyring"
FILE = "file"


class TokenStore:
    """The device token of one profile (keyring entry named after the profile folder)."""

    def __init__(self, profile_root: Path, *, use_keyring: bool = True) -> None:
        self.root = Path(profile_root)
        self.use_keyring = use_keyring and os.environ.get("CMCOORD_NO_KEYRING") != "1"

    @property
    def file(self) -> Path:
        """The fallback file (mode 0600)."""
        return self.root / TOKEN_FILE

    def _keyring_set(self, token: str) -> bool:
        if not self.use_keyring:
            return False
        try:
            import keyring

            keyring.set_password(SERVICE, str(self.root), token)
            return keyring.get_password(SERVICE, str(self.root)) == token
        except Exception:  # noqa: BLE001 - any backend failure means: use the file
            return False

    def save(self, token: str) -> str:
        """Store the token; returns "keyring" or "file"."""
        if self._keyring_set(token):
            with contextlib.suppress(OSError):
                self.file.unlink()
            return KEYRING
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(token)
        os.chmod(self.file, 0o600)
        return FILE

    def load(self) -> str | None:
        """The stored token, or None when this profile is not enrolled."""
        if self.use_keyring:
            try:
                import keyring

                token = keyring.get_password(SERVICE, str(self.root))
                if token:
                    return token
            except Exception:  # noqa: BLE001, S110 - fall through to the file
                pass
        try:
            return self.file.read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def clear(self) -> None:
        """Forget the token everywhere."""
        if self.use_keyring:
            try:
                import keyring

                keyring.delete_password(SERVICE, str(self.root))
            except Exception:  # noqa: BLE001, S110 - nothing stored there
                pass
        with contextlib.suppress(OSError):
            self.file.unlink()
