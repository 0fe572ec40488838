"""Forms are keyboard-first: the New contact form starts in Given name, Tab goes down the
form in order (phones included) and out of the multi-line boxes without typing a tab into
them, and several e-mails can be typed one a line or as a list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.screens.contact_dialog import ContactDialog, split_emails
from ui.widgets.handbook_notes import SectionNotes


@pytest.fixture
def form(qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    dialog = ContactDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5000)
    qtbot.waitUntil(lambda: dialog.phone_rows()[0].isVisible(), timeout=5000)
    yield dialog
    ctx.tasks.shutdown()


def _focused(widget):
    """The form field that holds the focus (an editable combo's line edit is the combo)."""
    focus = QApplication.focusWidget()
    return focus.parentWidget() if focus is not None and focus.parentWidget() is \
        getattr(widget, "organisation", None) else focus


def test_the_new_contact_form_opens_with_the_cursor_in_given_name(form):
    assert QApplication.focusWidget() is form.given_name


def test_tab_goes_down_the_contact_form_field_by_field(qtbot, form):
    line = form.phone_rows()[0]
    expected = [form.family_name, form.full_name, form.organisation, form.org_type, form.role,
                line.kind, line.number, line.remove, form.add_phone_button, form.emails,
                form.call_sign, form.location, form.languages, form.notes, form.favourite,
                form.is_global]
    form.given_name.setFocus()
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(_focused(form))
    names = [w.objectName() or type(w).__name__ for w in visited]
    assert visited == expected, names


def test_a_phone_added_later_takes_its_place_in_the_tab_order(qtbot, form):
    second = form.add_phone()
    qtbot.waitUntil(second.isVisible, timeout=2000)
    form.phone_rows()[0].remove.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.kind


def test_tab_leaves_the_emails_box_without_typing_a_tab(qtbot, form):
    form.emails.setFocus()
    qtbot.keyClicks(form.emails, "ana@example.org")
    qtbot.keyClick(form.emails, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.call_sign
    assert "\t" not in form.emails.toPlainText()
    form.notes.setFocus()
    qtbot.keyClick(form.notes, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.favourite
    assert form.notes.toPlainText() == ""


def test_several_emails_one_a_line_or_as_a_list(form):
    form.emails.setPlainText("ana@example.org\nbo@example.org, cy@example.org;\tdi@example.org")
    assert form.form_input().emails == ["ana@example.org", "bo@example.org",
                                        "cy@example.org", "di@example.org"]
    assert split_emails("  \n , ") == []


def test_tab_moves_out_of_the_handbook_notes_box(qtbot):
    notes = SectionNotes()
    qtbot.addWidget(notes)
    notes.show()
    notes.activateWindow()
    notes.editor.setFocus()
    qtbot.keyClicks(notes.editor, "Call the port first")
    qtbot.keyClick(notes.editor, Qt.Key.Key_Tab)
    assert not notes.editor.hasFocus()
    assert notes.editor.toPlainText() == "Call the port first"
