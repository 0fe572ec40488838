"""Device codes: the DEVICE part of RFA references (OPCODE-DEVICE-NNNN), given by HQ.

At enrollment HQ gives the device a code no other device of the officers sharing an
operation with its officer has, nor appears in an RFA reference HQ holds for those
operations. The code the device already uses is kept when it is free, so references it
made before enrolling stay in one series. Two digits while they last, then three.

And whether an enrollment code can still enroll a device, checked first in a read
transaction, so that wrong codes never take the write lock.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hq.db import HqDatabase
from hq.errors import ApiError
from hq.models import Device, EnrollmentCode, Membership, RowState
from hq.scope import officer_operations

CODE_PATTERN = re.compile(r"^\d{2,4}$")


def codes_in_use(session: Session, officer_id: str) -> set[str]:
    """Device codes an officer's new device must not take."""
    operations = officer_operations(session, officer_id)
    colleagues = select(Membership.officer_id).where(Membership.operation_id.in_(operations))
    taken = set(session.scalars(select(Device.code).where(
        Device.code.is_not(None),
        or_(Device.officer_id == officer_id, Device.officer_id.in_(colleagues)),
    )))
    if operations:
        references = session.scalars(select(RowState.fields["reference"].as_string()).where(
            RowState.entity == "rfa", RowState.operation_id.in_(operations)))
        for reference in references:
            parts = (reference or "").rsplit("-", 2)
            if len(parts) == 3:
                taken.add(parts[1])
    return taken


def assign_device_code(session: Session, officer_id: str, proposed: str | None) -> str:
    """The code for a device enrolling now: `proposed` when free, else the lowest free one."""
    taken = codes_in_use(session, officer_id)
    if proposed and CODE_PATTERN.match(proposed) and proposed not in taken:
        return proposed
    for number in range(10, 10_000):
        code = f"{number:02d}"
        if code not in taken:
            return code
    raise RuntimeError("no free device code")  # i18n: not shown  # pragma: no cover


def usable_code(session: Session, digest: str, now: datetime) -> EnrollmentCode:
    """The enrollment code of hash `digest` if it can enroll a device now, else a 401."""
    code = session.get(EnrollmentCode, digest)
    if code is None:
        raise ApiError(401, "code_invalid",  # i18n: not shown
                       "This enrollment code is not known to HQ. Check it for typos.")
    if code.used_at is not None:
        raise ApiError(401, "code_used",  # i18n: not shown
                       "This enrollment code was already used. Ask HQ for a new one.")
    if code.expires_at <= now:
        raise ApiError(401, "code_expired",  # i18n: not shown
                       "This enrollment code has expired. Ask HQ for a new one.")
    return code


def check_code(db: HqDatabase, digest: str) -> None:
    """A 401 unless the code of hash `digest` can enroll a device, in a read transaction:
    a wrong code never waits for, nor holds, the write lock."""
    with db.read() as session:
        usable_code(session, digest, datetime.now(UTC))
