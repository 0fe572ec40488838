"""The sync screen against a real HQ (uvicorn on 127.0.0.1): enroll, sync now, the status
bar, a conflict shown side by side and resolved, a change HQ held after the officer was
unassigned, an offline HQ, and automatic retries."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from fieldapp.db import Database
from fieldapp.models import Contact
from fieldapp.paths import resolve_profile
from hq import admin
from hq.models import RowState
from sync.client import sync_once
from tests.sync.conftest import enrolled, free_port, operation_of
from ui.sync_controller import BACKOFF_BASE_S, BACKOFF_CAP_S, JITTER, retry_delay

pytestmark = pytest.mark.usefixtures("no_keyring")  # the token goes into the database


@pytest.fixture
def second_profile(tmp_path, _migrated_template) -> Iterator[Callable[[str], Database]]:
    """Opens another real profile by name (closed at teardown), for a second laptop."""
    opened: list[Database] = []

    def make(name: str) -> Database:
        root = tmp_path / name
        shutil.copytree(_migrated_template, root)
        opened.append(Database.open(resolve_profile(root)))
        return opened[-1]

    yield make
    for db in opened:
        db.close()


def _sync_screen(qtbot, window):
    screen = window.show_section("sync")
    qtbot.waitUntil(lambda: screen.state is not None, timeout=5000)
    return screen


def _enroll_through_screen(qtbot, hq, screen):
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    screen.url_edit.setText(hq.url)
    screen.code_edit.setText(code)
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Enrolled with" in screen.enrolled_label.text(), timeout=10000)


def _sync_now(qtbot, screen):
    with qtbot.waitSignal(screen.controller.finished, timeout=20000) as finished:
        qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
    return finished.args


def test_enroll_and_sync_from_the_screen_update_the_status_bar(qtbot, hq, ctx, window):
    screen = _sync_screen(qtbot, window)
    assert "Not enrolled yet" in screen.enrolled_label.text()
    assert not screen.sync_button.isEnabled()
    _enroll_through_screen(qtbot, hq, screen)
    assert "Ana" in screen.enrolled_label.text()
    assert "in the encrypted database" in screen.enrolled_label.text()  # no keyring here

    outcome, message = _sync_now(qtbot, screen)
    assert outcome == "ok", message
    qtbot.waitUntil(lambda: screen.log_table.rowCount() == 1, timeout=5000)
    assert screen.log_table.item(0, 1).text() == "Done"
    assert operation_of(ctx.db) == hq.operation_id  # HQ's operation came down
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: up to date", timeout=5000)
    assert "Last successful sync" in screen.state_label.text()


def test_status_bar_and_screen_agree_that_nothing_was_synced_until_the_first_sync(
        qtbot, hq, window):
    screen = _sync_screen(qtbot, window)
    assert "never synced" in window.sync_status.text()  # not enrolled yet
    assert screen.state_label.text() == "Never synced yet."

    _enroll_through_screen(qtbot, hq, screen)
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: never synced yet", timeout=5000)
    assert "up to date" not in window.sync_status.text()
    assert screen.state_label.text() == "Never synced yet."

    assert _sync_now(qtbot, screen)[0] == "ok"
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: up to date", timeout=5000)
    assert screen.state_label.text().startswith("Last successful sync: ")
    assert "never" not in window.sync_status.text().lower()


def test_bad_enrollment_input_is_marked_beside_the_fields(qtbot, hq, window):
    screen = _sync_screen(qtbot, window)
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    assert "HQ's address" in screen.findChild(type(screen.enrolled_label), "hq_urlError").text()
    assert "enrollment code" in screen.findChild(type(screen.enrolled_label), "codeError").text()

    screen.url_edit.setText(hq.url)
    screen.code_edit.setText("not-a-code")
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.enroll_button.isEnabled()
                    and screen.enroll_message.text() != "Contacting HQ…", timeout=10000)
    assert screen.enroll_message.text()
    assert "Not enrolled yet" in screen.enrolled_label.text()


def test_conflict_is_shown_side_by_side_and_resolved_from_the_screen(
        qtbot, hq, ctx, window, second_profile):
    screen = _sync_screen(qtbot, window)
    _enroll_through_screen(qtbot, hq, screen)
    assert _sync_now(qtbot, screen)[0] == "ok"
    with ctx.db.transaction() as session:
        contact = Contact(operation_id=hq.operation_id, given_name="Amira",
                          family_name="Haddad", role="Logistics")
        session.add(contact)
    contact_id = contact.id
    assert _sync_now(qtbot, screen)[0] == "ok"

    other = enrolled(hq, second_profile, "laptop-b")  # receives the contact
    with other.transaction() as session:
        session.get(Contact, contact_id).role = "Deputy head of logistics"
    sync_once(other)
    with ctx.db.transaction() as session:
        session.get(Contact, contact_id).role = "Head of logistics"

    outcome, message = _sync_now(qtbot, screen)
    assert outcome == "ok"
    assert "conflict" in message
    qtbot.waitUntil(lambda: screen.conflict_table.rowCount() == 1, timeout=5000)
    assert screen.conflict_table.item(0, 1).text() == "Amira Haddad"
    assert screen.conflict_table.item(0, 2).text() == "Role"
    assert screen.mine_text.toPlainText() == "Head of logistics"
    assert screen.hq_text.toPlainText() == "Deputy head of logistics"
    qtbot.waitUntil(lambda: "conflict" in window.sync_status.text(), timeout=5000)

    qtbot.mouseClick(screen.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.conflict_table.rowCount() == 0, timeout=5000)
    assert screen.conflicts_note.text() == "No conflicts."
    assert _sync_now(qtbot, screen)[0] == "ok"
    with hq.db.read() as session:
        assert session.get(RowState, ("contact", contact_id)).fields["role"] == \
            "Head of logistics"
    sync_once(other)
    with other.session() as session:
        assert session.get(Contact, contact_id).role == "Head of logistics"


def test_change_held_after_unassignment_is_listed_then_sent_again_once_reassigned(
        qtbot, hq, ctx, window):
    screen = _sync_screen(qtbot, window)
    _enroll_through_screen(qtbot, hq, screen)
    assert _sync_now(qtbot, screen)[0] == "ok"
    with ctx.db.transaction() as session:
        contact = Contact(operation_id=hq.operation_id, given_name="Amira",
                          family_name="Haddad", role="Logistics")
        session.add(contact)
    contact_id = contact.id
    admin.unassign(hq.db, officer="Ana", operation="MRV")

    outcome, message = _sync_now(qtbot, screen)
    assert outcome == "ok", message  # one held change never fails the sync
    panel = screen.held_changes
    # The screen re-reads its state in the background after the sync; on a busy machine
    # that can take a while, so every read below waits for it.
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=20000)
    assert panel.table.item(0, 0).text() == "Contact “Amira Haddad”"
    assert panel.reason_label.text()  # HQ's own sentence
    qtbot.waitUntil(lambda: screen.tabs.tabText(1) == "Held by HQ (1)", timeout=20000)
    qtbot.waitUntil(lambda: "Marovia response" in screen.archived_label.text(), timeout=20000)
    qtbot.waitUntil(lambda: "1 change held by HQ" in window.sync_status.text(),
                    timeout=20000)
    qtbot.waitUntil(lambda: screen.log_table.rowCount() > 0
                    and screen.log_table.item(0, 1).text() == "Done · 1 held", timeout=20000)

    admin.assign(hq.db, officer="Ana", operation="MRV")
    qtbot.mouseClick(panel.send_again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.isHidden(), timeout=20000)
    assert _sync_now(qtbot, screen)[0] == "ok"
    with hq.db.read() as session:
        assert session.get(RowState, ("contact", contact_id)).fields["role"] == "Logistics"
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: up to date", timeout=20000)
    qtbot.waitUntil(lambda: screen.tabs.tabText(1) == "Held by HQ", timeout=20000)


def test_hq_out_of_reach_says_so_and_keeps_changes_waiting(qtbot, hq, ctx, window):
    screen = _sync_screen(qtbot, window)
    _enroll_through_screen(qtbot, hq, screen)
    assert _sync_now(qtbot, screen)[0] == "ok"
    from sync import local
    from sync.client import HQ_URL

    with ctx.db.transaction() as session:  # HQ moves to a port where nobody listens
        local.set_state(session, HQ_URL, f"http://127.0.0.1:{free_port()}")
        session.add(Contact(operation_id=hq.operation_id, given_name="Jonas",
                            family_name="Berg"))
    screen.auto_check.setChecked(True)
    outcome, message = _sync_now(qtbot, screen)
    assert outcome == "error"
    assert message
    assert "Traceback" not in message
    assert screen.progress_label.text() == message
    # Offline may pass by itself: automatic sync tries again after the first back-off delay.
    retry_ms = ctx.sync.next_attempt_ms()
    low, high = BACKOFF_BASE_S * (1 - JITTER) * 1000, BACKOFF_BASE_S * (1 + JITTER) * 1000
    assert low - 500 <= retry_ms <= high
    qtbot.waitUntil(lambda: "1 change waiting" in window.sync_status.text(), timeout=5000)
    # The screen re-reads its state in the background after the attempt: wait for it too.
    qtbot.waitUntil(lambda: "Contact: 1" in screen.pending_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: screen.log_table.rowCount() > 0
                    and screen.log_table.item(0, 1).text() == "Failed", timeout=5000)
    # The screen, the log and the status bar tell the same failure in the same words.
    assert screen.log_table.item(0, 6).text() == message
    assert f"Last attempt failed: {message}" in screen.state_label.text()
    assert window.sync_status.text() == "Sync: offline · 1 change waiting"


def test_automatic_sync_retries_later_with_growing_jittered_delays(qtbot, ctx, window):
    rng = random.Random(7)
    delays = [retry_delay(n, rng=rng) for n in range(1, 10)]
    for n, delay in enumerate(delays, start=1):
        nominal = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** (n - 1))
        assert nominal * (1 - JITTER) <= delay <= nominal * (1 + JITTER)
    assert delays[-1] <= BACKOFF_CAP_S * (1 + JITTER)

    controller = ctx.sync
    assert controller.next_attempt_ms() == -1  # off by default
    screen = _sync_screen(qtbot, window)
    screen.auto_check.setChecked(True)
    assert controller.automatic
    assert 0 <= controller.next_attempt_ms() <= 5500  # 5 s, give or take a coarse timer
    with qtbot.waitSignal(controller.finished, timeout=10000) as finished:
        controller.sync_now()  # not enrolled: retrying cannot help, only the officer can
    assert finished.args[0] == "error"
    assert "not enrolled" in finished.args[1]
    assert controller.next_attempt_ms() == -1
    screen.auto_check.setChecked(False)
    assert controller.next_attempt_ms() == -1


@pytest.mark.parametrize(("url", "readable"), [
    ("http://hq.example.org", True),
    ("HTTP://10.0.0.5:8000/", True),
    ("http://[2001:db8::1]:8000", True),
    ("https://hq.example.org", False),
    ("hq.example.org", False),  # sync.client makes a bare name https://
    ("http://127.0.0.1:8000", False),
    ("http://127.0.1.1", False),
    ("http://localhost:8000", False),
    ("http://[::1]:8000", False),
])
def test_only_plain_http_to_another_machine_counts_as_readable_on_the_link(url, readable):
    from ui.screens.sync import readable_on_the_link

    assert readable_on_the_link(url) is readable


def test_plain_http_address_is_warned_beside_the_field_and_refused_until_confirmed(
        qtbot, window):
    screen = _sync_screen(qtbot, window)
    assert not screen.http_warning.isVisibleTo(screen)
    qtbot.keyClicks(screen.url_edit, "http://hq.example.org")
    assert screen.http_warning.isVisibleTo(screen)
    assert "token" in screen.http_warning.text()
    assert "readable" in screen.http_warning.text()
    assert screen.http_confirm.isVisibleTo(screen)
    assert not screen.http_confirm.isChecked()

    screen.code_edit.setText("ABCD-EFGH")
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    error = screen.findChild(type(screen.enrolled_label), "hq_urlError").text()
    assert "http://" in error
    assert "tick" in error
    assert screen.enroll_message.text() == ""  # nothing was sent
    assert screen.enroll_button.isEnabled()

    screen.url_edit.setText("https://hq.example.org")
    assert not screen.http_warning.isVisibleTo(screen)
    assert not screen.http_confirm.isVisibleTo(screen)


def test_plain_http_enrollment_goes_ahead_once_the_officer_confirms(qtbot, window):
    screen = _sync_screen(qtbot, window)
    screen.url_edit.setText("http://hq.invalid")  # a reserved name: never reaches anyone
    screen.code_edit.setText("ABCD-EFGH")
    screen.http_confirm.setChecked(True)
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    assert screen.findChild(type(screen.enrolled_label), "hq_urlError").text() == ""
    assert screen.enroll_message.text() == "Contacting HQ…"
    qtbot.waitUntil(lambda: screen.enroll_button.isEnabled(), timeout=20000)
    assert screen.enroll_message.text() not in ("", "Contacting HQ…")  # HQ was tried


def test_a_new_address_asks_again_before_plain_http(qtbot, window):
    screen = _sync_screen(qtbot, window)
    screen.url_edit.setText("http://hq.example.org")
    screen.http_confirm.setChecked(True)
    screen.url_edit.setText("http://other.example.org")
    assert not screen.http_confirm.isChecked()


def test_rows_still_coming_show_a_busy_bar_not_a_made_up_share(qtbot, ctx, window):
    screen = window.show_section("sync")
    ctx.sync.progressed.emit(1000, 0, "Received 1000")  # HQ has not said how many are left
    assert (screen.progress.minimum(), screen.progress.maximum()) == (0, 0)
    assert screen.progress_label.text() == "Received 1000"
    ctx.sync.progressed.emit(300, 1200, "Sent 300 of 1200")
    assert (screen.progress.maximum(), screen.progress.value()) == (1200, 300)
