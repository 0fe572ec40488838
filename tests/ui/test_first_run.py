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


def _quit_question(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.quit_question is not None
                    and dialog.quit_question.isVisible(), timeout=2000)
    return dialog.quit_question


def test_escape_asks_before_quitting_and_back_keeps_the_dialog(qtbot, dialog):
    rejected = []
    dialog.rejected.connect(lambda: rejected.append(True))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    question = _quit_question(qtbot, dialog)
    assert question.text().startswith("Field Kit needs your name and organisation")
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # Escape again: back, never quit
    qtbot.waitUntil(lambda: dialog.quit_question is None, timeout=2000)
    assert dialog.isVisible()
    assert rejected == []


def test_quit_in_the_question_rejects_the_dialog(qtbot, dialog):
    dialog.close()  # the window's close button asks too
    _quit_question(qtbot, dialog)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.quit_button.click()
    assert not dialog.isVisible()


def test_the_application_quits_only_after_the_officer_says_quit(qtbot, ctx):
    from ui.app import Startup
    from ui.main_window import MainWindow

    quits = []
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    startup = Startup(_QuitRecorder(quits), ctx, window)
    startup._first_run()
    welcome = startup.first_run_dialog
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    _quit_question(qtbot, welcome).reject()  # Back
    qtbot.waitUntil(lambda: welcome.quit_question is None, timeout=2000)
    assert quits == []
    qtbot.keyClick(welcome, Qt.Key.Key_Escape)
    _quit_question(qtbot, welcome)
    welcome.quit_button.click()
    assert quits == ["quit"]
    ctx.tasks.shutdown()


class _QuitRecorder:
    """Stands in for the QApplication so the test process is not asked to quit."""

    def __init__(self, quits: list[str]) -> None:
        self.quits = quits

    def quit(self) -> None:
        self.quits.append("quit")


def test_the_welcome_opens_with_the_cursor_in_the_name(qtbot, dialog):
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.name.hasFocus(), timeout=2000)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.organisation.hasFocus()
