"""Protocol 3's compact form of push bodies and pull pages, shared by devices and HQ.

Protocol 2 sends every row as a JSON object: field names repeated in each row, ids as
36-character UUID text, the operation id in every row. Protocol 3 sends the same
information in *runs*: consecutive rows of one kind, one operation and one set of fields,
stated **column by column** (a column of similar values compresses far better than rows
interleaving names, numbers and prose), with the field names and the operation id once
per run and every id written as 22 characters of base64url (its 16 bytes). Order is kept
exactly: a run never merges rows that were not next to each other, so push results stay
positional and pulled rows keep HQ's order.

Nothing is dropped: `decode_push(encode_push(x)) == x` and `decode_rows(encode_rows(x))
== x` for every list these functions accept (tests/sync/test_wire.py). A value in an id
column that is not a UUID as devices write them travels as it is (escaped with "~" when
it could be taken for a short id), so HQ still holds it with the same sentence as before.

Decoding never trusts what arrived: a run that is not the right shape raises WireError
(the whole body or page is refused, nothing applied); a row of a run whose columns are
short becomes None in its place, which both sides already treat as one malformed item
(HQ holds that change, a device keeps that row raw), so the rest still goes.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from collections.abc import Iterable
from typing import Any

PROTOCOL = 3
RUNS = "runs"
# A UUID as str(uuid.UUID) writes it: the only id form devices and HQ make.
CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SHORT_ID = re.compile(r"[A-Za-z0-9_-]{21}[AQgw]")  # 16 bytes in base64url, unpadded
ESCAPE = "~"
MAX_RUN_ROWS = 10_000  # more than a push or a pull page ever holds


class WireError(ValueError):
    """A body or page in protocol 3's form that is not the right shape."""


def is_id_field(name: str) -> bool:
    """Whether a field holds row ids: `id`, `…_id`, or a list of them, `…_ids`."""
    return name == "id" or name.endswith(("_id", "_ids"))


def short_id(value: Any) -> Any:
    """An id as sent: a canonical UUID as 22 characters of base64url; other text escaped
    when it could be read as one; anything else unchanged."""
    if not isinstance(value, str):
        return value
    if CANONICAL_ID.fullmatch(value):
        return base64.urlsafe_b64encode(uuid.UUID(value).bytes)[:22].decode()
    if SHORT_ID.fullmatch(value) or value.startswith(ESCAPE):
        return ESCAPE + value
    return value


def long_id(value: Any) -> Any:
    """The id `short_id` was given."""
    if not isinstance(value, str):
        return value
    if value.startswith(ESCAPE):
        return value[1:]
    if SHORT_ID.fullmatch(value):
        try:
            return str(uuid.UUID(bytes=base64.urlsafe_b64decode(value + "==")))
        except (binascii.Error, ValueError):  # pragma: no cover - the pattern admits none
            return value
    return value


def _short_value(name: str, value: Any) -> Any:
    if not is_id_field(name):
        return value
    if isinstance(value, list):
        return [short_id(item) for item in value]
    return short_id(value)


def _long_value(name: str, value: Any) -> Any:
    if not is_id_field(name):
        return value
    if isinstance(value, list):
        return [long_id(item) for item in value]
    return long_id(value)


def _run_key(entity: str, fields: dict[str, Any]) -> tuple[Any, ...]:
    """Rows with equal keys that follow each other travel in one run."""
    with_operation = "operation_id" in fields
    return (entity, with_operation, fields.get("operation_id") if with_operation else None,
            tuple(fields))


def encode_runs(items: Iterable[tuple[str, dict[str, Any], int | None]]) -> list[dict[str, Any]]:
    """Runs of consecutive (entity, fields, rev) items, column by column.

    A run is `{"entity", "n": rows, "fields": [names], "cols": [[values] per name]}`, plus `"op"`
    (the operation id every row of it has, taken out of `fields`) and `"revs"` (each
    rev as the difference from the one before it in the run, the first as it is) when
    the items carry revs. `fields` keeps each row's own order of names.
    """
    runs: list[dict[str, Any]] = []
    key: tuple[Any, ...] | None = None
    previous_rev = 0
    for entity, fields, rev in items:
        this = _run_key(entity, fields) + (rev is None,)
        if this != key:
            key = this
            names = [n for n in fields if n != "operation_id"]
            run: dict[str, Any] = {"entity": entity, "n": 0, "fields": names,
                                   "cols": [[] for _ in names]}
            if "operation_id" in fields:
                run["op"] = short_id(fields["operation_id"])
            if rev is not None:
                run["revs"] = []
                previous_rev = 0
            runs.append(run)
        run["n"] += 1
        for name, column in zip(run["fields"], run["cols"], strict=True):
            column.append(_short_value(name, fields[name]))
        if rev is not None:
            run["revs"].append(rev - previous_rev)
            previous_rev = rev
    return runs


