"""The RFA form holds still: messages never move the fields, required fields are marked
before Submit, a new request opens at its top, and the list keeps its width and columns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from fieldapp.models.enums import RfaStatus
from tests.ui.test_rfa_screen import _add, _new
from ui.models.rfa_table import column_of
from ui.screens.rfa import RfaScreen


@pytest.fixture
def screen(rfa_screen) -> RfaScreen:
    return rfa_screen


FIELDS = ("title", "requesting_org_id", "contact_id", "capability", "task_description",
          "from_place", "required_from", "required_until", "civilian_means_tried",
          "last_resort_justification", "remarks")


def _tops(screen: RfaScreen) -> dict[str, int]:
    form = screen.form
    return {name: form.findChild(QWidget, name).mapTo(form, QPoint(0, 0)).y()
            for name in FIELDS}


def _label_of(screen: RfaScreen, name: str) -> str:
    """The form label of a field (held in a box with its message line, maybe beside a
    note such as the title's characters left)."""
    widget = screen.form.findChild(QWidget, name)
    while widget is not None and widget is not screen.form:
        parent = widget.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QFormLayout) and layout.labelForField(widget) is not None:
            label = layout.labelForField(widget)
            assert isinstance(label, QLabel)
            return label.text()
        widget = parent
    raise AssertionError(f"{name} has no form label")


def test_a_refused_submission_moves_no_field(qtbot, screen):
    _new(qtbot, screen)
    form = screen.form
    qtbot.wait(50)
    before = _tops(screen)
    form.action_buttons["submitted"].click()
    assert form.errors.message("title")
    assert form.errors.message("last_resort_justification")
    assert form.message.isVisible()
    qtbot.wait(50)
    assert _tops(screen) == before


def test_a_long_message_is_cut_on_screen_but_kept_whole(qtbot, screen):
    _new(qtbot, screen)
    form = screen.form
    form.action_buttons["submitted"].click()
    line = form.findChild(QLabel, "requesting_org_idError")
    message = "Choose the organisation that asks for the assistance."
    assert form.errors.message("requesting_org_id") == message
    assert line.toolTip() == message
    screen.resize(700, 800)
    qtbot.wait(50)
    assert line.text() == message  # whole, though drawn shorter in a narrow form


def test_required_fields_are_marked_before_any_submission(qtbot, screen):
    _new(qtbot, screen)
    for name in ("title", "requesting_org_id", "contact_id", "task_description",
                 "from_place", "required_from", "required_until", "civilian_means_tried",
                 "last_resort_justification"):
        assert _label_of(screen, name).endswith("*"), name
    for name in ("cluster", "remarks", "passengers"):
        assert "*" not in _label_of(screen, name), name
    assert screen.form.legend.isVisible()
    assert "marked *" in screen.form.legend.text()


def test_new_request_opens_at_the_top_with_the_cursor_in_title(qtbot, screen, seeded, db):
    rfa_id = _add(db, seeded.operation_id, title="A long request")
    screen.open_item(rfa_id, kind="rfa")
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)
    bar = screen.form.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    screen.form.remarks.setFocus()
    assert screen.focusWidget() is screen.form.remarks
    _new(qtbot, screen)
    qtbot.waitUntil(lambda: screen.form.state.rfa_id != rfa_id, timeout=5000)
    # the window's focus widget: where the cursor is once the window is active
    qtbot.waitUntil(lambda: screen.focusWidget() is screen.form.title, timeout=5000)
    assert bar.value() == 0


def test_selecting_a_submitted_request_keeps_the_list_and_its_status_column(
        qtbot, screen, seeded, db):
    with db.transaction() as session:
        from fieldapp.services import rfa as service
        rfa = service.create_draft(session, operation_id=seeded.operation_id,
                                   data=service.RfaInput(title="Sent"), by="Test")
        rfa.status = RfaStatus.SUBMITTED
        rfa_id = rfa.id
    screen.resize(1100, 700)
    with qtbot.waitSignal(screen.model.loaded, timeout=5000):
        screen.model.refresh()
    qtbot.wait(50)
    before = screen.splitter.sizes()[0]
    minimum = screen.form.minimumSizeHint().width()
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.form.state is not None
                    and screen.form.state.rfa_id == rfa_id, timeout=5000)
    qtbot.waitUntil(lambda: "validated" in screen.form.action_buttons, timeout=5000)
    qtbot.wait(50)
    assert screen.form.minimumSizeHint().width() <= max(minimum, 300)
    assert screen.splitter.sizes()[0] == before
    status = column_of("status")
    right = (screen.table.columnViewportPosition(status)
             + screen.table.columnWidth(status))
    assert right <= screen.table.viewport().width()


