"""Global search: ranked hits across kinds, scoped to the operation, never raising on input."""

from __future__ import annotations

import pytest

from fieldapp.models import Asset, Contact, HandbookSection, Lesson, Operation, Organisation, Rfa
from fieldapp.search import HIGHLIGHT_START, search, snippet_html


@pytest.fixture
def filled(db):
    with db.transaction() as session:
        op = Operation(name="Cyclone Ana", code="CYA", country="MOZ")
        other = Operation(name="Flood Bravo", code="FLB", country="MWI")
        session.add_all([op, other])
        session.flush()
        wfp = Organisation(name="World Food Programme", acronym="WFP", org_type="un_agency",
                           operation_id=op.id)
        session.add(wfp)
        session.flush()
        session.add_all([
            Contact(given_name="Élodie", family_name="Sécurité", role="Security adviser",
                    operation_id=op.id, organisation_id=wfp.id),
            Contact(given_name="Marco", family_name="Requesens", role="Logistics",
                    operation_id=op.id),
            Contact(given_name="Global", family_name="Rostered", role="Roster officer"),
            Contact(given_name="Hidden", family_name="Elsewhere", role="Logistics",
                    operation_id=other.id),
            Contact(given_name="Gone", family_name="Deleted", role="Logistics",
                    operation_id=op.id, deleted=True),
            Asset(description="Two medium-lift helicopters for logistics", operation_id=op.id,
                  provider_unit="Air Wing 3", category="airlift_helicopter"),
            Rfa(reference="CYA-07-0001", title="Helicopter lift of water purification units",
                task_description="Requesting airlift to the island", operation_id=op.id),
            Lesson(title="Liaison officers early", observation="Logistics cell met late",
                   operation_id=op.id),
            HandbookSection(slug="rfa", lang="en", title="Requests for assistance",
                            edition="t", body_md="", body_text="How requests are made."),
        ])
    return op


def _kinds(hits):
    return {(hit.kind, hit.title) for hit in hits}


def test_hits_come_from_every_kind(db, filled):
    with db.session() as session:
        hits = search(session, "logistics", operation_id=filled.id)
    kinds = {hit.kind for hit in hits}
    assert {"contact", "asset", "lesson"} <= kinds


def test_prefix_matches_while_typing(db, filled):
    with db.session() as session:
        titles = [hit.title for hit in search(session, "requese", operation_id=filled.id)]
    assert "Marco Requesens" in titles


def test_stemming_finds_other_forms_of_a_word(db, filled):
    with db.session() as session:
        found = _kinds(search(session, "request", operation_id=filled.id))
    assert ("handbook", "Requests for assistance") in found
    assert ("rfa", "CYA-07-0001 — Helicopter lift of water purification units") in found


def test_accents_do_not_matter(db, filled):
    with db.session() as session:
        titles = [hit.title for hit in search(session, "securite", operation_id=filled.id)]
    assert titles == ["Élodie Sécurité"]


def test_results_are_scoped_to_the_operation_and_skip_deleted_rows(db, filled):
    with db.session() as session:
        titles = {hit.title for hit in search(session, "logistics", operation_id=filled.id)}
    assert "Hidden Elsewhere" not in titles
    assert "Gone Deleted" not in titles


def test_global_contacts_show_in_every_operation(db, filled):
    with db.session() as session:
        titles = {hit.title for hit in search(session, "roster", operation_id=filled.id)}
    assert "Global Rostered" in titles


def test_a_match_in_the_name_ranks_above_one_in_the_notes(db, filled):
    with db.transaction() as session:
        session.add_all([
            Contact(given_name="Noted", notes="Met Okafor at the airport", operation_id=filled.id),
            Contact(given_name="Chidi", family_name="Okafor", operation_id=filled.id),
        ])
    with db.session() as session:
        hits = search(session, "okafor", operation_id=filled.id)
    assert [hit.title for hit in hits] == ["Chidi Okafor", "Noted"]


@pytest.mark.parametrize(
    "odd",
    ['"', "*", "AND", "OR", "NOT", "-", "--", '"unbalanced', "(", ")", "NEAR(", "a:b",
     "^", "'", "logistics AND", "-logistics", "\\", "%", "_", "\x00", " " * 10, "😀",
     "x" * 5000, "{col}: x", "logistics*"],
)
def test_odd_input_never_raises(db, filled, odd):
    with db.session() as session:
        hits = search(session, odd, operation_id=filled.id)
    assert isinstance(hits, list)


def test_operator_words_are_searched_as_words(db, filled):
    with db.session() as session:
        hits = search(session, "-logistics", operation_id=filled.id)
    assert any(hit.title == "Marco Requesens" for hit in hits)


def test_snippet_marks_the_match_and_escapes_html(db):
    with db.transaction() as session:
        session.add(Contact(given_name="Eve", notes="<script>alert(1)</script> satphone"))
    with db.session() as session:
        [hit] = search(session, "satphone")
    assert HIGHLIGHT_START in hit.snippet
    html = snippet_html(hit.snippet)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>satphone</b>" in html


def test_phone_numbers_are_found_but_not_the_words_around_them(db):
    with db.transaction() as session:
        session.add(Contact(given_name="Sat", family_name="Phone",
                            phones=[{"kind": "mobile", "number": "+258841234567", "valid": True}]))
    with db.session() as session:
        assert [h.title for h in search(session, "258841234567")] == ["Sat Phone"]
        assert search(session, "mobile") == []
        assert search(session, "valid") == []
        [hit] = search(session, "2588412")
    assert "258841234567" in hit.snippet
    assert "kind" not in hit.snippet


def test_very_common_prefix_returns_unranked_hits_quickly(db, filled, monkeypatch):
    monkeypatch.setattr("fieldapp.search.RANK_LIMIT", 1)
    with db.session() as session:
        hits = search(session, "logistics", operation_id=filled.id, kinds=("contact",))
    assert [hit.title for hit in hits] == ["Marco Requesens"]
    assert not hits[0].ranked
    assert HIGHLIGHT_START in hits[0].snippet
