"""The asset form (create, edit) and the status-change dialog, with inline field errors.

Numbers (capacity, latitude, longitude) are typed as text and read the way spreadsheets
write them; a value that is not a number is marked at once under its field. The point of
contact is picked by typing part of a name: matching contacts are looked up in the
background (the directory may hold 100,000). Saving runs through the task runner; a
ValidationErrors from the core marks every named field and keeps the dialog open.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.importexport.common import parse_number
from fieldapp.labels import asset_status_label, capability_label
from fieldapp.models.enums import AssetCategory, AssetStatus
from fieldapp.services.assets import (
    AssetInput,
    asset_input,
    change_asset_status,
    create_asset,
    get_asset,
    update_asset,
)
from fieldapp.services.contacts import contact_page, get_contact
from fieldapp.services.lookup import country_names
from fieldapp.services.operations import country_name
from ui.context import AppContext, Change
from ui.tasks import Session
from ui.widgets.error_dialog import show_error
from ui.widgets.field_errors import FieldErrors
from ui.widgets.form_dialog import FormDialog
from ui.widgets.form_layout import form_layout
from ui.widgets.optional_date import OptionalDateEdit


class ContactPicker(QLineEdit):
    """Type part of a name; pick a contact from those found. `contact_id` is the choice."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.contact_id: str | None = None
        self._by_label: dict[str, str] = {}
        self.setPlaceholderText(self.tr("Type part of a name to find the contact"))
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        completer.activated.connect(self._chosen)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._typed)

    def set_contact(self, contact_id: str | None, label: str) -> None:
        """Show a contact already chosen."""
        self.contact_id = contact_id
        self.setText(label)

    def _typed(self, text: str) -> None:
        self.contact_id = self._by_label.get(text)
        self._timer.start()

    def _search(self) -> None:
        text, op = self.text().strip(), self.ctx.current_operation_id or None
        if len(text) < 2:
            return
        self.ctx.tasks.query(
            lambda session, _p: contact_page(session, operation_id=op, text=text, limit=20),
            on_success=self._found, parent=self)

    def _found(self, rows: list) -> None:
        labels = {(f"{r.name} ({r.organisation})" if r.organisation else r.name): r.id
                  for r in rows}
        self._by_label.update(labels)
        self._model.setStringList(list(labels))
        if self.hasFocus() and labels:
            self.completer().complete()

    def _chosen(self, label: str) -> None:
        self.contact_id = self._by_label.get(label)


