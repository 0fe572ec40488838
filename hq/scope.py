"""Per-officer scoping: which rows an officer may read and write.

An officer reads and writes the operations they are assigned to, and the rows of no
operation their own devices created (they own them). They also read rows of no operation
shared with one of their operations (a row of the operation references them), without
writing them. An operation id HQ has never heard of, pushed by a device, is registered as
*proposed* by that officer, with the officer as its first member: an officer may start a
response offline. A change to another operation's row, or to another officer's row, is
held (`not_in_your_operations`, `not_yours`); `pull?operation=` of another operation is 403.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from hq.changes import NOT_IN_YOUR_OPERATIONS, NOT_YOURS, Held
from hq.errors import ApiError
from hq.models import HqOperation, Membership, Officer, RowShare, RowState


def officer_operations(session: Session, officer_id: str) -> set[str]:
    """Ids of the operations an officer is assigned to."""
    return set(
        session.scalars(select(Membership.operation_id).where(Membership.officer_id == officer_id))
    )


def forbidden(operation_id: str) -> ApiError:
    """The 403 answered for a pull of another operation's data."""
    return ApiError(
        403, "forbidden_operation",
        f"You are not assigned to operation {operation_id} at HQ. Ask HQ to assign you to it.",
    )


# Kinds of rows HQ alone writes and every enrolled device receives (of no operation).
PUBLISHED_BY_HQ = frozenset({"register_entry"})


def visible_rows(officer_id: str, operations: set[str]) -> ColumnElement[bool]:
    """The rows an officer receives: their operations, their own rows of no operation,
    rows of no operation shared with one of their operations, and what HQ publishes to
    every device (the Central Register)."""
    shared = exists().where(RowShare.entity == RowState.entity,
                            RowShare.row_id == RowState.row_id,
                            RowShare.operation_id.in_(operations))
    return or_(
        RowState.operation_id.in_(operations),
        and_(RowState.operation_id.is_(None),
             or_(RowState.owner_officer_id == officer_id, shared,
                 RowState.entity.in_(sorted(PUBLISHED_BY_HQ)))),
    )


def published_by_hq(entity: str) -> Held:
    """The hold of a device's write to a row HQ alone writes (a register entry)."""
    return Held(NOT_YOURS, "The Central Register is kept at HQ; propose a correction "
                           "instead.")  # i18n: not shown


def _label(entity: str) -> str:
    return entity.replace("_", " ")


def not_in_your_operations(entity: str) -> Held:
    """The hold of a change to (or into) an operation the officer is not assigned to."""
    return Held(NOT_IN_YOUR_OPERATIONS,
                f"You are not assigned at HQ to the operation of this {_label(entity)} (or no "
                "longer are), so HQ did not apply the change. Save it to a file or discard "
                "it, or ask HQ to assign you to the operation and send it again.")


def not_yours(entity: str, *, creation: bool = False) -> Held:
    """The hold of a change to another officer's row, or a creation reusing a row id."""
    if creation:
        return Held(NOT_YOURS,
                    f"HQ already holds a {_label(entity)} with this id elsewhere (an imported "
                    "file may have reused its ids), so HQ did not apply it. Save it to a file "
                    "or discard it.")
    return Held(NOT_YOURS,
                f"This {_label(entity)} belongs to another officer at HQ (it is in no "
                "operation), so HQ did not apply your change. Save it to a file or discard it.")


class OfficerScope:
    """What one officer may write, for the length of one push (few statements)."""

    def __init__(self, session: Session, officer_id: str) -> None:
        self.session = session
        self.officer_id = officer_id
        self.mine = officer_operations(session, officer_id)
        self._others: set[str] = set()  # operations that exist and are not the officer's
        self._checked: set[str] = set()  # operations whose existence was read
        self.registered_at: int | None = None  # seq of the last change proposing an operation

    def prefetch(self, operation_ids: Iterable[str | None]) -> None:
        """Learn in one statement which of these operations exist and are not the officer's."""
        wanted = sorted({o for o in operation_ids if o is not None} - self.mine - self._checked)
        self._checked.update(wanted)
        for start in range(0, len(wanted), 500):
            self._others.update(self.session.scalars(
                select(HqOperation.id).where(HqOperation.id.in_(wanted[start:start + 500]))))

    def may_write(self, operation_id: str | None, owner_officer_id: str | None) -> bool:
        """Whether the officer writes rows of this scope (at HQ now)."""
        if operation_id is None:
            return owner_officer_id == self.officer_id
        return operation_id in self.mine

    def enter(self, entity: str, operation_id: str | None, *, seq: int) -> Held | None:
        """May the officer write a row into this operation (None: into no operation)?

        An operation HQ has never seen is registered as proposed by the officer, by the
        change at `seq` (their other devices are told their operations changed)."""
        if operation_id is None or operation_id in self.mine:
            return None
        if operation_id in self._others or (operation_id not in self._checked
                                            and self.session.get(HqOperation, operation_id)):
            self._others.add(operation_id)
            return not_in_your_operations(entity)
        self.session.add(HqOperation(id=operation_id, code=None, name="",
                                     proposed_by=self.officer_id))
        self.session.add(Membership(officer_id=self.officer_id, operation_id=operation_id))
        self.mine.add(operation_id)
        self.registered_at = seq
        return None

    def record_membership(self) -> None:
        """After a push: the officer's membership changed if it proposed an operation."""
        if self.registered_at is not None:
            self.session.execute(update(Officer).where(Officer.id == self.officer_id)
                                 .values(membership_seq=self.registered_at))
