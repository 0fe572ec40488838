"""Start-up of the desktop application (`cmcoord`, `python -m ui`).

Order: find the profile (`--profile`, else CMCOORD_HOME, else `profile/` beside a portable
bundle, else the platform folder: fieldapp.paths), create
the QApplication with per-profile settings, show the main window, then find the database
key (`KeyStep`, in the background where it can: importing the storage layer takes most of
start-up, so the window is on screen first, saying "Opening the database…"), then open
the database with it. The database is always encrypted:

- a new profile gets a new key, kept in the system keyring, or (with no keyring) under a
  passphrase the officer chooses; then its recovery key is shown, to print or save;
- an encrypted profile opens with the keyring's key, else with the passphrase (or the
  recovery key) the officer types;
- a plain profile (from an earlier version) gets a new key as a new one does, is
  encrypted with a progress bar (Cancel quits, leaving it plain), then its recovery key
  is shown.

A StorageError ends start-up with a message box that says what happened and where the
file is, and exit status 1. Then the first-run dialog when the officer is not known yet,
then the window comes alive.

For benchmarks and smoke tests: CMCOORD_EXIT_WHEN_SHOWN=1 prints WINDOW_SHOWN once the
window is shown and quits; CMCOORD_EXIT_WHEN_READY=1 prints WINDOW_READY once the database
is open and the operations are listed and quits, or, when a dialog would wait for the
officer, prints what it waits for and quits with status 0: NEEDS_PASSPHRASE (choose a
passphrase), NEEDS_UNLOCK (type it), RECOVERY_KEY (keep the new recovery key) or
FIRST_RUN (the officer's name).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from fieldapp import __version__
from fieldapp.paths import ProfilePaths, resolve_profile
from ui.context import AppContext
from ui.gc_guard import install_gui_collector
from ui.i18n import Translations, chosen_language, system_language
from ui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")

if TYPE_CHECKING:
    from fieldapp.db import Database
    from fieldapp.errors import StorageError
    from fieldapp.keys import DatabaseKey, ProfileKeys, RecoveryKey

APP_NAME = "CMCoord Field Kit"  # i18n: not shown (settings and data folder name)
ORG_NAME = "UN OCHA CMCS"  # i18n: not shown
EXIT_STORAGE_ERROR = 1


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line: --profile DIR; Qt's own options are left to Qt."""
    parser = argparse.ArgumentParser(
        prog="cmcoord",
        description="CMCoord Field Kit, the desktop application for UN-CMCoord officers.")
    parser.add_argument("--profile", metavar="DIR",
                        help="profile folder (default: $CMCOORD_HOME, else the platform's "
                             "user data folder)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def open_database(paths: ProfilePaths, parent: QWidget | None, *,
                  key: DatabaseKey | None = None) -> Database | None:
    """Open the profile's database (encrypted with `key`), or say why not in a message box
    and return None."""
    from fieldapp.db import Database
    from fieldapp.errors import StorageError

    try:
        return Database.open(paths, key=key)
    except StorageError as exc:
        show_storage_error(exc, paths, parent)
        return None


def show_storage_error(exc: StorageError, paths: ProfilePaths, parent: QWidget | None) -> None:
    """The message box of a database that cannot be opened: what happened, and where."""
    box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "Cannot open your data"),
                      exc.message, QMessageBox.StandardButton.Close, parent)
    box.setObjectName("storageErrorDialog")
    where = exc.path or paths.database
    box.setInformativeText(
        translate("App", "Database file: {0}\nNothing was changed.").format(where))
    box.exec()


def needs_first_run(db: Database) -> tuple[bool, str]:
    """Whether the officer is still unknown, and the current operation id (both tiny reads)."""
    from fieldapp.services.operations import current_operation
    from fieldapp.services.settings import first_run_done

    with db.session() as session:
        current = current_operation(session)
        return not first_run_done(session), current.id if current else ""


