"""The first-run dialog: who the officer is, then demo data or an empty start.

Escape (or closing the window) asks before quitting, since the application cannot start
without the officer; during a demo load it stops the load instead.

Both buttons first store the name and organisation (`save_officer`, which marks the first
run done); an empty field gets the core's sentence beneath it. "Load demo data" then runs
`fieldapp.demo.load_demo` in the background with a progress bar and a Cancel button (the
load is one transaction: a cancelled load leaves nothing behind).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationErrors
from fieldapp.services.settings import save_officer
from ui.context import EVERYTHING, AppContext, Change
from ui.help.screen_fit import available_area, keep_inside
from ui.tasks import Task
from ui.widgets.error_dialog import show_error
from ui.widgets.field_errors import FieldErrors, grow_to_fit
from ui.widgets.form_layout import form_layout


class FirstRunDialog(QDialog):
    """Accepted once the officer is stored (and the demo loaded, if asked for)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.ctx = ctx
        self.errors = FieldErrors()
        self.demo_operation_id = ""
        self.demo_task: Task[str] | None = None
        self.quit_question: QMessageBox | None = None  # asked on Escape, while it is open
        self.setWindowTitle(self.tr("Welcome to CMCoord Field Kit"))
        self.setMinimumWidth(540)

        heading = QLabel(self.tr("Welcome"))
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        intro = QLabel(self.tr(
            "Field Kit keeps the handbook, your operation's contacts, the asset directory, "
            "requests for assistance and lessons observed on this laptop, and works "
            "without a connection. Tell it who you are: your name and organisation go on "
            "every form you print and in every change you record."))
        intro.setWordWrap(True)

        self.name = QLineEdit()
        self.name.setObjectName("officerName")
        self.organisation = QLineEdit()
        self.organisation.setObjectName("officerOrganisation")
        self.organisation.setPlaceholderText(self.tr("e.g. OCHA"))
        form = form_layout()
        form.addRow(self.tr("Your name:"), self.errors.wrap("name", self.name))
        form.addRow(self.tr("Organisation:"), self.errors.wrap("organisation", self.organisation))
        self.name.textEdited.connect(lambda _t: self.errors.clear("name"))
        self.organisation.textEdited.connect(lambda _t: self.errors.clear("organisation"))

        choice = QLabel(self.tr(
            "Then start with the demo — a fictional cyclone response with contacts, "
            "assets, requests and lessons to try things on — or with an empty profile "
            "where you create your own operation."))
        choice.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.demo_button.setObjectName("loadDemoButton")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(lambda: self.submit(load_demo=True))
        self.empty_button = QPushButton(self.tr("Start empty"))
        self.empty_button.setObjectName("startEmptyButton")
        self.empty_button.clicked.connect(lambda: self.submit(load_demo=False))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.demo_button)

        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelDemoButton")
        self.cancel_button.clicked.connect(self.cancel_demo)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        progress_layout = QVBoxLayout(self.progress_box)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addLayout(progress_row)
        self.progress_box.hide()

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(choice)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_box)
        self.name.setFocus()  # the officer starts typing at once

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():  # grown after it was placed: keep all of it on screen
            keep_inside(self, available_area(self))

    def submit(self, *, load_demo: bool) -> None:
        """Store the officer; then load the demo or close."""
        name, organisation = self.name.text(), self.organisation.text()
        self.errors.clear()
        self._busy(True)
        self.ctx.tasks.write(
            lambda session, _p: save_officer(session, name=name, organisation=organisation),
            changes={Change.SETTINGS},
            on_success=lambda _officer: self._officer_saved(load_demo),
            on_failure=self._officer_failed,
            parent=self,
        )

    def _officer_saved(self, load_demo: bool) -> None:
        if not load_demo:
            self.accept()
            return
        from fieldapp.demo import load_demo as load

        self.progress.setRange(0, 0)  # busy until the first report says how much
        self.progress_label.setText(self.tr("Loading the demo operation…"))
        self.progress_box.show()
        grow_to_fit(self)
        self.demo_task = self.ctx.tasks.write_database(
            lambda db, progress: load(db, progress=progress),
            changes=EVERYTHING,
            on_success=self._demo_loaded,
            on_failure=self._demo_failed,
            on_cancelled=self._demo_cancelled,
            on_progress=self._demo_progress,
            parent=self,
        )

    def _officer_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ValidationErrors):
            self.errors.show(exc)
            grow_to_fit(self)
        else:
            show_error(self, exc)

    def _demo_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if message:
            self.progress_label.setText(message)

    def _demo_loaded(self, operation_id: str) -> None:
        self.demo_operation_id = operation_id
        self.ctx.set_current_operation_id(operation_id)
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        self._demo_stopped()
        show_error(self, exc)

    def _demo_cancelled(self) -> None:
        self._demo_stopped()
        self.progress_label.setText(self.tr("Demo loading cancelled; nothing was added."))
        self.progress_box.show()
        self.progress.hide()
        self.cancel_button.hide()

    def _demo_stopped(self) -> None:
        self.demo_task = None
        self.progress_box.hide()
        self._busy(False)

    def cancel_demo(self) -> None:
        """Stop a demo load under way."""
        if self.demo_task is not None:
            self.cancel_button.setEnabled(False)
            self.demo_task.cancel()

    def _busy(self, busy: bool) -> None:
        for widget in (self.name, self.organisation, self.demo_button, self.empty_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.show()
        self.cancel_button.show()
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def reject(self) -> None:
        """Escape or the window's close button: stop a demo load under way, else ask
        before quitting — without the officer's name the application cannot start."""
        if self.demo_task is not None:
            self.cancel_demo()
            return
        if self.quit_question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit CMCoord Field Kit?"),
                          self.tr("Field Kit needs your name and organisation before it "
                                  "starts. Quit now and it will ask again next time?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("quitQuestion")
        self.quit_button = box.addButton(self.tr("Quit"),
                                         QMessageBox.ButtonRole.DestructiveRole)
        self.back_button = box.addButton(self.tr("Back to the welcome"),
                                         QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.back_button)  # Enter or Escape again: nothing is lost
        box.setEscapeButton(self.back_button)
        box.finished.connect(lambda _result: self._answered(box))
        self.quit_question = box
        box.open()

    def _answered(self, box: QMessageBox) -> None:
        self.quit_question = None
        if box.clickedButton() is self.quit_button:
            super().reject()
        else:
            self.name.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)  # QDialog: reject(), which asks; open if not quitting
