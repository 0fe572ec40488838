"""The Central Register reaches every laptop, and corrections proposed on a laptop travel
back to HQ's registry staff and their answers to the laptop (issue 18).

Real HQ (uvicorn, SQLite and PostgreSQL), real client profiles synced through it, the
registry staff's pages through a signed-in browser.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldapp.db import Database
from fieldapp.errors import ReadOnlyError
from fieldapp.models import OutboxEntry, RegisterEntry, RegisterProposal
from fieldapp.services.register import propose_correction
from hq import admin, register
from hq.models import Change, RowState
from hq.proposal_tables import RegisterProposal as HqProposal
from hq.register_tables import RegisterEntry as HqEntry
from sync.client import sync_once
from tests.sync.conftest import Hq, enrolled
from tests.sync.staff_browser import StaffBrowser, staff

READ_ONLY = "The Central Register is kept at HQ; propose a correction instead."
OFFER = {
    "provider": "Норвегия — Norwegian Civil Defence", "provider_kind": "member_state",
    "provider_state": "NOR", "capability": "Water purification unit, 15 m³/h, with crew",
    "category": "water_sanitation", "quantity": "3", "capacity_value": "15",
    "capacity_unit": "m³/h", "readiness_hours": "24", "deployment_hours": "72",
    "conditions": "Bilateral request through the embassy; cost-recovery",
    "poc_name": "王芳", "poc_email": "duty@dsb.example.no", "poc_phone": "+47 33 41 25 00",
    "valid_until": "2027-06-30", "status": "active",
}


@pytest.fixture
def laptops(hq: Hq, make_profile: Any) -> tuple[Database, Database]:
    """Ana's laptop (operation MRV) and Boris's (operation KIV only), both enrolled."""
    admin.add_operation(hq.db, code="KIV", name="Kivu floods", country="COD")
    admin.add_officer(hq.db, name="Boris")
    admin.assign(hq.db, officer="Boris", operation="KIV")
    return (enrolled(hq, make_profile, "ana"),
            enrolled(hq, make_profile, "boris", officer="Boris"))


def _create(hq: Hq, values: dict[str, str] | None = None) -> str:
    with hq.db.write() as session:
        return register.create_entry(session, values or OFFER, actor="Registry clerk").id


def _entry(db: Database, entry_id: str) -> RegisterEntry | None:
    with db.session() as session:
        return session.get(RegisterEntry, entry_id)


def _registry(hq: Hq) -> StaffBrowser:
    return staff(hq.db, hq.url, "Leila Haddad", "registry")


def _propose(db: Database, entry_id: str, changes: dict[str, str], comment: str) -> str:
    with db.transaction() as session:
        proposal = RegisterProposal(entry_id=entry_id, changes=changes, comment=comment)
        session.add(proposal)
    return proposal.id


def _decide(browser: StaffBrowser, proposal_id: str, action: str, answer: str) -> Any:
    page = browser.get("/register/proposals")
    form = re.search(rf'/register/proposals/{proposal_id}/{action}".*?name="rev" '
                     r'value="(\d+)"', page.text, re.S)
    assert form, f"no {action} form for {proposal_id}"
    return browser.post(f"/register/proposals/{proposal_id}/{action}",
                        {"answer": answer, "rev": form.group(1)})


def test_an_entry_made_at_hq_reaches_laptops_of_different_operations(hq: Hq, laptops) -> None:
    ana, boris = laptops
    entry_id = _create(hq)

    assert sync_once(ana).pulled == 1
    assert sync_once(boris).pulled == 1

    for laptop in laptops:
        entry = _entry(laptop, entry_id)
        assert entry is not None
        assert (entry.provider, entry.provider_state, entry.category, entry.quantity) == \
            ("Норвегия — Norwegian Civil Defence", "NOR", "water_sanitation", 3)
        assert (entry.capacity_value, entry.readiness_hours, entry.poc_name) == (15.0, 24, "王芳")
        assert entry.valid_until.isoformat() == "2027-06-30"
        assert (entry.status, entry.version, entry.operation_id) == ("active", 1, None)
        with laptop.session() as session:
            assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_an_edit_and_a_retirement_reach_the_laptops(hq: Hq, laptops) -> None:
    ana, boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    sync_once(boris)

    with hq.db.write() as session:
        register.edit_entry(session, entry_id, {"quantity": "5", "poc_name": "Ingrid Berg"},
                            actor="Registry clerk", version=1)
    assert sync_once(ana).pulled == sync_once(boris).pulled == 1
    for laptop in laptops:
        entry = _entry(laptop, entry_id)
        assert (entry.quantity, entry.poc_name, entry.version) == (5, "Ingrid Berg", 2)

    with hq.db.write() as session:
        register.retire_entry(session, entry_id, actor="Registry clerk", version=2)
    sync_once(ana)
    sync_once(boris)
    for laptop in laptops:
        entry = _entry(laptop, entry_id)
        assert entry is not None
        assert not entry.deleted
        assert (entry.status, entry.version) == ("retired", 3)


def test_a_laptop_cannot_write_an_entry_and_hq_holds_a_write_sent_anyway(hq: Hq,
                                                                        laptops) -> None:
    ana, boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    with pytest.raises(ReadOnlyError, match="propose a correction instead"), \
            ana.transaction() as session:
        session.get(RegisterEntry, entry_id).quantity = 9
    assert _entry(ana, entry_id).quantity == 3

    # An older or altered client sends the write all the same (an outbox entry made by hand).
    with ana.transaction() as session:
        session.add(OutboxEntry(entity="register_entry", row_id=entry_id, operation_id=None,
                                fields={"quantity": 9}, base={"quantity": 3}, base_rev=None))
    result = sync_once(ana)

    assert result.held == 1
    with ana.session() as session:
        held = session.scalars(select(OutboxEntry)).one()
        assert (held.held_code, held.held_detail) == ("not_yours", READ_ONLY)
    with hq.db.read() as session:
        assert session.get(RowState, ("register_entry", entry_id)).fields["quantity"] == 3
    sync_once(boris)
    assert _entry(boris, entry_id).quantity == 3


def test_a_proposal_accepted_at_hq_corrects_the_entry_on_every_laptop(hq: Hq, laptops) -> None:
    ana, boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    sync_once(boris)
    with ana.transaction() as session:  # the laptop's own way of proposing
        proposal_id = propose_correction(
            session, entry_id, {"quantity": "2", "poc_phone": "+47 33 41 26 00"},
            "Only two units left after the Beira deployment.").id
    assert sync_once(ana).pushed == 1
    registry = _registry(hq)
    assert re.search(r'Correction proposals <span class="count">1 pending</span>',
                     registry.get("/register").text)

    page = registry.get("/register/proposals")
    assert page.status_code == 200
    assert "Only two units left after the Beira deployment." in page.text
    assert "Ana" in page.text
    assert "Норвегия — Norwegian Civil Defence" in page.text
    assert re.search(r'<tr class="changed">\s*<th scope="row">Quantity</th>\s*<td[^>]*>3</td>'
                     r'\s*<td[^>]*><strong>2</strong>', page.text)

    answer = _decide(registry, proposal_id, "accept", "Thank you: corrected.")
    assert answer.status_code == 303
    assert "pending</span>" not in registry.get("/register").text

    with hq.db.read() as session:
        entry = session.scalar(select(HqEntry).where(HqEntry.id == entry_id))
        assert (entry.quantity, entry.poc_phone, entry.version) == (2, "+4733412600", 2)
        assert {(e.action, e.field, e.actor) for e in register.history(session, entry_id)} >= {
            ("proposal", "quantity", "Leila Haddad"), ("proposal", "poc_phone", "Leila Haddad")}
        assert session.get(HqProposal, proposal_id).status == "accepted"
    sync_once(ana)
    sync_once(boris)
    for laptop in laptops:
        assert (_entry(laptop, entry_id).quantity, _entry(laptop, entry_id).version) == (2, 2)
    with ana.session() as session:
        mine = session.get(RegisterProposal, proposal_id)
        assert (mine.status, mine.answer, mine.answered_by) == \
            ("accepted", "Thank you: corrected.", "Leila Haddad")
        assert mine.answered_at is not None
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    with boris.session() as session:  # a proposal is its officer's: Boris never sees it
        assert session.get(RegisterProposal, proposal_id) is None


def test_a_rejection_needs_an_answer_and_the_answer_comes_back(hq: Hq, laptops) -> None:
    ana, _boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    proposal_id = _propose(ana, entry_id, {"status": "retired"}, "They withdrew the offer.")
    sync_once(ana)
    registry = _registry(hq)

    empty = _decide(registry, proposal_id, "reject", "  ")
    assert empty.status_code == 422
    assert "Say why the proposal is rejected" in empty.text
    with hq.db.read() as session:
        assert session.get(HqProposal, proposal_id).status == "pending"

    answer = _decide(registry, proposal_id, "reject",
                     "Norway confirmed the offer on 2 December; it stands.")
    assert answer.status_code == 303
    sync_once(ana)
    with ana.session() as session:
        mine = session.get(RegisterProposal, proposal_id)
        assert (mine.status, mine.answer) == (
            "rejected", "Norway confirmed the offer on 2 December; it stands.")
        assert session.get(RegisterEntry, entry_id).status == "active"
    with hq.db.read() as session:
        assert session.scalar(select(HqEntry.status).where(HqEntry.id == entry_id)) == "active"


def test_a_retried_push_makes_no_second_proposal(hq: Hq, laptops) -> None:
    ana, _boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    proposal_id = _propose(ana, entry_id, {"quantity": "1"}, "One unit")
    with ana.session() as session:
        sent = session.scalars(select(OutboxEntry)).one()
        copy = {"entity": sent.entity, "row_id": sent.row_id, "fields": dict(sent.fields),
                "base": {}, "operation_id": None}
    sync_once(ana)
    with ana.transaction() as session:  # the answer was lost: the same change goes again
        session.add(OutboxEntry(**copy))
    again = sync_once(ana)

    assert again.pushed == 1
    assert again.held == 0
    with hq.db.read() as session:
        assert session.scalar(select(func.count()).select_from(HqProposal)) == 1
        assert session.scalar(select(func.count()).select_from(Change).where(
            Change.entity == "register_proposal", Change.row_id == proposal_id)) == 1


def test_hq_keeps_its_fields_of_a_proposal(hq: Hq, laptops) -> None:
    """A laptop cannot write HQ's answer: refused here, held at HQ if sent anyway."""
    ana, _boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    proposal_id = _propose(ana, entry_id, {"quantity": "1"}, "One unit")
    sync_once(ana)
    with pytest.raises(ReadOnlyError), ana.transaction() as session:
        session.get(RegisterProposal, proposal_id).status = "accepted"
    with ana.transaction() as session:
        session.add(OutboxEntry(entity="register_proposal", row_id=proposal_id,
                                operation_id=None, fields={"status": "accepted"},
                                base={"status": "pending"}))
    assert sync_once(ana).held == 1
    with hq.db.read() as session:
        assert session.get(HqProposal, proposal_id).status == "pending"
        assert session.get(RowState, ("register_proposal", proposal_id)).fields["status"] == \
            "pending"


