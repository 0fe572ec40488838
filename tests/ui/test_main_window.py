"""The main window: sections, status bar, remembered geometry and section."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.conftest import open_window
from ui.main_window import MainWindow


def test_status_bar_shows_operation_profile_and_sync_state(qtbot, seeded, ctx, window):
    assert window.operation_status.text() == "Operation: CYA — Cyclone Ana"
    assert str(ctx.paths.root) in window.profile_status.text()
    # the sync state is read in the background after the window is ready
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: not set up yet, never synced",
                    timeout=5000)
    assert window.windowTitle() == "CYA — CMCoord Field Kit"


def test_clicking_the_sidebar_switches_section(qtbot, window):
    sidebar = window.sidebar
    rect = sidebar.visualItemRect(sidebar.item(3))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "assets"
    assert window.stack.currentWidget() is window.screens["assets"]


def test_every_section_has_its_real_screen_that_opens_items(window):
    for section in window.sections:
        screen = window.show_section(section.key)
        assert window.stack.currentWidget() is screen
        assert callable(getattr(screen, "open_item", None)), section.key
        assert screen.findChildren(QAbstractButton), f"{section.key} offers no actions"


def test_geometry_and_last_section_are_remembered_per_profile(qtbot, ctx, window):
    window.show_section("lessons")
    window.resize(700, 520)  # the offscreen screen is 800 x 600
    window.close()
    assert ctx.paths.settings_file.exists()

    again = open_window(qtbot, ctx)
    assert again.current_section() == "lessons"
    assert again.size() == QSize(700, 520)


def test_window_waits_for_the_database_before_building_sections(qtbot, ctx):
    from PySide6.QtCore import QSettings

    from ui.context import AppContext

    bare = AppContext(paths=ctx.paths, settings=QSettings(str(ctx.paths.settings_file),
                                                          QSettings.Format.IniFormat))
    window = MainWindow(bare)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.opening_page
    assert not window.toolbar.isEnabled()
    assert window.screens == {}

    bare.attach_database(ctx.db)
    with qtbot.waitSignal(window.ready, timeout=5000):
        window.database_ready()
    assert window.toolbar.isEnabled()
    assert window.stack.currentWidget() is window.screens[window.current_section()]
    bare.tasks.shutdown()
