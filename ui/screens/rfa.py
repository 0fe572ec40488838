"""The Requests for Assistance screen: the filtered list on the left, the form on the right.

Filters (status, priority, cluster, capability, text) narrow the list as on the printed
log, which "Export log" writes for the same filter and order. The list is a lazy model
(`ui/models/rfa_table.py`); the form (`ui/screens/rfa_form.py`) saves drafts as typed.
PDFs are built off the GUI thread, then previewed (Qt PDF), saved (A4 or US Letter,
chosen in the save dialog) or printed (QPrintDialog). Filters, the splitter and the page
size are remembered in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.files import write_atomically
from fieldapp.labels import (
    CLUSTERS,
    capability_label,
    cluster_label,
    priority_label,
    rfa_status_label,
)
from fieldapp.models.enums import AssetCategory, RfaPriority, RfaStatus
from fieldapp.services.rfa import FINAL, RfaFilter
from ui.context import AppContext, Change
from ui.lazy import later
from ui.models.rfa_table import ID_ROLE, RfaTableModel, column_of
from ui.screens.rfa_form import RfaForm
from ui.tasks import Session
from ui.widgets.file_jobs import choose_save_file
from ui.widgets.pdf_preview import (
    HAVE_QT_PDF,
    PdfPreview,
    open_externally,
    print_pdf,
    temporary_pdf,
)

# PDF makers, imported (with ReportLab) only when a PDF is made: see ui/lazy.py
load_rfa_document = later("fieldapp.pdf.rfa", "load_rfa_document")
rfa_pdf = later("fieldapp.pdf.rfa", "rfa_pdf")
export_log = later("fieldapp.pdf.rfa_log", "export_log")

SETTINGS = "rfa/"
OPEN = "open"  # the status filter "all open requests"
PDF_FILTERS = {"A4": QT_TRANSLATE_NOOP("RfaScreen", "PDF, A4 (*.pdf)"),
               "Letter": QT_TRANSLATE_NOOP("RfaScreen", "PDF, US Letter (*.pdf)")}


def pdf_filters() -> dict[str, str]:
    """The file dialog's PDF choices by paper size, in the officer's language."""
    return {size: QCoreApplication.translate("RfaScreen", text)
            for size, text in PDF_FILTERS.items()}


class RfaScreen(QWidget):
    """List and form of the operation's requests; see the module docstring."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("rfaScreen")
        self.ctx = ctx
        self.model = RfaTableModel(ctx.tasks, self)
        self._wanted = ""  # a request to select once the list shows it
        self._build()
        self._restore()
        self.model.loaded.connect(self._loaded)
        ctx.changed.connect(self._on_changed)
        ctx.current_operation_changed.connect(self._operation_changed)
        self._operation_changed(ctx.current_operation_id)

    # Layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), "")
        self.status_filter.addItem(self.tr("Open (not closed)"), OPEN)
        for status in RfaStatus:
            self.status_filter.addItem(rfa_status_label(status), status.value)
        self.priority_filter = QComboBox()
        self.priority_filter.setObjectName("priorityFilter")
        self.priority_filter.addItem(self.tr("All priorities"), "")
        for priority in RfaPriority:
            self.priority_filter.addItem(priority_label(priority), priority.value)
        self.cluster_filter = QComboBox()
        self.cluster_filter.setObjectName("clusterFilter")
        self.cluster_filter.addItem(self.tr("All clusters"), "")
        for cluster in CLUSTERS:
            self.cluster_filter.addItem(cluster_label(cluster), cluster)
        self.capability_filter = QComboBox()
        self.capability_filter.setObjectName("capabilityFilter")
        self.capability_filter.addItem(self.tr("All capabilities"), "")
        for category in AssetCategory:
            self.capability_filter.addItem(capability_label(category), category.value)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setPlaceholderText(self.tr("Search requests…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setMinimumWidth(100)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(300)
        self._text_timer.timeout.connect(self.apply_filter)
        self.text_filter.textChanged.connect(lambda _t: self._text_timer.start())
        for combo in (self.status_filter, self.priority_filter, self.cluster_filter,
                      self.capability_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
            # Sized to a short name, not to the longest cluster: the filter bar must never
            # make the window wider than a 1366-pixel screen at 125 % (or 3840 at 200 %).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
            combo.setToolTip(combo.currentText())
            combo.currentTextChanged.connect(combo.setToolTip)

        self.new_button = QPushButton(self.tr("New request"))
        self.new_button.setObjectName("newRfa")
        self.new_button.clicked.connect(self.new_request)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export log"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Log as PDF…"), lambda: self.export_log("pdf"))
        menu.addAction(self.tr("Log as CSV (Excel, HXL)…"), lambda: self.export_log("csv"))
        self.export_button.setMenu(menu)

        filters = QHBoxLayout()
        filters.addWidget(self.text_filter, 2)
        for combo in (self.status_filter, self.priority_filter, self.cluster_filter,
                      self.capability_filter):
            filters.addWidget(combo, 1)
        filters.addWidget(self.export_button)
        filters.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setObjectName("rfaTable")
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts by it at once.
        self.table.horizontalHeader().setSortIndicator(
            self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((105, 200, 110, 150, 115, 150, 90, 120, 115)):
            self.table.setColumnWidth(column, width)
        self.table.viewport().installEventFilter(self)  # a narrow list keeps its status
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("rfaCount")
        self.count_label.setStyleSheet("color: #5f6368;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.form = RfaForm(self.ctx)
        self.form.saved.connect(self._form_saved)
        self.form.deleted.connect(self._form_deleted)
        self.form.pdf_requested.connect(self.pdf_action)
        self.empty = QLabel(self.tr("Choose a request in the list, or draft a new one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.form)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("rfaSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        title = QLabel(self.tr("Requests for Assistance"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._keep_status_in_view()
        return super().eventFilter(watched, event)

    def _keep_status_in_view(self) -> None:
        """Narrow Title (to 60 px), then Priority (to 50 px; both show the rest in their
        tooltip), so that a narrow list still shows each request's Status, as on 1366×768 at
        125 %; widen them back (to their usual width) when there is room again."""
        status = column_of("status")
        usual = {column_of("title"): 200, column_of("priority"): 110}
        fixed = sum(self.table.columnWidth(c) for c in range(status + 1) if c not in usual)
        room = self.table.viewport().width() - fixed
        for column, smallest in ((column_of("title"), 60), (column_of("priority"), 50)):
            others = sum(self.table.columnWidth(c) for c in usual if c != column)
            width = self.table.columnWidth(column)
            if others + width > room or width < usual[column]:
                self.table.setColumnWidth(column, max(smallest, min(usual[column],
                                                                    room - others)))

    # Filter and list -------------------------------------------------------------------------

    def current_filter(self) -> RfaFilter:
        """What the filter bar asks for."""
        status = self.status_filter.currentData() or ""
        statuses = (tuple(s.value for s in RfaStatus if s not in FINAL) if status == OPEN
                    else (status,) if status else ())
        priority = self.priority_filter.currentData() or ""
        return RfaFilter(statuses=statuses, priorities=(priority,) if priority else (),
                         cluster=self.cluster_filter.currentData() or "",
                         capability=self.capability_filter.currentData() or "",
                         text=self.text_filter.text().strip())

    def apply_filter(self) -> None:
        """Read the list again for the filter bar (in the background)."""
        self._text_timer.stop()
        self.model.where = self.current_filter()
        self.model.refresh()
        self._save_filters()

    def _loaded(self) -> None:
        count = self.model.rowCount()
        described = self.model.where.describe()
        self.count_label.setText(self.tr("{0} requests · {1}").format(count, described))
        if self._wanted:
            self._select(self._wanted)

    def _select(self, rfa_id: str) -> None:
        position = self.model.position_of(rfa_id)
        if position is not None:
            self.table.selectRow(position)
            self.table.scrollTo(self.model.index(position, 0))
            self._wanted = ""

    def _row_changed(self, current: object, _previous: object) -> None:
        rfa_id = self.model.data(current, ID_ROLE)  # type: ignore[arg-type]
        if rfa_id and (self.form.state is None or self.form.state.rfa_id != rfa_id):
            self.show_rfa(rfa_id)

    def show_rfa(self, rfa_id: str, *, focus_title: bool = False) -> None:
        """Open one request in the form (at its top)."""
        self.right.setCurrentWidget(self.form)
        self.form.load(rfa_id, focus_title=focus_title)

    def open_item(self, item_id: str, *, kind: str = "rfa", query: str = "") -> None:
        """Open a request found by global search (selected in the list when it is there)."""
        if kind != "rfa":
            return
        self._wanted = item_id
        self._select(item_id)
        self.show_rfa(item_id)

    def _form_saved(self, rfa_id: str) -> None:
        if self.form.state is not None and not self.form.state.stored:
            self._wanted = rfa_id  # a new request's first save: select it once listed
        self.model.refresh()

    def _form_deleted(self, _rfa_id: str) -> None:
        self._wanted = ""  # a discarded new request is not selected when the list comes back
        self.right.setCurrentWidget(self.empty)
        self.model.refresh()

    def _on_changed(self, changes: frozenset[str]) -> None:
        if Change.RFA in changes or Change.ORGANISATION in changes:
            self.model.refresh()

    def _operation_changed(self, operation_id: str) -> None:
        self.form.flush()
        self.model.operation_id = operation_id
        self.model.where = self.current_filter()
        self.model.refresh()
        self.right.setCurrentWidget(self.empty)
        self.form.state = None
        self.new_button.setEnabled(bool(operation_id))
        self.export_button.setEnabled(bool(operation_id))

    def new_request(self) -> None:
        """Open a blank request in the form; it is stored (and takes its reference) only
        when the officer first types or chooses something, then selected in the list."""
        operation_id = self.ctx.current_operation_id
        if not operation_id:
            return
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.right.setCurrentWidget(self.form)
        self.form.new(operation_id)

    # PDFs ------------------------------------------------------------------------------------

    def page_size(self) -> str:
        """The paper size last chosen (A4 unless the officer chose US Letter)."""
        size = str(self.ctx.settings.value(SETTINGS + "page_size", "A4"))
        return size if size in PDF_FILTERS else "A4"

    def pdf_action(self, action: str, path: str = "") -> None:
        """Preview, save or print the form of the request shown."""
        if self.form.state is None:
            return
        state = self.form.state
        name = f"{state.reference}.pdf"
        if action == "save":
            if not path:
                path, chosen = choose_save_file(
                    self.ctx, self, title=self.tr("Save the request as PDF"), name=name,
                    filters=";;".join(pdf_filters().values()),
                    selected=pdf_filters()[self.page_size()])
                if not path:
                    return
                size = next((k for k, v in pdf_filters().items() if v == chosen), "A4")
                self.ctx.settings.setValue(SETTINGS + "page_size", size)
            self._build_pdf(state.rfa_id, self.page_size(), lambda data: self._write(
                data, path))
        elif action == "print":
            self._print(state.rfa_id)
        else:
            self._build_pdf(state.rfa_id, self.page_size(), lambda data: self._preview(
                data, name))

    def _build_pdf(self, rfa_id: str, page_size: str, then: object) -> None:
        lang = self.form.print_language.currentData() or None

        def build(session: Session, _p: object) -> bytes:
            document = load_rfa_document(session, rfa_id, lang=lang)
            return rfa_pdf(document, page_size=page_size, lang=lang)

        self.ctx.tasks.query(build, on_success=then, parent=self)  # type: ignore[arg-type]

    def _write(self, data: bytes, path: str) -> None:
        self.ctx.tasks.query(lambda _s, _p: write_atomically(path, data),
                             on_success=lambda written: self.form._say(
                                 self.tr("Saved {0}").format(written), alert=False),
                             parent=self)

    def _preview(self, data: bytes, name: str) -> None:
        if not HAVE_QT_PDF:
            self.ctx.tasks.query(lambda _s, _p: temporary_pdf(data, name),
                                 on_success=open_externally, parent=self)
            return
        self.preview = PdfPreview(data, title=self.tr("Preview — {0}").format(name), parent=self)
        self.preview.save_button.clicked.connect(lambda: self.pdf_action("save"))
        self.preview.print_button.clicked.connect(lambda: self.pdf_action("print"))
        self.preview.show()

    def _print(self, rfa_id: str) -> None:
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if self.page_size() == "Letter"
                                      else QPageSize.PageSizeId.A4))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer, rfa_id)

    def print_to(self, printer: object, rfa_id: str) -> None:
        """Build the form in the printer's paper size, send it, and say where it went."""
        from PySide6.QtGui import QPageSize

        paper = printer.pageLayout().pageSize().id()  # type: ignore[attr-defined]
        size = "Letter" if paper == QPageSize.PageSizeId.Letter else "A4"  # i18n: not shown

        def printed(data: bytes) -> None:
            if not HAVE_QT_PDF:  # no Qt PDF to render pages: the system viewer prints instead
                self.ctx.tasks.query(lambda _s, _p: temporary_pdf(data, "rfa.pdf"),
                                     on_success=open_externally, parent=self)
                return
            sent = print_pdf(data, printer, self)  # type: ignore[arg-type]
            if not sent.pages:
                self.form._say(self.tr("The printer could not be started; nothing was sent."))
                return
            self.form._say(self.tr("Sent %n page(s) to {0}.", "", sent.pages).format(
                sent.destination or self.tr("the printer")), alert=False)

        self._build_pdf(rfa_id, size, printed)

    # The log ---------------------------------------------------------------------------------

    def export_log(self, kind: str, path: str = "", page_size: str = "") -> None:
        """Write the RFA log (PDF or CSV) for the current filter and order."""
        operation_id = self.ctx.current_operation_id
        if not operation_id:
            return
        size = page_size or self.page_size()
        if not path:
            filters = ";;".join(pdf_filters().values()) if kind == "pdf" else self.tr(
                "CSV for Excel (*.csv)")
            path, chosen = choose_save_file(
                self.ctx, self, title=self.tr("Export the RFA log"), name=f"rfa-log.{kind}",
                filters=filters, selected=pdf_filters()[size] if kind == "pdf" else "")
            if not path:
                return
            size = next((k for k, v in pdf_filters().items() if v == chosen), size)
        if kind == "csv" and not path.lower().endswith(".csv"):
            path += ".csv"
        where, sort, descending = self.model.where, self.model.sort_key, self.model.descending
        progress = QProgressDialog(self.tr("Writing the RFA log…"), self.tr("Cancel"), 0, 100,
                                   self)
        progress.setObjectName("logProgress")
        progress.setMinimumDuration(400)
        task = self.ctx.tasks.query(
            lambda session, p: export_log(session, path, operation_id=operation_id, where=where,
                                          sort=sort, descending=descending, page_size=size,
                                          progress=p),
            on_success=lambda written: self._logged(progress, written),
            on_cancelled=progress.close,
            on_failure=lambda exc: self._log_failed(progress, exc),
            on_progress=lambda done, total, _m: progress.setValue(
                int(100 * done / max(total, 1))), parent=self)
        progress.canceled.connect(task.cancel)
        self.log_task = task

    def _logged(self, progress: QProgressDialog, written: object) -> None:
        progress.close()
        self.count_label.setText(self.tr("Log written to {0}").format(written))

    def _log_failed(self, progress: QProgressDialog, exc: BaseException) -> None:
        from ui.widgets.error_dialog import show_error

        progress.close()
        show_error(self, exc)

    # Settings --------------------------------------------------------------------------------

    def _restore(self) -> None:
        settings = self.ctx.settings
        for combo, key in self._filter_combos():
            index = combo.findData(str(settings.value(SETTINGS + key, "")))
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        splitter = settings.value(SETTINGS + "splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([520, 680])

    def _filter_combos(self) -> list[tuple[QComboBox, str]]:
        return [(self.status_filter, "status"), (self.priority_filter, "priority"),
                (self.cluster_filter, "cluster"), (self.capability_filter, "capability")]

    def _save_filters(self) -> None:
        for combo, key in self._filter_combos():
            self.ctx.settings.setValue(SETTINGS + key, combo.currentData() or "")
        self.ctx.settings.setValue(SETTINGS + "splitter", self.splitter.saveState())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._save_filters()
        super().hideEvent(event)


def make_rfa_screen(ctx: AppContext) -> RfaScreen:
    """The RFA section's screen."""
    return RfaScreen(ctx)
