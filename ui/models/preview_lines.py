"""The rows of an import preview's tabs, for a QTableView: plain text, and on the matching
rows a tick per line choosing merge (or update) against skip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ui.models.sorted_table import Index

MERGE, SKIP = "merge", "skip"
CHOICE_COLUMN = 1  # of the matching rows: line, choice, row, matched record, why


class LinesModel(QAbstractTableModel):
    """Rows of text for a preview tab; with `choices`, the second column is a tick to merge
    (the rows hold a placeholder there)."""

    def __init__(self, headers: list[str], rows: list[list[str]], *,
                 choices: dict[int, str] | None = None, merge_label: str = "",
                 skip_label: str = "") -> None:
        super().__init__()
        self.headers = headers
        self.rows = rows
        self.choices = choices  # {line: MERGE|SKIP}, keyed by the rows' first cell
        self._labels = {MERGE: merge_label, SKIP: skip_label}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def _choice_column(self, index: Index) -> bool:
        return self.choices is not None and index.column() == CHOICE_COLUMN

    def _line(self, row: int) -> int:
        return int(self.rows[row][0])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self._choice_column(index):
            choice = self.choices[self._line(index.row())]  # type: ignore[index]
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if choice == MERGE else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return self._labels[choice]
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._choice_column(index) else flags

    def setData(self, index: Index, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self._choice_column(index) and role == Qt.ItemDataRole.CheckStateRole):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.choices[self._line(index.row())] = MERGE if checked else SKIP  # type: ignore[index]
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def choose_all(self, choice: str) -> None:
        """Merge (or skip) every matching line."""
        if self.choices is None or not self.rows:
            return
        for line in self.choices:
            self.choices[line] = choice
        self.dataChanged.emit(self.index(0, CHOICE_COLUMN),
                              self.index(len(self.rows) - 1, CHOICE_COLUMN))
