"""The wire value checker shared by HQ and devices (fieldapp.sync_schema)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from fieldapp.db import Database
from fieldapp.i18n import in_language
from fieldapp.models import Asset, Contact, OutboxEntry, Rfa
from fieldapp.sync_schema import (
    INVALID_VALUE,
    Problem,
    check_fields,
    clean_json,
    entity_fields,
    entity_known,
)

ROW = "8c9f3c0e-2f4b-4f57-9d0a-1f9a3e2c7b11"


def _one(entity: str, **fields: object) -> Problem:
    problems = check_fields(entity, fields)
    assert len(problems) == 1, problems
    assert problems[0].code == INVALID_VALUE
    return problems[0]


def test_rows_as_the_outbox_records_them_have_no_problem(db: Database, op_id: str) -> None:
    with db.transaction() as session:
        asset = Asset(operation_id=op_id, category="air", description="Heli",
                      provider_state="FRA", capacity_value=2.5, quantity=2, latitude=-18.5,
                      available_from=date(2026, 3, 1),
                      confirmed_at=datetime(2026, 3, 1, 12, tzinfo=UTC))
        session.add(asset)
        session.add(Rfa(operation_id=op_id, reference="CYA-11-0001", proposed_asset_ids=[ROW],
                        passengers=4, capability_unique=True,
                        required_from=datetime(2026, 3, 1, tzinfo=timezone(timedelta(hours=2)))))
        session.add(Contact(given_name="Amira", phones=[{"kind": "mobile", "number": "+258"}]))
    with db.transaction() as session:
        entries = session.scalars(select(OutboxEntry)).all()

    assert {e.entity for e in entries} >= {"asset", "rfa", "contact"}
    for entry in entries:
        assert check_fields(entry.entity, entry.fields, row_id=entry.row_id) == []


def test_entities_are_known_by_their_sync_name() -> None:
    assert entity_known("contact")
    assert entity_known("checklist_tick")
    assert not entity_known("contacts")
    assert not entity_known("drone_flight")


def test_local_columns_are_not_wire_fields() -> None:
    assert "given_name" in entity_fields("contact")
    assert "rev" not in entity_fields("contact")
    assert entity_fields("drone_flight") == frozenset()


def test_an_integer_beyond_64_bits_is_a_problem() -> None:
    problem = _one("asset", quantity=2**70)

    assert problem.field == "quantity"
    assert "64 bits" in problem.message
    assert check_fields("asset", {"quantity": 2**63 - 1}) == []
    assert check_fields("asset", {"quantity": -(2**63)}) == []
    assert _one("asset", quantity=-(2**63) - 1).field == "quantity"


def test_a_huge_integer_in_a_float_column_is_a_problem() -> None:
    assert _one("asset", latitude=2**70).field == "latitude"
    assert check_fields("asset", {"latitude": 12}) == []


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_number_that_is_not_finite_is_a_problem(value: float) -> None:
    problem = _one("rfa", cargo_tonnes=value)

    assert problem.field == "cargo_tonnes"
    assert "finite" in problem.message


def test_a_lone_surrogate_in_text_is_a_problem() -> None:
    assert _one("contact", given_name="Ami\ud800ra").field == "given_name"
    assert _one("contact", notes="\udfff").field == "notes"
    assert check_fields("contact", {"given_name": "Amira 🚁 é"}) == []


def test_a_nul_character_in_text_is_a_problem() -> None:
    assert _one("contact", family_name="H\x00").field == "family_name"


def test_text_in_a_date_is_a_problem() -> None:
    assert _one("asset", available_from="next tuesday").field == "available_from"
    assert _one("asset", available_from="2026-02-30").field == "available_from"
    assert _one("asset", available_from="2026-03-01T10:00:00+00:00").field == "available_from"
    assert _one("asset", available_from=20260301).field == "available_from"
    assert check_fields("asset", {"available_from": "2026-03-01"}) == []


def test_a_datetime_without_offset_is_a_problem() -> None:
    problem = _one("rfa", required_from="2026-03-01T10:00:00")

    assert problem.field == "required_from"
    assert "offset" in problem.message
    assert _one("rfa", required_from="soon").field == "required_from"
    assert check_fields("rfa", {"required_from": "2026-03-01T10:00:00+00:00"}) == []
    assert check_fields("rfa", {"required_from": "2026-03-01T10:00:00Z"}) == []


def test_a_string_longer_than_its_column_is_a_problem() -> None:
    assert check_fields("contact", {"given_name": "x" * 120}) == []
    problem = _one("contact", given_name="x" * 121)

    assert problem.field == "given_name"
    assert "120" in problem.message


def test_text_longer_than_100000_characters_is_a_problem() -> None:
    assert check_fields("contact", {"notes": "x" * 100_000}) == []
    assert _one("contact", notes="x" * 100_001).field == "notes"


def test_json_nested_deeper_than_20_is_a_problem() -> None:
    shallow: object = "x"
    for _ in range(20):
        shallow = [shallow]
    deep: object = [shallow]

    assert check_fields("contact", {"emails": shallow}) == []
    assert _one("contact", emails=deep).field == "emails"


def test_json_with_a_bad_value_inside_is_a_problem() -> None:
    assert _one("contact", phones=[{"number": "\ud800"}]).field == "phones"
    assert _one("contact", phones=[{"kind": float("nan")}]).field == "phones"
    assert _one("rfa", proposed_asset_ids=[2**64]).field == "proposed_asset_ids"
    assert _one("contact", phones=[{"\x00": 1}]).field == "phones"


def test_json_column_takes_a_list_or_an_object_only() -> None:
    assert _one("contact", emails="a@b.org").field == "emails"
    assert check_fields("contact", {"phones": [{"kind": "mobile", "number": "+258"}]}) == []


def test_bool_is_not_an_integer_and_an_integer_is_not_a_bool() -> None:
    assert _one("asset", quantity=True).field == "quantity"
    assert _one("asset", latitude=False).field == "latitude"
    assert _one("contact", favourite=1).field == "favourite"
    assert check_fields("contact", {"favourite": True}) == []


def test_null_is_refused_where_the_column_is_not_nullable() -> None:
    assert _one("contact", deleted=None).field == "deleted"
    assert _one("contact", given_name=None).field == "given_name"
    assert check_fields("contact", {"organisation_id": None, "operation_id": None}) == []


def test_a_lesson_language_outside_the_known_ones_is_a_problem() -> None:
    assert check_fields("lesson", {"language": "fr"}) == []
    problem = _one("lesson", language="de")
    assert problem.field == "language"
    assert problem.message == "The value of 'language' is not one of en, fr, es."
    assert _one("lesson", language=None).field == "language"


def test_id_must_be_the_row_id() -> None:
    assert check_fields("contact", {"id": ROW}, row_id=ROW) == []
    problems = check_fields("contact", {"id": "someone-else"}, row_id=ROW)

    assert [p.field for p in problems] == ["id"]


def test_an_unknown_plain_field_name_with_a_json_safe_value_is_accepted() -> None:
    assert check_fields("contact", {"whatsapp": "+258 84", "rank": 3, "tags": ["a"]}) == []


def test_an_unknown_field_with_an_unsafe_value_is_a_problem() -> None:
    assert _one("contact", whatsapp=float("nan")).field == "whatsapp"
    assert _one("contact", whatsapp="\ud800").field == "whatsapp"
    assert _one("contact", whatsapp=2**70).field == "whatsapp"


@pytest.mark.parametrize("name", ["WhatsApp", "1st", "_x", "a-b", "x" * 61, "a b", ""])
def test_an_unknown_field_name_that_is_not_plain_is_a_problem(name: str) -> None:
    problems = check_fields("contact", {name: "x"})

    assert len(problems) == 1
    assert problems[0].code == INVALID_VALUE


def test_a_field_name_with_a_lone_surrogate_is_reported_printably() -> None:
    problem = _one("contact", **{"na\ud800me": "x"})

    problem.field.encode("utf-8")  # safe to send back in a JSON answer
    problem.message.encode("utf-8")


def test_every_problem_of_a_change_is_listed_in_field_order() -> None:
    problems = check_fields("asset", {"quantity": 2**70, "notes": "ok", "latitude": "north"})

    assert [p.field for p in problems] == ["quantity", "latitude"]


def test_clean_json_accepts_what_any_side_can_store() -> None:
    assert clean_json(None) is None
    assert clean_json({"a": [1, 2.5, True, None, "é"]}) is None


@pytest.mark.parametrize("value", [
    float("nan"), 2**70, "\ud800", "a\x00b", {"k": [float("inf")]}, {1: "x"},
    "x" * 100_001, ["x" * 60_000, "y" * 60_000], object(),
])
def test_clean_json_names_the_problem_of_any_bad_value(value: object) -> None:
    problem = clean_json(value)

    assert isinstance(problem, str)
    assert problem


def test_problems_go_to_hq_and_into_storage_in_english_in_any_language() -> None:
    with in_language("es"):
        problem = _one("asset", quantity=2**70)

    assert problem.message == "The value of 'quantity' is an integer too large for 64 bits."
