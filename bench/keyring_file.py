"""A keyring backend kept in one JSON file, for child processes of benchmarks and tests.

A machine with no system keyring (a CI container) makes Field Kit ask for a passphrase
at every start; a child process started with
`PYTHON_KEYRING_BACKEND=bench.keyring_file.FileKeyring` and `CMCOORD_KEYRING_FILE=PATH`
finds its database key here instead, as an officer's laptop finds it in its keyring.
Never for real data: the file is as plain as its name says."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    """Secrets in the JSON file named by CMCOORD_KEYRING_FILE."""

    priority = 1  # type: ignore[assignment] - keyring's own class attribute

    @property
    def file(self) -> Path:
        return Path(os.environ["CMCOORD_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.file.read_text("utf-8"))
        except FileNotFoundError:
            return {}

    def _store(self, secrets: dict[str, str]) -> None:
        self.file.write_text(json.dumps(secrets), "utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store({**self._load(), f"{service}\n{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        if secrets.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._store(secrets)