def test_the_proposals_page_is_for_the_registry_role_only(hq: Hq, laptops) -> None:
    ana, _boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    proposal_id = _propose(ana, entry_id, {"quantity": "1"}, "One unit")
    sync_once(ana)
    reviewer = staff(hq.db, hq.url, "Rita Reviewer", "reviewer", "coordinator", "admin")
    registry = _registry(hq)

    assert registry.get("/register/proposals").status_code == 200
    assert reviewer.get("/register/proposals").status_code == 403
    refused = reviewer.post(f"/register/proposals/{proposal_id}/accept", {"answer": ""})
    assert refused.status_code == 403
    forged = registry.post(f"/register/proposals/{proposal_id}/accept", {"answer": ""},
                           csrf="forged")
    assert forged.status_code == 403
    signed_out = StaffBrowser(hq.url).get("/register/proposals")
    assert signed_out.status_code == 303
    with hq.db.read() as session:
        assert session.get(HqProposal, proposal_id).status == "pending"


def test_a_proposed_value_the_register_refuses_is_not_accepted(hq: Hq, laptops) -> None:
    ana, _boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    proposal_id = _propose(ana, entry_id, {"quantity": "0", "poc_email": "nobody"}, "")
    sync_once(ana)
    registry = _registry(hq)

    answer = _decide(registry, proposal_id, "accept", "")

    assert answer.status_code == 422
    assert "Nothing was saved" in answer.text
    assert "The quantity is a whole number" in answer.text
    with hq.db.read() as session:
        assert session.get(HqProposal, proposal_id).status == "pending"
        entry = session.scalar(select(HqEntry).where(HqEntry.id == entry_id))
        assert (entry.quantity, entry.version) == (3, 1)