@dataclass(frozen=True)
class ProfileState:
    """What start-up found in the profile folder, before opening anything."""

    kind: str  # "new", "plain" (an earlier version's) or "encrypted"  # i18n: not shown
    keyring_works: bool = False
    keyring_key: DatabaseKey | None = None
    has_keys: bool = False  # keys.json is there
    has_passphrase: bool = False


def survey_profile(paths: ProfilePaths, keys: ProfileKeys) -> ProfileState:
    """Finish an encryption a crash cut short, then say what the database file is and
    where its key may be (keyring calls and file checks: run it off the GUI thread)."""
    from fieldapp.db import check_plain_profile, is_plain, key_opens
    from fieldapp.encrypt import recover_interrupted

    recover_interrupted(paths)
    file = paths.database
    if not file.exists() or file.stat().st_size == 0:  # keys.json alone: a new profile
        return ProfileState("new", keyring_works=keys.keyring_works())
    if is_plain(file):
        check_plain_profile(file)  # another program's file, or a newer version's: refused
        return ProfileState("plain", keyring_works=keys.keyring_works())
    key = keys.keyring_key()
    # A keyring entry may not fit the file (a profile folder copied from another laptop):
    # then the passphrase or the recovery key is asked, as if there were none.
    if key is not None and key_opens(file, key):
        return ProfileState("encrypted", keyring_key=key, has_keys=keys.exists())
    has_keys = keys.exists()
    return ProfileState("encrypted", has_keys=has_keys,
                        has_passphrase=has_keys and keys.has_passphrase())


