"""The application survives many signal emissions and many binding calls that return
nothing (PySide6 6.12.0 drops a reference to True on every emit and to None on every empty
return; pyproject.toml keeps it out and ui.pyside_fixes compensates on Python 3.11)."""

from __future__ import annotations

import os
import subprocess
import sys

EMITS = """
import ui
from PySide6.QtCore import QObject, Signal
class Source(QObject):
    fired = Signal(int)
source = Source()
seen = []
source.fired.connect(seen.append)
for n in range(20000):
    source.fired.emit(n)
print(len(seen))
"""


def test_twenty_thousand_emits_do_not_abort_the_interpreter():
    done = subprocess.run([sys.executable, "-c", EMITS], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "20000"


EMPTY_RETURNS = """
import ui
from PySide6.QtWidgets import QApplication, QListWidget, QWidget
app = QApplication([])
widget, items = QWidget(), QListWidget()
for n in range(50000):
    widget.parent(), widget.sender(), items.item(n), app.focusWidget()
print("done")
"""


def test_two_hundred_thousand_empty_returns_do_not_abort_the_interpreter():
    done = subprocess.run([sys.executable, "-c", EMPTY_RETURNS], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
