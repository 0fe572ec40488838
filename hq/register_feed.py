"""The Central Register as devices receive it: every register entry is also a synced row
(entity `register_entry`, of no operation, read by every enrolled device, written only by HQ).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def publish(session: Session, entry: Any) -> None:
    """Write `entry` (a RegisterEntry just created, edited or retired, flushed) to the
    synced rows, in the caller's write transaction, so devices receive it at their next pull."""
