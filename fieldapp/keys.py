"""The key that encrypts a profile's database, and where it is kept.

Each profile's database (its WAL and its backups too) is encrypted by SQLCipher with one
random 256-bit key, the *database key*. The officer never sees it. It is kept:

- in the OS keyring (Windows Credential Manager, macOS Keychain, the Secret Service on
  Linux), so Field Kit opens without asking anything, where a keyring works;
- wrapped (AES-256-GCM) under a key derived with argon2id from the officer's
  *passphrase*, where no keyring works or when the officer sets one; and always
- wrapped under the *recovery key*, 160 random bits written as eight groups of four
  letters and digits, which the officer prints or saves away from the laptop at setup.

The wrappings live in `keys.json` beside the database: salts, KDF costs, nonces and
ciphertexts, none of it secret without the passphrase or the recovery key. Changing the
passphrase rewraps the key; the database is never re-encrypted.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldAppError
from fieldapp.i18n import _

KEY_BYTES = 32
KEYS_FILE = "keys.json"  # i18n: not shown
KEYRING_SERVICE = "cmcoord-field-kit-database"  # i18n: not shown
FORMAT = "cmcoord-field-kit keys"  # i18n: not shown
VERSION = 1
MIN_PASSPHRASE = 10
RECOVERY_BYTES = 20  # 160 bits: 32 base32 characters
_RECOVERY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
# Characters an officer may type for a recovery-key letter they misread.
_RECOVERY_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B", "9": "G"})

# argon2id costs (RFC 9106's second recommended option, with a 64 MiB memory floor): about
# 0.1 s on a 2020 laptop. Stored per wrapping, so later versions can raise them.
PASSPHRASE_KDF = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}


class ProfileKeyError(FieldAppError):
    """A key could not be found, unwrapped or stored; the message says what to do."""


class WrongPassphraseError(ProfileKeyError):
    """The passphrase (or recovery key) typed does not open this profile."""


class NoKeyringError(ProfileKeyError):
    """No keyring works on this computer, and no passphrase was given."""


@dataclass(frozen=True, repr=False)
class DatabaseKey:
    """The 32 random bytes SQLCipher encrypts a profile's database with."""

    raw: bytes

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES:
            raise ValueError(f"a database key is {KEY_BYTES} bytes")  # i18n: not shown

    def __repr__(self) -> str:  # never the key itself, in a log or a traceback
        return "DatabaseKey(<hidden>)"  # i18n: not shown

    @classmethod
    def generate(cls) -> DatabaseKey:
        """A new random key."""
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def pragma(self) -> str:
        """The value of `PRAGMA key = …`: SQLCipher's raw-key form, which skips its own
        (slow) key derivation, as the key is random already."""
        return f"\"x'{self.raw.hex()}'\""


@dataclass(frozen=True, repr=False)
class RecoveryKey:
    """The recovery key, as the officer prints or saves it: "ABCD-EFGH-…" (8 × 4)."""

    raw: bytes

    def __repr__(self) -> str:
        return "RecoveryKey(<hidden>)"  # i18n: not shown

    @classmethod
    def generate(cls) -> RecoveryKey:
        """A new random recovery key."""
        return cls(secrets.token_bytes(RECOVERY_BYTES))

    @property
    def text(self) -> str:
        """Eight groups of four characters from A–Z and 2–7, joined by hyphens."""
        letters = base64.b32encode(self.raw).decode("ascii")
        return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))

    @classmethod
    def parse(cls, typed: str) -> RecoveryKey:
        """Read a recovery key as typed: any case, spaces or hyphens, 0/1/8/9 for O/I/B/G.
        Raises WrongPassphraseError when it cannot be one."""
        letters = "".join(ch for ch in typed.upper() if ch.isalnum())
        letters = letters.translate(_RECOVERY_LOOKALIKES)
        if len(letters) != RECOVERY_BYTES * 8 // 5 or \
                any(ch not in _RECOVERY_ALPHABET for ch in letters):
            raise WrongPassphraseError(
                _("A recovery key is 32 letters and digits in eight groups of four, like "
                  "ABCD-EFGH-2345-…; check what you typed."))
        return cls(base64.b32decode(letters))


