"""HQ staff accounts (reviewers, registry staff, coordinators, admins) and their browser
sessions; `hq.roles` says what each role opens.

Passwords are kept only as argon2id hashes (argon2-cffi, its default cost), re-hashed at
sign-in when the default cost rises. A sign-in makes a session: the browser holds a
random 256-bit token in an HttpOnly cookie, HQ keeps only its sha256 with an expiry and
the session's CSRF token, so a stolen database gives no usable cookie and signing out or
disabling a reviewer ends the session at once. Failed sign-ins slow down the address they
come from (`SignInLimits`), never the reviewer signing in from elsewhere.
"""

from __future__ import annotations

import hmac
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hq.db import HqDatabase
from hq.errors import AdminError
from hq.lesson_tables import Reviewer, WebSession
from hq.roles import REVIEWER, checked_roles, format_roles, parse_roles
from hq.security import hash_secret
from hq.throttle import SignInThrottle

MIN_PASSWORD_CHARS = 12
SESSION_HOURS = 12
MINUTE, DAY = 60.0, 24 * 3600.0
KNOWN_ADDRESSES = 20  # per reviewer, the most recent addresses of a good sign-in
_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified when the name is unknown, so a wrong name takes as long as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    """An argon2id hash of a password (salted; the parameters are in the hash)."""
    return _hasher.hash(password)


def check_new_password(password: str) -> None:
    """Refuse a password too short to resist guessing."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AdminError(  # i18n: not shown
                         f"An account's password has at least {MIN_PASSWORD_CHARS} "
                         "characters; a few words in a row are easy to remember.",
                         code="short_password")


def add_reviewer(db: HqDatabase, *, name: str, password: str,
                 roles: tuple[str, ...] = (REVIEWER,)) -> Reviewer:
    """Create a staff account with these roles (a reviewer of lessons unless told)."""
    name = name.strip()
    granted = checked_roles(roles)
    if not name or len(name) > 200:
        raise AdminError("An account needs a name (up to 200 characters).",  # i18n: not shown
                         code="no_name")
    check_new_password(password)
    with db.write() as session:
        if session.scalar(select(Reviewer.id).where(Reviewer.name == name)):
            raise AdminError(f"An account named {name!r} already exists.",  # i18n: not shown
                             code="name_taken")
        reviewer = Reviewer(id=str(uuid.uuid4()), name=name, roles=format_roles(granted),
                            password_hash=hash_password(password))
        session.add(reviewer)
        return reviewer


def list_reviewers(db: HqDatabase) -> list[Reviewer]:
    """Every reviewer account, by name."""
    with db.read() as session:
        return list(session.scalars(select(Reviewer).order_by(Reviewer.name)))


def find_account(session: Session, name: str) -> Reviewer:
    """The staff account with this name, or AdminError naming the list command."""
    account = session.scalar(select(Reviewer).where(Reviewer.name == name.strip()))
    if account is None:
        raise AdminError(  # i18n: not shown
                         f"No account named {name!r}. See `cmcoord-hq account list`.",
                         code="no_account")
    return account


def change_roles(db: HqDatabase, *, name: str, grant: tuple[str, ...] = (),
                 revoke: tuple[str, ...] = ()) -> Reviewer:
    """Give an account roles and take others away; its open sessions see the change at
    their next page."""
    granted, revoked = checked_roles(grant), checked_roles(revoke)
    with db.write() as session:
        account = find_account(session, name)
        account.roles = format_roles((parse_roles(account.roles) | granted) - revoked)
        return account


def set_disabled(db: HqDatabase, *, name: str, disabled: bool) -> Reviewer:
    """Disable (and sign out everywhere) or re-enable a reviewer."""
    with db.write() as session:
        reviewer = find_account(session, name)
        reviewer.disabled_at = datetime.now(UTC) if disabled else None
        if disabled:
            session.execute(delete(WebSession).where(WebSession.reviewer_id == reviewer.id))
        return reviewer


def verify_password(session: Session, *, name: str, password: str) -> Reviewer | None:
    """The active reviewer with this name and password, else None (same time either way)."""
    reviewer = session.scalar(select(Reviewer).where(Reviewer.name == name.strip()))
    stored = reviewer.password_hash if reviewer is not None else _dummy_hash()
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if reviewer is None or reviewer.disabled_at is not None:
        return None
    if _hasher.check_needs_rehash(stored):
        reviewer.password_hash = _hasher.hash(password)
    reviewer.last_sign_in_at = datetime.now(UTC)
    return reviewer


@dataclass(frozen=True)
class SignedIn:
    """The staff account behind a browser session, its roles, and the session's CSRF token."""

    reviewer_id: str
    name: str
    csrf_token: str
    token_hash: str
    roles: frozenset[str] = frozenset({REVIEWER})

    def has(self, role: str) -> bool:
        """True when the account holds `role`."""
        return role in self.roles


