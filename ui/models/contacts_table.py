"""The contact list's table model: a `LazyTableModel` over `fieldapp.services.contacts`.

Every query runs off the GUI thread (see ui/models/lazy_table.py). The filter is a frozen
`ContactQuery`; the screen replaces it and calls `refresh()`. A number that did not parse
is flagged with a warning icon and a tooltip, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from fieldapp.labels import org_type_label
from fieldapp.services.contacts import (
    ContactRow,
    contact_count,
    contact_ids,
    contact_rows,
    display_phone,
)
from ui.models.lazy_table import ColumnSpec, LazyTableModel
from ui.models.sorted_table import left_to_right
from ui.tasks import Session, TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ContactQuery:
    """What the list shows: scope, filter text, organisation type, favourites."""

    operation_id: str | None = None
    text: str = ""
    org_type: str = ""
    favourites_only: bool = False
    scope: str = "all"


def contact_columns() -> list[ColumnSpec]:
    """The list's columns, titles translated."""
    translate = QCoreApplication.translate
    return [
        ColumnSpec("favourite", "\u2605", "favourite", 30),
        ColumnSpec("name", translate("ContactsTable", "Name"), "name", 190),
        ColumnSpec("organisation", translate("ContactsTable", "Organisation"), "organisation", 190),
        ColumnSpec("org_type", translate("ContactsTable", "Type"), "org_type", 120),
        ColumnSpec("role", translate("ContactsTable", "Role"), "role", 170),
        ColumnSpec("phone", translate("ContactsTable", "Phone"), "phone", 150),
        ColumnSpec("email", translate("ContactsTable", "E-mail"), "email", 210),
        ColumnSpec("call_sign", translate("ContactsTable", "Call sign"), "call_sign", 120),
    ]


class ContactsTableModel(LazyTableModel[ContactRow]):
    """The operation's (and global) contacts, filtered and sorted in SQL."""

    def __init__(self, tasks: TaskRunner, owner: QWidget, *,
                 database_open: Callable[[], bool] = lambda: True) -> None:
        super().__init__(tasks, owner, contact_columns(), sort="name",
                         database_open=database_open)
        self.query = ContactQuery()
        self._warning = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)

    def set_query(self, query: ContactQuery) -> None:
        """Show another list (a no-op when nothing changed)."""
        if query != self.query:
            self.query = query
            self.refresh()

    def snapshot(self) -> ContactQuery:
        return self.query

    def query_ids(self, session: Session, where: ContactQuery, *, sort: str,
                  descending: bool, offset: int, limit: int | None) -> list[str]:
        return contact_ids(session, operation_id=where.operation_id, text=where.text,
                           org_type=where.org_type or None,
                           favourites_only=where.favourites_only, scope=where.scope,
                           sort=sort, descending=descending, offset=offset, limit=limit)

    def query_count(self, session: Session, where: ContactQuery) -> int:
        return contact_count(session, operation_id=where.operation_id, text=where.text,
                             org_type=where.org_type or None,
                             favourites_only=where.favourites_only, scope=where.scope)

    def query_rows(self, session: Session, ids: list[str]) -> list[ContactRow]:
        return contact_rows(session, ids)

    def cell(self, row: ContactRow, column: ColumnSpec, role: int) -> Any:
        key = column.key
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "favourite":
                return "\u2605" if row.favourite else ""
            if key == "name":
                return row.name + (" \u00b7 " + self.tr("global") if row.is_global else "")
            if key == "org_type":
                return org_type_label(row.org_type) if row.org_type else ""
            if key == "phone":
                return left_to_right(display_phone(row.phone))
            if key == "email":
                return left_to_right(row.email)
            return getattr(row, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "phone" and row.has_invalid_phone:
            return self._warning
        if role == Qt.ItemDataRole.ToolTipRole and key == "phone" and row.has_invalid_phone:
            return self.tr("A number of this contact could not be checked; it is kept as "
                           "typed. Open the contact to correct it.")
        if role == Qt.ItemDataRole.AccessibleTextRole and key == "favourite":
            return self.tr("Favourite") if row.favourite else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "favourite":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