class _FieldsScroll(QScrollArea):
    """A scroll area that asks for all its fields' height (capped by the dialog's maximum),
    not Qt's default of a few lines."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        inner = self.widget().sizeHint() if self.widget() else QSize()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(),
                     inner.height())


@dataclass(frozen=True)
class _Loaded:
    data: AssetInput
    poc_label: str


class AssetDialog(FormDialog):
    """Create (asset_id None) or edit an entry; accepted once saved."""

    def __init__(self, ctx: AppContext, asset_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assetDialog")
        self.ctx = ctx
        self.asset_id = asset_id
        self.setWindowTitle(self.tr("Edit asset") if asset_id else self.tr("New asset"))
        self.setMinimumWidth(560)
        self.category = QComboBox()
        for category in AssetCategory:
            self.category.addItem(capability_label(category), category.value)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(54)
        self.provider_state = QComboBox()
        self.provider_state.setEditable(True)
        self.provider_state.addItems(country_names())
        self.provider_state.setCurrentIndex(-1)
        completer = self.provider_state.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.provider_unit = QLineEdit()
        self.capacity_value = QLineEdit()
        self.capacity_value.setPlaceholderText(self.tr("e.g. 4.5"))
        self.capacity_unit = QLineEdit()
        self.capacity_unit.setPlaceholderText(self.tr("e.g. t, beds, m³/day"))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 100_000)
        self.quantity.setValue(1)
        self.status = QComboBox()
        for status in AssetStatus:
            self.status.addItem(asset_status_label(status), status.value)
        self.status_comment = QLineEdit()
        self.status_comment.setPlaceholderText(self.tr("Why the status changes (kept in the "
                                                       "history)"))
        self.latitude = QLineEdit()
        self.latitude.setPlaceholderText(self.tr("e.g. -19.83"))
        self.longitude = QLineEdit()
        self.longitude.setPlaceholderText(self.tr("e.g. 34.84"))
        self.place_name = QLineEdit()
        self.available_from = OptionalDateEdit(self.tr("From"))
        self.available_to = OptionalDateEdit(self.tr("Until"))
        self.poc = ContactPicker(ctx)
        self.cost_basis = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(54)
        self.is_global = QCheckBox(self.tr("Global entry (not only this operation)"))
        self.is_global.setChecked(not ctx.current_operation_id)
        for name in ("category", "description", "provider_state", "provider_unit",
                     "capacity_value", "capacity_unit", "quantity", "status", "latitude",
                     "longitude", "place_name", "available_from", "available_to", "poc",
                     "cost_basis", "notes", "is_global", "status_comment"):
            getattr(self, name).setObjectName(name)
        for name in ("capacity_value", "latitude", "longitude"):
            getattr(self, name).textChanged.connect(lambda _t, n=name: self._check_number(n))

        form = form_layout()
        wrap = self.errors.wrap
        form.addRow(self.tr("Category:"), wrap("category", self.category))
        form.addRow(self.tr("Description:"), wrap("description", self.description))
        form.addRow(self.tr("Providing state:"), wrap("provider_state", self.provider_state))
        form.addRow(self.tr("Unit:"), wrap("provider_unit", self.provider_unit))
        form.addRow(self.tr("Capacity:"), wrap("capacity_value", self.capacity_value))
        form.addRow(self.tr("Capacity unit:"), wrap("capacity_unit", self.capacity_unit))
        form.addRow(self.tr("Quantity:"), wrap("quantity", self.quantity))
        form.addRow(self.tr("Status:"), wrap("status", self.status))
        form.addRow(self.tr("Status comment:"), self.status_comment)
        form.addRow(self.tr("Place:"), wrap("place_name", self.place_name))
        form.addRow(self.tr("Latitude:"), wrap("latitude", self.latitude))
        form.addRow(self.tr("Longitude:"), wrap("longitude", self.longitude))
        form.addRow(self.tr("Available:"), wrap("available_from", self.available_from))
        form.addRow("", wrap("available_to", self.available_to))
        form.addRow(self.tr("Point of contact:"), wrap("poc_contact_id", self.poc))
        form.addRow(self.tr("Cost basis:"), wrap("cost_basis", self.cost_basis))
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow("", wrap("is_global", self.is_global))
        self._lay_out_scrolling(form)
        if asset_id:
            self.buttons.setEnabled(False)
            self._load(asset_id)

    def _lay_out_scrolling(self, form: QFormLayout) -> None:
        """The eighteen fields scroll between fixed error line and buttons, and the dialog
        is never taller than the screen (at 1366×768 and 125 % it is 614 pixels high)."""
        fields = QWidget()
        fields.setLayout(form)
        scroll = _FieldsScroll()
        scroll.setObjectName("assetFields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        screen = self.parentWidget().screen() if self.parentWidget() else self.screen()
        # room left for the window manager's title bar and frame
        self.setMaximumHeight(screen.availableGeometry().height() - 48)
        # Opened at its full size: marking errors later (grow_to_fit) then moves no edge.
        self.resize(self.sizeHint().boundedTo(self.maximumSize()))

    def _load(self, asset_id: str) -> None:
        def work(session: Session, _p: object) -> _Loaded:
            data = asset_input(get_asset(session, asset_id))
            label = ""
            if data.poc_contact_id:
                contact = get_contact(session, data.poc_contact_id)
                label = contact.display_name
            return _Loaded(data, label)

        self.ctx.tasks.query(work, on_success=self._fill, parent=self)

    def _fill(self, loaded: _Loaded) -> None:
        data = loaded.data
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))
        self.description.setPlainText(data.description)
        self.provider_state.setEditText(country_name(data.provider_state))
        self.provider_unit.setText(data.provider_unit)
        self.capacity_value.setText("" if data.capacity_value is None
                                    else f"{data.capacity_value:g}")
        self.capacity_unit.setText(data.capacity_unit)
        self.quantity.setValue(data.quantity)
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.latitude.setText("" if data.latitude is None else f"{data.latitude:g}")
        self.longitude.setText("" if data.longitude is None else f"{data.longitude:g}")
        self.place_name.setText(data.place_name)
        self.available_from.set_value(data.available_from)
        self.available_to.set_value(data.available_to)
        self.poc.set_contact(data.poc_contact_id, loaded.poc_label)
        self.cost_basis.setText(data.cost_basis)
        self.notes.setPlainText(data.notes)
        self.is_global.setChecked(data.is_global)
        self.buttons.setEnabled(True)

    def _number(self, name: str) -> float | None:
        text = getattr(self, name).text()
        try:
            return parse_number(text)
        except ValueError as exc:
            raise ValidationError(name, self.tr("Type a number, e.g. 4.5.")) from exc

    def _check_number(self, name: str) -> None:
        try:
            self._number(name)
        except ValidationError as exc:
            self.errors.show(ValidationErrors([exc]))
            return
        self.errors.clear(name)

    def form_input(self) -> AssetInput:
        """What the form holds, as the core takes it; ValidationErrors for unreadable numbers."""
        errors, numbers = [], {}
        for name in ("capacity_value", "latitude", "longitude"):
            try:
                numbers[name] = self._number(name)
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise ValidationErrors(errors)
        return AssetInput(
            category=self.category.currentData(), description=self.description.toPlainText(),
            provider_state=self.provider_state.currentText(),
            provider_unit=self.provider_unit.text(), capacity_unit=self.capacity_unit.text(),
            quantity=self.quantity.value(), status=self.status.currentData(),
            place_name=self.place_name.text(), available_from=self.available_from.value(),
            available_to=self.available_to.value(), poc_contact_id=self.poc.contact_id,
            cost_basis=self.cost_basis.text(), notes=self.notes.toPlainText(),
            is_global=self.is_global.isChecked(), **numbers)

    def save(self) -> None:
        """Validate and store in the background; close on success, mark fields if not."""
        self.clear_errors()
        try:
            data = self.form_input()
        except ValidationErrors as exc:
            self._failed(exc)
            return
        if self.poc.text().strip() and data.poc_contact_id is None:
            self._failed(ValidationErrors([ValidationError(
                "poc_contact_id", self.tr("Pick the contact from the list that appears as "
                                          "you type, or clear the field."))]))
            return
        op, editing, comment = (self.ctx.current_operation_id or None, self.asset_id,
                                self.status_comment.text())
        self.buttons.setEnabled(False)

        def work(session: Session, _p: object) -> str:
            if editing:
                return update_asset(session, editing, data, operation_id=op,
                                    comment=comment).id
            if comment:
                return create_asset(session, data, operation_id=op, comment=comment).id
            return create_asset(session, data, operation_id=op).id  # the core's own comment

        self.ctx.tasks.write(work, changes={Change.ASSET}, on_success=self._saved,
                             on_failure=self._failed, parent=self)


class StatusDialog(QDialog):
    """Move an entry to another status with a comment (recorded in its history)."""

    def __init__(self, ctx: AppContext, asset_id: str, current: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.setWindowTitle(self.tr("Change status"))
        self.ctx, self.asset_id = ctx, asset_id
        self.errors = FieldErrors()
        self.status = QComboBox()
        self.status.setObjectName("status")
        for status in AssetStatus:
            if status != current:
                self.status.addItem(asset_status_label(status), status.value)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("e.g. Tasked for RFA CYA-004; arrives Port Selvane "
                                                "Tuesday"))
        self.comment.setFixedHeight(70)
        form = form_layout()
        form.addRow(self.tr("New status:"), self.errors.wrap("status", self.status))
        form.addRow(self.tr("Comment:"), self.comment)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Now: {status}").format(
            status=asset_status_label(current))))
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        """Record the change in the background."""
        asset_id, status = self.asset_id, self.status.currentData()
        comment = self.comment.toPlainText()
        self.buttons.setEnabled(False)
        self.ctx.tasks.write(
            lambda session, _p: change_asset_status(session, asset_id, status,
                                                    comment=comment).id,
            changes={Change.ASSET}, on_success=lambda _r: self.accept(),
            on_failure=self._failed, parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            exc = ValidationErrors([exc])
        if isinstance(exc, ValidationErrors):
            self.errors.show(exc)
        else:
            show_error(self, exc)
