"""The asset directory screen: the MCDA entries with filters, currency marks and history.

Filters: words, category, status, providing state, "available on" a date, and "only
entries to check" (not confirmed for 90 days; such rows say "check" with a warning icon).
The detail panel shows the entry, its point of contact (opens the contact), the requests
that named it (open the RFA) and its status history. Actions: new, edit, change status
with a comment, confirm still true, delete, import CSV (preview, then one transaction;
the preview lists every column, which the officer may map, and every value left out, and
offers another encoding), export CSV with HXL row, GeoJSON and the asset list PDF, all off
the GUI thread.

The Central Register's entries (HQ's, read-only) are listed with the operation's assets
(ui/models/directory_table.py): "Show" picks both, the operation's, or the register's;
retired entries only when ticked. A register row opens its own panel
(ui/screens/register_detail.py) and offers "Propose a correction…" instead of the asset
actions (ui/screens/register_proposal.py). Exports and imports are the operation's assets.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.i18n import _
from fieldapp.importexport.assets import (
    ASSET_TARGETS,
    AssetImportPreview,
    all_warnings,
    apply_asset_import,
    export_assets_csv,
    preview_asset_import,
)
from fieldapp.importexport.common import ENCODINGS
from fieldapp.importexport.geojson import export_assets_geojson
from fieldapp.labels import asset_status_label, capability_label, rfa_status_label
from fieldapp.models.enums import AssetCategory, AssetStatus
from fieldapp.services.assets import AssetDetail, AssetFilter, confirm_asset
from fieldapp.services.assets import delete_asset as delete_asset_row
from fieldapp.services.register import (
    SHOW_ALL,
    SHOW_OPERATION,
    SHOW_REGISTER,
    directory_detail,
    withdraw_proposal,
)
from ui.context import AppContext, Change
from ui.lazy import later
from ui.models.assets_table import availability_text, capacity_text
from ui.models.directory_table import DirectoryQuery, DirectoryTableModel, forget_old_header
from ui.pyside_fixes import own_headers
from ui.screens.import_preview import MergeWords, PreviewLines
from ui.screens.register_detail import DirectoryDetailPanel
from ui.tasks import Session
from ui.widgets.file_jobs import choose_open_path
from ui.widgets.form_layout import form_layout
from ui.widgets.list_screen import ListScreen
from ui.widgets.optional_date import OptionalDateEdit

WITH_RETIRED = "register_retired"  # the Show choice: the register's entries, retired too

# PDF makers, imported (with ReportLab) only when a PDF is made: see ui/lazy.py
asset_list_pdf = later("fieldapp.pdf.assets", "asset_list_pdf")


def _link(text: str, on_click: object) -> QLabel:
    label = QLabel(f"<a href='#'>{html.escape(text)}</a>")
    label.setObjectName("link")
    label.setWordWrap(True)
    label.setCursor(Qt.CursorShape.PointingHandCursor)
    label.linkActivated.connect(lambda _href: on_click())  # type: ignore[operator]
    return label


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)  # the panel is narrow: long values wrap, never widen it
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AssetDetailPanel(QScrollArea):
    """One entry with its point of contact, the RFAs that named it and its history."""

    def __init__(self, open_item: object) -> None:
        super().__init__()
        self.setObjectName("assetDetail")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._open = open_item
        self.detail: AssetDetail | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = QLabel(self.tr("Choose an entry in the list."))
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.stale = QLabel()
        self.stale.setObjectName("staleNotice")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background: #fff4d6; padding: 4px;")
        self.stale.hide()
        self.form = form_layout()
        self.history = QTableWidget(0, 4)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Status"), self.tr("By"), self.tr("Comment")])
        columns, rows = own_headers(self.history)
        rows.hide()
        columns.setStretchLastSection(True)
        self.history.setWordWrap(True)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setMinimumHeight(140)
        layout.addWidget(self.title)
        layout.addWidget(self.stale)
        layout.addLayout(self.form)
        layout.addWidget(QLabel(self.tr("Status history")))
        layout.addWidget(self.history, 1)
        self.setWidget(body)

    def show_detail(self, detail: AssetDetail | None) -> None:
        """Fill the panel (None: empty it)."""
        self.detail = detail
        while self.form.rowCount():
            self.form.removeRow(0)
        self.history.setRowCount(0)
        self.stale.setVisible(bool(detail and detail.row.stale))
        if detail is None:
            self.title.setText(self.tr("Choose an entry in the list."))
            return
        row = detail.row
        self.title.setText(row.description)
        self.stale.setText("\u26a0 " + self.tr(
            "Not confirmed for 90 days: check with the provider that this entry is still "
            "true, then press \u201cConfirmed still true\u201d."))
        add = self.form.addRow
        add(self.tr("Category:"), _value(capability_label(row.category)))
        add(self.tr("Status:"), _value(asset_status_label(row.status)))
        add(self.tr("Provider:"), _value(" ".join(filter(None, (row.provider_state,
                                                                row.provider_unit)))))
        capacity = capacity_text(row)
        add(self.tr("Capacity:"), _value(f"{row.quantity} \u00d7 {capacity}" if capacity
                                         else str(row.quantity)))
        where = row.place_name
        if row.latitude is not None and row.longitude is not None:
            where += f" ({row.latitude:.4f}, {row.longitude:.4f})"
        add(self.tr("Place:"), _value(where))
        add(self.tr("Available:"), _value(availability_text(row) or self.tr("any time")))
        confirmed = row.confirmed_at.date().isoformat() if row.confirmed_at else self.tr("never")
        add(self.tr("Last confirmed:"), _value(confirmed))
        if detail.poc_contact_id:
            text = " \u00b7 ".join(filter(None, (row.poc_name, detail.poc_phone,
                                                 detail.poc_email)))
            contact_id = detail.poc_contact_id
            add(self.tr("Point of contact:"),
                _link(text, lambda: self._open("contact", contact_id)))  # type: ignore
        for rfa in detail.rfas:
            label = f"{rfa.reference} \u2014 {rfa.title} ({rfa_status_label(rfa.status)})"
            add(self.tr("Tasked by:") if rfa.tasked else self.tr("Requested in:"),
                _link(label, lambda _=False, i=rfa.id: self._open("rfa", i)))  # type: ignore
        if detail.cost_basis:
            add(self.tr("Cost basis:"), _value(detail.cost_basis))
        if detail.notes:
            notes = _value(detail.notes)
            notes.setWordWrap(True)
            add(self.tr("Notes:"), notes)
        self.history.setRowCount(len(detail.history))
        for number, event in enumerate(reversed(detail.history)):
            moved = (f"{asset_status_label(event.from_status)} \u2192 "
                     if event.from_status else "") + asset_status_label(event.status)
            when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
            for column, text in enumerate((when, moved, event.by, event.comment)):
                self.history.setItem(number, column, QTableWidgetItem(text))
        for column in range(3):  # the comment takes the rest of the width and wraps
            self.history.resizeColumnToContents(column)
        self.history.resizeRowsToContents()


class AssetsScreen(ListScreen):
    """The Assets section."""

    SETTINGS = "assets/"
    DEFAULT_SIZES = (800, 480)
    FILTER_DELAY_MS = 200

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("assetsScreen")
        self.model = DirectoryTableModel(ctx.tasks, self,
                                         database_open=lambda: ctx.has_database)
        forget_old_header(ctx.settings, self.SETTINGS, len(self.model.columns))

        self.filter = self.filter_edit("assetFilter",
                                       self.tr("Filter by description, unit or place"))
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.addItem(self.tr("All categories"), "")
        for category in AssetCategory:
            self.category.addItem(capability_label(category), category.value)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Any status"), "")
        for status in AssetStatus:
            self.status_filter.addItem(asset_status_label(status), status.value)
        self.provider = self.filter_edit("providerFilter", self.tr("Providing state"))
        self.available_on = OptionalDateEdit(self.tr("Available on"))
        self.available_on.setObjectName("availableOn")
        self.stale_only = QCheckBox(self.tr("Only entries to check"))
        self.stale_only.setObjectName("staleOnly")
        self.stale_only.setToolTip(self.tr("Assets not confirmed for 90 days, and register "
                                           "entries whose valid-until date has passed"))
        self.show_source = QComboBox()
        self.show_source.setObjectName("showSource")
        self.show_source.setToolTip(self.tr("Which entries the list shows: the operation's "
                                            "assets, the Central Register's (kept at HQ), or "
                                            "both; retired register entries only when asked"))
        for text, value in ((self.tr("Show: all"), SHOW_ALL),
                            (self.tr("Show: operation's assets"), SHOW_OPERATION),
                            (self.tr("Show: Central Register"), SHOW_REGISTER),
                            (self.tr("Show: Central Register, retired too"), WITH_RETIRED)):
            self.show_source.addItem(text, value)
        self.show_source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.keep_filters({"category": self.category, "status": self.status_filter,
                           "show": self.show_source},
                          {"stale_only": self.stale_only})
        self.count.setObjectName("assetCount")
        for combo in (self.category, self.status_filter, self.show_source):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.available_on.check.toggled.connect(self.apply_filter)
        self.available_on.edit.dateChanged.connect(self.apply_filter)
        self.stale_only.toggled.connect(self.apply_filter)

        self.make_table("assetsTable", sort_column=1, on_double_click=self.edit_asset)
        self.detail = AssetDetailPanel(self._open_elsewhere)
        self.details = DirectoryDetailPanel(self.detail)  # or a register entry's panel
        self.details.register_panel.withdraw_requested.connect(self.withdraw_proposal)
        self.make_splitter(self.details, detail_stretch=2)

        self.new_button = QPushButton(self.tr("New asset"))
        self.new_button.setObjectName("newAsset")
        self.new_button.clicked.connect(lambda: self.edit_asset(new=True))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(lambda: self.edit_asset())
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.setObjectName("changeStatus")
        self.status_button.clicked.connect(self.change_status)
        self.confirm_button = QPushButton(self.tr("Confirmed still true"))
        self.confirm_button.setObjectName("confirmAsset")
        self.confirm_button.clicked.connect(self.confirm)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_asset)
        self.propose_button = QPushButton(self.tr("Propose a correction…"))
        self.propose_button.setObjectName("proposeCorrection")
        self.propose_button.setToolTip(self.tr("The Central Register is kept at HQ: propose "
                                               "a correction of the chosen entry"))
        self.propose_button.clicked.connect(self.propose_correction)
        export = self.export_button([(self.tr("CSV with HXL row…"), "csv"),
                                     (self.tr("GeoJSON (map)…"), "geojson"),
                                     (self.tr("Asset list (PDF)…"), "pdf")])
        self.status.setObjectName("assetsStatus")

        filters = QHBoxLayout()
        filters.addWidget(self.filter, 3)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.provider, 1)
        filters.addWidget(self.available_on)
        filters.addWidget(self.stale_only)
        self.lay_out(filters, (self.new_button, self.edit_button, self.status_button,
                               self.confirm_button, self.delete_button, self.propose_button,
                               self.show_source),
                     export)

    # --- list -------------------------------------------------------------------------------

    def current_filter(self) -> AssetFilter:
        """The filter the widgets hold."""
        return AssetFilter(category=self.category.currentData(),
                           status=self.status_filter.currentData(),
                           provider_state=self.provider.text().strip(),
                           available_on=self.available_on.value(),
                           text=self.filter.text().strip(),
                           stale_only=self.stale_only.isChecked())

    def apply_filter(self) -> None:
        """Show the list for the current filter now."""
        self._debounce.stop()
        show = self.show_source.currentData() or SHOW_ALL
        self.model.set_query(DirectoryQuery(  # type: ignore[arg-type]
            self.ctx.current_operation_id or None, self.current_filter(),
            show if show != WITH_RETIRED else SHOW_REGISTER, show == WITH_RETIRED))
        self._save_filters()

    def _loaded(self) -> None:
        self.count.setText(self.tr("%n entries", "", self.model.rowCount()))
        self._select_wanted()
        if not self.table.currentIndex().isValid():
            self.detail.show_detail(None)
        self._update_buttons()

    def _row_changed(self, current: object, _previous: object) -> None:
        asset_id = self.model.id_at(current.row()) if current.isValid() else None  # type: ignore
        if asset_id:
            self.show_asset(asset_id)

    def show_asset(self, asset_id: str) -> None:
        """Load one entry (an asset or a register entry) into the detail panel."""
        self.ctx.tasks.query(lambda session, _p: directory_detail(session, asset_id),
                             on_success=self._show_detail, parent=self)

    def _update_buttons(self) -> None:
        chosen = self.detail.detail is not None  # register entries are HQ's: read-only
        for button in (self.edit_button, self.status_button, self.confirm_button,
                       self.delete_button):
            button.setEnabled(chosen)
        self.propose_button.setEnabled(self.details.entry is not None)

    def _show_detail(self, detail: object) -> None:
        self.details.show_detail(detail)  # type: ignore[arg-type]
        self._update_buttons()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if changes & {Change.ASSET, Change.CONTACT, Change.RFA, Change.CURRENT_OPERATION}:
            shown = self.details.detail  # an asset or a register entry
            if shown is not None:
                self._want_id = self._want_id or shown.row.id
                self.show_asset(shown.row.id)
            self.model.refresh()

    def open_item(self, item_id: str, *, kind: str, query: str = "") -> None:
        """Show one entry (a global search hit, or a link from another screen)."""
        self._want_id = item_id
        self.show_asset(item_id)
        self._select_wanted()

    # --- actions ----------------------------------------------------------------------------

    def _selected(self) -> str | None:
        return self.detail.detail.row.id if self.detail.detail else None

    def edit_asset(self, *, new: bool = False) -> None:
        """Open the asset form for the shown entry (or a new one)."""
        from ui.screens.asset_dialog import AssetDialog

        asset_id = None if new else self._selected()
        if not new and asset_id is None:
            if self.details.entry is not None:  # a register row: read-only, propose instead
                self.propose_correction()
            return
        dialog = AssetDialog(self.ctx, asset_id, parent=self)
        dialog.accepted.connect(lambda: self.open_item(dialog.saved_id, kind="asset"))
        dialog.open()
        self.dialog = dialog

    def change_status(self) -> None:
        """Record a status change with a comment."""
        from ui.screens.asset_dialog import StatusDialog

        detail = self.detail.detail
        if detail is not None:
            dialog = StatusDialog(self.ctx, detail.row.id, detail.row.status, parent=self)
            dialog.open()
            self.dialog = dialog

    def confirm(self) -> None:
        """Record that the shown entry was checked and is still true."""
        asset_id = self._selected()
        if asset_id:
            self.ctx.tasks.write(lambda session, _p: confirm_asset(session, asset_id).id,
                                 changes={Change.ASSET}, parent=self,
                                 on_success=lambda _r: self.status.setText(
                                     self.tr("Marked as confirmed today.")))

    def delete_asset(self) -> None:
        """Delete the shown entry after the officer confirms."""
        detail = self.detail.detail
        if detail is None:
            return
        asset_id = detail.row.id

        def work(session: Session, _p: object) -> None:
            delete_asset_row(session, asset_id)

        def delete() -> None:
            self.detail.show_detail(None)
            self.ctx.tasks.write(work, changes={Change.ASSET}, parent=self)

        self.confirm_delete(self.tr("Delete asset"),
                            self.tr("Delete \u201c{name}\u201d from the directory?").format(
                                name=detail.row.description), delete)

    def propose_correction(self) -> None:
        """Open the proposal form for the shown register entry."""
        from ui.screens.register_proposal import ProposalDialog

        entry = self.details.entry
        if entry is None:
            return
        dialog = ProposalDialog(self.ctx, entry, parent=self)
        dialog.accepted.connect(lambda: self.status.setText(self.tr(
            "Proposal saved: it goes to HQ with the next sync.")))
        dialog.open()
        self.dialog = dialog

    def withdraw_proposal(self, proposal_id: str) -> None:
        """Take back a correction HQ has not answered (it leaves HQ at the next sync)."""
        self.ctx.tasks.write(lambda session, _p: withdraw_proposal(session, proposal_id).id,
                             changes={Change.ASSET}, parent=self,
                             on_success=lambda _r: self.status.setText(self.tr(
                                 "Proposal withdrawn.")))

    def import_file(self, path: str = "", *, encoding: str | None = None,
                    column_choices: dict[str, str] | None = None) -> None:
        """Ask for a CSV file, then show what importing it would do.

        `encoding` and `column_choices` are the officer's picks in an earlier preview of the
        same file; without them, a mapping remembered for files with the same header is used.
        """
        path = path or choose_open_path(self.ctx, self, title=self.tr("Import assets"),
                                        filters=self.tr("CSV (*.csv *.txt);;All files (*)"))
        if not path:
            return
        op = self.ctx.current_operation_id or None

        def read(session: Session, progress: object, codec: str | None,
                 choices: Mapping[str, str] | None) -> AssetImportPreview:
            return preview_asset_import(session, path, operation_id=op, progress=progress,
                                        encoding=codec, column_choices=choices)

        self.read_mapped_import(path, read, lambda preview: self._show_preview(preview, path),
                                encoding=encoding, column_choices=column_choices)

    def _show_preview(self, preview: AssetImportPreview, path: str) -> None:
        lines = PreviewLines(
            to_add=[(r.line, r.label) for r in preview.to_add],
            matches=[(m.line, m.row.label, m.matched_on, m.existing_label or self.tr(
                "line {n} of this file").format(n=m.earlier_line)) for m in preview.matches],
            rejected=[(r.line, r.reason) for r in preview.rejected],
            warnings=[(w.line, w.message) for w in all_warnings(preview)],
            columns=self.column_lines(preview.columns),
            targets=[(key, _(label)) for key, label in ASSET_TARGETS],
            encoding=preview.encoding, encoding_guessed=preview.encoding_guessed,
            encodings=[(key, _(label)) for key, label in ENCODINGS])

        self.open_preview(
            lines, merge=MergeWords(self.tr("Update"), self.tr("Update all"), self.tr(
                "Tick the rows to update; the others are skipped.")),
            apply=lambda session, choices, progress: apply_asset_import(
                session, preview, choices, progress=progress),
            changes={Change.ASSET},
            done_text=lambda r: self.tr(
                "Imported: {added} added, {updated} updated, {skipped} skipped.").format(
                    added=r.added, updated=r.updated, skipped=r.skipped),
            read_again=lambda encoding, choices: self.import_file(
                path, encoding=encoding, column_choices=choices))

    def export(self, what: str, path: str = "") -> None:
        """Save the listed entries (as filtered) as CSV, GeoJSON or the PDF list."""
        names = {"csv": ("assets.csv", self.tr("CSV (*.csv)")),
                 "geojson": ("assets.geojson", self.tr("GeoJSON (*.geojson *.json)")),
                 "pdf": ("asset-list.pdf", self.tr("PDF (*.pdf)"))}
        op, where = self.ctx.current_operation_id or None, self.current_filter()
        left_out: list[int] = []

        def geojson(session: Session, _target: object) -> bytes:
            exported = export_assets_geojson(session, operation_id=op, where=where)
            left_out.append(exported.without_coordinates)
            return exported.content

        producers = {
            "csv": lambda session, _t: export_assets_csv(session, operation_id=op, where=where),
            "geojson": geojson,
            "pdf": lambda session, target: asset_list_pdf(session, operation_id=op,
                                                          where=where, target=target),
        }

        def done(saved: str) -> None:
            text = self.tr("Saved {path}").format(path=saved)
            if left_out and left_out[0]:
                text += " " + self.tr("({n} entries without coordinates left out)").format(
                    n=left_out[0])
            self.status.setText(text)

        self.save_export(what, path, title=self.tr("Export assets"), names=names,
                         producers=producers, on_done=done)


def make_assets_screen(ctx: AppContext) -> AssetsScreen:
    """The factory ui/sections.py calls."""
    return AssetsScreen(ctx)
