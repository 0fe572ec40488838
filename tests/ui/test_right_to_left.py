"""Ready for a right-to-left language: with the layout direction right to left, every
screen mirrors (sections on the right, menus from the right, form labels right of their
fields), so an Arabic translation is translation work only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QWidget

from tests.ui.conftest import open_demo_window
from ui.main_window import MainWindow

SECTIONS = ("handbook", "rfa", "contacts", "assets", "lessons", "sync")


@pytest.fixture
def mirrored(qtbot, qapp, db, ctx) -> Iterator[MainWindow]:
    """The main window on the demo operation, laid out right to left."""
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window = open_demo_window(qtbot, db, ctx)
    yield window
    window.close()
    ctx.tasks.shutdown()
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _x(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).x()


def test_every_screen_mirrors_from_the_right(qtbot, mirrored):
    bar = mirrored.menuBar()
    titles = [action for action in bar.actions() if action.menu()]
    assert bar.actionGeometry(titles[0]).x() > bar.actionGeometry(titles[-1]).x()  # File right
    assert _x(mirrored.search) < _x(mirrored.switcher)  # the search box on the left
    for section in SECTIONS:
        screen = mirrored.show_section(section)
        qtbot.wait(200)
        assert screen.layoutDirection() == Qt.LayoutDirection.RightToLeft, section
        assert _x(mirrored.sidebar) > _x(screen), section  # sections on the right
        for form in screen.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label and field and label.widget() and label.widget().isVisible() \
                        and field.geometry().y() == label.geometry().y():
                    assert label.geometry().x() > field.geometry().x(), (section, row)


def test_phone_numbers_and_addresses_keep_their_order_on_a_mirrored_screen(qtbot, mirrored):
    screen = mirrored.show_section("contacts")
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=5000)
    phone = screen.model.data(screen.model.index(0, 5))
    assert phone.startswith("\u2066+")
    assert phone.endswith("\u2069")
