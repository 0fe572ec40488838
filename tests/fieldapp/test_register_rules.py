"""The Central Register's field rules (fieldapp.register_rules), pinned value by value.

Pure tests: no server, no database, no Qt. The module's behaviour is the reference (it was
compared with HQ's old checks on thousands of generated entries), so these tests say exactly
what each field accepts, what it is stored as, and each refusal's sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from fieldapp import register_rules as rules
from fieldapp.errors import ValidationError
from fieldapp.i18n import in_language

# The refusals, word for word (English).
PROVIDER_EMPTY = "Name the provider: the Member State or the organisation that offers this."
CAPABILITY_EMPTY = "Say what is offered, e.g. \u201cC-130J with crew, 20 t\u201d."
UNIT_MISSING = "Give the unit of the capacity (t, beds, m\u00b3/day\u2026)."
KIND_MISSING = "Choose whether the provider is a Member State or an organisation."
STATE_MISSING = ("Give the Member State's country as an ISO code (\u201cNOR\u201d) or its "
                 "name (\u201cNorway\u201d).")
ORG_WITH_STATE = ("An organisation is not a Member State: leave the country empty, or "
                  "choose \u201cMember State\u201d.")
CATEGORY_MISSING = "Choose the category of the capability (airlift, medical, engineering\u2026)."
QUANTITY_BAD = "The quantity is a whole number from 1 to 1,000,000."
CAPACITY_BAD = "The capacity is a number above zero, e.g. 20 or 2.5."
CAPACITY_MISSING = "Give the capacity as a number, or leave its unit empty."
VALID_UNTIL_BAD = "The valid-until date is a date written 2027-06-30."
STATUS_BAD = "The status is active, suspended or retired."


def not_email(text: str) -> str:
    return f"\u201c{text}\u201d is not an e-mail address (name@example.org)."


def not_country(text: str) -> str:
    return (f"\u201c{text}\u201d is not a country: give an ISO code (\u201cNOR\u201d) or a "
            "country name (\u201cNorway\u201d).")


def not_category(text: str) -> str:
    return f"\u201c{text}\u201d is not a category; choose one of the list."


def not_phone(text: str) -> str:
    return (f"\u201c{text}\u201d is not a phone number: write it with the country code, "
            "e.g. +41 22 917 12 34.")


def hours_bad(label: str) -> str:
    return f"{label}: a whole number of hours from 0 to 8760."


def too_long_sentence(label: str, limit: int) -> str:
    return f"{label}: at most {limit} characters, please."


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with in_language("en"):
        yield


# --- constants --------------------------------------------------------------------------------

def test_constants() -> None:
    assert rules.KINDS == ("member_state", "organisation")
    assert rules.STATUSES == ("active", "suspended", "retired")
    assert rules.MAX_HOURS == 8760
    assert rules.MAX_QUANTITY == 1_000_000
    assert rules.LIMITS == {"provider": 200, "capacity_unit": 40, "poc_name": 200,
                            "poc_email": 200, "capability": 2000, "conditions": 5000}
    assert sorted(rules.MULTILINE) == ["capability", "conditions"]
    assert rules.FIELDS == (
        "provider", "provider_kind", "provider_state", "capability", "category", "quantity",
        "capacity_value", "capacity_unit", "readiness_hours", "deployment_hours",
        "conditions", "poc_name", "poc_email", "poc_phone", "valid_until", "status")
    assert "other" in rules.CATEGORIES
    assert "medical" in rules.CATEGORIES


# --- labels -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "label"), [
    ("member_state", "Member State"),
    ("organisation", "Organisation"),
    ("ngo", "ngo"),
    ("", ""),
    ("Member State", "Member State"),
])
def test_kind_label(value: str, label: str) -> None:
    assert rules.kind_label(value) == label


@pytest.mark.parametrize(("value", "label"), [
    ("active", "Active"),
    ("suspended", "Suspended"),
    ("retired", "Retired"),
    ("archived", "archived"),
    ("", ""),
])
def test_status_label(value: str, label: str) -> None:
    assert rules.status_label(value) == label


@pytest.mark.parametrize(("value", "label"), [
    ("provider", "Provider"),
    ("provider_kind", "Kind of provider"),
    ("provider_state", "Member State"),
    ("capability", "Capability"),
    ("category", "Category"),
    ("quantity", "Quantity"),
    ("capacity_value", "Capacity"),
    ("capacity_unit", "Capacity unit"),
    ("readiness_hours", "Readiness (hours' notice)"),
    ("deployment_hours", "Deployment (hours to theatre)"),
    ("conditions", "Conditions"),
    ("poc_name", "Point of contact"),
    ("poc_email", "Contact e-mail"),
    ("poc_phone", "Contact phone"),
    ("valid_until", "Valid until"),
    ("status", "Status"),
    ("colour", "colour"),
])
def test_field_label(value: str, label: str) -> None:
    assert rules.field_label(value) == label


def test_labels_are_translated() -> None:
    with in_language("fr"):
        assert rules.kind_label("member_state") == "État Membre"
        assert rules.status_label("retired") == "Retirée"
        assert rules.status_label("suspended") == "Suspendue"
        assert rules.field_label("provider") == "Fournisseur"
        assert rules.kind_label("ngo") == "ngo"
        assert rules.status_label("gone") == "gone"
    with in_language("es"):
        assert rules.kind_label("organisation") == "Organización"
        assert rules.status_label("active") == "Activa"


# --- value_text -------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "text"), [
    (None, ""),
    ("", ""),
    ("Norway", "Norway"),
    (0, "0"),
    (20, "20"),
    (20.0, "20"),
    (0.0, "0"),
    (-3.0, "-3"),
    (2.5, "2.5"),
    (0.001, "0.001"),
    (999999999999999.0, "999999999999999"),
    (1e15, "1000000000000000.0"),
    (-1e15, "-1000000000000000.0"),
    (-999999999999999.0, "-999999999999999"),
    (1e16, "1e+16"),
    (float("inf"), "inf"),
    (date(2027, 6, 30), "2027-06-30"),
    (datetime(2027, 6, 30, 10, 5), "2027-06-30T10:05:00"),
    (True, "True"),
])
def test_value_text(value: object, text: str) -> None:
    assert rules.value_text(value) == text


def test_value_text_nan() -> None:
    assert rules.value_text(float("nan")) == "nan"


@pytest.mark.parametrize(("name", "text", "typed"), [
    ("quantity", "12", 12),
    ("capacity_value", "20", 20.0),
    ("capacity_value", "2.5", 2.5),
    ("readiness_hours", "0", 0),
    ("deployment_hours", "8760", 8760),
    ("valid_until", "2027-06-30", date(2027, 6, 30)),
    ("status", "retired", "retired"),
    ("category", "medical", "medical"),
    ("provider_kind", "organisation", "organisation"),
    ("provider", "Norway", "Norway"),
])
def test_value_text_round_trips(name: str, text: str, typed: object) -> None:
    values = {"capacity_unit": "t"}
    assert rules.check_value(name, text, values) == (typed, None)
    assert rules.value_text(typed) == text
    assert rules.check_value(name, rules.value_text(typed), values) == (typed, None)


def test_empty_values_round_trip() -> None:
    for name in ("capacity_value", "readiness_hours", "deployment_hours", "valid_until"):
        typed, refused = rules.check_value(name, "", {})
        assert (typed, refused) == (None, None)
        assert rules.value_text(typed) == ""


# --- plain ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "text"), [
    (None, ""),
    (0, ""),
    ("", ""),
    (12, "12"),
    ("Norway", "Norway"),
    ("  a \t b\n c  ", "a b c"),
    ("a\r\nb", "a b"),
    ("a\x00b\x07c\x7fd", "abcd"),
    ("a\x08b", "ab"),
    ("a\x0bb", "ab"),
    ("a\x0cb", "ab"),
    ("a\x0eb", "ab"),
    ("a\x1fb", "ab"),
    ("a\x1f \x0b b", "a b"),
    ("\u00e9t\u00e9", "\u00e9t\u00e9"),
])
def test_plain_one_line(value: object, text: str) -> None:
    assert rules.plain(value) == text
    assert rules.plain(value, lines=False) == text


@pytest.mark.parametrize(("value", "text"), [
    (None, ""),
    ("", ""),
    ("  a\r\nb\rc\n  ", "a\nb\nc"),
    ("a  b", "a  b"),
    ("\ta\t", "a"),
    ("a\tb", "a\tb"),
    ("a\x00\nb\x0b", "a\nb"),
    ("\r\n\r\nx\r\r", "x"),
    ("line one\r\n\r\nline two", "line one\n\nline two"),
])
def test_plain_keeping_lines(value: object, text: str) -> None:
    assert rules.plain(value, lines=True) == text


# --- parse_kind -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "member_state", "member state", "Member State", "MEMBER STATE", "member-state",
    "  member   state  ", "member - state", "member\tstate", "state", "State ", "member",
    "government", "Government", "country", "COUNTRY",
])
def test_parse_kind_member_state(text: str) -> None:
    assert rules.parse_kind(text) == "member_state"


@pytest.mark.parametrize("text", [
    "organisation", "Organisation", "organization", "ORGANIZATION", "org", " Org ",
    "regional_organisation", "Regional Organisation", "regional-organization",
    "regional organization", "international_organisation", "International Organisation",
    "international-organisation",
])
def test_parse_kind_organisation(text: str) -> None:
    assert rules.parse_kind(text) == "organisation"


@pytest.mark.parametrize("text", [
    "", "   ", "ngo", "member__state", "memberstate", "states", "international organization",
    "international_organization", "organisations", "org.", "État Membre", "Organización",
    "Estado Miembro", "gov", "un agency",
])
def test_parse_kind_refused(text: str) -> None:
    assert rules.parse_kind(text) is None


def test_parse_kind_reads_the_label_in_the_current_language() -> None:
    with in_language("fr"):
        assert rules.parse_kind("État Membre") == "member_state"
        assert rules.parse_kind("  état membre ") == "member_state"
        assert rules.parse_kind("ÉTAT MEMBRE") == "member_state"
        assert rules.parse_kind("Organisation") == "organisation"
        assert rules.parse_kind("Estado Miembro") is None
        assert rules.parse_kind("Member State") == "member_state"
    with in_language("es"):
        assert rules.parse_kind("Estado Miembro") == "member_state"
        assert rules.parse_kind(" estado miembro ") == "member_state"
        assert rules.parse_kind("Organización") == "organisation"
        assert rules.parse_kind(" ORGANIZACIÓN ") == "organisation"
        assert rules.parse_kind("État Membre") is None


# --- parse_category, parse_status, parse_country ------------------------------------------------

@pytest.mark.parametrize(("text", "category"), [
    ("medical", "medical"),
    ("Medical", "medical"),
    ("  MEDICAL  ", "medical"),
    ("search and rescue", "search_and_rescue"),
    ("Search and Rescue", "search_and_rescue"),
    ("search_and_rescue", "search_and_rescue"),
    ("airlift_fixed_wing", "airlift_fixed_wing"),
    ("Airlift (fixed wing)", "airlift_fixed_wing"),
    ("Transport aérien (avion)", "airlift_fixed_wing"),
    ("Médico", "medical"),
    ("médical", "medical"),
    ("Water and sanitation", "water_sanitation"),
    ("other", "other"),
    ("Other", "other"),
    ("boats", None),
    ("", None),
    ("search-and-rescue", None),
])
def test_parse_category(text: str, category: str | None) -> None:
    assert rules.parse_category(text) == category


@pytest.mark.parametrize(("text", "status"), [
    ("active", "active"),
    ("Active", "active"),
    (" SUSPENDED ", "suspended"),
    ("retired", "retired"),
    ("Retired", "retired"),
    ("Retirée", None),
    ("gone", None),
    ("", None),
])
def test_parse_status(text: str, status: str | None) -> None:
    assert rules.parse_status(text) == status


def test_parse_status_reads_the_current_language() -> None:
    with in_language("fr"):
        assert rules.parse_status("Retirée") == "retired"
        assert rules.parse_status("suspendue") == "suspended"
        assert rules.parse_status("Retired") == "retired"
    with in_language("es"):
        assert rules.parse_status("Activa") == "active"


@pytest.mark.parametrize(("text", "code"), [
    ("NOR", "NOR"), ("nor", "NOR"), ("NO", "NOR"), ("Norway", "NOR"), ("norway", "NOR"),
    (" Switzerland ", "CHE"), ("CH", "CHE"), ("Atlantis", None), ("", None), ("xx", None),
])
def test_parse_country(text: str, code: str | None) -> None:
    assert rules.parse_country(text) == code


# --- whole ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("5", 5),
    (" 5 ", 5),
    ("1,000", 1000),
    ("1 000", 1000),
    ("1\u202f000", 1000),
    ("1,0,0", 100),
    ("007", 7),
    ("0", 0),
    ("5.0", None),
    ("-1", None),
    ("+1", None),
    ("", None),
    ("   ", None),
    ("five", None),
    ("\u0663", None),
    ("\u00b2", None),
    ("1\u00a0000", None),
    ("1_000", None),
])
def test_whole(text: str, number: int | None) -> None:
    assert rules.whole(text, 0, 5000) == number


@pytest.mark.parametrize(("text", "low", "high", "number"), [
    ("0", 0, 8760, 0),
    ("8760", 0, 8760, 8760),
    ("8761", 0, 8760, None),
    ("1", 1, 1, 1),
    ("2", 1, 1, None),
    ("0", 1, 1, None),
    ("1000000", 1, 1_000_000, 1_000_000),
    ("1,000,001", 1, 1_000_000, None),
])
def test_whole_bounds(text: str, low: int, high: int, number: int | None) -> None:
    found = rules.whole(text, low, high)
    assert found == number
    assert found is None or type(found) is int


# --- decimal ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("20", 20.0),
    ("2.5", 2.5),
    ("2,5", 2.5),
    (" 2,5 ", 2.5),
    ("1 000,5", 1000.5),
    ("1\u202f000", 1000.0),
    ("1\u202f000,25", 1000.25),
    ("0.001", 0.001),
    ("0,001", 0.001),
    ("007", 7.0),
    ("1000000000", 1e9),
    ("1000000000.0", 1e9),
    ("1000000000.5", None),
    ("1000000001", None),
    ("9" * 400, None),
    ("1,000.5", None),
    ("1,000,5", None),
    ("1.000.5", None),
    ("0", None),
    ("0.0", None),
    ("0,0", None),
    (".5", None),
    ("5.", None),
    (",5", None),
    ("-2", None),
    ("+2", None),
    ("1e9", None),
    ("inf", None),
    ("nan", None),
    ("abc", None),
    ("", None),
    ("   ", None),
    ("2 t", None),
])
def test_decimal(text: str, number: float | None) -> None:
    found = rules.decimal(text)
    assert found == number
    assert found is None or type(found) is float


# --- day --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("2027-06-30", date(2027, 6, 30)),
    (" 2027-06-30 ", date(2027, 6, 30)),
    ("2027-06-30\n", date(2027, 6, 30)),
    ("1990-01-01", date(1990, 1, 1)),
    ("1989-12-31", None),
    ("2100-12-31", date(2100, 12, 31)),
    ("2101-01-01", None),
    ("2027-02-30", None),
    ("30/06/2027", None),
    ("30.06.2027", None),
    ("tomorrow", None),
    ("", None),
    ("   ", None),
])
def test_day(text: str, found: date | None) -> None:
    assert rules.day(text) == found


# --- too_long ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "label", "limit"), [
    ("provider", "Provider", 200),
    ("capacity_unit", "Capacity unit", 40),
    ("poc_name", "Point of contact", 200),
    ("poc_email", "Contact e-mail", 200),
    ("capability", "Capability", 2000),
    ("conditions", "Conditions", 5000),
])
def test_too_long_limits(name: str, label: str, limit: int) -> None:
    assert rules.too_long(name, "x" * limit) is None
    assert rules.too_long(name, "x" * (limit - 1)) is None
    assert rules.too_long(name, "x" * (limit + 1)) == too_long_sentence(label, limit)
    assert rules.too_long(name, "  " + "x" * limit + "  \n") is None  # trimmed first
    assert rules.too_long(name, "") is None


@pytest.mark.parametrize("name", ["quantity", "status", "poc_phone", "nonsense"])
def test_too_long_other_fields_have_no_limit(name: str) -> None:
    assert rules.too_long(name, "x" * 10_000) is None


def test_too_long_counts_the_text_as_stored() -> None:
    spaced = "a" + " " * 2000 + "b"
    # one-line fields: the spaces collapse
    assert rules.too_long("provider", "a" + " " * 300 + "b") is None
    assert rules.too_long("provider", "a\n" * 100) is None
    assert rules.too_long("provider", "ab\n" * 68) == too_long_sentence("Provider", 200)
    # multi-line fields keep the inner spaces and the line breaks
    assert rules.too_long("capability", spaced) == too_long_sentence("Capability", 2000)
    assert rules.too_long("capability", "a\n" * 1001) == too_long_sentence("Capability", 2000)
    assert rules.too_long("capability", "a\r\n" * 1000) is None  # CR LF counts as one
    assert rules.too_long("conditions", "a" + " " * 5000 + "b") \
        == too_long_sentence("Conditions", 5000)
    assert rules.too_long("capability", "a\x00" * 1500) is None  # control characters go


def test_too_long_is_translated() -> None:
    with in_language("fr"):
        sentence = rules.too_long("provider", "x" * 201)
    assert sentence == "Fournisseur\u00a0: 200 caractères au plus, s'il vous plaît."


# --- check_value: free-text fields ----------------------------------------------------------------

@pytest.mark.parametrize(("name", "text", "expected"), [
    ("provider", "Norway", ("Norway", None)),
    ("provider", "  Norwegian\n  Armed\tForces ", ("Norwegian Armed Forces", None)),
    ("provider", "", ("", PROVIDER_EMPTY)),
    ("provider", "   \n", ("", PROVIDER_EMPTY)),
    ("provider", "\x00", ("", PROVIDER_EMPTY)),
    ("provider", None, ("", PROVIDER_EMPTY)),
    ("capability", "C-130J", ("C-130J", None)),
    ("capability", " two  trucks\r\nwith crew \n", ("two  trucks\nwith crew", None)),
    ("capability", "", ("", CAPABILITY_EMPTY)),
    ("capability", " \r\n ", ("", CAPABILITY_EMPTY)),
    ("conditions", "", ("", None)),
    ("conditions", " line\r\nnext ", ("line\nnext", None)),
    ("poc_name", "", ("", None)),
    ("poc_name", " Kari \n Nordmann ", ("Kari Nordmann", None)),
    ("capacity_unit", " m\u00b3/day ", ("m\u00b3/day", None)),
    ("capacity_unit", "", ("", None)),
    ("poc_email", "", ("", None)),
    ("poc_email", "   ", ("", None)),
    ("poc_email", " kari@example.org ", ("kari@example.org", None)),
    ("poc_email", "a@b", ("a@b", not_email("a@b"))),
    ("poc_email", "not an address", ("not an address", not_email("not an address"))),
])
def test_check_value_text_fields(name: str, text: str, expected: tuple) -> None:
    assert rules.check_value(name, text, {}) == expected


def test_bad_email_is_quoted_up_to_80_characters() -> None:
    text = "x" * 100
    assert rules.check_value("poc_email", text, {}) == (text, not_email("x" * 80))
    text = "y" * 80
    assert rules.check_value("poc_email", text, {}) == (text, not_email(text))


@pytest.mark.parametrize(("capacity", "expected"), [
    ("20", ("", UNIT_MISSING)),
    (" 2,5 ", ("", UNIT_MISSING)),
    ("", ("", None)),
    ("   ", ("", None)),
    ("abc", ("", None)),
    ("0", ("", None)),
    (None, ("", None)),
])
def test_capacity_needs_a_unit(capacity: str | None, expected: tuple) -> None:
    assert rules.check_value("capacity_unit", "", {"capacity_value": capacity}) == expected
    assert rules.check_value("capacity_unit", " \x00 ", {"capacity_value": capacity}) == expected
    assert rules.check_value("capacity_unit", "t", {"capacity_value": capacity}) == ("t", None)


def test_unit_without_capacity_values() -> None:
    assert rules.check_value("capacity_unit", "", {}) == ("", None)


# --- check_value: kind and state ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("member_state", ("member_state", None)),
    ("Member State", ("member_state", None)),
    (" government ", ("member_state", None)),
    ("organisation", ("organisation", None)),
    ("Organization", ("organisation", None)),
    ("org", ("organisation", None)),
    ("", ("", KIND_MISSING)),
    ("   ", ("", KIND_MISSING)),
    (None, ("", KIND_MISSING)),
    ("ngo", ("", KIND_MISSING)),
])
def test_check_value_provider_kind(text: str | None, expected: tuple) -> None:
    assert rules.check_value("provider_kind", text, {}) == expected


@pytest.mark.parametrize(("kind", "state", "expected"), [
    ("member_state", "NOR", ("NOR", None)),
    ("member_state", "nor", ("NOR", None)),
    ("member_state", "NO", ("NOR", None)),
    ("member_state", "Norway", ("NOR", None)),
    ("Member State", "  norway\n", ("NOR", None)),
    ("state", "Switzerland", ("CHE", None)),
    (" country ", "CHE", ("CHE", None)),
    ("member_state", "", ("", STATE_MISSING)),
    ("member_state", "   ", ("", STATE_MISSING)),
    ("member_state", "\x00", ("", STATE_MISSING)),
    ("member_state", "xx", ("", not_country("xx"))),
    ("member_state", " Atlantis  Isle ", ("", not_country("Atlantis Isle"))),
    ("organisation", "NOR", ("", ORG_WITH_STATE)),
    ("Organisation", "Atlantis", ("", ORG_WITH_STATE)),
    ("organisation", "", ("", None)),
    ("organisation", "  ", ("", None)),
    ("", "NOR", ("", None)),
    ("   ", "NOR", ("", None)),
    ("ngo", "NOR", ("", None)),
    ("", "", ("", None)),
    (None, "NOR", ("", None)),
])
def test_check_value_provider_state(kind: str | None, state: str, expected: tuple) -> None:
    assert rules.check_value("provider_state", state, {"provider_kind": kind}) == expected


def test_provider_state_without_a_kind_key() -> None:
    assert rules.check_value("provider_state", "NOR", {}) == ("", None)


def test_bad_country_is_quoted_up_to_60_characters() -> None:
    state = "q" * 100
    assert rules.check_value("provider_state", state, {"provider_kind": "member_state"}) \
        == ("", not_country("q" * 60))
    state = "r" * 60
    assert rules.check_value("provider_state", state, {"provider_kind": "member_state"}) \
        == ("", not_country(state))


def test_provider_kind_read_in_the_current_language() -> None:
    with in_language("fr"):
        assert rules.check_value("provider_state", "NOR",
                                 {"provider_kind": "État Membre"}) == ("NOR", None)
        assert rules.check_value("provider_kind", "état membre", {}) == ("member_state", None)


# --- check_value: category ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("medical", ("medical", None)),
    (" Search and Rescue ", ("search_and_rescue", None)),
    ("Médico", ("medical", None)),
    ("other", ("other", None)),
    ("", ("", CATEGORY_MISSING)),
    ("   ", ("", CATEGORY_MISSING)),
    (None, ("", CATEGORY_MISSING)),
    ("boats", ("", not_category("boats"))),
    ("  big \n boats ", ("", not_category("big boats"))),
    ("b" * 100, ("", not_category("b" * 60))),
    ("c" * 60, ("", not_category("c" * 60))),
])
def test_check_value_category(text: str | None, expected: tuple) -> None:
    assert rules.check_value("category", text, {}) == expected


# --- check_value: numbers ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("", (1, None)),
    ("   ", (1, None)),
    (None, (1, None)),
    ("1", (1, None)),
    ("12", (12, None)),
    (" 1,000 ", (1000, None)),
    ("1 000 000", (1_000_000, None)),
    ("1000000", (1_000_000, None)),
    ("1000001", (None, QUANTITY_BAD)),
    ("0", (None, QUANTITY_BAD)),
    ("-3", (None, QUANTITY_BAD)),
    ("2.5", (None, QUANTITY_BAD)),
    ("many", (None, QUANTITY_BAD)),
])
def test_check_value_quantity(text: str | None, expected: tuple) -> None:
    assert rules.check_value("quantity", text, {}) == expected


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("20", "t", (20.0, None)),
    ("2,5", "t", (2.5, None)),
    (" 1 000,5 ", "beds", (1000.5, None)),
    ("20", "", (20.0, None)),
    ("", "", (None, None)),
    ("  ", "", (None, None)),
    ("", "  ", (None, None)),
    ("", "\x00\x01", (None, None)),
    ("", "t", (None, CAPACITY_MISSING)),
    ("  ", " t ", (None, CAPACITY_MISSING)),
    ("abc", "t", (None, CAPACITY_BAD)),
    ("abc", "", (None, CAPACITY_BAD)),
    ("0", "t", (None, CAPACITY_BAD)),
    ("-5", "t", (None, CAPACITY_BAD)),
    ("1,000.5", "t", (None, CAPACITY_BAD)),
    ("1000000001", "t", (None, CAPACITY_BAD)),
])
def test_check_value_capacity(text: str, unit: str, expected: tuple) -> None:
    assert rules.check_value("capacity_value", text, {"capacity_unit": unit}) == expected


def test_capacity_without_unit_key() -> None:
    assert rules.check_value("capacity_value", "", {}) == (None, None)
    assert rules.check_value("capacity_value", "", {"capacity_unit": None}) == (None, None)
    assert rules.check_value("capacity_value", "7", {}) == (7.0, None)


@pytest.mark.parametrize(("name", "label"), [
    ("readiness_hours", "Readiness (hours' notice)"),
    ("deployment_hours", "Deployment (hours to theatre)"),
])
@pytest.mark.parametrize(("text", "expected"), [
    ("", None),
    ("  ", None),
    (None, None),
    ("0", 0),
    ("48", 48),
    (" 1,000 ", 1000),
    ("8760", 8760),
    ("8761", "refused"),
    ("-1", "refused"),
    ("1.5", "refused"),
    ("soon", "refused"),
])
def test_check_value_hours(name: str, label: str, text: str | None, expected: object) -> None:
    if expected == "refused":
        assert rules.check_value(name, text, {}) == (None, hours_bad(label))
    else:
        assert rules.check_value(name, text, {}) == (expected, None)


# --- check_value: phone -----------------------------------------------------------------------

@pytest.mark.parametrize(("phone", "values", "expected"), [
    ("", {}, ("", None)),
    ("   ", {}, ("", None)),
    ("\x00", {}, ("", None)),
    (None, {}, ("", None)),
    ("+41 22 917 12 34", {}, ("+41229171234", None)),
    (" +41  22 917\n12 34 ", {}, ("+41229171234", None)),
    ("+41 22 917 12 34 ext. 102", {}, ("+41229171234;ext=102", None)),
    ("022 917 12 34", {"provider_kind": "member_state", "provider_state": "CHE"},
     ("+41229171234", None)),
    ("022 917 12 34", {"provider_kind": "Member State", "provider_state": "Switzerland"},
     ("+41229171234", None)),
    ("22 12 34 56", {"provider_kind": "member_state", "provider_state": "Norway"},
     ("+4722123456", None)),
    ("+41 22 917 12 34", {"provider_kind": "member_state", "provider_state": "NOR"},
     ("+41229171234", None)),
    ("022 917 12 34", {}, ("", not_phone("022 917 12 34"))),
    ("022 917 12 34", {"provider_state": "CHE"}, ("", not_phone("022 917 12 34"))),
    ("022 917 12 34", {"provider_kind": "organisation", "provider_state": "CHE"},
     ("", not_phone("022 917 12 34"))),
    ("22 12 34 56", {"provider_kind": "member_state", "provider_state": "CHE"},
     ("", not_phone("22 12 34 56"))),
    ("022 917 12 34", {"provider_kind": "member_state", "provider_state": "Atlantis"},
     ("", not_phone("022 917 12 34"))),
    ("  call  me ", {}, ("", not_phone("call me"))),
    ("1" * 100, {}, ("", not_phone("1" * 60))),
    # the longest extension read (20 digits) keeps the number far below 60 characters
    ("+41 22 917 12 34 ext. " + "7" * 20, {}, ("+41229171234;ext=" + "7" * 20, None)),
    ("+41 22 917 12 34 ext. " + "7" * 21, {},
     ("", not_phone("+41 22 917 12 34 ext. " + "7" * 21))),
])
def test_check_value_phone(phone: str | None, values: dict, expected: tuple) -> None:
    assert rules.check_value("poc_phone", phone, values) == expected


# --- check_value: date and status ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("", (None, None)),
    ("  ", (None, None)),
    (None, (None, None)),
    ("2027-06-30", (date(2027, 6, 30), None)),
    (" 2027-06-30 ", (date(2027, 6, 30), None)),
    ("1990-01-01", (date(1990, 1, 1), None)),
    ("2100-12-31", (date(2100, 12, 31), None)),
    ("1989-12-31", (None, VALID_UNTIL_BAD)),
    ("2101-01-01", (None, VALID_UNTIL_BAD)),
    ("30/06/2027", (None, VALID_UNTIL_BAD)),
    ("next year", (None, VALID_UNTIL_BAD)),
])
def test_check_value_valid_until(text: str | None, expected: tuple) -> None:
    assert rules.check_value("valid_until", text, {}) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("", ("active", None)),
    ("   ", ("active", None)),
    (None, ("active", None)),
    ("active", ("active", None)),
    ("Suspended", ("suspended", None)),
    (" RETIRED ", ("retired", None)),
    ("Retirée", ("", STATUS_BAD)),
    ("gone", ("", STATUS_BAD)),
])
def test_check_value_status(text: str | None, expected: tuple) -> None:
    assert rules.check_value("status", text, {}) == expected


def test_check_value_unknown_field() -> None:
    with pytest.raises(ValueError, match=r"^not a register field: 'colour'$"):
        rules.check_value("colour", "red", {})


def test_refusals_are_translated() -> None:
    with in_language("fr"):
        _value, sentence = rules.check_value("status", "gone", {})
        _value, hours = rules.check_value("readiness_hours", "x", {})
    assert sentence is not None
    assert sentence != STATUS_BAD
    assert hours is not None
    assert hours.startswith("Préavis (heures)")


# --- check_entry ------------------------------------------------------------------------------

GOOD = {
    "provider": " Norwegian  Armed Forces ", "provider_kind": "Member State",
    "provider_state": "Norway", "capability": "C-130J\r\nwith crew",
    "category": "Airlift (fixed wing)",
    "quantity": "2", "capacity_value": "20,5", "capacity_unit": "t", "readiness_hours": "48",
    "deployment_hours": "72", "conditions": "  Fuel by host ", "poc_name": "Kari Nordmann",
    "poc_email": "kari@example.org", "poc_phone": "22 12 34 56", "valid_until": "2027-06-30",
    "status": "Suspended",
}


def test_check_entry_good() -> None:
    out, errors = rules.check_entry(GOOD)
    assert errors == []
    assert out == {
        "provider": "Norwegian Armed Forces", "provider_kind": "member_state",
        "provider_state": "NOR", "capability": "C-130J\nwith crew",
        "category": "airlift_fixed_wing", "quantity": 2, "capacity_value": 20.5,
        "capacity_unit": "t", "readiness_hours": 48, "deployment_hours": 72,
        "conditions": "Fuel by host", "poc_name": "Kari Nordmann",
        "poc_email": "kari@example.org", "poc_phone": "+4722123456",
        "valid_until": date(2027, 6, 30), "status": "suspended",
    }
    assert list(out) == list(rules.FIELDS)


def test_check_entry_organisation() -> None:
    values = {"provider": "WFP", "provider_kind": "org", "capability": "Trucks",
              "category": "ground_transport", "poc_phone": "+41 22 917 12 34"}
    out, errors = rules.check_entry(values)
    assert errors == []
    assert out["provider_kind"] == "organisation"
    assert out["provider_state"] == ""
    assert out["poc_phone"] == "+41229171234"
    assert out["quantity"] == 1
    assert out["status"] == "active"


def pairs(errors: list[ValidationError]) -> list[tuple[str, str]]:
    assert all(isinstance(e, ValidationError) for e in errors)
    return [(e.field, e.message) for e in errors]


def test_check_entry_empty() -> None:
    for values in ({}, dict.fromkeys(rules.FIELDS, ""), dict.fromkeys(rules.FIELDS)):
        out, errors = rules.check_entry(values)
        assert out == {
            "provider": "", "provider_kind": "", "provider_state": "", "capability": "",
            "category": "", "quantity": 1, "capacity_value": None, "capacity_unit": "",
            "readiness_hours": None, "deployment_hours": None, "conditions": "",
            "poc_name": "", "poc_email": "", "poc_phone": "", "valid_until": None,
            "status": "active",
        }
        assert list(out) == list(rules.FIELDS)
        assert pairs(errors) == [
            ("provider", PROVIDER_EMPTY),
            ("capability", CAPABILITY_EMPTY),
            ("provider_kind", KIND_MISSING),
            ("category", CATEGORY_MISSING),
        ]


def test_check_entry_every_refusal_in_order() -> None:
    values = {
        "provider": "", "provider_kind": "member_state", "provider_state": "Atlantis",
        "capability": "", "category": "boats", "quantity": "0", "capacity_value": "",
        "capacity_unit": "t", "readiness_hours": "9000", "deployment_hours": "x",
        "conditions": "", "poc_name": "", "poc_email": "nobody", "poc_phone": "call me",
        "valid_until": "someday", "status": "gone", "unknown": "ignored",
    }
    out, errors = rules.check_entry(values)
    assert pairs(errors) == [
        ("provider", PROVIDER_EMPTY),
        ("capability", CAPABILITY_EMPTY),
        ("provider_state", not_country("Atlantis")),
        ("category", not_category("boats")),
        ("quantity", QUANTITY_BAD),
        ("capacity_value", CAPACITY_MISSING),
        ("readiness_hours", hours_bad("Readiness (hours' notice)")),
        ("deployment_hours", hours_bad("Deployment (hours to theatre)")),
        ("poc_email", not_email("nobody")),
        ("poc_phone", not_phone("call me")),
        ("valid_until", VALID_UNTIL_BAD),
        ("status", STATUS_BAD),
    ]
    assert "unknown" not in out
    assert out["provider_kind"] == "member_state"
    assert out["quantity"] is None
    assert out["poc_email"] == "nobody"


def test_check_entry_unit_and_org_state() -> None:
    values = dict(GOOD, provider_kind="organisation", capacity_unit="")
    out, errors = rules.check_entry(values)
    assert pairs(errors) == [("provider_state", ORG_WITH_STATE),
                             ("capacity_unit", UNIT_MISSING),
                             ("poc_phone", not_phone("22 12 34 56"))]
    assert out["provider_state"] == ""
    assert out["capacity_value"] == 20.5


def test_check_entry_too_long_first_in_limit_order() -> None:
    values = dict(GOOD, provider="p" * 201, capacity_unit="u" * 41, poc_name="n" * 201,
                  poc_email="e" * 201, capability="c" * 2001, conditions="k" * 5001)
    out, errors = rules.check_entry(values)
    assert pairs(errors) == [
        ("provider", too_long_sentence("Provider", 200)),
        ("capacity_unit", too_long_sentence("Capacity unit", 40)),
        ("poc_name", too_long_sentence("Point of contact", 200)),
        ("poc_email", too_long_sentence("Contact e-mail", 200)),
        ("capability", too_long_sentence("Capability", 2000)),
        ("conditions", too_long_sentence("Conditions", 5000)),
        ("poc_email", not_email("e" * 80)),
    ]
    assert out["provider"] == "p" * 201


def test_check_entry_limits_fit() -> None:
    values = dict(GOOD, provider="p" * 200, capacity_unit="u" * 40, poc_name="n" * 200,
                  capability="c" * 2000, conditions="k" * 5000)
    _out, errors = rules.check_entry(values)
    assert errors == []
