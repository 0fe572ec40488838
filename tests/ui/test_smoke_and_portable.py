"""The scripted smoke run an installed copy is tested with (ui/smoke.py, CMCOORD_SMOKE;
issue 19), and start-up of a portable profile: a passphrase, never the keyring."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from fieldapp.keys import ProfileKeys
from fieldapp.paths import ProfilePaths, resolve_profile
from ui.app import Startup
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.profile_key import ChoosePassphraseDialog

ROOT = Path(__file__).resolve().parents[2]


def _smoke(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                            **env})


def test_smoke_run_makes_a_profile_loads_the_demo_and_prints_an_rfa(tmp_path):
    out, profile = tmp_path / "out.pdf", tmp_path / "profile"
    done = _smoke("installer/launch.py", "--profile", str(profile), CMCOORD_SMOKE=str(out))
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("SMOKE_OK"))
    reference, libraries = line.split()[2], int(line.split()[3].removeprefix("libraries="))
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert reference in text
    assert libraries >= 5  # from the venv: About's main libraries
    assert "Marovia" in text  # the demo operation's request
    # a real profile: encrypted (keys.json with a passphrase wrapping, no keyring)
    keys = ProfileKeys(profile, use_keyring=False)
    assert keys.exists()
    assert keys.has_passphrase()
    assert not keys.in_keyring()
    assert (profile / "fieldkit.sqlite").stat().st_size > 100_000


def test_smoke_run_never_touches_an_existing_profile(tmp_path, profile):
    before = profile.database.read_bytes()
    done = _smoke("-m", "ui.smoke", str(tmp_path / "out.pdf"), "--profile", str(profile.root))
    assert done.returncode == 2
    assert "SMOKE_REFUSED" in done.stdout
    assert profile.database.read_bytes() == before
    assert not (tmp_path / "out.pdf").exists()


def test_a_portable_profile_asks_for_a_passphrase_even_where_a_keyring_works(
        qtbot, qapp, tmp_path, memory_keyring):
    paths = ProfilePaths(resolve_profile(tmp_path / "stick" / "profile").root, portable=True)
    ctx = AppContext(paths=paths, settings=QSettings(str(tmp_path / "ui.ini"),
                                                     QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    startup = Startup(qapp, ctx, window)
    startup.run()
    qtbot.waitUntil(lambda: startup.key_step.dialog is not None, timeout=10_000)
    dialog = startup.key_step.dialog
    assert isinstance(dialog, ChoosePassphraseDialog)  # not the recovery key of a keyring key
    assert not startup.key_step.keys.use_keyring
    intro = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "USB stick" in intro  # the officer is told why, not "this computer has no keyring"
    dialog.rejected.disconnect()
    dialog.hide()
    assert memory_keyring.secrets == {}  # no key was kept in the keyring
    ctx.shutdown()
