"""Where a window goes on the laptop's screen: its preferred size, or less so that all of
it (title bar, buttons, status bar) stays inside the screen's available area, centred.

Field laptops are often 1366×768 at 100–125 % scaling (1093×614 logical pixels), so a
window never assumes more room than the screen it opens on has.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

WIDTH_SHARE = 0.95  # of the available width: a little of the desktop stays visible
HEIGHT_SHARE = 0.90  # of the available height: room for the title bar the window manager adds


def fitting_size(preferred: QSize, available: QRect) -> QSize:
    """`preferred`, or smaller so that it fits in `available` with its frame."""
    return QSize(min(preferred.width(), int(available.width() * WIDTH_SHARE)),
                 min(preferred.height(), int(available.height() * HEIGHT_SHARE)))


def fit_to(window: QWidget, available: QRect, preferred: QSize) -> None:
    """Size `window` to fit `available` (never below its minimum size) and centre it."""
    size = fitting_size(preferred, available)
    minimum = window.minimumSizeHint()
    window.resize(max(size.width(), minimum.width()), max(size.height(), minimum.height()))
    frame = window.frameGeometry()
    frame.moveCenter(available.center())
    window.move(frame.topLeft())


def available_area(window: QWidget | None = None) -> QRect:
    """The available area of the screen `window` is on (else the primary screen)."""
    screen = window.screen() if window is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def fits_a_screen(rect: QRect) -> bool:
    """Whether `rect` lies wholly inside the available area of one of today's screens."""
    return any(screen.availableGeometry().contains(rect)
               for screen in QGuiApplication.screens())


def keep_inside(window: QWidget, available: QRect) -> None:
    """Move a window that grew (a form that loaded, error lines) back inside `available`,
    shrinking it to the area if it became larger."""
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    if frame.width() > available.width() or frame.height() > available.height():
        window.resize(min(window.width(), available.width() - extra_w),
                      min(window.height(), available.height() - extra_h))
        frame = window.frameGeometry()
    x = min(max(frame.left(), available.left()), available.right() - frame.width() + 1)
    y = min(max(frame.top(), available.top()), available.bottom() - frame.height() + 1)
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)
