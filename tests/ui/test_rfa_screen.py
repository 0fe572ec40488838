"""The RFA screen driven like an officer: the form, its inline errors, status steps,
autosave across a window close, the filters, and the PDF saved from the screen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt

from fieldapp.models import utcnow
from fieldapp.services import rfa as service
from fieldapp.services.rfa import RfaInput
from tests.ui.conftest import open_window
from ui.models.rfa_table import column_of
from ui.screens.rfa import RfaScreen

JUSTIFICATION = "The only bridge is down and no civilian helicopter is in the country."


@pytest.fixture
def screen(rfa_screen) -> RfaScreen:
    return rfa_screen


def _new(qtbot, screen: RfaScreen) -> None:
    screen.new_button.click()
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)


def _add(db, operation_id: str, **values) -> str:
    with db.transaction() as session:
        return service.create_draft(session, operation_id=operation_id,
                                    data=RfaInput(**values), by="Test").id


def _buttons(screen: RfaScreen) -> set[str]:
    return set(screen.form.action_buttons)


def _transition(qtbot, screen: RfaScreen, status: str, comment: str = "") -> None:
    screen.form.action_buttons[status].click()
    qtbot.waitUntil(lambda: screen.form.transition_dialog.isVisible(), timeout=3000)
    dialog = screen.form.transition_dialog
    dialog.comment_box.setPlainText(comment)
    dialog.buttons.accepted.emit()


def test_form_error_is_shown_beside_field_then_fixed_and_submitted(qtbot, screen, seeded):
    _new(qtbot, screen)
    form = screen.form
    assert _buttons(screen) == {"submitted"}  # not stored yet: "Discard", not "Cancel"
    assert not form.title.isReadOnly()
    assert form.required_from.zone_label.isReadOnly()  # a label beside the date, never typed in
    qtbot.keyClicks(form.title, "Airlift of water kits to Isla Verde")
    form.organisation.setCurrentIndex(form.organisation.findData(seeded.organisation_id))
    form.organisation.activated.emit(form.organisation.currentIndex())
    form.contact.setFocus()
    qtbot.keyClicks(form.contact.lineEdit(), "Okafor")
    qtbot.waitUntil(lambda: form.contact.count() == 1, timeout=5000)
    form.contact.setCurrentIndex(0)
    form.contact.activated.emit(0)
    form.capability.setCurrentIndex(form.capability.findData("airlift_helicopter"))
    qtbot.keyClicks(form.task, "Fly 4 t of water kits.")
    qtbot.keyClicks(form.from_place, "Port Selvane")
    start = QDateTime.currentDateTime().addDays(1)
    for edit, when in ((form.required_from, start), (form.required_until, start.addDays(2))):
        edit.check.click()
        edit.edit.setDateTime(when)
    qtbot.keyClicks(form.civilian_means, "UNHAS fully booked.")
    qtbot.keyClicks(form.justification, "Too short")

    form.action_buttons["submitted"].click()  # refused at once: nothing to confirm
    assert "at least 30 characters" in form.errors.message("last_resort_justification")
    assert form.errors.message("title") == ""
    assert "cannot go for validation" in form.message.text()

    form.justification.clear()
    qtbot.keyClicks(form.justification, JUSTIFICATION)
    assert form.errors.message("last_resort_justification") == ""  # re-checked as typed
    _transition(qtbot, screen, "submitted", "Ready for the HCT")
    qtbot.waitUntil(lambda: form.status.text() == "Submitted for validation", timeout=5000)
    qtbot.waitUntil(lambda: form.history.rowCount() == 2, timeout=5000)
    assert form.history.item(0, 1).text() == "Draft → Submitted for validation"
    assert form.history.item(0, 3).text() == "Ready for the HCT"
    assert _buttons(screen) == {"validated", "returned", "rejected", "cancelled"}
    assert form.title.isReadOnly()  # submitted: read-only until "Edit"
    assert form.task.isReadOnly()
    assert form.required_from.zone_label.isReadOnly()


def test_a_refused_step_says_why(qtbot, screen, seeded, db):
    rfa_id = _add(db, seeded.operation_id, title="Incomplete")
    screen.open_item(rfa_id, kind="rfa")
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)
    screen.form.apply_transition("validated")
    qtbot.waitUntil(lambda: screen.form.message.isVisible(), timeout=5000)
    assert "cannot become validated by hc/rc" in screen.form.message.text()
    _transition(qtbot, screen, "cancelled", "")
    dialog = screen.form.transition_dialog
    assert dialog.isVisible()
    assert "Write a comment" in dialog.problem.text()


def test_draft_autosave_survives_closing_the_window(qtbot, ctx, seeded, db, window):
    ctx.set_current_operation_id(seeded.operation_id)
    screen = window.show_section("rfa")
    _new(qtbot, screen)
    rfa_id = screen.form.state.rfa_id
    qtbot.keyClicks(screen.form.title, "Typed just before closing")
    screen.form.remarks.insertPlainText("Ça marche — Иван")  # QTest types ASCII only
    assert screen.form.autosaver.pending
    window.close()  # well before the 800 ms pause: the hide flushes it
    with db.session() as session:
        rfa = service.get_rfa(session, rfa_id)
        assert (rfa.title, rfa.remarks) == ("Typed just before closing", "Ça marche — Иван")

    again = open_window(qtbot, ctx)
    screen = again.show_section("rfa")
    again.open_item("rfa", rfa_id)
    qtbot.waitUntil(lambda: screen.form.title.text() == "Typed just before closing",
                    timeout=5000)
    again.close()


def test_autosave_writes_after_a_pause_in_typing(qtbot, screen):
    _new(qtbot, screen)
    form = screen.form
    qtbot.keyClicks(form.title, "Debounced")
    with qtbot.waitSignal(form.autosaver.saved, timeout=5000):
        pass
    assert not form.autosaver.pending
    assert form.save_state.text() == "Draft saved"


def test_filters_narrow_the_list_and_mark_life_saving_and_overdue(qtbot, screen, seeded, db):
    past = utcnow() - timedelta(days=2)
    _add(db, seeded.operation_id, title="Water trucking", priority="other")
    _add(db, seeded.operation_id, title="Helicopter evacuation", priority="life_saving",
         required_from=past - timedelta(days=1), required_until=past)
    with qtbot.waitSignal(screen.model.loaded, timeout=5000):
        screen.model.refresh()
    assert screen.model.rowCount() == 2
    with qtbot.waitSignal(screen.model.loaded, timeout=5000):
        screen.priority_filter.setCurrentIndex(screen.priority_filter.findData("life_saving"))
    assert screen.model.rowCount() == 1
    row = screen.model.row_at(0)
    assert row.title == "Helicopter evacuation"
    priority = screen.model.index(0, column_of("priority"))
    status = screen.model.index(0, column_of("status"))
    assert priority.data() == "⚠ Life-saving"
    assert status.data() == "Overdue · Draft"
    assert status.data(Qt.ItemDataRole.BackgroundRole) is not None
    with qtbot.waitSignal(screen.model.loaded, timeout=5000):
        screen.priority_filter.setCurrentIndex(0)
    with qtbot.waitSignal(screen.model.loaded, timeout=5000):
        qtbot.keyClicks(screen.text_filter, "trucking")
    assert [screen.model.row_at(n).title for n in range(screen.model.rowCount())] == [
        "Water trucking"]
    assert "trucking" in screen.count_label.text()


def test_save_pdf_and_export_log_from_the_screen(qtbot, screen, seeded, db, tmp_path):
    rfa_id = _add(db, seeded.operation_id, title="Printed request")
    screen.open_item(rfa_id, kind="rfa")
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)
    target = tmp_path / "form.pdf"
    screen.pdf_action("save", str(target))
    qtbot.waitUntil(target.exists, timeout=10000)
    assert target.read_bytes().startswith(b"%PDF")
    log = tmp_path / "log.csv"
    screen.export_log("csv", str(log))
    qtbot.waitUntil(log.exists, timeout=10000)
    assert "Printed request" in log.read_text(encoding="utf-8-sig")


def test_saving_the_pdf_asks_where_and_keeps_the_folder_and_paper_size(qtbot, ctx, screen,
                                                                      seeded, db, tmp_path,
                                                                      monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.screens.rfa import PDF_FILTERS
    from ui.widgets.file_jobs import FOLDER_KEY

    rfa_id = _add(db, seeded.operation_id, title="Letter-size request")
    screen.open_item(rfa_id, kind="rfa")
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)
    target = tmp_path / "chosen.pdf"
    offered: list[tuple[str, str]] = []

    def ask(_parent, _title, suggested, _filters, selected):
        offered.append((suggested, selected))
        return str(target), PDF_FILTERS["Letter"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    screen.pdf_action("save")
    qtbot.waitUntil(target.exists, timeout=10000)
    assert offered[0][0].endswith(f"{screen.form.state.reference}.pdf")
    assert offered[0][1] == PDF_FILTERS["A4"]
    assert screen.page_size() == "Letter"
    assert ctx.settings.value(FOLDER_KEY) == str(tmp_path)
    assert b"/MediaBox [ 0 0 612 792 ]" in target.read_bytes()  # US Letter, in points
