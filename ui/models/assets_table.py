"""The asset directory's table model: a `LazyTableModel` over `fieldapp.services.assets`.

Queries run off the GUI thread (ui/models/lazy_table.py). An entry not confirmed for 90
days says "check" in its Confirmed column with a warning icon and a tooltip, so the mark
does not depend on colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from fieldapp.labels import asset_status_label, capability_label
from fieldapp.services.assets import AssetFilter, AssetRow, asset_count, asset_ids, asset_rows
from ui.models.lazy_table import ColumnSpec, LazyTableModel
from ui.tasks import Session, TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole
STALE_BACKGROUND = QColor("#fff4d6")


@dataclass(frozen=True)
class AssetQuery:
    """The operation whose directory is shown and the list's filter."""

    operation_id: str | None = None
    where: AssetFilter = AssetFilter()


def asset_columns() -> list[ColumnSpec]:
    """The list's columns, titles translated."""
    translate = QCoreApplication.translate
    return [
        ColumnSpec("category", translate("AssetsTable", "Category"), "category", 140),
        ColumnSpec("description", translate("AssetsTable", "Description"), "description", 240),
        ColumnSpec("provider", translate("AssetsTable", "Provider"), "provider", 170),
        ColumnSpec("status", translate("AssetsTable", "Status"), "status", 85),
        ColumnSpec("confirmed", translate("AssetsTable", "Confirmed"), "confirmed_at", 135),
        ColumnSpec("capacity", translate("AssetsTable", "Capacity"), "capacity", 120),
        ColumnSpec("quantity", translate("AssetsTable", "Qty"), "quantity", 45),
        ColumnSpec("place", translate("AssetsTable", "Place"), "place", 150),
        ColumnSpec("available", translate("AssetsTable", "Available"), "available_from", 180),
        ColumnSpec("poc", translate("AssetsTable", "Point of contact"), "poc", 160),
    ]


def capacity_text(row: AssetRow) -> str:
    """"4.5 t" or "" when no capacity is given."""
    if row.capacity_value is None:
        return ""
    return f"{row.capacity_value:g} {row.capacity_unit}".strip()


def availability_text(row: AssetRow) -> str:
    """The availability window as dates, "…" for an open end."""
    if row.available_from is None and row.available_to is None:
        return ""
    start = row.available_from.isoformat() if row.available_from else "\u2026"
    end = row.available_to.isoformat() if row.available_to else "\u2026"
    return f"{start} \u2013 {end}"


class AssetsTableModel(LazyTableModel[AssetRow]):
    """The directory entries of the operation and global ones, filtered and sorted in SQL."""

    def __init__(self, tasks: TaskRunner, owner: QWidget, *,
                 database_open: Callable[[], bool] = lambda: True) -> None:
        super().__init__(tasks, owner, asset_columns(), sort="category",
                         database_open=database_open)
        self.query = AssetQuery()
        self._warning = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)

    def set_query(self, query: AssetQuery) -> None:
        """Show another list (a no-op when nothing changed)."""
        if query != self.query:
            self.query = query
            self.refresh()

    def snapshot(self) -> AssetQuery:
        return self.query

    def query_ids(self, session: Session, where: AssetQuery, *, sort: str,
                  descending: bool, offset: int, limit: int | None) -> list[str]:
        return asset_ids(session, operation_id=where.operation_id, where=where.where,
                         sort=sort, descending=descending, offset=offset, limit=limit)

    def query_count(self, session: Session, where: AssetQuery) -> int:
        return asset_count(session, operation_id=where.operation_id, where=where.where)

    def query_rows(self, session: Session, ids: list[str]) -> list[AssetRow]:
        return asset_rows(session, ids)

    def _display(self, row: AssetRow, key: str) -> str:
        if key == "category":
            return capability_label(row.category)
        if key == "provider":
            return " ".join(filter(None, (row.provider_state, row.provider_unit)))
        if key == "capacity":
            return capacity_text(row)
        if key == "quantity":
            return str(row.quantity)
        if key == "status":
            return asset_status_label(row.status)
        if key == "place":
            return row.place_name
        if key == "available":
            return availability_text(row)
        if key == "poc":
            return row.poc_name
        if key == "confirmed":
            day = row.confirmed_at.date().isoformat() if row.confirmed_at else self.tr("never")
            return f"{day} \u00b7 {self.tr('check')}" if row.stale else day
        return str(getattr(row, key))

    def cell(self, row: AssetRow, column: ColumnSpec, role: int) -> Any:
        key = column.key
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if key == "confirmed" and row.stale:
            if role == Qt.ItemDataRole.DecorationRole:
                return self._warning
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Not confirmed for 90 days: check with the provider that this "
                               "entry is still true, then mark it confirmed.")
            if role == Qt.ItemDataRole.BackgroundRole:
                return STALE_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "quantity":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