def decode_runs(runs: Any) -> list[tuple[str, dict[str, Any], int | None] | None]:
    """The (entity, fields, rev) items of `encode_runs`; None for a row whose columns are
    short. WireError when a run is not the right shape."""
    if not isinstance(runs, list):
        raise WireError("runs is not a list")  # i18n: not shown
    items: list[tuple[str, dict[str, Any], int | None] | None] = []
    for run in runs:
        if not isinstance(run, dict) or not isinstance(run.get("entity"), str) \
                or not isinstance(run.get("fields"), list) \
                or not all(isinstance(n, str) for n in run["fields"]) \
                or not isinstance(run.get("cols"), list) \
                or len(run["cols"]) != len(run["fields"]) \
                or not all(isinstance(c, list) for c in run["cols"]) \
                or len(set(run["fields"])) != len(run["fields"]) \
                or "operation_id" in run["fields"] or not _is_count(run.get("n")) \
                or run["n"] > MAX_RUN_ROWS \
                or any(len(c) > run["n"] for c in run["cols"]):
            raise WireError(  # i18n: not shown
                "a run is not an object of entity, count, fields and columns")
        revs = run.get("revs")
        if revs is not None and not isinstance(revs, list):
            raise WireError("a run's revs are not a list")  # i18n: not shown
        names, columns = run["fields"], run["cols"]
        rev = 0
        for index in range(run["n"]):
            if any(index >= len(c) for c in columns) or (revs is not None and (
                    index >= len(revs) or not _is_count(revs[index]))):
                items.append(None)
                continue
            fields = {name: _long_value(name, column[index])
                      for name, column in zip(names, columns, strict=True)}
            if "op" in run:
                fields["operation_id"] = long_id(run["op"])
            if revs is not None:
                rev += revs[index]
            items.append((run["entity"], fields, rev if revs is not None else None))
    return items


def _add_as_sent(runs: list[dict[str, Any]], key: str, item: Any) -> None:
    """Add an item that travels as protocol 2 writes it to a run `{key: [...]}`."""
    if runs and set(runs[-1]) == {key}:
        runs[-1][key].append(item)
    else:
        runs.append({key: [item]})


def _as_sent(run: Any, key: str) -> list[Any] | None:
    """The items of a run `{key: [...]}` (None for a run of another kind)."""
    if not isinstance(run, dict) or set(run) != {key}:
        return None
    if not isinstance(run[key], list):
        raise WireError(f"a run's {key} are not a list")  # i18n: not shown
    return run[key]


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2 ** 63


def _is_creation(change: dict[str, Any]) -> bool:
    """A creation as protocol 2 sends it: entity and fields only (ids in the fields)."""
    return set(change) == {"entity", "fields"} and isinstance(change["fields"], dict)


EDIT_KEYS = frozenset({"change_id", "entity", "row_id", "operation_id", "fields", "base"})
# An edit run's columns: the change's key -> the run's key.
EDIT_COLUMNS = {"change_id": "ids", "row_id": "rows", "base_rev": "revs", "fields": "fields",
                "base": "base"}


def _is_edit(change: dict[str, Any]) -> bool:
    """An edit as protocol 2 sends it (ids, fields, base and perhaps base_rev)."""
    keys = set(change)
    return (keys == EDIT_KEYS or (keys == EDIT_KEYS | {"base_rev"}
                                  and _is_count(change["base_rev"]))) \
        and isinstance(change["entity"], str) and isinstance(change["fields"], dict) \
        and isinstance(change["base"], dict)


def _edit_run(change: dict[str, Any]) -> dict[str, Any]:
    return {"edits": change["entity"], "op": short_id(change["operation_id"]), "n": 0,
            **{column: [] for column in EDIT_COLUMNS.values()}}


