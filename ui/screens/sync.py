"""The sync screen: enroll this laptop with HQ, sync now (with progress and cancel) or
automatically, see what waits to be sent, resolve conflicts side by side, act on what HQ
held and on rows from HQ this laptop could not apply, read the log.

The work is `sync.client`'s, run by the application's `SyncController` (ctx.sync) on the
network thread; this screen only shows its state and asks it to act. The controller reads
the whole state in the background after every sync, enrollment and (debounced) local
change, and hands the same read to the status bar and to this screen, so the two always
agree; the screen never reads the state on its own.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError, ValidationErrors
from sync.releases import Release
from ui.context import EVERYTHING, AppContext, Change
from ui.models.sync_state import (
    ENTITY_NAMES,
    ConflictView,
    SyncScreenState,
    field_label,
    local_time,
    size_text,
)
from ui.release_notice import RELEASE_STYLE, release_html
from ui.sync_controller import SyncView
from ui.widgets.field_errors import FieldErrors
from ui.widgets.form_layout import form_layout
from ui.widgets.held_lists import HeldChangesPanel, HeldRowsPanel

NOTE_STYLE = "color: #555;"
ALERT_STYLE = "color: #b3261e;"


WARNING_STYLE = "color: #8a4b00;"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def readable_on_the_link(url: str) -> bool:
    """The address is plain http:// to another machine: the enrollment code and the device
    token would cross the link readable by anyone on it (this laptop itself is exempt)."""
    text = url.strip()
    if not text.lower().startswith("http://"):
        return False  # https://, or a bare name (sync.client makes it https://)
    host = (urlsplit(text).hostname or "").lower()
    if not host or host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True  # a name: it is reached over the network


def _enroll(url: str, code: str) -> Any:
    def work(db: Any, _progress: Any) -> Any:
        from sync.client import enroll

        return enroll(db, url, code)

    return work


def _resolve(conflict_id: str, choice: str, value: str | None) -> Any:
    def work(session: Any, _progress: Any) -> None:
        from sync.client import resolve_conflict

        resolve_conflict(session, conflict_id, choice=choice, value=value)

    return work


def _readonly_text(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setMaximumHeight(90)
    return box


class SyncScreen(QWidget):
    """Enrollment, sync now, pending changes, conflicts, held changes and rows, the log."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncScreen")
        self.ctx = ctx
        self.controller = ctx.sync
        self.state: SyncScreenState | None = None
        self.conflicts: list[ConflictView] = []
        self.errors = FieldErrors()
        self._tab_chosen = False

        title = QLabel(self.tr("Sync with HQ"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        top = QHBoxLayout()
        top.addWidget(self._enrollment_group(), 1)
        top.addWidget(self._sync_group(), 1)
        layout.addLayout(top)
        self.held_changes = HeldChangesPanel(ctx)
        self.held_rows = HeldRowsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.tabs.addTab(self._conflicts_group(), self.tr("Conflicts"))
        self.tabs.addTab(self.held_changes, self.tr("Held by HQ"))
        self.tabs.addTab(self.held_rows, self.tr("Not applied from HQ"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self._log_group())
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 170])  # scaled to the room there is: the log keeps 3 rows
        layout.addWidget(splitter, 1)

        self.controller.started.connect(self._sync_started)
        self.controller.progressed.connect(self._sync_progressed)
        self.controller.finished.connect(self._sync_finished)
        self.controller.view_changed.connect(self._view_changed)
        self._show_busy(self.controller.busy)
        self._view_changed(self.controller.view)
        self.reload()

    # Layout -----------------------------------------------------------------------------

    def _enrollment_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("This laptop and HQ"))
        self.enrolled_label = QLabel()
        self.enrolled_label.setObjectName("enrolledLabel")
        self.enrolled_label.setWordWrap(True)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("hqUrl")
        self.url_edit.setPlaceholderText("https://hq.example.org")
        self.url_edit.textChanged.connect(self._address_changed)
        self.http_warning = QLabel(self.tr(
            "This address is plain http://, not https://: the enrollment code and this "
            "laptop's access token would cross the link readable by anyone on it (hotel "
            "Wi-Fi, a shared satellite terminal). Use https:// unless HQ told you otherwise."))
        self.http_warning.setObjectName("httpWarning")
        self.http_warning.setWordWrap(True)
        self.http_warning.setStyleSheet(WARNING_STYLE)
        self.http_confirm = QCheckBox(self.tr("Enroll over plain http:// anyway"))
        self.http_confirm.setObjectName("httpConfirm")
        self.http_warning.hide()
        self.http_confirm.hide()
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("enrollCode")
        self.code_edit.setPlaceholderText(self.tr("one-time code from HQ"))
        self.enroll_button = QPushButton(self.tr("Enroll"))
        self.enroll_button.setObjectName("enrollButton")
        self.enroll_button.clicked.connect(self.enroll)
        self.code_edit.returnPressed.connect(self.enroll)
        self.enroll_message = QLabel()
        self.enroll_message.setObjectName("enrollMessage")
        self.enroll_message.setWordWrap(True)
        form = form_layout()
        form.addRow(self.tr("HQ address:"), self.errors.wrap("hq_url", self.url_edit))
        form.addRow("", self.http_warning)
        form.addRow("", self.http_confirm)
        form.addRow(self.tr("Enrollment code:"), self.errors.wrap("code", self.code_edit))
        box = QVBoxLayout(group)
        box.addWidget(self.enrolled_label)
        box.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.enroll_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.enroll_message)
        box.addStretch(1)
        return group

    def _sync_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sync"))
        self.state_label = QLabel()
        self.state_label.setObjectName("syncStateLabel")
        self.state_label.setWordWrap(True)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.setWordWrap(True)
        self.archived_label = QLabel()
        self.archived_label.setObjectName("archivedLabel")
        self.archived_label.setWordWrap(True)
        self.archived_label.setStyleSheet(NOTE_STYLE)
        self.archived_label.hide()
        self.release_label = QLabel()  # a newer version HQ announced (issue 19)
        self.release_label.setObjectName("releaseLabel")
        self.release_label.setWordWrap(True)
        self.release_label.setTextFormat(Qt.TextFormat.RichText)
        self.release_label.setOpenExternalLinks(True)  # the browser, if the officer wants
        self.release_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)
        self.release_label.setStyleSheet(RELEASE_STYLE)
        self.release_label.hide()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.controller.sync_now)
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("syncMessage")
        self.progress_label.setWordWrap(True)
        self.auto_check = QCheckBox(self.tr("Sync automatically every few minutes when a "
                                            "link exists"))
        self.auto_check.setObjectName("autoSync")
        self.auto_check.setChecked(self.controller.automatic)
        self.auto_check.toggled.connect(self.controller.set_automatic)
        box = QVBoxLayout(group)
        box.addWidget(self.release_label)
        box.addWidget(self.state_label)
        box.addWidget(self.pending_label)
        box.addWidget(self.archived_label)
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)  # keeps the buttons on the left while the progress bar is hidden
        box.addLayout(row)
        box.addWidget(self.progress_label)
        box.addWidget(self.auto_check)
        box.addStretch(1)
        return group

    def _conflicts_group(self) -> QWidget:
        group = QWidget()
        group.setObjectName("conflicts")
        self.conflicts_note = QLabel()
        self.conflicts_note.setObjectName("conflictsNote")
        self.conflicts_note.setWordWrap(True)
        self.conflicts_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.conflict_table = QTableWidget(0, 3)
        self.conflict_table.setObjectName("conflictTable")
        self.conflict_table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Record"), self.tr("Field")])
        self.conflict_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.conflict_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.conflict_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflict_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.verticalHeader().hide()
        self.conflict_table.itemSelectionChanged.connect(self._show_conflict)
        self.mine_text = _readonly_text("mineValue")
        self.hq_text = _readonly_text("hqValue")
        self.edit_text = QPlainTextEdit()
        self.edit_text.setObjectName("editedValue")
        self.edit_text.setMaximumHeight(90)
        self.keep_mine = QPushButton(self.tr("Keep mine"))
        self.keep_mine.setObjectName("keepMine")
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_hq = QPushButton(self.tr("Keep HQ's"))
        self.keep_hq.setObjectName("keepHq")
        self.keep_hq.clicked.connect(lambda: self.resolve("hq"))
        self.use_edit = QPushButton(self.tr("Use my edit"))
        self.use_edit.setObjectName("useEdit")
        self.use_edit.clicked.connect(lambda: self.resolve("edit"))

        sides = QHBoxLayout()
        for caption, text, button in ((self.tr("Mine (this laptop)"), self.mine_text,
                                       self.keep_mine),
                                      (self.tr("HQ's (in place until you decide)"),
                                       self.hq_text, self.keep_hq),
                                      (self.tr("Or write the value to keep"), self.edit_text,
                                       self.use_edit)):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(text)
            column.addWidget(button)
            sides.addLayout(column, 1)
        self.conflict_detail = QWidget()
        self.conflict_detail.setLayout(sides)
        box = QVBoxLayout(group)
        box.addWidget(self.conflicts_note)
        box.addWidget(self.conflict_table, 1)
        box.addWidget(self.conflict_detail)
        return group

    def _log_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Past syncs"))
        self.log_table = QTableWidget(0, 7)
        self.log_table.setObjectName("syncLog")
        self.log_table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Result"), self.tr("Sent"), self.tr("Received"),
             self.tr("Data up / down"), self.tr("Duration"), self.tr("Message")])
        self.log_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.log_table.horizontalHeader().setStretchLastSection(True)
        self.log_table.verticalHeader().hide()
        box = QVBoxLayout(group)
        box.addWidget(self.log_table)
        return group

    # State ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Have the controller read the sync state again (in the background); the status
        bar and this screen then show the new state together."""
        self.controller.refresh_status()

    def _view_changed(self, view: SyncView) -> None:
        if view.state is not None:
            self._show_state(view.state, view.problem, view.last_sync)

    def _show_state(self, state: SyncScreenState, problem: str, last: str) -> None:
        self.state = state
        status = state.status
        if status.enrolled:
            where = (self.tr("in the system keyring") if status.token_storage == "keyring"
                     else self.tr("in the encrypted database (no system keyring was "
                                  "available)"))
            self.enrolled_label.setText(
                self.tr("Enrolled with {0} as {1}. The access token is kept {2}. To move "
                        "this laptop to another HQ or officer, enroll again with a new code.")
                .format(status.hq_url, status.officer_name, where))
            if not self.url_edit.text():
                self.url_edit.setText(status.hq_url)
        else:
            self.enrolled_label.setText(
                self.tr("Not enrolled yet. Ask HQ for an enrollment code, then enter HQ's "
                        "address and the code. Until then everything stays on this laptop."))
        self._show_busy(self.controller.busy)
        if problem:
            last += " " + self.tr("Last attempt failed: {0}").format(problem)
        self.state_label.setText(last)
        self.state_label.setStyleSheet(ALERT_STYLE if problem else "")
        self._show_pending(status.pending)
        self._show_archived(list(status.archived_operations))
        self._show_release(state.release)
        self._show_conflicts(state.conflicts)
        self.held_changes.show_changes(state.held, status.held, state.names)
        self.held_rows.show_rows(state.held_rows)
        self._show_tab_counts(len(state.conflicts), status.held, len(state.held_rows))
        self._show_log(state.log)

    def _show_pending(self, pending: dict[str, int]) -> None:
        if not pending:
            self.pending_label.setText(self.tr("Nothing waiting to be sent."))
            return
        parts = [f"{self.tr(ENTITY_NAMES.get(entity, entity))}: {count}"
                 for entity, count in sorted(pending.items())]
        self.pending_label.setText(
            self.tr("Waiting to be sent ({0}): {1}").format(sum(pending.values()),
                                                            ", ".join(parts)))

    def _show_release(self, release: Release | None) -> None:
        self.release_label.setVisible(release is not None)
        self.release_label.setText(release_html(release) if release is not None else "")

    def _show_archived(self, names: list[str]) -> None:
        if names:
            self.archived_label.setText(self.tr(
                "No longer assigned to you at HQ: {0}. Their records stay readable on this "
                "laptop and no longer sync.").format(", ".join(names)))
        self.archived_label.setVisible(bool(names))

    def _show_tab_counts(self, conflicts: int, held: int, held_rows: int) -> None:
        counts = (conflicts, held, held_rows)
        titles = (self.tr("Conflicts"), self.tr("Held by HQ"), self.tr("Not applied from HQ"))
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, f"{title} ({count})" if count else title)
        if not self._tab_chosen:  # the first time: open on what needs the officer, if any
            self._tab_chosen = True
            first = next((i for i, count in enumerate(counts) if count), 0)
            self.tabs.setCurrentIndex(first)

    def _show_conflicts(self, conflicts: list[ConflictView]) -> None:
        selected = self._selected_conflict()
        self.conflicts = conflicts
        table = self.conflict_table
        table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            for column, text in enumerate(
                    (self.tr(ENTITY_NAMES.get(conflict.entity, conflict.entity)),
                     conflict.record, field_label(conflict.field))):
                table.setItem(row, column, QTableWidgetItem(text))
        if conflicts:
            self.conflicts_note.setText(
                self.tr("%n change(s) were made differently here and at HQ. HQ's value is in "
                        "place until you decide; both are shown below.", "", len(conflicts)))
            self.conflicts_note.setStyleSheet(ALERT_STYLE)
            ids = [c.id for c in conflicts]
            table.selectRow(ids.index(selected.id) if selected and selected.id in ids else 0)
        else:
            self.conflicts_note.setText(self.tr("No conflicts."))
            self.conflicts_note.setStyleSheet(NOTE_STYLE)
        self.conflict_table.setVisible(bool(conflicts))
        self.conflict_detail.setVisible(bool(conflicts))
        self._show_conflict()

    def _selected_conflict(self) -> ConflictView | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _show_conflict(self) -> None:
        conflict = self._selected_conflict()
        self.mine_text.setPlainText(conflict.mine if conflict else "")
        self.hq_text.setPlainText(conflict.hq if conflict else "")
        self.edit_text.setPlainText(conflict.mine if conflict else "")
        for button in (self.keep_mine, self.keep_hq, self.use_edit):
            button.setEnabled(conflict is not None)

    def _show_log(self, log: list[dict[str, Any]]) -> None:
        results = {"ok": self.tr("Done"), "error": self.tr("Failed"),
                   "cancelled": self.tr("Cancelled")}
        self.log_table.setRowCount(len(log))
        for row, entry in enumerate(log):  # newest first, as sync.client gives them
            result = results.get(entry.get("result", ""), entry.get("result", ""))
            held = entry.get("held", 0) + entry.get("held_rows", 0)
            if held:
                result = self.tr("{0} · {1} held").format(result, held)
            cells = (local_time(entry.get("at")), result,
                     str(entry.get("pushed", 0)), str(entry.get("pulled", 0)),
                     f"{size_text(entry.get('bytes_up', 0))} / "
                     f"{size_text(entry.get('bytes_down', 0))}",
                     f"{entry.get('seconds', 0):.1f} s", entry.get("message", ""))
            for column, text in enumerate(cells):
                self.log_table.setItem(row, column, QTableWidgetItem(text))
        for column in range(self.log_table.columnCount() - 1):
            self.log_table.resizeColumnToContents(column)

    # Actions ----------------------------------------------------------------------------

    def enroll(self) -> None:
        """Trade the code for a device token, in the background."""
        self.errors.clear()
        url, code = self.url_edit.text().strip(), self.code_edit.text().strip()
        problems = []
        if not url:
            problems.append(ValidationError("hq_url", self.tr(
                "Enter HQ's address, for example https://hq.example.org.")))
        elif readable_on_the_link(url) and not self.http_confirm.isChecked():
            problems.append(ValidationError("hq_url", self.tr(
                "Plain http:// is readable on the link: use https://, or tick the box "
                "below to enroll anyway.")))
        if not code:
            problems.append(ValidationError("code", self.tr(
                "Enter the one-time enrollment code HQ gave you.")))
        if problems:
            self.errors.show(ValidationErrors(problems))
            return
        self.enroll_button.setEnabled(False)
        self.enroll_message.setStyleSheet(NOTE_STYLE)
        self.enroll_message.setText(self.tr("Contacting HQ…"))
        self.ctx.tasks.network(_enroll(url, code), changes={Change.SETTINGS},
                               on_success=self._enrolled, on_failure=self._enroll_failed,
                               parent=self)

    def _address_changed(self, url: str) -> None:
        # Warn while the officer types, before anything is sent; a new address asks again.
        readable = readable_on_the_link(url)
        self.http_confirm.setChecked(False)
        self.http_warning.setVisible(readable)
        self.http_confirm.setVisible(readable)

    def _enrolled(self, enrollment: Any) -> None:
        self.enroll_button.setEnabled(True)
        self.code_edit.clear()
        self.enroll_message.setStyleSheet(NOTE_STYLE)
        self.enroll_message.setText(
            self.tr("Enrolled as {0}. The first sync brings your operations from HQ.")
            .format(enrollment.officer_name))
        self.controller.enrolled()  # re-reads the state, and the screen with it

    def _enroll_failed(self, exc: BaseException) -> None:
        self.enroll_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show(ValidationErrors([exc]))
            self.enroll_message.clear()
            return
        self.enroll_message.setStyleSheet(ALERT_STYLE)
        self.enroll_message.setText(getattr(exc, "message", str(exc)))

    def resolve(self, choice: str) -> None:
        """Close the selected conflict with the officer's choice (sent with the next sync)."""
        conflict = self._selected_conflict()
        if conflict is None:
            return
        value = self.edit_text.toPlainText() if choice == "edit" else None
        for button in (self.keep_mine, self.keep_hq, self.use_edit):
            button.setEnabled(False)
        self.ctx.tasks.write(_resolve(conflict.id, choice, value), changes=EVERYTHING,
                             on_success=lambda _none: self.controller.refresh_status(),
                             on_failure=self._resolve_failed, parent=self)

    def _resolve_failed(self, exc: BaseException) -> None:
        self.conflicts_note.setStyleSheet(ALERT_STYLE)
        self.conflicts_note.setText(getattr(exc, "message", str(exc)))
        self.reload()

    # Sync progress ----------------------------------------------------------------------

    def _show_busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy and bool(self.state and self.state.status.enrolled))
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)

    def _sync_started(self) -> None:
        self._show_busy(True)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress_label.setStyleSheet(NOTE_STYLE)
        self.progress_label.setText(self.tr("Connecting to HQ…"))

    def _sync_progressed(self, done: int, total: int, message: str) -> None:
        if total <= 0:  # a count whose end is not known (rows still coming from HQ)
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.progress_label.setText(message)

    def _sync_finished(self, outcome: str, message: str) -> None:
        self._show_busy(False)
        self.progress_label.setStyleSheet(ALERT_STYLE if outcome == "error" else NOTE_STYLE)
        self.progress_label.setText(message)  # the controller re-reads the state next

    def open_item(self, item_id: str, *, kind: str, query: str = "") -> None:
        """Nothing from global search opens here."""
