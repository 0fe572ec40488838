"""The contact form: name, organisation, role, several phones and e-mails, scope.

Phones are checked as they are typed with the operation's country as default region
(`normalise_phone`, no database): a number that does not parse is marked with a sentence
under its line and will be kept as typed, flagged, never dropped. The organisation is
typed or picked; a name not yet known is created (with the type chosen beside it) in the
same transaction as the contact. Saving runs in the background; a ValidationErrors marks
every named field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationErrors
from fieldapp.labels import org_type_label
from fieldapp.models.enums import OrganisationType, PhoneKind
from fieldapp.services.contacts import (
    ContactInput,
    OrganisationRow,
    Phone,
    contact_input,
    create_contact,
    example_phone,
    find_or_create_organisation,
    get_contact,
    normalise_phone,
    organisation_rows,
    region_of,
    update_contact,
)
from ui.context import AppContext, Change
from ui.help.screen_fit import HEIGHT_SHARE, available_area, keep_inside
from ui.tasks import Session
from ui.widgets.field_errors import ERROR_STYLE, grow_to_fit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.form_layout import form_layout


def split_emails(text: str) -> list[str]:
    """The addresses typed in the e-mails box: one a line, or separated by commas,
    semicolons, spaces or tabs (as pasted from a mail program's address line)."""
    return [part for part in re.split(r"[\s,;]+", text) if part]


def _kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication
    translate = QCoreApplication.translate
    return {"mobile": translate("ContactDialog", "Mobile"),
            "office": translate("ContactDialog", "Office"),
            "satellite": translate("ContactDialog", "Satellite"),
            "radio": translate("ContactDialog", "Radio / call sign")}.get(kind, kind)


class PhoneLine(QWidget):
    """One phone: kind, number, a remove button and a sentence when the number is doubtful."""

    def __init__(self, region: str | None, phone: Phone | None = None) -> None:
        super().__init__()
        self.region = region
        self.kind = QComboBox()
        for kind in PhoneKind:
            self.kind.addItem(_kind_label(kind), kind.value)
        self.number = QLineEdit()
        international, national = example_phone(region)
        self.number.setPlaceholderText(
            self.tr("e.g. {international}, or {national}").format(
                international=international, national=national) if region and international
            else self.tr("e.g. {international}").format(international=international))
        self.remove = QPushButton(self.tr("Remove"))
        self.warning = QLabel()
        self.warning.setObjectName("phoneWarning")
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.number, 1)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        if phone is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(phone.kind)))
            self.number.setText(phone.number)
        self.number.textChanged.connect(self.check)
        self.kind.currentIndexChanged.connect(self.check)
        self.check()

    def phone(self) -> Phone:
        """What the line holds, as the core takes it."""
        return Phone(self.kind.currentData(), self.number.text().strip())

    def check(self) -> bool:
        """Mark the number when it does not parse; True when it is fine (or empty)."""
        text = self.number.text().strip()
        parsed = normalise_phone(text, kind=self.kind.currentData(), region=self.region)
        doubtful = bool(text) and not parsed.valid
        where = self.tr(" for {region}").format(region=self.region) if self.region else ""
        self.warning.setText(self.tr(
            "Not a valid phone number{where}; kept as typed, marked unchecked.").format(
                where=where) if doubtful else "")
        self.warning.setToolTip(self.tr(
            "Check the number, or write it with the country code (+…)."))
        if doubtful != self.warning.isVisible() and self.isVisible():
            self.warning.setVisible(doubtful)
            grow_to_fit(self.window())
        self.warning.setVisible(doubtful)
        self.number.setProperty("invalid", doubtful)
        self.number.setStyleSheet("QLineEdit[invalid=\"true\"] { border: 1px solid #b3261e; }")
        return not doubtful


@dataclass(frozen=True)
class _FormData:
    region: str | None
    organisations: list[OrganisationRow]
    contact: ContactInput | None
    organisation_name: str


