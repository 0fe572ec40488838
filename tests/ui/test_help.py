"""Help: the offline guide's pages and links, the shortcuts sheet made from the actions,
and About (version, data folder, licences)."""

from __future__ import annotations

import re
from importlib import metadata

from PySide6.QtWidgets import QTextBrowser

from ui.help.dialogs import GUIDE_START, GuideViewer, guide_folder, shortcut_rows
from ui.help.licences import font_licences


def test_every_link_of_the_guide_leads_to_a_page_that_is_there():
    pages = sorted(guide_folder().glob("*.md"))
    assert {p.name for p in pages} >= {"index.md", "first-day.md", "rfa.md",
                                        "import-contacts.md", "sync.md"}
    for page in pages:
        for target in re.findall(r"\]\(([^)#]+\.md)\)", page.read_text(encoding="utf-8")):
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
