"""Start-up: a database that cannot be opened is explained (and the exit status is 1);
first run comes before the window goes live; `python -m ui` starts."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

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
    assert open_database(damaged, None) is None
    timer.stop()
    text, informative = seen[0]
    assert "is not a readable Field Kit database" in text
    assert str(damaged.database) in informative
    assert "Traceback" not in text + informative
    assert damaged.database.read_bytes().startswith(b"this is not a database")


def test_main_exits_with_status_1_when_the_database_cannot_be_opened(qapp, damaged):
    seen: list[tuple[str, str]] = []
    timer = answer_message_box(seen)
    status = main(["--profile", str(damaged.root)])
    timer.stop()
    assert status == 1
    assert len(seen) == 1
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


def test_first_run_dialog_comes_before_the_window_goes_live(qtbot, qapp, profile):
    ctx = AppContext(paths=profile, settings=QSettings(str(profile.settings_file),
                                                       QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    startup = Startup(qapp, ctx, window)
    startup.run()
    dialog = startup.first_run_dialog
    assert dialog is not None
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


def test_python_m_ui_opens_a_known_profile_and_lists_its_operations(db, profile):
    with db.transaction() as session:
        save_officer(session, name="Ana Lima", organisation="OCHA")
    db.close()
    done = _run_module(profile.root, CMCOORD_EXIT_WHEN_READY="1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "WINDOW_READY" in done.stdout


def test_python_m_ui_asks_a_new_profile_for_the_officer(tmp_path):
    done = _run_module(tmp_path / "new-profile", CMCOORD_EXIT_WHEN_READY="1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "FIRST_RUN" in done.stdout
    assert (tmp_path / "new-profile" / "fieldkit.sqlite").exists()
