"""Help: the offline guide's pages and links, the shortcuts sheet made from the actions,
and About (version, data folder, licences)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from ui.help import dialogs
from ui.help.dialogs import GUIDE_START, GuideViewer, guide_folder, shortcut_rows
from ui.help.licences import font_licences
from ui.i18n import Translations

GUIDE_LANGUAGES = ("fr", "es")


@pytest.fixture
def translations(qapp) -> Iterator[Translations]:
    """The application's translators; English again after the test."""
    installed = Translations(qapp)
    yield installed
    installed.apply("en")


def _links(page: Path) -> list[str]:
    return re.findall(r"\]\(([^)#]+\.md)\)", page.read_text(encoding="utf-8"))


def _follow_first_link(qtbot, guide: GuideViewer) -> None:
    """Tab to the page's first link and press Enter, as a reader would."""
    guide.browser.setFocus()
    qtbot.keyClick(guide.browser, Qt.Key.Key_Tab)
    qtbot.keyClick(guide.browser, Qt.Key.Key_Return)


def test_every_link_of_the_guide_leads_to_a_page_that_is_there():
    pages = sorted(guide_folder().glob("*.md"))
    assert {p.name for p in pages} >= {"index.md", "first-day.md", "rfa.md",
                                        "import-contacts.md", "sync.md"}
    for page in pages:
        for target in _links(page):
            assert (guide_folder() / target).is_file(), f"{page.name} -> {target}"


def test_a_link_opens_its_page_and_back_returns(qtbot):
    guide = GuideViewer()
    qtbot.addWidget(guide)
    guide.show()
    guide.open_page("import-contacts.md")
    assert guide.page() == "import-contacts.md"
    assert "Columns" in guide.browser.toPlainText()
    assert guide.back_button.isEnabled()
    guide.back_button.click()
    assert guide.page() == GUIDE_START


def test_a_missing_page_says_the_guide_is_missing(qtbot):
    guide = GuideViewer(page="no-such-page.md")
    qtbot.addWidget(guide)
    assert "The user guide is missing" in guide.browser.toPlainText()


def test_every_page_of_the_guide_is_in_french_and_spanish_with_the_same_links():
    for page in sorted(guide_folder().glob("*.md")):
        for lang in GUIDE_LANGUAGES:
            translated = guide_folder() / lang / page.name
            assert translated.is_file(), f"{lang}/{page.name} is missing"
            assert _links(translated) == _links(page), f"{lang}/{page.name}"


def test_the_french_guide_keeps_a_non_breaking_space_before_double_punctuation():
    for page in sorted((guide_folder() / "fr").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"[ \t\n][:;?!]", text), page.name
        assert not re.search(r"\w[;?!]", text), page.name


def test_in_french_the_guide_opens_in_french_and_its_links_stay_french(qtbot, translations):
    translations.apply("fr")
    guide = GuideViewer()
    qtbot.addWidget(guide)
    guide.show()
    assert guide.page() == GUIDE_START
    assert "Votre premier jour dans une opération" in guide.browser.toPlainText()
    _follow_first_link(qtbot, guide)
    assert guide.page() == "first-day.md"
    assert "Commencer à vide" in guide.browser.toPlainText()


def test_in_spanish_a_page_not_translated_yet_is_shown_in_english(
        qtbot, translations, monkeypatch, tmp_path):
    (tmp_path / "es").mkdir()
    (tmp_path / "index.md").write_text("# Contents\n\n- [New page](new.md)\n", "utf-8")
    (tmp_path / "es" / "index.md").write_text("# Contenido\n\n- [Página nueva](new.md)\n",
                                              "utf-8")
    (tmp_path / "new.md").write_text("# A page only in English\n", "utf-8")
    monkeypatch.setattr(dialogs, "guide_folder", lambda: tmp_path)
    translations.apply("es")
    guide = GuideViewer()
    qtbot.addWidget(guide)
    guide.show()
    assert "Contenido" in guide.browser.toPlainText()
    _follow_first_link(qtbot, guide)
    assert guide.page() == "new.md"
    assert "A page only in English" in guide.browser.toPlainText()
    guide.open_page("new.md")
    assert "A page only in English" in guide.browser.toPlainText()


def test_the_shortcuts_sheet_lists_the_menu_and_the_sections_keys(qtbot, window):
    window.show_section("handbook")
    sheet = window.show_shortcuts()
    plain = sheet.findChild(QTextBrowser, "shortcutsSheetText").toPlainText()
    lines = [line.strip() for line in plain.splitlines() if line.strip()]
    pairs = list(zip(lines, lines[1:], strict=False))  # each row: what, then its keys
    assert ("Sync now", "F5") in pairs
    assert ("User guide", "F1") in pairs
    assert ("☆ Bookmark", "Ctrl+D") in pairs  # the handbook's own keys, under its name
    assert lines.index("Handbook") < lines.index("☆ Bookmark")
    assert ("◀ Back", "Alt+Left, Backspace") in pairs  # not the media key "Back"
    assert "Find" not in lines  # the handbook's Find is Edit's Ctrl+F
    sheet.close()


def test_shortcut_rows_list_each_key_once_without_mnemonics(window):
    rows = shortcut_rows(window.menu.grouped_actions() * 2)
    assert ("Sync", "Sync now", "F5") in rows
    assert len(rows) == len(set(rows))


def test_about_shows_the_version_data_folder_and_licences(qtbot, ctx, window):
    about = window.show_about()
    plain = about.findChild(QTextBrowser,
                            "aboutDialogText").toPlainText()
    assert metadata.version("cmcoord-field-kit") in plain
    assert str(ctx.paths.root) in plain
    for family, licence, _path in font_licences():
        assert family in plain
        assert licence in plain
    assert "DejaVu" in plain
    assert "bitstream-vera" in plain
    assert f"PySide6 {metadata.version('PySide6')}" in plain
    about.close()
