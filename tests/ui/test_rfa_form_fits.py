"""The Requests screen fits the field's laptops: at 1366×768 (100 % and 125 %), 1920×1080
at 150 % and 3840×2160 at 200 %, it never makes the window wider than the screen.

Sizes are in logical pixels (a 1366-pixel screen at 125 % is 1093 wide): Qt lays widgets
out in logical pixels, so one offscreen run at scale 1 checks every scale (the minimum
widths were measured the same with QT_SCALE_FACTOR 1, 1.25 and 2).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from fieldapp.models.enums import RfaStatus
from fieldapp.services import rfa as service
from fieldapp.services.rfa import RfaInput

SCREENS = {"1366x768 at 100 %": (1366, 768), "1366x768 at 125 %": (1093, 614),
           "1920x1080 at 150 %": (1280, 720), "3840x2160 at 200 %": (1920, 1080)}


def _submitted(db, operation_id: str) -> str:
    with db.transaction() as session:
        rfa = service.create_draft(session, operation_id=operation_id, by="Test", data=RfaInput(
            title="A request with a long title to see how the list copes with it",
            cluster="Camp Coordination and Camp Management"))
        rfa.status = RfaStatus.VALIDATED  # the most next steps: pass, cancel, edit
        return rfa.id


@pytest.mark.parametrize("size", SCREENS.values(), ids=SCREENS.keys())
def test_the_requests_screen_fits_the_screen(qtbot, ctx, seeded, db, window, size):
    width, height = size
    rfa_id = _submitted(db, seeded.operation_id)
    ctx.set_current_operation_id(seeded.operation_id)
    screen = window.show_section("rfa")
    window.open_item("rfa", rfa_id)
    qtbot.waitUntil(lambda: screen.form.state is not None
                    and screen.form.state.rfa_id == rfa_id, timeout=5000)
    qtbot.waitUntil(lambda: "passed_to_military" in screen.form.action_buttons, timeout=5000)
    window.resize(width, height)
    qtbot.wait(50)
    assert screen.minimumSizeHint().width() <= width - 200  # beside the section list
    assert window.minimumSizeHint().width() <= width
    assert window.width() <= width
    inside = QRect(QPoint(0, 0), window.size())
    for widget in (screen.text_filter, screen.status_filter, screen.capability_filter,
                   screen.new_button, screen.export_button, screen.form.title,
                   *screen.form.action_buttons.values(), screen.form.edit_button,
                   screen.form.print_button):
        corner = widget.mapTo(window, QPoint(widget.width() - 1, widget.height() - 1))
        assert inside.contains(widget.mapTo(window, QPoint(0, 0))), widget
        assert inside.contains(corner), widget.objectName() or widget.text()


def test_no_input_of_the_form_asks_for_more_than_a_narrow_screen(qtbot, ctx, seeded, window):
    ctx.set_current_operation_id(seeded.operation_id)
    screen = window.show_section("rfa")
    screen.new_request()
    qtbot.waitUntil(lambda: screen.form.state is not None, timeout=5000)
    inputs = [w for w in screen.form.fields_widget.findChildren(QWidget)
              if isinstance(w, QLineEdit | QComboBox | QAbstractButton) and w.isVisible()]
    assert inputs
    widest = max(inputs, key=lambda w: w.minimumSizeHint().width())
    assert widest.minimumSizeHint().width() <= 300, widest.objectName()
