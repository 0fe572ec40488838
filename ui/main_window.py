"""The main window: sidebar of sections, toolbar (operation switcher, global search),
status bar. It composes screens and holds no business logic.

It can be shown before the database is open (start-up shows it first, then opens the
database); until `database_ready()` the sections wait behind an "Opening…" page and the
toolbar is disabled. Screens are built the first time their section is shown.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.help.menu_bar import MainMenu
from ui.help.screen_fit import available_area, fit_to, fits_a_screen
from ui.i18n import LANGUAGE_KEY
from ui.sections import Section, section_for_kind, sections
from ui.widgets.global_search import GlobalSearch
from ui.widgets.idle_lock import (
    IDLE_MINUTES_KEY,
    MAX_IDLE_MINUTES,
    IdleLock,
    PassphraseDialog,
    idle_minutes,
)
from ui.widgets.operation_switcher import OperationSwitcher, operation_title

if TYPE_CHECKING:
    from fieldapp.services.lookup import OperationRow
    from ui.sync_controller import SyncView

log = logging.getLogger(__name__)
GEOMETRY_KEY = "main_window/geometry"
FRAME_KEY = "main_window/frame"  # where the window was, to check it still fits a screen
STATE_KEY = "main_window/state"
SECTION_KEY = "main_window/section"
DEFAULT_SIZE = QSize(1200, 800)  # where the screen has room; else less (ui.help.screen_fit)
SYNC_TONES = {  # the status bar's sync line: colour backs up the words, never replaces them
    "ok": "color: #1b5e20;",
    "pending": "color: #0d47a1;",
    "offline": "color: #6d4c41;",
    "conflict": "color: #b3261e; font-weight: bold;",
    "error": "color: #b3261e;",
}
SIDEBAR_STYLE = """
QListWidget#sidebar { background: #1f2d3d; color: #e8edf2; border: none;
                      font-size: 11pt; padding-top: 8px; }
QListWidget#sidebar::item { padding: 10px 18px; }
QListWidget#sidebar::item:selected { background: #2f6fb3; color: white; }
QListWidget#sidebar::item:hover:!selected { background: #2a3b4f; }
"""


def release_tab(screen: QWidget) -> None:
    """Tab leaves a screen's read-only lists for the next control (arrow keys move inside
    them); a table's own Tab would walk its cells and never let the keyboard out."""
    for view in screen.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


class SectionStack(QStackedWidget):
    """The sections' screens, one shown; it asks for the room of the screen shown only, so
    a tall screen seen once does not keep every other one from fitting a small laptop."""

    def __init__(self) -> None:
        super().__init__()
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()


