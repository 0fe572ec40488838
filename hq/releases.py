"""Announcing a new version of the desktop application to devices (issue 19).

The admin runs `cmcoord-hq release announce VERSION URL [--notes TEXT]`; the newest
announcement then rides in the pull answers of devices whose cursor is before it (the
`release` field, docs/sync-protocol.md), so each device hears of it once and at no cost
of its own. The device shows it on its Sync screen and in About, with the address; it
never downloads anything itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from hq.db import HqDatabase
from hq.errors import AdminError
from hq.merge import next_seq
from hq.release_tables import Release

MAX_VERSION = 40
MAX_URL = 500
MAX_NOTES = 2000
# 1.2, 1.2.3, 1.2.3rc1, 1.2.3.post1, 2027.1: digits first, no spaces, nothing to escape.
VERSION_TEXT = re.compile(r"^\d+(\.\d+){0,3}([.-]?(a|b|rc|post|dev)\d*)?$")


@dataclass(frozen=True)
class Announced:
    """The newest announcement, as devices receive it."""

    version: str
    url: str
    notes: str
    announced_at: datetime
    seq: int

    def wire(self) -> dict[str, Any]:
        """The `release` field of a pull answer."""
        return {"version": self.version, "url": self.url, "notes": self.notes,
                "announced_at": self.announced_at.isoformat()}


def check_release(version: str, url: str, notes: str) -> tuple[str, str, str]:
    """The three values cleaned, or AdminError saying what is wrong with one (in English:
    `cmcoord-hq release announce` is the admin's command line, like hq/cli.py)."""
    version, url, notes = version.strip(), url.strip(), notes.strip()
    if not VERSION_TEXT.match(version) or len(version) > MAX_VERSION:
        raise AdminError(  # i18n: not shown
            f"{version!r} is not a version number such as 1.4.0 or 1.4.0rc1.",  # i18n: not shown
            code="bad_version")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc or len(url) > MAX_URL \
            or any(ch.isspace() for ch in url):
        raise AdminError(
            f"{url!r} is not a web address (https://…, at most {MAX_URL} "  # i18n: not shown
            "characters) where officers can download the version.",  # i18n: not shown
            code="bad_url")
    if len(notes) > MAX_NOTES:
        raise AdminError(
            f"The notes are {len(notes)} characters long; at most {MAX_NOTES}.",  # i18n: not shown
            code="notes_too_long")
    return version, url, notes


def announce(db: HqDatabase, version: str, url: str, notes: str = "") -> Announced:
    """Record a new announcement; devices receive it at their next pull."""
    version, url, notes = check_release(version, url, notes)
    with db.write() as session:
        log = next_seq(session, kind="release", entity="release", row_id=version)
        row = Release(version=version, url=url, notes=notes, seq=log.seq)
        session.add(row)
        session.flush()
        return _announced(row)


def latest(session: Session) -> Announced | None:
    """The newest announcement, or None when there was none."""
    row = session.scalars(select(Release).order_by(Release.seq.desc(), Release.id.desc())
                          .limit(1)).first()
    return _announced(row) if row is not None else None


def history(session: Session) -> list[Announced]:
    """Every announcement, newest first."""
    rows = session.scalars(select(Release).order_by(Release.seq.desc(), Release.id.desc()))
    return [_announced(row) for row in rows]


def _announced(row: Release) -> Announced:
    return Announced(version=row.version, url=row.url, notes=row.notes,
                     announced_at=row.announced_at, seq=row.seq)
