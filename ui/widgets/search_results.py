"""The global search results panel: hits grouped by kind, the matched words highlighted.

A child of the main window floating under the search box (not a separate popup window,
so the box keeps the keyboard). Rows are group headers (not selectable) and hits; a hit
row holds its kind, id, title and the snippet as escaped HTML from
`fieldapp.search.snippet_html`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGraphicsDropShadowEffect,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from fieldapp.search import SearchHit

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2  # a hit's snippet, or a whole message row
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ORDER = ("contact", "organisation", "asset", "rfa", "lesson", "handbook")
HIGHLIGHT_CSS = "b { background-color: #ffe07a; font-weight: 600; }"
SELECTED = QColor("#dce8fb")
ACCENT = QColor("#1f5fbf")
MIN_WIDTH = 560


def group_title(kind: str) -> str:
    """The heading of one group of hits."""
    translate = QCoreApplication.translate
    titles = {
        "contact": translate("SearchResults", "Contacts"),
        "organisation": translate("SearchResults", "Organisations"),
        "asset": translate("SearchResults", "Assets"),
        "rfa": translate("SearchResults", "Requests"),
        "lesson": translate("SearchResults", "Lessons"),
        "handbook": translate("SearchResults", "Handbook"),
    }
    return titles.get(kind, kind)


def hit_html(title: str, snippet: str) -> str:
    """A hit as HTML: the title on one line, then the snippet with its matches marked."""
    return (f"<div style='font-weight:600'>{html.escape(title)}</div>"
            f"<div style='color:#4a4a4a'>{snippet}</div>")


class _HitDelegate(QStyledItemDelegate):
    """Paints headers as small grey captions and hits as rich text."""

    PAD = 6

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(HIGHLIGHT_CSS)
        width = max(50, option.rect.width() - 3 * self.PAD)
        body = index.data(HTML_ROLE) or ""
        if index.data(ID_ROLE):  # a hit: its title elided to one line above the snippet
            bold = QFont(option.font)
            bold.setWeight(QFont.Weight.DemiBold)
            title = QFontMetrics(bold).elidedText(index.data(Qt.ItemDataRole.DisplayRole),
                                                  Qt.TextElideMode.ElideRight, width - 8)
            body = hit_html(title, body)
        doc.setHtml(body)
        doc.setTextWidth(width)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect = option.rect
        if index.data(HEADER_ROLE):
            font = option.font
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            painter.setFont(font)
            painter.setPen(QColor("#6b6b6b"))
            painter.drawText(rect.adjusted(self.PAD, 0, -self.PAD, -2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             index.data(Qt.ItemDataRole.DisplayRole).upper())
            painter.restore()
            return
        if option.state & option.state.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(rect, SELECTED)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), ACCENT)
        doc = self._document(option, index)
        painter.translate(QPoint(rect.left() + 2 * self.PAD, rect.top() + self.PAD // 2))
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(HEADER_ROLE):
            return QSize(option.rect.width(), option.fontMetrics.height() + 12)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListWidget) else MIN_WIDTH
        option.rect = QRect(0, 0, width, 0)
        doc = self._document(option, index)
        return QSize(width, int(doc.size().height()) + self.PAD)


class SearchResults(QFrame):
    """Grouped hits under the search box; `activated(kind, id)` when one is chosen."""

    activated = Signal(str, str)

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("searchResultsPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#searchResultsPanel { background: palette(base); "
                           "border: 1px solid #b8b8b8; border-radius: 6px; }")
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 4)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)
        self.list = QListWidget()
        self.list.setObjectName("searchResults")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setItemDelegate(_HitDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.itemClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        self.hide()

    def show_hits(self, hits: list[SearchHit], text: str) -> None:
        """Replace the rows with `hits`, grouped by kind, the first hit selected."""
        from fieldapp.search import snippet_html

        self.list.clear()
        for kind in KIND_ORDER:
            group = [hit for hit in hits if hit.kind == kind]
            if not group:
                continue
            header = QListWidgetItem(group_title(kind))
            header.setData(HEADER_ROLE, True)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(header)
            for hit in group:
                item = QListWidgetItem(hit.title)
                item.setData(KIND_ROLE, hit.kind)
                item.setData(ID_ROLE, hit.id)
                item.setData(HTML_ROLE, snippet_html(hit.snippet))
                item.setToolTip(hit.title)
                self.list.addItem(item)
        if not hits:
            empty = QListWidgetItem(self.tr("No results for “{0}” in this operation.")
                                    .format(text.strip()))
            muted = html.escape(empty.text())
            empty.setData(HTML_ROLE, f"<div style='color:#6b6b6b'>{muted}</div>")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._select(self._next_hit_row(-1, 1))

    def show_message(self, text: str) -> None:
        """One line of text instead of hits (e.g. why the search failed)."""
        self.list.clear()
        item = QListWidgetItem(text)
        item.setData(HTML_ROLE, f"<div style='color:#b3261e'>{html.escape(text)}</div>")
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)

    def groups(self) -> dict[str, list[str]]:
        """What is shown: group heading → hit titles (for tests and accessibility checks)."""
        shown: dict[str, list[str]] = {}
        heading = ""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(HEADER_ROLE):
                heading = item.text()
                shown[heading] = []
            elif item.data(ID_ROLE):
                shown[heading].append(item.text())
        return shown

    def current_hit(self) -> tuple[str, str] | None:
        """(kind, id) of the selected hit."""
        item = self.list.currentItem()
        if item is None or not item.data(ID_ROLE) or not item.isSelected():
            return None
        return item.data(KIND_ROLE), item.data(ID_ROLE)

    def move(self, step: int) -> None:
        """Select the next (step=1) or previous (step=-1) hit, skipping headings."""
        target = self._next_hit_row(self.list.currentRow(), step)
        if target is not None:
            self._select(target)

    def activate_current(self) -> bool:
        """Emit `activated` for the selected hit; False when none is selected."""
        hit = self.current_hit()
        if hit is None:
            return False
        self.activated.emit(*hit)
        return True

    def place_under(self, anchor: QWidget) -> None:
        """Float just under `anchor`, as wide as useful, no taller than most of the window."""
        host = self.parentWidget()
        origin = anchor.mapTo(host, QPoint(0, anchor.height() + 2))
        width = min(max(anchor.width(), MIN_WIDTH), host.width() - 16)
        left = max(8, min(origin.x(), host.width() - width - 8))
        tallest = int(host.height() * 0.75)
        # Row heights depend on the width (snippets wrap): size the width first.
        self.setGeometry(left, origin.y(), width, tallest)
        self.layout().activate()
        self.list.doItemsLayout()
        rows = sum(self.list.sizeHintForRow(r) for r in range(self.list.count()))
        margins = self.layout().contentsMargins()
        height = min(rows + margins.top() + margins.bottom() + 2 * self.list.frameWidth() + 2,
                     tallest)
        self.setGeometry(left, origin.y(), width, max(height, 48))
        self.raise_()
        self._scroll_to_current()

    def _next_hit_row(self, row: int, step: int) -> int | None:
        row += step
        while 0 <= row < self.list.count():
            if self.list.item(row).data(ID_ROLE):
                return row
            row += step
        return None

    def _select(self, row: int | None) -> None:
        if row is None:
            self.list.setCurrentRow(-1)
            return
        self.list.setCurrentRow(row)
        self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        if row == self._next_hit_row(-1, 1):
            self.list.scrollToTop()  # keep the first group's heading in view
        else:
            self.list.scrollToItem(self.list.item(row))

    def _clicked(self, item: QListWidgetItem) -> None:
        if item.data(ID_ROLE):
            self.activated.emit(item.data(KIND_ROLE), item.data(ID_ROLE))
