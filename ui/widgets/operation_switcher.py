"""The toolbar's operation switcher: pick the current operation; create, edit, archive, restore.

It is also what keeps `ctx.current_operation_id` in step with the core's setting: after
any write that touches operations it re-reads the list and the current one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from ui.context import AppContext, Change

if TYPE_CHECKING:
    from fieldapp.services.lookup import OperationRow
    from ui.screens.operation_dialog import OperationDialog

OPERATION_CHANGES = {Change.OPERATION, Change.CURRENT_OPERATION}


def operation_title(row: OperationRow) -> str:
    """How an operation reads in the switcher and the status bar."""
    return f"{row.code} — {row.name}"


class OperationSwitcher(QWidget):
    """A combo of active operations and a menu of actions on them."""

    current_changed = Signal(object)  # the current OperationRow, or None
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[OperationRow] = []
        self.dialog: OperationDialog | None = None
        self._generation = 0

        self.combo = QComboBox()
        self.combo.setObjectName("operationCombo")
        self.combo.setMinimumContentsLength(36)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setPlaceholderText(self.tr("No operation yet"))
        self.combo.setToolTip(self.tr("The current operation: every list shows its records"))
        self.combo.activated.connect(self._switch_to_index)

        self.new_action = QAction(self.tr("New operation…"), self)
        self.new_action.setObjectName("newOperation")
        self.new_action.triggered.connect(self.new_operation)
        self.edit_action = QAction(self.tr("Edit current operation…"), self)
        self.edit_action.setObjectName("editOperation")
        self.edit_action.triggered.connect(self.edit_operation)
        self.archive_action = QAction(self.tr("Archive current operation"), self)
        self.archive_action.setObjectName("archiveOperation")
        self.archive_action.triggered.connect(self.archive_current)
        self.restore_menu = QMenu(self.tr("Restore archived operation"), self)
        self.restore_menu.setObjectName("restoreMenu")

        menu = QMenu(self)
        menu.addAction(self.new_action)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        menu.addAction(self.archive_action)
        menu.addMenu(self.restore_menu)
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("operationMenuButton")
        self.menu_button.setText(self.tr("Operations ▾"))
        self.menu_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(menu)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Operation:")))
        layout.addWidget(self.combo)
        layout.addWidget(self.menu_button)

        self._update_actions()
        ctx.changed.connect(self._on_changed)

    # Reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the operations and the current one (in the background)."""
        from fieldapp.services.lookup import operation_rows
        from fieldapp.services.operations import current_operation

        def work(session: object, _progress: object) -> tuple[list[OperationRow], str]:
            current = current_operation(session)
            return operation_rows(session), current.id if current else ""

        self._generation += 1
        generation = self._generation
        self.ctx.tasks.query(work, on_success=lambda result: self._show(generation, *result),
                             parent=self)

    def _show(self, generation: int, rows: list[OperationRow], current_id: str) -> None:
        if generation != self._generation:
            return  # an older read finishing late
        self.rows = rows
        self.ctx.set_current_operation_id(current_id)
        self.combo.blockSignals(True)
        self.combo.clear()
        for row in rows:
            if not row.archived:
                self.combo.addItem(operation_title(row), row.id)
        self.combo.setCurrentIndex(self.combo.findData(current_id))
        self.combo.blockSignals(False)
        self.restore_menu.clear()
        for row in rows:
            if row.archived:
                action = self.restore_menu.addAction(operation_title(row))
                action.triggered.connect(lambda _=False, op_id=row.id: self.restore(op_id))
        self._update_actions()
        self.current_changed.emit(self.current_row())
        if not current_id and self.combo.count():
            # Operations arrived (a first sync) and none is current yet: the officer expects
            # to see them, not an empty list saying to create one.
            self.switch_to(self.combo.itemData(0))

    def current_row(self) -> OperationRow | None:
        """The current operation as last read, or None."""
        current = self.ctx.current_operation_id
        return next((row for row in self.rows if row.id == current), None)

    def _update_actions(self) -> None:
        has_current = self.current_row() is not None
        self.edit_action.setEnabled(has_current)
        self.archive_action.setEnabled(has_current)
        self.restore_menu.setEnabled(any(row.archived for row in self.rows))
        self.combo.setEnabled(self.combo.count() > 0)

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & OPERATION_CHANGES:
            self.refresh()

    # Acting --------------------------------------------------------------------------------

    def _switch_to_index(self, index: int) -> None:
        operation_id = self.combo.itemData(index)
        if operation_id and operation_id != self.ctx.current_operation_id:
            self.switch_to(operation_id)

    def switch_to(self, operation_id: str) -> None:
        """Make another operation current."""
        from fieldapp.services.operations import set_current_operation

        self.ctx.tasks.write(
            lambda session, _p: set_current_operation(session, operation_id),
            changes={Change.CURRENT_OPERATION}, parent=self,
        )

    def new_operation(self) -> OperationDialog:
        """Open the form for a new operation (it becomes current when saved)."""
        return self._open_dialog(None)

    def edit_operation(self) -> OperationDialog | None:
        """Open the form on the current operation."""
        row = self.current_row()
        return self._open_dialog(row) if row is not None else None

    def _open_dialog(self, row: OperationRow | None) -> OperationDialog:
        from ui.screens.operation_dialog import OperationDialog

        if self.dialog is not None:
            self.dialog.deleteLater()  # the previous one, long closed
        self.dialog = OperationDialog(self.ctx, row, parent=self.window())
        self.dialog.open()
        return self.dialog

    def archive_current(self) -> None:
        """Archive the current operation; another active one (if any) becomes current."""
        from fieldapp.services.operations import set_archived

        row = self.current_row()
        if row is None:
            return
        self.ctx.tasks.write(
            lambda session, _p: set_archived(session, row.id, archived=True),
            changes=OPERATION_CHANGES, parent=self,
            on_success=lambda _op: self.status_message.emit(self.tr(
                "Archived {0}. Restore it from Operations ▸ Restore archived operation.")
                .format(operation_title(row))),
        )

    def restore(self, operation_id: str) -> None:
        """Bring an archived operation back and make it current."""
        from fieldapp.services.operations import set_archived, set_current_operation

        def work(session: object, _progress: object) -> None:
            set_archived(session, operation_id, archived=False)
            set_current_operation(session, operation_id)

        self.ctx.tasks.write(work, changes=OPERATION_CHANGES, parent=self)
