"""The Central Register's rules, one set for HQ and the laptop: fields, limits, labels, checks.

HQ validates every write of an entry with `check_entry` (`hq.register.validate`), and the
laptop checks a proposed correction with the same function (`fieldapp.services.register.
check_correction`), so the laptop refuses exactly what HQ would refuse when the proposal is
accepted. Values come as text (forms, CSV cells, proposals) and come out typed: a Member
State as its ISO alpha-3 code, a phone as E.164, a category as an AssetCategory value;
`value_text` writes a typed value back as the forms and files show it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.i18n import N_, _
from fieldapp.labels import capability_label, label_in_any_language, label_of
from fieldapp.models.enums import AssetCategory
from fieldapp.services.contacts import alpha2, is_email, normalise_phone
from fieldapp.services.operations import country_code

MEMBER_STATE, ORGANISATION = "member_state", "organisation"
KINDS = (MEMBER_STATE, ORGANISATION)
ACTIVE, SUSPENDED, RETIRED = "active", "suspended", "retired"
STATUSES = (ACTIVE, SUSPENDED, RETIRED)
CATEGORIES = tuple(c.value for c in AssetCategory)
# Every field of an entry, in the form's order.
FIELDS = ("provider", "provider_kind", "provider_state", "capability", "category", "quantity",
          "capacity_value", "capacity_unit", "readiness_hours", "deployment_hours",
          "conditions", "poc_name", "poc_email", "poc_phone", "valid_until", "status")
FIELD_LABELS = {
    "provider": N_("Provider"), "provider_kind": N_("Kind of provider"),
    "provider_state": N_("Member State"), "capability": N_("Capability"),
    "category": N_("Category"), "quantity": N_("Quantity"),
    "capacity_value": N_("Capacity"), "capacity_unit": N_("Capacity unit"),
    "readiness_hours": N_("Readiness (hours' notice)"),
    "deployment_hours": N_("Deployment (hours to theatre)"), "conditions": N_("Conditions"),
    "poc_name": N_("Point of contact"), "poc_email": N_("Contact e-mail"),
    "poc_phone": N_("Contact phone"), "valid_until": N_("Valid until"),
    "status": N_("Status"),
}
KIND_LABELS = {MEMBER_STATE: N_("Member State"), ORGANISATION: N_("Organisation")}
STATUS_LABELS = {ACTIVE: N_("Active"), SUSPENDED: N_("Suspended"), RETIRED: N_("Retired")}
MAX_HOURS = 24 * 365
MAX_QUANTITY = 1_000_000
# The longest text each free-text field holds, in the order its refusal is given.
LIMITS = {"provider": 200, "capacity_unit": 40, "poc_name": 200, "poc_email": 200,
          "capability": 2000, "conditions": 5000}
MULTILINE = frozenset({"capability", "conditions"})  # line breaks kept
# The order of the refusals after the too-long ones (one message reads them in this order).
_CHECK_ORDER = ("provider", "capability", "provider_kind", "provider_state", "category",
                "quantity", "capacity_value", "capacity_unit", "readiness_hours",
                "deployment_hours", "conditions", "poc_name", "poc_email", "poc_phone",
                "valid_until", "status")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def field_label(name: str) -> str:
    """A field's name as pages, forms and messages show it."""
    return label_of(FIELD_LABELS, name)


def kind_label(value: str) -> str:
    """"member_state" → "Member State"."""
    return label_of(KIND_LABELS, value)


def status_label(value: str) -> str:
    """"retired" → "Retired"."""
    return label_of(STATUS_LABELS, value)


# --- values as text and back ------------------------------------------------------------