def test_an_answered_proposal_is_no_longer_edited_but_may_be_withdrawn(hq: Hq,
                                                                       laptops) -> None:
    ana, _boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    answered = _propose(ana, entry_id, {"quantity": "2"}, "Two")
    withdrawn = _propose(ana, entry_id, {"quantity": "4"}, "Four")
    sync_once(ana)
    assert _decide(_registry(hq), answered, "reject", "Three it is.").status_code == 303
    sync_once(ana)

    with ana.transaction() as session:
        session.get(RegisterProposal, answered).comment = "Two, really"
        session.get(RegisterProposal, withdrawn).deleted = True
    result = sync_once(ana)

    assert result.held == 1
    with ana.session() as session:
        held = session.scalars(select(OutboxEntry)).one()
        assert held.row_id == answered
        assert "already answered" in held.held_detail
    with hq.db.read() as session:
        assert session.get(HqProposal, answered).comment == "Two"
        assert session.get(HqProposal, withdrawn).deleted is True
    page = _registry_page(hq)
    assert "Four" not in page
    assert "Three it is." in page


def _registry_page(hq: Hq) -> str:
    return staff(hq.db, hq.url, "Second clerk", "registry").get("/register/proposals").text


def test_publishing_many_entries_writes_only_what_changed(hq: Hq) -> None:
    from hq.register_feed import publish_many

    first, second = _create(hq), _create(hq, {**OFFER, "provider": "Sweden",
                                              "provider_state": "SWE"})
    with hq.db.write() as session:
        entries = session.scalars(select(HqEntry)).all()
        assert publish_many(session, entries) == 0  # create_entry published them already
        entries[0].quantity = 7
        written = publish_many(session, entries)
    with hq.db.read() as session:
        states = {s.row_id: s for s in session.scalars(
            select(RowState).where(RowState.entity == "register_entry"))}
    changed = entries[0].id
    assert written == 1
    assert {first, second} == set(states)
    assert states[changed].fields["quantity"] == 7
    assert states[changed].field_revs["quantity"][0] == states[changed].seq
    assert states[changed].field_revs["provider"][0] < states[changed].seq
    assert states[changed].last_device_id is None


