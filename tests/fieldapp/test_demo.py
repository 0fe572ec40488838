"""The demo operation loads complete and consistent, all or nothing; make_data fills a profile."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bench.make_data import Counts, make_data
from fieldapp.db import Database
from fieldapp.demo import has_demo, load_demo, read_demo_content, rfa_counter_name
from fieldapp.errors import Cancelled
from fieldapp.models import (
    Asset,
    AssetStatusEvent,
    Contact,
    Counter,
    Lesson,
    Operation,
    Organisation,
    OutboxEntry,
    Rfa,
    RfaEvent,
    Setting,
)
from fieldapp.models.enums import (
    AssetCategory,
    AssetStatus,
    LessonTopic,
    OrganisationType,
    PhoneKind,
    RfaPriority,
    RfaStatus,
)
from fieldapp.paths import resolve_profile
from fieldapp.progress import Progress
from fieldapp.search import search
from fieldapp.services.operations import current_operation
from fieldapp.services.rfa import TRANSITIONS
from fieldapp.services.settings import device_code, first_run_done, get_officer

# Which status may follow which: the service's table; "" is before the request exists.
NEXT_RFA_STATUS: dict[str, frozenset[str]] = {"": frozenset({RfaStatus.DRAFT}), **TRANSITIONS}
ASSET_ORDER = [status.value for status in AssetStatus]
E164 = re.compile(r"^\+[1-9]\d{7,14}$")
# What a text would say if it promised that demo data goes to HQ (it never does: sync.local
# drops every outbox entry of the demo operation).
SENDING_CLAIM = re.compile(
    r"next sync|with the sync|goe?s? to (geneva|hq)|will be (sent|synced|uploaded)"
    r"|travels (with|to)|(is|are|gets?) sent to (geneva|hq)|(is|are) synced", re.IGNORECASE)


def _count(session, model, operation_id: str | None = None) -> int:
    query = select(func.count()).select_from(model)
    if operation_id is not None:
        query = query.where(model.operation_id == operation_id)
    return session.scalar(query)


@pytest.fixture
def demo(db) -> str:
    return load_demo(db)


def test_demo_has_the_minimum_content(db, demo):
    with db.session() as session:
        assert _count(session, Contact, demo) >= 40
        assert _count(session, Asset, demo) >= 25
        assert _count(session, Rfa, demo) >= 10
        assert _count(session, Lesson, demo) >= 6
        rfa_statuses = set(session.scalars(select(Rfa.status)))
        priorities = set(session.scalars(select(Rfa.priority)))
        categories = set(session.scalars(select(Asset.category)))
        topics = set(session.scalars(select(Lesson.topic)))
    assert len(rfa_statuses) >= 6
    assert priorities == {p.value for p in RfaPriority}
    assert len(categories) >= 8
    assert categories <= {c.value for c in AssetCategory}
    assert len(topics) >= 5
    assert topics <= {t.value for t in LessonTopic}


def test_demo_covers_every_organisation_type_and_asset_status(db, demo):
    with db.session() as session:
        org_types = set(session.scalars(
            select(Organisation.org_type)
            .join(Contact, Contact.organisation_id == Organisation.id)
            .where(Contact.operation_id == demo)))
        statuses = set(session.scalars(select(Asset.status).where(Asset.operation_id == demo)))
    assert org_types == {t.value for t in OrganisationType}
    assert statuses == {s.value for s in AssetStatus}


def test_demo_contacts_have_usable_phones_and_emails(db, demo):
    with db.session() as session:
        contacts = list(session.scalars(select(Contact).where(Contact.operation_id == demo)))
    kinds = {phone["kind"] for contact in contacts for phone in contact.phones}
    assert kinds <= {k.value for k in PhoneKind}
    assert {PhoneKind.MOBILE, PhoneKind.SATELLITE} <= kinds
    for contact in contacts:
        assert contact.phones, contact.display_name
        assert contact.emails, contact.display_name
        for phone in contact.phones:
            assert E164.match(phone["number"]), (contact.display_name, phone)
        assert all("@" in email for email in contact.emails)
        if contact.satellite_phone:
            assert E164.match(contact.satellite_phone)
    assert sum(bool(c.satellite_phone) for c in contacts) >= 10
    assert sum(bool(c.call_sign) for c in contacts) >= 10
    assert all(c.languages for c in contacts)


def test_demo_operation_is_current_and_fictional(db, demo):
    with db.session() as session:
        operation = current_operation(session)
        assert operation is not None
        assert operation.id == demo
        assert operation.country == "XMV"
        assert "fictional" in operation.notes.lower()


def test_every_rfa_history_leads_step_by_step_to_its_status(db, demo):
    now = datetime.now(UTC)
    with db.session() as session:
        rfas = list(session.scalars(select(Rfa).where(Rfa.operation_id == demo)))
        for rfa in rfas:
            events = list(session.scalars(
                select(RfaEvent).where(RfaEvent.rfa_id == rfa.id).order_by(RfaEvent.at)))
            assert events, rfa.reference
            previous = ""
            for event in events:
                assert event.from_status == previous, rfa.reference
                assert event.to_status in NEXT_RFA_STATUS[previous], (rfa.reference, event)
                assert event.by
                assert event.at <= now
                previous = event.to_status
            assert previous == rfa.status, rfa.reference
            assert len({e.at for e in events}) == len(events), "two steps at the same time"


def test_tasked_and_completed_rfas_name_an_asset_that_was_committed(db, demo):
    with db.session() as session:
        rfas = list(session.scalars(select(Rfa).where(
            Rfa.operation_id == demo,
            Rfa.status.in_([RfaStatus.TASKED, RfaStatus.COMPLETED]))))
        assert rfas
        for rfa in rfas:
            asset = session.get(Asset, rfa.tasked_asset_id)
            assert asset is not None, rfa.reference
            assert asset.status in {AssetStatus.COMMITTED, AssetStatus.DEPLOYED,
                                    AssetStatus.RELEASED}
            assert rfa.last_resort_justification
            assert rfa.civilian_means_tried


def test_every_asset_history_moves_forward_to_its_status(db, demo):
    with db.session() as session:
        for asset in session.scalars(select(Asset).where(Asset.operation_id == demo)):
            steps = list(session.scalars(
                select(AssetStatusEvent.status)
                .where(AssetStatusEvent.asset_id == asset.id).order_by(AssetStatusEvent.at)))
            ranks = [ASSET_ORDER.index(step) for step in steps]
            assert ranks == sorted(set(ranks)), asset.provider_unit
            assert steps[-1] == asset.status
            assert asset.poc_contact_id is not None
            assert asset.available_from <= asset.available_to


def test_rfa_references_follow_the_counter(db, demo):
    with db.session() as session:
        operation = session.get(Operation, demo)
        prefix = f"{operation.code}-{device_code(session)}-"
        references = sorted(session.scalars(select(Rfa.reference)))
        counter = session.get(Counter, rfa_counter_name(demo))
    assert all(re.fullmatch(re.escape(prefix) + r"\d{4}", ref) for ref in references)
    assert counter is not None
    assert counter.value == max(int(ref[-4:]) for ref in references)


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


@pytest.mark.parametrize("claim", ["It goes to Geneva with the next sync.",
                                   "Submitted: it travels with the sync.",
                                   "This will be sent to HQ.", "Notes go to HQ with your data."])
def test_a_promise_to_send_is_recognised(claim):
    assert SENDING_CLAIM.search(claim)


def test_no_demo_text_says_it_will_be_sent():
    texts = _texts(read_demo_content())
    assert len(texts) > 500  # every string of the scenario, not just its top level
    assert [text for text in texts if SENDING_CLAIM.search(text)] == []


def test_demo_operation_says_its_data_stays_on_the_laptop(db, demo):
    with db.session() as session:
        notes = current_operation(session).notes
    assert "stays on this laptop and is never sent to HQ" in notes
    assert not SENDING_CLAIM.search(notes)


def test_demo_rows_are_local_changes_in_the_outbox(db, demo):
    with db.session() as session:
        rfa_ids = set(session.scalars(select(Rfa.id)))
        entries = set(session.scalars(select(OutboxEntry.row_id)
                                      .where(OutboxEntry.entity == "rfa")))
    assert rfa_ids == entries


def test_loading_twice_keeps_one_demo(db, demo):
    assert has_demo(db)
    assert load_demo(db) == demo
    with db.session() as session:
        assert _count(session, Operation) == 1


def test_has_demo_is_false_in_a_new_profile(db):
    assert not has_demo(db)


def test_cancelled_load_leaves_nothing_behind(db):
    reports: list[tuple[int, int, str]] = []

    def on_report(done: int, total: int, message: str) -> None:
        reports.append((done, total, message))
        if done == total // 2:
            progress.cancel()

    progress = Progress(on_report)
    with pytest.raises(Cancelled):
        load_demo(db, progress=progress)
    assert reports
    assert reports[-1][0] < reports[-1][1]
    assert not has_demo(db)
    with db.session() as session:
        for model in (Operation, Organisation, Contact, Asset, AssetStatusEvent, Rfa,
                      RfaEvent, Lesson, OutboxEntry, Counter):
            assert _count(session, model) == 0, model.__name__
        assert session.get(Setting, "current_operation_id") is None


def test_load_reports_progress_to_the_end(db):
    reports: list[tuple[int, int, str]] = []
    load_demo(db, progress=Progress(lambda *args: reports.append(args)))
    done, total, _ = reports[-1]
    assert done == total
    assert [r[0] for r in reports] == list(range(1, total + 1))


# --- bench.make_data ----------------------------------------------------------------------

@pytest.fixture
def small_profile(tmp_path):
    root = tmp_path / "bench-profile"
    result = make_data(root, Counts(contacts=500, assets=100, rfas=50, lessons=20))
    database = Database.open(resolve_profile(root))
    yield database, result
    database.close()


def test_make_data_makes_the_counts_asked_for(small_profile):
    db, result = small_profile
    assert (result["contacts"], result["assets"], result["rfas"], result["lessons"]) == (
        500, 100, 50, 20)
    with db.session() as session:
        operation = current_operation(session)
        assert operation is not None
        assert _count(session, Contact, operation.id) == 500
        assert _count(session, Asset, operation.id) == 100
        assert _count(session, Rfa, operation.id) == 50
        assert _count(session, Lesson, operation.id) == 20
        assert _count(session, OutboxEntry) == 0  # as if synced from HQ
        assert session.scalar(select(func.min(Contact.rev))) is not None
        assert set(session.scalars(select(Organisation.org_type))) == {
            t.value for t in OrganisationType}
        assert first_run_done(session)
        assert get_officer(session).name


def test_make_data_rows_are_found_by_search(small_profile):
    db, _ = small_profile
    with db.session() as session:
        op_id = current_operation(session).id
        contact = session.scalars(select(Contact).where(Contact.deleted.is_(False))).first()
        rfa = session.scalars(select(Rfa)).first()
        lesson = session.scalars(select(Lesson)).first()
        asset = session.scalars(select(Asset)).first()
        hits = {
            "contact": search(session, f"{contact.given_name} {contact.family_name}",
                              operation_id=op_id, kinds=("contact",), limit=50),
            "rfa": search(session, rfa.reference, operation_id=op_id, kinds=("rfa",)),
            "lesson": search(session, lesson.title, operation_id=op_id, kinds=("lesson",),
                             limit=200),
            "asset": search(session, asset.provider_unit, operation_id=op_id,
                            kinds=("asset",), limit=200),
        }
    assert contact.id in {hit.id for hit in hits["contact"]}
    assert rfa.id in {hit.id for hit in hits["rfa"]}
    assert lesson.id in {hit.id for hit in hits["lesson"]}
    assert asset.id in {hit.id for hit in hits["asset"]}


def test_make_data_is_reproducible(tmp_path):
    counts = Counts(contacts=50, assets=10, rfas=10, lessons=5)
    names = []
    for run in ("a", "b"):
        make_data(tmp_path / run, counts)
        database = Database.open(resolve_profile(tmp_path / run))
        with database.session() as session:
            names.append(list(session.execute(
                select(Contact.id, Contact.family_name, Rfa.title)
                .join(Rfa, Rfa.contact_id == Contact.id).order_by(Rfa.reference))))
        database.close()
    assert names[0] == names[1]
