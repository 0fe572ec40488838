"""The idle lock: after a quiet spell (the profile's `security/idle_lock_minutes`, 15 by
default, 0 for never) the main window hides everything it shows behind a lock page and
asks for the profile's passphrase before showing it again.

The passphrase is the one that opens the encrypted database (fieldapp/keys.py): chosen at
setup where no keyring works, or set later in View ▸ Set passphrase…. A profile whose key
is only in the keyring has none until then; its lock asks for the passphrase an earlier
version set for the lock alone (its argon2id hash in the settings) if there is one, else
for the officer's name as recorded in the profile, and says that a passphrase makes the
lock stronger. Checking a passphrase costs ~0.1 s of argon2id: it runs in the background.

While locked, the menus, toolbar, sections and status bar are hidden (not merely covered)
and no keyboard shortcut outside the lock page acts.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.keys import ProfileKeys, passphrase_problem
from ui.widgets.field_errors import ERROR_STYLE
from ui.widgets.form_layout import form_layout

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from fieldapp.keys import DatabaseKey
    from ui.context import AppContext
    from ui.main_window import MainWindow

IDLE_MINUTES_KEY = "security/idle_lock_minutes"
PASSPHRASE_KEY = "security/lock_passphrase_hash"  # an earlier version's lock-only passphrase
DEFAULT_IDLE_MINUTES = 15
MAX_IDLE_MINUTES = 240
# What unlocks: the profile's passphrase, an earlier version's lock passphrase, the name.
PROFILE, LEGACY, NAME = "profile", "legacy", "name"
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove,
})
LOCK_STYLE = "#lockPage { background: #1f2d3d; } #lockPage QLabel { color: #e8edf2; }"


def idle_minutes(settings: QSettings) -> int:
    """The idle time before the lock, in minutes (0: never locks)."""
    try:
        minutes = int(str(settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES)))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return min(max(0, minutes), MAX_IDLE_MINUTES)


def legacy_hash(settings: QSettings) -> str:
    """An earlier version's lock-only passphrase hash ("" for none); read on the GUI thread,
    which owns the settings."""
    return str(settings.value(PASSPHRASE_KEY, "") or "")


def _check_legacy(stored: str, passphrase: str) -> bool:
    from argon2 import PasswordHasher  # (imported when used: not before the window shows)
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(stored) and PasswordHasher().verify(stored, passphrase)
    except (VerificationError, InvalidHashError):
        return False


class LockSecret:
    """What unlocks one profile's window. `kind`, `check` and `change` read a file or run
    argon2id: call them in the background, with the legacy hash read on the GUI thread."""

    def __init__(self, root: Path, key: DatabaseKey | None) -> None:
        self.keys = ProfileKeys(root)
        self.key = key  # the open database's key; None for an unencrypted profile

    def kind(self, legacy: str) -> str:
        """PROFILE, LEGACY or NAME (see the module doc)."""
        if self.keys.has_passphrase():
            return PROFILE
        return LEGACY if legacy else NAME

    def check(self, kind: str, typed: str, legacy: str) -> bool:
        """Whether `typed` is the passphrase of `kind` (PROFILE or LEGACY)."""
        if kind == PROFILE:
            return self.keys.check_passphrase(typed)
        return _check_legacy(legacy, typed)

    def change(self, current: str, new: str, legacy: str) -> str | None:
        """Make `new` the passphrase once `current` is right (not asked when there is none
        yet). Returns None when `current` is wrong, else the lock-only hash to keep in the
        settings: "" on an encrypted profile, where the database key is wrapped under
        `new` instead (it then opens the data too); a hash on an unencrypted one."""
        kind = self.kind(legacy)
        if kind != NAME and not self.check(kind, current, legacy):
            return None
        if self.key is None:
            from argon2 import PasswordHasher

            return PasswordHasher().hash(new)
        self.keys.set_passphrase(self.key, new)
        return ""


def same_name(typed: str, recorded: str) -> bool:
    """The officer's name as typed matches the one recorded (case and spacing aside)."""
    return " ".join(typed.split()).casefold() == " ".join(recorded.split()).casefold()


