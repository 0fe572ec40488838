"""The values a syncable row may carry over the wire, checked the same way at HQ and on devices.

HQ holds a pushed change with any problem instead of storing it (it never stores what it
cannot serve); a device keeps a pulled row with a problem aside instead of applying it.
The rules come from the SQLAlchemy columns of `fieldapp.models.SYNCABLE_MODELS` (minus
their local columns), so a new column is checked as soon as it exists. A field name the
columns do not know (a newer client's field) is accepted when it is a plain name and its
value is JSON-safe. No Qt, no HTTP: both ends import this module.

The problems are whole English sentences: HQ sends them to devices and devices store them
with the rows they keep aside, so they are marked `N_()` (in the catalog) and stay English.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, Integer, String, Text, inspect

from fieldapp.i18n import LANGS, N_
from fieldapp.models import SYNCABLE_MODELS
from fieldapp.models.base import UTCDateTime
from fieldapp.models.register import ENTRY_STATUSES, PROPOSAL_STATUSES, PROVIDER_KINDS

INVALID_VALUE = "invalid_value"
MAX_TEXT = 100_000  # characters of a Text column, of a JSON value encoded, of any string
MAX_JSON_DEPTH = 20
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_ISO_TEXT = 64  # a date or datetime written longer than this is not one we made
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,59}")
# (entity, field) -> the only values it may take, the same on every side.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("lesson", "language"): LANGS,
    ("register_entry", "provider_kind"): PROVIDER_KINDS,
    ("register_entry", "status"): ENTRY_STATUSES,
    ("register_proposal", "status"): PROPOSAL_STATUSES,
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# NUL and UTF-16 surrogates (a lone one cannot be encoded as UTF-8, so it cannot be served).
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of a change or of a pulled row."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class _Said:
    """What is wrong with a value: an `N_()` sentence naming the field as {field}."""

    template: str
    values: dict[str, object] = field(default_factory=dict)

    def sentence(self, name: str) -> str:
        return self.template.format(field=repr(name), **self.values)


class _Kind(Enum):
    STRING = "string"
    TEXT = "text"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    JSON = "json"


@dataclass(frozen=True)
class _Rule:
    kind: _Kind
    nullable: bool
    length: int | None = None


def _kind_of(column_type: Any) -> _Kind:
    # Most specific first: Text is a String, UTCDateTime decorates DateTime.
    if isinstance(column_type, UTCDateTime):
        return _Kind.DATETIME
    if isinstance(column_type, Date):
        return _Kind.DATE
    if isinstance(column_type, Text):
        return _Kind.TEXT
    if isinstance(column_type, String):
        return _Kind.STRING
    if isinstance(column_type, Boolean):
        return _Kind.BOOLEAN
    if isinstance(column_type, Integer):
        return _Kind.INTEGER
    if isinstance(column_type, Float):
        return _Kind.FLOAT
    if isinstance(column_type, JSON):
        return _Kind.JSON
    raise TypeError(f"no wire rule for column type {column_type!r}")  # i18n: not shown


@cache
def _rules() -> dict[str, dict[str, _Rule]]:
    """Per entity, the rule of every column that travels."""
    rules: dict[str, dict[str, _Rule]] = {}
    for model in SYNCABLE_MODELS:
        columns: dict[str, _Rule] = {}
        for column in inspect(model).columns:
            if column.key in model.__local_columns__:
                continue
            kind = _kind_of(column.type)
            length = getattr(column.type, "length", None) if kind is _Kind.STRING else None
            columns[column.key] = _Rule(kind, bool(column.nullable), length)
        rules[model.__sync_entity__] = columns
    return rules


def entity_known(entity: str) -> bool:
    """Whether this side keeps rows of `entity`."""
    return entity in _rules()


def entity_fields(entity: str) -> frozenset[str]:
    """The field names this side knows for `entity` (empty for an unknown entity)."""
    return frozenset(_rules().get(entity, {}))


def printable_name(name: str, limit: int = 60) -> str:
    """Text safe to show, store and send back: NUL and lone surrogates replaced (U+FFFD),
    cut at `limit` (60, a field name's length, unless told)."""
    return _UNSAFE.sub("\ufffd", name[:limit])


# Translators (every sentence below): {field} is the name of a field as sent, in quotes
# ('quantity'); these sentences are stored and sent to HQ in English.
def _text_problem(value: str, limit: int) -> _Said | None:
    if len(value) > limit:
        return _Said(N_("The value of {field} is longer than {limit} characters."),
                     {"limit": f"{limit:,}"})
    if _UNSAFE.search(value):
        return _Said(N_("The value of {field} contains a NUL character or a broken "
                        "(lone surrogate) character."))
    return None


def _number_problem(value: int | float) -> _Said | None:
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            return _Said(N_("The value of {field} is an integer too large for 64 bits."))
        return None
    if not math.isfinite(value):
        return _Said(N_("The value of {field} is not a finite number."))
    return None


def _nested_problem(value: Any, depth: int) -> _Said | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _number_problem(value)
    if isinstance(value, str):
        return _text_problem(value, MAX_TEXT)
    if isinstance(value, list | dict):
        if depth >= MAX_JSON_DEPTH:
            return _Said(N_("The value of {field} is nested more than {depth} levels deep."),
                         {"depth": MAX_JSON_DEPTH})
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    return _Said(N_("The value of {field} has a key that is not text."))
                problem = _text_problem(key, MAX_TEXT) or _nested_problem(item, depth + 1)
                if problem:
                    return problem
            return None
        for item in value:
            problem = _nested_problem(item, depth + 1)
            if problem:
                return problem
        return None
    # Translators: {kind} is a Python type name, such as 'set'.
    return _Said(N_("The value of {field} is not a JSON value ({kind})."),
                 {"kind": type(value).__name__})


def _json_problem(value: Any) -> _Said | None:
    problem = _nested_problem(value, 0)
    if problem:
        return problem
    if isinstance(value, list | dict) and \
            len(json.dumps(value, ensure_ascii=False, separators=(",", ":"))) > MAX_TEXT:
        return _Said(N_("The value of {field} is longer than {limit} characters once encoded."),
                     {"limit": f"{MAX_TEXT:,}"})
    return None


def clean_json(value: Any) -> str | None:
    """None when `value` is JSON every side can store and serve, else what is wrong with it.

    Finite numbers, integers within 64 bits, strings without NUL or lone surrogates,
    nesting at most 20 deep and at most 100,000 characters once encoded.
    """
    problem = _json_problem(value)
    return None if problem is None else problem.sentence("value")


def _iso_problem(value: Any, kind: _Kind) -> _Said | None:
    not_one = (N_("The value of {field} is not a date.") if kind is _Kind.DATE
               else N_("The value of {field} is not a date and time."))
    if not isinstance(value, str) or len(value) > MAX_ISO_TEXT or _UNSAFE.search(value):
        return _Said(not_one)
    if kind is _Kind.DATE:
        if not _DATE.fullmatch(value):
            return _Said(N_("The value of {field} is not a date written YYYY-MM-DD."))
        try:
            date.fromisoformat(value)
        except ValueError:
            return _Said(N_("The value of {field} is not a date of the calendar."))
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return _Said(N_("The value of {field} is not an ISO 8601 date and time."))
    if moment.tzinfo is None or moment.utcoffset() is None:
        return _Said(N_("The value of {field} is a date and time without its offset from UTC."))
    return None


def _value_problem(value: Any, rule: _Rule) -> _Said | None:
    """What is wrong with a value for a column, or None."""
    if value is None:
        return None if rule.nullable else _Said(N_("The value of {field} may not be empty "
                                                   "(null)."))
    kind = rule.kind
    if kind is _Kind.STRING or kind is _Kind.TEXT:
        if not isinstance(value, str):
            return _Said(N_("The value of {field} is not text."))
        limit = rule.length if kind is _Kind.STRING and rule.length else MAX_TEXT
        return _text_problem(value, limit)
    if kind is _Kind.INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            return _Said(N_("The value of {field} is not a whole number."))
        return _number_problem(value)
    if kind is _Kind.FLOAT:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return _Said(N_("The value of {field} is not a number."))
        return _number_problem(value)
    if kind is _Kind.BOOLEAN:
        return None if isinstance(value, bool) else _Said(N_("The value of {field} is not "
                                                             "true or false."))
    if kind is _Kind.DATE or kind is _Kind.DATETIME:
        return _iso_problem(value, kind)
    if not isinstance(value, list | dict):
        return _Said(N_("The value of {field} is not a list or an object."))
    return _json_problem(value)


def check_fields(entity: str, fields: dict[str, Any], *, row_id: str | None = None
                 ) -> list[Problem]:
    """Every problem of the fields of one `entity` row (empty: they may be stored and served).

    Known columns are checked against their type; other names must be plain
    (`[a-z][a-z0-9_]*`, ≤ 60) with a JSON-safe value. `id`, when present, must equal
    `row_id` (when given). An unknown entity has no rules: ask `entity_known` first.
    """
    columns = _rules().get(entity, {})
    problems: list[Problem] = []
    for name, value in fields.items():
        if not isinstance(name, str) or _UNSAFE.search(name) or len(name) > 60:
            shown = printable_name(name) if isinstance(name, str) else repr(name)[:60]
            problems.append(Problem(shown, INVALID_VALUE, N_(
                "The field name {field} is not one a device can store.").format(
                    field=repr(shown))))
            continue
        rule = columns.get(name)
        if rule is None:
            if not FIELD_NAME.fullmatch(name):
                problems.append(Problem(name, INVALID_VALUE, N_(
                    "The field name {field} is not a plain field name.").format(
                        field=repr(name))))
                continue
            problem = _json_problem(value)
        else:
            problem = _value_problem(value, rule)
            if problem is None and name == "id" and row_id is not None and value != row_id:
                problem = _Said(N_("The value of {field} is not the id of the row it is sent "
                                   "for."))
            choices = CHOICES.get((entity, name))
            if problem is None and choices is not None and value not in choices:
                # Translators: {choices} lists the values allowed, such as "en, fr, es".
                problem = _Said(N_("The value of {field} is not one of {choices}."),
                                {"choices": ", ".join(choices)})
        if problem:
            problems.append(Problem(name, INVALID_VALUE, problem.sentence(name)))
    return problems
