"""What must be filled in before a request can go for validation, at the boundaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from fieldapp.services.rfa import MIN_JUSTIFICATION, RfaInput, submission_errors
from tests.fieldapp.sentences import reads_as_a_sentence

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
READY = RfaInput(
    requesting_org_id="org-1", contact_id="contact-1", capability="airlift_helicopter",
    title="Airlift of water purification units", task_description="Fly 4 t of kits",
    from_place="Port Amara", to_place="Isla Verde",
    required_from=NOW + timedelta(days=1), required_until=NOW + timedelta(days=3),
    priority="life_saving", civilian_means_tried="UNHAS fleet fully booked",
    last_resort_justification="Roads and the port are cut; only helicopters can reach it.",
)


def _fields(data: RfaInput) -> dict[str, str]:
    return {e.field: e.message for e in submission_errors(data, now=NOW)}



def test_a_complete_request_has_nothing_to_fix():
    assert _fields(READY) == {}


def test_an_empty_form_names_every_field_to_fill_each_in_a_sentence():
    empty = RfaInput(capability="", priority="")
    errors = _fields(empty)
    assert set(errors) == {
        "requesting_org_id", "contact_id", "capability", "title", "task_description",
        "from_place", "priority", "required_from", "required_until",
        "last_resort_justification", "civilian_means_tried"}
    assert all(reads_as_a_sentence(message) for message in errors.values()), errors


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"capability": "submarine"}, "capability"),
        ({"priority": "whenever"}, "priority"),
        ({"required_until": NOW - timedelta(hours=1)}, "required_until"),
        ({"required_from": NOW + timedelta(days=5)}, "required_until"),
        ({"passengers": -1}, "passengers"),
        ({"cargo_m3": -0.5}, "cargo_m3"),
        ({"other_quantity": -2.0}, "other_quantity"),
        ({"title": "   "}, "title"),
    ],
)
def test_a_bad_value_is_reported_on_its_field_in_a_sentence(change, field):
    errors = _fields(replace(READY, **change))
    assert set(errors) == {field}
    assert reads_as_a_sentence(errors[field])


def test_the_end_must_come_after_the_start_not_at_it():
    same = READY.required_from
    assert set(_fields(replace(READY, required_until=same))) == {"required_until"}
    assert _fields(replace(READY, required_until=same + timedelta(minutes=1))) == {}


def test_an_end_at_this_very_instant_is_already_past():
    assert set(_fields(replace(READY, required_from=NOW - timedelta(days=1),
                                      required_until=NOW))) == {"required_until"}


def test_a_missing_end_is_reported_once_as_missing():
    errors = submission_errors(replace(READY, required_until=None), now=NOW)
    assert [e.field for e in errors] == ["required_until"]


def test_a_quantity_of_zero_is_allowed():
    zero = replace(READY, passengers=0, cargo_tonnes=0.0, cargo_m3=0.0, other_quantity=0.0)
    assert _fields(zero) == {}


def test_the_justification_needs_the_minimum_length_not_counting_spaces_around_it():
    exactly = "x" * MIN_JUSTIFICATION
    assert _fields(replace(READY, last_resort_justification=f"  {exactly}  ")) == {}
    short = replace(READY, last_resort_justification=f"  {exactly[1:]}  ")
    assert set(_fields(short)) == {"last_resort_justification"}


@pytest.mark.parametrize(("from_place", "to_place"), [("Port Amara", ""), ("", "Isla Verde")])
def test_one_of_from_and_to_is_enough_to_say_where(from_place, to_place):
    assert _fields(replace(READY, from_place=from_place, to_place=to_place)) == {}


def test_the_start_is_checked_against_the_end_only_when_both_are_given():
    errors = _fields(replace(READY, required_from=None))
    assert set(errors) == {"required_from"}
