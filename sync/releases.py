"""A newer version of Field Kit, as HQ announced it (issue 19).

HQ puts the newest announced version in the `release` field of a pull answer whose cursor
is before the announcement (docs/sync-protocol.md); `note_release` keeps it in the sync
state, in the same transaction as the cursor. `newer_release` gives it to the Sync screen
and About when it is newer than this installation. Nothing is ever downloaded: the
officer reads the address and decides.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from fieldapp import __version__
from sync import local

RELEASE = "hq_release"  # i18n: not shown
MAX_VERSION, MAX_URL, MAX_NOTES = 40, 500, 2000
_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)(.*)$")


@dataclass(frozen=True)
class Release:
    """A version HQ announced: its number, where to download it, a few notes."""

    version: str
    url: str
    notes: str = ""
    announced_at: str = ""


def _clean(value: Any) -> Release | None:
    """The announcement when it has the right shape (HQ's answer is not trusted blindly:
    the address is shown to the officer, so only http(s) addresses pass), else None."""
    if not isinstance(value, dict):
        return None
    version, url = value.get("version"), value.get("url")
    notes, when = value.get("notes", ""), value.get("announced_at", "")
    if not (isinstance(version, str) and isinstance(url, str) and isinstance(notes, str)
            and isinstance(when, str)):
        return None
    parts = urlsplit(url)
    if not version or len(version) > MAX_VERSION or not _NUMBER.match(version) \
            or len(url) > MAX_URL or parts.scheme not in ("https", "http") \
            or not parts.netloc or any(ch.isspace() for ch in url):
        return None
    return Release(version=version, url=url, notes=notes[:MAX_NOTES], announced_at=when[:40])


def note_release(session: Session, value: Any) -> None:
    """Keep the announcement of a pull answer (in the caller's transaction); an answer
    without one, or with a malformed one, changes nothing."""
    release = _clean(value)
    if release is None:
        return
    text = json.dumps(release.__dict__, ensure_ascii=False, sort_keys=True)
    if text != local.get_state(session, RELEASE):
        local.set_state(session, RELEASE, text)


def announced_release(session: Session) -> Release | None:
    """The last announcement received, whatever its version."""
    text = local.get_state(session, RELEASE)
    if not text:
        return None
    try:
        return _clean(json.loads(text))
    except ValueError:
        return None


def version_key(version: str) -> tuple[tuple[int, ...], int, str]:
    """Orders versions: 0.2.0 < 0.10.0, 1.0rc1 < 1.0 < 1.0.post1 (PEP 440's common forms)."""
    found = _NUMBER.match(version.strip())
    if found is None:
        return ((), 0, version)
    numbers = tuple(int(part) for part in found.group(1).split("."))
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers = numbers[:-1]
    rest = found.group(2).lstrip(".-_").lower()
    rank = 1 if not rest else (2 if rest.startswith("post") else 0)
    return (numbers, rank, rest)


def is_newer(candidate: str, installed: str) -> bool:
    """Whether `candidate` is a later version than `installed`."""
    return version_key(candidate) > version_key(installed)


def newer_release(session: Session, installed: str = __version__) -> Release | None:
    """The announced version when it is newer than this installation, else None."""
    release = announced_release(session)
    return release if release is not None and is_newer(release.version, installed) else None
