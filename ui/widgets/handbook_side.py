"""The handbook's left panel: a search box over the contents, bookmarks and notes tabs.

While the box holds text the tabs give way to the ranked results (search as you type,
debounced); clearing it (or Esc) brings them back. The panel only shows and asks: it
emits what the officer chose and the screen loads, writes and navigates.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from fieldapp.handbook.search import HandbookHit
    from fieldapp.handbook.store import NoteView, OutlineEntry

SEARCH_DELAY_MS = 150
SLUG_ROLE = Qt.ItemDataRole.UserRole
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
HIT_ROLE = Qt.ItemDataRole.UserRole + 4
HIGHLIGHT_CSS = "b { background-color: #ffe07a; font-weight: 600; }"


class _RichItemDelegate(QStyledItemDelegate):
    """Paints a row's HTML_ROLE as rich text (search hits and note previews)."""

    PAD = 6

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(HIGHLIGHT_CSS)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(60, option.rect.width() - 2 * self.PAD))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, QColor("#dce8fb"))
            painter.fillRect(QRect(option.rect.left(), option.rect.top(), 3,
                                   option.rect.height()), QColor("#1f5fbf"))
        doc = self._document(option, index)
        painter.translate(QPoint(option.rect.left() + self.PAD, option.rect.top() + 3))
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListWidget) else 280
        option.rect = QRect(0, 0, width, 0)
        return QSize(width, int(self._document(option, index).size().height()) + 8)


def _rich_list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setItemDelegate(_RichItemDelegate(widget))
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    widget.setResizeMode(QListWidget.ResizeMode.Adjust)
    widget.setWordWrap(True)
    return widget


