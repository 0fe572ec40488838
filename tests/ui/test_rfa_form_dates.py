"""The RFA form's dates: sensible moments offered when "Set" is ticked, a warning for a
start already past (allowed, with a reason on submission), one named zone for the fields
and the history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime

from fieldapp.models import Operation, RfaEvent, utcnow
from fieldapp.services import rfa as service
from tests.ui.conftest import open_rfa_screen
from tests.ui.test_rfa_screen import JUSTIFICATION, _add, _new
from ui.screens.rfa import RfaScreen

ZONE = "Asia/Kathmandu"  # UTC+05:45: no hour-aligned zone hides a mistake


@pytest.fixture
def screen(qtbot, ctx, seeded, db) -> RfaScreen:
    with db.transaction() as session:
        session.get(Operation, seeded.operation_id).timezone = ZONE
    return open_rfa_screen(qtbot, ctx, seeded.operation_id)


def test_ticking_until_offers_a_week_after_the_start(qtbot, screen):
    _new(qtbot, screen)
    form = screen.form
    form.required_from.check.click()
    form.required_from.edit.setDateTime(QDateTime(2031, 5, 2, 9, 15, 0))
    start = form.required_from.value()
    assert start == datetime(2031, 5, 2, 9, 15, tzinfo=ZoneInfo(ZONE)).astimezone(UTC)
    form.required_until.check.click()
    assert form.required_until.value() == start + timedelta(days=7)


def test_ticking_dates_never_offers_the_current_minute(qtbot, screen):
    _new(qtbot, screen)
    form = screen.form
    before = utcnow()
    form.required_from.check.click()
    after = utcnow()
    offered = form.required_from.value()
    assert offered in {service.default_from(before), service.default_from(after)}
    assert offered > after
    form.required_from.check.click()  # untick the start: the end is a week after the hour
    form.required_until.check.click()
    assert form.required_until.value() == offered + timedelta(days=7)
    assert form.required_from.value() is None


def test_a_past_start_is_warned_about_and_submitting_it_needs_a_reason(
        qtbot, screen, seeded, db):
    now = utcnow()
    rfa_id = _add(db, seeded.operation_id, title="Airlift done this morning",
                  requesting_org_id=seeded.organisation_id, contact_id=seeded.contact_id,
                  task_description="Flew 2 t of kits", from_place="Port Selvane",
                  required_from=now + timedelta(days=1), required_until=now + timedelta(days=2),
                  civilian_means_tried="None in country", last_resort_justification=JUSTIFICATION)
    screen.open_item(rfa_id, kind="rfa")
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)
    form = screen.form
    assert not form.from_warning.isVisible()
    past = datetime.now(ZoneInfo(ZONE)) - timedelta(hours=3)
    past_shown = QDateTime(past.year, past.month, past.day, past.hour, past.minute, 0)
    form.required_from.edit.setDateTime(past_shown)
    assert form.from_warning.isVisible()
    assert "already past" in form.from_warning.text()
    form.required_from.edit.setDateTime(past_shown.addDays(1))
    assert not form.from_warning.isVisible()
    form.required_from.edit.setDateTime(past_shown)
    assert form.from_warning.isVisible()

    form.action_buttons["submitted"].click()
    qtbot.waitUntil(lambda: form.transition_dialog.isVisible(), timeout=3000)
    dialog = form.transition_dialog
    assert dialog.warning.isVisible()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()  # no reason: not yet
    assert "Write a comment" in dialog.problem.text()
    dialog.comment_box.setPlainText("Recording the airlift flown at dawn")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: form.state.status == "submitted", timeout=5000)
    with db.session() as session:
        last = service.history(session, rfa_id)[-1]
    assert last.comment == "Recording the airlift flown at dawn"


def test_the_history_shows_times_in_the_operation_zone_and_names_it(qtbot, screen, seeded,
                                                                     db):
    rfa_id = _add(db, seeded.operation_id, title="Zoned")
    at = datetime(2030, 1, 1, 23, 30, tzinfo=UTC)
    with db.transaction() as session:
        for event in session.query(RfaEvent).filter_by(rfa_id=rfa_id):
            event.at = at
    screen.open_item(rfa_id, kind="rfa")
    qtbot.waitUntil(lambda: screen.form.history.rowCount() == 1, timeout=5000)
    history = screen.form.history
    assert history.item(0, 0).text() == "2030-01-02 05:15"  # 23:30 UTC + 5:45
    assert history.horizontalHeaderItem(0).text() == f"When ({ZONE})"
    assert screen.form.required_from.zone_label.text() == ZONE
