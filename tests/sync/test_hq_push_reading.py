"""HQ reads each pushed change on its own, over raw HTTP against the real server.

What a change must carry to be applied (ids of the form devices make, see also
test_hq_row_ids.py; a change id within its length, a base revision that is a
sequence number, objects where objects belong, a known kind of row, a known resolution),
and what HQ answers for one that does not: held with a code, nothing written.
"""

from __future__ import annotations

from typing import Any

from hq.schemas import creation_change_id
from tests.sync.conftest import Hq
from tests.sync.test_hq_protocol_v2 import Device, contact, edit, logged, new_id, state


def outcome(result: dict[str, Any]) -> str:
    """'applied', 'conflict' or the code of a held change."""
    if result.get("status") == "held":
        assert "rev" not in result
        return result["code"]
    assert isinstance(result["rev"], int)
    return result.get("status", "applied")


def creation(*, change_id: str | None = None, row_id: str | None = None,
             operation_id: str | None = None, **fields: Any) -> dict[str, Any]:
    """A contact creation sent with explicit ids (the row id not in its fields)."""
    change: dict[str, Any] = {"entity": "contact",
                              "fields": {"given_name": "Amira", "deleted": False, **fields}}
    for key, value in (("change_id", new_id() if change_id is None else change_id),
                       ("row_id", new_id() if row_id is None else row_id),
                       ("operation_id", operation_id)):
        if value is not None:
            change[key] = value
    return change


def test_change_ids_of_8_to_36_characters_are_read_others_held(hq: Hq) -> None:
    ana = Device(hq)
    op = hq.operation_id

    results = ana.push(creation(change_id="a" * 8, operation_id=op),
                       creation(change_id="b" * 36, operation_id=op),
                       creation(change_id="c" * 7, operation_id=op),
                       creation(change_id="d" * 37, operation_id=op),
                       creation(change_id="e" * 7 + "\ud800", operation_id=op),
                       creation(change_id=12345678, operation_id=op))

    assert [outcome(r) for r in results] == ["applied", "applied"] + ["invalid_change"] * 4
    assert all("change id" in r["detail"] for r in results[2:])
    assert all("field" not in r for r in results[2:])
    assert logged(hq, "a" * 8) == 1
    assert logged(hq, "b" * 36) == 1


def test_a_creation_naming_an_operation_id_hq_cannot_read_in_its_fields_is_held(
        hq: Hq) -> None:
    ana = Device(hq)
    empty_id, empty = contact("")
    long_id, too_long = contact("o" * 37)

    results = ana.push(empty, too_long)

    assert [outcome(r) for r in results] == ["invalid_change", "invalid_change"]
    assert all("operation id" in r["detail"] for r in results)
    assert state(hq, "contact", empty_id) is None
    assert state(hq, "contact", long_id) is None


def test_a_creation_takes_its_row_id_and_change_id_from_its_fields(hq: Hq) -> None:
    ana = Device(hq)
    row_id, change = contact(hq.operation_id)
    kept_id = new_id()
    named = creation(operation_id=hq.operation_id, id=kept_id, row_id=kept_id)
    mismatched = creation(operation_id=hq.operation_id, id=new_id(), row_id=new_id())

    results = ana.push(change, named, mismatched)

    assert [outcome(r) for r in results] == ["applied", "applied", "invalid_value"]
    assert results[2]["field"] == "id"
    assert state(hq, "contact", row_id).operation_id == hq.operation_id
    assert logged(hq, creation_change_id("contact", row_id)) == 1
    assert logged(hq, named["change_id"]) == 1
    assert logged(hq, creation_change_id("contact", kept_id)) == 0