def test_the_proposals_migration_goes_down_and_up(hq_database_url: str) -> None:
    from pathlib import Path

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from hq import db as hq_db
    from hq.db import make_engine, run_migrations

    engine = make_engine(hq_database_url)
    run_migrations(engine, target="0010_hq_register_sync")
    assert "hq_register_proposals" in inspect(engine).get_table_names()
    config = Config()
    config.set_main_option("script_location", str(Path(hq_db.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009_hq_register")
    assert "hq_register_proposals" not in inspect(engine).get_table_names()
    run_migrations(engine)
    assert "hq_register_proposals" in inspect(engine).get_table_names()
    engine.dispose()


def test_a_laptop_of_the_previous_version_gains_the_register_tables(tmp_path) -> None:
    from sqlalchemy import inspect

    from fieldapp.paths import resolve_profile

    paths = resolve_profile(tmp_path)
    db = Database.open(paths, upgrade_to="0009_contact_list_indexes")
    assert "register_entries" not in inspect(db.engine).get_table_names()
    db.close()
    db = Database.open(paths)
    names = set(inspect(db.engine).get_table_names())
    indexes = {i["name"] for i in inspect(db.engine).get_indexes("register_entries")}
    db.close()
    assert {"register_entries", "register_proposals"} <= names
    assert {"ix_register_entries_category", "ix_register_entries_status"} <= indexes


def test_what_an_officer_wrote_is_shown_as_text(hq: Hq, laptops) -> None:
    ana, _boris = laptops
    entry_id = _create(hq)
    sync_once(ana)
    _propose(ana, entry_id, {"capacity_unit": "<b>t</b>"}, '<script>alert("x")</script>')
    sync_once(ana)

    page = _registry(hq).get("/register/proposals").text

    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;b&gt;t&lt;/b&gt;" in page


def test_an_entry_is_published_once_as_it_stands_at_commit_and_never_if_rolled_back(
        hq: Hq) -> None:
    with hq.db.write() as session:
        entry = register.create_entry(session, OFFER, actor="Registry clerk")
        register.edit_entry(session, entry.id, {"quantity": "4"}, actor="Registry clerk",
                            version=1)
    with pytest.raises(RuntimeError), hq.db.write() as session:
        register.edit_entry(session, entry.id, {"quantity": "9"}, actor="Registry clerk",
                            version=2)
        raise RuntimeError("the import failed half-way")  # i18n: not shown

    with hq.db.read() as session:
        state = session.get(RowState, ("register_entry", entry.id))
        logged = session.scalars(select(Change.fields).where(
            Change.entity == "register_entry", Change.row_id == entry.id)).all()
    assert (state.fields["quantity"], state.fields["version"]) == (4, 2)
    assert len(logged) == 1
