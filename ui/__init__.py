"""The PySide6 desktop application: start-up, main window, screens, widgets, tasks."""

from ui import pyside_fixes as _pyside_fixes  # noqa: F401 - applied on import, see module