def test_a_base_revision_must_be_a_sequence_number(hq: Hq) -> None:
    ana = Device(hq)
    row_id, change = contact(hq.operation_id, role="Logistics")
    ana.push(change)

    def with_rev(base_rev: Any) -> dict[str, Any]:
        return edit("contact", row_id, hq.operation_id, {"role": "Chief"},
                    {"role": "Logistics"}, base_rev=base_rev)

    results = ana.push(with_rev(0), with_rev(2**63 - 1), with_rev(None), with_rev(2**63),
                       with_rev(-1), with_rev(True), with_rev("7"), with_rev(1.5))

    assert [outcome(r) for r in results] == ["applied"] * 3 + ["invalid_change"] * 5
    assert all("revision" in r["detail"] for r in results[3:])


def test_a_change_without_its_kind_fields_or_base_as_objects_is_held(hq: Hq) -> None:
    ana = Device(hq)
    row_id, change = contact(hq.operation_id, role="Logistics")
    ana.push(change)
    role = edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"})

    results = ana.push(dict(role, entity=7, change_id=new_id()),
                       dict(role, entity="", change_id=new_id()),
                       dict(role, entity="x" * 41, change_id=new_id()),
                       dict(role, entity="x" * 40, change_id=new_id()),
                       dict(role, fields="Chief", change_id=new_id()),
                       dict(role, base=["Logistics"], change_id=new_id()),
                       role)

    assert [outcome(r) for r in results] == [
        "invalid_change", "invalid_change", "invalid_change", "unknown_entity",
        "invalid_change", "invalid_change", "applied"]
    assert all("kind" in r["detail"] for r in results[:3])
    assert "fields" in results[4]["detail"]
    assert "replaced" in results[5]["detail"]


def test_a_creation_sent_with_a_null_base_is_a_creation(hq: Hq) -> None:
    ana = Device(hq)
    row_id, change = contact(hq.operation_id)

    [result] = ana.push(dict(change, base=None))

    assert outcome(result) == "applied"
    assert state(hq, "contact", row_id).fields["given_name"] == "Amira"


def test_a_replaced_value_hq_could_not_store_holds_the_change_and_the_next_waits(
        hq: Hq) -> None:
    ana = Device(hq)
    row_id, change = contact(hq.operation_id, role="Logistics")
    ana.push(change)

    results = ana.push(
        edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": float("nan")}),
        edit("contact", row_id, hq.operation_id, {"notes": "radio"}, {"notes": ""}),
        edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"r\ud800le": "x"}))

    assert [outcome(r) for r in results] == ["invalid_change", "waiting", "invalid_change"]
    assert "replaced" in results[0]["detail"]
    at_hq = state(hq, "contact", row_id)
    assert (at_hq.fields["role"], at_hq.fields.get("notes")) == ("Logistics", None)


def test_a_change_behind_an_invalid_value_of_its_row_waits(hq: Hq) -> None:
    ana = Device(hq)
    row_id, change = contact(hq.operation_id, role="Logistics")
    ana.push(change)

    results = ana.push(
        edit("contact", row_id, hq.operation_id, {"favourite": "yes"}, {"favourite": False}),
        edit("contact", row_id, hq.operation_id, {"role": "Chief"}, {"role": "Logistics"}))

    assert [outcome(r) for r in results] == ["invalid_value", "waiting"]
    assert results[0]["field"] == "favourite"
    assert "field" not in results[1]
    assert "contact" in results[1]["detail"]
    assert state(hq, "contact", row_id).fields["role"] == "Logistics"


def test_a_conflict_is_closed_only_with_a_known_resolution(hq: Hq) -> None:
    ana = Device(hq)

    def closing(**fields: Any) -> dict[str, Any]:
        return {"change_id": new_id(), "entity": "conflict", "row_id": new_id(),
                "fields": fields}

    results = ana.push(closing(resolution="mine"), closing(resolution="hq"),
                       closing(resolution="edit", value="radio 3"),
                       closing(resolution="maybe"), closing(),
                       closing(resolution="edit", value=float("nan")))

    assert [outcome(r) for r in results] == ["applied"] * 3 + ["invalid_change"] * 3
    assert all("resolution" in r["detail"] for r in results[3:])
