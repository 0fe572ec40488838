"""Protocol 3's compact form (sync/wire.py) and its encodings (sync/codec.py): nothing is
lost or reordered, ids shrink, damaged input is refused, bombs are stopped."""

from __future__ import annotations

import json
import os
import uuid

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import codec, wire

OP = "8f926436-9ec3-46a5-9da1-935313e4aa11"


def _contact(number: int, **extra: object) -> dict[str, object]:
    return {"given_name": f"Name {number}", "organisation_id": None, "phones": [],
            "id": str(uuid.uuid4()), "deleted": False, "operation_id": OP, **extra}


def _through_json(value: object) -> object:
    return json.loads(json.dumps(value))


def test_creations_travel_in_one_run_column_by_column_with_short_ids() -> None:
    changes = [{"entity": "contact", "fields": _contact(i)} for i in range(3)]
    body = wire.encode_push(changes)
    assert body["v"] == 3
    [run] = body["runs"]
    assert run["entity"] == "contact"
    assert run["op"] == wire.short_id(OP)
    assert len(run["op"]) == 22
    assert run["fields"] == ["given_name", "organisation_id", "phones", "id", "deleted"]
    assert run["cols"][0] == ["Name 0", "Name 1", "Name 2"]
    assert all(len(i) == 22 for i in run["cols"][3])
    assert wire.decode_push(_through_json(body)) == changes


def test_order_is_kept_across_kinds_edits_and_operations() -> None:
    edit = {"change_id": str(uuid.uuid4()), "entity": "contact", "row_id": str(uuid.uuid4()),
            "operation_id": OP, "fields": {"notes": "x"}, "base": {"notes": ""}, "base_rev": 4}
    resolution = {"change_id": str(uuid.uuid4()), "entity": "conflict",
                  "row_id": str(uuid.uuid4()), "fields": {"resolution": "mine"}}
    other_op = str(uuid.uuid4())
    changes = [
        {"entity": "contact", "fields": _contact(1)},
        edit,
        {"entity": "contact", "fields": _contact(2)},
        {"entity": "contact", "fields": {**_contact(3), "operation_id": other_op}},
        {"entity": "asset", "fields": {"id": str(uuid.uuid4()), "operation_id": OP}},
        resolution,
        {"entity": "contact", "fields": {"id": str(uuid.uuid4()), "notes": "global"}},
    ]
    body = wire.encode_push(changes)
    assert len(body["runs"]) == 7  # nothing merged that was not next to each other
    assert wire.decode_push(_through_json(body)) == changes


def test_pulled_rows_keep_revs_and_order() -> None:
    rows = [{"entity": "contact", "id": f["id"], "rev": rev, "fields": f}
            for rev, f in ((7, _contact(1)), (7, _contact(2)), (9, _contact(3)))]
    odd = {"entity": "asset", "id": str(uuid.uuid4()), "rev": 10, "fields": {"notes": "no id"}}
    runs = wire.encode_rows([*rows, odd])
    assert runs[0]["revs"] == [7, 0, 2]
    assert runs[1] == {"rows": [odd]}
    assert wire.decode_rows(_through_json(runs)) == [*rows, odd]


def test_edits_of_one_kind_and_operation_travel_in_one_run() -> None:
    edits = [{"change_id": str(uuid.uuid4()), "entity": "contact", "row_id": str(uuid.uuid4()),
              "operation_id": OP, "fields": {"notes": f"new {n}"}, "base": {"notes": "old"},
              **({"base_rev": 7} if n else {})} for n in range(3)]
    body = wire.encode_push(edits)
    [run] = body["runs"]
    assert run["edits"] == "contact"
    assert run["n"] == 3
    assert run["revs"] == [None, 7, 7]
    assert all(len(i) == 22 for i in run["ids"] + run["rows"] + [run["op"]])
    assert wire.decode_push(_through_json(body)) == edits
    run["fields"][1] = "not an object"  # one bad edit is one bad item
    assert wire.decode_push(_through_json(body)) == [edits[0], None, edits[2]]
    with pytest.raises(wire.WireError):
        wire.decode_push({"runs": [{**run, "n": 2}]})


@pytest.mark.parametrize("value", [
    "not-a-uuid", "AAAAAAAAAAAAAAAAAAAAAA", "~tilde", "8F926436-9EC3-46A5-9DA1-935313E4AA11",
    "{8f926436-9ec3-46a5-9da1-935313e4aa11}", "", None, 5])
def test_ids_devices_did_not_make_travel_unchanged(value: object) -> None:
    changes = [{"entity": "rfa", "fields": {"id": value, "contact_id": value,
                                            "proposed_asset_ids": [value, OP]}}]
    assert wire.decode_push(_through_json(wire.encode_push(changes))) == changes


def test_short_id_is_the_uuid_bytes() -> None:
    value = str(uuid.uuid4())
    short = wire.short_id(value)
    assert len(short) == 22
    assert wire.long_id(short) == value
    assert wire.short_id("plain text") == "plain text"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.text(max_size=30)
    | st.uuids().map(str),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                  max_size=3),
    max_leaves=8)
