"""Pull: the rows an officer may see that changed after the device's cursor, in batches.

The cursor is opaque to the client: the (seq, entity, row_id) of the last row sent, or
just a seq once the device is up to date. Rows are read up to the high-water mark taken
first, so a write committing meanwhile is sent next time, never skipped. A row whose
only changes since the cursor came from the pulling device itself is not sent back.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

from sync.server.errors import ApiError
from sync.server.models import Change, HandbookEdition, RowState
from sync.server.scope import forbidden, officer_operations


@dataclass(frozen=True)
class Cursor:
    """Position in the global sequence: after row (seq, entity, row_id), or after seq."""

    seq: int = 0
    entity: str | None = None
    row_id: str | None = None

    def encode(self) -> str:
        """The opaque text handed to the client."""
        raw = json.dumps([self.seq, self.entity, self.row_id], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str | None) -> Cursor:
        """Parse a cursor from the client; an empty one starts from the beginning."""
        if not text:
            return cls()
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            seq, entity, row_id = json.loads(raw)
            if not isinstance(seq, int) or seq < 0:
                raise ValueError
            return cls(seq, entity and str(entity), row_id and str(row_id))
        except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
            raise ApiError(422, "invalid_cursor",
                           "The pull cursor is not one HQ gave out; pull from the start.") from exc


def pull_batch(
    session: Session, *, officer_id: str, device_id: str, cursor: Cursor, limit: int,
    operation_id: str | None = None,
) -> dict[str, Any]:
    """One batch of rows after `cursor`, at most `limit`, plus the next cursor."""
    high = session.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0
    operations = officer_operations(session, officer_id)
    if operation_id is not None:
        if operation_id not in operations:
            raise forbidden(operation_id)
        scope = RowState.operation_id == operation_id
    else:
        scope = or_(
            RowState.operation_id.in_(operations),
            and_(RowState.operation_id.is_(None), RowState.owner_officer_id == officer_id),
        )
    if cursor.entity is None:
        after = RowState.seq > cursor.seq
    else:
        after = or_(
            RowState.seq > cursor.seq,
            and_(RowState.seq == cursor.seq,
                 tuple_(RowState.entity, RowState.row_id) > (cursor.entity, cursor.row_id)),
        )
    not_echo = or_(
        RowState.last_device_id.is_(None),
        RowState.last_device_id != device_id,
        RowState.others_seq > cursor.seq,
    )
    query = (
        select(RowState.entity, RowState.row_id, RowState.seq, RowState.fields)
        .where(scope, after, RowState.seq <= high, not_echo)
        .order_by(RowState.seq, RowState.entity, RowState.row_id)
        .limit(limit + 1)
    )
    found = session.execute(query).all()
    more = len(found) > limit
    found = found[:limit]
    rows = [{"entity": e, "id": r, "rev": s, "fields": f} for e, r, s, f in found]
    if more:
        last = found[-1]
        next_cursor = Cursor(last.seq, last.entity, last.row_id)
    else:
        next_cursor = Cursor(max(high, cursor.seq))
    edition = session.execute(
        select(HandbookEdition.name, HandbookEdition.sha256, HandbookEdition.size)
        .where(HandbookEdition.seq > cursor.seq, HandbookEdition.seq <= high)
        .order_by(HandbookEdition.seq.desc()).limit(1)
    ).first()
    handbook = None
    if edition is not None:
        handbook = {"name": edition.name, "sha256": edition.sha256, "size": edition.size,
                    "url": f"/api/v1/handbook/{edition.name}"}
    return {"rows": rows, "next": next_cursor.encode(), "more": more, "handbook": handbook}
