"""Operations: create, edit, archive, list, and which one is current.

The current operation scopes every list in the application; it is a profile setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.i18n import _
from fieldapp.models import Operation
from fieldapp.models.enums import OperationKind, OperationStatus
from fieldapp.services.lookup import live_row
from fieldapp.services.settings import CURRENT_OPERATION, get_setting, set_setting

CODE_PATTERN = re.compile(r"^[A-Z0-9]{2,8}$")


@dataclass
class OperationInput:
    """What the operation form submits."""

    name: str
    code: str
    country: str
    kind: str = OperationKind.NATURAL_DISASTER
    hc_rc: str = ""
    start_date: date | None = None
    end_date: date | None = None
    timezone: str = "UTC"
    notes: str = ""


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-3 code for a code or a country name, or None if unknown."""
    text = text.strip()
    if not text:
        return None
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return str(found.alpha_3)


def country_name(code: str) -> str:
    """The English short name of an alpha-3 code (the code itself if unknown)."""
    found = pycountry.countries.get(alpha_3=code) if code else None
    return str(found.name) if found else code


def validate_operation(
    session: Session, data: OperationInput, *, editing_id: str | None = None
) -> OperationInput:
    """Check the form; raise ValidationErrors naming every bad field, or return clean data."""
    errors: list[ValidationError] = []
    name = data.name.strip()
    code = data.code.strip().upper()
    if not name:
        errors.append(ValidationError("name", _("Give the operation a name.")))
    if not CODE_PATTERN.match(code):
        errors.append(
            ValidationError("code", _("The short code is 2 to 8 letters or digits, e.g. MYC."))
        )
    else:
        clash = session.scalars(
            select(Operation.id).where(Operation.code == code, Operation.deleted.is_(False))
        ).first()
        if clash is not None and clash != editing_id:
            errors.append(
                ValidationError("code", _("Another operation already uses the code {code}.").format(
                    code=code))
            )
    country = country_code(data.country)
    if country is None:
        errors.append(
            ValidationError("country", _("Choose the affected country from the list."))
        )
    if data.kind not in {k.value for k in OperationKind}:
        errors.append(ValidationError("kind", _("Choose what kind of operation this is.")))
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors.append(ValidationError("end_date", _("The end date is before the start date.")))
    if errors:
        raise ValidationErrors(errors)
    return OperationInput(
        name=name,
        code=code,
        country=country or "",
        kind=data.kind,
        hc_rc=data.hc_rc.strip(),
        start_date=data.start_date,
        end_date=data.end_date,
        timezone=data.timezone or "UTC",
        notes=data.notes,
    )


def create_operation(session: Session, data: OperationInput) -> Operation:
    """Add a new active operation and make it current."""
    clean = validate_operation(session, data)
    operation = Operation(
        name=clean.name,
        code=clean.code,
        country=clean.country,
        kind=clean.kind,
        hc_rc=clean.hc_rc,
        start_date=clean.start_date,
        end_date=clean.end_date,
        timezone=clean.timezone,
        notes=clean.notes,
        status=OperationStatus.ACTIVE,
    )
    session.add(operation)
    session.flush()
    set_current_operation(session, operation.id)
    return operation


def update_operation(session: Session, operation_id: str, data: OperationInput) -> Operation:
    """Save edits to an operation."""
    operation = get_operation(session, operation_id)
    clean = validate_operation(session, data, editing_id=operation_id)
    for attr in ("name", "code", "country", "kind", "hc_rc", "start_date", "end_date",
                 "timezone", "notes"):
        setattr(operation, attr, getattr(clean, attr))
    return operation


def set_archived(session: Session, operation_id: str, *, archived: bool) -> Operation:
    """Archive (hide from the switcher) or restore an operation."""
    operation = get_operation(session, operation_id)
    operation.status = OperationStatus.ARCHIVED if archived else OperationStatus.ACTIVE
    if archived and get_setting(session, CURRENT_OPERATION) == operation_id:
        others = list_operations(session)
        set_current_operation(session, others[0].id if others else "")
    return operation


def get_operation(session: Session, operation_id: str) -> Operation:
    """One operation, or NotFoundError."""
    return live_row(session, Operation, operation_id, _("That operation no longer exists."))


def list_operations(session: Session, *, include_archived: bool = False) -> list[Operation]:
    """Operations by name; archived ones only when asked."""
    query = select(Operation).where(Operation.deleted.is_(False)).order_by(Operation.name)
    if not include_archived:
        query = query.where(Operation.status != OperationStatus.ARCHIVED)
    return list(session.scalars(query))


def current_operation(session: Session) -> Operation | None:
    """The operation that scopes the lists, or None when there is none yet."""
    operation_id = get_setting(session, CURRENT_OPERATION)
    if not operation_id:
        return None
    operation = session.get(Operation, operation_id)
    return operation if operation is not None and not operation.deleted else None


def set_current_operation(session: Session, operation_id: str) -> None:
    """Make an operation current ("" for none)."""
    if operation_id:
        get_operation(session, operation_id)
    set_setting(session, CURRENT_OPERATION, operation_id)
