"""The main window fits the field's laptops: at 1366×768 (100 % and 125 %), 1920×1080 at
150 % and 3840×2160 at 200 % (logical pixels, as Qt lays out) it and its status bar are on
screen whichever section is shown, a remembered place is used only while it still fits a
screen, and the dialogs it opens are no bigger than the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from tests.ui.conftest import open_window
from ui.help.screen_fit import fit_to
from ui.main_window import DEFAULT_SIZE, FRAME_KEY, GEOMETRY_KEY
from ui.screens.contact_dialog import ContactDialog
from ui.screens.first_run import FirstRunDialog

SCREENS = {"1366x768 at 100 %": (1366, 768), "1366x768 at 125 %": (1093, 614),
           "1920x1080 at 150 %": (1280, 720), "3840x2160 at 200 %": (1920, 1080)}


def inside(widget: QWidget, area: QRect) -> bool:
    corner = widget.mapToGlobal(QPoint(widget.width() - 1, widget.height() - 1))
    return area.contains(widget.mapToGlobal(QPoint(0, 0))) and area.contains(corner)


@pytest.mark.parametrize("size", SCREENS.values(), ids=SCREENS.keys())
def test_every_section_fits_with_its_status_bar(qtbot, seeded, window, size):
    available = QRect(0, 0, *size)
    for section in window.sections:
        window.show_section(section.key)
        window.fit_to(available)
        qtbot.wait(10)  # let the layout settle on the section's own size
        assert available.contains(window.frameGeometry()), section.key
        assert inside(window.statusBar(), available), section.key
        assert inside(window.operation_status, available), section.key
        assert window.stack_scroll.viewport().width() > size[0] / 2, section.key
        assert window.search.isVisible(), "the search fell into the toolbar's overflow"


def test_the_search_box_stays_on_the_toolbar_of_a_narrow_window(qtbot, window):
    window.resize(760, 500)
    qtbot.wait(10)
    assert window.search.isVisible()
    assert inside(window.search, window.frameGeometry())


def test_a_big_screen_gets_the_default_size_centred(window):
    available = QRect(1920, 0, 1920, 1080)  # a second monitor on the right
    window.fit_to(available)
    assert window.size() == DEFAULT_SIZE
    assert abs(window.frameGeometry().center().x() - available.center().x()) <= 1
    assert abs(window.frameGeometry().center().y() - available.center().y()) <= 1


def test_a_first_start_opens_at_a_size_that_fits_this_screen(window):
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(window.frameGeometry())
    assert window.width() == min(DEFAULT_SIZE.width(), int(available.width() * 0.95))


def test_a_remembered_place_off_todays_screens_gives_the_default_centred(qtbot, ctx, window):
    window.resize(500, 400)
    window.close()
    ctx.settings.setValue(FRAME_KEY, QRect(2100, 50, 500, 400))  # the monitor is gone
    ctx.settings.sync()

    again = open_window(qtbot, ctx)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(again.frameGeometry())
    assert again.size() != QSize(500, 400)
    assert abs(again.frameGeometry().center().x() - available.center().x()) <= 2


def test_a_remembered_geometry_without_its_place_is_not_trusted(qtbot, ctx, window):
    window.resize(500, 400)
    window.close()
    assert ctx.settings.value(GEOMETRY_KEY) is not None
    ctx.settings.remove(FRAME_KEY)  # written by an older version: cannot be checked

    again = open_window(qtbot, ctx)
    assert again.size() != QSize(500, 400)


def test_the_contact_form_is_never_taller_than_the_screen(qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    contact = ContactDialog(ctx)
    qtbot.addWidget(contact)
    contact.show()
    qtbot.waitUntil(contact.buttons.isEnabled, timeout=5000)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert contact.sizeHint().height() <= available.height() * 0.9
    assert contact.scroll.widget().sizeHint().height() > 500  # it would not fit at 614
    ctx.tasks.shutdown()


@pytest.mark.parametrize("size", SCREENS.values(), ids=SCREENS.keys())
def test_the_welcome_and_contact_dialogs_fit_each_screen_with_their_buttons(
        qtbot, ctx, seeded, size):
    ctx.set_current_operation_id(seeded.operation_id)
    welcome = FirstRunDialog(ctx)
    contact = ContactDialog(ctx)
    for dialog in (welcome, contact):
        qtbot.addWidget(dialog)
        dialog.show()
    qtbot.waitUntil(contact.buttons.isEnabled, timeout=5000)
    available = QRect(0, 0, *size)
    for dialog, buttons in ((welcome, (welcome.demo_button, welcome.empty_button)),
                            (contact, contact.buttons.buttons())):
        fit_to(dialog, available, dialog.sizeHint())
        qtbot.wait(10)
        assert available.contains(dialog.frameGeometry()), dialog.objectName()
        for button in buttons:
            assert inside(button, available), button.text()
    ctx.tasks.shutdown()


def test_a_dialog_that_grew_past_the_screen_edge_is_moved_back_inside(qtbot):
    from ui.help.screen_fit import keep_inside

    dialog = QWidget()
    qtbot.addWidget(dialog)
    dialog.setGeometry(500, 300, 300, 280)
    dialog.show()
    available = QRect(0, 0, 700, 500)
    keep_inside(dialog, available)
    assert available.contains(dialog.frameGeometry())
    assert dialog.size() == QSize(300, 280)  # moved, not shrunk
    dialog.resize(800, 280)
    keep_inside(dialog, available)
    assert available.contains(dialog.frameGeometry())