class KeyStep:
    """Finds the database key at start-up (see the module doc), asking the officer only
    when it must; hands it to `done`, or quits (status 0 when the officer said Quit, 1
    when the profile cannot be opened). `dialog` is the dialog open now, if any."""

    def __init__(self, app: QApplication, ctx: AppContext, window: MainWindow, *,
                 exit_when_ready: bool, done: Callable[[DatabaseKey | None], None]) -> None:
        from fieldapp.keys import ProfileKeys

        self.app = app
        self.ctx = ctx
        self.window = window
        self.exit_when_ready = exit_when_ready
        self.done = done
        # A portable profile (fieldapp.paths) moves between computers: never the keyring.
        self.keys = ProfileKeys(ctx.paths.root, use_keyring=not ctx.paths.portable)
        self.state: ProfileState | None = None
        self.dialog: QDialog | None = None

    def start(self) -> None:
        keys, paths = self.keys, self.ctx.paths
        self.ctx.tasks.plain(lambda _p: survey_profile(paths, keys),
                             on_success=self._surveyed, on_failure=self._cannot_open)

    def _surveyed(self, state: ProfileState) -> None:
        self.state = state
        if state.kind != "encrypted":
            if state.keyring_works:
                keys = self.keys
                self.ctx.tasks.plain(lambda _p: keys.create(), on_success=self._key_made,
                                     on_failure=self._keyring_failed)
            else:
                self._choose_passphrase()
        elif state.keyring_key is not None:
            self.done(state.keyring_key)
        else:  # the passphrase, or the recovery key (which alone opens it, keys.json or not)
            self._unlock(state.has_passphrase)

    def _keyring_failed(self, exc: BaseException) -> None:
        from fieldapp.keys import NoKeyringError

        if isinstance(exc, NoKeyringError):  # it worked a moment ago: ask instead
            self._choose_passphrase()
        else:
            self._cannot_open(exc)

    def _waits_for_officer(self, marker: str) -> bool:
        if self.exit_when_ready:
            print(marker, flush=True)
            self.app.quit()
        return self.exit_when_ready

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.open()

    def _choose_passphrase(self) -> None:
        from ui.screens.profile_key import ChoosePassphraseDialog

        if self._waits_for_officer("NEEDS_PASSPHRASE"):
            return
        self.window.show_waiting(translate("App", "Choose a passphrase to protect your data."))
        dialog = ChoosePassphraseDialog(self.keys, self.ctx.tasks, self.window,
                                        portable=self.ctx.paths.portable)
        dialog.rejected.connect(self.app.quit)
        self._open(dialog, lambda: self._key_made(dialog.created))  # type: ignore[arg-type]

    def _key_made(self, created: tuple[DatabaseKey, RecoveryKey]) -> None:
        key, recovery = created
        if self.state is not None and self.state.kind == "plain":
            self._encrypt(key, recovery)
        else:
            self._show_recovery(key, recovery)

    def _encrypt(self, key: DatabaseKey, recovery: RecoveryKey) -> None:
        from ui.screens.profile_key import EncryptDialog

        self.window.show_waiting(translate("App", "Encrypting your data…"))
        dialog = EncryptDialog(self.ctx.paths, key, self.ctx.tasks, self.window)
        dialog.finished.connect(lambda _r: self._encrypted(dialog, key, recovery))
        self.dialog = dialog
        dialog.open()
        dialog.start()

    def _encrypted(self, dialog: QDialog, key: DatabaseKey, recovery: RecoveryKey) -> None:
        outcome = dialog.outcome  # type: ignore[attr-defined]
        if outcome == "encrypted":
            self._show_recovery(key, recovery)
        elif outcome == "cancelled":
            box = QMessageBox(
                QMessageBox.Icon.Information, translate("App", "Encryption cancelled"),
                translate("App", "Your data was not changed, and it is not encrypted yet. "
                                 "Field Kit will ask again when it next starts."),
                QMessageBox.StandardButton.Close, self.window)
            box.setObjectName("encryptionCancelled")
            self.dialog = box
            box.finished.connect(lambda _r: self.app.quit())
            box.open()
        else:
            self._cannot_open(dialog.failure)  # type: ignore[attr-defined]

    def _show_recovery(self, key: DatabaseKey, recovery: RecoveryKey) -> None:
        from ui.screens.recovery_key import RecoveryKeyDialog

        if self._waits_for_officer("RECOVERY_KEY"):
            return
        self.window.show_waiting(translate("App", "Keep your recovery key."))
        dialog = RecoveryKeyDialog(recovery, profile_folder=self.ctx.paths.root,
                                   tasks=self.ctx.tasks, parent=self.window)
        self._open(dialog, lambda: self.done(key))

    def _unlock(self, has_passphrase: bool) -> None:
        from ui.screens.profile_key import UnlockDialog

        if self._waits_for_officer("NEEDS_UNLOCK"):
            return
        self.window.show_waiting(translate("App", "Your data is encrypted: type your "
                                                  "passphrase to open it."))
        dialog = UnlockDialog(self.keys, self.ctx.tasks, has_passphrase=has_passphrase,
                              parent=self.window)
        dialog.rejected.connect(self.app.quit)
        self._open(dialog, lambda: self.done(dialog.key))

    def _cannot_open(self, exc: BaseException | None) -> None:
        """A damaged key file, a full disk, another program's file: say so, exit with 1."""
        from fieldapp.errors import FieldAppError, StorageError

        self.dialog = None
        if isinstance(exc, StorageError):
            show_storage_error(exc, self.ctx.paths, self.window)
        elif isinstance(exc, FieldAppError):
            show_storage_error(StorageError(exc.message, path=self.keys.file),
                               self.ctx.paths, self.window)
        else:
            from ui.widgets.error_dialog import show_error

            box = show_error(self.window, exc or RuntimeError("start-up failed"))  # i18n: not shown
            box.finished.connect(lambda _r: self.app.exit(EXIT_STORAGE_ERROR))
            return
        self.app.exit(EXIT_STORAGE_ERROR)