class MainWindow(QMainWindow):
    """Sections on the left, the current one in the middle; see the module docstring."""

    ready = Signal()  # database open and the operations listed
    language_chosen = Signal(str)  # "" (the system's), "en", "fr" or "es": rebuild in it

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.sections: list[Section] = sections()
        self.screens: dict[str, QWidget] = {}
        self._is_ready = False
        self._help_windows: dict[str, QWidget] = {}  # the guide, while it is open
        self.setWindowTitle(self.tr("CMCoord Field Kit"))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        for section in self.sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.sidebar.addItem(item)
        # As wide as its longest name needs (a translation may be longer), never less.
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setFixedWidth(max(200, self.sidebar.sizeHintForColumn(0) + 40))
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)

        self.stack = SectionStack()
        self.stack.setObjectName("sections")
        self.opening_page = QLabel(self.tr("Opening the database…"))
        self.opening_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening_page)

        self.switcher = OperationSwitcher(ctx)
        self.search = GlobalSearch(ctx, host=self)
        self.search.item_activated.connect(self.open_item)
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setStyleSheet("QToolBar#mainToolbar { padding: 6px; spacing: 10px; }")
        toolbar.addWidget(self.switcher)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        # Narrower than its own 380 px where the window is narrow, so that on a small
        # screen it stays on the toolbar (Ctrl+K) instead of falling into the overflow.
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(380)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        toolbar.addWidget(self.search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        self.menu = MainMenu(self)  # File, Edit, View, Go, Sync, Help; Ctrl+K is in Edit

        self.operation_status = QLabel()
        self.operation_status.setObjectName("operationStatus")
        self.profile_status = QLabel(self.tr("Profile: {0}").format(ctx.paths.root))
        self.profile_status.setObjectName("profileStatus")
        self.profile_status.setToolTip(str(ctx.paths.database))
        self.sync_status = QLabel(self.tr("Sync: not set up yet"))
        self.sync_status.setObjectName("syncStatus")
        status = self.statusBar()
        status.setStyleSheet("QStatusBar QLabel { padding: 0 10px; }")
        status.addWidget(self.operation_status)
        status.addPermanentWidget(self.profile_status)
        status.addPermanentWidget(self.sync_status)
        ctx.sync.view_changed.connect(self._show_sync)
        self.switcher.current_changed.connect(self._show_operation)
        self.switcher.status_message.connect(lambda text: status.showMessage(text, 8000))

        self.setCentralWidget(self._body())
        self._restore_geometry()
        self._set_enabled(False)
        self.show_waiting(self.tr("Opening the database…"))
        if ctx.has_database:
            self.database_ready()
        self.idle_lock = IdleLock(self)  # hides everything after the idle time
        ctx.sync.locked = self.idle_lock.is_locked  # a sync while locked is not the officer's

    def _body(self) -> QWidget:
        side = QWidget()
        side.setObjectName("sidePanel")
        side.setStyleSheet("#sidePanel { background: #1f2d3d; }")
        side.setFixedWidth(self.sidebar.width())
        brand = QLabel("CMCoord\nField Kit")  # i18n: not shown (the product's name)
        brand.setObjectName("brand")
        brand.setStyleSheet("color: white; font-size: 15pt; font-weight: 600; "
                            "padding: 18px 18px 10px 18px;")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(brand)
        side_layout.addWidget(self.sidebar, 1)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        # A screen that needs more room than the laptop has scrolls inside the window,
        # so the window (and its status bar) never grows past the screen.
        self.stack_scroll = QScrollArea()
        self.stack_scroll.setObjectName("sectionsScroll")
        self.stack_scroll.setWidgetResizable(True)
        self.stack_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.stack_scroll.setWidget(self.stack)
        layout.addWidget(self.stack_scroll, 1)
        return body

    # Start-up ------------------------------------------------------------------------------

    def database_ready(self) -> None:
        """The database is open: build the remembered section and list the operations."""
        if self._is_ready:
            return
        self._is_ready = True
        self._set_enabled(True)
        keys = [section.key for section in self.sections]
        remembered = str(self.ctx.settings.value(SECTION_KEY, keys[0]))
        self.show_section(remembered if remembered in keys else keys[0])
        self.switcher.current_changed.connect(self._announce_ready_once)
        self.switcher.refresh()
        self.ctx.sync.start()

    def show_waiting(self, text: str) -> None:
        """Say, before the sections are built, what start-up is waiting for."""
        self.opening_page.setText(text)
        self.operation_status.setText(text)

    def _announce_ready_once(self, _row: object) -> None:
        self.switcher.current_changed.disconnect(self._announce_ready_once)
        self.ready.emit()

    def _set_enabled(self, enabled: bool) -> None:
        self.sidebar.setEnabled(enabled)
        self.toolbar.setEnabled(enabled)
        self.menu.set_enabled(enabled)

    # Sections ------------------------------------------------------------------------------

    def current_section(self) -> str:
        """The key of the section shown ("" before the database is open)."""
        item = self.sidebar.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item and self._is_ready else ""

    def show_section(self, key: str) -> QWidget | None:
        """Switch to a section, building its screen the first time; None when the screen
        could not be built (the officer was told, and choosing it again tries again)."""
        row = next(i for i, section in enumerate(self.sections) if section.key == key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # comes back through _on_sidebar_row
        else:
            self._on_sidebar_row(row)
        return self.screens.get(key)

    def _on_sidebar_row(self, row: int) -> None:
        if row < 0 or not self._is_ready:
            return
        section = self.sections[row]
        screen = self.screens.get(section.key) or self._build(section)
        if screen is None:
            self._select_shown_section()
            return
        self.stack.setCurrentWidget(screen)
        self.ctx.settings.setValue(SECTION_KEY, section.key)

    def _build(self, section: Section) -> QWidget | None:
        """The section's screen, registered only once whole; on failure the officer reads
        why and nothing of it is kept."""
        screen: QWidget | None = None
        try:
            screen = section.build(self.ctx)
            self.menu.adopt(screen)
            release_tab(screen)
        except Exception as exc:  # any failure: the officer is told, the window stays usable
            log.exception("building the %s screen failed", section.key)  # i18n: not shown
            if screen is not None:
                screen.deleteLater()
            self._say_not_opened(section, exc)
            return None
        self.screens[section.key] = screen
        self.stack.addWidget(screen)
        return screen

    def _say_not_opened(self, section: Section, exc: BaseException) -> None:
        from ui.widgets.error_dialog import show_error

        box = show_error(self, exc, title=section.title)
        box.setObjectName("screenNotOpened")
        box.setText(self.tr(
            "The {0} screen could not be opened. Your data is as it was before; choose "
            "{0} again to try once more.").format(section.title)
            + "\n\n" + f"{type(exc).__name__}: {exc}".strip().splitlines()[0])
        self.statusBar().showMessage(
            self.tr("{0} could not be opened: choose it again to retry.").format(
                section.title), 15000)

    def _select_shown_section(self) -> None:
        """Point the sidebar back at the screen still shown (none: no row), so choosing the
        section that failed is a change again, which retries it."""
        shown = self.stack.currentWidget()
        key = next((k for k, screen in self.screens.items() if screen is shown), None)
        row = next((i for i, s in enumerate(self.sections) if s.key == key), -1)
        blocked = self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(blocked)
        if key is None:
            self.opening_page.setText(self.tr("Choose a section on the left."))

    def open_item(self, kind: str, item_id: str) -> None:
        """Open a record (a global-search hit) in the section that shows its kind."""
        section = section_for_kind(kind, self.sections)
        if section is None:
            return
        screen = self.show_section(section.key)
        if screen is None:
            return
        screen.open_item(item_id, kind=kind,  # type: ignore[attr-defined]
                         query=self.search.text().strip())

    # Help ----------------------------------------------------------------------------------

    def choose_language(self, code: str) -> bool:
        """Keep the language chosen in View ▸ Language and switch to it now, unless a form
        holds text not saved yet: then it applies at the next start, and the officer is
        told so. Returns whether the window is being rebuilt in the new language."""
        self.ctx.settings.setValue(LANGUAGE_KEY, code)
        self.ctx.settings.sync()
        for screen in self.screens.values():
            flush = getattr(screen, "flush", None)
            if callable(flush):
                flush()  # typing waiting for the autosave is written now
        if self.unsaved_work():
            self.statusBar().showMessage(self.tr(
                "A form here holds changes that are not saved yet. Save or discard them and "
                "choose the language again, or it will apply when Field Kit next starts."),
                15000)
            return False
        self.language_chosen.emit(code)
        return True

    def unsaved_work(self) -> bool:
        """Whether a form (a lesson, a handbook note) holds changes not saved yet."""
        for widget in self.findChildren(QWidget):
            for name in ("has_unsaved_changes", "is_dirty"):
                check = getattr(widget, name, None)
                if callable(check) and check():
                    return True
        return False

    def show_guide(self, page: str = "") -> QWidget:
        """Open the offline user guide (at `page`, else its contents); F1 again brings the
        open guide to the front."""
        from ui.help.dialogs import GUIDE_START, GuideViewer

        viewer = self._help_windows.get("guide")
        if not isinstance(viewer, GuideViewer):
            viewer = GuideViewer(self, page=page or GUIDE_START)
            self._keep_help_window("guide", viewer)
        elif page:
            viewer.open_page(page)
        viewer.show()
        viewer.raise_()
        viewer.activateWindow()
        return viewer

    def _keep_help_window(self, name: str, window: QWidget) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._help_windows[name] = window
        window.destroyed.connect(lambda _o=None: self._help_windows.pop(name, None))

    def show_shortcuts(self) -> QWidget:
        """Open the sheet of keyboard shortcuts, made from the actions themselves."""
        from ui.help.dialogs import shortcuts_sheet

        groups = self.menu.grouped_actions()
        for key, screen in self.screens.items():  # a section's own keys, once it is built
            title = next(s.title for s in self.sections if s.key == key)
            groups += [(title, action) for action in screen.actions()]
        sheet = shortcuts_sheet(self, groups)
        sheet.show()
        return sheet

    def set_lock_passphrase(self) -> QWidget:
        """Open the dialog that sets the profile's passphrase (the idle lock's too)."""
        dialog = PassphraseDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_idle_time(self) -> QInputDialog:
        """Ask how many minutes without input lock the window (0: never)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("idleTimeDialog")
        dialog.setWindowTitle(self.tr("Lock after"))
        dialog.setLabelText(self.tr(
            "Lock Field Kit after this many minutes without input (0: never):"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, MAX_IDLE_MINUTES)
        dialog.setIntValue(idle_minutes(self.ctx.settings))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save(minutes: int) -> None:
            self.ctx.settings.setValue(IDLE_MINUTES_KEY, minutes)
            self.idle_lock.reload_settings()

        dialog.intValueSelected.connect(save)
        dialog.open()
        return dialog

    def show_about(self) -> QWidget:
        """Open About: version, data folder, licences."""
        from ui.help.dialogs import about_dialog

        release = None
        if self.ctx.has_database:  # a newer version HQ announced (one tiny read)
            from sync.releases import newer_release

            with self.ctx.db.session() as session:
                release = newer_release(session)
        about = about_dialog(self, data_folder=self.ctx.paths.root, release=release)
        about.show()
        return about

    # Status and settings -------------------------------------------------------------------

    def _show_operation(self, row: OperationRow | None) -> None:
        if row is None:
            text = self.tr("No current operation: create one from Operations ▸ New operation")
        else:
            text = self.tr("Operation: {0}").format(operation_title(row))
        self.operation_status.setText(text)
        self.setWindowTitle(self.tr("CMCoord Field Kit") if row is None
                            else self.tr("{0} — CMCoord Field Kit").format(row.code))

    def _show_sync(self, view: SyncView) -> None:
        self.sync_status.setText(view.text)
        self.sync_status.setStyleSheet(SYNC_TONES.get(view.tone, ""))

    def _restore_geometry(self) -> None:
        """The remembered geometry if it still fits one of today's screens (a second
        monitor may be gone, the resolution or scaling lowered), else the default size
        fitted to this screen and centred."""
        geometry = self.ctx.settings.value(GEOMETRY_KEY)
        frame = self.ctx.settings.value(FRAME_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty() \
                and isinstance(frame, QRect) and fits_a_screen(frame):
            self.restoreGeometry(geometry)
        else:
            self.fit_to(available_area(self))
        state = self.ctx.settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def fit_to(self, available: QRect) -> None:
        """Take the default size, or less to stay inside `available`, centred on it."""
        fit_to(self, available, DEFAULT_SIZE)

    def save_settings(self) -> None:
        """Remember geometry, toolbar state and the section shown."""
        settings = self.ctx.settings
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        normal = self.normalGeometry() if self.isMaximized() else QRect()
        settings.setValue(FRAME_KEY, normal if normal.isValid() else self.frameGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        if self.current_section():
            settings.setValue(SECTION_KEY, self.current_section())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
