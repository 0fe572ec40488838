"""On the field's real screens, not sizes passed in: a child process runs Qt's offscreen
platform with a screen of 1366×768 (at 100 % and 125 %), 1920×1080 at 150 % and
3840×2160 at 200 % (QT_SCALE_FACTOR), opens the main window on each section and every
dialog this window owns, and reports where they landed; all of it must be on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

SCREENS = {"1366x768 at 100 %": (1366, 768, "1"), "1366x768 at 125 %": (1366, 768, "1.25"),
           "1920x1080 at 150 %": (1920, 1080, "1.5"), "3840x2160 at 200 %": (3840, 2160, "2")}

PROBE = r'''
import json, sys, time
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication
from fieldapp.db import Database
from fieldapp.paths import resolve_profile
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.contact_dialog import ContactDialog
from ui.screens.first_run import FirstRunDialog

app = QApplication([])
paths = resolve_profile(sys.argv[1])
settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
ctx = AppContext(paths=paths, settings=settings, db=Database.open(paths))
window = MainWindow(ctx)
window.show()

def settle(seconds=0.2):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()

def box(widget):
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]

def frame(widget):
    f = widget.frameGeometry()
    return [f.x(), f.y(), f.width(), f.height()]

a = app.primaryScreen().availableGeometry()
out = {"available": [a.x(), a.y(), a.width(), a.height()], "sections": {}, "dialogs": {}}
for section in window.sections:
    window.show_section(section.key)
    settle()
    out["sections"][section.key] = [frame(window), box(window.statusBar())]
contact = ContactDialog(ctx, parent=window)
contact.show()
end = time.monotonic() + 10
while not contact.buttons.isEnabled() and time.monotonic() < end:
    app.processEvents()
welcome = FirstRunDialog(ctx, window)
welcome.show()
opened = [contact, welcome, window.show_guide(), window.show_about(), window.show_shortcuts()]
settle()
for dialog in opened:
    buttons = [box(b) for b in dialog.findChildren(type(contact.buttons.buttons()[0]))
               if b.isVisible()]
    out["dialogs"][dialog.objectName()] = [frame(dialog), buttons]
print(json.dumps(out))
ctx.tasks.shutdown()
ctx.shutdown()
'''


def _probe(profile_root: Path, tmp_path: Path, width: int, height: int, scale: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": scale}
    done = subprocess.run([sys.executable, "-c", PROBE, str(profile_root)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_the_window_and_its_dialogs_are_on_the_real_screen(profile, tmp_path, screen):
    width, height, scale = screen
    report = _probe(profile.root, tmp_path, width, height, scale)
    available = QRect(*report["available"])
    assert available.width() == round(width / float(scale))  # Qt lays out in these pixels
    for key, (window, status_bar) in report["sections"].items():
        assert available.contains(QRect(*window)), key
        assert available.contains(QRect(*status_bar)), f"{key}: status bar"
    assert set(report["dialogs"]) == {"contactDialog", "firstRunDialog", "userGuide",
                                      "aboutDialog", "shortcutsSheet"}
    for name, (dialog, buttons) in report["dialogs"].items():
        assert available.contains(QRect(*dialog)), name
        assert buttons, name
        for button in buttons:
            assert available.contains(QRect(*button)), f"{name}: a button off-screen"
