"""The dialogs of the profile's key, met at start-up (ui/app.py `KeyStep` runs them):

- `ChoosePassphraseDialog`: where no keyring keeps the key, the officer chooses a
  passphrase (twice; the core's rule shown beside the field as they type), and the key is
  made in the background;
- (`ui/screens/recovery_key.py`: the new recovery key, to print or save;)
- `UnlockDialog`: the passphrase (or the recovery key) that opens an encrypted profile,
  checked in the background (argon2id takes about 0.1 s);
- `EncryptDialog`: a profile from an earlier version encrypted in the background, with a
  progress bar and Cancel.

Quit (or Escape) in the first and third rejects the dialog: the application quits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.keys import (
    DatabaseKey,
    ProfileKeys,
    RecoveryKey,
    WrongPassphraseError,
    passphrase_problem,
)
from fieldapp.paths import ProfilePaths
from ui.widgets.error_dialog import show_error
from ui.widgets.field_errors import FieldErrors, LiveFieldErrors
from ui.widgets.form_layout import form_layout

if TYPE_CHECKING:
    from fieldapp.encrypt import Encrypted
    from fieldapp.progress import Progress
    from ui.tasks import Task, TaskRunner

DIALOG_WIDTH = 520


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _busy(dialog: QDialog, busy: bool, widgets: list[QWidget]) -> None:
    for widget in widgets:
        widget.setEnabled(not busy)
    dialog.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)


class ChoosePassphraseDialog(QDialog):
    """Accepted once a key wrapped under the chosen passphrase is made: `created` holds
    (database key, recovery key)."""

    def __init__(self, keys: ProfileKeys, tasks: TaskRunner,
                 parent: QWidget | None = None, *, portable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("choosePassphraseDialog")
        self.setWindowTitle(self.tr("Choose a passphrase"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self.keys = keys
        self.tasks = tasks
        self.created: tuple[DatabaseKey, RecoveryKey] | None = None
        self.errors = LiveFieldErrors()
        intro = _intro(self.tr(
            "Field Kit runs from this folder or USB stick and keeps your data beside it, "
            "encrypted. A computer's keyring cannot follow the stick, so a passphrase of "
            "yours protects the data: you will type it each time Field Kit starts.")
            if portable else self.tr(
            "Field Kit encrypts your data on this laptop. This computer has no keyring to "
            "keep the key, so a passphrase of yours protects it: you will type it each "
            "time Field Kit starts."))
        self.passphrase = self._field("newPassphrase")
        self.repeat = self._field("repeatPassphrase")
        form = form_layout()
        form.addRow(self.tr("Passphrase:"), self.errors.wrap("passphrase", self.passphrase,
                                                            lines=2))
        form.addRow(self.tr("Passphrase again:"), self.errors.wrap("repeat", self.repeat))
        self.passphrase.textEdited.connect(self._check_live)
        self.repeat.textEdited.connect(self._check_live)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.reject)
        self.ok_button = QPushButton(self.tr("Set passphrase"))
        self.ok_button.setObjectName("setPassphraseButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.passphrase.setFocus()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _check_live(self) -> None:
        """The rule beside the first field as the officer types; a mismatch only once the
        second is as long as the first."""
        typed, again = self.passphrase.text(), self.repeat.text()
        problems = {}
        problem = passphrase_problem(typed) if typed else None
        if problem:
            problems["passphrase"] = problem
        if again and len(again) >= len(typed) and again != typed:
            problems["repeat"] = self.tr("The two passphrases differ.")
        self.errors.mark([ValidationError(field, text) for field, text in problems.items()])

    def problems(self) -> dict[str, str]:
        """What stops the passphrase from being used, by field."""
        typed = self.passphrase.text()
        found = {}
        problem = passphrase_problem(typed)
        if problem:
            found["passphrase"] = problem
        if self.repeat.text() != typed:
            found["repeat"] = self.tr("The two passphrases differ; type it again.")
        return found

    def submit(self) -> None:
        """Make the key under the passphrase (in the background), or mark what is wrong."""
        problems = self.problems()
        self.errors.mark([ValidationError(field, text) for field, text in problems.items()])
        if problems:
            self.errors.focus_first()
            return
        passphrase = self.passphrase.text()
        keys = self.keys
        self._set_busy(True)
        self.tasks.plain(lambda _p: keys.create(passphrase), on_success=self._created,
                         on_failure=self._failed, parent=self)

    def _created(self, created: tuple[DatabaseKey, RecoveryKey]) -> None:
        self.created = created
        self._set_busy(False)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        _busy(self, busy, [self.passphrase, self.repeat, self.ok_button, self.quit_button])


class UnlockDialog(QDialog):
    """Accepted once the passphrase or recovery key typed opens the profile: `key`."""

    def __init__(self, keys: ProfileKeys, tasks: TaskRunner, *, has_passphrase: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Open your data"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self.keys = keys
        self.tasks = tasks
        self.has_passphrase = has_passphrase
        self.key: DatabaseKey | None = None
        self.errors = FieldErrors()
        self.intro = _intro("")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery = QLineEdit()
        self.recovery.setObjectName("unlockRecoveryKey")
        self.recovery.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery.setPlaceholderText("ABCD-EFGH-…")  # i18n: not shown - the key's shape
        self.form = form_layout()
        self.form.addRow(self.tr("Passphrase:"),
                         self.errors.wrap("passphrase", self.passphrase, lines=2))
        self.form.addRow(self.tr("Recovery key:"),
                         self.errors.wrap("recovery", self.recovery, lines=2))
        self.passphrase.textEdited.connect(lambda _t: self.errors.clear("passphrase"))
        self.recovery.textEdited.connect(lambda _t: self.errors.clear("recovery"))
        self.switch_button = QPushButton(self.tr("Use the recovery key instead"))
        self.switch_button.setObjectName("useRecoveryButton")
        self.switch_button.setFlat(True)
        self.switch_button.setStyleSheet("QPushButton { color: #1f5a96; text-decoration: "
                                         "underline; text-align: left; }")
        self.switch_button.clicked.connect(lambda: self.use_recovery(not self.using_recovery))
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.reject)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        self.using_recovery = False
        self.use_recovery(not has_passphrase)
        self.switch_button.setVisible(has_passphrase)

    def use_recovery(self, on: bool) -> None:
        """Ask for the recovery key (or back to the passphrase)."""
        self.using_recovery = on
        self.form.setRowVisible(0, not on)
        self.form.setRowVisible(1, on)
        self.errors.clear()
        if not self.has_passphrase:
            self.intro.setText(self.tr(
                "Your data on this laptop is encrypted, and this computer's keyring does "
                "not hold its key. No passphrase was set for it: only the recovery key "
                "can open it."))
        elif on:
            self.intro.setText(self.tr(
                "Type the recovery key you printed or saved when the data was encrypted."))
        else:
            self.intro.setText(self.tr(
                "Your data on this laptop is encrypted. Type your passphrase to open it."))
        self.switch_button.setText(self.tr("Use the passphrase instead") if on
                                   else self.tr("Use the recovery key instead"))
        (self.recovery if on else self.passphrase).setFocus()

    def unlock(self) -> None:
        """Check what was typed in the background; the key, or the field marked."""
        keys = self.keys
        if self.using_recovery:
            typed, field = self.recovery.text(), "recovery"
            database = ProfilePaths(keys.root).database  # checked there if keys.json is lost

            def work(_p: Progress) -> DatabaseKey:
                return keys.unlock_with_recovery(typed, database)
        else:
            typed, field = self.passphrase.text(), "passphrase"

            def work(_p: Progress) -> DatabaseKey:
                return keys.unlock(typed)
        self.errors.clear()
        self._set_busy(True)
        self.tasks.plain(work, on_success=self._unlocked,
                         on_failure=lambda exc: self._refused(field, exc), parent=self)

    def _unlocked(self, key: DatabaseKey) -> None:
        self._set_busy(False)
        self.key = key
        self.accept()

    def _refused(self, field: str, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, WrongPassphraseError):
            show_error(self, exc)
            return
        self.errors.show(ValidationErrors([ValidationError(field, exc.message)]))
        (self.recovery if field == "recovery" else self.passphrase).selectAll()

    def message(self) -> str:
        """The sentence shown beside the field in use ("" when none)."""
        return self.errors.message("recovery" if self.using_recovery else "passphrase")

    def _set_busy(self, busy: bool) -> None:
        _busy(self, busy, [self.passphrase, self.recovery, self.unlock_button,
                           self.switch_button])


class EncryptDialog(QDialog):
    """Encrypts a plain profile in the background; `outcome` says how it ended
    ("encrypted", "cancelled" or "failed", with `failure`), then the dialog closes."""

    def __init__(self, paths: ProfilePaths, key: DatabaseKey, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encryptDialog")
        self.setWindowTitle(self.tr("Encrypting your data"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self.paths = paths
        self.key = key
        self.tasks = tasks
        self.task: Task[Encrypted] | None = None
        self.outcome = ""
        self.failure: BaseException | None = None
        self.result_counts: Encrypted | None = None
        intro = _intro(self.tr(
            "This version of Field Kit keeps your data encrypted. Your data from an "
            "earlier version is being encrypted now, once; this takes a moment."))
        self.label = QLabel(self.tr("Encrypting your data…"))
        self.label.setObjectName("encryptMessage")
        self.progress = QProgressBar()
        self.progress.setObjectName("encryptProgress")
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelEncryptButton")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.label)
        layout.addLayout(row)

    def start(self) -> None:
        """Begin the encryption (call once the dialog is open)."""
        from fieldapp.encrypt import encrypt_profile

        paths, key = self.paths, self.key
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.task = self.tasks.plain(
            lambda progress: encrypt_profile(paths, key, progress),
            on_success=self._encrypted, on_failure=self._failed,
            on_cancelled=self._cancelled, on_progress=self._progressed, parent=self)

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if message:
            self.label.setText(message)
        if done >= 85:  # past the swap: the core no longer stops
            self.cancel_button.setEnabled(False)

    def _encrypted(self, encrypted: Encrypted) -> None:
        self.result_counts = encrypted
        self._end("encrypted", QDialog.DialogCode.Accepted)

    def _failed(self, exc: BaseException) -> None:
        self.failure = exc
        self._end("failed", QDialog.DialogCode.Rejected)

    def _cancelled(self) -> None:
        self._end("cancelled", QDialog.DialogCode.Rejected)

    def _end(self, outcome: str, code: QDialog.DialogCode) -> None:
        self.outcome = outcome
        self.task = None
        self.unsetCursor()
        self.done(code)

    def cancel(self) -> None:
        """Stop the encryption; the profile stays as it was."""
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Stopping…"))
            self.task.cancel()

    def reject(self) -> None:
        """Escape or the close button: the same as Cancel (closes when it has stopped)."""
        if self.task is not None:
            self.cancel()
        elif self.outcome:
            super().reject()