def passphrase_problem(passphrase: str) -> str | None:
    """Why `passphrase` is too weak to protect the database, or None when it will do."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        return _("Use at least {count} characters; a few unrelated words are easy to "
                 "remember and hard to guess.").format(count=MIN_PASSPHRASE)
    if len(set(passphrase)) < 4:
        return _("This passphrase repeats too few characters to be safe; choose another.")
    return None


def _normalise(passphrase: str) -> bytes:
    # The same passphrase typed on another keyboard layout may arrive composed differently.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")  # i18n: not shown
    return base64.b64decode(text, validate=True)


def _derive(secret: bytes, salt: bytes, costs: dict[str, int]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(secret, salt, hash_len=KEY_BYTES, type=Type.ID,
                           time_cost=costs["time_cost"], memory_cost=costs["memory_cost"],
                           parallelism=costs["parallelism"])


def _wrap(kind: str, secret: bytes, key: DatabaseKey, costs: dict[str, int]) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapping = AESGCM(_derive(secret, salt, costs))
    sealed = wrapping.encrypt(nonce, key.raw, _associated(kind))
    return {"kdf": "argon2id", **costs, "salt": _b64(salt), "nonce": _b64(nonce),  # i18n: not shown
            "sealed": _b64(sealed)}


def _associated(kind: str) -> bytes:
    # binds a wrapping to its role: a passphrase wrapping cannot pass for a recovery one
    return f"{FORMAT} v{VERSION} {kind}".encode("ascii")


def _from_recovery(recovery: RecoveryKey) -> DatabaseKey:
    """The database key a recovery key stands for (160 random bits need no stretching)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    derive = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,  # i18n: not shown
                  info=_associated("database key"))
    return DatabaseKey(derive.derive(recovery.raw))


def _check_value(key: DatabaseKey) -> str:
    return hashlib.sha256(_associated("check") + key.raw).hexdigest()[:32]


