"""What the HQ admin does from the command line: operations, officers, codes, devices,
handbook editions. Each function is one write transaction; errors are AdminError."""

from __future__ import annotations

import hashlib
import io
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, tuple_, update
from sqlalchemy.orm import Session

from fieldapp.errors import EditionError
from fieldapp.handbook.edition import read_edition
from hq.db import HqDatabase
from hq.errors import AdminError
from hq.merge import next_seq
from hq.models import (
    Device,
    EnrollmentCode,
    HandbookEdition,
    HqOperation,
    Membership,
    Officer,
    RowDeparture,
    RowShare,
    RowState,
)
from hq.security import hash_secret, new_enrollment_code, normalise_code

DEFAULT_CODE_HOURS = 72


def _new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class OperationAdded:
    """An operation the admin added, and the proposed operation that held its code."""

    operation: HqOperation
    displaced: HqOperation | None = None


def add_operation(
    db: HqDatabase, *, code: str, name: str, country: str, kind: str = "natural_disaster",
    timezone: str = "UTC",
) -> HqOperation:
    """Create an operation at HQ; it reaches the devices of officers assigned to it."""
    return create_operation(db, code=code, name=name, country=country, kind=kind,
                            timezone=timezone).operation


def create_operation(
    db: HqDatabase, *, code: str, name: str, country: str, kind: str = "natural_disaster",
    timezone: str = "UTC",
) -> OperationAdded:
    """Create an operation at HQ, taking its code from an operation proposed offline.

    The proposed operation keeps its row (and its code on devices) but is listed at HQ
    without a code; only an operation the admin added makes the code refused."""
    code = code.strip().upper()
    if not code or len(code) > 12:
        raise AdminError("An operation code is 1 to 12 characters, e.g. MRV-TC-24.")
    if len(country.strip()) != 3:
        raise AdminError("The country is an ISO 3166 alpha-3 code, e.g. HTI.")
    with db.write() as session:
        holder = session.scalars(select(HqOperation).where(HqOperation.code == code)).first()
        if holder is not None and holder.proposed_by is None:
            raise AdminError(f"An operation with code {code} already exists.")
        if holder is not None:
            holder.code = None
            session.flush()  # the code is free before the new operation takes it
        operation = HqOperation(id=_new_id(), code=code, name=name.strip())
        session.add(operation)
        log = next_seq(session, kind="row", entity="operation", row_id=operation.id,
                       operation_id=operation.id)
        fields: dict[str, Any] = {
            "id": operation.id, "operation_id": operation.id, "deleted": False,
            "name": operation.name, "code": code, "country": country.strip().upper(),
            "kind": kind, "hc_rc": "", "start_date": datetime.now(UTC).date().isoformat(),
            "end_date": None, "status": "active", "timezone": timezone, "notes": "",
        }
        log.fields = fields
        session.add(RowState(
            entity="operation", row_id=operation.id, operation_id=operation.id,
            fields=fields, field_revs={k: [log.seq, None] for k in fields}, deleted=False,
            seq=log.seq, last_device_id=None, others_seq=log.seq,
        ))
        return OperationAdded(operation, holder)


@dataclass(frozen=True)
class OperationInfo:
    """An operation as the admin sees it."""

    operation: HqOperation
    members: int
    proposed_by: str | None  # the officer's name, for an operation proposed offline
    device_code: str | None  # the code its devices use (a proposed operation may have none here)


def list_operations(db: HqDatabase) -> list[OperationInfo]:
    """Every operation with its number of assigned officers; proposed ones say by whom."""
    with db.read() as session:
        operations = session.scalars(select(HqOperation).order_by(HqOperation.code)).all()
        counts: dict[str, int] = {}
        for (operation_id,) in session.execute(select(Membership.operation_id)):
            counts[operation_id] = counts.get(operation_id, 0) + 1
        names = {i: n for i, n in session.execute(select(Officer.id, Officer.name))}
        codes = {row_id: fields.get("code") for row_id, fields in session.execute(
            select(RowState.row_id, RowState.fields).where(RowState.entity == "operation"))}
        return [OperationInfo(op, counts.get(op.id, 0),
                              names.get(op.proposed_by, op.proposed_by) if op.proposed_by
                              else None,
                              codes.get(op.id) if isinstance(codes.get(op.id), str) else None)
                for op in operations]


