"""The RFA form: every field of the request, saved as typed, with its status actions and history.

Loading reads one request and what its pickers need (`load_form`, on a worker thread).
Typing schedules a debounced save (`Autosaver`, 800 ms); hiding the form (switching
section, closing the window, quitting) writes what is pending at once. Fields are
editable in draft and "returned"; a submitted or validated request is read-only until
the officer chooses "Edit" (which, on the first change, sends it back to draft: it must
be validated again). Status buttons show only the allowed next steps; a refused step says
why beside the buttons, and a refused submission marks each field with its sentence.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import i18n
from fieldapp.errors import FieldAppError, ValidationError, ValidationErrors
from fieldapp.labels import (
    CLUSTERS,
    capability_label,
    cluster_label,
    cluster_value,
    priority_label,
    rfa_status_label,
)
from fieldapp.models.enums import AssetCategory, RfaPriority, RfaStatus
from fieldapp.services.rfa import (
    EDITABLE,
    LINE_LIMITS,
    REOPEN_ON_EDIT,
    RfaInput,
    date_warnings,
    default_from,
    default_until,
    delete_rfa,
    save_form,
    submission_errors,
    transition,
)
from ui.context import AppContext, Change
from ui.i18n import language_choices
from ui.models.rfa_form_state import (
    FormState,
    HistoryRow,
    find_assets,
    load_form,
    new_form,
    officer_name,
)
from ui.screens.rfa_dialogs import TransitionDialog, button_text
from ui.tasks import Session
from ui.widgets.autosave import Autosaver
from ui.widgets.field_errors import READ_ONLY_STYLE, LiveFieldErrors, set_read_only
from ui.widgets.flow_layout import flow_row
from ui.widgets.form_layout import form_layout
from ui.widgets.rfa_inputs import (
    ContactPicker,
    CoordinatesEdit,
    NumberEdit,
    OptionalDateTime,
    operation_zone,
)
from ui.widgets.text_limit import TextLimit, beside

ALERT_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"


def required(label: str) -> str:
    """A form label marked as needed before submission (see the form's legend)."""
    return f"{label} *"


def _text_box(object_name: str, placeholder: str, height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(object_name)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    return box


class RfaForm(QWidget):
    """The form of one request; `load(rfa_id)` shows it."""

    saved = Signal(str)  # a request was written (save or status change): its id
    deleted = Signal(str)
    pdf_requested = Signal(str)  # "preview", "save" or "print"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rfaForm")
        self.ctx = ctx
        self.state: FormState | None = None
        self.errors = LiveFieldErrors()
        self._checking = False  # after a submission attempt, fields are re-checked as typed
        self._unlocked = False
        self._request = 0
        self._loading = ""  # the request being read for the form
        self.autosaver = Autosaver(ctx, self._save, changes={Change.RFA}, parent=self)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(self._autosave_failed)
        self._build()

    # Layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.reference = QLabel()
        self.reference.setObjectName("rfaReference")
        self.reference.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("rfaStatus")
        self.status.setStyleSheet("padding: 2px 8px; border-radius: 8px; background: #e3ecf5;"
                                  " font-weight: 600;")
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setStyleSheet("color: #5f6368;")
        self.preview_button = QPushButton(self.tr("Preview PDF"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        # The printout's language: the interface's unless the reader needs another (a
        # French-speaking HC, an English-speaking military liaison officer).
        self.print_language = QComboBox()
        self.print_language.setObjectName("printLanguage")
        self.print_language.setToolTip(self.tr("Language of the PDF and the printout"))
        for code, name in language_choices():
            self.print_language.addItem(name, code)
        self.print_language.setCurrentIndex(
            max(0, self.print_language.findData(i18n.language())))
        for button, action in ((self.preview_button, "preview"), (self.pdf_button, "save"),
                               (self.print_button, "print")):
            button.clicked.connect(lambda _c=False, a=action: self._ask_pdf(a))
        # Rows that wrap when narrow: however many next steps a status offers, the form
        # never asks for more width (which would squeeze the list beside it).
        top, _top_layout = flow_row(self.reference, self.status, self.save_state,
                                    self.preview_button, self.pdf_button, self.print_button,
                                    self.print_language)

        self.actions_label = QLabel(self.tr("Next step:"))
        self.edit_button = QPushButton(self.tr("Edit (back to draft)"))
        self.edit_button.setObjectName("unlockButton")
        self.edit_button.setToolTip(self.tr("Changing a submitted or validated request sends "
                                            "it back to draft: it must be validated again."))
        self.edit_button.clicked.connect(self._unlock)
        self.delete_button = QPushButton(self.tr("Delete draft"))
        self.delete_button.setObjectName("deleteDraft")
        self.delete_button.clicked.connect(self._delete)
        self.action_buttons: dict[str, QPushButton] = {}
        actions, self.actions_row = flow_row(self.actions_label, self.edit_button,
                                             self.delete_button)
        self.message = QLabel()
        self.message.setObjectName("rfaMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ALERT_STYLE)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Its two lines are kept while hidden: a message never moves the fields below.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.message.setFixedHeight(2 * self.message.fontMetrics().lineSpacing() + 2)
        self.message.hide()
        self.legend = QLabel(self.tr("Fields marked * must be filled in before the request "
                                     "can be submitted for validation; a draft may leave "
                                     "any field empty."))
        self.legend.setObjectName("requiredLegend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #5f6368;")

        self.fields_widget = QWidget()
        self.fields_widget.setStyleSheet(READ_ONLY_STYLE)
        fields = QVBoxLayout(self.fields_widget)
        fields.addWidget(self.legend)
        fields.addWidget(self._request_group())
        fields.addWidget(self._last_resort_group())
        fields.addWidget(self._task_group())
        fields.addWidget(self._assets_group())
        fields.addWidget(self._history_group())
        fields.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("rfaFields")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.fields_widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(top)
        layout.addWidget(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        self._connect_edits()

    def _form(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = form_layout(group)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        return group, form

    def _request_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Request"))
        wrap = self.errors.wrap
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. Airlift of water purification units"))
        # no maxLength: it cuts a paste silently; the note counts down and the core refuses
        self.title_limit = TextLimit(self.title, LINE_LIMITS["title"])
        self.organisation = QComboBox()
        self.organisation.setObjectName("requesting_org_id")
        self.cluster = QComboBox()
        self.cluster.setObjectName("cluster")
        self.cluster.setEditable(True)
        self.cluster.addItems(["", *(cluster_label(c) for c in CLUSTERS)])
        self.cluster.setSizeAdjustPolicy(  # the longest cluster name must not widen the form
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cluster.setMinimumContentsLength(12)
        self.contact = ContactPicker(self.ctx)
        self.contact.setObjectName("contact_id")
        self.capability = QComboBox()
        self.capability.setObjectName("capability")
        for category in AssetCategory:
            self.capability.addItem(capability_label(category), category.value)
        self.priority = QComboBox()
        self.priority.setObjectName("priority")
        for priority in RfaPriority:
            self.priority.addItem(priority_label(priority), priority.value)
        form.addRow(required(self.tr("Title:")),
                    beside(wrap("title", self.title), self.title_limit))
        form.addRow(required(self.tr("Requesting organisation:")),
                    wrap("requesting_org_id", self.organisation))
        form.addRow(self.tr("Cluster / sector:"), wrap("cluster", self.cluster))
        form.addRow(required(self.tr("Contact person:")), wrap("contact_id", self.contact))
        form.addRow(required(self.tr("Capability requested:")), wrap("capability", self.capability))
        form.addRow(required(self.tr("Priority:")), wrap("priority", self.priority))
        return group

    def _last_resort_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Last resort"))
        group.setStyleSheet("QGroupBox { border: 2px solid #1f5a96; border-radius: 4px; "
                            "margin-top: 14px; padding-top: 6px; font-weight: 600; }"
                            "QGroupBox::title { subcontrol-origin: margin; left: 8px; }")
        wrap = self.errors.wrap
        self.civilian_means = _text_box("civilian_means_tried", self.tr(
            "Which civilian means were tried or considered (UNHAS, commercial carriers, "
            "the Logistics Cluster…), even if none exist."))
        self.justification = _text_box("last_resort_justification", self.tr(
            "Why no civilian means can meet the need in time: military and civil defence "
            "assets are a last resort."), 100)
        self.unique = QCheckBox(self.tr("Unique: nothing civilian can do this task"))
        self.unique.setObjectName("capability_unique")
        form.addRow(required(self.tr("Civilian means tried:")),
                    wrap("civilian_means_tried", self.civilian_means))
        form.addRow(required(self.tr("Justification:")),
                    wrap("last_resort_justification", self.justification, lines=2))
        form.addRow("", self.unique)
        return group

    def _task_group(self) -> QGroupBox:
        group, form = self._form(self.tr("Task"))
        wrap = self.errors.wrap
        self.task = _text_box("task_description", self.tr(
            "What must be done, for whom, with what (e.g. fly 4 t of water kits …)."), 90)
        self.from_place = QLineEdit()
        self.from_place.setObjectName("from_place")
        self.to_place = QLineEdit()
        self.to_place.setObjectName("to_place")
        for place in (self.from_place, self.to_place):
            place.setPlaceholderText(self.tr("from and/or to: one of the two is enough"))
        self.from_coords = CoordinatesEdit()
        self.from_coords.setObjectName("from_coords")
        self.to_coords = CoordinatesEdit()
        self.to_coords.setObjectName("to_coords")
        self.required_from = OptionalDateTime(self.tr("Set"))
        self.required_from.setObjectName("required_from")
        self.required_until = OptionalDateTime(self.tr("Set"))
        self.required_until.setObjectName("required_until")
        # Ticking "Set" offers a moment to adjust, never the current minute (overdue at once).
        self.required_from.default = default_from
        self.required_until.default = lambda: default_until(self.required_from.value())
        for moment in (self.required_from, self.required_until):
            # the zone's name is read, not typed: Tab passes it by (a click still selects it)
            moment.zone_label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.from_warning = QLabel()
        self.from_warning.setObjectName("requiredFromWarning")
        self.from_warning.setStyleSheet(WARNING_STYLE)
        self.from_warning.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # appearing, it moves no field
        self.from_warning.setSizePolicy(policy)
        self.from_warning.setFixedHeight(2 * self.from_warning.fontMetrics().lineSpacing() + 2)
        self.from_warning.hide()
        self.passengers = NumberEdit(integer=True, placeholder=self.tr("people"))
        self.passengers.setObjectName("passengers")
        self.cargo_tonnes = NumberEdit(placeholder=self.tr("tonnes"))
        self.cargo_tonnes.setObjectName("cargo_tonnes")
        self.cargo_m3 = NumberEdit(placeholder=self.tr("m³"))
        self.cargo_m3.setObjectName("cargo_m3")
        self.other_quantity = NumberEdit(placeholder=self.tr("quantity"))
        self.other_quantity.setObjectName("other_quantity")
        self.other_unit = QLineEdit()
        self.other_unit.setObjectName("other_unit")
        self.other_unit.setPlaceholderText(self.tr("unit, e.g. water bladders"))
        self.security = _text_box("security_considerations", self.tr(
            "Threats, escorts, access, acceptance of uniformed personnel…"), 70)
        self.remarks = _text_box("remarks", self.tr("Anything else the validator or the "
                                                    "military should know."), 60)
        other = QWidget()
        other_row = QHBoxLayout(other)
        other_row.setContentsMargins(0, 0, 0, 0)
        other_row.addWidget(self.other_quantity, 1)
        other_row.addWidget(self.other_unit, 2)
        form.addRow(required(self.tr("Task description:")), wrap("task_description", self.task))
        form.addRow(required(self.tr("From (place):")), wrap("from_place", self.from_place))
        form.addRow(self.tr("From (coordinates):"), wrap("from_coords", self.from_coords))
        form.addRow(required(self.tr("To (place):")), wrap("to_place", self.to_place))
        form.addRow(self.tr("To (coordinates):"), wrap("to_coords", self.to_coords))
        form.addRow(required(self.tr("Required from:")),
                    wrap("required_from", self.required_from))
        form.addRow("", self.from_warning)
        form.addRow(required(self.tr("Required until:")),
                    wrap("required_until", self.required_until))
        form.addRow(self.tr("Passengers:"), wrap("passengers", self.passengers))
        form.addRow(self.tr("Cargo (tonnes):"), wrap("cargo_tonnes", self.cargo_tonnes))
        form.addRow(self.tr("Cargo (m³):"), wrap("cargo_m3", self.cargo_m3))
        form.addRow(self.tr("Other quantity:"), wrap("other_quantity", other))
        form.addRow(self.tr("Security considerations:"),
                    wrap("security_considerations", self.security))
        form.addRow(self.tr("Remarks:"), wrap("remarks", self.remarks))
        return group

    def _assets_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Proposed assets (tick the ones to propose)"))
        layout = QVBoxLayout(group)
        self.assets = QListWidget()
        self.assets.setObjectName("proposedAssets")
        self.assets.setMinimumHeight(90)
        self.find_assets_button = QPushButton(self.tr("Find matching assets"))
        self.find_assets_button.setToolTip(self.tr(
            "Assets of the requested capability available in the window: those whose "
            "capacity covers the quantities requested first, nearest first; each says why "
            "it fits or not."))
        self.find_assets_button.clicked.connect(self.find_matching_assets)
        self.tasked = QLabel()
        self.tasked.setObjectName("taskedAsset")
        self.tasked.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.find_assets_button)
        row.addStretch(1)
        layout.addWidget(self.assets)
        layout.addLayout(row)
        layout.addWidget(self.tasked)
        return group

    def _history_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Status history"))
        layout = QVBoxLayout(group)
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("rfaHistory")
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Change"), self.tr("By"), self.tr("Comment")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.history.setMinimumHeight(140)
        self.history.setWordWrap(True)
        layout.addWidget(self.history)
        return group

    def _connect_edits(self) -> None:
        for line in self._line_fields().values():
            line.textEdited.connect(self._edited)
        for box in self._text_fields().values():
            box.textChanged.connect(self._text_changed)
        for combo in (self.organisation, self.capability, self.priority):
            combo.activated.connect(self._edited)
        self.cluster.currentTextChanged.connect(self._edited)
        self.unique.clicked.connect(self._edited)
        self.assets.itemChanged.connect(self._edited)
        for widget in (self.contact, self.from_coords, self.to_coords,
                       *self._value_fields().values()):
            widget.edited.connect(self._edited)

    # Showing a request -----------------------------------------------------------------------

    def load(self, rfa_id: str, *, focus_title: bool = False) -> None:
        """Show a request (read in the background), at the top of the form (with the cursor
        in Title when `focus_title`); unsaved typing is written first."""
        if rfa_id == self._loading:
            return  # already on its way (the list selects the request the form opens)
        self.flush()
        self._loading = rfa_id
        self._request += 1
        request = self._request
        self.ctx.tasks.query(lambda session, _p: load_form(session, rfa_id),
                             on_success=lambda state: self._show(request, state,
                                                                 focus_title=focus_title),
                             on_failure=lambda exc: self._load_failed(request, exc), parent=self)

    def new(self, operation_id: str) -> None:
        """Show a blank request, cursor in Title; nothing is stored (and no reference taken)
        until the officer types or chooses something."""
        self.flush()
        self._loading = ""
        self._request += 1
        request = self._request
        self.ctx.tasks.query(lambda session, _p: new_form(session, operation_id),
                             on_success=lambda state: self._show(request, state,
                                                                 focus_title=True),
                             on_failure=lambda exc: self._load_failed(request, exc),
                             parent=self)

    def _load_failed(self, request: int, exc: BaseException) -> None:
        if request == self._request:
            self._loading = ""
            self.state = None
            self._say(str(exc))
            self.setEnabled(False)

    def _show(self, request: int, state: FormState, *, keep_fields: bool = False,
              focus_title: bool = False) -> None:
        if request != self._request:
            return
        self._loading = ""
        same = self.state is not None and self.state.rfa_id == state.rfa_id
        self.state = state
        self.setEnabled(True)
        if not same:
            self._checking = False
            self._unlocked = False
            self.errors.mark([])
            self.message.hide()
            self.scroll.verticalScrollBar().setValue(0)  # another request: from its top
        self.reference.setText(state.reference or self.tr("New request"))
        self.status.setText(rfa_status_label(state.status))
        if not state.stored:
            self.save_state.setText(self.tr("Not saved yet"))
            self.save_state.setToolTip(self.tr("The request is stored, and given its "
                                               "reference, when you first type something."))
        else:
            self.save_state.setToolTip("")
        for button in (self.preview_button, self.pdf_button, self.print_button):
            button.setEnabled(state.stored)
        if not keep_fields:
            self._fill(state)
        self._show_actions(state)
        self._show_history(state.history, state.timezone)
        self.tasked.setText(self.tr("Tasked asset: {0}").format(state.tasked_asset)
                            if state.tasked_asset else "")
        self._set_editable()
        self._warn()
        if self._checking:
            self._recheck()
        if focus_title:
            self.title.setFocus()

    def _fill(self, state: FormState) -> None:
        data = state.data
        widgets = self.fields_widget.findChildren(QWidget)
        for widget in widgets:
            widget.blockSignals(True)
        self.organisation.clear()
        self.organisation.addItem(self.tr("— choose —"), None)
        for org_id, label in state.organisations:
            self.organisation.addItem(label, org_id)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(
            data.requesting_org_id)) if data.requesting_org_id else 0)
        self.cluster.setEditText(cluster_label(data.cluster))
        self.contact.operation_id = state.operation_id
        self.contact.set_contact(data.contact_id, state.contact_label)
        self.capability.setCurrentIndex(max(0, self.capability.findData(data.capability)))
        self.priority.setCurrentIndex(max(0, self.priority.findData(data.priority)))
        self.unique.setChecked(data.capability_unique)
        self.from_coords.set_value(data.from_lat, data.from_lon)
        self.to_coords.set_value(data.to_lat, data.to_lon)
        for edit in (self.required_from, self.required_until):
            edit.set_zone(state.timezone)
        for name, line in self._line_fields().items():
            line.setText(getattr(data, name))
            line.setCursorPosition(0)  # a long title shows its beginning
        self.cluster.lineEdit().setCursorPosition(0)
        for name, box in self._text_fields().items():
            box.setPlainText(getattr(data, name))
        for name, field in self._value_fields().items():
            field.set_value(getattr(data, name))
        self._set_assets(state.assets, [])
        for widget in widgets:
            widget.blockSignals(False)

    def _set_assets(self, proposed: dict[str, str], found: list[tuple[str, str]]) -> None:
        self.assets.blockSignals(True)
        self.assets.clear()
        seen = set()
        for asset_id, label in [*proposed.items(), *found]:
            if asset_id in seen:
                continue
            seen.add(asset_id)
            item = QListWidgetItem(label)
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.UserRole, asset_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if asset_id in proposed
                               else Qt.CheckState.Unchecked)
            self.assets.addItem(item)
        if not seen:
            self.assets.addItem(self.tr("No asset proposed yet: use “Find matching assets”."))
        self.assets.blockSignals(False)

    def _show_actions(self, state: FormState) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.action_buttons = {}
        for status in state.allowed:
            button = QPushButton(button_text(status))
            button.setObjectName(f"to_{status}")
            if status in (RfaStatus.SUBMITTED, RfaStatus.VALIDATED, RfaStatus.COMPLETED):
                button.setDefault(True)
            button.clicked.connect(lambda _c=False, s=status: self.request_transition(s))
            self.actions_row.insert_widget(1 + len(self.action_buttons), button)
            self.action_buttons[status] = button
        self.actions_label.setText(self.tr("Next step:") if state.allowed
                                   else self.tr("Closed: no further steps."))
        self.edit_button.setVisible(state.status in REOPEN_ON_EDIT and not self._unlocked)
        self.delete_button.setVisible(state.status in EDITABLE)
        self.delete_button.setText(self.tr("Delete draft") if state.stored
                                   else self.tr("Discard"))

    def _show_history(self, rows: list[HistoryRow], timezone: str) -> None:
        zone = operation_zone(timezone)  # the zone of the date fields, named in the header
        self.history.setHorizontalHeaderItem(0, QTableWidgetItem(
            self.tr("When ({0})").format(zone)))
        self.history.setRowCount(len(rows))
        for number, row in enumerate(reversed(rows)):  # newest first
            change = (f"{rfa_status_label(row.from_status)} → {rfa_status_label(row.to_status)}"
                      if row.from_status else rfa_status_label(row.to_status))
            values = (row.at.astimezone(zone).strftime("%Y-%m-%d %H:%M"), change, row.by,
                      row.comment)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.history.setItem(number, column, item)
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def editable(self) -> bool:
        """True when the officer may change the fields now."""
        return self.state is not None and (
            self.state.status in EDITABLE
            or (self.state.status in REOPEN_ON_EDIT and self._unlocked))

    def _set_editable(self) -> None:
        editable = self.editable()
        for widget in self.fields_widget.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit) and not isinstance(
                    widget.parent(), QComboBox | QAbstractSpinBox | OptionalDateTime):
                # (the line edits inside a picker, a date box or beside it are its own)
                set_read_only(widget, not editable)
            elif isinstance(widget, QComboBox | QCheckBox | OptionalDateTime):
                widget.setEnabled(editable)
        self.find_assets_button.setEnabled(editable)
        self.assets.setEnabled(editable)

    def _unlock(self) -> None:
        self._unlocked = True
        self.edit_button.hide()
        self._set_editable()
        self._say(self.tr("Your first change sends this request back to draft; submit it "
                          "again for validation."), alert=False)

    # Reading and saving the fields -----------------------------------------------------------

    def _line_fields(self) -> dict[str, QLineEdit]:
        """The one-line boxes by the RfaInput field they hold."""
        return {"title": self.title, "from_place": self.from_place, "to_place": self.to_place,
                "other_unit": self.other_unit}

    def _text_fields(self) -> dict[str, QPlainTextEdit]:
        """The text boxes by the RfaInput field they hold."""
        return {"task_description": self.task, "civilian_means_tried": self.civilian_means,
                "last_resort_justification": self.justification,
                "security_considerations": self.security, "remarks": self.remarks}

    def _value_fields(self) -> dict[str, OptionalDateTime | NumberEdit]:
        """The times and quantities (empty: None) by the RfaInput field they hold."""
        return {"required_from": self.required_from, "required_until": self.required_until,
                "passengers": self.passengers, "cargo_tonnes": self.cargo_tonnes,
                "cargo_m3": self.cargo_m3, "other_quantity": self.other_quantity}

    def form_input(self) -> RfaInput:
        """What the form holds, as the core takes it (unreadable numbers count as empty)."""
        from_lat, from_lon = self.from_coords.value()
        to_lat, to_lon = self.to_coords.value()
        proposed = [self.assets.item(n).data(Qt.ItemDataRole.UserRole)
                    for n in range(self.assets.count())
                    if self.assets.item(n).checkState() == Qt.CheckState.Checked]
        return RfaInput(
            requesting_org_id=self.organisation.currentData(),
            cluster=cluster_value(self.cluster.currentText()),
            contact_id=self.contact.contact_id(), capability=self.capability.currentData(),
            from_lat=from_lat, from_lon=from_lon, to_lat=to_lat, to_lon=to_lon,
            priority=self.priority.currentData(), capability_unique=self.unique.isChecked(),
            proposed_asset_ids=proposed,
            **{name: line.text() for name, line in self._line_fields().items()},
            **{name: box.toPlainText() for name, box in self._text_fields().items()},
            **{name: field.value() for name, field in self._value_fields().items()})

    def _local_problems(self) -> list[ValidationError]:
        inputs = {"from_coords": self.from_coords, "to_coords": self.to_coords,
                  "passengers": self.passengers, "cargo_tonnes": self.cargo_tonnes,
                  "cargo_m3": self.cargo_m3, "other_quantity": self.other_quantity}
        return [ValidationError(name, widget.problem()) for name, widget in inputs.items()
                if widget.problem()]

    def _text_changed(self) -> None:
        if self.sender() is not None and not self.sender().isReadOnly():  # type: ignore[attr-defined]
            self._edited()

    def _edited(self, *_args: object) -> None:
        if self.state is None or not self.editable():
            return
        self.save_state.setText(self.tr("Editing…"))
        self.autosaver.schedule((self.state.rfa_id, self.state.operation_id, self.form_input()))
        self._recheck()
        self._warn()

    def _warn(self) -> None:
        """Say (without refusing) when the request starts in the past."""
        warnings = date_warnings(self.form_input()) if self.editable() else []
        self.from_warning.setText(warnings[0].message if warnings else "")
        self.from_warning.setVisible(bool(warnings))

    def _recheck(self) -> None:
        problems = self._local_problems()
        if self._checking:
            known = {p.field for p in problems}
            problems += [e for e in submission_errors(self.form_input()) if e.field not in known]
        self.errors.mark(problems)

    @staticmethod
    def _save(session: Session, value: tuple[str, str, RfaInput]) -> tuple[str, str] | None:
        rfa_id, operation_id, data = value
        rfa = save_form(session, rfa_id=rfa_id, operation_id=operation_id, data=data,
                        by=officer_name(session))
        return None if rfa is None else (rfa.id, rfa.status)

    def _autosaved(self, result: tuple[str, str] | None) -> None:
        if result is None:  # a new form emptied again before its first save: nothing stored
            return
        rfa_id, status = result
        self.save_state.setText(self.tr("Draft saved"))
        self.saved.emit(rfa_id)
        if self.state is not None and self.state.rfa_id == rfa_id and (
                status != self.state.status or not self.state.stored):
            # sent back to draft, or stored for the first time: new status, reference, history
            self._reload(keep_fields=True)

    def _autosave_failed(self, exc: BaseException) -> None:
        self.save_state.setText(self.tr("Not saved"))
        self._say(str(exc))

    def flush(self) -> None:
        """Write pending typing now (synchronously; see ui/widgets/autosave.py)."""
        try:
            self.autosaver.flush_now()
        except FieldAppError as exc:
            self._say(str(exc))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.flush()
        super().hideEvent(event)

    def _reload(self, *, keep_fields: bool = False) -> None:
        if self.state is None:
            return
        self._request += 1
        self._loading = ""  # (a load on its way is superseded)
        request, rfa_id = self._request, self.state.rfa_id
        self.ctx.tasks.query(
            lambda session, _p: load_form(session, rfa_id),
            on_success=lambda state: self._show(request, state, keep_fields=keep_fields),
            parent=self)

    def _say(self, text: str, *, alert: bool = True) -> None:
        self.message.setStyleSheet(ALERT_STYLE if alert else "color: #1f5a96;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # Status actions --------------------------------------------------------------------------

    def request_transition(self, status: str) -> None:
        """Ask for a comment (and asset when tasking), then move the request."""
        if self.state is None:
            return
        if status == RfaStatus.SUBMITTED:
            self._checking = True
            self._recheck()
            if self.errors.first_invalid():  # the core would refuse: say what to fix now
                self._say(self.tr("The request cannot go for validation yet: fix the fields "
                                  "marked below."))
                self.errors.focus_first()
                return
        proposed = [(self.assets.item(n).data(Qt.ItemDataRole.UserRole),
                     self.assets.item(n).text()) for n in range(self.assets.count())
                    if self.assets.item(n).data(Qt.ItemDataRole.UserRole)]
        warning = ""
        if status == RfaStatus.SUBMITTED and date_warnings(self.form_input()):
            warning = self.tr("The request is needed from a time already past. Say why (for "
                              "example, recording support already given): it goes in the "
                              "history.")
        dialog = TransitionDialog(status, assets=proposed, warning=warning, parent=self,
                                  reference=self.state.reference or self.tr("new request"))
        dialog.accepted.connect(lambda: self.apply_transition(
            status, comment=dialog.comment(), asset_id=dialog.asset_id()))
        dialog.open()
        self.transition_dialog = dialog

    def apply_transition(self, status: str, *, comment: str = "",
                         asset_id: str | None = None) -> None:
        """Save pending typing, then move the request (both in the write queue, in order)."""
        if self.state is None:
            return
        self.autosaver.flush_soon()
        rfa_id = self.state.rfa_id
        self.message.hide()

        def work(session: Session, _p: object) -> str:
            return transition(session, rfa_id, status, by=officer_name(session),
                              comment=comment, asset_id=asset_id).status

        self.ctx.tasks.write(work, changes={Change.RFA}, on_success=self._moved,
                             on_failure=self._move_failed, parent=self)

    def _moved(self, status: str) -> None:
        self._unlocked = False
        self._say(self.tr("The request is now: {0}.").format(rfa_status_label(status).lower()),
                  alert=False)
        if self.state is not None:
            self.saved.emit(self.state.rfa_id)
        self._reload(keep_fields=True)

    def _move_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationErrors):
            self._checking = True
            self.errors.mark(exc.errors + self._local_problems())
            self._say(self.tr("The request cannot go for validation yet: fix the fields "
                              "marked below."))
            self.errors.focus_first()
        elif isinstance(exc, FieldAppError):
            self._say(str(exc))
        else:
            from ui.widgets.error_dialog import show_error

            show_error(self, exc)

    # Assets, deletion, PDF ----------------------------------------------------------------------

    def find_matching_assets(self) -> None:
        """List directory assets that could meet the request, nearest first."""
        if self.state is None:
            return
        operation_id, data = self.state.operation_id, self.form_input()
        proposed = {self.assets.item(n).data(Qt.ItemDataRole.UserRole): self.assets.item(n).text()
                    for n in range(self.assets.count())
                    if self.assets.item(n).checkState() == Qt.CheckState.Checked}
        self.find_assets_button.setEnabled(False)

        def done(found: list[tuple[str, str]]) -> None:
            self.find_assets_button.setEnabled(self.editable())
            self._set_assets(proposed, found)
            if not found:
                self._say(self.tr("No {0} asset in the directory is available in that window.")
                          .format(capability_label(data.capability).lower()), alert=False)

        self.ctx.tasks.query(lambda session, _p: find_assets(session, operation_id, data),
                             on_success=done, parent=self)

    def _delete(self) -> None:
        if self.state is None:
            return
        if not self.state.stored:
            self._discard(self.state.rfa_id)
            return
        answer = QMessageBox.question(self, self.tr("Delete draft"), self.tr(
            "Delete the draft {0}? Its reference will not be given out again.").format(
            self.state.reference))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.autosaver.cancel()
        rfa_id = self.state.rfa_id
        self.ctx.tasks.write(lambda session, _p: delete_rfa(session, rfa_id),
                             changes={Change.RFA}, on_success=lambda _r: self._deleted(rfa_id),
                             parent=self)

    def _discard(self, rfa_id: str) -> None:
        """Drop a new request; if a save already stored it (typing within the last moment),
        that draft is deleted after it, in the write queue, and its number stays taken."""
        self.autosaver.cancel()
        self._deleted(rfa_id)
        self.ctx.tasks.write(lambda session, _p: delete_rfa(session, rfa_id, missing_ok=True),
                             changes={Change.RFA}, parent=self)

    def _deleted(self, rfa_id: str) -> None:
        self._request += 1  # a read still on its way must not show the request again
        self._loading = ""
        self.state = None
        self.setEnabled(False)
        self.deleted.emit(rfa_id)

    def _ask_pdf(self, action: str) -> None:
        self.flush()
        self.pdf_requested.emit(action)
