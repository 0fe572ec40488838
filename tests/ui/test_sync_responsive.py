"""The window stays responsive during a big sync (issue 17) because of two mechanisms,
checked here by counting, not timing (bench/sync_gui.py times them):
- a sync announces what changed once, when it ends: the screens do not read the database
  again after every batch it receives;
- a network task's progress reaches the GUI thread a few times a second at most, however
  often the worker reports."""

from __future__ import annotations

import shutil
import time

import pytest

from fieldapp.db import Database
from fieldapp.models import Contact
from fieldapp.paths import resolve_profile
from hq import admin
from sync.client import PULL_BATCH, enroll, sync_once
from ui.tasks import NETWORK_PROGRESS_S

pytestmark = pytest.mark.usefixtures("no_keyring")  # the token goes into the database


@pytest.fixture
def hq_with_contacts(hq, tmp_path, _migrated_template):
    """HQ holding more contacts than two pull batches, pushed by another laptop."""
    root = tmp_path / "other-laptop"
    shutil.copytree(_migrated_template, root)
    other = Database.open(resolve_profile(root))
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    enroll(other, hq.url, code)
    sync_once(other)
    with other.transaction() as session:
        session.add_all(Contact(given_name="Kofi", family_name=f"Family{i}",
                                operation_id=hq.operation_id)
                        for i in range(2 * PULL_BATCH + 50))
    sync_once(other)
    other.close()
    return hq


def test_screens_read_a_syncs_rows_once_when_it_ends_not_per_batch(
        qtbot, hq_with_contacts, ctx, window):
    contacts = window.show_section("contacts")
    qtbot.waitUntil(lambda: not contacts.model.loading, timeout=5000)
    code, _ = admin.make_enrollment_code(hq_with_contacts.db, officer="Ana")
    enroll(ctx.db, hq_with_contacts.url, code)
    events: list[str] = []
    ctx.sync.finished.connect(lambda *_: events.append("sync finished"))
    ctx.changed.connect(lambda _kinds: events.append("changed"))
    contacts.model.loaded.connect(lambda: events.append("list read"))
    with qtbot.waitSignal(ctx.sync.finished, timeout=30000) as finished:
        ctx.sync.sync_now()
    # The contacts and their operation, in three pull batches.
    assert finished.args == ["ok", f"Sent 0, received {2 * PULL_BATCH + 51}."]
    qtbot.waitUntil(lambda: "list read" in events, timeout=5000)
    qtbot.wait(300)  # time for a second read, were one coming

    # Nothing is read while the sync runs; then one change for the sync and one for the
    # operation that arrived becoming current (none was), in either order with the reads.
    assert events[:2] == ["sync finished", "changed"]
    assert events.count("changed") <= 2  # the second may still be on its way
    assert 1 <= events.count("list read") <= 3  # per change and per operation, not per batch
    assert ctx.current_operation_id


def test_a_network_task_passes_on_a_few_progress_reports_a_second(qtbot, ctx):
    spent: list[float] = []

    def work(_db, progress):
        started = time.monotonic()
        for step in range(1, 20001):
            progress.report(step, 20000, f"Received {step}")
        spent.append(time.monotonic() - started)

    reports: list[tuple[int, int, str]] = []
    with qtbot.waitSignal(ctx.tasks.network(work, changes=(),
                                            on_progress=lambda *r: reports.append(r)).finished,
                          timeout=20000):
        pass

    allowed = 2 + int(spent[0] / NETWORK_PROGRESS_S)  # the first, the last, one per interval
    assert 2 <= len(reports) <= allowed, (len(reports), spent)
    assert reports[-1] == (20000, 20000, "Received 20000")  # the end is always shown
