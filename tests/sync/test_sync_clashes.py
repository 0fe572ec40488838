"""Unique clashes never block a pull: HQ gives each device its own code at enrollment, and
a pulled row wanting a reference another local row holds is kept under an alternative."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fieldapp.errors import ValidationError
from fieldapp.models import Conflict, Operation, OutboxEntry, Rfa
from fieldapp.services.rfa import create_draft
from fieldapp.services.settings import DEVICE_CODE, get_setting, set_setting
from hq import admin
from hq.models import Device, RowState
from sync.client import enroll, open_conflicts, resolve_conflict, sync_once
from sync.tokens import TokenStore
from tests.sync.conftest import enrolled

# Devices write ids as UUIDs, and HQ holds a change with any other id (row ids at the door).
OP_A = "00000000-0000-4000-8000-00000000000a"
OP_B = "00000000-0000-4000-8000-00000000000b"


def _code_of(db):
    with db.session() as session:
        return get_setting(session, DEVICE_CODE)


def _set_code(db, code):
    with db.transaction() as session:
        set_setting(session, DEVICE_CODE, code)


def _draft(db, op_id):
    with db.transaction() as session:
        return create_draft(session, operation_id=op_id, by="Ana").id


def _references(db):
    with db.session() as session:
        return dict(session.execute(select(Rfa.id, Rfa.reference)).all())


def _enroll_with_code(hq, make_profile, name, code, *, officer="Ana"):
    db = make_profile(name)
    _set_code(db, code)
    secret, _ = admin.make_enrollment_code(hq.db, officer=officer)
    enrollment = enroll(db, hq.url, secret, device_name=name, tokens=TokenStore(db))
    return db, enrollment


def test_enrollment_gives_each_device_a_code_no_colleague_has(hq, make_profile):
    admin.add_officer(hq.db, name="Bob")
    admin.assign(hq.db, officer="Bob", operation="MRV")
    a, first = _enroll_with_code(hq, make_profile, "a", "11")
    assert first.device_code == "11"  # free: the device keeps the code it has
    b, second = _enroll_with_code(hq, make_profile, "b", "11")  # same officer
    c, third = _enroll_with_code(hq, make_profile, "c", "11", officer="Bob")  # colleague
    codes = {first.device_code, second.device_code, third.device_code}
    assert len(codes) == 3
    assert _code_of(b) == second.device_code
    assert _code_of(c) == third.device_code
    with hq.db.read() as session:
        assert set(session.scalars(select(Device.code))) == codes

    # A device enrolled before HQ gave codes (none stored) used 42 in a pushed reference:
    # HQ learns the code from the reference and gives it to no one else.
    sync_once(a)
    _set_code(a, "42")
    _draft(a, hq.operation_id)
    sync_once(a)
    with hq.db.write() as session:
        for device in session.scalars(select(Device)):
            device.code = None
    _, fourth = _enroll_with_code(hq, make_profile, "d", "42", officer="Bob")
    assert fourth.device_code != "42"

    # Another operation's devices do not constrain this officer.
    admin.add_operation(hq.db, code="OTH", name="Other", country="PHL")
    admin.add_officer(hq.db, name="Cy")
    admin.assign(hq.db, officer="Cy", operation="OTH")
    _, fifth = _enroll_with_code(hq, make_profile, "e", "11", officer="Cy")
    assert fifth.device_code == "11"


def test_new_references_use_hqs_code_and_old_ones_are_kept(hq, make_profile):
    _enroll_with_code(hq, make_profile, "a", "11")
    b = make_profile("b")
    _set_code(b, "11")
    with b.transaction() as session:  # an offline operation and a draft before enrolling
        session.add(Operation(id=OP_B, name="Offline", code="OFF", country="HTI"))
    before = _draft(b, OP_B)
    secret, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    enrollment = enroll(b, hq.url, secret, tokens=TokenStore(b))
    assert enrollment.device_code != "11"
    after = _draft(b, OP_B)
    references = _references(b)
    assert references[before] == "OFF-11-0001"
    assert references[after] == f"OFF-{enrollment.device_code}-0002"


def _clashing_pair(hq, make_profile):
    """Devices a and b that both made MRV-11-0001 (the same code before HQ gave codes)."""
    a = enrolled(hq, make_profile, "a")
    b = enrolled(hq, make_profile, "b")
    _set_code(a, "11")
    _set_code(b, "11")
    x = _draft(a, hq.operation_id)
    y = _draft(b, hq.operation_id)
    assert _references(a)[x] == _references(b)[y] == "MRV-11-0001"
    return a, b, x, y


def test_a_pulled_reference_held_by_a_local_row_keeps_both_rows(hq, make_profile):
    a, b, x, y = _clashing_pair(hq, make_profile)
    sync_once(a)
    result = sync_once(b)  # must not fail: b keeps its own, a's arrives renamed
    assert result.conflicts == 1
    assert _references(b) == {y: "MRV-11-0001", x: "MRV-11-0001-B"}
    with b.session() as session:
        [clash] = open_conflicts(session)
        assert (clash.row_id, clash.field, clash.local_value, clash.server_value) == \
            (x, "reference", "MRV-11-0001-B", "MRV-11-0001")
        # Nothing renamed here is sent to HQ until the officer decides.
        assert session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == x)).all() == []
    assert sync_once(a).conflicts == 1
    assert _references(a) == {x: "MRV-11-0001", y: "MRV-11-0001-B"}
    # Pulling the same rows again (a new officer assigned re-sends them) changes nothing.
    admin.add_officer(hq.db, name="Bob")
    admin.assign(hq.db, officer="Bob", operation="MRV")
    again = sync_once(b)
    assert (again.pulled, again.conflicts) == (5, 0)  # operation, 2 RFAs, 2 events
    assert _references(b) == {y: "MRV-11-0001", x: "MRV-11-0001-B"}
    with hq.db.read() as session:
        references = set(session.scalars(select(RowState.fields["reference"].as_string())
                                         .where(RowState.entity == "rfa")))
    assert references == {"MRV-11-0001"}  # HQ holds both rows; nothing renamed there

    # The officer on b keeps b's name for a's request: every device ends the same.
    with b.transaction() as session:
        [clash] = open_conflicts(session)
        with pytest.raises(ValidationError, match="already used by another rfa"):
            resolve_conflict(session, clash.id, choice="hq")
    with b.transaction() as session:
        resolve_conflict(session, clash.id, choice="mine")
    for db in (b, a, b):
        sync_once(db)
    for db in (a, b):
        assert _references(db) == {x: "MRV-11-0001-B", y: "MRV-11-0001"}
        with db.session() as session:
            assert open_conflicts(session) == []


def test_edit_resolution_of_a_clash_and_clashing_operation_codes(hq, make_profile):
    a, b, x, y = _clashing_pair(hq, make_profile)
    with a.transaction() as session:
        session.add(Operation(id=OP_A, name="Flood A", code="FLD", country="HTI"))
    with b.transaction() as session:
        session.add(Operation(id=OP_B, name="Flood B", code="FLD", country="HTI"))
    sync_once(a)
    assert sync_once(b).conflicts == 2
    with b.session() as session:
        codes = dict(session.execute(select(Operation.id, Operation.code)).all())
        clashes = {c.field: c for c in open_conflicts(session)}
    assert (codes[OP_B], codes[OP_A]) == ("FLD", "FLD2")
    with b.transaction() as session:
        resolve_conflict(session, clashes["reference"].id, choice="edit", value="MRV-11-0001-A")
        resolve_conflict(session, clashes["code"].id, choice="edit", value="FLDA")
    sync_once(b)
    assert sync_once(a).conflicts == 0  # HQ's new values do not clash on a
    for db in (a, b):
        assert _references(db) == {x: "MRV-11-0001-A", y: "MRV-11-0001"}
        with db.session() as session:
            assert session.get(Operation, OP_A).code == "FLDA"
            assert session.scalar(select(Conflict.id).where(Conflict.resolved_at.is_(None))) \
                is None