def value_text(value: object) -> str:
    """A typed value as the forms and files write it ("" for nothing, "20" for 20.0)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def plain(value: object, *, lines: bool = False) -> str:
    """Text without control characters, on one line with single spaces (`lines`: line
    breaks kept, only trimmed)."""
    text_value = _CONTROL.sub("", str(value or ""))
    if lines:
        return text_value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return " ".join(text_value.split())


def parse_kind(text_value: str) -> str | None:
    """A kind of provider from its value, a usual word or its label in any language."""
    word = re.sub(r"[\s\-]+", "_", text_value.strip().casefold())
    if word in ("member_state", "state", "member", "government", "country"):
        return MEMBER_STATE
    if word in ("organisation", "organization", "org", "regional_organisation",
                "regional_organization", "international_organisation"):
        return ORGANISATION
    for value in KINDS:
        if text_value.strip().casefold() in {_(KIND_LABELS[value]).casefold(),
                                            KIND_LABELS[value].casefold()}:
            return value
    return None


@lru_cache(maxsize=256)
def parse_category(text_value: str) -> str | None:
    """An AssetCategory value from its value or its label in any language."""
    word = text_value.strip()
    if word.casefold().replace(" ", "_") in CATEGORIES:
        return word.casefold().replace(" ", "_")
    folded = word.casefold()
    return next((c for c in CATEGORIES if folded in label_in_any_language(capability_label, c)),
                None)


@lru_cache(maxsize=1024)
def parse_country(text_value: str) -> str | None:
    """A country's ISO alpha-3 code from a code or a name (None when it is no country)."""
    return country_code(text_value)


def parse_status(text_value: str) -> str | None:
    """An entry status from its value or its label."""
    word = text_value.strip().casefold()
    if word in STATUSES:
        return word
    return next((s for s in STATUSES
                 if word in {_(STATUS_LABELS[s]).casefold(), STATUS_LABELS[s].casefold()}), None)


def whole(text_value: str, low: int, high: int) -> int | None:
    """A whole number from `low` to `high` ("1,000" and "1 000" read as 1000), or None."""
    cleaned = text_value.strip().replace(" ", "").replace("\u202f", "").replace(",", "")
    if not (cleaned.isascii() and cleaned.isdigit()):
        return None
    number = int(cleaned)
    return number if low <= number <= high else None


