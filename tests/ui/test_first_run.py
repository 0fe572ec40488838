"""The first-run dialog: the officer is required, stored, and the demo loads on request."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.services.operations import current_operation, list_operations
from fieldapp.services.settings import first_run_done, get_officer
from ui.screens.first_run import FirstRunDialog


@pytest.fixture
def dialog(qtbot, ctx):
    first_run = FirstRunDialog(ctx)
    qtbot.addWidget(first_run)
    first_run.show()
    yield first_run
    ctx.tasks.shutdown()


def test_empty_name_shows_the_message_beside_the_field(qtbot, ctx, dialog):
    qtbot.keyClicks(dialog.organisation, "OCHA")
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("name") != "", timeout=5000)

    label = dialog.findChild(type(dialog.progress_label), "nameError")
    assert label.isVisible()
    assert label.text() == "Enter your name: it goes on every form you print."
    assert dialog.errors.message("organisation") == ""
    assert dialog.isVisible()
    assert dialog.empty_button.isEnabled()
    with ctx.db.session() as session:
        assert not first_run_done(session)


def test_typing_in_a_marked_field_clears_its_message(qtbot, dialog):
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.message("organisation") != "", timeout=5000)
    qtbot.keyClicks(dialog.organisation, "W")
    assert dialog.errors.message("organisation") == ""
    assert dialog.errors.message("name") != ""


def test_filled_officer_is_stored_and_the_dialog_closes(qtbot, ctx, dialog):
    qtbot.keyClicks(dialog.name, "  Ana Lima ")
    qtbot.keyClicks(dialog.organisation, "OCHA")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as session:
        officer = get_officer(session)
        assert (officer.name, officer.organisation) == ("Ana Lima", "OCHA")
        assert first_run_done(session)
        assert list_operations(session) == []


def test_load_demo_stores_the_officer_and_creates_the_current_demo_operation(qtbot, ctx, dialog):
    reports = []
    qtbot.keyClicks(dialog.name, "Ana Lima")
    qtbot.keyClicks(dialog.organisation, "OCHA")
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.demo_task is not None, timeout=5000)
    dialog.demo_task.progressed.connect(lambda done, total, _m: reports.append((done, total)))
    assert dialog.progress_box.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        pass

    with ctx.db.session() as session:
        operation = current_operation(session)
        assert operation is not None
        assert [op.id for op in list_operations(session)] == [operation.id]
        assert get_officer(session).name == "Ana Lima"
    assert dialog.demo_operation_id == operation.id
    assert ctx.current_operation_id == operation.id
    assert reports, "the progress bar received no reports"
