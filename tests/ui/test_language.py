"""The interface's language: chosen in View > Language, the window is rebuilt in it, with
Qt's own buttons, dates and numbers and the core's text in the same language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from fieldapp import i18n
from ui.app import Shell
from ui.i18n import LANGUAGE_KEY, Translations, chosen_language, system_language
from ui.main_window import MainWindow


@pytest.fixture
def translations(qapp) -> Iterator[Translations]:
    """The application's translators; English again after the test."""
    installed = Translations(qapp)
    yield installed
    installed.apply("en")


@pytest.fixture
def shell(qtbot, ctx, translations) -> Iterator[Shell]:
    """The application's window owner, its window shown and ready."""
    owner = Shell(QApplication.instance(), ctx, translations)
    with qtbot.waitSignal(owner.window.ready, timeout=5000):
        owner.window.show()
    yield owner
    owner.window.close()
    ctx.tasks.shutdown()


def _menu_titles(window: MainWindow) -> list[str]:
    return [menu.title() for menu in window.menu.menus.values()]


def test_choosing_spanish_rebuilds_the_window_in_spanish_and_back(qtbot, shell, ctx):
    assert _menu_titles(shell.window)[0] == "&File"
    english = shell.window
    shell.window.menu.actions["language_es"].trigger()
    spanish = shell.window
    assert spanish is not english
    assert _menu_titles(spanish)[:3] == ["&Archivo", "&Edición", "&Ver"]
    assert spanish.sidebar.item(0).text() != english.sidebar.item(0).text()
    screen = spanish.show_section("contacts")
    headers = [screen.model.headerData(n, Qt.Orientation.Horizontal) for n in range(1, 3)]
    assert headers == ["Nombre", "Organización"]
    assert ctx.settings.value(LANGUAGE_KEY) == "es"
    assert i18n.language() == "es"
    assert spanish.menu.actions["language_es"].isChecked()

    spanish.menu.actions["language_en"].trigger()
    assert _menu_titles(shell.window)[0] == "&File"
    assert i18n.language() == "en"


def test_qt_buttons_dates_and_numbers_follow_the_language(translations):
    translations.apply("fr")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") \
        == "Annuler"
    assert QLocale().toString(1234.5, "f", 1) in ("1\u202f234,5", "1\u00a0234,5", "1 234,5")
    assert QLocale().monthName(12) == "décembre"
    translations.apply("es")
    assert QLocale().monthName(12) == "diciembre"
    assert i18n.language() == "es"


def test_a_form_with_unsaved_text_keeps_the_language_until_the_next_start(
        qtbot, shell, ctx, monkeypatch):
    monkeypatch.setattr(MainWindow, "unsaved_work", lambda _self: True)
    before = shell.window
    assert not before.choose_language("fr")
    assert shell.window is before
    assert _menu_titles(before)[0] == "&File"
    assert "not saved yet" in before.statusBar().currentMessage()
    assert ctx.settings.value(LANGUAGE_KEY) == "fr"  # kept for the next start
    assert chosen_language(ctx.settings) == "fr"


def test_the_system_language_is_followed_until_one_is_chosen(ctx):
    ctx.settings.setValue(LANGUAGE_KEY, "")
    assert chosen_language(ctx.settings) == system_language()
    assert system_language(QLocale("es_MX")) == "es"
    assert system_language(QLocale("de_DE")) == "en"
    ctx.settings.setValue(LANGUAGE_KEY, "xx")
    assert chosen_language(ctx.settings) == system_language()



def test_the_global_search_reads_the_handbook_in_the_interfaces_language(
        qtbot, shell, ctx, db):
    from fieldapp.handbook import load_edition

    load_edition(db)
    shell.window.menu.actions["language_fr"].trigger()
    window = shell.window
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "enseignements tires")
    qtbot.waitUntil(lambda: window.search.results.isVisible()
                    and "Enseignements observés" in str(window.search.results.groups()),
                    timeout=5000)
