"""The operation switcher and form: errors beside fields, create, switch, archive, restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from fieldapp.services.operations import current_operation, get_operation, list_operations


def _fill(qtbot, dialog, *, name="", code="", country=""):
    for widget, text in ((dialog.name, name), (dialog.code, code)):
        widget.clear()
        qtbot.keyClicks(widget, text)
    dialog.country.setEditText("")
    qtbot.keyClicks(dialog.country.lineEdit(), country)


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _combo_texts(window):
    combo = window.switcher.combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_duplicate_code_is_marked_beside_the_code_field(qtbot, ctx, seeded, window):
    window.switcher.new_action.trigger()
    dialog = window.switcher.dialog
    assert dialog.isVisible()
    _fill(qtbot, dialog, name="Cyclone Ana again", code="cya", country="Mozambique")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.errors.message("code") != "", timeout=5000)

    assert dialog.errors.message("code") == "Another operation already uses the code CYA."
    assert dialog.findChild(type(dialog.general_error), "codeError").isVisible()
    assert dialog.errors.message("name") == ""
    assert dialog.isVisible()
    with ctx.db.session() as session:
        assert len(list_operations(session)) == 2


def test_end_before_start_and_empty_name_are_each_marked(qtbot, seeded, window):
    from datetime import date

    dialog = window.switcher.new_operation()
    _fill(qtbot, dialog, name="", code="MARA", country="Madagascar")
    dialog.start_date.set_value(date(2026, 5, 2))
    dialog.end_date.set_value(date(2026, 5, 1))
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.errors.message("end_date") != "", timeout=5000)
    assert dialog.errors.message("end_date") == "The end date is before the start date."
    assert dialog.errors.message("name") == "Give the operation a name."
    assert dialog.errors.message("code") == ""
    assert dialog.name.hasFocus() or not dialog.isActiveWindow()


def test_valid_new_operation_becomes_current_and_is_listed(qtbot, ctx, seeded, window):
    dialog = window.switcher.new_operation()
    _fill(qtbot, dialog, name="Cyclone Mara response", code="mara", country="madagascar")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _save(qtbot, dialog)
    qtbot.waitUntil(lambda: ctx.current_operation_id == dialog.saved_id, timeout=5000)
    qtbot.waitUntil(lambda: window.switcher.combo.currentText()
                    == "MARA — Cyclone Mara response", timeout=5000)

    assert "MARA — Cyclone Mara response" in _combo_texts(window)
    assert "MARA — Cyclone Mara response" in window.operation_status.text()
    with ctx.db.session() as session:
        created = current_operation(session)
        assert (created.id, created.country) == (dialog.saved_id, "MDG")


def test_choosing_another_operation_in_the_combo_makes_it_current(qtbot, ctx, seeded, window):
    combo = window.switcher.combo
    assert combo.currentText() == "CYA — Cyclone Ana"
    assert _combo_texts(window) == ["CYA — Cyclone Ana", "FLB — Flood Bravo"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: ctx.current_operation_id == seeded.other_operation_id, timeout=5000)
    qtbot.waitUntil(lambda: "FLB" in window.operation_status.text(), timeout=5000)
    with ctx.db.session() as session:
        assert current_operation(session).id == seeded.other_operation_id


def test_edit_saves_the_current_operation(qtbot, ctx, seeded, window):
    dialog = window.switcher.edit_operation()
    assert dialog.name.text() == "Cyclone Ana"
    assert dialog.country.currentText() == "Mozambique"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Cyclone Ana (phase 2)")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "CYA — Cyclone Ana (phase 2)" in _combo_texts(window), timeout=5000)
    with ctx.db.session() as session:
        assert get_operation(session, seeded.operation_id).name == "Cyclone Ana (phase 2)"


def test_archive_hides_the_operation_and_restore_brings_it_back(qtbot, ctx, seeded, window):
    window.switcher.archive_action.trigger()
    qtbot.waitUntil(lambda: _combo_texts(window) == ["FLB — Flood Bravo"], timeout=5000)
    assert ctx.current_operation_id == seeded.other_operation_id
    assert "Archived CYA — Cyclone Ana" in window.statusBar().currentMessage()
    with ctx.db.session() as session:
        assert get_operation(session, seeded.operation_id).status == "archived"

    restore = window.switcher.restore_menu.actions()
    assert [action.text() for action in restore] == ["CYA — Cyclone Ana"]
    restore[0].trigger()
    qtbot.waitUntil(lambda: ctx.current_operation_id == seeded.operation_id, timeout=5000)
    qtbot.waitUntil(lambda: len(_combo_texts(window)) == 2, timeout=5000)
    assert window.switcher.combo.currentText() == "CYA — Cyclone Ana"
    assert not window.switcher.restore_menu.isEnabled()


def test_without_operations_the_switcher_says_so(qtbot, ctx, window):
    assert window.switcher.combo.count() == 0
    assert not window.switcher.edit_action.isEnabled()
    assert not window.switcher.archive_action.isEnabled()
    assert "No current operation" in window.operation_status.text()


def test_operations_that_arrive_with_none_current_make_the_first_current(qtbot, ctx, db):
    from sqlalchemy import delete

    from fieldapp.models import Operation, Setting
    from fieldapp.services.operations import OperationInput, create_operation
    from tests.ui.conftest import open_window

    with db.transaction() as session:  # as a first sync leaves it: operations, none current
        create_operation(session, OperationInput("Earthquake Marovia", "MRV", "Haiti"))
        session.execute(delete(Setting))
        assert session.query(Operation).count() == 1
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: ctx.current_operation_id != "", timeout=5000)
    with db.session() as session:
        assert current_operation(session).code == "MRV"
    assert window.switcher.combo.currentText().startswith("MRV")
    window.close()
