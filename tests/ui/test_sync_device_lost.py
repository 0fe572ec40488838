"""A laptop HQ wrote off as lost: the sync that hears it erases the profile, and the app
says so in a box the officer must close, then closes (real HQ on 127.0.0.1)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from sync.client import ERASED_MARKER
from sync.server import admin
from tests.sync.conftest import Hq, running_hq
from tests.ui.conftest import answer_message_box


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")


@pytest.fixture
def hq(tmp_path) -> Iterator[Hq]:
    with running_hq(f"sqlite:///{tmp_path / 'hq.sqlite'}") as running:
        yield running


def test_a_laptop_written_off_as_lost_says_its_profile_was_erased_and_closes(
        qtbot, hq, ctx, window):
    screen = window.show_section("sync")
    qtbot.waitUntil(lambda: screen.state is not None, timeout=5000)
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    screen.url_edit.setText(hq.url)
    screen.code_edit.setText(code)
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Enrolled with" in screen.enrolled_label.text(), timeout=10000)
    [device] = admin.list_devices(hq.db)
    admin.revoke_device(hq.db, device.id, lost=True)
    quits: list[bool] = []
    ctx.sync.quit_app = lambda: quits.append(True)
    seen: list[tuple[str, str]] = []
    answer = answer_message_box(seen)
    qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(quits), timeout=20000)
    answer.stop()
    assert len(seen) == 1
    assert "lost" in seen[0][0]
    assert "erased" in seen[0][0]
    assert not ctx.paths.database.exists()
    assert (ctx.paths.root / ERASED_MARKER).exists()
    assert "erased" in ctx.sync.view.text
    assert ctx.sync.next_attempt_ms() == -1  # no automatic sync tries again
