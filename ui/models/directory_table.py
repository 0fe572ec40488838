"""The asset screen's list: the operation's assets and the Central Register's entries.

A `DirectoryTableModel` is the asset table (ui/models/assets_table.py) over the joined
list of `fieldapp.services.register` (`directory_ids`, `directory_count`,
`directory_rows`), with a Source column first. Register rows are read-only here (kept at
HQ); their Source cell says "Central Register" on a tinted background, and an entry whose
valid-until date has passed says so in words in its Confirmed column, with the warning
icon and tint of an asset to check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from fieldapp.labels import capability_label
from fieldapp.services.assets import AssetFilter, AssetRow
from fieldapp.services.register import (
    REGISTER,
    SHOW_ALL,
    DirectoryRow,
    RegisterRow,
    directory_count,
    directory_ids,
    directory_rows,
    register_status_label,
)
from ui.models.assets_table import (
    ID_ROLE,
    STALE_BACKGROUND,
    AssetsTableModel,
    asset_columns,
    capacity_text,
)
from ui.models.lazy_table import ColumnSpec
from ui.tasks import Session, TaskRunner

REGISTER_BACKGROUND = QColor("#e3eefa")
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1  # REGISTER or "operation"


@dataclass(frozen=True)
class DirectoryQuery:
    """The operation whose assets are listed, the filter, and which sources to show."""

    operation_id: str | None = None
    where: AssetFilter = AssetFilter()
    show: str = SHOW_ALL
    include_retired: bool = False


def directory_columns() -> list[ColumnSpec]:
    """The asset list's columns after a Source column, titles translated."""
    source = ColumnSpec("source", QCoreApplication.translate("DirectoryTable", "Source"),
                        "source", 110)
    return [source, *asset_columns()]


def forget_old_header(settings: QSettings, prefix: str, columns: int) -> None:
    """Drop a header layout saved for another number of columns (before the Source column
    came): restored, it would give each column its neighbour's width."""
    if settings.value(prefix + "headerColumns") != str(columns):
        settings.remove(prefix + "header")
        settings.setValue(prefix + "headerColumns", str(columns))


class DirectoryTableModel(AssetsTableModel):
    """The joined list, filtered and sorted in SQL, read lazily (see LazyTableModel)."""

    def __init__(self, tasks: TaskRunner, owner: QWidget, *,
                 database_open: Callable[[], bool] = lambda: True) -> None:
        super().__init__(tasks, owner, database_open=database_open)
        self.columns = directory_columns()
        self.query = DirectoryQuery()  # type: ignore[assignment]

    def query_ids(self, session: Session, where: DirectoryQuery, *,  # type: ignore[override]
                  sort: str, descending: bool, offset: int, limit: int | None) -> list[str]:
        return directory_ids(session, operation_id=where.operation_id, where=where.where,
                             show=where.show, include_retired=where.include_retired,
                             sort=sort, descending=descending, offset=offset, limit=limit)

    def query_count(self, session: Session, where: DirectoryQuery) -> int:  # type: ignore
        return directory_count(session, operation_id=where.operation_id, where=where.where,
                               show=where.show, include_retired=where.include_retired)

    def query_rows(self, session: Session, ids: list[str]) -> list[DirectoryRow]:  # type: ignore
        return directory_rows(session, ids)

    def source_at(self, position: int) -> str:
        """REGISTER or "operation" for the row at a position ("" while not fetched)."""
        row = self.row_at(position)
        return "" if row is None else getattr(row, "source", "operation")

    def _register_display(self, row: RegisterRow, key: str) -> str:
        if key == "source":
            return self.tr("Central Register")
        if key == "category":
            return capability_label(row.category)
        if key == "description":
            return row.capability
        if key == "provider":
            return " ".join(filter(None, (row.provider_state, row.provider)))
        if key == "status":
            return register_status_label(row.status)
        if key == "confirmed":
            if row.valid_until is None:
                return ""
            day = row.valid_until.isoformat()
            return self.tr("{date} · valid-until passed").format(date=day) if row.expired \
                else self.tr("valid until {date}").format(date=day)
        if key == "capacity":
            return capacity_text(row)  # type: ignore[arg-type]  # the same two fields
        if key == "quantity":
            return str(row.quantity)
        if key == "available":
            return self.tr("ready in {hours} h").format(hours=row.readiness_hours) \
                if row.readiness_hours is not None else ""
        if key == "poc":
            return row.poc_name
        return ""

    def cell(self, row: DirectoryRow, column: ColumnSpec, role: int) -> Any:  # type: ignore
        key = column.key
        if role == SOURCE_ROLE:
            return row.source if isinstance(row, RegisterRow) else "operation"
        if not isinstance(row, RegisterRow):
            if key == "source" and role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Global") if row.is_global else self.tr("Operation")
            if key == "source" and role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("An entry of this laptop's directory, for every operation") \
                    if row.is_global else self.tr("An asset of the operation's own directory")
            return None if key == "source" else super().cell(row, column, role)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._register_display(row, key)
        if key == "source":
            if role == Qt.ItemDataRole.BackgroundRole:
                return REGISTER_BACKGROUND
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("An entry of the Central Register of MCDA, kept at HQ: read-only "
                               "here; propose a correction if it is wrong.")
        if key == "confirmed" and row.expired:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._warning
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("The offer's valid-until date has passed: HQ asks the provider "
                               "to confirm it; check with them before relying on it.")
            if role == Qt.ItemDataRole.BackgroundRole:
                return STALE_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "quantity":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def is_register_row(row: AssetRow | RegisterRow | None) -> bool:
    """True for a Central Register row (read-only on the laptop)."""
    return getattr(row, "source", "") == REGISTER
