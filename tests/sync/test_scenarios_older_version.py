"""Scenarios of a device going back and forth between versions: an officer's edit of a field
an older version could not store, sent by that older version, survives the upgrade. A
real HQ (SQLite, and PostgreSQL when CMCOORD_TEST_PG_URL is set) and real device profiles.
"""

from __future__ import annotations

from fieldapp.models import Contact
from sync.client import held_rows, sync_once
from tests.sync.conftest import enrolled
from tests.sync.scenario_helpers import add, edit, get, hq_row, older_client, outcome

# --- p10: an older client that cannot store a field (see test_scenarios_cursors.py) -----


def test_own_edit_sent_by_the_older_version_is_not_undone_by_its_kept_row_after_upgrade(
        hq, make_profile):
    # Found by the model-based test: the older version keeps HQ's `notes` of a contact
    # back; the officer's new notes (written by the newer build, then sent by the older
    # one) reach HQ, which never sends them back; after the upgrade the kept row put the
    # old notes back here, so the laptop showed "" while HQ and colleagues had "radio 4".
    new = enrolled(hq, make_profile, "new-version")
    laptop = enrolled(hq, make_profile, "laptop")
    contact_id = add(new, Contact(operation_id=hq.operation_id, given_name="Amira"))
    sync_once(new)
    with older_client():  # Fake: the older version, without `notes`
        sync_once(laptop)
    edit(laptop, Contact, contact_id, notes="radio 4")  # the newer build, not synced
    with older_client():  # the older version again sends the edit
        assert outcome(laptop) == "ok"

    assert outcome(laptop) == "ok"  # the upgraded version

    assert hq_row(hq, "contact", contact_id).fields["notes"] == "radio 4"
    assert get(laptop, Contact, contact_id).notes == "radio 4"
    with laptop.session() as session:
        assert held_rows(session) == []
