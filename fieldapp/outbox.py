"""The one place where local writes of syncable rows become outbox entries.

A `before_flush` hook on our Session class looks at every new or changed Syncable row and
adds an OutboxEntry to the same flush, so the row and its entry commit (or roll back)
together: a crash can never keep one without the other. Services write rows and know
nothing of the outbox. Rows applied from HQ are written with `remote_writes(session)`,
which records no entry. Either way a row whose synced fields change gets `updated_at` set
to now: when it last changed on this device (HQ's rows carry no time of their own).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from fieldapp.errors import ReadOnlyError
from fieldapp.i18n import _
from fieldapp.models import SYNCABLE_MODELS, Counter, OutboxEntry, Syncable, utcnow

REMOTE_FLAG = "applying_remote_changes"
URGENT_PRIORITY = 10
SEQ_COUNTER = "outbox_seq"  # the local order of changes: never the laptop's clock


def encode_value(value: Any) -> Any:
    """A column value as it travels in JSON (dates as ISO 8601, UTC with offset)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def synced_columns(model: type[Syncable]) -> list[str]:
    """The column names of a syncable model that travel to HQ."""
    local = model.__local_columns__
    return [c.key for c in inspect(model).column_attrs if c.key not in local]


def row_priority(row: Syncable) -> int:
    """Life-saving requests go to HQ before anything else."""
    return URGENT_PRIORITY if getattr(row, "priority", None) == "life_saving" else 0


@contextmanager
def remote_writes(session: Session) -> Iterator[Session]:
    """Within this block, writes come from HQ and make no outbox entries."""
    session.info[REMOTE_FLAG] = True
    try:
        yield session
        session.flush()  # while the flag is still set
    finally:
        session.info.pop(REMOTE_FLAG, None)


class FieldSession(Session):
    """The Session class of the client database; see the module docstring."""


def _changes_of_new_row(row: Syncable) -> tuple[dict[str, Any], dict[str, Any]]:
    fields = {key: encode_value(getattr(row, key)) for key in synced_columns(type(row))}
    return fields, {}


def _changes_of_dirty_row(row: Syncable) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(row)
    fields: dict[str, Any] = {}
    base: dict[str, Any] = {}
    for key in synced_columns(type(row)):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        new = getattr(row, key)
        # Empty when the old value was never loaded: a column left unset when the row was
        # created earlier in this transaction (its value is NULL).
        old = history.deleted[0] if history.deleted else None
        if new == old:
            continue
        fields[key] = encode_value(new)
        base[key] = encode_value(old)
    return fields, base


@event.listens_for(FieldSession, "before_flush")
def _record_outbox(session: Session, flush_context: Any, instances: Any) -> None:
    remote = session.info.get(REMOTE_FLAG, False)
    for row in list(session.deleted):
        if isinstance(row, Syncable):
            raise TypeError(  # i18n: not shown
                f"{type(row).__name__} rows are never deleted outright: set deleted=True"
            )
    now = utcnow()
    sequence = _Sequence(session)
    for row in list(session.new):
        if not isinstance(row, Syncable):
            continue
        _apply_column_defaults(row)
        if row.operation_id is None and getattr(row, "__operation_is_self__", False):
            row.operation_id = row.id
        if not remote:
            _refuse_hq_writes(row, _hq_fields_set(row))
            row.updated_at = now
            _add_entry(session, row, *_changes_of_new_row(row), seq=sequence.next())
    for row in list(session.dirty):
        if not isinstance(row, Syncable) or not session.is_modified(row):
            continue
        fields, base = _changes_of_dirty_row(row)
        if not fields:
            continue  # only bookkeeping changed (HQ's rev, say): not an update to show
        if not remote:
            _refuse_hq_writes(row, set(fields))
        row.updated_at = now  # changed here or by HQ: either way, changed now on this device
        if not remote:
            _add_entry(session, row, fields, base, seq=sequence.next())
    for entry in list(session.new):  # entries queued by hand (conflict resolutions)
        if isinstance(entry, OutboxEntry) and not entry.seq:
            entry.seq = sequence.next()


def _hq_fields_set(row: Syncable) -> set[str]:
    """The fields only HQ writes that a new row sets to something else than their default."""
    names = getattr(type(row), "__hq_fields__", frozenset())
    columns = inspect(type(row)).columns
    found = set()
    for name in names:
        default = columns[name].default
        expected = default.arg if default is not None and default.is_scalar else None
        if getattr(row, name) != expected:
            found.add(name)
    return found


def _refuse_hq_writes(row: Syncable, written: set[str]) -> None:
    """Refuse a local write of what HQ alone writes (the whole flush is abandoned)."""
    if getattr(type(row), "__written_by_hq__", False):
        raise ReadOnlyError(_("The Central Register is kept at HQ; propose a correction "
                              "instead."))
    if written & getattr(type(row), "__hq_fields__", frozenset()):
        raise ReadOnlyError(_("HQ writes the status and answer of a proposal; they cannot "
                              "be changed on this laptop."))


def _apply_column_defaults(row: Syncable) -> None:
    """Fill defaults now rather than at INSERT, so the outbox sees the values stored."""
    for column in inspect(type(row)).columns:
        key = column.key
        if getattr(row, key) is not None or column.default is None:
            continue
        default = column.default
        if default.is_scalar:
            setattr(row, key, default.arg)
        elif default.is_callable:
            setattr(row, key, default.arg(None))


class _Sequence:
    """Hands out the next local sequence numbers of one flush (one counter write)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counter: Counter | None = None

    def next(self) -> int:
        if self.counter is None:
            with self.session.no_autoflush:
                self.counter = self.session.get(Counter, SEQ_COUNTER)
            if self.counter is None:
                self.counter = Counter(name=SEQ_COUNTER, value=0)
                self.session.add(self.counter)
        self.counter.value += 1
        return self.counter.value


def _add_entry(
    session: Session, row: Syncable, fields: dict[str, Any], base: dict[str, Any], *,
    seq: int,
) -> None:
    session.add(
        OutboxEntry(
            entity=row.__sync_entity__,
            row_id=row.id,
            operation_id=row.operation_id,
            fields=fields,
            base=base,
            priority=row_priority(row),
            seq=seq,
            # What the officer saw when making the edit, not what the row says when the
            # push happens (a pull may have brought a colleague's edit meanwhile). A
            # creation travels without it (sync.local._wire).
            base_rev=row.rev,
        )
    )


def _load_old_values_on_set(*_: Any) -> None:
    """Registered with active_history so a change always knows the value it replaced."""


for _model in SYNCABLE_MODELS:
    for _key in synced_columns(_model):
        event.listen(getattr(_model, _key), "set", _load_old_values_on_set, active_history=True)
