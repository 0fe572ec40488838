"""Start-up: a database that cannot be opened is explained (and the exit status is 1);
first run comes before the window goes live; `python -m ui` starts, and says what it
would wait for (CMCOORD_EXIT_WHEN_READY)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from fieldapp.db import Database
from fieldapp.keys import DatabaseKey, ProfileKeys
from fieldapp.paths import resolve_profile
from fieldapp.search import search
from fieldapp.services.settings import get_officer, save_officer
from tests.ui.conftest import answer_message_box
from ui.app import Startup, main, open_database
from ui.context import AppContext
from ui.main_window import MainWindow


@pytest.fixture
def damaged(profile):
    """A profile whose database file is not a database."""
    profile.database.write_bytes(b"this is not a database, just some words" * 200)
    return profile


def test_a_damaged_database_is_explained_with_its_location(qapp, damaged):
    seen: list[tuple[str, str]] = []
    timer = answer_message_box(seen)
    assert open_database(damaged, None, key=DatabaseKey.generate()) is None
    timer.stop()
    text, informative = seen[0]
    assert "or it is damaged" in text
    assert str(damaged.database) in informative
    assert "Traceback" not in text + informative
    assert damaged.database.read_bytes().startswith(b"this is not a database")


def test_main_exits_with_status_1_when_the_database_cannot_be_opened(qapp, damaged):
    """A damaged plain file (an earlier version's profile): refused before any key is
    made. (A damaged file that is not plain looks like an encrypted one: Field Kit asks
    for its passphrase or recovery key, and only a key that should open it tells.)"""
    damaged.database.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    seen: list[tuple[str, str]] = []
    timer = answer_message_box(seen)
    status = main(["--profile", str(damaged.root)])
    timer.stop()
    assert status == 1
    assert len(seen) == 1
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


def test_first_run_dialog_comes_before_the_window_goes_live(qtbot, qapp, tmp_path,
                                                            memory_keyring):
    profile = resolve_profile(tmp_path / "new-profile")
    ctx = AppContext(paths=profile, settings=QSettings(str(profile.settings_file),
                                                       QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    startup = Startup(qapp, ctx, window)
    startup.run()
    qtbot.waitUntil(lambda: startup.key_step.dialog is not None, timeout=10_000)
    recovery = startup.key_step.dialog  # a new profile: its recovery key first
    assert not window.toolbar.isEnabled()
    recovery.kept_box.click()
    recovery.continue_button.click()
    qtbot.waitUntil(lambda: startup.first_run_dialog is not None, timeout=10_000)
    dialog = startup.first_run_dialog
    assert dialog.isVisible()
    assert not window.toolbar.isEnabled()

    qtbot.keyClicks(dialog.name, "Ana Lima")
    qtbot.keyClicks(dialog.organisation, "OCHA")
    with qtbot.waitSignal(window.ready, timeout=10_000):
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert window.toolbar.isEnabled()
    with ctx.db.session() as session:
        assert get_officer(session).name == "Ana Lima"
    # Once live, the bundled handbook is loaded in the background (first start).
    qtbot.waitUntil(lambda: ctx.tasks.active == 0, timeout=10_000)
    with ctx.db.session() as session:
        assert [hit.kind for hit in search(session, "humanitarian principles")][:1] \
            == ["handbook"]
    ctx.shutdown()


def _run_module(profile_root, **env) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui", "--profile", str(profile_root)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True, text=True, timeout=60,
    )


@pytest.fixture
def file_keyring(tmp_path, monkeypatch) -> Iterator[dict[str, str]]:
    """A keyring in a file, shared with the child process (no system keyring runs here);
    returns the child's environment for it."""
    import keyring

    from bench.keyring_file import FileKeyring

    env = {"PYTHON_KEYRING_BACKEND": "bench.keyring_file.FileKeyring",
           "CMCOORD_KEYRING_FILE": str(tmp_path / "keyring.json")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("CMCOORD_NO_KEYRING", raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield env
    keyring.set_keyring(before)


def _encrypted_profile(root, *, officer: bool):
    """A profile as Field Kit leaves it: encrypted, its key in the keyring."""
    paths = resolve_profile(root)
    key, _recovery = ProfileKeys(paths.root).create()
    db = Database.open(paths, key=key)
    if officer:
        with db.transaction() as session:
            save_officer(session, name="Ana Lima", organisation="OCHA")
    db.close()
    return paths


def test_python_m_ui_opens_a_known_profile_and_lists_its_operations(tmp_path, file_keyring):
    paths = _encrypted_profile(tmp_path / "profile", officer=True)
    done = _run_module(paths.root, CMCOORD_EXIT_WHEN_READY="1", **file_keyring)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "WINDOW_READY" in done.stdout


def test_python_m_ui_asks_a_new_officer_for_their_name(tmp_path, file_keyring):
    paths = _encrypted_profile(tmp_path / "profile", officer=False)
    done = _run_module(paths.root, CMCOORD_EXIT_WHEN_READY="1", **file_keyring)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "FIRST_RUN" in done.stdout


def test_python_m_ui_shows_a_new_profile_its_recovery_key_first(tmp_path, file_keyring):
    done = _run_module(tmp_path / "new-profile", CMCOORD_EXIT_WHEN_READY="1", **file_keyring)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "RECOVERY_KEY" in done.stdout
    assert (tmp_path / "new-profile" / "keys.json").exists()


def test_python_m_ui_asks_for_a_passphrase_where_no_keyring_works(tmp_path):
    new = _run_module(tmp_path / "new-profile", CMCOORD_EXIT_WHEN_READY="1",
                      CMCOORD_NO_KEYRING="1")
    assert new.returncode == 0, new.stderr[-2000:]
    assert "NEEDS_PASSPHRASE" in new.stdout
    paths = resolve_profile(tmp_path / "profile")
    key, _recovery = ProfileKeys(paths.root, use_keyring=False).create("a passphrase of mine")
    Database.open(paths, key=key).close()
    known = _run_module(paths.root, CMCOORD_EXIT_WHEN_READY="1", CMCOORD_NO_KEYRING="1")
    assert known.returncode == 0, known.stderr[-2000:]
    assert "NEEDS_UNLOCK" in known.stdout