class HandbookSidePanel(QWidget):
    """Search box, then contents / bookmarks / notes tabs or the search results."""

    section_chosen = Signal(str, str)  # slug, anchor
    hit_chosen = Signal(object)  # a HandbookHit
    note_chosen = Signal(str, str)  # slug, note id
    search_requested = Signal(str)  # debounced text, "" when cleared
    remove_bookmark_requested = Signal(str)  # bookmark id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handbookSide")
        self.search = QLineEdit()
        self.search.setObjectName("handbookSearch")
        self.search.setPlaceholderText(self.tr("Search the handbook"))
        self.search.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search_requested.emit(self.search.text()))
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self._open_first_hit)

        self.tree = QTreeWidget()
        self.tree.setObjectName("handbookContents")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._tree_item)
        self.tree.itemClicked.connect(self._tree_item)

        self.bookmarks = QListWidget()
        self.bookmarks.setObjectName("handbookBookmarks")
        self.bookmarks.itemActivated.connect(self._bookmark_item)
        self.bookmarks.itemClicked.connect(self._bookmark_item)
        self.remove_bookmark = QPushButton(self.tr("Remove bookmark"))
        self.remove_bookmark.setObjectName("removeBookmark")
        self.remove_bookmark.setEnabled(False)
        self.remove_bookmark.clicked.connect(self._remove_bookmark)
        self.bookmarks.currentItemChanged.connect(
            lambda item, _old: self.remove_bookmark.setEnabled(item is not None))
        QShortcut(QKeySequence.StandardKey.Delete, self.bookmarks, self._remove_bookmark,
                  context=Qt.ShortcutContext.WidgetShortcut)
        bookmarks_page = QWidget()
        bookmarks_layout = QVBoxLayout(bookmarks_page)
        bookmarks_layout.setContentsMargins(0, 0, 0, 4)
        bookmarks_layout.addWidget(self.bookmarks, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_bookmark)
        bookmarks_layout.addLayout(row)

        self.notes = _rich_list("handbookNotes")
        self.notes.itemActivated.connect(self._note_item)
        self.notes.itemClicked.connect(self._note_item)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("handbookTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.tree, self.tr("Contents"))
        self.tabs.addTab(bookmarks_page, self.tr("Bookmarks"))
        self.tabs.addTab(self.notes, self.tr("Notes"))

        self.results = _rich_list("handbookResults")
        self.results.itemActivated.connect(self._hit_item)
        self.results.itemClicked.connect(self._hit_item)
        self.results_label = QLabel()
        self.results_label.setObjectName("handbookResultsLabel")
        self.results_label.setStyleSheet("color: #5f6b77; padding: 4px 2px;")
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(results_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The search box passes on the keys it has no use for: Esc clears, Down goes to hits.
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            self.search.setFocus()
        elif event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self._focus_results()
        else:
            super().keyPressEvent(event)

    # Search --------------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.results.clear()
            self.stack.setCurrentIndex(0)
            self.search_requested.emit("")

    def show_hits(self, hits: list[HandbookHit], text: str) -> None:
        """Show ranked results for `text` (ignored if the box has changed since)."""
        from fieldapp.search import snippet_html

        if text != self.search.text():
            return
        self.results.clear()
        for hit in hits:
            title = html.escape(hit.title)
            if hit.fallback:
                title += " <span style='color:#7a4b00'>" + html.escape(self.tr("(English)"))
                title += "</span>"
            item = QListWidgetItem(hit.title)
            item.setData(HTML_ROLE, f"<div style='font-weight:600'>{title}</div>"
                                    f"<div style='color:#3d4650'>{snippet_html(hit.snippet)}</div>")
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        self.results_label.setText(
            self.tr("%n section(s) found", "", len(hits)) if hits
            else self.tr("Nothing found for “{0}”. Try fewer or other words.").format(text))
        self.results_label.setWordWrap(True)
        if hits:
            self.results.setCurrentRow(0)
        self.stack.setCurrentIndex(1)

    def _open_first_hit(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None and self.stack.currentIndex() == 1:
            self.hit_chosen.emit(item.data(HIT_ROLE))

    def _focus_results(self) -> None:
        if self.stack.currentIndex() == 1 and self.results.count():
            self.results.setFocus()

    def _hit_item(self, item: QListWidgetItem) -> None:
        self.hit_chosen.emit(item.data(HIT_ROLE))

    # Contents ------------------------------------------------------------------------------

    def set_outline(self, entries: list[OutlineEntry]) -> None:
        """Fill the contents tree: sections, with their second-level headings under them."""
        expanded = {self.tree.topLevelItem(i).data(0, SLUG_ROLE)
                    for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).isExpanded()}
        self.tree.clear()
        for number, entry in enumerate(entries, start=1):
            item = QTreeWidgetItem([f"{number}. {entry.title}"])
            item.setData(0, SLUG_ROLE, entry.slug)
            item.setData(0, ANCHOR_ROLE, "")
            if entry.fallback:
                item.setText(0, self.tr("{0} (English)").format(item.text(0)))
                item.setToolTip(0, self.tr("Not translated yet: shown in English."))
                font = QFont(item.font(0))
                font.setItalic(True)
                item.setFont(0, font)
            for level, text, anchor in entry.headings:
                if level == 2:
                    child = QTreeWidgetItem(item, [text])
                    child.setData(0, SLUG_ROLE, entry.slug)
                    child.setData(0, ANCHOR_ROLE, anchor)
            self.tree.addTopLevelItem(item)
            item.setExpanded(entry.slug in expanded)

    def select_section(self, slug: str) -> None:
        """Mark the section being read in the contents tree (expanded)."""
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item.data(0, SLUG_ROLE) == slug:
                item.setExpanded(True)
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return
        self.tree.clearSelection()

    def _tree_item(self, item: QTreeWidgetItem) -> None:
        self.section_chosen.emit(item.data(0, SLUG_ROLE), item.data(0, ANCHOR_ROLE))

    # Bookmarks -----------------------------------------------------------------------------

    def set_bookmarks(self, bookmarks: list[tuple[str, str, str, str]]) -> None:
        """Bookmarks as (id, slug, anchor, label), newest first."""
        self.bookmarks.clear()
        for bookmark_id, slug, anchor, label in bookmarks:
            item = QListWidgetItem("★  " + label)
            item.setData(ID_ROLE, bookmark_id)
            item.setData(SLUG_ROLE, slug)
            item.setData(ANCHOR_ROLE, anchor)
            self.bookmarks.addItem(item)
        if not bookmarks:
            empty = QListWidgetItem(self.tr("No bookmarks yet. Use ☆ Bookmark (Ctrl+D) "
                                            "on a section to keep it here."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.bookmarks.addItem(empty)
        self.remove_bookmark.setEnabled(False)

    def _bookmark_item(self, item: QListWidgetItem) -> None:
        if item.data(SLUG_ROLE):
            self.section_chosen.emit(item.data(SLUG_ROLE), item.data(ANCHOR_ROLE) or "")

    def _remove_bookmark(self) -> None:
        item = self.bookmarks.currentItem()
        if item is not None and item.data(ID_ROLE):
            self.remove_bookmark_requested.emit(item.data(ID_ROLE))

    # Notes ---------------------------------------------------------------------------------

    def set_notes(self, notes: list[NoteView]) -> None:
        """Every note, newest first; a note whose section left the handbook says so."""
        self.notes.clear()
        for note in notes:
            if note.orphaned:
                where = (f"<span style='color:#8a5300'>"
                         f"{html.escape(self.tr('Section no longer in the handbook'))}"
                         f"</span> <span style='color:#5f6b77'>({html.escape(note.slug)})"
                         "</span>")
            else:
                where = f"<span style='font-weight:600'>{html.escape(note.section_title)}</span>"
            first = note.body.strip().splitlines()[0] if note.body.strip() else ""
            preview = html.escape(first[:140] + ("…" if len(first) > 140 else ""))
            item = QListWidgetItem(note.body)
            item.setData(HTML_ROLE, f"<div>{where}</div><div style='color:#3d4650'>"
                                    f"{preview}</div>")
            item.setData(ID_ROLE, note.id)
            item.setData(SLUG_ROLE, note.slug)
            item.setData(HIT_ROLE, note.orphaned)
            if note.orphaned:
                item.setToolTip(self.tr("This note's section was removed in a newer edition. "
                                        "The note is kept; open it to read, edit or delete it."))
            self.notes.addItem(item)
        if not notes:
            empty = QListWidgetItem()
            empty.setData(HTML_ROLE, html.escape(self.tr(
                "No notes yet. Open a section and write one under it.")))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.notes.addItem(empty)

    def _note_item(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.note_chosen.emit(item.data(SLUG_ROLE), item.data(ID_ROLE))
