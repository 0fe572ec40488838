"""The lessons list as a Qt table: the filter's count and the rows a page at a time.

A new filter or sort reads the count and the first page off the GUI thread; the view asks
for more (`canFetchMore`/`fetchMore`) as the officer scrolls, and each further page is
read in the background too. A result that arrives for an older list is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from fieldapp.labels import lesson_status_label, topic_label
from fieldapp.models.enums import LessonStatus, Sensitivity
from fieldapp.services.lessons import LessonFilter, LessonRow, count_lessons, list_lessons
from ui.models.sorted_table import Index, SortedTableModel, reading_alignment
from ui.tasks import TaskRunner

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")
PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _Column:
    key: str  # the core's sort key
    title: str


def _columns() -> list[_Column]:
    return [
        _Column("title", translate("LessonsTable", "Title")),
        _Column("observed_on", translate("LessonsTable", "Observed")),
        _Column("source", translate("LessonsTable", "Operation")),
        _Column("topic", translate("LessonsTable", "Topic")),
        _Column("status", translate("LessonsTable", "Status")),
        _Column("sensitivity", translate("LessonsTable", "Sensitivity")),
    ]


STATUS_COLOURS = {
    LessonStatus.DRAFT: "#5f6368",
    LessonStatus.SUBMITTED: "#1f5a96",
    LessonStatus.RETURNED: "#a05a00",
    LessonStatus.VALIDATED: "#2e7d32",
    LessonStatus.PUBLISHED: "#2e7d32",
}


def status_text(status: str, *, short: bool = False) -> str:
    """A lesson status as the form says it (`short`: as the list says it)."""
    texts = {
        LessonStatus.DRAFT: translate("LessonsTable", "Draft"),
        LessonStatus.SUBMITTED: translate("LessonsTable", "Submitted"),
        LessonStatus.RETURNED: translate("LessonsTable", "Returned") if short else
        translate("LessonsTable", "Returned by HQ"),
        LessonStatus.VALIDATED: translate("LessonsTable", "Validated"),
        LessonStatus.PUBLISHED: translate("LessonsTable", "Published"),
    }
    return texts.get(status, lesson_status_label(status))  # type: ignore[call-overload]


def sensitivity_text(value: str) -> str:
    """Public or internal, translated."""
    return (translate("LessonsTable", "Public") if value == Sensitivity.PUBLIC
            else translate("LessonsTable", "Internal"))


class LessonsTableModel(SortedTableModel):
    """Lessons kept by a LessonFilter, sorted in SQL, read a page at a time."""

    def __init__(self, tasks: TaskRunner, owner: QWidget) -> None:
        super().__init__(tasks, owner, _columns(), sort="observed_on", descending=True)
        self.where = LessonFilter()
        self.total = 0
        self._rows: list[LessonRow] = []
        self._fetching = False

    # --- loading ----------------------------------------------------------------------------

    def set_filter(self, where: LessonFilter) -> None:
        """Show the lessons `where` keeps."""
        self.where = where
        self.refresh(keep_loaded=False)

    def refresh(self, *, keep_loaded: bool = True) -> None:
        """Read the list again off the GUI thread: the first page, or (after a save) as
        many rows as were loaded, so the view keeps its place."""
        self._generation += 1
        generation, where = self._generation, self.where
        sort, descending = self.sort_key, self.descending
        keep = max(PAGE, len(self._rows)) if keep_loaded else PAGE

        def first(session: Any, _progress: object) -> tuple[int, list[LessonRow]]:
            rows = list_lessons(session, where=where, sort=sort, descending=descending,
                                limit=keep)
            count = len(rows) if len(rows) < keep else count_lessons(session, where=where)
            return count, rows

        self._fetching = True
        self._tasks.query(first, on_success=lambda r: self._first(generation, *r),
                          parent=self._owner)

    def _first(self, generation: int, count: int, rows: list[LessonRow]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self.total = count
        self._rows = rows
        self._fetching = False
        self.endResetModel()
        self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._fetching or len(self._rows) >= self.total:
            return
        self._fetching = True
        generation, where, offset = self._generation, self.where, len(self._rows)
        sort, descending = self.sort_key, self.descending
        self._tasks.query(
            lambda session, _p: list_lessons(session, where=where, sort=sort,
                                             descending=descending, offset=offset, limit=PAGE),
            on_success=lambda rows: self._more(generation, offset, rows), parent=self._owner)

    def _more(self, generation: int, offset: int, rows: list[LessonRow]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return
        self._fetching = False
        if not rows:
            self.total = len(self._rows)  # fewer than counted: the list changed meanwhile
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    @property
    def loading(self) -> bool:
        """True while a list or a further page is being read."""
        return self._fetching

    # --- reading ------------------------------------------------------------------------------

    def row_at(self, position: int) -> LessonRow | None:
        """The lesson shown at a position."""
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, lesson_id: str) -> int | None:
        """Where a lesson is in the rows loaded so far."""
        return next((n for n, row in enumerate(self._rows) if row.id == lesson_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "status" and row.status == LessonStatus.RETURNED and row.hq_comment:
                return translate("LessonsTable", "HQ comment: {0}").format(row.hq_comment)
            return self._display(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QColor(STATUS_COLOURS.get(row.status, "#202124"))
        if role == Qt.ItemDataRole.FontRole and key == "status" and \
                row.status == LessonStatus.RETURNED:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return reading_alignment(self._display(row, key))
        return None

    @staticmethod
    def _display(row: LessonRow, key: str) -> str:
        if key == "title":
            return row.title or translate("LessonsTable", "(untitled)")
        if key == "observed_on":
            return row.observed_on.isoformat() if row.observed_on else ""
        if key == "source":
            return row.source
        if key == "topic":
            return topic_label(row.topic) if row.topic else ""
        if key == "status":
            return status_text(row.status, short=True)
        return sensitivity_text(row.sensitivity)

    def resort(self) -> None:
        """Read the first page again: the rows loaded so far are in the old order."""
        self.refresh(keep_loaded=False)
