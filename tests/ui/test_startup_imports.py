"""The window is on screen before the storage layer is imported (ui/app.py's order): a
module-level import of a service from a widget once cost 0.35 s of every start, and Babel
and argon2 another 0.08 s."""

from __future__ import annotations

import os
import subprocess
import sys


def test_importing_the_application_imports_no_storage_layer():
    probe = ("import sys, ui.app, ui.main_window; "
             "print(sorted(m for m in ('sqlalchemy', 'fieldapp.db', 'fieldapp.models', "
             "'alembic', 'reportlab', 'babel', 'argon2') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True, env={"QT_QPA_PLATFORM": "offscreen", **os.environ})
    assert found.stdout.strip() == "[]"


def test_opening_a_screen_imports_no_pdf_maker():
    """ReportLab comes with the first PDF made (in a background task), not with the first
    visit to a screen that can print: that froze the window 0.2-0.4 s (ui/lazy.py)."""
    screens = ("contacts", "assets", "lessons", "lesson_form", "rfa", "rfa_form", "handbook",
               "sync", "import_preview")
    probe = ("import sys, importlib; "
             + "; ".join(f"importlib.import_module('ui.screens.{s}')" for s in screens)
             + "; print(sorted(m for m in sys.modules if m.startswith('reportlab')"
             " or m.startswith('fieldapp.pdf')))")
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True, env={"QT_QPA_PLATFORM": "offscreen", **os.environ})
    assert found.stdout.strip() == "[]"


def test_a_function_imported_later_is_the_real_one_once_called():
    from ui.lazy import later

    dumps = later("json", "dumps")
    assert dumps.__name__ == "dumps"
    assert dumps({"a": 1}, sort_keys=True) == '{"a": 1}'
