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