class Startup:
    """Opens the database once the window is up, then runs first-run, then goes live."""

    def __init__(self, app: QApplication, ctx: AppContext, window: MainWindow) -> None:
        self.app = app
        self.ctx = ctx
        self.window = window
        self.exit_when_ready = os.environ.get("CMCOORD_EXIT_WHEN_READY") == "1"
        self.first_run_dialog: QWidget | None = None
        self.key_step: KeyStep | None = None

    def run(self) -> None:
        """Find the database key (the officer may be asked), then open the database."""
        QApplication.processEvents()  # paint the window before the long imports
        self.key_step = KeyStep(self.app, self.ctx, self.window,
                                exit_when_ready=self.exit_when_ready, done=self.open)
        self.key_step.start()

    def open(self, key: DatabaseKey | None) -> None:
        """Open the database with `key`; on failure quit with status 1."""
        db = open_database(self.ctx.paths, self.window, key=key)
        if db is None:
            self.app.exit(EXIT_STORAGE_ERROR)
            return
        self.ctx.attach_database(db)
        first_run, current_id = needs_first_run(db)
        self.ctx.set_current_operation_id(current_id)
        if first_run:
            self._first_run()
        else:
            self._go_live()

    def _first_run(self) -> None:
        from ui.screens.first_run import FirstRunDialog

        if self.exit_when_ready:
            print("FIRST_RUN", flush=True)
            self.app.quit()
            return
        self.window.show_waiting(
            translate("App", "Welcome: enter your name and organisation to begin."))
        dialog = FirstRunDialog(self.ctx, self.window)
        self.first_run_dialog = dialog
        dialog.accepted.connect(self._go_live)
        # No officer, no application: rejected only once the officer said Quit.
        dialog.rejected.connect(self.app.quit)
        dialog.open()

    def _go_live(self) -> None:
        if self.exit_when_ready:
            self.window.ready.connect(self._print_ready_and_quit)
        else:
            self.window.ready.connect(self._load_bundled_handbook)
        self.window.database_ready()

    def _print_ready_and_quit(self) -> None:
        print("WINDOW_READY", flush=True)
        self.app.quit()

    def _load_bundled_handbook(self) -> None:
        """First start, or a newer bundled edition: load it in the background."""
        self.window.ready.disconnect(self._load_bundled_handbook)
        from fieldapp.handbook import ensure_bundled_edition
        from ui.context import Change

        self.ctx.tasks.write_database(lambda db, _p: ensure_bundled_edition(db),
                                      changes={Change.HANDBOOK}, parent=self.window)


class Shell:
    """Owns the main window, and builds it anew when the officer chooses a language."""

    def __init__(self, app: QApplication, ctx: AppContext, translations: Translations) -> None:
        self.app = app
        self.ctx = ctx
        self.translations = translations
        self.window = self._build()

    def _build(self) -> MainWindow:
        window = MainWindow(self.ctx)
        window.language_chosen.connect(self.switch_language)
        return window

    def switch_language(self, code: str) -> None:
        """Apply the language ("" for the system's) and show the window rebuilt in it, on
        the same section, where the old one was."""
        self.translations.apply(code or system_language())
        old = self.window
        old.save_settings()
        self.window = self._build()
        self.window.show()
        self.window.database_ready()
        old.hide()
        old.deleteLater()


def main(argv: list[str] | None = None) -> int:
    """Run the application; the exit status is 0, or 1 when the database cannot be opened."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    paths = resolve_profile(args.profile)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    install_gui_collector(app)  # cycles are collected on this thread only, to the end
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    ctx = AppContext(paths=paths, settings=settings)
    translations = Translations(app)
    translations.apply(chosen_language(settings))
    shell = Shell(app, ctx, translations)
    window = shell.window
    window.show()
    if os.environ.get("CMCOORD_EXIT_WHEN_SHOWN") == "1":
        QTimer.singleShot(0, lambda: (print("WINDOW_SHOWN", flush=True), app.quit()))
    else:
        startup = Startup(app, ctx, window)
        # A short delay lets the window paint before the storage layer is imported.
        QTimer.singleShot(20, startup.run)
    try:
        status = app.exec()
    finally:
        shell.window.save_settings()
        ctx.shutdown()
    return status
