"""A keyring backend that keeps secrets in memory, for tests in this process.

keyring's own API and lookup run unchanged; only where the secret is kept differs from an
officer's laptop (Windows Credential Manager, macOS Keychain, the Secret Service)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict, keyed by (service, user)."""

    priority = 1  # type: ignore[assignment] - keyring's own class attribute

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