def start_session(session: Session, reviewer: Reviewer) -> tuple[str, datetime]:
    """A new browser session: the cookie's token (shown only here) and its expiry."""
    token = secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + timedelta(hours=SESSION_HOURS)
    now = datetime.now(UTC)
    session.execute(delete(WebSession).where(WebSession.expires_at <= now))
    session.add(WebSession(token_hash=hash_secret(token), reviewer_id=reviewer.id,
                           csrf_token=secrets.token_urlsafe(32), expires_at=expires))
    return token, expires


def signed_in(session: Session, token: str | None) -> SignedIn | None:
    """The live session a cookie names, or None (unknown, expired, reviewer disabled)."""
    if not token or len(token) > 100:
        return None
    digest = hash_secret(token)
    row = session.execute(
        select(WebSession, Reviewer).join(Reviewer, Reviewer.id == WebSession.reviewer_id)
        .where(WebSession.token_hash == digest)
    ).first()
    if row is None:
        return None
    web, reviewer = row
    if (not hmac.compare_digest(web.token_hash, digest)
            or web.expires_at <= datetime.now(UTC) or reviewer.disabled_at is not None):
        return None
    return SignedIn(reviewer.id, reviewer.name, web.csrf_token, web.token_hash,
                    parse_roles(reviewer.roles))


def end_session(session: Session, token_hash: str) -> None:
    """Sign a browser out: its cookie no longer opens anything."""
    session.execute(delete(WebSession).where(WebSession.token_hash == token_hash))


def csrf_ok(expected: str | None, given: str | None) -> bool:
    """True when a form's CSRF token is the session's (compared in constant time)."""
    return bool(expected) and bool(given) and hmac.compare_digest(
        str(expected).encode(), str(given).encode())


class SignInLimits:
    """Failed sign-ins slow down (name, address) pairs and addresses, more with each round.

    Five failures for one name from one address make that pair wait 15 minutes, ten in a
    day a day; an address (many names) gets four times as many. Guessing one name from
    many addresses makes new addresses wait, but not those where that reviewer signed
    in before: a stranger can never lock a reviewer out of their usual place.
    """

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        def limit(failures: int, window: float) -> SignInThrottle:
            return SignInThrottle(max_failures=failures, window=window, clock=clock)

        self._pair = (limit(5, 15 * MINUTE), limit(10, DAY))
        self._address = (limit(20, 15 * MINUTE), limit(40, DAY))
        self._name = limit(100, 15 * MINUTE)
        self._known: dict[str, list[str]] = {}

    @staticmethod
    def _keys(name: str, address: str) -> tuple[str, str, str]:
        name = name.strip().casefold()
        return f"pair:{name}\n{address}", f"address:{address}", f"name:{name}"

    def wait_seconds(self, *, name: str, address: str) -> int:
        """Seconds before this name may be tried from this address (0: now)."""
        pair, at, who = self._keys(name, address)
        waits = [limit.wait_seconds(pair) for limit in self._pair]
        waits += [limit.wait_seconds(at) for limit in self._address]
        if address not in self._known.get(who, ()):
            waits.append(self._name.wait_seconds(who))
        return max(waits)

    def failed(self, *, name: str, address: str) -> None:
        """Count one failed sign-in."""
        pair, at, who = self._keys(name, address)
        for limit in self._pair:
            limit.failed(pair)
        for limit in self._address:
            limit.failed(at)
        self._name.failed(who)

    def succeeded(self, *, name: str, address: str) -> None:
        """A good sign-in: the pair's failures are forgotten, the address is known good."""
        pair, _, who = self._keys(name, address)
        for limit in self._pair:
            limit.succeeded(pair)
        known = [a for a in self._known.get(who, []) if a != address] + [address]
        self._known[who] = known[-KNOWN_ADDRESSES:]