def add_officer(db: HqDatabase, *, name: str, email: str = "") -> Officer:
    """Register an officer who may then enroll devices."""
    name = name.strip()
    if not name:
        raise AdminError("An officer needs a name.")
    with db.write() as session:
        if session.scalar(select(Officer.id).where(Officer.name == name)):
            raise AdminError(f"An officer named {name!r} already exists.")
        officer = Officer(id=_new_id(), name=name, email=email.strip())
        session.add(officer)
        return officer


def list_officers(db: HqDatabase) -> list[tuple[Officer, list[str]]]:
    """Every officer with the codes of their operations."""
    with db.read() as session:
        officers = session.scalars(select(Officer).order_by(Officer.name)).all()
        pairs = session.execute(
            select(Membership.officer_id, HqOperation.code, HqOperation.id)
            .join(HqOperation, HqOperation.id == Membership.operation_id)
        ).all()
        return [(o, sorted(code or op_id for oid, code, op_id in pairs if oid == o.id))
                for o in officers]


def find_officer(session: Session, key: str) -> Officer:
    """An officer by exact name or id."""
    officer = session.scalars(
        select(Officer).where(or_(Officer.name == key, Officer.id == key))
    ).first()
    if officer is None:
        raise AdminError(f"No officer named {key!r}. See `cmcoord-hq officer list`.")
    return officer


def find_operation(session: Session, key: str) -> HqOperation:
    """An operation by code (any case) or id."""
    operation = session.scalars(
        select(HqOperation).where(or_(HqOperation.code == key.upper(), HqOperation.id == key))
    ).first()
    if operation is None:
        raise AdminError(f"No operation {key!r}. See `cmcoord-hq operation list`.")
    return operation


def assign(db: HqDatabase, *, officer: str, operation: str) -> tuple[Officer, HqOperation]:
    """Assign an officer to an operation; its rows go to the officer's devices next pull."""
    with db.write() as session:
        person = find_officer(session, officer)
        op = find_operation(session, operation)
        assign_in(session, person, op)
        return person, op


def assign_in(session: Session, person: Officer, op: HqOperation) -> bool:
    """Assign in the caller's write transaction (the roster's deployments use it too);
    False when the officer was already assigned (nothing changes)."""
    if session.get(Membership, (person.id, op.id)) is not None:
        return False
    session.add(Membership(officer_id=person.id, operation_id=op.id))
    # Devices whose cursor is past these rows must still receive them: give them a
    # new sequence number (members already holding them apply them again, harmlessly).
    log = next_seq(session, kind="assign", entity="operation", row_id=op.id,
                   operation_id=op.id, fields={"officer_id": person.id})
    session.execute(
        update(RowState).where(RowState.operation_id == op.id)
        .values(seq=log.seq, others_seq=log.seq)
    )
    # ... and the rows of no operation shared with it.
    shared = select(RowShare.entity, RowShare.row_id).where(RowShare.operation_id == op.id)
    session.execute(
        update(RowState).where(RowState.operation_id.is_(None),
                               tuple_(RowState.entity, RowState.row_id).in_(shared))
        .values(seq=log.seq, others_seq=log.seq)
    )
    # ... and rows that left it: a device that kept them while the officer was out of
    # the operation (archived) is told they are gone.
    session.execute(update(RowDeparture).where(RowDeparture.operation_id == op.id)
                    .values(seq=log.seq))
    person.membership_seq = log.seq
    return True


def unassign(db: HqDatabase, *, officer: str, operation: str) -> tuple[Officer, HqOperation]:
    """Remove an officer from an operation. Their devices learn it at their next sync: they
    keep its data (archived, no longer synced) and their pending changes to it are held."""
    with db.write() as session:
        person = find_officer(session, officer)
        op = find_operation(session, operation)
        if not unassign_in(session, person, op):
            raise AdminError(f"{person.name} is not assigned to {op.code or op.id}.")
        return person, op


