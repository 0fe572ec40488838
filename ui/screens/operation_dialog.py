"""The operation form: create a new operation or edit one, with inline field errors.

Saving runs `create_operation` / `update_operation` through the task runner; a
ValidationErrors marks each named field with the core's sentence beneath it and keeps
the dialog open. A new operation becomes the current one (the core does that).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QWidget,
)

from fieldapp.labels import operation_kind_label
from fieldapp.models.enums import OperationKind
from fieldapp.services.lookup import OperationRow, country_names
from fieldapp.services.operations import (
    OperationInput,
    country_name,
    create_operation,
    update_operation,
)
from ui.context import AppContext, Change
from ui.widgets.form_dialog import FormDialog
from ui.widgets.form_layout import form_layout
from ui.widgets.optional_date import OptionalDateEdit


def _searchable_combo(items: list[str], object_name: str) -> QComboBox:
    """An editable combo whose completer matches anywhere in the text, any case."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(items)
    completer = QCompleter(items, combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    combo.setCurrentIndex(-1)
    combo.setEditText("")
    return combo


class OperationDialog(FormDialog):
    """Create (operation=None) or edit an operation; accepted once saved."""

    def __init__(self, ctx: AppContext, operation: OperationRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operationDialog")
        self.ctx = ctx
        self.operation = operation
        self.setWindowTitle(self.tr("Edit operation") if operation else self.tr("New operation"))
        self.setMinimumWidth(520)

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. Cyclone Mara response"))
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setMaxLength(8)
        self.code.setPlaceholderText(self.tr("2 to 8 letters or digits, e.g. MARA"))
        self.country = _searchable_combo(country_names(), "country")
        self.country.lineEdit().setPlaceholderText(self.tr("Type to search the country list"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in OperationKind:
            self.kind.addItem(operation_kind_label(kind), kind.value)
        self.hc_rc = QLineEdit()
        self.hc_rc.setObjectName("hc_rc")
        self.hc_rc.setPlaceholderText(self.tr("Name of the Humanitarian / Resident Coordinator"))
        self.start_date = OptionalDateEdit(self.tr("Set"))
        self.start_date.setObjectName("start_date")
        self.end_date = OptionalDateEdit(self.tr("Set"))
        self.end_date.setObjectName("end_date")
        self.timezone = _searchable_combo(["UTC"], "timezone")
        self.timezone.setEditText("UTC")

        form = form_layout()
        wrap = self.errors.wrap
        form.addRow(self.tr("Name:"), wrap("name", self.name))
        form.addRow(self.tr("Short code:"), wrap("code", self.code))
        form.addRow(self.tr("Country:"), wrap("country", self.country))
        form.addRow(self.tr("Kind:"), wrap("kind", self.kind))
        form.addRow(self.tr("HC/RC:"), wrap("hc_rc", self.hc_rc))
        form.addRow(self.tr("Start date:"), wrap("start_date", self.start_date))
        form.addRow(self.tr("End date:"), wrap("end_date", self.end_date))
        form.addRow(self.tr("Time zone:"), wrap("timezone", self.timezone))

        self.lay_out(form)

        if operation is not None:
            self._fill(operation)
        else:
            self.start_date.set_value(date.today())
        self._load_time_zones()

    def _fill(self, op: OperationRow) -> None:
        self.name.setText(op.name)
        self.code.setText(op.code)
        self.country.setEditText(country_name(op.country))
        self.kind.setCurrentIndex(max(0, self.kind.findData(op.kind)))
        self.hc_rc.setText(op.hc_rc)
        self.start_date.set_value(op.start_date)
        self.end_date.set_value(op.end_date)
        self.timezone.setEditText(op.timezone or "UTC")

    def _load_time_zones(self) -> None:
        """The zone list takes ~0.1 s to read from tzdata: fill the completer when ready."""
        def zones(_session: object, _progress: object) -> list[str]:
            from zoneinfo import available_timezones

            return sorted(available_timezones())

        self.ctx.tasks.query(zones, on_success=self._set_time_zones, parent=self)

    def _set_time_zones(self, zones: list[str]) -> None:
        if not zones:
            return  # no tzdata on this system: the field still takes typed text
        current = self.timezone.currentText()
        self.timezone.clear()
        self.timezone.addItems(zones)
        completer = self.timezone.completer()
        completer.setModel(self.timezone.model())
        self.timezone.setEditText(current)

    def form_input(self) -> OperationInput:
        """What the form holds, as the core takes it."""
        return OperationInput(
            name=self.name.text(),
            code=self.code.text(),
            country=self.country.currentText(),
            kind=self.kind.currentData(),
            hc_rc=self.hc_rc.text(),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            timezone=self.timezone.currentText().strip() or "UTC",
        )

    def save(self) -> None:
        """Validate and store in the background; close on success, mark fields if not."""
        data = self.form_input()
        editing = self.operation.id if self.operation else None
        self.clear_errors()
        self.buttons.setEnabled(False)

        def work(session: object, _progress: object) -> str:
            if editing:
                return update_operation(session, editing, data).id
            return create_operation(session, data).id  # and makes it current

        changes = {Change.OPERATION} if editing else {Change.OPERATION, Change.CURRENT_OPERATION}
        self.ctx.tasks.write(work, changes=changes, on_success=self._saved,
                             on_failure=self._failed, parent=self)
