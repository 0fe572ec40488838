"""The idle lock: after a quiet spell (the profile's `security/idle_lock_minutes`, 15 by
default, 0 for never) the main window hides everything it shows behind a lock page and
asks for the lock passphrase before showing it again.

The passphrase is the one set in View ▸ Set lock passphrase… (only its argon2id hash is
kept in the profile's settings); until one is set, the lock page asks for the officer's
name as recorded in the profile, and says that a passphrase makes the lock stronger.

While locked, the menus, toolbar, sections and status bar are hidden (not merely covered)
and no keyboard shortcut outside the lock page acts.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services.settings import get_officer
from ui.widgets.field_errors import ERROR_STYLE

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

IDLE_MINUTES_KEY = "security/idle_lock_minutes"
PASSPHRASE_KEY = "security/lock_passphrase_hash"
DEFAULT_IDLE_MINUTES = 15
MIN_PASSPHRASE = 8  # characters
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
    return max(0, minutes)


def has_passphrase(settings: QSettings) -> bool:
    return bool(str(settings.value(PASSPHRASE_KEY, "") or ""))


def set_passphrase(settings: QSettings, passphrase: str) -> None:
    """Keep the argon2id hash of `passphrase` (never the passphrase itself)."""
    settings.setValue(PASSPHRASE_KEY, PasswordHasher().hash(passphrase))
    settings.sync()


def check_passphrase(settings: QSettings, passphrase: str) -> bool:
    stored = str(settings.value(PASSPHRASE_KEY, "") or "")
    try:
        return bool(stored) and PasswordHasher().verify(stored, passphrase)
    except (VerificationError, InvalidHashError):
        return False


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

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.ctx.settings
        self.officer_name: str | None = None  # read when the lock comes on
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
        self.officer_name = None
        if not has_passphrase(self.settings):
            self._read_officer_name()
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

    def _read_officer_name(self) -> None:
        ctx = self.window.ctx
        if not ctx.has_database:
            self.officer_name = ""
            return
        ctx.tasks.query(lambda session, _p: get_officer(session).name,
                        on_success=self._got_name, parent=self)

    def _got_name(self, name: str) -> None:
        self.officer_name = name

    def _prepare_page(self) -> None:
        page = self.page
        page.field.clear()
        page.error.hide()
        if has_passphrase(self.settings):
            page.prompt.setText(self.tr("Enter the lock passphrase to go on."))
            page.hint.hide()
        else:
            page.prompt.setText(self.tr(
                "Type your name as recorded in this profile to go on."))
            page.hint.setText(self.tr(
                "A lock passphrase makes this lock stronger: set one in View ▸ Set lock "
                "passphrase…"))
            page.hint.show()

    def try_unlock(self) -> bool:
        """Unlock if the entry is right; otherwise say so beside the field."""
        typed = self.page.field.text()
        if has_passphrase(self.settings):
            right = check_passphrase(self.settings, typed)
            wrong = self.tr("That is not the lock passphrase. Try again.")
        elif self.officer_name is None:
            self._refuse(self.tr("Still reading the profile; try again in a moment."))
            return False
        else:
            right = same_name(typed, self.officer_name)
            wrong = self.tr("That is not the name recorded in this profile. Try again.")
        if not right:
            self._refuse(wrong)
            return False
        self.unlock()
        return True

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
    """Set (or change) the lock passphrase: the current one first if there is one, then
    the new one twice."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPassphraseDialog")
        self.setWindowTitle(self.tr("Set lock passphrase"))
        self.settings = settings
        intro = QLabel(self.tr(
            "When Field Kit has been left idle it locks; this passphrase unlocks it. Only a "
            "fingerprint of it is kept. At least {0} characters.").format(MIN_PASSPHRASE))
        intro.setWordWrap(True)
        self.current = self._field("currentPassphrase")
        self.new = self._field("newPassphrase")
        self.repeat = self._field("repeatPassphrase")
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        if has_passphrase(settings):
            form.addRow(self.tr("Current passphrase:"), self.current)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow(self.tr("New passphrase again:"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def save(self) -> bool:
        if has_passphrase(self.settings) \
                and not check_passphrase(self.settings, self.current.text()):
            return self._refuse(self.tr("The current passphrase is not right."))
        if len(self.new.text()) < MIN_PASSPHRASE:
            return self._refuse(self.tr("The new passphrase needs at least {0} characters.")
                                .format(MIN_PASSPHRASE))
        if self.new.text() != self.repeat.text():
            return self._refuse(self.tr("The two new passphrases differ; type them again."))
        set_passphrase(self.settings, self.new.text())
        self.accept()
        return True

    def _refuse(self, sentence: str) -> bool:
        self.error.setText(sentence)
        self.error.show()
        return False