def _unwrap(kind: str, secret: bytes, entry: dict[str, Any]) -> DatabaseKey | None:
    """The key inside `entry`, or None when `secret` is not the one it was wrapped with."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    costs = {name: int(entry[name]) for name in PASSPHRASE_KDF}
    if not (1 <= costs["time_cost"] <= 100 and 8 <= costs["memory_cost"] <= 4_194_304
            and 1 <= costs["parallelism"] <= 64):  # a doctored file must not hang or OOM us
        raise ValueError("KDF costs out of range")  # i18n: not shown
    wrapping = AESGCM(_derive(secret, _unb64(entry["salt"]), costs))
    try:
        return DatabaseKey(wrapping.decrypt(_unb64(entry["nonce"]), _unb64(entry["sealed"]),
                                            _associated(kind)))
    except InvalidTag:
        return None


# Backends that keep nothing (fail, null) or keep secrets in a plain file of the user's home
# (keyrings.alt): a key kept there would sit unprotected beside the data it protects.
_UNSAFE_KEYRINGS = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _safe_keyring() -> Any:
    """The keyring module when its backend keeps secrets the system protects, else None."""
    import keyring

    backend = keyring.get_keyring()
    parts = getattr(backend, "backends", None) or [backend]  # a chainer tries several
    if any(type(part).__module__.startswith(_UNSAFE_KEYRINGS) for part in parts):
        return None
    return keyring


class ProfileKeys:
    """The database key of one profile: its keyring entry and its `keys.json`."""

    def __init__(self, root: Path, *, use_keyring: bool = True) -> None:
        self.root = Path(root)
        self.use_keyring = use_keyring and os.environ.get("CMCOORD_NO_KEYRING") != "1"

    @property
    def file(self) -> Path:
        """`keys.json`: the wrapped key (nothing secret without a passphrase)."""
        return self.root / KEYS_FILE

    # -- keys.json ---------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise ProfileKeyError(self._damaged()) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT \
                or not isinstance(data.get("wrapped"), dict):
            raise ProfileKeyError(self._damaged())
        if data.get("version") != VERSION:
            raise ProfileKeyError(_("The key file {file} was written by a newer version of Field "
                              "Kit. Install the newer version to open this profile.").format(
                                  file=self.file))
        return data

    def _damaged(self) -> str:
        return _("The key file {file} is damaged, so your passphrase cannot open the data. "
                 "Your recovery key still can: choose “Use the recovery key "
                 "instead”.").format(file=self.file)

    def _write(self, wrapped: dict[str, Any], *, in_keyring: bool) -> None:
        data = {"format": FORMAT, "version": VERSION, "keyring": in_keyring,  # i18n: not shown
                "wrapped": wrapped}
        self.root.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_name(KEYS_FILE + ".part")
        with open(partial, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self.file)  # never half a key file

    def exists(self) -> bool:
        """Whether this profile has a key yet."""
        return self.file.exists()

    def has_passphrase(self) -> bool:
        """Whether a passphrase opens this profile."""
        return "passphrase" in self._read().get("wrapped", {})

    def in_keyring(self) -> bool:
        """Whether the key was kept in the system keyring when last stored."""
        return bool(self._read().get("keyring"))

    # -- the keyring -------------------------------------------------------------------
    def _keyring_user(self) -> str:
        return str(self.root)

    def keyring_key(self) -> DatabaseKey | None:
        """The key from the system keyring, or None (no keyring, or nothing kept there)."""
        if not self.use_keyring:
            return None
        try:
            keyring = _safe_keyring()
            if keyring is None:
                return None
            stored = keyring.get_password(KEYRING_SERVICE, self._keyring_user())
            return DatabaseKey(bytes.fromhex(stored)) if stored else None
        except Exception:  # noqa: BLE001 - any backend failure: no keyring here
            return None

    def _keyring_store(self, key: DatabaseKey) -> bool:
        if not self.use_keyring:
            return False
        try:
            keyring = _safe_keyring()
            if keyring is None:
                return False
            keyring.set_password(KEYRING_SERVICE, self._keyring_user(), key.raw.hex())
            return self.keyring_key() == key
        except Exception:  # noqa: BLE001 - any backend failure: no keyring here
            return False

    def keyring_works(self) -> bool:
        """Whether this computer's keyring can keep a secret (tried with a throwaway one)."""
        if not self.use_keyring:
            return False
        try:
            keyring = _safe_keyring()
            if keyring is None:
                return False
            probe, user = secrets.token_hex(8), f"{self._keyring_user()} (probe)"
            keyring.set_password(KEYRING_SERVICE, user, probe)
            works = keyring.get_password(KEYRING_SERVICE, user) == probe
            keyring.delete_password(KEYRING_SERVICE, user)
            return works
        except Exception:  # noqa: BLE001 - any backend failure: no keyring here
            return False

    # -- making and opening ------------------------------------------------------------
    def create(self, passphrase: str | None = None) -> tuple[DatabaseKey, RecoveryKey]:
        """A new key for a new (or newly encrypted) database, derived from a new recovery
        key (returned for the officer to keep), kept in the keyring when one works, else
        wrapped under `passphrase` (NoKeyringError when there is none)."""
        recovery = RecoveryKey.generate()
        key = _from_recovery(recovery)
        in_keyring = self._keyring_store(key)
        if not in_keyring and passphrase is None:
            raise NoKeyringError(
                _("This computer has no working keyring to keep the key of your data; "
                  "choose a passphrase instead."))
        wrapped: dict[str, Any] = {"recovery": {"check": _check_value(key)}}
        if passphrase is not None:
            wrapped["passphrase"] = _wrap("passphrase", _normalise(passphrase), key,
                                          PASSPHRASE_KDF)
        self._write(wrapped, in_keyring=in_keyring)
        return key, recovery

    def unlock(self, passphrase: str) -> DatabaseKey:
        """The key, unwrapped with the passphrase; WrongPassphraseError when it is not it."""
        refusal = _("This passphrase does not open this profile. Check the keyboard layout "
                    "and Caps Lock, and try again; the recovery key opens it too.")
        entry = self._read().get("wrapped", {}).get("passphrase")
        if entry is None:
            raise WrongPassphraseError(refusal)
        try:
            key = _unwrap("passphrase", _normalise(passphrase), entry)
        except (KeyError, TypeError, ValueError) as exc:
            raise ProfileKeyError(self._damaged()) from exc
        if key is None:
            raise WrongPassphraseError(refusal)
        return key

    def unlock_with_recovery(self, typed: str, database: Path | None = None) -> DatabaseKey:
        """The key the recovery key (as typed) stands for; WrongPassphraseError when
        `keys.json` says it is not this profile's, or, with no `keys.json`, when it does
        not open `database`."""
        from fieldapp.db import key_opens

        key = _from_recovery(RecoveryKey.parse(typed))
        try:
            entry = self._read().get("wrapped", {}).get("recovery")
        except ProfileKeyError:  # a damaged keys.json: the database itself tells
            entry = None
        if isinstance(entry, dict) and "check" in entry:
            right = secrets.compare_digest(str(entry["check"]), _check_value(key))
        else:
            right = database is None or key_opens(database, key)
        if not right:
            raise WrongPassphraseError(_(
                "This recovery key does not open this profile. It may belong to another "
                "profile or computer; check each group of four."))
        return key

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` opens this profile (about 0.1 s: run it off the GUI thread)."""
        try:
            self.unlock(passphrase)
        except WrongPassphraseError:
            return False
        return True

    def set_passphrase(self, key: DatabaseKey, passphrase: str) -> None:
        """Wrap the key under a new passphrase (replacing the old one); the recovery key and
        the keyring entry stay as they are."""
        data = self._read()
        wrapped = dict(data.get("wrapped", {}))
        wrapped["passphrase"] = _wrap("passphrase", _normalise(passphrase), key,
                                      PASSPHRASE_KDF)
        self._write(wrapped, in_keyring=bool(data.get("keyring")))

    def forget(self) -> None:
        """Remove the key from the keyring and delete `keys.json` (erasing a profile)."""
        if self.use_keyring:
            with contextlib.suppress(Exception):
                import keyring

                keyring.delete_password(KEYRING_SERVICE, self._keyring_user())
        self.file.unlink(missing_ok=True)
