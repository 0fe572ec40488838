"""Per-profile settings of the core: the officer, this device's code, the current operation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy.orm import Session

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.i18n import _
from fieldapp.models import Setting

OFFICER_NAME = "officer_name"
OFFICER_ORG = "officer_organisation"
DEVICE_CODE = "device_code"
CURRENT_OPERATION = "current_operation_id"
FIRST_RUN_DONE = "first_run_done"


def get_setting(session: Session, key: str, default: str = "") -> str:
    """The stored value of a setting, or `default`."""
    row = session.get(Setting, key)
    return row.value if row is not None else default


def set_setting(session: Session, key: str, value: str) -> None:
    """Store a setting (in the caller's transaction)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


@dataclass(frozen=True)
class Officer:
    """Who uses this profile; printed on forms and recorded in histories."""

    name: str
    organisation: str
    device_code: str


def get_officer(session: Session) -> Officer:
    """The officer of this profile (empty names before the first-run dialog)."""
    return Officer(
        name=get_setting(session, OFFICER_NAME),
        organisation=get_setting(session, OFFICER_ORG),
        device_code=device_code(session),
    )


def device_code(session: Session) -> str:
    """Two digits naming this device in RFA references; made once, then kept."""
    code = get_setting(session, DEVICE_CODE)
    if not code:
        code = f"{secrets.randbelow(90) + 10:02d}"
        set_setting(session, DEVICE_CODE, code)
    return code


def save_officer(session: Session, *, name: str, organisation: str) -> Officer:
    """Record the officer's name and organisation; both are required."""
    name, organisation = name.strip(), organisation.strip()
    errors = []
    if not name:
        errors.append(ValidationError("name", _("Enter your name: it goes on every form you "
                                                "print.")))
    if not organisation:
        errors.append(ValidationError("organisation", _("Enter the organisation you work for.")))
    if errors:
        raise ValidationErrors(errors)
    set_setting(session, OFFICER_NAME, name)
    set_setting(session, OFFICER_ORG, organisation)
    set_setting(session, FIRST_RUN_DONE, "1")
    return get_officer(session)


def first_run_done(session: Session) -> bool:
    """True once the officer has completed the first-run dialog."""
    return get_setting(session, FIRST_RUN_DONE) == "1"