class ContactDialog(FormDialog):
    """Create (contact_id None) or edit a contact; accepted once saved."""

    def __init__(self, ctx: AppContext, contact_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.ctx = ctx
        self.contact_id = contact_id
        self.operation_id = ctx.current_operation_id or None
        self.region: str | None = None
        self.setWindowTitle(self.tr("Edit contact") if contact_id else self.tr("New contact"))
        self.setMinimumWidth(560)

        self.given_name = QLineEdit()
        self.family_name = QLineEdit()
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("As the person writes it, in any script"))
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        self.organisation.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organisation.lineEdit().setPlaceholderText(
            self.tr("Type a name or acronym; a new one is added"))
        self.org_type = QComboBox()
        for kind in OrganisationType:
            self.org_type.addItem(org_type_label(kind), kind.value)
        org_row = QWidget()
        org_layout = QHBoxLayout(org_row)
        org_layout.setContentsMargins(0, 0, 0, 0)
        org_layout.addWidget(self.organisation, 1)
        org_layout.addWidget(self.org_type)
        self.role = QLineEdit()
        self.phone_box = QWidget()
        self._phones: list[PhoneLine] = []
        self.org_types: dict[str, str] = {}
        self.phone_lines = QVBoxLayout(self.phone_box)
        self.phone_lines.setContentsMargins(0, 0, 0, 0)
        self.add_phone_button = add_phone = QPushButton(self.tr("Add phone"))
        add_phone.setObjectName("addPhone")
        add_phone.clicked.connect(lambda: self.add_phone())
        self.emails = QPlainTextEdit()
        self.emails.setPlaceholderText(self.tr("One e-mail address a line (or several "
                                               "separated by commas)"))
        self.emails.setFixedHeight(60)
        self.emails.setTabChangesFocus(True)  # Tab goes on to Call sign, never into a value
        self.call_sign = QLineEdit()
        self.location = QLineEdit()
        self.languages = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        self.favourite = QCheckBox(self.tr("Favourite (shown first on request)"))
        self.is_global = QCheckBox(self.tr("Global contact (not only this operation)"))
        self.is_global.setChecked(self.operation_id is None)
        for name in ("given_name", "family_name", "full_name", "organisation", "role",
                     "emails", "call_sign", "location", "languages", "notes", "favourite",
                     "is_global"):
            getattr(self, name).setObjectName(name)

        phones = QWidget()
        phones_layout = QVBoxLayout(phones)
        phones_layout.setContentsMargins(0, 0, 0, 0)
        phones_layout.addWidget(self.phone_box)
        phones_layout.addWidget(add_phone, 0, Qt.AlignmentFlag.AlignLeft)
        form = form_layout()
        wrap = self.errors.wrap
        form.addRow(self.tr("Given name:"), wrap("given_name", self.given_name))
        form.addRow(self.tr("Family name:"), wrap("family_name", self.family_name))
        form.addRow(self.tr("Name as written:"), wrap("full_name", self.full_name))
        form.addRow(self.tr("Organisation:"), wrap("organisation_id", org_row))
        form.addRow(self.tr("Role:"), wrap("role", self.role))
        form.addRow(self.tr("Phones:"), wrap("phones", phones))
        form.addRow(self.tr("E-mails:"), wrap("emails", self.emails))
        form.addRow(self.tr("Call sign:"), wrap("call_sign", self.call_sign))
        form.addRow(self.tr("Location:"), wrap("location", self.location))
        form.addRow(self.tr("Languages:"), wrap("languages", self.languages))
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow("", self.favourite)
        form.addRow("", wrap("is_global", self.is_global))
        self._lay_out_scrolling(form)
        self.buttons.setEnabled(False)  # until the form is filled
        self._chain_tab_order()
        self.given_name.setFocus()
        self._load()

    def _lay_out_scrolling(self, form: QFormLayout) -> None:
        """The form scrolls above the error line and Save/Cancel, which stay in view: at
        1366×768 and 125 % the whole form is taller than the screen."""
        fields = QWidget()
        fields.setObjectName("contactFields")
        fields.setLayout(form)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("contactScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(fields)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def sizeHint(self) -> QSize:
        """The whole form where the screen has room for it, else the screen's height."""
        hint = super().sizeHint()
        hidden = self.scroll.widget().sizeHint().height() - self.scroll.sizeHint().height() \
            + 2 * self.scroll.frameWidth() + 12  # the scroll bar's own arrows and margins
        limit = int(available_area(self).height() * HEIGHT_SHARE)
        return QSize(hint.width(), min(hint.height() + max(hidden, 0), limit))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():  # grown after it was placed: keep all of it on screen
            keep_inside(self, available_area(self))

    def _load(self) -> None:
        operation_id, contact_id = self.operation_id, self.contact_id

        def work(session: Session, _progress: object) -> _FormData:
            contact = get_contact(session, contact_id) if contact_id else None
            org_name = ""
            if contact is not None and contact.organisation_id:
                org = next((o for o in organisation_rows(session, operation_id=operation_id)
                            if o.id == contact.organisation_id), None)
                org_name = org.name if org else ""
            return _FormData(region_of(session, operation_id or (
                contact.operation_id if contact else None)),
                organisation_rows(session, operation_id=operation_id),
                contact_input(contact) if contact else None, org_name)

        self.ctx.tasks.query(work, on_success=self._fill, parent=self)

    def _fill(self, data: _FormData) -> None:
        self.region = data.region
        self.org_types = {o.name.casefold(): o.org_type for o in data.organisations}
        names = [o.name for o in data.organisations]
        self.organisation.addItems(names)
        completer = QCompleter(names + [o.acronym for o in data.organisations if o.acronym],
                               self.organisation)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setCompleter(completer)
        self.organisation.setCurrentIndex(-1)
        self.organisation.setEditText(data.organisation_name)
        self.organisation.editTextChanged.connect(self._org_typed)
        contact = data.contact
        if contact is not None:
            self.given_name.setText(contact.given_name)
            self.family_name.setText(contact.family_name)
            self.full_name.setText(contact.full_name)
            self.role.setText(contact.role)
            for phone in contact.phones:
                self.add_phone(phone)
            self.emails.setPlainText("\n".join(contact.emails))
            self.call_sign.setText(contact.call_sign)
            self.location.setText(contact.location)
            self.languages.setText(contact.languages)
            self.notes.setPlainText(contact.notes)
            self.favourite.setChecked(contact.favourite)
            self.is_global.setChecked(contact.is_global)
        if not self.phone_rows():
            self.add_phone(focus=False)
        self._org_typed(self.organisation.currentText())
        self.buttons.setEnabled(True)
        grow_to_fit(self)
        if self.focusWidget() in (None, self.given_name):
            self.given_name.setFocus()  # the form starts at the top, the officer's own
            # place is kept if they already moved on while it loaded

    def _org_typed(self, text: str) -> None:
        known = self.org_types.get(text.strip().casefold())
        if known:
            self.org_type.setCurrentIndex(max(0, self.org_type.findData(known)))
        self.org_type.setEnabled(known is None)

    def add_phone(self, phone: Phone | None = None, *, focus: bool = True) -> PhoneLine:
        """Add a phone line to the form (the cursor goes to its number unless `focus` is
        False)."""
        line = PhoneLine(self.region, phone)
        self.phone_lines.addWidget(line)
        self._phones.append(line)
        line.remove.clicked.connect(lambda: self._remove_phone(line))
        self._chain_tab_order()
        if focus:
            line.number.setFocus()
        return line

    def _remove_phone(self, line: PhoneLine) -> None:
        self._phones.remove(line)
        line.hide()
        line.deleteLater()
        self._chain_tab_order()

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order Tab visits them: down the form, each phone's kind,
        number and Remove in turn, then Save and Cancel."""
        phones = [w for line in self._phones for w in (line.kind, line.number, line.remove)]
        return [self.given_name, self.family_name, self.full_name, self.organisation,
                self.org_type, self.role, *phones, self.add_phone_button, self.emails,
                self.call_sign, self.location, self.languages, self.notes, self.favourite,
                self.is_global, *self.buttons.buttons()]

    def _chain_tab_order(self) -> None:
        # Phone lines are added after the form is built, so Qt's own order (by creation)
        # would send Tab from Role past the phones to the end of the form.
        chain = self.tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def phone_rows(self) -> list[PhoneLine]:
        """The phone lines of the form, in order."""
        return list(self._phones)

    def form_input(self) -> ContactInput:
        """What the form holds, as the core takes it."""
        return ContactInput(
            given_name=self.given_name.text(), family_name=self.family_name.text(),
            full_name=self.full_name.text(), role=self.role.text(),
            phones=[line.phone() for line in self.phone_rows()],
            emails=split_emails(self.emails.toPlainText()),
            call_sign=self.call_sign.text(), location=self.location.text(),
            languages=self.languages.text(), notes=self.notes.toPlainText(),
            favourite=self.favourite.isChecked(), is_global=self.is_global.isChecked())

    def save(self) -> None:
        """Validate and store in the background; close on success, mark fields if not."""
        data = self.form_input()
        organisation = self.organisation.currentText().strip()
        org_type = self.org_type.currentData()
        operation_id, editing = self.operation_id, self.contact_id
        self.clear_errors()
        self.buttons.setEnabled(False)

        def work(session: Session, _progress: object) -> str:
            org_id = None
            if organisation:
                try:
                    org_id = find_or_create_organisation(
                        session, organisation, operation_id=operation_id, org_type=org_type).id
                except ValidationErrors as exc:
                    raise ValidationErrors([type(e)("organisation_id", e.message)
                                            for e in exc.errors]) from exc
            data.organisation_id = org_id
            if editing:
                return update_contact(session, editing, data, operation_id=operation_id).id
            return create_contact(session, data, operation_id=operation_id).id

        self.ctx.tasks.write(work, changes={Change.CONTACT, Change.ORGANISATION},
                             on_success=self._saved, on_failure=self._failed, parent=self)
