"""What the list models share: columns with titles, one sort key, reading off the GUI thread.

A subclass sets `columns` (objects with `key` and `title`), implements `refresh()` (read
the list again through `self._tasks`, dropping results of an older `_generation`) and
`rowCount`, and emits `loaded` once a new list is shown. Clicking a header sorts by that
column's `sort_key_of` (a column whose key is "" does not sort) and reads the list again.

Every list aligns a cell whose text reads right to left (an Arabic or Hebrew name, say) at
the right edge, as its reader expects: `reading_alignment(text)` is what a model returns for
`TextAlignmentRole` when a column has no alignment of its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
RIGHT_TO_LEFT_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                              | Qt.AlignmentFlag.AlignVCenter)


def reads_right_to_left(text: str) -> bool:
    """The text's first strong letter is right-to-left (Arabic, Hebrew, Syriac, Thaana, N'Ko):
    how the Unicode bidi algorithm picks a paragraph's direction (rules P2-P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False  # digits and punctuation only: left to right, like the rest of the list


def left_to_right(text: str) -> str:
    """A phone number or an address kept in its own order on a right-to-left screen (a
    left-to-right isolate: without it "+296 72…" shows as "…72 296+")."""
    return f"\u2066{text}\u2069" if text else text


def reading_alignment(text: object) -> int | None:
    """Right-aligned for text that reads right to left; None (the view's default) else."""
    return RIGHT_TO_LEFT_ALIGNMENT if isinstance(text, str) and reads_right_to_left(text) \
        else None


class SortedTableModel(QAbstractTableModel):
    """A list sorted in SQL by one column, read in the background."""

    loaded = Signal()  # a new list is shown (count and first page known)

    def __init__(self, tasks: TaskRunner, owner: QWidget, columns: Sequence[Any], *,
                 sort: str, descending: bool) -> None:
        super().__init__(owner)
        self._tasks = tasks
        self._owner = owner
        self.columns = list(columns)
        self.sort_key = sort
        self.descending = descending
        self._generation = 0

    def refresh(self) -> None:
        """Read the list again with the current filter and sort (off the GUI thread)."""
        raise NotImplementedError

    def resort(self) -> None:
        """Read the list again after the sort changed."""
        self.refresh()

    def sort_key_of(self, column: int) -> str:
        """The core's sort key for a column ("" when it cannot be sorted)."""
        return str(self.columns[column].key)

    def column_title(self, column: int) -> str:
        """The header text of a column."""
        return str(self.columns[column].title)

    # --- QAbstractTableModel ------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(section)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_key_of(column)
        if not key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self.resort()

    def sort_column(self) -> int:
        """The column the list is sorted by (for the header's indicator)."""
        return next((n for n in range(len(self.columns)) if self.sort_key_of(n) == self.sort_key),
                    0)
