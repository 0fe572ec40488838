"""Operations: validation names the bad field, switching and archiving keep one current."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.errors import ValidationErrors
from fieldapp.services.operations import (
    OperationInput,
    create_operation,
    current_operation,
    list_operations,
    set_archived,
    set_current_operation,
    update_operation,
)
from fieldapp.services.settings import device_code, first_run_done, get_officer, save_officer


def _op(**overrides) -> OperationInput:
    values = {"name": "Cyclone Idai response", "code": "idai", "country": "Mozambique"}
    values.update(overrides)
    return OperationInput(**values)


def _field_errors(raised: pytest.ExceptionInfo[ValidationErrors]) -> set[str]:
    return {error.field for error in raised.value.errors}


def test_created_operation_is_clean_and_current(db):
    with db.transaction() as session:
        op = create_operation(session, _op(name="  Cyclone  "))
    with db.session() as session:
        assert current_operation(session).id == op.id
    assert (op.name, op.code, op.country) == ("Cyclone", "IDAI", "MOZ")


def test_country_accepts_codes_and_names(db):
    with db.transaction() as session:
        assert create_operation(session, _op(code="A1", country="mw")).country == "MWI"
        assert create_operation(session, _op(code="A2", country="HTI")).country == "HTI"


def test_every_bad_field_is_named_with_a_reason(db):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_operation(
            session,
            _op(name=" ", code="x", country="Atlantis", start_date=date(2026, 5, 2),
                end_date=date(2026, 5, 1)),
        )
    assert _field_errors(raised) == {"name", "code", "country", "end_date"}
    assert "before the start" in raised.value.for_field("end_date")


def test_duplicate_short_code_is_refused(db):
    with db.transaction() as session:
        create_operation(session, _op())
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        create_operation(session, _op(name="Another"))
    assert raised.value.for_field("code") == "Another operation already uses the code IDAI."


def test_editing_keeps_its_own_code(db):
    with db.transaction() as session:
        op = create_operation(session, _op())
    with db.transaction() as session:
        assert update_operation(session, op.id, _op(hc_rc="Ms HC")).hc_rc == "Ms HC"


def test_archiving_the_current_operation_switches_to_another(db):
    with db.transaction() as session:
        first = create_operation(session, _op())
        second = create_operation(session, _op(code="FLD", name="Floods"))
        set_current_operation(session, second.id)
        set_archived(session, second.id, archived=True)
    with db.session() as session:
        assert current_operation(session).id == first.id
        assert [o.id for o in list_operations(session)] == [first.id]
        assert len(list_operations(session, include_archived=True)) == 2


def test_officer_is_required_and_device_code_is_stable(db):
    with pytest.raises(ValidationErrors) as raised, db.transaction() as session:
        save_officer(session, name="", organisation="")
    assert _field_errors(raised) == {"name", "organisation"}
    with db.transaction() as session:
        save_officer(session, name="Officer A", organisation="OCHA")
        code = device_code(session)
    with db.session() as session:
        assert first_run_done(session)
        assert get_officer(session).device_code == code
        assert len(code) == 2
