"""The handbook's reading pane: a section laid out for reading, zoom, highlights, find bar.

`ReaderView` is a QTextBrowser that never follows links itself (the screen decides what
`hb:`, `tick:` and web links do). The text is kept to a readable column, centred, however
wide the window; zoom scales every size of the style sheet. Two kinds of highlight are
drawn with extra selections, so the document is never modified: the words of a search
hit, and the matches of find-in-page (the current one stronger).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

ZOOM_STEPS = (70, 80, 90, 100, 110, 125, 140, 160, 180, 200)
BASE_POINT_SIZE = 11.0
COLUMN_CHARS = 78  # a comfortable line length
MIN_MARGIN = 20
FONT_FAMILIES = [  # i18n: not shown
    "Segoe UI", "Noto Sans", "Helvetica Neue", "DejaVu Sans", "Arial"]
SEARCH_HIGHLIGHT = QColor("#ffe07a")
FIND_HIGHLIGHT = QColor("#fff2b3")
FIND_CURRENT = QColor("#ff9f43")


def reader_css(point_size: float) -> str:
    """The reading style sheet for a body size in points (Qt's rich-text CSS subset)."""
    def pt(factor: float) -> str:
        return f"{point_size * factor:.1f}pt"

    return f"""
    body {{ color: #1d232a; }}
    h1 {{ font-size: {pt(1.75)}; font-weight: 600; color: #1f4e79; margin-bottom: 4px; }}
    h2 {{ font-size: {pt(1.35)}; font-weight: 600; color: #1f4e79; margin-top: 22px;
          margin-bottom: 6px; }}
    h3 {{ font-size: {pt(1.15)}; font-weight: 600; margin-top: 16px; margin-bottom: 4px; }}
    h4 {{ font-size: {pt(1.0)}; font-weight: 600; margin-top: 12px; }}
    p {{ margin-top: 0px; margin-bottom: 10px; line-height: 140%; }}
    li {{ margin-bottom: 4px; line-height: 135%; }}
    a {{ color: #1f5fbf; text-decoration: none; }}
    a.tick {{ color: #1f5fbf; font-size: {pt(1.25)}; }}
    ul.checklist {{ list-style-type: none; }}
    code {{ font-family: "DejaVu Sans Mono", monospace; background-color: #eef1f5; }}
    pre {{ font-family: "DejaVu Sans Mono", monospace; background-color: #eef1f5; }}
    table {{ border-collapse: collapse; margin-top: 4px; margin-bottom: 14px; }}
    th {{ background-color: #e3ecf5; font-weight: 600; text-align: left; }}
    th, td {{ border: 1px solid #b9c4cf; padding: 5px 8px; vertical-align: top; }}
    blockquote {{ color: #46515c; margin-left: 14px; }}
    .meta {{ color: #5f6b77; font-size: {pt(0.9)}; }}
    .notice {{ color: #7a4b00; background-color: #fff4d6; }}
    """


def reader_font(point_size: float) -> QFont:
    """The reading font: the platform's UI sans-serif where it has one."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    return font


class ReaderView(QTextBrowser):
    """A section as a readable page; see the module docstring."""

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handbookReader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.setStyleSheet("QTextBrowser#handbookReader { background: white; }")
        self.zoom = 100
        self._html = ""
        self._search: list[QTextEdit.ExtraSelection] = []
        self._find: list[QTextCursor] = []
        self._find_index = -1
        self._find_text = ""
        self._generation = 0  # of scroll moves: a newer one cancels a pending older one
        self._apply_zoom()

    # Content -------------------------------------------------------------------------------

    def show_html(self, body_html: str, *, scroll: float | None = None, anchor: str = "") -> None:
        """Show a page; then scroll to `anchor`, to a fraction of its height, or the top."""
        self._html = body_html
        self._search = []
        self._find = []
        self._find_index = -1
        self.setHtml(body_html)
        self._fit_column()
        self._update_selections()
        if anchor:
            self._settled(lambda: self.scrollToAnchor(anchor))
        else:
            self._settled(lambda: self._scroll_to(scroll or 0.0))

    def scroll_fraction(self) -> float:
        """How far down the page the view is, 0 to 1."""
        span = self._scroll_span()
        return min(1.0, self.verticalScrollBar().value() / span) if span > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to a fraction of the page's height."""
        self._generation += 1  # overrides a move still pending
        self._scroll_to(fraction)

    def _scroll_to(self, fraction: float) -> None:
        self.verticalScrollBar().setValue(round(max(0.0, min(1.0, fraction))
                                                * self._scroll_span()))

    def _scroll_span(self) -> int:
        # From the laid-out page, not the scroll bar, whose range lags behind a new page.
        height = self.document().documentLayout().documentSize().height()
        return max(0, round(height) - self.viewport().height())

    # Zoom ----------------------------------------------------------------------------------

    def set_zoom(self, percent: int) -> None:
        """Scale the page (percent of the normal size), keeping the place read."""
        percent = min(max(percent, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if percent == self.zoom:
            return
        where = self.scroll_fraction()
        self.zoom = percent
        self._apply_zoom()
        if self._html:
            search, find, index = self._search, self._find, self._find_index
            self.setHtml(self._html)
            self._fit_column()
            self._search = [_reselect(s, self.document()) for s in search]
            self._find = [_recursor(c, self.document()) for c in find]
            self._find_index = index
            self._update_selections()
            self._settled(lambda: self._scroll_to(where))
        self.zoom_changed.emit(percent)

    def zoom_in(self) -> None:
        """One zoom step larger."""
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        """One zoom step smaller."""
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom), ZOOM_STEPS[0]))

    def _apply_zoom(self) -> None:
        size = BASE_POINT_SIZE * self.zoom / 100
        document = self.document()
        document.setDefaultFont(reader_font(size))
        document.setDefaultStyleSheet(reader_css(size))

    # Readable column -----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def _fit_column(self) -> None:
        width = self.viewport().width()
        column = QFontMetricsF(self.document().defaultFont()).averageCharWidth() * COLUMN_CHARS
        side = max(MIN_MARGIN, (width - column) / 2)
        root = self.document().rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if abs(fmt.leftMargin() - side) < 1 and fmt.topMargin() == MIN_MARGIN:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(MIN_MARGIN)
        fmt.setBottomMargin(2 * MIN_MARGIN)
        root.setFrameFormat(fmt)

    # Highlights ----------------------------------------------------------------------------

    def highlight_words(self, words: list[str]) -> int:
        """Mark every whole-word occurrence of `words` (a search hit's); how many."""
        self._search = []
        document = self.document()
        fmt = QTextCharFormat()
        fmt.setBackground(SEARCH_HIGHLIGHT)
        for word in words:
            cursor = document.find(word, 0, QTextDocument.FindFlag.FindWholeWords)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor  # type: ignore[attr-defined]
                selection.format = fmt  # type: ignore[attr-defined]
                self._search.append(selection)
                cursor = document.find(word, cursor, QTextDocument.FindFlag.FindWholeWords)
        self._update_selections()
        return len(self._search)

    def highlighted_words(self) -> list[str]:
        """The text of every search highlight, in page order (what the officer sees marked)."""
        cursors = sorted((s.cursor for s in self._search),  # type: ignore[attr-defined]
                         key=lambda c: c.selectionStart())
        return [c.selectedText() for c in cursors]

    def go_to_phrase(self, phrase: str, *, start: int, length: int) -> bool:
        """Scroll to `phrase` and select its part [start, start+length); False if absent."""
        cursor = self.document().find(phrase, 0, QTextDocument.FindFlag.FindCaseSensitively)
        if cursor.isNull():
            return False
        begin = cursor.selectionStart() + start
        cursor.setPosition(begin)
        cursor.setPosition(begin + length, QTextCursor.MoveMode.KeepAnchor)
        self._reveal(cursor)
        return True

    def go_to_first_highlight(self) -> None:
        """Scroll to the first search highlight, if any."""
        if self._search:
            first = min((s.cursor for s in self._search),  # type: ignore[attr-defined]
                        key=lambda c: c.selectionStart())
            self._reveal(QTextCursor(first))

    def find(self, text: str, *, backward: bool = False, restart: bool = False) -> tuple[int, int]:
        """Find-in-page: mark all matches of `text`, move to the next one; (current, total)."""
        if restart or not self._find or self._find_text != text:
            self._find_text = text
            self._find = []
            cursor = self.document().find(text, 0) if text else QTextCursor()
            while not cursor.isNull():
                self._find.append(cursor)
                cursor = self.document().find(text, cursor)
            here = self.textCursor().selectionStart()
            self._find_index = next((i for i, c in enumerate(self._find)
                                     if c.selectionStart() >= here), 0) if self._find else -1
        elif self._find:
            step = -1 if backward else 1
            self._find_index = (self._find_index + step) % len(self._find)
        if self._find_index >= 0:
            self._reveal(QTextCursor(self._find[self._find_index]))
        self._update_selections()
        return self._find_index + 1, len(self._find)

    def clear_find(self) -> None:
        """Remove find-in-page marks."""
        self._find = []
        self._find_index = -1
        self._find_text = ""
        self._update_selections()

    def find_matches(self) -> list[str]:
        """The text of every find-in-page match."""
        return [c.selectedText() for c in self._find]

    def _reveal(self, cursor: QTextCursor) -> None:
        """Select `cursor` and scroll so that it sits a third of the way down the view."""
        self.setTextCursor(cursor)

        def scroll() -> None:
            rect = self.cursorRect(cursor)
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

        self._settled(scroll)

    def _settled(self, move: Callable[[], None]) -> None:
        """Scroll now, and again once Qt has caught up with a new page's scroll range."""
        # After setHtml() the scroll bar's range is only corrected from the event loop, so a
        # position set at once may be clamped to the old range.
        self._generation += 1
        generation = self._generation
        move()
        QTimer.singleShot(0, self, lambda: generation == self._generation and move())

    def _update_selections(self) -> None:
        find_fmt = QTextCharFormat()
        find_fmt.setBackground(FIND_HIGHLIGHT)
        current_fmt = QTextCharFormat()
        current_fmt.setBackground(FIND_CURRENT)
        selections = list(self._search)
        for index, cursor in enumerate(self._find):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = current_fmt if index == self._find_index else find_fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self.setExtraSelections(selections)


