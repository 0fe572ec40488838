"""The Field Handbook reader: contents, search as you type, bookmarks and notes on the left;
the section on the right, with back/forward, zoom, find in page, checklists to tick for the
current operation, the officer's notes on it, and export to PDF or print.

Every read and write goes through ctx.tasks (`fieldapp.handbook` does the work); a write
announces Change.HANDBOOK and the screen reloads what it shows from that one signal, so a
tick, a note or a bookmark made here or arriving by sync is shown the same way. The
section and scroll position read last, the zoom and the panel sizes are remembered.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError
from fieldapp.handbook.search import HandbookHit, MatchPlace, search_handbook
from fieldapp.handbook.store import (
    add_bookmark,
    delete_note,
    remove_bookmark,
    save_note,
    set_tick,
)
from ui.context import AppContext, Change
from ui.i18n import reading_language
from ui.models.handbook_history import History
from ui.models.handbook_reads import BookmarkRow, Marks, Page, read_marks, read_page
from ui.widgets.error_dialog import show_error
from ui.widgets.handbook_notes import SectionNotes
from ui.widgets.handbook_output import HandbookOutput
from ui.widgets.handbook_reader import FindBar, ReaderView
from ui.widgets.handbook_side import HandbookSidePanel

SECTION_KEY = "handbook/section"
SCROLL_KEY = "handbook/scroll"
ZOOM_KEY = "handbook/zoom"
SPLIT_KEY = "handbook/splitter"
NOTES_SPLIT_KEY = "handbook/notes_splitter"
SCROLL_SAVE_MS = 400


class HandbookScreen(QWidget):
    """The handbook section of the main window; see the module docstring."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("handbookScreen")
        self.ctx = ctx
        self.lang = reading_language()
        self.history = History()
        self.page: Page | None = None
        self.edition = ""
        self.toc_slugs: list[str] = []
        self._bookmarks: list[BookmarkRow] = []
        self.query = ""  # the search whose words are highlighted in the page
        self._requests = {"page": 0, "marks": 0}  # the newest read of each kind wins

        self.side = HandbookSidePanel()
        self.reader = ReaderView()
        self.find_bar = FindBar(self.reader)
        self.notes = SectionNotes()
        self.output = HandbookOutput(ctx, screen=self, reader=self.reader, lang=self.lang,
                                     say=self.say)
        self.message = QLabel()
        self.message.setObjectName("handbookMessage")
        self.message.setStyleSheet("color: #35506b; padding: 0 8px;")
        self.message.setOpenExternalLinks(False)
        self.message.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        self._message_timer = QTimer(self, singleShot=True, interval=8000)
        self._message_timer.timeout.connect(self.message.clear)
        self._scroll_timer = QTimer(self, singleShot=True, interval=SCROLL_SAVE_MS)
        self._scroll_timer.timeout.connect(self._save_scroll)

        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        reading_layout.addWidget(self.reader, 1)
        reading_layout.addWidget(self.find_bar)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(reading)
        self.right.addWidget(self.notes)
        self.right.setStretchFactor(0, 4)
        self.right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 900])
        self.right.setSizes([640, 150])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.splitter, 1)

        self.side.section_chosen.connect(lambda slug, anchor: self.navigate(slug, anchor=anchor))
        self.side.hit_chosen.connect(self.open_hit)
        self.side.note_chosen.connect(lambda slug, note: self.navigate(slug, select_note=note))
        self.side.search_requested.connect(self.search)
        self.side.remove_bookmark_requested.connect(self._remove_bookmark)
        self.reader.anchorClicked.connect(self._link)
        self.reader.zoom_changed.connect(lambda zoom: ctx.settings.setValue(ZOOM_KEY, zoom))
        self.reader.verticalScrollBar().valueChanged.connect(lambda _v: self._scroll_timer.start())
        self.notes.save_requested.connect(self._save_note)
        self.notes.delete_requested.connect(self._delete_note)
        self.splitter.splitterMoved.connect(self._save_splitters)
        self.right.splitterMoved.connect(self._save_splitters)
        ctx.changed.connect(self._on_changed)
        ctx.current_operation_changed.connect(lambda _op: self.reload())
        self._restore_settings()
        self._show_message_page(self.tr("Opening the handbook…"))
        self._load_marks(start=True)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Handbook"))
        bar.setObjectName("handbookToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setStyleSheet("QToolBar#handbookToolbar { border-bottom: 1px solid #d5dbe1; "
                          "padding: 2px 6px; spacing: 4px; }")

        def action(name: str, text: str, tip: str, keys: list, slot) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setToolTip(tip)
            sequences: list[QKeySequence] = []
            for key in keys:  # a standard key may already be one of the others
                for sequence in (QKeySequence.keyBindings(key) if isinstance(
                        key, QKeySequence.StandardKey) else [QKeySequence(key)]):
                    if sequence not in sequences:
                        sequences.append(sequence)
            act.setShortcuts(sequences)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            bar.addAction(act)
            return act

        self.back_action = action("back", self.tr("◀ Back"), self.tr("Back (Alt+Left)"),
                                  [QKeySequence.StandardKey.Back, "Alt+Left"], self.go_back)
        self.forward_action = action("forward", self.tr("Forward ▶"),
                                     self.tr("Forward (Alt+Right)"),
                                     [QKeySequence.StandardKey.Forward, "Alt+Right"],
                                     self.go_forward)
        bar.addSeparator()
        self.bookmark_action = action("bookmark", self.tr("☆ Bookmark"),
                                      self.tr("Bookmark this section (Ctrl+D)"), ["Ctrl+D"],
                                      self.toggle_bookmark)
        self.bookmark_action.setCheckable(True)
        self.find_action = action("find", self.tr("Find…"), self.tr("Find in this section "
                                  "(Ctrl+F)"), [QKeySequence.StandardKey.Find],
                                  self.find_bar.open_bar)
        bar.addSeparator()
        action("zoomOut", self.tr("A−"), self.tr("Smaller text (Ctrl+-)"),
               [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"], self.reader.zoom_out)
        action("zoomIn", self.tr("A+"), self.tr("Larger text (Ctrl+=)"),
               [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], self.reader.zoom_in)
        bar.addSeparator()
        self.output.add_actions(bar, lambda *a: action(*a))
        bar.addWidget(self.message)
        self._update_navigation()
        return bar

    # Navigation ----------------------------------------------------------------------------

    def open_item(self, item_id: str, *, kind: str = "handbook", query: str = "") -> None:
        """Open a section from global search (its id is the section's slug), the words of
        `query` marked and the first one in view."""
        if kind == "handbook":
            self.navigate(item_id, query=query)

    def navigate(self, slug: str, *, anchor: str = "", place: MatchPlace | None = None,
                 query: str = "", select_note: str | None = None) -> None:
        """Show a section as a new place in the history."""
        if self.page is not None and slug == self.page.slug and not query and not select_note:
            if anchor:
                self.reader.scrollToAnchor(anchor)
            return
        self._leave_section()
        self.history.visit(slug)
        self._load(slug, anchor=anchor, place=place, query=query, select_note=select_note)

    def open_hit(self, hit: HandbookHit) -> None:
        """Open a search hit: its section, scrolled to the match, the matched words marked."""
        self._leave_section()
        self.history.visit(hit.slug)
        self._load(hit.slug, place=hit.place, query=self.side.search.text())

    def go_back(self) -> None:
        """Back to the previous section, where it was left."""
        self._step(self.history.back)

    def go_forward(self) -> None:
        """Forward again after going back."""
        self._step(self.history.forward)

    def _step(self, move) -> None:
        self._leave_section()
        place = move()
        if place is not None:
            self._load(place.slug, scroll=place.scroll)

    def reload(self) -> None:
        """Show the current section again (new ticks, notes, edition), where it is."""
        if self.page is not None:
            self._load(self.page.slug, scroll=self.reader.scroll_fraction(), query=self.query,
                       keep_place=True)

    def _leave_section(self) -> None:
        self.history.remember_scroll(self.reader.scroll_fraction())
        if self.page is not None and self.notes.is_dirty():  # never lose a note being written
            self._save_note(self.notes.editing_id, self.notes.editor.toPlainText())

    def _load(self, slug: str, *, anchor: str = "", place: MatchPlace | None = None,
              query: str = "", scroll: float | None = None, select_note: str | None = None,
              keep_place: bool = False) -> None:
        self._requests["page"] += 1
        request = self._requests["page"]
        lang, operation = self.lang, self.ctx.current_operation_id or None

        def show(page: Page) -> None:
            if request == self._requests["page"]:
                self._show(page, anchor=anchor, place=place, scroll=scroll,
                           select_note=select_note, keep_place=keep_place)

        self.query = query
        self.ctx.tasks.query(
            lambda session, _p: read_page(session, slug, lang=lang, operation_id=operation,
                                          query=query),
            on_success=show, parent=self)

    def _show(self, page: Page, *, anchor: str, place: MatchPlace | None,
              scroll: float | None, select_note: str | None, keep_place: bool) -> None:
        self.page = page
        self._scroll_timer.stop()
        self.reader.show_html(self._page_html(page), scroll=scroll, anchor=anchor)
        if page.words:
            self.reader.highlight_words(page.words)
            if not keep_place and not (place and self.reader.go_to_phrase(
                    place.phrase, start=place.start, length=place.length)):
                self.reader.go_to_first_highlight()
        self.find_bar.refresh()
        self.side.select_section(page.slug)
        if page.section is None and page.notes and not select_note:
            select_note = page.notes[0][0]  # an orphan page is there for its notes
        self.notes.set_notes(page.slug, page.notes, select=select_note)
        self._update_bookmark_action()
        self._update_navigation()
        self.output.set_section(page.slug if page.section else "",
                                page.section.title if page.section else "")
        self.ctx.settings.setValue(SECTION_KEY, page.slug)
        self._save_scroll()

    def _page_html(self, page: Page) -> str:
        section = page.section
        if section is None:
            title = self.tr("Section no longer in the handbook")
            text = self.tr("The section “{0}” is not in the current edition ({1}). Your notes "
                           "on it are kept below: read them, copy what you need to another "
                           "section, or delete them.").format(page.slug, self.edition)
            return f"<h1>{html.escape(title)}</h1><p class='notice'>{html.escape(text)}</p>"
        meta = self.tr("Field Handbook · edition {0}").format(section.edition)
        if 'class="tick"' in section.html:
            meta += " · " + (self.tr("checklist ticks are kept for the current operation")
                             if self.ctx.current_operation_id else
                             self.tr("choose an operation to tick the checklists"))
        notice = ""
        if section.fallback:
            text = self.tr("This section is not translated yet: it is shown in English.")
            notice = f"<p class='notice'>&nbsp;{html.escape(text)}&nbsp;</p>"
        return (f"<h1>{html.escape(section.title)}</h1><p class='meta'>{html.escape(meta)}</p>"
                f"{notice}{section.html}")

    def _show_message_page(self, text: str) -> None:
        self.reader.show_html(f"<p class='meta'>{html.escape(text)}</p>")

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    # Links ---------------------------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "hb":
            self.navigate(url.path(), anchor=url.fragment())
        elif scheme == "tick":
            self.toggle_tick(url.path())
        elif not scheme and url.hasFragment():
            self.reader.scrollToAnchor(url.fragment())
        elif scheme in ("http", "https", "mailto"):
            answer = QMessageBox.question(
                self, self.tr("Open link"),
                self.tr("Open this link outside the Field Kit?\n\n{0}\n\nIt needs an internet "
                        "connection; the handbook itself works offline.").format(url.toString()))
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(url)

    # Checklists, bookmarks, notes (writes) -------------------------------------------------

    def toggle_tick(self, key: str) -> None:
        """Tick or untick a checklist item for the current operation."""
        if self.page is None or self.page.section is None:
            return
        operation = self.ctx.current_operation_id
        if not operation:
            self.say(self.tr("Checklists are ticked per operation: create or choose an "
                             "operation first."))
            return
        slug, ticked = self.page.slug, key not in self.page.ticked
        self.ctx.tasks.write(
            lambda session, _p: set_tick(session, slug=slug, item_key=key,
                                         operation_id=operation, ticked=ticked),
            changes={Change.HANDBOOK}, parent=self)

    def toggle_bookmark(self) -> None:
        """Bookmark the current section, or remove its bookmark."""
        if self.page is None or self.page.section is None:
            self._update_bookmark_action()
            return
        if self.bookmark_id:
            self._remove_bookmark(self.bookmark_id)
            return
        slug, title = self.page.slug, self.page.section.title
        self._write_bookmark(lambda session, _p: add_bookmark(session, slug=slug, label=title))

    def _remove_bookmark(self, bookmark_id: str) -> None:
        self._write_bookmark(lambda session, _p: remove_bookmark(session, bookmark_id))

    def _write_bookmark(self, work: Callable[[object, object], object]) -> None:
        def failed(exc: BaseException) -> None:
            self._update_bookmark_action()  # the click ticked it; nothing was written
            show_error(self, exc)

        self.ctx.tasks.write(work, changes={Change.HANDBOOK}, on_failure=failed, parent=self)

    @property
    def bookmark_id(self) -> str:
        """The current section's bookmark (on the section itself, not a heading), or ""."""
        slug = self.page.slug if self.page and self.page.section else ""
        return next((b[0] for b in self._bookmarks if b[1] == slug and not b[2]), "")

    def _update_bookmark_action(self) -> None:
        bookmarked = bool(self.bookmark_id)
        self.bookmark_action.setEnabled(bool(self.page and self.page.section))
        self.bookmark_action.setChecked(bookmarked)
        self.bookmark_action.setText(self.tr("★ Bookmarked") if bookmarked
                                     else self.tr("☆ Bookmark"))

    def _save_note(self, note_id: str, body: str) -> None:
        if self.page is None:
            return
        slug = self.page.slug

        def work(session, _p) -> str:
            note = save_note(session, slug=slug, body=body, note_id=note_id or None)
            session.flush()
            return note.id

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError) and self.notes.slug == slug:
                self.notes.show_error(exc)
            else:
                show_error(self, exc)

        def saved(saved_id: str) -> None:
            if self.notes.slug == slug:
                self.notes.saved(saved_id, body)

        self.ctx.tasks.write(work, changes={Change.HANDBOOK}, on_success=saved,
                             on_failure=failed, parent=self)

    def _delete_note(self, note_id: str) -> None:
        self.ctx.tasks.write(lambda session, _p: delete_note(session, note_id),
                             changes={Change.HANDBOOK},
                             on_success=lambda _r: self.notes.start_new(), parent=self)

    # Search --------------------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Search as you type (the panel debounces); "" clears the results and highlights.

        Results for a text the box no longer holds are dropped by `show_hits`."""
        if not text.strip():
            self.query = ""
            self.reader.highlight_words([])
            return
        lang = self.lang
        self.ctx.tasks.query(lambda session, _p: search_handbook(session, text, lang=lang),
                             on_success=lambda hits: self.side.show_hits(hits, text),
                             parent=self)

    # Contents, bookmarks and all notes -----------------------------------------------------

    def _load_marks(self, *, start: bool = False) -> None:
        self._requests["marks"] += 1
        request = self._requests["marks"]
        known, lang = (None if start else self.edition), self.lang

        def show(marks: Marks) -> None:
            if request != self._requests["marks"]:
                return
            new_edition = marks.outline is not None and marks.edition != self.edition
            self.edition = marks.edition
            if marks.outline is not None:
                self.side.set_outline(marks.outline)
                self.toc_slugs = [entry.slug for entry in marks.outline]
            self._bookmarks = marks.bookmarks
            self.side.set_bookmarks(marks.bookmarks)
            self.side.set_notes(marks.notes)
            self._update_bookmark_action()
            if self.history.current is None and self.toc_slugs:  # nothing asked for yet
                self._open_remembered()
            elif self.page is not None and new_edition and not start:
                self.reload()
            elif not self.toc_slugs:
                self._show_message_page(self.tr("The handbook is being loaded. It opens here "
                                                "in a moment."))

        self.ctx.tasks.query(
            lambda session, _p: read_marks(session, lang=lang, known_edition=known),
            on_success=show, parent=self)

    def _open_remembered(self) -> None:
        slug = str(self.ctx.settings.value(SECTION_KEY, ""))
        scroll = float(self.ctx.settings.value(SCROLL_KEY, 0.0) or 0.0)
        if slug not in self.toc_slugs:
            slug, scroll = self.toc_slugs[0], 0.0
        self.history.visit(slug)
        self._load(slug, scroll=scroll)

    def _on_changed(self, changes: frozenset[str]) -> None:
        if Change.HANDBOOK in changes:
            self._load_marks()
            self.reload()

    # Messages and settings -----------------------------------------------------------------

    def say(self, text: str, *, rich: bool = False) -> None:
        """A short message at the end of the toolbar, gone after a few seconds."""
        self.message.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.message.setText(text)
        self._message_timer.start()

    def _save_scroll(self) -> None:
        if self.page is not None:
            self.history.remember_scroll(self.reader.scroll_fraction())
            self.ctx.settings.setValue(SCROLL_KEY, self.reader.scroll_fraction())

    def _save_splitters(self) -> None:
        self.ctx.settings.setValue(SPLIT_KEY, self.splitter.saveState())
        self.ctx.settings.setValue(NOTES_SPLIT_KEY, self.right.saveState())

    def _restore_settings(self) -> None:
        settings = self.ctx.settings
        for key, splitter in ((SPLIT_KEY, self.splitter), (NOTES_SPLIT_KEY, self.right)):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        self.reader.set_zoom(int(settings.value(ZOOM_KEY, 100) or 100))


def make_handbook_screen(ctx: AppContext) -> HandbookScreen:
    """The handbook screen, for ui.sections."""
    return HandbookScreen(ctx)
