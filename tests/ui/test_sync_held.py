"""The Sync screen's held lists, driven like an officer: a change HQ held and a row from HQ
this laptop could not apply, shown with their reason; send again, discard (after
confirming), save to a file; archived operations; the status bar agreeing with the screen.

The holds are written as HQ's answer would leave them (an outbox entry with HQ's code and
sentence, a kept-back row): no HQ runs here. Qt's modal dialogs (file dialog, question box)
cannot be clicked offscreen, so their static getters answer for the officer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fieldapp.models import Contact, HeldRow, Operation, OutboxEntry, utcnow
from fieldapp.outbox import remote_writes
from fieldapp.services.operations import OperationInput, create_operation
from sync import local
from sync.client import DEVICE_ID, HQ_URL, LAST_ERROR, LAST_SUCCESS, OFFICER_NAME
from ui.models.sync_state import held_file_name

HQ_SENTENCE = "You are no longer assigned to operation Cyclone Ana at HQ."
ROW_REASON = "HQ sent a value this laptop cannot store: Capacity is not a number."


@dataclass(frozen=True)
class Held:
    contact_id: str
    held_change: str  # the creation HQ held
    waiting_change: str  # a later edit of the same contact, queued behind it
    held_row: int


@pytest.fixture
def held(db) -> Held:
    """An enrolled laptop whose contact creation HQ held, an edit waiting behind it, and an
    asset row from HQ it could not apply."""
    with db.transaction() as session:
        local.set_state(session, DEVICE_ID, "device-1")
        local.set_state(session, HQ_URL, "https://hq.example.org")
        local.set_state(session, OFFICER_NAME, "Ana")
        local.set_state(session, LAST_SUCCESS, utcnow().isoformat())  # the sync HQ answered
        operation = create_operation(session, OperationInput("Cyclone Ana", "CYA", "Mozambique"))
        session.flush()
        contact = Contact(operation_id=operation.id, given_name="Amira", family_name="Haddad",
                          role="Logistics")
        session.add(contact)
    with db.transaction() as session:
        session.get(Contact, contact.id).role = "Head of logistics"
    with db.transaction() as session:
        entries = session.query(OutboxEntry).filter_by(row_id=contact.id) \
            .order_by(OutboxEntry.seq).all()
        creation, edit = entries
        creation.held_code = "not_in_your_operations"
        creation.held_detail = HQ_SENTENCE
        creation.held_at = utcnow()
        creation.held_count = 1
        session.query(OutboxEntry).filter_by(entity="operation").delete()  # HQ has it
        row = HeldRow(entity="asset", row_id="5b0f4c1e-0000-4000-8000-000000000001", rev=7,
                      fields={"name": "Truck 4", "capacity": "a lot"}, code="invalid_value",
                      reason=ROW_REASON)
        session.add(row)
    return Held(contact.id, creation.change_id, edit.change_id, row.id)


def _sync_screen(qtbot, window):
    screen = window.show_section("sync")
    qtbot.waitUntil(lambda: screen.state is not None, timeout=5000)
    return screen


def _outbox(db) -> dict[str, str]:
    """change id -> held code of every change waiting for HQ."""
    with db.session() as session:
        return {e.change_id: e.held_code for e in session.query(OutboxEntry)}


def _answer_question(monkeypatch, answer) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_held_change_and_held_row_are_shown_with_their_reason(qtbot, held, window):
    screen = _sync_screen(qtbot, window)
    panel = screen.held_changes
    assert screen.tabs.currentWidget() is panel  # no conflicts: opens on what HQ held
    assert screen.tabs.tabText(1) == "Held by HQ (1)"
    assert screen.tabs.tabText(2) == "Not applied from HQ (1)"
    assert panel.table.rowCount() == 2
    assert panel.table.item(0, 0).text() == "Contact “Amira Haddad”"
    assert panel.table.item(0, 1).text() == HQ_SENTENCE
    assert panel.table.item(1, 2).text() == "waiting"  # the edit queued behind it
    assert panel.reason_label.text() == HQ_SENTENCE
    assert "Ask HQ to assign you" in panel.advice_label.text()
    assert "Role: Logistics" in panel.fields_text.toPlainText()
    assert panel.send_again_button.isEnabled()
    panel.table.selectRow(1)
    assert not panel.send_again_button.isEnabled()  # only a held change can go again

    rows = screen.held_rows
    assert rows.table.rowCount() == 1
    assert rows.table.item(0, 0).text() == "Asset “Truck 4”"
    assert rows.table.item(0, 1).text() == ROW_REASON
    assert rows.reason_label.text() == ROW_REASON


def test_status_bar_and_screen_show_the_same_held_counts(qtbot, held, window):
    screen = _sync_screen(qtbot, window)
    qtbot.waitUntil(lambda: "held" in window.sync_status.text(), timeout=5000)
    assert window.sync_status.text() == ("Sync: 1 change held by HQ · 1 row from HQ "
                                         "not applied · 1 change waiting")
    assert screen.pending_label.text() == "Waiting to be sent (1): Contact: 1"
    assert "HQ held 1 change. 1 later change of the same records waits behind it." in \
        screen.held_changes.note.text()


def test_send_again_lifts_the_hold_and_the_change_waits_to_be_sent(qtbot, held, db, window):
    screen = _sync_screen(qtbot, window)
    panel = screen.held_changes
    qtbot.mouseClick(panel.send_again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.isHidden(), timeout=5000)
    assert panel.note.text().startswith("Nothing held.")
    assert "goes to HQ with the next sync" in panel.message.text()
    assert _outbox(db) == {held.held_change: "", held.waiting_change: ""}
    assert screen.tabs.tabText(1) == "Held by HQ"
    qtbot.waitUntil(lambda: "Contact: 2" in screen.pending_label.text(), timeout=5000)
    assert window.sync_status.text() == ("Sync: 1 row from HQ not applied · "
                                         "2 changes waiting")


def test_discard_asks_first_naming_the_record_and_removes_only_that_change(
        qtbot, held, db, window, monkeypatch):
    screen = _sync_screen(qtbot, window)
    panel = screen.held_changes
    asked = _answer_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert "Contact “Amira Haddad”" in asked[0]
    assert len(_outbox(db)) == 2  # the officer said no: nothing changes

    _answer_question(monkeypatch, QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    # The edit behind it is no longer held back: it leaves the list too and goes as usual.
    qtbot.waitUntil(lambda: panel.table.isHidden(), timeout=5000)
    assert _outbox(db) == {held.waiting_change: ""}
    with db.session() as session:  # the record on this laptop stays as it is
        assert session.get(Contact, held.contact_id).role == "Head of logistics"


def test_save_to_a_file_writes_the_held_change_and_row_as_json(
        qtbot, held, tmp_path, window, monkeypatch):
    screen = _sync_screen(qtbot, window)
    target = tmp_path / "for-hq.json"
    offered: list[str] = []

    def ask(_parent, _title, suggested, _filters, _selected=""):
        offered.append(suggested)
        return str(target), "JSON (*.json)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    qtbot.mouseClick(screen.held_changes.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert offered[0].endswith(held_file_name(date.today()))
    assert held_file_name(date(2026, 3, 4)) == "held-changes-2026-03-04.json"
    report = json.loads(target.read_text(encoding="utf-8"))
    saved = {c["change_id"]: c for c in report["held_changes"]}
    assert saved[held.held_change]["record"] == "Contact “Amira Haddad”"
    assert saved[held.held_change]["reason"] == HQ_SENTENCE
    assert saved[held.held_change]["fields"]["given_name"] == "Amira"
    assert report["held_rows"][0]["reason"] == ROW_REASON
    qtbot.waitUntil(lambda: str(target) in screen.held_changes.message.text(), timeout=5000)


def test_discarding_a_held_row_forgets_it_here(qtbot, held, db, window):
    screen = _sync_screen(qtbot, window)
    rows = screen.held_rows
    screen.tabs.setCurrentWidget(rows)
    qtbot.mouseClick(rows.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows.table.isHidden(), timeout=5000)
    assert rows.note.text().startswith("Nothing held.")
    assert screen.tabs.tabText(2) == "Not applied from HQ"
    with db.session() as session:
        assert session.get(HeldRow, held.held_row) is None
    qtbot.waitUntil(lambda: "not applied" not in window.sync_status.text(), timeout=5000)


def test_nothing_held_says_so(qtbot, window):
    screen = _sync_screen(qtbot, window)
    assert screen.held_changes.note.text().startswith("Nothing held.")
    assert screen.held_changes.table.isHidden()
    assert not screen.held_changes.save_button.isEnabled()
    assert screen.tabs.tabText(1) == "Held by HQ"
    assert screen.tabs.currentIndex() == 0
    assert screen.archived_label.isHidden()


def test_archived_operations_are_named_as_readable_and_no_longer_syncing(qtbot, held, db,
                                                                         window):
    with db.transaction() as session, remote_writes(session):
        flood = create_operation(session, OperationInput("Flood Bravo", "FLB", "Malawi"))
        session.flush()
        for operation in session.query(Operation):
            operation.rev = 3  # both came from HQ
        local.set_state(session, "hq_operations", json.dumps([flood.id]))
    screen = _sync_screen(qtbot, window)
    screen.reload()
    qtbot.waitUntil(lambda: screen.archived_label.isVisibleTo(screen), timeout=5000)
    text = screen.archived_label.text()
    assert "Cyclone Ana" in text
    assert "Flood Bravo" not in text
    assert "stay readable on this laptop and no longer sync" in text


def test_failed_sync_shows_the_logs_sentence_on_screen_and_in_the_status_bar(qtbot, db,
                                                                              window):
    sentence = "HQ did not answer in time; your changes are kept and go at the next sync."
    now = utcnow()
    with db.transaction() as session:
        local.set_state(session, DEVICE_ID, "device-1")
        # The laptop's clock was put back between the attempts: the log keeps its own order.
        local.add_log(session, {"at": now.isoformat(), "result": "ok", "message": ""})
        local.add_log(session, {"at": (now - timedelta(days=2)).isoformat(),
                                "result": "error", "message": sentence})
        local.set_state(session, LAST_ERROR, sentence)
    screen = _sync_screen(qtbot, window)
    qtbot.waitUntil(lambda: screen.log_table.rowCount() == 2, timeout=5000)
    assert screen.log_table.item(0, 1).text() == "Failed"  # newest first, as logged
    assert screen.log_table.item(0, 6).text() == sentence
    assert screen.log_table.item(1, 1).text() == "Done"
    assert f"Last attempt failed: {sentence}" in screen.state_label.text()
    qtbot.waitUntil(lambda: window.sync_status.text() == "Sync: error · 0 changes waiting",
                    timeout=5000)