def encode_push(changes: list[dict[str, Any]]) -> dict[str, Any]:
    """A push body in protocol 3's form, from the changes protocol 2 sends.

    Creations go in runs (see `encode_runs`); consecutive edits of one kind and
    operation in an edit run, column by column (`{"edits": entity, "op", "n", "ids",
    "rows", "revs", "fields", "base"}`, ids short, a missing base_rev as null); any other
    change (a conflict's resolution) as protocol 2 writes it, in a run of its own kind:
    `{"changes": [...]}`. The order of the changes is kept."""
    runs: list[dict[str, Any]] = []
    pending: list[tuple[str, dict[str, Any], None]] = []

    def flush() -> None:
        runs.extend(encode_runs(pending))
        pending.clear()

    for change in changes:
        if _is_creation(change):
            pending.append((change["entity"], change["fields"], None))
            continue
        flush()
        if _is_edit(change):
            run = runs[-1] if runs else {}
            if run.get("edits") != change["entity"] \
                    or run.get("op") != short_id(change["operation_id"]):
                run = _edit_run(change)
                runs.append(run)
            run["n"] += 1
            for key, column in EDIT_COLUMNS.items():
                value = change.get(key)
                run[column].append(short_id(value) if key.endswith("_id") else value)
        else:
            _add_as_sent(runs, "changes", change)
    flush()
    return {"v": PROTOCOL, RUNS: runs}


def _decode_edits(run: dict[str, Any]) -> list[Any]:
    """The changes of an edit run; None for one whose columns are short or wrong."""
    columns = [run.get(c) for c in EDIT_COLUMNS.values()]
    if not isinstance(run["edits"], str) or not _is_count(run.get("n")) \
            or run["n"] > MAX_RUN_ROWS or set(run) != {"edits", "op", "n", *EDIT_COLUMNS.values()} \
            or not all(isinstance(c, list) and len(c) <= run["n"] for c in columns):
        raise WireError("an edit run is not the right shape")  # i18n: not shown
    changes: list[Any] = []
    for index in range(run["n"]):
        values = [c[index] if index < len(c) else None for c in columns]
        change_id, row_id, base_rev, fields, base = values
        if not isinstance(fields, dict) or not isinstance(base, dict) \
                or (base_rev is not None and not _is_count(base_rev)):
            changes.append(None)
            continue
        change = {"change_id": long_id(change_id), "entity": run["edits"],
                  "row_id": long_id(row_id), "operation_id": long_id(run["op"]),
                  "fields": fields, "base": base}
        if base_rev is not None:
            change["base_rev"] = base_rev
        changes.append(change)
    return changes


def decode_push(body: dict[str, Any]) -> list[Any]:
    """The changes of a protocol 3 push body, as protocol 2 sends them, in order; None
    stands for a row of a run that is not whole. WireError when the body is not the
    right shape."""
    runs = body.get(RUNS)
    if not isinstance(runs, list):
        raise WireError("runs is not a list")  # i18n: not shown
    changes: list[Any] = []
    for run in runs:
        as_sent = _as_sent(run, "changes")
        if as_sent is not None:
            changes.extend(as_sent)
            continue
        if isinstance(run, dict) and "edits" in run:
            changes.extend(_decode_edits(run))
            continue
        for item in decode_runs([run]):
            changes.append(None if item is None else {"entity": item[0], "fields": item[1]})
    return changes


def encode_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pulled rows (`{"entity", "id", "rev", "fields"}`) as runs.

    A row whose `fields` do not hold its own id under `id` (a row HQ should not have)
    travels as protocol 2 writes it, in a run of its own kind: `{"rows": [...]}`."""
    runs: list[dict[str, Any]] = []
    pending: list[tuple[str, dict[str, Any], int | None]] = []

    def flush() -> None:
        runs.extend(encode_runs(pending))
        pending.clear()

    for row in rows:
        fields = row["fields"]
        if fields.get("id") == row["id"] and "id" in fields:
            pending.append((row["entity"], fields, row["rev"]))
            continue
        flush()
        _add_as_sent(runs, "rows", row)
    flush()
    return runs


def decode_rows(runs: Any) -> list[Any]:
    """The rows of `encode_rows`, in order; None for a row of a run that is not whole.
    WireError when a run is not the right shape."""
    if not isinstance(runs, list):
        raise WireError("runs is not a list")  # i18n: not shown
    rows: list[Any] = []
    for run in runs:
        as_sent = _as_sent(run, "rows")
        if as_sent is not None:
            rows.extend(as_sent)
            continue
        for item in decode_runs([run]):
            if item is None or item[2] is None:
                rows.append(None)
                continue
            entity, fields, rev = item
            rows.append({"entity": entity, "id": fields.get("id"), "rev": rev,
                         "fields": fields})
    return rows
