"""A laptop HQ wrote off as lost: the sync that hears it erases the profile, and the app
says so in a box the officer must close, then closes (real HQ on 127.0.0.1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hq import admin
from sync.client import ERASED_MARKER
from tests.ui.conftest import answer_message_box

pytestmark = pytest.mark.usefixtures("no_keyring")  # the token goes into the database


@pytest.mark.parametrize("locked", [False, True])
def test_a_laptop_written_off_as_lost_says_its_profile_was_erased_and_closes(
        qtbot, hq, ctx, window, seeded, locked):
    from tests.sync.scenario_helpers import hq_row

    screen = window.show_section("sync")
    qtbot.waitUntil(lambda: screen.state is not None, timeout=5000)
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    screen.url_edit.setText(hq.url)
    screen.code_edit.setText(code)
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Enrolled with" in screen.enrolled_label.text(), timeout=10000)
    [device] = admin.list_devices(hq.db)
    admin.revoke_device(hq.db, device.id, lost=True)
    with ctx.db.transaction() as session:  # work done after the loss, not yet sent
        from fieldapp.models import Contact

        last = Contact(operation_id=seeded.operation_id, given_name="After the loss")
        session.add(last)
    if locked:  # an automatic sync while the window is locked is not the officer's
        window.idle_lock.lock()
    quits: list[bool] = []
    ctx.sync.quit_app = lambda: quits.append(True)
    seen: list[tuple[str, str]] = []
    answer = answer_message_box(seen)
    ctx.sync.sync_now()
    qtbot.waitUntil(lambda: bool(quits), timeout=20000)
    answer.stop()
    assert len(seen) == 1
    assert "lost" in seen[0][0]
    assert "erased" in seen[0][0]
    assert not ctx.paths.database.exists()
    assert (ctx.paths.root / ERASED_MARKER).exists()
    assert "erased" in ctx.sync.view.text
    assert ctx.sync.next_attempt_ms() == -1  # no automatic sync tries again
    # the officer's last work reached HQ first, unless the window was locked
    assert (hq_row(hq, "contact", last.id) is None) is locked
