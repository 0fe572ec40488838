"""Pulled rows that clash with a local row on a unique column (an RFA reference, an
operation's short code): keep both rows, never fail the pull.

Two devices can make the same RFA reference (the same device code before they enrolled)
or the same operation code offline. When a pulled row wants a value another local row
already holds, the device keeps its own row as it is (references already printed or sent
stay valid) and stores the *incoming* row under a marked alternative on this device only
(`MRV-11-0001-B`, `MRV2`). A `Conflict` tells the officer: "keep mine" sends this
device's alternative to HQ (so every device ends with it), "keep HQ's" takes HQ's value
once no other row holds it here, "edit" sends a new value. When HQ later sends a value
that no longer clashes, it is applied and the conflict closes by itself.
"""

from __future__ import annotations

import string
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from fieldapp.errors import ValidationError
from fieldapp.i18n import N_, _
from fieldapp.models import Conflict, OutboxEntry, Syncable, utcnow
from fieldapp.outbox import remote_writes

# A unique conflict's id is derived from what clashed, so a clash found again reopens it.
CLASH_NAMESPACE = uuid.UUID("0b9e3d4c-5f1a-4e2b-8c7d-9a6f5e4d3c2b")
OPERATION_CODE_LENGTH = 8  # fieldapp.services.operations accepts 2 to 8 letters or digits
_LETTERS = [c for c in string.ascii_uppercase if c not in "AIO"]
# A value taken by another row here, one sentence per kind of row with a unique column.
_TAKEN = {
    "rfa": N_("{value} is already used by another rfa on this computer; keep this "
              "computer's name for it or enter a new one."),
    "operation": N_("{value} is already used by another operation on this computer; keep "
                    "this computer's name for it or enter a new one."),
}
_TAKEN_OTHER = N_("{value} is already used by another record on this computer; keep this "
                  "computer's name for it or enter a new one.")


def unique_columns(model: type[Syncable]) -> list[str]:
    """The columns of a syncable model that no two local rows may share."""
    return [c.key for c in inspect(model).columns if c.unique]


def clash_id(entity: str, row_id: str, field: str) -> str:
    """The id of the conflict recorded when this row's `field` clashed on this device."""
    return str(uuid.uuid5(CLASH_NAMESPACE, f"{entity}:{row_id}:{field}"))


def is_clash(conflict: Conflict) -> bool:
    """True for a unique clash found on this device (not a conflict HQ reported)."""
    return conflict.id == clash_id(conflict.entity, conflict.row_id, conflict.field)


def alternative(model: type[Syncable], field: str, value: str, n: int) -> str:
    """The n-th (n ≥ 2) marked alternative of a clashing value, within the column's size."""
    if model.__sync_entity__ == "operation" and field == "code":
        suffix = str(n)
        return value[:OPERATION_CODE_LENGTH - len(suffix)] + suffix
    length = getattr(inspect(model).columns[field].type, "length", None) or 200
    suffix = "-" + (_LETTERS[n - 2] if n - 2 < len(_LETTERS) else str(n))
    return value[:length - len(suffix)] + suffix


def holder(session: Session, model: type[Syncable], field: str, value: Any) -> str | None:
    """The id of the local row holding `value` in a unique column, if any."""
    with session.no_autoflush:
        return session.scalar(select(model.id).where(getattr(model, field) == value).limit(1))