def _stored(db) -> list[tuple[str, str]]:
    from sqlalchemy import select

    from fieldapp.models import Rfa
    with db.session() as session:
        return [(r.id, r.reference) for r in session.scalars(select(Rfa))]


def test_new_request_stores_nothing_until_something_is_typed(qtbot, screen, db):
    _new(qtbot, screen)
    first = screen.form.state.rfa_id
    screen.form.flush()
    _new(qtbot, screen)
    qtbot.waitUntil(lambda: screen.form.state.rfa_id != first, timeout=5000)
    screen.form.flush()
    assert _stored(db) == []
    assert screen.form.reference.text() == "New request"
    assert not screen.form.preview_button.isEnabled()

    qtbot.keyClicks(screen.form.title, "Water")
    screen.form.flush()
    [(rfa_id, reference)] = _stored(db)
    assert rfa_id == screen.form.state.rfa_id
    assert reference.endswith("-0001")  # the two blank forms used no number
    qtbot.waitUntil(lambda: screen.form.reference.text() == reference, timeout=5000)
    qtbot.waitUntil(lambda: screen.table.currentIndex().row() == 0, timeout=5000)
    assert screen.form.preview_button.isEnabled()
    assert screen.form.title.text() == "Water"


def test_discarding_a_new_request_leaves_no_draft(qtbot, screen, db):
    _new(qtbot, screen)
    assert screen.form.delete_button.text() == "Discard"
    screen.form.delete_button.click()
    assert screen.right.currentWidget() is screen.empty
    assert _stored(db) == []


def test_discarding_as_the_first_save_lands_deletes_that_draft(qtbot, screen, db):
    _new(qtbot, screen)
    qtbot.keyClicks(screen.form.title, "Changed my mind")
    with qtbot.waitSignal(screen.form.autosaver.saved, timeout=5000):
        screen.form.autosaver.flush_soon()
    assert not screen.form.state.stored  # stored, but the form does not know it yet
    screen.form.delete_button.click()
    assert screen.right.currentWidget() is screen.empty
    qtbot.waitUntil(lambda: _live(db) == [], timeout=5000)
    assert len(_stored(db)) == 1  # stored once, then deleted: its number stays taken
    qtbot.wait(200)  # the form's reload after that first save comes back: ignored
    assert screen.form.state is None
    assert screen.form.message.text() == ""  # (not "That request no longer exists.")


def _live(db) -> list[str]:
    from sqlalchemy import select

    from fieldapp.models import Rfa
    with db.session() as session:
        return list(session.scalars(select(Rfa.id).where(Rfa.deleted.is_(False))))


def test_a_pasted_title_over_its_size_is_kept_whole_and_said_too_long(qtbot, screen):
    _new(qtbot, screen)
    form = screen.form
    form.title.setText("x" * 230)  # as a paste does
    assert form.title.text() == "x" * 230  # nothing cut without a word
    assert "30" in form.title_limit.text()
    form.title.setText("x" * 200)
    assert form.title.text() == "x" * 200


def test_the_list_keeps_its_status_column_on_1366x768_at_125_percent(qtbot, screen, db,
                                                                      seeded):
    _add(db, seeded.operation_id, title="A request with a long title to narrow")
    with qtbot.waitSignal(screen.model.loaded, timeout=5000):
        screen.model.refresh()
    screen.resize(893, 560)  # 1093 logical px less the section list, as the window gives it
    qtbot.wait(100)
    status = column_of("status")
    qtbot.waitUntil(lambda: screen.table.columnViewportPosition(status)
                    + screen.table.columnWidth(status)
                    <= screen.table.viewport().width(), timeout=3000)
    assert screen.table.columnWidth(status) >= 100
