"""Rows of no operation that rows of an operation reference are shared with the operation.

An RFA of operation MRV naming a global contact, an asset of the directory or an
organisation would otherwise point, on a colleague's device, at a row the colleague never
receives. When a row of an operation is written with such a reference, the referenced row
(if the writing officer may see it) is shared with the operation (`row_shares`) and given
a new sequence number, so members whose cursor is past it receive it. Shares are kept:
the row stays readable to the operation's members; only its owner writes it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from typing import Any, Protocol

from sqlalchemy import insert, select, tuple_
from sqlalchemy.orm import Session

from fieldapp.models import SYNCABLE_MODELS
from hq.models import RowShare

# Reference fields that are not foreign keys: a list of row ids.
LIST_REFERENCES = {("rfa", "proposed_asset_ids"): "asset"}


@cache
def references() -> dict[str, dict[str, tuple[str, bool]]]:
    """Per entity: reference field -> (referenced entity, is a list of ids)."""
    by_table = {model.__tablename__: model.__sync_entity__ for model in SYNCABLE_MODELS}
    found: dict[str, dict[str, tuple[str, bool]]] = defaultdict(dict)
    for model in SYNCABLE_MODELS:
        for column in model.__table__.columns:
            for key in column.foreign_keys:
                target = by_table.get(key.column.table.name)
                if target is not None:
                    found[model.__sync_entity__][column.key] = (target, False)
    for (entity, name), target in LIST_REFERENCES.items():
        found[entity][name] = (target, True)
    return dict(found)


def referenced_rows(entity: str, fields: dict[str, Any]) -> set[tuple[str, str]]:
    """The (entity, row id) pairs a row's fields reference."""
    pairs: set[tuple[str, str]] = set()
    for name, (target, is_list) in references().get(entity, {}).items():
        value = fields.get(name)
        ids = value if is_list and isinstance(value, list) else [value]
        pairs.update((target, v) for v in ids if isinstance(v, str) and v)
    return pairs


class SharedRow(Protocol):
    """What sharing reads and re-sequences of a row a push touched (merge.MergedRow)."""

    entity: str
    operation_id: str | None
    owner_officer_id: str | None
    seq: int
    others_seq: int


class Sharing:
    """References found while a push is applied, shared in few statements at its end."""

    def __init__(self, session: Session, *, officer_id: str, mine: set[str]) -> None:
        self.session = session
        self.officer_id = officer_id
        self.mine = mine
        self.wanted: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)

    def note(self, state: SharedRow, fields: dict[str, Any], seq: int) -> None:
        """A row of an operation was written at `seq` with these reference fields."""
        if state.operation_id is None:
            return
        for key in referenced_rows(state.entity, fields):
            self.wanted[key][state.operation_id] = seq

    def wanted_keys(self) -> list[tuple[str, str]]:
        """The (entity, row id) of every row referenced so far, sorted."""
        return sorted(self.wanted)

    def share(self, states: Mapping[tuple[str, str], SharedRow]) -> list[tuple[str, str]]:
        """Share the referenced rows of no operation the officer may see; re-sequence them.

        `states` holds every referenced row HQ has (`wanted_keys`); returns the keys of
        the rows re-sequenced (the caller writes them)."""
        if not self.wanted:
            return []
        keys = self.wanted_keys()
        # Only rows of no operation are shared: their existing shares are read, no others.
        candidates = [k for k in keys if k in states and states[k].operation_id is None]
        existing: dict[tuple[str, str], set[str]] = defaultdict(set)
        for start in range(0, len(candidates), 500):
            for entity, row_id, operation_id in self.session.execute(
                    select(RowShare.entity, RowShare.row_id, RowShare.operation_id)
                    .where(tuple_(RowShare.entity, RowShare.row_id)
                           .in_(candidates[start:start + 500]))):
                existing[(entity, row_id)].add(operation_id)
        resequenced = []
        shares = []
        for key in candidates:
            state = states[key]
            visible = state.owner_officer_id == self.officer_id or existing[key] & self.mine
            if not visible:
                continue  # a row the officer cannot see is never shared through them
            new = {op: seq for op, seq in self.wanted[key].items() if op not in existing[key]}
            if not new:
                continue
            shares += [{"entity": key[0], "row_id": key[1], "operation_id": operation_id}
                       for operation_id in new]
            state.seq = max(state.seq, *new.values())
            state.others_seq = state.seq  # every device, the writer's too, receives it
            resequenced.append(key)
        if shares:
            self.session.execute(insert(RowShare), shares)
        return resequenced
