"""Pull: the rows an officer may see that changed after the device's cursor, in batches.

The cursor is opaque to the client: the (seq, entity, row_id) of the last row sent, or
just a seq once the device is up to date. Rows are read up to the high-water mark taken
first, so a write committing meanwhile is sent next time, never skipped. A row whose
only changes since the cursor came from the pulling device itself is not sent back.
Every comparison with the cursor uses its whole (seq, entity, row_id) key. Rows that left
the officer's scope within the range a batch covers are listed as `gone`.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, tuple_
from sqlalchemy.orm import Session

from fieldapp import __version__
from fieldapp.sync_schema import clean_json
from hq.errors import ApiError
from hq.models import Change, HandbookEdition, Officer, RowDeparture, RowState
from hq.release_tables import Release
from hq.scope import forbidden, officer_operations, visible_rows


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
            # A sequence number is a 64-bit signed integer in both databases; keys are
            # text they can store (no NUL, no lone surrogate), or both absent.
            if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < 2**63:
                raise ValueError
            if (entity is None) != (row_id is None):
                raise ValueError
            if entity is not None and (_key(entity, 40) is None or _key(row_id, 64) is None):
                raise ValueError
            return cls(seq, entity, row_id)
        except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
            raise ApiError(422, "invalid_cursor",  # i18n: not shown
                           "The pull cursor is not one HQ gave out; pull from the start.") from exc


def _key(value: object, longest: int) -> str | None:
    """A cursor's entity or row id when it is text both databases can compare."""
    if isinstance(value, str) and 0 < len(value) <= longest and clean_json(value) is None:
        return value
    return None


def _after(cursor: Cursor, seq: Any, entity: Any, row_id: Any) -> Any:
    """The SQL condition: key (seq, entity, row_id) comes after the cursor."""
    if cursor.entity is None:
        return seq > cursor.seq
    return or_(seq > cursor.seq,
               and_(seq == cursor.seq, tuple_(entity, row_id) > (cursor.entity, cursor.row_id)))


def _after_key(seq: int, cursor: Cursor) -> bool:
    """Whether some key (seq, entity, row_id) may come after the cursor."""
    return seq > cursor.seq or (cursor.entity is not None and seq == cursor.seq)


def _release(session: Session, high: int) -> dict[str, Any] | None:
    """The newest version announced up to `high` (hq.releases), as the device reads it."""
    row = session.execute(
        select(Release.version, Release.url, Release.notes, Release.announced_at)
        .where(Release.seq <= high).order_by(Release.seq.desc()).limit(1)).first()
    if row is None:
        return None
    return {"version": row.version, "url": row.url, "notes": row.notes,
            "announced_at": row.announced_at.isoformat()}


def pull_batch(
    session: Session, *, officer_id: str, device_id: str, cursor: Cursor, limit: int,
    operation_id: str | None = None,
) -> dict[str, Any]:
    """One batch of rows after `cursor`, at most `limit`, plus the next cursor."""
    # One statement for the high-water mark and the last handbook edition, row departure
    # and membership event of the officer: the rare parts of the answer cost nothing else.
    high, published, departed, membership_seq, released = session.execute(select(
        func.coalesce(select(func.max(Change.seq)).scalar_subquery(), 0),
        select(func.max(HandbookEdition.seq)).scalar_subquery(),
        select(func.max(RowDeparture.seq)).scalar_subquery(),
        select(Officer.membership_seq).where(Officer.id == officer_id).scalar_subquery(),
        select(func.max(Release.seq)).scalar_subquery(),
    )).one()
    operations = officer_operations(session, officer_id)
    if operation_id is not None:
        if operation_id not in operations:
            raise forbidden(operation_id)
        scope = RowState.operation_id == operation_id
    else:
        scope = visible_rows(officer_id, operations)
    # Not sent back: a row whose only writes after the cursor are this device's own. The
    # last write by anyone else is compared with the whole cursor key, as the row stood
    # then: a cut inside a re-sequenced range must not hide a colleague's write.
    not_echo = or_(
        RowState.last_device_id.is_(None),
        RowState.last_device_id != device_id,
        _after(cursor, RowState.others_seq, RowState.entity, RowState.row_id),
    )
    query = (
        select(RowState.entity, RowState.row_id, RowState.seq, RowState.fields)
        .where(scope, _after(cursor, RowState.seq, RowState.entity, RowState.row_id),
               RowState.seq <= high, not_echo)
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
    edition = None
    if (published or 0) > cursor.seq:
        edition = session.execute(
            select(HandbookEdition.name, HandbookEdition.sha256, HandbookEdition.size)
            .where(HandbookEdition.seq > cursor.seq, HandbookEdition.seq <= high)
            .order_by(HandbookEdition.seq.desc()).limit(1)
        ).first()
    handbook = None
    if edition is not None:
        handbook = {"name": edition.name, "sha256": edition.sha256, "size": edition.size,
                    "url": f"/api/v1/handbook/{edition.name}"}
    answer: dict[str, Any] = {"rows": rows, "next": next_cursor.encode(), "more": more,
                              "handbook": handbook, "hq": __version__}
    if (released or 0) > cursor.seq:  # a new version of the app was announced (issue 19)
        answer["release"] = _release(session, high)
    if operation_id is None:
        if (cursor.seq == 0 and cursor.entity is None) or (membership_seq or 0) > cursor.seq:
            answer["operations"] = sorted(operations)
        if _after_key(departed or 0, cursor):
            gone = _gone(session, officer_id=officer_id, operations=operations, cursor=cursor,
                         until=next_cursor if more else None, high=high)
            if gone:
                answer["gone"] = gone
    return answer


def _gone(session: Session, *, officer_id: str, operations: set[str], cursor: Cursor,
          until: Cursor | None, high: int) -> list[dict[str, str]]:
    """Rows that left the officer's scope in (cursor, until] (until None: up to `high`)
    and that the officer does not see now."""
    departed_from_me = or_(
        RowDeparture.operation_id.in_(operations),
        and_(RowDeparture.operation_id.is_(None), RowDeparture.owner_officer_id == officer_id),
    )
    upto: Any = RowDeparture.seq <= high
    if until is not None:
        upto = or_(RowDeparture.seq < until.seq,
                   and_(RowDeparture.seq == until.seq,
                        tuple_(RowDeparture.entity, RowDeparture.row_id)
                        <= (until.entity, until.row_id)))
    still_visible = exists().where(RowState.entity == RowDeparture.entity,
                                   RowState.row_id == RowDeparture.row_id,
                                   visible_rows(officer_id, operations))
    found = session.execute(
        select(RowDeparture.entity, RowDeparture.row_id)
        .where(_after(cursor, RowDeparture.seq, RowDeparture.entity, RowDeparture.row_id),
               upto, departed_from_me, ~still_visible)
        .distinct()
    ).all()
    return [{"entity": entity, "id": row_id} for entity, row_id in sorted(found)]
