"""The contacts screen: the operation's people, filtered as you type, with a detail panel.

Top: the filter box (name, organisation, role, phone or e-mail; debounced), organisation
type, scope (operation and global / operation only / global only) and favourites. Middle:
the lazy list (ui/models/contacts_table.py) beside the detail panel, where a click on a
phone or e-mail copies it. Actions: new, edit, delete (a tombstone, after confirmation),
favourite, Import… (preview, then one transaction with progress and cancel) and Export
(vCard, CSV with HXL row, contact sheet PDF), all off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import _
from fieldapp.importexport.common import ENCODINGS
from fieldapp.importexport.contacts import (
    ImportPreview,
    all_warnings,
    apply_import,
    preview_import,
)
from fieldapp.importexport.contacts_csv import CONTACT_TARGETS
from fieldapp.importexport.contacts_export import export_contacts_csv, export_vcard
from fieldapp.labels import org_type_label
from fieldapp.models.enums import OrganisationType
from fieldapp.services.contacts import (
    ContactDetail,
    contact_detail,
    delete_contact,
    display_phone,
    set_favourite,
)
from fieldapp.services.lookup import item_summary
from ui.context import AppContext, Change
from ui.lazy import later
from ui.models.contacts_table import ContactQuery, ContactsTableModel
from ui.screens.import_preview import MergeWords, PreviewLines
from ui.tasks import Session
from ui.widgets.file_jobs import choose_open_path
from ui.widgets.form_layout import form_layout
from ui.widgets.list_screen import ListScreen

# PDF makers, imported (with ReportLab) only when a PDF is made: see ui/lazy.py
contact_sheet_pdf = later("fieldapp.pdf.contacts", "contact_sheet_pdf")

KIND_LETTER = {"mobile": "M", "office": "O", "satellite": "S", "radio": "R"}


class ContactDetailPanel(QScrollArea):
    """One contact: name, organisation, role, phones and e-mails that copy on click."""

    def __init__(self, copied: object, open_asset: object) -> None:
        super().__init__()
        self.setObjectName("contactDetail")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._copied = copied
        self._open_asset = open_asset
        self.detail: ContactDetail | None = None
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.title = QLabel(self.tr("Choose a contact in the list."))
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.form = form_layout()
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.subtitle)
        self.layout_.addLayout(self.form)
        self.layout_.addStretch(1)
        self.setWidget(body)

    def _copy_button(self, text: str, value: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("copy")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(self.tr("Click to copy"))
        button.setStyleSheet("text-align: left; padding: 2px;")
        button.clicked.connect(lambda: self._copy(value))
        return button

    def _copy(self, value: str) -> None:
        QGuiApplication.clipboard().setText(value)
        self._copied(value)  # type: ignore[operator]

    def show_detail(self, detail: ContactDetail | None) -> None:
        """Fill the panel (None: empty it)."""
        self.detail = detail
        while self.form.rowCount():
            self.form.removeRow(0)
        if detail is None:
            self.title.setText(self.tr("Choose a contact in the list."))
            self.subtitle.clear()
            return
        self.title.setText(("\u2605 " if detail.favourite else "") + detail.name)
        org = detail.organisation + (f" ({detail.organisation_acronym})"
                                     if detail.organisation_acronym else "")
        kind = org_type_label(detail.org_type) if detail.org_type else ""
        scope = self.tr("Global contact") if detail.is_global else ""
        self.subtitle.setText(" \u00b7 ".join(filter(None, (detail.role, org, kind, scope))))
        for phone in detail.phones:
            label = f"{KIND_LETTER.get(phone.kind, '?')}  {display_phone(phone.number)}"
            button = self._copy_button(label, phone.number)
            if not phone.valid:
                button.setText(label + "  \u26a0 " + self.tr("unchecked number"))
                button.setToolTip(self.tr("This number could not be checked; it is kept as "
                                          "typed. Click to copy."))
            self.form.addRow(self.tr("Phone:"), button)
        for email in detail.emails:
            self.form.addRow(self.tr("E-mail:"), self._copy_button(email, email))
        if detail.call_sign:
            self.form.addRow(self.tr("Call sign:"),
                             self._copy_button(detail.call_sign, detail.call_sign))
        for label, value in ((self.tr("Location:"), detail.location),
                             (self.tr("Languages:"), detail.languages),
                             (self.tr("Notes:"), detail.notes)):
            if value:
                text = QLabel(value)
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.form.addRow(label, text)
        for asset_id, asset_label in detail.poc_for:
            link = QPushButton(asset_label or self.tr("(asset)"))
            link.setFlat(True)
            link.setStyleSheet("text-align: left; color: #1f5fbf; padding: 2px;")
            link.clicked.connect(lambda _=False, a=asset_id: self._open_asset(a))  # type: ignore
            self.form.addRow(self.tr("Point of contact for:"), link)


class ContactsScreen(ListScreen):
    """The Contacts section."""

    SETTINGS = "contacts/"
    DEFAULT_SIZES = (900, 380)
    FILTER_DELAY_MS = 150

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("contactsScreen")
        self.model = ContactsTableModel(ctx.tasks, self,
                                        database_open=lambda: ctx.has_database)

        self.filter = self.filter_edit(
            "contactFilter", self.tr("Filter by name, organisation, role, phone or e-mail"))
        self.org_type = QComboBox()
        self.org_type.setObjectName("orgTypeFilter")
        self.org_type.addItem(self.tr("All organisation types"), "")
        for kind in OrganisationType:
            self.org_type.addItem(org_type_label(kind), kind.value)
        self.scope = QComboBox()
        self.scope.setObjectName("scopeFilter")
        self.scope.addItem(self.tr("This operation and global"), "all")
        self.scope.addItem(self.tr("This operation only"), "operation")
        self.scope.addItem(self.tr("Global only"), "global")
        self.favourites = QCheckBox(self.tr("\u2605 Favourites only"))
        self.favourites.setObjectName("favouritesOnly")
        self.keep_filters({"org_type": self.org_type, "scope": self.scope},
                          {"favourites": self.favourites})
        self.count.setObjectName("contactCount")
        for combo in (self.org_type, self.scope):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.favourites.toggled.connect(self.apply_filter)

        self.make_table("contactsTable", sort_column=1, on_double_click=self.edit_contact)
        self.detail = ContactDetailPanel(self._copied, self._open_asset)
        self.make_splitter(self.detail, detail_stretch=1)

        self.new_button = QPushButton(self.tr("New contact"))
        self.new_button.setObjectName("newContact")
        self.new_button.clicked.connect(lambda: self.edit_contact(new=True))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(lambda: self.edit_contact())
        self.favourite_button = QPushButton(self.tr("\u2605 Favourite"))
        self.favourite_button.setCheckable(True)
        self.favourite_button.clicked.connect(self.toggle_favourite)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_contact)
        self.import_button.setObjectName("importContacts")
        export = self.export_button([(self.tr("vCard…"), "vcard"),
                                     (self.tr("CSV with HXL row…"), "csv"),
                                     (self.tr("Contact sheet (PDF)…"), "pdf")])
        self.status.setObjectName("contactsStatus")

        filters = QHBoxLayout()
        filters.addWidget(self.filter, 3)
        filters.addWidget(self.org_type, 1)
        filters.addWidget(self.scope, 1)
        filters.addWidget(self.favourites)
        self.lay_out(filters, (self.new_button, self.edit_button, self.favourite_button,
                               self.delete_button), export)

    # --- list -------------------------------------------------------------------------------

    def current_query(self) -> ContactQuery:
        """The filter the widgets hold."""
        return ContactQuery(operation_id=self.ctx.current_operation_id or None,
                            text=self.filter.text().strip(),
                            org_type=self.org_type.currentData(),
                            favourites_only=self.favourites.isChecked(),
                            scope=self.scope.currentData())

    def apply_filter(self) -> None:
        """Show the list for the current filter now (the box waits for a pause in typing)."""
        self._debounce.stop()
        self.model.set_query(self.current_query())
        self._save_filters()

    def _loaded(self) -> None:
        count = self.model.rowCount()
        self.count.setText(self.tr("%n contact(s)", "", count))
        self._select_wanted()
        if not self.table.currentIndex().isValid():
            self.detail.show_detail(None)
        self._update_buttons()

    def selected_id(self) -> str | None:
        """The id of the contact selected in the list (or shown in the panel)."""
        index = self.table.currentIndex()
        found = self.model.id_at(index.row()) if index.isValid() else None
        return found or (self.detail.detail.id if self.detail.detail else None)

    def _row_changed(self, current: object, _previous: object) -> None:
        contact_id = self.model.id_at(current.row()) if current.isValid() else None  # type: ignore
        if contact_id:
            self.show_contact(contact_id)
        self._update_buttons()

    def show_contact(self, contact_id: str) -> None:
        """Load one contact into the detail panel."""
        self.ctx.tasks.query(lambda session, _p: contact_detail(session, contact_id),
                             on_success=self._show_detail, parent=self)

    def _update_buttons(self) -> None:
        chosen = self.detail.detail is not None
        for button in (self.edit_button, self.delete_button, self.favourite_button):
            button.setEnabled(chosen)
        self.favourite_button.setChecked(bool(chosen and self.detail.detail.favourite))
        writable = self.ctx.has_database
        self.new_button.setEnabled(writable)

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {Change.CONTACT, Change.ORGANISATION, Change.CURRENT_OPERATION}:
            self._want_id = self.selected_id() or self._want_id
            self.model.refresh()
            if self.detail.detail is not None:
                self.show_contact(self.detail.detail.id)

    def open_item(self, item_id: str, *, kind: str, query: str = "") -> None:
        """Show a contact, or the people of an organisation (global search hits)."""
        if kind == "organisation":
            self.ctx.tasks.query(lambda session, _p: item_summary(session, kind, item_id),
                                 on_success=lambda s: self.filter.setText(s.title),
                                 parent=self)
            return
        self._want_id = item_id
        self.show_contact(item_id)
        self._select_wanted()

    def _copied(self, value: str) -> None:
        self.status.setText(self.tr("Copied {value}").format(value=value))

    def _open_asset(self, asset_id: str) -> None:
        self._open_elsewhere("asset", asset_id)

    # --- actions ----------------------------------------------------------------------------

    def edit_contact(self, *, new: bool = False) -> None:
        """Open the contact form for the selected contact (or a new one)."""
        from ui.screens.contact_dialog import ContactDialog

        contact_id = None if new else self.selected_id()
        if not new and contact_id is None:
            return
        dialog = ContactDialog(self.ctx, contact_id, parent=self)
        dialog.accepted.connect(lambda: self._after_edit(dialog.saved_id))
        dialog.open()
        self.dialog = dialog

    def _after_edit(self, contact_id: str) -> None:
        self._want_id = contact_id
        self.show_contact(contact_id)

    def toggle_favourite(self) -> None:
        """Mark or unmark the shown contact as a favourite."""
        detail = self.detail.detail
        if detail is None:
            return
        self.ctx.tasks.write(
            lambda session, _p: set_favourite(session, detail.id,
                                              favourite=not detail.favourite).id,
            changes={Change.CONTACT}, parent=self)

    def delete_contact(self) -> None:
        """Delete the shown contact after the officer confirms."""
        detail = self.detail.detail
        if detail is None:
            return
        self.confirm_delete(self.tr("Delete contact"),
                            self.tr("Delete {name}? The contact is removed from this laptop "
                                    "and, at the next sync, from HQ.").format(name=detail.name),
                            lambda: self._delete(detail))

    def _delete(self, detail: ContactDetail) -> None:
        def work(session: Session, _p: object) -> None:
            delete_contact(session, detail.id)

        self.detail.show_detail(None)
        self.ctx.tasks.write(work, changes={Change.CONTACT}, parent=self,
                             on_success=lambda _r: self.status.setText(
                                 self.tr("{name} deleted.").format(name=detail.name)))

    def import_file(self, path: str = "", *, encoding: str | None = None,
                    column_choices: dict[str, str] | None = None) -> None:
        """Ask for a vCard or CSV file, then show what importing it would do.

        `encoding` and `column_choices` are the officer's picks in an earlier preview of the
        same file; without them, a mapping remembered for files with the same header is used.
        """
        path = path or choose_open_path(
            self.ctx, self, title=self.tr("Import contacts"),
            filters=self.tr("Contacts (*.vcf *.vcard *.csv *.txt);;All files (*)"))
        if not path:
            return
        operation_id = self.ctx.current_operation_id or None

        def read(session: Session, progress: object, codec: str | None,
                 choices: Mapping[str, str] | None) -> ImportPreview:
            return preview_import(session, path, operation_id=operation_id,
                                  progress=progress, encoding=codec,
                                  column_choices=choices)

        self.read_mapped_import(path, read, lambda preview: self._show_preview(preview, path),
                                encoding=encoding, column_choices=column_choices)

    def _show_preview(self, preview: ImportPreview, path: str = "") -> None:
        lines = PreviewLines(
            to_add=[(r.line, _describe(r.name, r.organisation, r.data.emails))
                    for r in preview.to_add],
            matches=[(m.line, _describe(m.row.name, m.row.organisation, m.row.data.emails),
                      m.matched_on, m.existing_name or self.tr("line {n} of this file").format(
                          n=m.earlier_line)) for m in preview.matches],
            rejected=[(r.line, r.reason) for r in preview.rejected],
            note=self.tr("New organisations: {names}").format(
                names=", ".join(preview.new_organisations))
            if preview.new_organisations else "",
            warnings=[(w.line, w.message) for w in all_warnings(preview)],
            columns=self.column_lines(preview.columns),
            targets=[(key, _(label)) for key, label in CONTACT_TARGETS]
            if preview.format == "csv" else [],
            encoding=preview.encoding, encoding_guessed=preview.encoding_guessed,
            encodings=[(key, _(label)) for key, label in ENCODINGS])

        self.open_preview(
            lines, merge=MergeWords(self.tr("Merge"), self.tr("Merge all"), self.tr(
                "Tick the rows to merge; the others are skipped.")),
            apply=lambda session, choices, progress: apply_import(session, preview, choices,
                                                                  progress=progress),
            changes={Change.CONTACT, Change.ORGANISATION},
            done_text=lambda r: self.tr(
                "Imported: {added} added, {merged} merged, {skipped} skipped.").format(
                    added=r.added, merged=r.merged, skipped=r.skipped),
            read_again=(lambda encoding, choices: self.import_file(
                path, encoding=encoding, column_choices=choices)) if path else None)

    def export(self, what: str, path: str = "") -> None:
        """Save the contacts as vCard, CSV (HXL) or the contact sheet PDF."""
        names = {"vcard": ("contacts.vcf", self.tr("vCard (*.vcf)")),
                 "csv": ("contacts.csv", self.tr("CSV (*.csv)")),
                 "pdf": ("contact-sheet.pdf", self.tr("PDF (*.pdf)"))}
        op = self.ctx.current_operation_id or None
        producers = {
            "vcard": lambda session, _t: export_vcard(session, operation_id=op),
            "csv": lambda session, _t: export_contacts_csv(session, operation_id=op),
            "pdf": lambda session, target: contact_sheet_pdf(session, operation_id=op,
                                                             target=target),
        }
        # Phone numbers and call signs of liaison officers: the file leaves the profile's
        # protection, and the officer is told so where the file is chosen and once saved.
        self.save_export(
            what, path, names=names, producers=producers, busy_text=self.tr("Exporting…"),
            title=self.tr("Export contacts (a plain file: anyone who has it can read it)"),
            on_done=lambda p: self.status.setText(self.tr(
                "Saved {path}. It is a plain file, readable by anyone who has it: keep it "
                "safe, and delete it when it is no longer needed.").format(path=p)))


def _describe(name: str, organisation: str, emails: list[str]) -> str:
    return " \u00b7 ".join(filter(None, (name, organisation, ", ".join(emails))))


def make_contacts_screen(ctx: AppContext) -> ContactsScreen:
    """The factory ui/sections.py calls."""
    return ContactsScreen(ctx)