field_names = st.sampled_from(["id", "operation_id", "contact_id", "proposed_asset_ids",
                               "notes", "title", "deleted"])
changes_strategy = st.lists(
    st.one_of(
        st.builds(lambda e, f: {"entity": e, "fields": f}, st.sampled_from(["contact", "rfa"]),
                  st.dictionaries(field_names, json_values, max_size=5)),
        st.builds(lambda i, f: {"change_id": i, "entity": "contact", "row_id": i,
                                "fields": f, "base": {"notes": ""}},
                  st.uuids().map(str), st.dictionaries(field_names, json_values, max_size=3)),
        st.builds(lambda i, o, f, r: {"change_id": i, "entity": "contact", "row_id": i,
                                      "operation_id": o, "fields": f, "base": f,
                                      **({} if r is None else {"base_rev": r})},
                  st.uuids().map(str), st.sampled_from([OP, None, "odd"]),
                  st.dictionaries(field_names, json_values, max_size=3),
                  st.none() | st.integers(0, 2**63 - 1) | st.just(-1)),
    ), max_size=12)


@settings(max_examples=200, deadline=None)
@given(changes_strategy)
def test_any_push_comes_back_as_sent(changes: list[dict[str, object]]) -> None:
    assert wire.decode_push(_through_json(wire.encode_push(changes))) == changes


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["contact", "rfa"]), st.uuids().map(str),
                          st.integers(1, 2**40), st.dictionaries(field_names, json_values,
                                                                 max_size=4)), max_size=10))
def test_any_pull_comes_back_as_sent(items: list[tuple[str, str, int, dict]]) -> None:
    rows = []
    for entity, row_id, rev, fields in sorted(items, key=lambda i: i[2]):
        fields = {**fields, "id": row_id} if fields.get("id", row_id) == row_id else fields
        rows.append({"entity": entity, "id": row_id, "rev": rev, "fields": fields})
    assert wire.decode_rows(_through_json(wire.encode_rows(rows))) == rows


@pytest.mark.parametrize("runs", [
    "x", [5], [{"entity": "contact"}], [{"entity": "contact", "fields": ["a"], "cols": []}],
    [{"entity": "contact", "fields": ["a", "a"], "cols": [[1], [1]]}],
    [{"entity": "contact", "fields": ["operation_id"], "cols": [[1]]}],
    [{"entity": "contact", "n": 1, "fields": ["a"], "cols": [[1]], "revs": 3}],
    [{"entity": "contact", "n": 1, "fields": ["a"], "cols": [[1, 2]]}],
    [{"entity": "contact", "n": -1, "fields": [], "cols": []}],
    [{"entity": "contact", "n": 2**62, "fields": [], "cols": []}],
    [{"changes": 3}],
])
def test_a_run_of_the_wrong_shape_refuses_the_body(runs: object) -> None:
    with pytest.raises(wire.WireError):
        wire.decode_push({"v": 3, "runs": runs})


def test_a_short_row_is_one_bad_item_and_the_rest_goes() -> None:
    run = {"entity": "contact", "n": 2, "fields": ["id", "notes"],
           "cols": [[wire.short_id(OP), wire.short_id(OP)], ["only one"]]}
    assert wire.decode_push({"runs": [run]}) == [
        {"entity": "contact", "fields": {"id": OP, "notes": "only one"}}, None]
    run = {"entity": "contact", "n": 2, "fields": ["id"], "cols": [[wire.short_id(OP)] * 2],
           "revs": [5, "x"]}
    assert wire.decode_rows([run]) == [
        {"entity": "contact", "id": OP, "rev": 5, "fields": {"id": OP}}, None]