def decimal(text_value: str) -> float | None:
    """A number above zero (a decimal comma is read), or None."""
    cleaned = text_value.strip().replace(" ", "").replace("\u202f", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        return None
    number = float(cleaned)
    return number if 0 < number <= 1e9 and math.isfinite(number) else None


def day(text_value: str) -> date | None:
    """A date written 2027-06-30, from 1990 to 2100, or None."""
    try:
        found = date.fromisoformat(text_value.strip())
    except ValueError:
        return None
    return found if 1990 <= found.year <= 2100 else None


# --- the checks -----------------------------------------------------------------------------

def too_long(name: str, text: str) -> str | None:
    """The sentence refusing a free-text field longer than its limit (None: it fits)."""
    limit = LIMITS.get(name)
    if limit is None or len(plain(text, lines=name in MULTILINE)) <= limit:
        return None
    return _("{field}: at most {limit} characters, please.").format(
        field=field_label(name), limit=limit)


def check_value(name: str, text: str, values: Mapping[str, str]) -> tuple[Any, str | None]:
    """One field of an entry from its text: (the value as stored, typed; the sentence
    saying what to fix, or None). `values` holds the entry's other fields as text, for
    the rules that involve two fields. Lengths are `too_long`'s."""
    text = str(text or "")

    def other(key: str) -> str:
        return str(values.get(key, "") or "")

    if name in ("provider", "capability", "capacity_unit", "conditions", "poc_name",
                "poc_email"):
        value = plain(text, lines=name in MULTILINE)
        if name == "provider" and not value:
            return value, _("Name the provider: the Member State or the organisation that "
                            "offers this.")
        if name == "capability" and not value:
            return value, _("Say what is offered, e.g. “C-130J with crew, 20 t”.")
        if name == "capacity_unit" and not value and other("capacity_value").strip() \
                and decimal(other("capacity_value")) is not None:
            return value, _("Give the unit of the capacity (t, beds, m³/day…).")
        if name == "poc_email" and value and not is_email(value):
            return value, _("“{text}” is not an e-mail address (name@example.org).").format(
                text=value[:80])
        return value, None
    if name == "provider_kind":
        kind = parse_kind(text) if text.strip() else None
        if kind is None:
            return "", _("Choose whether the provider is a Member State or an organisation.")
        return kind, None
    if name == "provider_state":
        state_text = plain(text)
        kind = parse_kind(other("provider_kind")) if other("provider_kind").strip() else None
        if kind == MEMBER_STATE:
            code = parse_country(state_text) if state_text else None
            if code is None:
                return "", (_("Give the Member State's country as an ISO code (“NOR”) or its "
                              "name (“Norway”).") if not state_text
                            else _("“{text}” is not a country: give an ISO code (“NOR”) or a "
                                   "country name (“Norway”).").format(text=state_text[:60]))
            return code, None
        if kind == ORGANISATION and state_text:
            return "", _("An organisation is not a Member State: leave the country empty, or "
                         "choose “Member State”.")
        return "", None
    if name == "category":
        category = parse_category(text) if text.strip() else None
        if category is None:
            return "", (_("Choose the category of the capability (airlift, medical, "
                           "engineering…).") if not text.strip() else
                        _("“{text}” is not a category; choose one of the list.").format(
                            text=plain(text)[:60]))
        return category, None
    if name == "quantity":
        quantity = 1 if not text.strip() else whole(text, 1, MAX_QUANTITY)
        if quantity is None:
            return None, _("The quantity is a whole number from 1 to 1,000,000.")
        return quantity, None
    if name == "capacity_value":
        capacity = None if not text.strip() else decimal(text)
        if text.strip() and capacity is None:
            return None, _("The capacity is a number above zero, e.g. 20 or 2.5.")
        if not text.strip() and plain(other("capacity_unit")):
            return None, _("Give the capacity as a number, or leave its unit empty.")
        return capacity, None
    if name in ("readiness_hours", "deployment_hours"):
        hours = None if not text.strip() else whole(text, 0, MAX_HOURS)
        if text.strip() and hours is None:
            return None, _("{field}: a whole number of hours from 0 to 8760.").format(
                field=field_label(name))
        return hours, None
    if name == "poc_phone":
        phone_text = plain(text)
        if not phone_text:
            return "", None
        state, _refused = check_value("provider_state", other("provider_state"), values)
        phone = normalise_phone(phone_text, region=alpha2(state))
        if not phone.valid or len(phone.number) > 60:
            return "", _("“{text}” is not a phone number: write it with the country code, "
                         "e.g. +41 22 917 12 34.").format(text=phone_text[:60])
        return phone.number, None
    if name == "valid_until":
        until = None if not text.strip() else day(text)
        if text.strip() and until is None:
            return None, _("The valid-until date is a date written 2027-06-30.")
        return until, None
    if name == "status":
        status = ACTIVE if not text.strip() else parse_status(text)
        if status is None:
            return "", _("The status is active, suspended or retired.")
        return status, None
    raise ValueError(f"not a register field: {name!r}")  # i18n: not shown


def check_entry(values: Mapping[str, str]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Every field of an entry from text (missing keys count as empty): the typed values,
    and a refusal per bad field saying what to fix (none: the entry can be stored)."""
    raw = {name: str(values.get(name, "") or "") for name in FIELDS}
    errors = [ValidationError(name, sentence) for name in LIMITS
              if (sentence := too_long(name, raw[name])) is not None]
    out: dict[str, Any] = {}
    for name in _CHECK_ORDER:
        out[name], sentence = check_value(name, raw[name], raw)
        if sentence is not None:
            errors.append(ValidationError(name, sentence))
    return {name: out[name] for name in FIELDS}, errors