class ClashGuard:
    """Keeps one pulled batch of one entity free of unique clashes (see the module doc).

    A value stays taken by its old holder until the batch is written, so the writes of
    the batch never collide with each other, whatever order the flush takes. A value HQ
    sends wins over a *local alternative* (a value only this device gave a clashing row):
    that row moves to its next alternative first.
    """

    def __init__(self, session: Session, model: type[Syncable], rows: list[dict[str, Any]]
                 ) -> None:
        self.session = session
        self.model = model
        self.entity = model.__sync_entity__
        self.fields = unique_columns(model)
        self.taken: dict[str, dict[Any, str]] = defaultdict(dict)
        self.open: dict[str, Conflict] = {}
        self.opened: set[str] = set()  # conflicts this batch opened and left open
        if not self.fields:
            return
        for field in self.fields:
            wanted = sorted({r["fields"][field] for r in rows
                             if isinstance(r["fields"].get(field), str)})
            column = getattr(model, field)
            for start in range(0, len(wanted), 500):
                for value, row_id in session.execute(
                        select(column, model.id).where(column.in_(wanted[start:start + 500]))):
                    self.taken[field][value] = row_id
        for conflict in session.scalars(select(Conflict).where(
                Conflict.entity == self.entity, Conflict.resolved_at.is_(None))):
            if is_clash(conflict):
                self.open[conflict.id] = conflict

    def settle(self, row_id: str, values: dict[str, Any], current: Syncable | None,
               pending: set[str]) -> None:
        """Adjust `values` (the pulled fields of one row) in place before they are written."""
        for field in self.fields:
            wanted = values.get(field)
            if field not in values or field in pending or wanted is None:
                continue
            other = self.taken[field].get(wanted)  # every holder of a wanted value is known
            if other is not None and other != row_id and self._displace(other, field, wanted):
                other = None
            if other is None or other == row_id:
                self.taken[field][wanted] = row_id
                self._close(row_id, field)
                continue
            now = getattr(current, field) if current is not None else None
            values[field] = now if now is not None else self._free(field, wanted)
            self.taken[field][values[field]] = row_id
            self._record(row_id, field, local=values[field], server=wanted)

    def heal(self) -> None:
        """Give HQ's value back to rows renamed here once no other row holds it."""
        if not self.open:
            return
        self.session.flush()
        for conflict in list(self.open.values()):
            if holder(self.session, self.model, conflict.field, conflict.server_value):
                continue
            row = self.session.get(self.model, conflict.row_id)
            if row is not None:
                setattr(row, conflict.field, conflict.server_value)
                self.session.flush()
            self._close(conflict.row_id, conflict.field)

    def _displace(self, other: str, field: str, wanted: Any) -> bool:
        """Move row `other` off `wanted` if that is only this device's alternative."""
        conflict = self.open.get(clash_id(self.entity, other, field))
        if conflict is None or conflict.local_value != wanted:
            return False
        row = self.session.get(self.model, other)
        if row is None:
            return False
        moved = self._free(field, conflict.server_value)
        setattr(row, field, moved)
        self.session.flush()  # off the value before anyone takes it
        conflict.local_value = moved
        self.taken[field][moved] = other
        return True

    def _free(self, field: str, wanted: str) -> str:
        for n in range(2, 10_000):
            candidate = alternative(self.model, field, wanted, n)
            if candidate not in self.taken[field] and \
                    holder(self.session, self.model, field, candidate) is None:
                return candidate
        problem = f"no free alternative for {wanted!r}"  # i18n: not shown  # pragma: no cover
        raise RuntimeError(problem)  # pragma: no cover

    def _record(self, row_id: str, field: str, *, local: Any, server: Any) -> None:
        key = clash_id(self.entity, row_id, field)
        if key not in self.open:
            self.opened.add(key)
        conflict = self.open.get(key) or self.session.get(Conflict, key)
        if conflict is None:
            conflict = Conflict(id=key, entity=self.entity, row_id=row_id, field=field)
            self.session.add(conflict)
        conflict.local_value, conflict.server_value = local, server
        conflict.resolved_at = None
        self.open[key] = conflict

    def _close(self, row_id: str, field: str) -> None:
        key = clash_id(self.entity, row_id, field)
        self.opened.discard(key)
        conflict = self.open.pop(key, None)
        if conflict is not None:
            conflict.resolved_at = utcnow()


def resolve_clash(session: Session, conflict: Conflict, row: Syncable, *, choice: str,
                  value: Any = None) -> None:
    """Close a unique clash: "mine" sends this device's value to HQ, "hq" takes HQ's value
    (only once no other row here holds it), "edit" sends `value` (if free here).

    Raises ValidationError(field "value") when the chosen value is held by another row.
    """
    model = type(row)
    field = conflict.field
    wanted = {"mine": getattr(row, field), "hq": conflict.server_value, "edit": value}[choice]
    if isinstance(wanted, str):
        wanted = wanted.strip()
    if not wanted:
        raise ValidationError("value", _("Enter a value: it cannot be empty."))
    other = holder(session, model, field, wanted)
    if other is not None and other != row.id:
        taken = _TAKEN.get(conflict.entity, _TAKEN_OTHER)
        raise ValidationError("value", _(taken).format(value=wanted))
    with remote_writes(session):
        setattr(row, field, wanted)
    if wanted != conflict.server_value:  # HQ must learn it; the base is HQ's value
        session.add(OutboxEntry(entity=conflict.entity, row_id=row.id,
                                operation_id=row.operation_id, fields={field: wanted},
                                base={field: conflict.server_value}))
    conflict.resolved_at = utcnow()
    session.flush()
