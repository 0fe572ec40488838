"""Every screen in the pseudo language (each text bracketed and a third longer): a text
left out of translation shows unbracketed, and a translation a third longer than the
English must still fit a 1366×768 window (no cut button, label or sidebar name)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from fieldapp.i18n import PSEUDO
from tests.ui.conftest import open_demo_window
from ui.i18n import Translations
from ui.main_window import MainWindow

SECTIONS = ("handbook", "rfa", "contacts", "assets", "lessons", "sync")
DATA = {"rfaReference", "brand", "profileStatus"}  # a reference, the product, a folder: not text
_WORDS = re.compile(r"[^\W\d_]{2,}")


@pytest.fixture
def pseudo_window(qtbot, qapp, db, ctx) -> Iterator[MainWindow]:
    """The main window on the demo operation, built in the pseudo language."""
    translations = Translations(qapp)
    translations.apply(PSEUDO)
    window = open_demo_window(qtbot, db, ctx)
    yield window
    window.close()
    ctx.tasks.shutdown()
    translations.apply("en")


def _shown_text(widget: QWidget) -> str | None:
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    if isinstance(widget, QLabel) and not widget.wordWrap() and "<" not in widget.text():
        return widget.text()
    return None


def _problems(window: MainWindow, section: str) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        text = _shown_text(widget) if widget.isVisible() else None
        if not text or widget.objectName() in DATA:
            continue
        plain = text.replace("&", "")
        if _WORDS.search(plain) and not (plain.startswith("[") or "~]" in plain):
            found.append(f"{section}: untranslated {type(widget).__name__} "
                         f"{widget.objectName()!r}: {plain!r}")
        elif isinstance(widget, (QAbstractButton, QLabel)) \
                and widget.sizeHint().width() > widget.width() + 1:
            found.append(f"{section}: cut {type(widget).__name__} {widget.objectName()!r}: "
                         f"{plain!r} needs {widget.sizeHint().width()} px, has {widget.width()}")
    if window.sidebar.horizontalScrollBar().isVisible() or \
            window.sidebar.sizeHintForColumn(0) > window.sidebar.viewport().width():
        found.append(f"{section}: a section's name is cut in the sidebar")
    return found


def test_every_screen_is_translated_and_nothing_is_cut_in_a_longer_language(
        qtbot, pseudo_window):
    problems = []
    for section in SECTIONS:
        screen = pseudo_window.show_section(section)
        qtbot.wait(400)
        if section == "rfa":
            qtbot.waitUntil(lambda s=screen: s.model.rowCount() > 0, timeout=5000)
            screen.table.selectRow(0)
            qtbot.wait(400)
        problems += _problems(pseudo_window, section)
    assert problems == []
    assert [menu.title()[:2] for menu in pseudo_window.menu.menus.values()] == ["[&"] * 6