@pytest.mark.parametrize("encoding", ["zstd", "gzip", "identity"])
def test_a_streamed_body_decodes_part_by_part(encoding: str) -> None:
    sender = codec.Compressor(encoding)
    first = sender.part(b'{"page": 1}\n')
    second = sender.part(b'{"page": 2}\n') + sender.end()
    reader = codec.Inflater(encoding, 1000)
    assert reader.feed(first) == b'{"page": 1}\n'  # usable before the rest arrives
    assert reader.feed(second) == b'{"page": 2}\n'
    reader.finish()


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_a_cut_or_damaged_body_is_refused(encoding: str) -> None:
    whole = codec.compress(b"x" * 10_000 + bytes(range(256)) * 20, encoding)
    reader = codec.Inflater(encoding, 10**6)
    reader.feed(whole[: len(whole) // 2])
    with pytest.raises(codec.DamagedError):
        reader.finish()
    with pytest.raises(codec.DamagedError):
        codec.Inflater(encoding, 10**6).feed(b"\x00garbage" + whole)


@pytest.mark.parametrize("encoding", ["zstd", "gzip"])
def test_a_bomb_is_refused_at_the_limit(encoding: str) -> None:
    bomb = (zstandard.ZstdCompressor(level=19).compress(b"\0" * (64 << 20)) if encoding == "zstd"
            else codec.compress(b"\0" * (64 << 20), encoding))
    reader = codec.Inflater(encoding, 1 << 20)
    with pytest.raises(codec.TooLargeError):
        reader.feed(bomb)
    assert reader.size <= (1 << 20) + codec.ZSTD_SLICE * 40_000


def test_answer_encoding_follows_accept_encoding() -> None:
    assert codec.chosen("gzip, deflate, zstd") == "zstd"
    assert codec.chosen("gzip") == "gzip"
    assert codec.chosen("zstd;q=0, gzip") == "gzip"
    assert codec.chosen("br") == "identity"


def _run(**changes: object) -> dict[str, object]:
    return {"entity": "contact", "n": 1, "fields": ["a"], "cols": [[1]], **changes}


def _edits(**changes: object) -> dict[str, object]:
    return {"edits": "contact", "op": None, "n": 1, "ids": ["c"], "rows": ["r"],
            "revs": [None], "fields": [{}], "base": [{}], **changes}


@pytest.mark.parametrize(("body", "says"), [
    ({"runs": "x"}, "runs is not a list"),
    ({"runs": [{"changes": 3}]}, "changes are not a list"),
    ({"runs": [_run(revs=3)]}, "revs are not a list"),
    ({"runs": [_run(cols=3)]}, "entity, count, fields and columns"),
    ({"runs": [_run(fields=[1])]}, "entity, count, fields and columns"),
    ({"runs": [_run(cols=[3])]}, "entity, count, fields and columns"),
    ({"runs": [_run(fields=["a", "a"], cols=[[1], [1]])]}, "entity, count, fields and columns"),
    ({"runs": [_run(fields=["operation_id"])]}, "entity, count, fields and columns"),
    ({"runs": [_run(n=wire.MAX_RUN_ROWS + 1)]}, "entity, count, fields and columns"),
    ({"runs": [_edits(n=wire.MAX_RUN_ROWS + 1)]}, "edit run is not the right shape"),
    ({"runs": [_edits(extra=1)]}, "edit run is not the right shape"),
    ({"runs": [_edits(edits=5)]}, "edit run is not the right shape"),
    ({"runs": [_edits(n="1")]}, "edit run is not the right shape"),
    ({"runs": [_edits(ids=["a", "b"])]}, "edit run is not the right shape"),
    ({"runs": [_edits(ids="a")]}, "edit run is not the right shape"),
])
def test_each_wrong_shape_says_what_is_wrong(body: dict, says: str) -> None:
    with pytest.raises(wire.WireError, match=says):
        wire.decode_push(body)


def test_runs_as_long_as_allowed_are_read() -> None:
    assert len(wire.decode_push({"runs": [_run(n=wire.MAX_RUN_ROWS, fields=[], cols=[])]})) \
        == wire.MAX_RUN_ROWS
    many = _edits(n=wire.MAX_RUN_ROWS, ids=[], rows=[], revs=[], fields=[], base=[])
    assert wire.decode_push({"runs": [many]}) == [None] * wire.MAX_RUN_ROWS
    with pytest.raises(wire.WireError, match="runs is not a list"):
        wire.decode_rows("x")


def test_short_columns_of_an_edit_run_leave_gaps_not_errors() -> None:
    run = _edits(n=3, ids=["c1", "c2"], rows=["r1", "r2", "r3"], revs=[1, "x", None],
                 fields=[{}, {}, {}], base=[{}, {}, {}])
    first, second, third = wire.decode_push({"runs": [run]})
    assert first == {"change_id": "c1", "entity": "contact", "row_id": "r1",
                     "operation_id": None, "fields": {}, "base": {}, "base_rev": 1}
    assert second is None  # a base_rev that is not a sequence number
    assert third == {"change_id": None, "entity": "contact", "row_id": "r3",
                     "operation_id": None, "fields": {}, "base": {}}


def test_a_bad_rev_spoils_its_row_only() -> None:
    run = _run(n=3, fields=["id"], cols=[[wire.short_id(OP)] * 3], revs=[5, "x", 2])
    assert wire.decode_rows([run]) == [
        {"entity": "contact", "id": OP, "rev": 5, "fields": {"id": OP}}, None,
        {"entity": "contact", "id": OP, "rev": 7, "fields": {"id": OP}}]


def test_accept_encoding_parameters_are_read() -> None:
    assert codec.chosen("zstd; q=0, gzip") == "gzip"
    assert codec.chosen("zstd;q=0.0, gzip") == "gzip"
    assert codec.chosen("zstd;q=0.5") == "zstd"


@pytest.mark.parametrize("encoding", ["zstd", "gzip", "identity"])
def test_the_limit_is_on_all_the_output_and_exact(encoding: str) -> None:
    data = os.urandom(3000)  # incompressible: many slices and parts in one feed
    whole = codec.compress(data, encoding)
    exact = codec.Inflater(encoding, len(data))
    assert exact.feed(whole) == data  # exactly the limit is allowed
    exact.finish()
    halves = codec.Inflater(encoding, len(data) - 1)
    with pytest.raises(codec.TooLargeError):
        halves.feed(whole[:len(whole) // 2])
        halves.feed(whole[len(whole) // 2:])  # the two feeds together pass it


def test_an_unknown_encoding_is_named() -> None:
    with pytest.raises(ValueError, match="unknown content encoding 'br'"):
        codec.Inflater("br", 10)
