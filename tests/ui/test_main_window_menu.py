"""The menu bar: File, Edit, View, Go, Sync, Help, each action with its key, and the keys
do what the menus say in the section shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window, key, modifier)
    QApplication.processEvents()


def test_the_menu_bar_has_the_six_menus_in_order(window):
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Go", "Sync", "Help"]


def test_every_everyday_action_shows_its_shortcut(window):
    missing = [action.text().replace("&", "") for _menu, action
               in window.menu.grouped_actions() if action.shortcut().isEmpty()]
    assert missing == ["Edit current operation…", "Archive current operation",  # rare, or
                       "Set passphrase…", "Lock after…",
                       "About CMCoord Field Kit"]  # one step away
    keys = {name: action.shortcut().toString() for name, action in window.menu.actions.items()}
    assert keys["search"] == "Ctrl+K"
    assert keys["new_item"] == "Ctrl+N"
    assert keys["filter"] == "Ctrl+F"
    assert keys["quit"] == "Ctrl+Q"
    assert keys["sync_now"] == "F5"
    assert keys["guide"] == "F1"
    assert [keys[f"go_{section.key}"] for section in window.sections] == [
        f"Ctrl+{n}" for n in range(1, len(window.sections) + 1)]


def test_ctrl_and_a_number_goes_to_that_section(qtbot, window):
    window.activateWindow()
    _press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "contacts"
    _press(qtbot, window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "lessons"


def test_ctrl_f_puts_the_cursor_in_the_filter_of_the_list_shown(qtbot, seeded, window):
    window.activateWindow()
    screen = window.show_section("assets")
    screen.table.setFocus()
    _press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.filter.hasFocus()


def test_ctrl_f_in_the_handbook_opens_its_find_bar(qtbot, window):
    window.activateWindow()
    screen = window.show_section("handbook")
    triggered = []
    screen.find_action.triggered.connect(lambda: triggered.append(True))
    screen.setFocus()
    _press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert triggered == [True]


def test_ctrl_n_presses_the_new_button_of_the_section_shown(qtbot, seeded, window):
    screen = window.show_section("lessons")
    pressed = []
    screen.new_button.clicked.connect(lambda: pressed.append(True))
    window.activateWindow()
    _press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert pressed == [True]


def test_a_section_without_new_says_so_in_the_status_bar(window):
    window.show_section("sync")
    assert window.menu.new_item() is False
    assert window.statusBar().currentMessage() == "This section has nothing to do that for."


def test_f5_shows_the_sync_section(qtbot, window):
    window.activateWindow()
    _press(qtbot, window, Qt.Key.Key_F5)
    assert window.current_section() == "sync"


def test_f1_opens_the_user_guide_at_its_contents(qtbot, window):
    window.activateWindow()
    _press(qtbot, window, Qt.Key.Key_F1)
    guide = next(w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "userGuide" and w.isVisible())
    assert guide.page() == "index.md"
    assert "Your first day in an operation" in guide.browser.toPlainText()
    guide.close()


def test_before_the_database_is_open_only_quit_and_help_work(qtbot, ctx):
    from PySide6.QtCore import QSettings

    from ui.context import AppContext
    from ui.main_window import MainWindow

    bare = AppContext(paths=ctx.paths, settings=QSettings(str(ctx.paths.settings_file),
                                                          QSettings.Format.IniFormat))
    window = MainWindow(bare)
    qtbot.addWidget(window)
    enabled = {name for name, action in window.menu.actions.items() if action.isEnabled()}
    assert enabled == {"quit", "guide", "shortcuts", "about", "full_screen"}
    assert not window.menu.operations_menu.menuAction().isEnabled()
    bare.tasks.shutdown()


def test_f1_again_brings_the_same_guide_forward(qtbot, window):
    first = window.show_guide()
    again = window.show_guide("sync.md")
    assert again is first
    assert again.page() == "sync.md"
    first.close()
    qtbot.waitUntil(lambda: "guide" not in window._help_windows, timeout=2000)
    assert window.show_guide() is not first


def test_tab_leaves_a_list_instead_of_walking_its_cells(qtbot, seeded, window):
    screen = window.show_section("contacts")
    window.activateWindow()
    qtbot.waitUntil(lambda: screen.model.rowCount() >= 1, timeout=5000)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(0, 1))  # a cell with cells after it
    qtbot.keyClick(screen.table, Qt.Key.Key_Tab)
    assert not screen.table.hasFocus()


def test_ctrl_shift_n_opens_the_new_operation_form_from_the_file_menu(qtbot, window):
    file_menu = window.menu.menus["file"]
    submenus = [a.menu() for a in file_menu.actions() if a.menu() is not None]
    assert window.switcher.new_action in submenus[0].actions()
    assert window.switcher.new_action.shortcut().toString() == "Ctrl+Shift+N"
    opened = []
    window.switcher.new_action.triggered.connect(lambda: opened.append(True))
    window.activateWindow()
    window.switcher.new_action.triggered.disconnect(window.switcher.new_operation)
    _press(qtbot, window, Qt.Key.Key_N,
           Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert opened == [True]
