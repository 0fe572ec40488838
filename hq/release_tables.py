"""The versions of the desktop application HQ announces to devices (issue 19).

`hq_releases` holds one row per announcement (`cmcoord-hq release announce VERSION URL`),
newest last; the newest is the one devices are told about. `seq` is the announcement's
place in the global sequence (hq.models.Change), so a pull whose cursor is before it
carries it (hq.pull) and a device hears of each announcement once, with no request of its
own. Nothing is downloaded by anyone: the row holds the address where officers get it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hq.models import SeqType, ServerBase, UTCDateTime, utcnow


class Release(ServerBase):
    """One announced version: its number, where to download it and a few notes."""

    __tablename__ = "hq_releases"
    __table_args__ = (Index("ix_hq_releases_seq", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version: Mapped[str] = mapped_column(String(40))
    url: Mapped[str] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")
    seq: Mapped[int] = mapped_column(SeqType)
    announced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
