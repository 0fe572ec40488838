"""The application survives many signal emissions (PySide6 6.12 drops a reference to True
on every emit; ui.pyside_fixes compensates on Python 3.11)."""

from __future__ import annotations

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
