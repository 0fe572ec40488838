"""The new recovery key, shown once at start-up after a key is made (ui/app.py `KeyStep`).

It says in two sentences what the key is for and where to keep it, shows it large in a
monospace font (selectable), and offers Print… (the one-page sheet of
`fieldapp.pdf.recovery_sheet`, printed as RFAs are) and Save… (that PDF, or a .txt).
Continue needs "I have kept the recovery key" ticked; Later (or Escape) asks once to
confirm, since without the key a lost passphrase or keyring means lost data.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.keys import RecoveryKey
from ui.widgets.error_dialog import show_error

if TYPE_CHECKING:
    from fieldapp.progress import Progress
    from ui.tasks import Task, TaskRunner

DIALOG_WIDTH = 560


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class RecoveryKeyDialog(QDialog):
    """Shows a new recovery key; accepted by Continue (`kept` True) or Later (False)."""

    def __init__(self, recovery: RecoveryKey, *, profile_folder: Path, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self.recovery = recovery
        self.profile_folder = profile_folder
        self.tasks = tasks
        self.kept = False
        self.saved_to: Path | None = None
        self.later_question: QMessageBox | None = None
        intro = _wrapped(self.tr(
            "This recovery key opens your data if the passphrase is forgotten or the "
            "system keyring is lost. Keep it on paper or a USB stick, away from the "
            "laptop."))
        self.key_label = QLabel(recovery.text)
        self.key_label.setObjectName("recoveryKey")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setStyleSheet(
            "QLabel { background: #f5f8fb; border: 1px solid #b8c4d0; padding: 12px; }")
        self.key_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printRecoveryButton")
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setObjectName("saveRecoveryButton")
        self.save_button.clicked.connect(self.save)
        save_note = _wrapped(self.tr(
            "Save writes a plain file (PDF or text) for a USB stick you keep away from "
            "the laptop, not on it."))
        self.status = _wrapped("")
        self.status.setObjectName("recoveryStatus")
        # Its two lines are there from the start: a message never makes the dialog grow.
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 2 + 2)
        outputs = QHBoxLayout()
        outputs.addWidget(self.print_button)
        outputs.addWidget(self.save_button)
        outputs.addStretch(1)
        self.kept_box = QCheckBox(self.tr("I have kept the recovery key"))
        self.kept_box.setObjectName("keptRecoveryKey")
        self.later_button = QPushButton(self.tr("Later"))
        self.later_button.setObjectName("laterButton")
        self.later_button.clicked.connect(self.later)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._continue)
        self.kept_box.toggled.connect(self.continue_button.setEnabled)
        self.kept_box.toggled.connect(lambda on: self.continue_button.setDefault(on))
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        around_outputs = QVBoxLayout()  # the buttons and what they say, kept together
        around_outputs.setSpacing(4)
        around_outputs.addLayout(outputs)
        around_outputs.addWidget(save_note)
        around_outputs.addWidget(self.status)
        layout.addLayout(around_outputs)
        layout.addStretch(1)  # any height to spare goes here, not between the parts
        layout.addWidget(self.kept_box)
        layout.addLayout(buttons)

    def _sheet(self, _progress: Progress | None = None) -> bytes:
        from fieldapp.pdf.recovery_sheet import recovery_sheet_pdf

        return recovery_sheet_pdf(self.recovery.text,  # type: ignore[return-value]
                                  profile_folder=self.profile_folder)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def print_sheet(self) -> None:
        """Choose a printer, then print the one-page recovery sheet on it."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: object) -> Task[bytes]:
        """Build the sheet in the background and send it to `printer` (as RFAs are)."""
        return self.tasks.plain(self._sheet, on_success=lambda data: self._printed(data, printer),
                                parent=self)

    def _printed(self, data: bytes, printer: object) -> None:
        from ui.widgets.pdf_preview import (
            HAVE_QT_PDF,
            open_externally,
            print_pdf,
            temporary_pdf,
        )

        if not HAVE_QT_PDF:  # no Qt PDF to render pages: the system viewer prints instead
            open_externally(temporary_pdf(data, "recovery-key.pdf"))
            return
        sent = print_pdf(data, printer, self)  # type: ignore[arg-type]
        if sent.pages:
            self._say(self.tr("Sent to {0}.").format(sent.destination))
        else:
            self._say(self.tr("The printer could not be started; nothing was sent."))

    def save(self) -> None:
        """Ask where, then write the sheet there (PDF, or text for a .txt name)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key (a plain file: keep it away from the laptop)"),
            str(Path.home() / "field-kit-recovery-key.pdf"),
            self.tr("PDF document (*.pdf);;Text file (*.txt)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> Task[None]:
        """Write the sheet to `path` in the background: text when it ends in .txt."""
        from fieldapp.files import write_atomically
        from fieldapp.pdf.recovery_sheet import recovery_sheet_text

        text = path.suffix.lower() == ".txt"
        recovery, folder = self.recovery.text, self.profile_folder

        def write(_progress: Progress) -> None:
            data = (recovery_sheet_text(recovery, profile_folder=folder).encode("utf-8")
                    if text else self._sheet())
            write_atomically(path, data)

        return self.tasks.plain(write, on_success=lambda _none: self._saved(path),
                                on_failure=lambda exc: show_error(self, exc), parent=self)

    def _saved(self, path: Path) -> None:
        self.saved_to = path
        self._say(self.tr("Saved to {0}. Move it off this laptop.").format(path))

    def _continue(self) -> None:
        self.kept = True
        self.accept()

    def later(self) -> None:
        """Go on without keeping the key, once the officer confirms it."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Continue without the recovery key?"),
                          self.tr("Without the recovery key, a forgotten passphrase or a "
                                  "lost keyring means your data is lost for good."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("laterQuestion")
        self.without_button = box.addButton(self.tr("Continue without it"),
                                            QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(self.tr("Back to the key"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.finished.connect(lambda _r: self._later_answered(box))
        self.later_question = box
        box.open()

    def _later_answered(self, box: QMessageBox) -> None:
        self.later_question = None
        if box.clickedButton() is self.without_button:
            self.kept = False
            self.accept()

    def reject(self) -> None:
        """Escape or the close button: the same as Later (the key is shown only now)."""
        if self.later_question is None:
            self.later()