def unassign_in(session: Session, person: Officer, op: HqOperation) -> bool:
    """Unassign in the caller's write transaction (the roster's deployments use it too);
    False when the officer was not assigned (nothing changes)."""
    membership = session.get(Membership, (person.id, op.id))
    if membership is None:
        return False
    session.delete(membership)
    log = next_seq(session, kind="unassign", entity="operation", row_id=op.id,
                   operation_id=op.id, fields={"officer_id": person.id})
    person.membership_seq = log.seq
    return True


def make_enrollment_code(
    db: HqDatabase, *, officer: str, hours: float = DEFAULT_CODE_HOURS
) -> tuple[str, datetime]:
    """A one-time enrollment code for an officer, valid `hours`; only its hash is kept."""
    code = new_enrollment_code()
    expires = datetime.now(UTC) + timedelta(hours=hours)
    with db.write() as session:
        person = find_officer(session, officer)
        session.add(EnrollmentCode(code_hash=hash_secret(normalise_code(code)),
                                   officer_id=person.id, expires_at=expires))
    return code, expires


@dataclass(frozen=True)
class DeviceInfo:
    """A device as the admin sees it."""

    id: str
    officer: str
    name: str
    created_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None
    client_protocol: int | None = None
    client_schema: str | None = None
    client_version: str | None = None
    lost_at: datetime | None = None


def list_devices(db: HqDatabase) -> list[DeviceInfo]:
    """Every enrolled device, newest first."""
    with db.read() as session:
        rows = session.execute(
            select(Device, Officer.name).join(Officer, Officer.id == Device.officer_id)
            .order_by(Device.created_at.desc())
        ).all()
        return [DeviceInfo(d.id, name, d.name, d.created_at, d.last_seen_at, d.revoked_at,
                           d.client_protocol, d.client_schema, d.client_version, d.lost_at)
                for d, name in rows]


def revoke_device(db: HqDatabase, device: str, *, lost: bool = False) -> Device:
    """Refuse a device from now on (by id or a unique id prefix of 6+ characters).

    `lost`: the laptop is written off as lost; when it reaches HQ again it is told so
    (401 `device_lost`) and erases its local data. A revoked device may still be marked
    lost later; a lost one stays lost."""
    if len(device) < 6:
        raise AdminError("Give at least 6 characters of the device id.")
    with db.write() as session:
        found = session.scalars(select(Device).where(Device.id.startswith(device))).all()
        if len(found) != 1:
            raise AdminError(f"{len(found)} devices match {device!r}; give more of the id.")
        now = datetime.now(UTC)
        if found[0].revoked_at is None:
            found[0].revoked_at = now
        if lost and found[0].lost_at is None:
            found[0].lost_at = now
        return found[0]


def zip_edition(path: Path) -> bytes:
    """The Markdown files of an edition folder as a zip (language folders kept)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(path.glob("*/*.md")):
            archive.write(file, f"{file.parent.name}/{file.name}")
    return buffer.getvalue()


def publish_handbook(db: HqDatabase, path: Path) -> HandbookEdition:
    """Validate an edition folder with the handbook's loader and publish it to devices."""
    if not path.is_dir():
        raise AdminError(f"{path} is not a folder holding an edition (en/, fr/, es/).")
    try:
        edition = read_edition(path)
    except EditionError as exc:
        raise AdminError(f"The edition was refused: {exc.message}") from exc
    archive = zip_edition(path)
    with tempfile.TemporaryDirectory() as tmp:  # what devices will unpack must read back
        with zipfile.ZipFile(io.BytesIO(archive)) as unpacked:
            unpacked.extractall(tmp)
        read_edition(Path(tmp))
    with db.write() as session:
        if session.get(HandbookEdition, edition.name) is not None:
            raise AdminError(f"Edition {edition.name} is already published; "
                             "give a new edition name in the front matter.")
        log = next_seq(session, kind="edition", entity="handbook", row_id=edition.name)
        row = HandbookEdition(
            name=edition.name, seq=log.seq, archive=archive,
            sha256=hashlib.sha256(archive).hexdigest(), size=len(archive),
            sections=len(edition.sections),
        )
        session.add(row)
        return row
