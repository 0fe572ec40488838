"""Start-up of the desktop application (`cmcoord`, `python -m ui`).

Order: find the profile (`--profile`, else CMCOORD_HOME, else the platform folder), create
the QApplication with per-profile settings, show the main window, then open the database
(importing the storage layer takes most of start-up, so the window is on screen first,
saying "Opening the database…"). A StorageError ends start-up with a message box that
says what happened and where the file is, and exit status 1. Then the first-run dialog
when the officer is not known yet, then the window comes alive.

For benchmarks and smoke tests: CMCOORD_EXIT_WHEN_SHOWN=1 prints WINDOW_SHOWN once the
window is shown and quits; CMCOORD_EXIT_WHEN_READY=1 prints WINDOW_READY once the database
is open and the operations are listed (or FIRST_RUN when the first-run dialog would wait
for the officer) and quits.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldapp import __version__
from fieldapp.paths import ProfilePaths, resolve_profile
from ui.context import AppContext
from ui.gc_guard import install_gui_collector
from ui.i18n import Translations, chosen_language, system_language
from ui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")

if TYPE_CHECKING:
    from fieldapp.db import Database

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


def open_database(paths: ProfilePaths, parent: QWidget | None) -> Database | None:
    """Open the profile's database, or say why not in a message box and return None."""
    from fieldapp.db import Database
    from fieldapp.errors import StorageError

    try:
        return Database.open(paths)
    except StorageError as exc:
        box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "Cannot open your data"),
                          exc.message, QMessageBox.StandardButton.Close, parent)
        box.setObjectName("storageErrorDialog")
        where = exc.path or paths.database
        box.setInformativeText(
            translate("App", "Database file: {0}\nNothing was changed.").format(where))
        box.exec()
        return None


def needs_first_run(db: Database) -> tuple[bool, str]:
    """Whether the officer is still unknown, and the current operation id (both tiny reads)."""
    from fieldapp.services.operations import current_operation
    from fieldapp.services.settings import first_run_done

    with db.session() as session:
        current = current_operation(session)
        return not first_run_done(session), current.id if current else ""


class Startup:
    """Opens the database once the window is up, then runs first-run, then goes live."""

    def __init__(self, app: QApplication, ctx: AppContext, window: MainWindow) -> None:
        self.app = app
        self.ctx = ctx
        self.window = window
        self.exit_when_ready = os.environ.get("CMCOORD_EXIT_WHEN_READY") == "1"
        self.first_run_dialog: QWidget | None = None

    def run(self) -> None:
        """Open the database; on failure quit with status 1."""
        QApplication.processEvents()  # paint the window before the long imports
        db = open_database(self.ctx.paths, self.window)
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
