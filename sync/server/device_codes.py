"""Device codes: the DEVICE part of RFA references (OPCODE-DEVICE-NNNN), given by HQ.

At enrollment HQ gives the device a code no other device of the officers sharing an
operation with its officer has, nor appears in an RFA reference HQ holds for those
operations. The code the device already uses is kept when it is free, so references it
made before enrolling stay in one series. Two digits while they last, then three.
"""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sync.server.models import Device, Membership, RowState
from sync.server.scope import officer_operations

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
    raise RuntimeError("no free device code")  # pragma: no cover - 9,990 devices
