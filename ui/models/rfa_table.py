"""The RFA list as a lazy table model: a count and the pages seen, never every request.

A new filter or sort reads the count and the first page in one background query
(`list_rfas`/`count_rfas`); later pages are read by offset when the view first asks
for one of their rows, and kept in a small cache. Each list has a generation number, so
a page that arrives for an older list is dropped. Life-saving and overdue requests stand
out in colour **and** words ("⚠ Life-saving", "Overdue · Submitted"), never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from fieldapp.labels import capability_label, priority_label, rfa_status_label
from fieldapp.models.enums import RfaPriority
from fieldapp.services.rfa import RfaFilter, RfaRow, count_rfas, list_rfas
from ui.models.page_cache import PageCache
from ui.models.sorted_table import Index, SortedTableModel, reading_alignment
from ui.tasks import Session, TaskRunner

PAGE = 200
MAX_PAGES = 30
ALERT = QColor("#b3261e")
OVERDUE_FILL = QColor("#fdecea")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """A column of the list: the RfaRow field it shows, its title, its sort key."""

    key: str
    title: str


COLUMNS = (  # what tells requests apart first, so a narrow list still shows it
    Column("reference", QT_TRANSLATE_NOOP("RfaTable", "Reference")),
    Column("title", QT_TRANSLATE_NOOP("RfaTable", "Title")),
    Column("priority", QT_TRANSLATE_NOOP("RfaTable", "Priority")),
    Column("status", QT_TRANSLATE_NOOP("RfaTable", "Status")),
    Column("required_until", QT_TRANSLATE_NOOP("RfaTable", "Needed until")),
    Column("requester", QT_TRANSLATE_NOOP("RfaTable", "Requester")),
    Column("cluster", QT_TRANSLATE_NOOP("RfaTable", "Cluster")),
    Column("capability", QT_TRANSLATE_NOOP("RfaTable", "Capability")),
    Column("updated_at", QT_TRANSLATE_NOOP("RfaTable", "Updated")),
)


def column_of(key: str) -> int:
    """The position of a column by its key."""
    return next(n for n, column in enumerate(COLUMNS) if column.key == key)


def _t(text: str) -> str:
    return QCoreApplication.translate("RfaTable", text)


def _local(value: Any) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


class RfaTableModel(SortedTableModel):
    """The operation's requests for the current filter and sort, read page by page."""

    def __init__(self, tasks: TaskRunner, owner: QWidget) -> None:
        # newest references first
        super().__init__(tasks, owner, COLUMNS, sort="reference", descending=True)
        self.operation_id = ""
        self.where = RfaFilter()
        self._count = 0
        self._pages: PageCache[RfaRow] = PageCache(PAGE, MAX_PAGES)

    # Loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again (count and first page) in the background."""
        self._generation += 1
        generation = self._generation
        operation_id, where = self.operation_id, self.where
        sort, descending = self.sort_key, self.descending
        if not operation_id:
            self._first_page(generation, 0, [])
            return

        def first(session: Session, _progress: object) -> tuple[int, list[RfaRow]]:
            rows = list_rfas(session, operation_id=operation_id, where=where, sort=sort,
                             descending=descending, limit=PAGE)
            count = len(rows) if len(rows) < PAGE else count_rfas(
                session, operation_id=operation_id, where=where)
            return count, rows

        self._tasks.query(first, on_success=lambda result: self._first_page(generation, *result),
                          parent=self._owner)

    def _first_page(self, generation: int, count: int, rows: list[RfaRow]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count = count
        self._pages.reset(rows)
        self.endResetModel()
        self.loaded.emit()

    def _request(self, page: int) -> None:
        generation, operation_id, where = self._generation, self.operation_id, self.where
        sort, descending = self.sort_key, self.descending
        self._tasks.query(
            lambda session, _p: list_rfas(session, operation_id=operation_id, where=where,
                                          sort=sort, descending=descending,
                                          offset=page * PAGE, limit=PAGE),
            on_success=lambda rows: self._page(generation, page, rows), parent=self._owner)

    def _page(self, generation: int, page: int, rows: list[RfaRow]) -> None:
        if generation != self._generation:
            return
        shown = self._pages.store(page, rows, self._count)
        if shown:
            self.dataChanged.emit(self.index(shown[0], 0), self.index(shown[-1], len(COLUMNS) - 1))

    # Reading ---------------------------------------------------------------------------------

    def row_at(self, position: int) -> RfaRow | None:
        """The row at a position when its page is in memory (else None; it is fetched)."""
        if not 0 <= position < self._count:
            return None
        return self._pages.row_at(position, self._request)

    def position_of(self, rfa_id: str) -> int | None:
        """Where a request is among the pages in memory (None when not there)."""
        return self._pages.position_of(lambda row: row.id == rfa_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def column_title(self, column: int) -> str:
        """The header text of a column, translated when shown."""
        return _t(COLUMNS[column].title)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 else None
        key = COLUMNS[index.column()].key
        life_saving = row.priority == RfaPriority.LIFE_SAVING
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and (
                (key == "priority" and life_saving) or (key == "status" and row.overdue)):
            return QBrush(ALERT)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_FILL)
        if role == Qt.ItemDataRole.FontRole and key == "priority" and life_saving:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            translate = QCoreApplication.translate
            notes = [translate("RfaTable", "Life-saving request")] if life_saving else []
            if row.overdue:
                notes.append(translate(
                    "RfaTable", "Overdue: still open after the time it was needed by"))
            return "\n".join([row.title, *notes]) if row.title or notes else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return reading_alignment(self._text(row, key))
        return None

    @staticmethod
    def _text(row: RfaRow, key: str) -> str:
        if key == "priority":
            label = priority_label(row.priority)
            return f"⚠ {label}" if row.priority == RfaPriority.LIFE_SAVING else label
        if key == "status":
            label = rfa_status_label(row.status)
            return QCoreApplication.translate("RfaTable", "Overdue · {0}").format(label) \
                if row.overdue else label
        if key == "capability":
            return capability_label(row.capability)
        if key in ("required_until", "updated_at"):
            return _local(getattr(row, key))
        return str(getattr(row, key) or "")
