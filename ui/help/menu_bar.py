"""The main window's menu bar: File, Edit, View, Go, Sync, Help, each action with its
shortcut shown. The actions ask the section shown to act (its New, Import, filter box);
the menu holds no business logic.

A screen takes part by having the widgets the actions look for: `new_button` (New…),
`import_button` (Import…), a filter box named `filter`, `text_filter` or `search`, or,
for the handbook, `find_action`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QMenu, QWidget

from fieldapp.i18n import LANGUAGE_NAMES
from ui.i18n import LANGUAGE_KEY, language_choices, system_language

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")
FILTER_BOXES = ("filter", "text_filter", "search")  # a screen's filter box, by attribute


class MainMenu:
    """Builds the menu bar on `window` and keeps its actions by name."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        bar = window.menuBar()
        bar.setObjectName("mainMenuBar")

        file_menu = self._menu("file", translate("Menu", "&File"))
        self._add(file_menu, "new_item", translate("Menu", "&New item in this section"),
                  ["Ctrl+N"], self.new_item)
        self._add(file_menu, "import", translate("Menu", "&Import into this section…"),
                  ["Ctrl+I"], self.import_file)
        file_menu.addSeparator()
        # The toolbar's Operations menu, the same actions (their greying follows the
        # current operation), so that the keyboard reaches them too.
        self.operations_menu = window.switcher.menu_button.menu()
        self.operations_menu.setTitle(translate("Menu", "&Operation"))
        window.switcher.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        window.switcher.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        file_menu.addMenu(self.operations_menu)
        file_menu.addSeparator()
        self._add(file_menu, "quit", translate("Menu", "&Quit"), ["Ctrl+Q"], window.close)

        edit_menu = self._menu("edit", translate("Menu", "&Edit"))
        self._add(edit_menu, "search", translate("Menu", "&Search everything"), ["Ctrl+K"],
                  window.search.focus_search)
        self._add(edit_menu, "filter",
                  translate("Menu", "&Filter this list / find in the handbook"),
                  ["Ctrl+F"], self.filter_or_find)

        view_menu = self._menu("view", translate("Menu", "&View"))
        self._add(view_menu, "full_screen", translate("Menu", "&Full screen"),
                  ["F11"], self.toggle_full_screen)
        self.language_menu = self._language_menu(view_menu)
        view_menu.addSeparator()
        self._add(view_menu, "lock_now", translate("Menu", "Lock &now"), ["Ctrl+L"],
                  lambda: window.idle_lock.lock())
        self._add(view_menu, "lock_passphrase", translate("Menu", "Set &passphrase…"),
                  [], window.set_lock_passphrase)
        self._add(view_menu, "lock_after", translate("Menu", "Lock &after…"),
                  [], window.set_idle_time)

        go_menu = self._menu("go", translate("Menu", "&Go"))
        for number, section in enumerate(window.sections, start=1):
            self._add(go_menu, f"go_{section.key}", section.title, [f"Ctrl+{number}"],
                      self._shower(section.key))

        sync_menu = self._menu("sync", translate("Menu", "&Sync"))
        self._add(sync_menu, "sync_now", translate("Menu", "Sync &now"),
                  ["F5"], self.sync_now)

        help_menu = self._menu("help", translate("Menu", "&Help"))
        self._add(help_menu, "guide", translate("Menu", "&User guide"),
                  ["F1"], window.show_guide)
        self._add(help_menu, "shortcuts", translate("Menu", "&Keyboard shortcuts"), ["Ctrl+/"],
                  window.show_shortcuts)
        help_menu.addSeparator()
        self._add(help_menu, "about", translate("Menu", "&About CMCoord Field Kit"), [],
                  window.show_about)

    # Building ------------------------------------------------------------------------------

    def _menu(self, name: str, title: str) -> QMenu:
        menu = self.window.menuBar().addMenu(title)
        menu.setObjectName(f"{name}Menu")
        self.menus[name] = menu
        return menu

    def _add(self, menu: QMenu, name: str, text: str, keys: list[str],
             slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"{name}Action")
        # The keys named, not the platform's standard ones: those add media keys ("New",
        # "Reload") that a field laptop's keyboard lacks and the sheet would list.
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)  # the keys work even with the menu bar hidden
        self.actions[name] = action
        return action

    def _language_menu(self, parent: QMenu) -> QMenu:
        """View ▸ Language: the system's, or English, French, Spanish (each named in
        itself, so an officer lost in a language they do not read still finds theirs)."""
        menu = parent.addMenu(translate("Menu", "&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(menu)
        chosen = str(self.window.ctx.settings.value(LANGUAGE_KEY, "") or "")
        system = LANGUAGE_NAMES[system_language()]
        choices = [("", translate("Menu", "System language ({language})").format(
            language=system)), *language_choices()]
        for code, name in choices:
            action = QAction(name, menu)
            action.setObjectName(f"language_{code or 'system'}Action")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, c=code: self.window.choose_language(c))
            menu.addAction(action)
            self.actions[f"language_{code or 'system'}"] = action
        return menu

    def _shower(self, key: str) -> Callable[[], object]:
        return lambda: self.window.show_section(key)

    def grouped_actions(self) -> list[tuple[str, QAction]]:
        """(menu title, action) for every action of the menu bar and its submenus (but the
        languages), in menu order."""
        found: list[tuple[str, QAction]] = []
        for menu in self.menus.values():
            for action in menu.actions():
                sub = action.menu()
                if sub is self.language_menu:
                    continue  # choices, not commands: the shortcut sheet leaves them out
                if isinstance(sub, QMenu):
                    found += [(menu.title(), a) for a in sub.actions()
                              if not a.isSeparator() and a.menu() is None]
                elif not action.isSeparator():
                    found.append((menu.title(), action))
        return found

    def set_enabled(self, enabled: bool) -> None:
        """Before the database is open only Quit and Help work (and the language waits:
        the window it would rebuild is still starting)."""
        self.operations_menu.menuAction().setEnabled(enabled)
        for name, action in self.actions.items():
            if name not in ("quit", "guide", "shortcuts", "about", "full_screen"):
                action.setEnabled(enabled)

    # Acting on the section shown -----------------------------------------------------------

    def _screen(self) -> QWidget | None:
        key = self.window.current_section()
        return self.window.screens.get(key) if key else None

    def new_item(self) -> bool:
        """Press the section's New button (False when it has none, or it is greyed)."""
        return self._press("new_button")

    def import_file(self) -> bool:
        """Press the section's Import button (False when it has none)."""
        return self._press("import_button")

    def _press(self, name: str) -> bool:
        button = getattr(self._screen(), name, None)
        if isinstance(button, QAbstractButton) and button.isEnabled() and button.isVisible():
            button.click()
            return True
        self.window.statusBar().showMessage(
            translate("Menu", "This section has nothing to do that for."), 5000)
        return False

    def filter_or_find(self) -> bool:
        """Put the cursor in the section's filter box, or open the handbook's Find bar."""
        screen = self._screen()
        find = getattr(screen, "find_action", None)
        if isinstance(find, QAction):
            find.trigger()
            return True
        for name in FILTER_BOXES:
            box = getattr(screen, name, None)
            if isinstance(box, QLineEdit) and box.isVisible():
                box.setFocus(Qt.FocusReason.ShortcutFocusReason)
                box.selectAll()
                return True
        return False

    def adopt(self, screen: QWidget) -> None:
        """A newly built screen's Find action gives its Ctrl+F to the menu's Filter / find
        (which triggers it there): two actions on one key would make Qt run neither."""
        find = getattr(screen, "find_action", None)
        if isinstance(find, QAction):
            ours = self.actions["filter"].shortcuts()
            find.setShortcuts([key for key in find.shortcuts() if key not in ours])

    def toggle_full_screen(self) -> None:
        """Full screen and back."""
        window = self.window
        window.showNormal() if window.isFullScreen() else window.showFullScreen()

    def sync_now(self) -> None:
        """Show the Sync section and start a sync there, if this laptop can sync now."""
        screen = self.window.show_section("sync")
        button = getattr(screen, "sync_button", None)
        if isinstance(button, QAbstractButton) and button.isEnabled():
            button.click()
