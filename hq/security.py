"""Secrets of the HQ server: device tokens and enrollment codes, kept only as hashes.

A token is 32 random bytes (URL-safe text); the server stores its sha256 and compares
hashes in constant time. Tokens and codes never reach a log.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hq.db import HqDatabase
from hq.errors import ApiError
from hq.models import Device

log = logging.getLogger(__name__)

# Crockford-style alphabet: no 0/O, 1/I/L confusion when a code is read over a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def hash_secret(secret: str) -> str:
    """The sha256 (hex) of a token or a normalised enrollment code."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A new device token: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def new_enrollment_code() -> str:
    """A one-time code easy to read aloud, e.g. `KQ7M-XR2P-HT`."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(code: str) -> str:
    """A code as typed (any case, spaces or dashes) in the form that is hashed."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


ClientInfo = tuple[int | None, str | None, str | None]  # protocol, schema, version
CLIENT_HEADER = "X-FieldKit-Client"


def parse_client_header(value: str | None) -> ClientInfo:
    """What `X-FieldKit-Client: protocol=2; schema=HEAD; version=V` says (no header:
    protocol 1, the clients made before the header existed); nonsense is ignored."""
    if not value:
        return (1, None, None)
    parts: dict[str, str] = {}
    for item in value.split(";"):
        key, _, text = item.partition("=")
        text = text.strip()
        if text and text.isprintable() and text.isascii():
            parts[key.strip().lower()] = text
    protocol = parts.get("protocol", "")
    return (int(protocol) if protocol.isdigit() and len(protocol) <= 4 else None,
            parts.get("schema", "")[:64] or None, parts.get("version", "")[:40] or None)


@dataclass(frozen=True)
class Caller:
    """The device behind a request, the officer it belongs to, and what it said it runs."""

    device_id: str
    officer_id: str
    client: ClientInfo = (None, None, None)
    lost: bool = False  # written off as lost: its last push is taken, nothing is sent to it


# Sent by a device whose officer is signed in (its window unlocked): a device written off as
# lost may then push its outbox one last time before it erases itself (docs/sync-protocol.md).
OFFICER_PRESENT_HEADER = "X-Officer-Present"  # i18n: not shown
PUSH_PATH = "/api/v1/push"  # i18n: not shown


def final_push(path: str, officer_present: str | None) -> bool:
    """Whether a lost device may make this request: a push, its officer signed in."""
    return path == PUSH_PATH and (officer_present or "").strip() == "1"


def authenticate(session: Session, authorization: str | None, *,
                 lost_may_push: bool = False) -> Caller:
    """The caller named by an `Authorization: Bearer` header, or a 401 ApiError. A device
    written off as lost is refused (`device_lost`) unless `lost_may_push` (see final_push)."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "token_missing",  # i18n: not shown
                       "This request needs a device token. Enroll first.")
    token = authorization[7:].strip()
    digest = hash_secret(token)
    device = session.scalars(select(Device).where(Device.token_hash == digest)).first()
    if device is None or not hmac.compare_digest(device.token_hash, digest):
        raise ApiError(401, "token_invalid",  # i18n: not shown
                       "This device token is not known to HQ. Enroll again.")
    if device.lost_at is not None and lost_may_push:
        log.warning(  # i18n: not shown
            "device %s, written off as lost, pushes its outbox before it erases itself",
            device.id)
    elif device.lost_at is not None:
        raise ApiError(  # i18n: not shown
            401, "device_lost",
            "HQ has written this device off as lost: it must erase its local data.",
        )
    elif device.revoked_at is not None:
        raise ApiError(  # i18n: not shown
            401, "device_revoked",
            "HQ has revoked this device. Ask HQ for a new enrollment code.",
        )
    return Caller(device_id=device.id, officer_id=device.officer_id,
                  client=(device.client_protocol, device.client_schema, device.client_version),
                  lost=device.lost_at is not None)


def token_checker(db: HqDatabase) -> Callable[[str | None, bool], Caller]:
    """`check(authorization, lost_may_push)`: the caller, or a 401 ApiError; for checking
    the token of a request before its body is read (hq.bodies), in a read
    transaction."""

    def check(authorization: str | None, lost_may_push: bool = False) -> Caller:
        with db.read() as session:
            return authenticate(session, authorization, lost_may_push=lost_may_push)

    return check