def _recursor(cursor: QTextCursor, document: QTextDocument) -> QTextCursor:
    """The same character range in a re-laid-out copy of the page."""
    again = QTextCursor(document)
    again.setPosition(cursor.selectionStart())
    again.setPosition(cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    return again


def _reselect(selection: QTextEdit.ExtraSelection,
              document: QTextDocument) -> QTextEdit.ExtraSelection:
    again = QTextEdit.ExtraSelection()
    again.cursor = _recursor(selection.cursor, document)  # type: ignore[attr-defined]
    again.format = selection.format  # type: ignore[attr-defined]
    return again


class FindBar(QWidget):
    """Find in page: a box, previous/next, "n of m", close (Esc)."""

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.reader = reader
        self.edit = QLineEdit()
        self.edit.setObjectName("findText")
        self.edit.setPlaceholderText(self.tr("Find in this section"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(90)
        self.previous = QToolButton(text="▲")
        self.previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next = QToolButton(text="▼")
        self.next.setToolTip(self.tr("Next match (Enter)"))
        close = QToolButton(text="✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.setStyleSheet("#findBar { background: #eef1f5; border-top: 1px solid #c9d1d9; }")
        self.edit.textChanged.connect(lambda text: self._search(restart=True))
        self.edit.returnPressed.connect(lambda: self._search())
        self.next.clicked.connect(lambda: self._search())
        self.previous.clicked.connect(lambda: self._search(backward=True))
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, lambda: self._search(backward=True),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # the box passes Esc on to its bar
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def open_bar(self) -> None:
        """Show the bar with its text selected, ready to type."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self._search(restart=True)

    def close_bar(self) -> None:
        """Hide the bar and its marks; the reader gets the keyboard back."""
        self.hide()
        self.reader.clear_find()
        self.reader.setFocus()

    def refresh(self) -> None:
        """The page changed: find the same text in it."""
        if self.isVisible() and self.edit.text():
            self._search(restart=True)

    def _search(self, *, backward: bool = False, restart: bool = False) -> None:
        text = self.edit.text()
        if not text:
            self.reader.clear_find()
            self.count.setText("")
            return
        current, total = self.reader.find(text, backward=backward, restart=restart)
        self.count.setText(self.tr("{0} of {1}").format(current, total) if total
                           else self.tr("Not found"))
        self.count.setStyleSheet("" if total else "color: #b3261e;")
        self.edit.setStyleSheet("" if total else "QLineEdit { background: #fde7e7; }")

