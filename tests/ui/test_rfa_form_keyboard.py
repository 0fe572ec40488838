"""The RFA form by keyboard: on a new request, Tab from Title walks the fields in the order
they are read (top to bottom), never stops in a field that cannot be typed in, and leaves
the multi-line boxes instead of typing a tab character into them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from ui.screens.rfa_form import RfaForm

# What a new request's form shows, top to bottom: a date's "Set" box comes before its time.
VISUAL_ORDER = [
    "title", "requesting_org_id", "cluster", "contact_id", "capability", "priority",
    "civilian_means_tried", "last_resort_justification", "capability_unique",
    "task_description", "from_place", "from_coords", "to_place", "to_coords",
    "required_from", "required_until", "passengers", "cargo_tonnes", "cargo_m3",
    "other_quantity", "other_unit", "security_considerations", "remarks", "proposedAssets",
]
MULTI_LINE = ["civilian_means_tried", "last_resort_justification", "task_description",
              "security_considerations", "remarks"]


@pytest.fixture
def form(qtbot, ctx, seeded, window) -> RfaForm:
    ctx.set_current_operation_id(seeded.operation_id)
    screen = window.show_section("rfa")
    screen.new_request()
    qtbot.waitUntil(lambda: screen.form.state is not None and screen.form.title.hasFocus(),
                    timeout=5000)
    return screen.form


def _field(widget: QWidget | None) -> str:
    """The form field a focused widget belongs to (a combo's line edit, a date's tick box
    are their field's)."""
    while widget is not None and not widget.objectName():
        widget = widget.parentWidget()
    return widget.objectName() if widget is not None else ""


def _tab(qtbot, times: int = 1) -> list[QWidget]:
    """Press Tab where the cursor is; the widgets that had the focus after each press."""
    focused = []
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused.append(QApplication.focusWidget())
    return focused


def _fields(widgets: list[QWidget]) -> list[str]:
    """The fields in the order the focus visited them, each once."""
    names: list[str] = []
    for widget in widgets:
        if not names or names[-1] != _field(widget):
            names.append(_field(widget))
    return names


def test_tab_from_title_walks_the_fields_in_visual_order(qtbot, form):
    walked = _fields([form.title, *_tab(qtbot, 28)])
    assert walked[:len(VISUAL_ORDER)] == VISUAL_ORDER


def test_tab_visits_the_time_of_a_date_once_it_is_set_and_never_its_zone_name(qtbot, form):
    form.required_from.check.setFocus()
    qtbot.keyClick(form.required_from.check, Qt.Key.Key_Space)  # ticks "Set"
    assert form.required_from.check.isChecked()
    # Tab steps through the time's parts (year, month, day, hour, minute: Qt's way), then on
    stops = _tab(qtbot, 8)
    within = stops[:next(n for n, w in enumerate(stops) if _field(w) != "required_from")]
    assert form.required_from.edit in within
    assert form.required_from.zone_label not in within
    assert stops[len(within)] is form.required_until.check


def test_tab_never_stops_in_a_read_only_widget(qtbot, form):
    stops = _tab(qtbot, 28)
    read_only = [_field(w) for w in stops
                 if isinstance(w, QLineEdit | QPlainTextEdit) and w.isReadOnly()]
    assert read_only == []


@pytest.mark.parametrize("name", MULTI_LINE)
def test_tab_leaves_a_multi_line_box_without_typing_a_tab(qtbot, form, name):
    box = form.findChild(QPlainTextEdit, name)
    box.setFocus()
    qtbot.keyClicks(box, "Water kits")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == "Water kits"
    assert not box.hasFocus()
    nxt = VISUAL_ORDER[VISUAL_ORDER.index(name) + 1]
    assert _field(QApplication.focusWidget()) == nxt
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert box.hasFocus()
