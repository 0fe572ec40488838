"""Python's cycle collector, run on the GUI thread only.

CPython collects reference cycles on whichever thread happens to allocate when a
generation's count passes its threshold. Our background jobs allocate a great deal
(SQLAlchemy rows, PDF layout), so a collection often starts on a worker thread. When the
garbage holds a Qt object (a closed dialog or screen kept in a cycle by a connected
lambda), its C++ destructor then runs on that worker thread while the GUI thread may be
using it, and the process dies with a segmentation fault. CI saw exactly that: the
collector running inside a background read beside a test's closing window.

So automatic collection is switched off and a timer on the GUI thread collects the
generations whose thresholds have passed: the same work the interpreter would have done,
on the one thread allowed to destroy widgets. Anki and many PyQt programs do the same.

What exists when the collector starts (modules, classes, the start-up heap) is frozen
(`gc.freeze`): it lives as long as the process, and leaving it out keeps each full
collection on the GUI thread short. The application keeps the collector to the end: it is
never handed back while a worker thread might still run (`stop` is for tests and tools).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000
_NAME = "guiThreadCollector"


def collect_due() -> int:
    """Collect the oldest generation whose count is over its threshold, as the interpreter
    would on its own; return that generation, or -1 when none was due."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return -1


class GuiThreadCollector(QObject):
    """Keeps automatic collection off and collects what is due every `interval_ms`."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due)
        gc.collect()
        gc.freeze()
        self.start()

    def start(self) -> None:
        """Take collection over from the interpreter (again)."""
        gc.disable()
        self._timer.start()

    @property
    def active(self) -> bool:
        """True while collection runs here rather than in the interpreter."""
        return self._timer.isActive()

    def stop(self) -> None:
        """Hand collection back to the interpreter (once no worker thread runs any more)."""
        self._timer.stop()
        gc.unfreeze()
        gc.enable()


def install_gui_collector(app: QCoreApplication) -> GuiThreadCollector:
    """The application's collector, created on first call (call it on the GUI thread)."""
    existing = app.findChild(GuiThreadCollector, _NAME)
    if existing is not None:
        if not existing.active:
            existing.start()
        return existing
    return GuiThreadCollector(app)
