"""Order from sequence numbers, never from laptop clocks.

A row's `at`/`updated_at` is the clock of the laptop that wrote it, which may be days
off or jump back; listing by it puts a colleague's later change before an earlier one.
HQ's sequence (`rev`, the change-log seq HQ gave the row) orders what HQ has; what this
device has not sent yet has no `rev` and comes after, in the order it was made here
(SQLite's rowid: insertion order, which no clock touches).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, inspect, literal_column

from fieldapp.models.base import Syncable


def in_sequence(model: type[Syncable], *,
                newest_first: bool = False) -> tuple[ColumnElement[object], ...]:
    """ORDER BY clauses: rows HQ has by its sequence, then unsent ones as made here
    (`newest_first`: the same order reversed)."""
    table = inspect(model).local_table.name
    order = (model.rev.is_(None), model.rev, literal_column(f"{table}.rowid"))
    return tuple(clause.desc() for clause in order) if newest_first else order
