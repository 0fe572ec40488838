"""Per-officer scoping: which operations an officer may read and write.

An officer sees the operations they are assigned to, and the rows of no operation that
their own devices created. An operation id HQ has never heard of, pushed by a device,
is registered with that officer as its first member: an officer may start a response
offline. An operation that exists and is not theirs is refused with 403.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.errors import ApiError
from sync.server.models import HqOperation, Membership


def officer_operations(session: Session, officer_id: str) -> set[str]:
    """Ids of the operations an officer is assigned to."""
    return set(
        session.scalars(select(Membership.operation_id).where(Membership.officer_id == officer_id))
    )


def forbidden(operation_id: str) -> ApiError:
    """The 403 answered for another operation's data."""
    return ApiError(
        403, "forbidden_operation",
        f"You are not assigned to operation {operation_id} at HQ; nothing was changed. "
        "Ask HQ to assign you to it.",
    )


def authorize_operations(session: Session, officer_id: str, operation_ids: set[str]) -> None:
    """Allow writes to these operations, registering unknown ones; raise 403 otherwise."""
    mine = officer_operations(session, officer_id)
    wanted = operation_ids - mine
    if not wanted:
        return
    known = set(session.scalars(select(HqOperation.id).where(HqOperation.id.in_(wanted))))
    for operation_id in sorted(wanted):
        if operation_id in known:
            raise forbidden(operation_id)
        session.add(HqOperation(id=operation_id, code=None, name=""))
        session.flush()
        session.add(Membership(officer_id=officer_id, operation_id=operation_id))
    session.flush()