class IdleWatcher(QObject):
    """Emits `idle` once no keyboard, mouse or touch input has reached the application for
    `idle_ms` (0: never). Input only notes the time; one timer checks it when due."""

    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_ms = idle_ms
        self.last_input = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._check)
        QApplication.instance().installEventFilter(self)
        self.restart()

    def set_idle_ms(self, idle_ms: int) -> None:
        self.idle_ms = idle_ms
        self.restart()

    def restart(self) -> None:
        """Count the idle time from now (after unlocking, or a new setting)."""
        self.last_input = time.monotonic()
        self.timer.stop()
        if self.idle_ms > 0:
            self.timer.start(self.idle_ms)

    def stop(self) -> None:
        self.timer.stop()

    def remaining_ms(self) -> int:
        return self.idle_ms - int((time.monotonic() - self.last_input) * 1000)

    def _check(self) -> None:
        remaining = self.remaining_ms()
        if remaining > 0:
            self.timer.start(remaining)  # there was input meanwhile: check again then
        else:
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def remove(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockPage(QWidget):
    """What the locked window shows: a sentence, the passphrase (or name) field, Unlock."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet(LOCK_STYLE)
        self.title = QLabel(self.tr("Field Kit is locked"))
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.prompt = QLabel()
        self.prompt.setObjectName("lockPrompt")
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("lockField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaximumWidth(360)
        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #ff8a80;")
        self.error.hide()
        self.hint = QLabel()
        self.hint.setObjectName("lockHint")
        self.hint.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.field.returnPressed.connect(self.unlock_button.click)

        box = QWidget()
        # A fixed column: centred at its size hint it took the title's width, and the
        # wrapped sentences under it were cut to that height.
        box.setFixedWidth(480)
        inner = QVBoxLayout(box)
        inner.setSpacing(12)
        for widget in (self.title, self.prompt, self.field, self.error, self.unlock_button,
                       self.hint):
            inner.addWidget(widget)
        inner.setAlignment(self.unlock_button, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()  # centred by stretches: an alignment flag would give the box
        row.addStretch(1)    # its size hint's height, cutting wrapped sentences
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


class IdleLock(QObject):
    """Locks `window` when its idle watcher says so, and unlocks it on the right entry."""

    locked_changed = Signal(bool)
    refused = Signal(str)  # an entry was checked and was not the right one

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.ctx.settings
        self.kind: str | None = None  # PROFILE, LEGACY or NAME; read when the lock comes on
        self.officer_name: str | None = None  # read when the lock comes on
        self.checking = False  # a passphrase is being checked in the background
        self._hidden: list[QWidget] = []
        self.page = LockPage(window)
        self.page.hide()
        self.page.unlock_button.clicked.connect(self.try_unlock)
        self.watcher = IdleWatcher(idle_minutes(self.settings) * 60_000, self)
        self.watcher.idle.connect(self.lock)
        window.installEventFilter(self)
        # Both filters go with the window (Qt drops a deleted object's filters).
        QApplication.instance().installEventFilter(self)

    def is_locked(self) -> bool:
        return self.page.isVisible() or bool(self._hidden)

    def reload_settings(self) -> None:
        """Take a new idle time from the settings; the count starts again."""
        self.watcher.set_idle_ms(idle_minutes(self.settings) * 60_000)

    def _secret(self) -> LockSecret:
        ctx = self.window.ctx
        return LockSecret(ctx.paths.root, ctx.db.key if ctx.has_database else None)

    def lock(self) -> None:
        """Hide everything the window shows behind the lock page."""
        if self.is_locked():
            return
        self.watcher.stop()
        window = self.window
        parts = [window.centralWidget(), window.menuBar(), window.statusBar(),
                 *window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)]
        for widget in parts:  # every visible part of the window
            if widget is not None and widget is not self.page and widget.isVisible() \
                    and not widget.isWindow():
                self._hide(widget)
        for widget in QApplication.topLevelWidgets():  # its dialogs, the guide, popups
            if widget is window or not widget.isVisible():
                continue
            if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                widget.hide()  # a list of suggestions, a menu: gone, not brought back
            elif widget.windowModality() != Qt.WindowModality.ApplicationModal:
                # (Hiding an application-modal one would end its exec() and lose it.)
                self._hide(widget)
        self.kind, self.officer_name = None, None
        self._read_what_unlocks()
        self._prepare_page()
        self.page.setGeometry(window.rect())
        self.page.show()
        self.page.raise_()
        self.page.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(True)

    def _hide(self, widget: QWidget) -> None:
        if widget not in self._hidden:
            widget.hide()
            self._hidden.append(widget)

    def _read_what_unlocks(self) -> None:
        """Which secret unlocks, and the officer's name, read in the background."""
        ctx, secret, legacy = self.window.ctx, self._secret(), legacy_hash(self.settings)
        if not ctx.has_database:  # locked before the database opened: nothing to show
            self._got_what_unlocks((secret.kind(legacy), ""))
            return
        # (imported here: the storage layer is not imported before the window is shown)
        from fieldapp.services.settings import get_officer

        ctx.tasks.query(lambda session, _p: (secret.kind(legacy), get_officer(session).name),
                        on_success=self._got_what_unlocks, parent=self)

    def _got_what_unlocks(self, found: tuple[str, str]) -> None:
        self.kind, self.officer_name = found
        self._prepare_page()

    def _prepare_page(self) -> None:
        page = self.page
        page.error.hide()
        page.hint.hide()
        if self.kind is None:
            page.prompt.setText(self.tr("Field Kit is locked."))
        elif self.kind == PROFILE:
            page.prompt.setText(self.tr("Enter your passphrase to go on."))
        elif self.kind == LEGACY:
            page.prompt.setText(self.tr("Enter the lock passphrase to go on."))
        else:
            page.prompt.setText(self.tr(
                "Type your name as recorded in this profile to go on."))
            page.hint.setText(self.tr(
                "A passphrase makes this lock stronger: set one in View ▸ Set passphrase…"))
            page.hint.show()

    def try_unlock(self) -> None:
        """Check the entry (a passphrase in the background); unlock if it is right,
        otherwise say so beside the field."""
        if self.checking:
            return
        typed = self.page.field.text()
        if self.kind is None or self.officer_name is None:
            self._refuse(self.tr("Still reading the profile; try again in a moment."))
        elif self.kind == NAME:
            self._checked(same_name(typed, self.officer_name))
        else:
            self._check_in_background(self.kind, typed)

    def _check_in_background(self, kind: str, typed: str) -> None:
        self.checking = True
        self.page.unlock_button.setEnabled(False)
        self.page.field.setEnabled(False)
        secret, legacy = self._secret(), legacy_hash(self.settings)
        self.window.ctx.tasks.query(
            lambda _session, _p: secret.check(kind, typed, legacy),
            on_success=self._checked, on_failure=lambda _exc: self._checked(False),
            parent=self)

    def _checked(self, right: bool) -> None:
        self.checking = False
        self.page.unlock_button.setEnabled(True)
        self.page.field.setEnabled(True)
        if right:
            self.unlock()
            return
        wrong = {
            PROFILE: self.tr("That is not this profile's passphrase. Try again."),
            LEGACY: self.tr("That is not the lock passphrase. Try again."),
        }.get(self.kind or NAME, self.tr(
            "That is not the name recorded in this profile. Try again."))
        self._refuse(wrong)
        self.refused.emit(wrong)

    def _refuse(self, sentence: str) -> None:
        self.page.field.clear()
        self.page.error.setText(sentence)
        self.page.error.show()
        self.page.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        self.page.hide()
        self.page.field.clear()
        for widget in self._hidden:
            widget.show()  # (a window-modal dialog comes back modal, as it was)
        self._hidden.clear()
        self.watcher.restart()
        self.locked_changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.window:
            self.page.setGeometry(self.window.rect())
        elif kind == QEvent.Type.Shortcut and self.page.isVisible():
            # No menu, section or toolbar shortcut acts while locked.
            return not (isinstance(watched, QWidget) and self.page.isAncestorOf(watched))
        return False


class PassphraseDialog(QDialog):
    """Set (or change) the profile's passphrase: the current one first if there is one,
    then the new one twice. It unlocks the idle lock, and on an encrypted profile opens
    the data at start where the keyring cannot."""

    saved = Signal()  # the new passphrase is in place
    refused = Signal(str)  # the sentence shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPassphraseDialog")
        self.setWindowTitle(self.tr("Set passphrase"))
        self.ctx = ctx
        intro = QLabel(self.tr(
            "This passphrase unlocks Field Kit after it has locked itself, and opens your "
            "encrypted data when the system keyring cannot. Only a key derived from it is "
            "kept; forgotten, it cannot be recovered, but your recovery key still opens the "
            "data."))
        intro.setWordWrap(True)
        self.current = self._field("currentPassphrase")
        self.new = self._field("newPassphrase")
        self.repeat = self._field("repeatPassphrase")
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.form = form_layout()  # long translated labels wrap above their fields
        self.current_label = QLabel(self.tr("Current passphrase:"))
        self.form.addRow(self.current_label, self.current)
        self.form.addRow(self.tr("New passphrase:"), self.new)
        self.form.addRow(self.tr("New passphrase again:"), self.repeat)
        self._show_current(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.secret = LockSecret(ctx.paths.root, ctx.db.key if ctx.has_database else None)
        self.has_current: bool | None = None  # read in the background
        secret, legacy = self.secret, legacy_hash(ctx.settings)
        ctx.tasks.query(lambda _s, _p: secret.kind(legacy) != NAME,
                        on_success=self._show_current, parent=self)

    def _show_current(self, has_current: bool) -> None:
        self.has_current = has_current
        self.form.setRowVisible(self.current, has_current)

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def save(self) -> None:
        """Check the form, then (in the background) the current passphrase, and set the
        new one; `saved` or `refused` says how it went."""
        if self.has_current is None:
            return self._refuse(self.tr("Still reading the profile; try again in a moment."))
        problem = passphrase_problem(self.new.text())
        if problem is not None:
            return self._refuse(problem)
        if self.new.text() != self.repeat.text():
            return self._refuse(self.tr("The two new passphrases differ; type them again."))
        current, new = self.current.text(), self.new.text()
        secret, legacy = self.secret, legacy_hash(self.ctx.settings)
        self.buttons.setEnabled(False)
        self.ctx.tasks.query(lambda _s, _p: secret.change(current, new, legacy),
                             on_success=self._changed, on_failure=self._failed, parent=self)
        return None

    def _changed(self, hash_to_keep: str | None) -> None:
        self.buttons.setEnabled(True)
        if hash_to_keep is None:
            self._refuse(self.tr("The current passphrase is not right."))
            return
        if hash_to_keep:
            self.ctx.settings.setValue(PASSPHRASE_KEY, hash_to_keep)
        else:
            self.ctx.settings.remove(PASSPHRASE_KEY)
        self.ctx.settings.sync()
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._refuse(str(exc))

    def _refuse(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()
        self.refused.emit(sentence)
