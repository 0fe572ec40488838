"""The handbook reader, driven like an officer would, on a real profile with the bundled
edition: search, links and history, bookmarks, notes, checklist ticks, find, export."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QListWidget

from fieldapp.handbook import ensure_bundled_edition
from fieldapp.handbook.store import list_bookmarks, notes_for, save_note, ticked_items
from ui.screens.handbook import SECTION_KEY, HandbookScreen
from ui.widgets.handbook_side import HIT_ROLE, SLUG_ROLE

RFA = "requests-for-assistance"


@pytest.fixture
def handbook_ctx(ctx, db, seeded):
    """The context of a profile whose bundled handbook is loaded, operation CYA current."""
    ensure_bundled_edition(db)
    ctx.set_current_operation_id(seeded.operation_id)
    return ctx


def open_screen(qtbot, ctx) -> HandbookScreen:
    screen = HandbookScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitUntil(lambda: screen.page is not None, timeout=5000)
    return screen


@pytest.fixture
def screen(qtbot, handbook_ctx) -> HandbookScreen:
    return open_screen(qtbot, handbook_ctx)


def go_to(qtbot, screen: HandbookScreen, slug: str) -> None:
    screen.navigate(slug)
    wait_for(qtbot, screen, slug)


def wait_for(qtbot, screen: HandbookScreen, slug: str) -> None:
    qtbot.waitUntil(lambda: screen.page is not None and screen.page.slug == slug, timeout=5000)


def click_row(qtbot, widget: QListWidget, row: int) -> None:
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_link(qtbot, screen: HandbookScreen, accept: Callable[[str], bool]) -> str:
    """Click, with the mouse, the first link in the page whose href passes `accept`."""
    reader = screen.reader
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href and accept(href):
                cursor = QTextCursor(reader.document())
                cursor.setPosition(fragment.position() + max(fragment.length() // 2, 0))
                reader.setTextCursor(cursor)
                reader.ensureCursorVisible()
                rect = reader.cursorRect(cursor)
                point = QPoint(rect.left() + 1, rect.center().y())
                qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return href
            it += 1
        block = block.next()
    raise AssertionError("no such link in the page")


def test_search_as_you_type_opens_the_hit_scrolled_to_the_highlighted_match(qtbot, screen):
    qtbot.keyClicks(screen.side.search, "requesting")
    results = screen.side.results
    qtbot.waitUntil(lambda: results.isVisible() and results.count() > 0, timeout=5000)
    assert results.item(0).data(HIT_ROLE).slug == RFA
    assert "<b>" in results.item(0).data(Qt.ItemDataRole.UserRole + 3)  # snippet marked

    click_row(qtbot, results, 0)
    wait_for(qtbot, screen, RFA)
    qtbot.waitUntil(lambda: bool(screen.reader.highlighted_words()))
    marked = {word.casefold() for word in screen.reader.highlighted_words()}
    assert {"request", "requests", "requesting"} <= marked
    selected = screen.reader.textCursor()
    assert selected.selectedText().casefold().startswith("request")
    assert screen.reader.viewport().rect().contains(screen.reader.cursorRect(selected).center())


def test_search_text_is_never_query_syntax_and_nothing_found_says_so(qtbot, screen):
    qtbot.keyClicks(screen.side.search, 'zzqx AND "(')
    label = screen.side.results_label
    qtbot.waitUntil(lambda: "Nothing found" in label.text(), timeout=5000)
    assert screen.side.results.count() == 0


def test_internal_link_opens_the_section_and_back_forward_return(qtbot, screen):
    go_to(qtbot, screen, RFA)
    href = click_link(qtbot, screen, lambda h: h.startswith("hb:"))
    target = href.removeprefix("hb:").partition("#")[0]
    wait_for(qtbot, screen, target)
    assert screen.back_action.isEnabled()

    qtbot.keyClick(screen.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_for(qtbot, screen, RFA)
    assert screen.forward_action.isEnabled()
    qtbot.keyClick(screen.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    wait_for(qtbot, screen, target)
    assert not screen.forward_action.isEnabled()


def test_bookmark_added_appears_in_the_bookmarks_list_and_can_be_removed(qtbot, screen, db):
    go_to(qtbot, screen, "glossary")
    qtbot.keyClick(screen.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    bookmarks = screen.side.bookmarks
    qtbot.waitUntil(lambda: bookmarks.item(0).data(SLUG_ROLE) == "glossary", timeout=5000)
    assert "Glossary" in bookmarks.item(0).text()
    assert screen.bookmark_action.isChecked()

    click_row(qtbot, bookmarks, 0)
    qtbot.mouseClick(screen.side.remove_bookmark, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.bookmark_action.isChecked(), timeout=5000)
    assert bookmarks.item(0).data(SLUG_ROLE) is None  # the "no bookmarks yet" line
    with db.session() as session:
        assert list_bookmarks(session) == []

    # Ctrl+D toggles: a second press removes the bookmark the first one made. (The action
    # checks itself when pressed: the list, filled from the database, tells what happened.)
    qtbot.keyClick(screen.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bookmarks.item(0).data(SLUG_ROLE) == "glossary", timeout=5000)
    qtbot.keyClick(screen.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bookmarks.item(0).data(SLUG_ROLE) is None, timeout=5000)
    assert not screen.bookmark_action.isChecked()
    with db.session() as session:
        assert list_bookmarks(session) == []


def test_a_bookmark_that_cannot_be_saved_is_not_shown_as_made(qtbot, screen, db):
    import sqlcipher3.dbapi2 as sqlite3  # the application's SQLite
    from PySide6.QtWidgets import QMessageBox

    go_to(qtbot, screen, "glossary")
    with sqlite3.connect(db.paths.database) as conn:  # the write fails in the database
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON handbook_bookmarks "
                     "BEGIN SELECT RAISE(ABORT, 'the disk is failing'); END")
    qtbot.keyClick(screen.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.findChild(QMessageBox, "errorDialog") is not None,
                    timeout=5000)
    assert "disk is failing" in screen.findChild(QMessageBox, "errorDialog").detailedText()
    assert not screen.bookmark_action.isChecked()  # the click ticked it; nothing was saved
    with db.session() as session:
        assert list_bookmarks(session) == []


def test_note_written_on_a_section_is_listed_and_survives_reopening(qtbot, handbook_ctx, db):
    screen = open_screen(qtbot, handbook_ctx)
    go_to(qtbot, screen, RFA)
    qtbot.keyClicks(screen.notes.editor, "Ask OCHA about the helicopter slot")
    qtbot.mouseClick(screen.notes.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.notes.list.count() == 1, timeout=5000)
    # The side panel re-reads in a background job of its own.
    qtbot.waitUntil(lambda: "helicopter slot" in screen.side.notes.item(0).text(),
                    timeout=5000)
    screen.close()

    again = open_screen(qtbot, handbook_ctx)
    wait_for(qtbot, again, RFA)  # the last section read reopens
    qtbot.waitUntil(lambda: again.notes.list.count() == 1, timeout=5000)
    qtbot.waitUntil(lambda: "helicopter slot" in again.side.notes.item(0).text(),
                    timeout=5000)
    with db.session() as session:
        assert [n.body for n in notes_for(session, RFA)] == ["Ask OCHA about the helicopter slot"]


def test_a_note_deleted_is_gone_from_the_section_the_list_and_the_database(
        qtbot, screen, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    go_to(qtbot, screen, RFA)
    qtbot.keyClicks(screen.notes.editor, "Call the logistics cluster")
    qtbot.mouseClick(screen.notes.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.notes.list.count() == 1, timeout=5000)
    # The modal confirmation cannot be clicked through offscreen: it answers Yes.
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(screen.notes.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.notes.list.count() == 0, timeout=5000)
    assert screen.notes.editor.toPlainText() == ""
    # The side panel re-reads in its own background job: the "no notes yet" line comes.
    qtbot.waitUntil(lambda: screen.side.notes.item(0).data(SLUG_ROLE) is None, timeout=5000)
    with db.session() as session:
        assert notes_for(session, RFA) == []


def test_an_empty_note_is_refused_with_the_reason_under_the_editor(qtbot, screen):
    qtbot.mouseClick(screen.notes.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.notes.errors.message("body")), timeout=5000)
    assert "Write something" in screen.notes.errors.message("body")


def test_a_note_whose_section_left_the_handbook_is_shown_as_orphaned(qtbot, handbook_ctx, db):
    with db.transaction() as session:
        save_note(session, slug="old-chapter", body="Kept from the last edition")
    screen = open_screen(qtbot, handbook_ctx)
    notes = screen.side.notes
    qtbot.waitUntil(lambda: notes.item(0).data(SLUG_ROLE) == "old-chapter", timeout=5000)
    assert "no longer in the handbook" in notes.item(0).data(Qt.ItemDataRole.UserRole + 3)

    click_row(qtbot, notes, 0)
    wait_for(qtbot, screen, "old-chapter")
    assert screen.page.section is None
    assert "no longer in the handbook" in screen.reader.toPlainText()
    assert screen.notes.editor.toPlainText() == "Kept from the last edition"


def test_a_checklist_tick_is_stored_for_the_current_operation_only(qtbot, screen, db, seeded):
    go_to(qtbot, screen, RFA)
    href = click_link(qtbot, screen, lambda h: h.startswith("tick:"))
    key = href.removeprefix("tick:")
    qtbot.waitUntil(lambda: key in screen.page.ticked, timeout=5000)
    assert "☑" in screen.reader.toPlainText()
    with db.session() as session:
        assert key in ticked_items(session, slug=RFA, operation_id=seeded.operation_id)
        assert not ticked_items(session, slug=RFA, operation_id=seeded.other_operation_id)

    screen.ctx.set_current_operation_id(seeded.other_operation_id)
    qtbot.waitUntil(lambda: "☑" not in screen.reader.toPlainText(), timeout=5000)
    assert not screen.page.ticked


def test_find_in_page_marks_every_match_and_steps_through_them(qtbot, screen):
    go_to(qtbot, screen, RFA)
    qtbot.keyClick(screen.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.find_bar.isVisible()
    qtbot.keyClicks(screen.find_bar.edit, "hc/rc")
    matches = screen.reader.find_matches()
    assert len(matches) > 2
    assert {m.casefold() for m in matches} == {"hc/rc"}
    first = screen.find_bar.count.text()
    qtbot.keyClick(screen.find_bar.edit, Qt.Key.Key_Return)
    assert screen.find_bar.count.text() != first
    assert screen.find_bar.count.text().endswith(f"of {len(matches)}")
    qtbot.keyClick(screen.find_bar.edit, Qt.Key.Key_Escape)
    assert not screen.find_bar.isVisible()
    assert screen.reader.find_matches() == []


def test_export_chapter_to_pdf_writes_that_chapter(qtbot, screen, tmp_path, monkeypatch):
    from pypdf import PdfReader

    go_to(qtbot, screen, RFA)
    target = tmp_path / "rfa chapter.pdf"
    # The modal file dialog cannot be clicked through offscreen: it answers with a path.
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF documents (*.pdf)"))
    screen.output.export_chapter_action.trigger()
    qtbot.waitUntil(lambda: screen.output.task is not None and screen.output.task.done,
                    timeout=20000)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Requests for assistance" in text
    assert "Glossary of acronyms" not in text
    assert "PDF saved" in screen.message.text()


def test_print_sends_the_section_to_the_printer(qtbot, screen, tmp_path):
    from pypdf import PdfReader

    go_to(qtbot, screen, "glossary")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # stands in for paper
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    screen.output.print_to(printer)
    text = PdfReader(tmp_path / "printed.pdf").pages[0].extract_text()
    assert "Glossary" in text


def test_the_place_read_and_the_zoom_are_remembered(qtbot, handbook_ctx):
    screen = open_screen(qtbot, handbook_ctx)
    go_to(qtbot, screen, "glossary")
    qtbot.keyClick(screen.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert screen.reader.zoom > 100
    screen.reader.set_scroll_fraction(0.5)
    qtbot.waitUntil(lambda: abs(float(handbook_ctx.settings.value("handbook/scroll", 0))
                                - 0.5) < 0.02, timeout=3000)
    zoom = screen.reader.zoom
    screen.close()

    again = open_screen(qtbot, handbook_ctx)
    assert handbook_ctx.settings.value(SECTION_KEY) == "glossary"
    wait_for(qtbot, again, "glossary")
    assert again.reader.zoom == zoom
    assert abs(again.reader.scroll_fraction() - 0.5) < 0.05


def test_global_search_hit_opens_the_section_in_the_reader(qtbot, db, ctx):
    from tests.ui.conftest import open_window

    ensure_bundled_edition(db)
    window = open_window(qtbot, ctx)
    window.open_item("handbook", "glossary")
    screen = window.screens["handbook"]
    assert isinstance(screen, HandbookScreen)
    wait_for(qtbot, screen, "glossary")
    assert screen.reader.toPlainText().startswith("Glossary")

    window.search.setText("escorts")  # the words that found a hit are marked in the section
    window.open_item("handbook", "security-armed-escorts")
    wait_for(qtbot, screen, "security-armed-escorts")
    qtbot.waitUntil(lambda: bool(screen.reader.highlighted_words()), timeout=5000)
    assert all(w.lower().startswith("escort") for w in screen.reader.highlighted_words())
    window.close()


def test_contents_show_headings_and_open_a_section_at_one(qtbot, screen):
    tree = screen.side.tree
    assert tree.topLevelItemCount() == 12
    chapter = next(tree.topLevelItem(i) for i in range(12)
                   if tree.topLevelItem(i).data(0, SLUG_ROLE) == "deployment")
    heading = chapter.child(1)
    chapter.setExpanded(True)
    tree.scrollToItem(heading)
    rect = tree.visualItemRect(heading)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_for(qtbot, screen, "deployment")
    assert screen.reader.verticalScrollBar().value() > 0  # scrolled to the heading


def test_on_first_start_the_reader_waits_for_the_edition_then_opens_it(qtbot, ctx):
    from ui.context import Change

    screen = HandbookScreen(ctx)  # the database holds no edition yet
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: "being loaded" in screen.reader.toPlainText(), timeout=5000)
    ctx.tasks.write_database(lambda db, _p: ensure_bundled_edition(db),
                             changes={Change.HANDBOOK})
    qtbot.waitUntil(lambda: screen.page is not None, timeout=10000)
    assert screen.page.slug == "un-cmcoord"
    assert screen.side.tree.topLevelItemCount() == 12


def test_cancelling_the_handbook_export_leaves_no_file(qtbot, screen, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    out = tmp_path / "exports"
    out.mkdir()
    target = out / "handbook.pdf"
    # The modal file dialog cannot be clicked through offscreen: it answers with a path.
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF documents (*.pdf)"))
    screen.output.export_handbook_action.trigger()
    dialog = screen.output.progress_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() > 0, timeout=10000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.output.task.done, timeout=10000)
    assert screen.output.task.outcome == "cancelled"
    assert list(out.iterdir()) == []  # neither the PDF nor a partial file
    assert "cancelled" in screen.message.text()
