"""Contacts and organisations: validated writes, phone numbers in E.164, the paged list.

Phones are parsed with `phonenumbers` using the operation's country as the default region
and stored as {"kind", "number", "valid"}; a number that does not parse is kept exactly as
typed with valid=False, never dropped. Radio entries (channels, call signs) are free text.
The list is read a page at a time as plain frozen rows for a lazy table model; the text
filter goes through the FTS5 tables, so it stays fast on 100,000 contacts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import phonenumbers
import pycountry
from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.i18n import _
from fieldapp.models import Asset, Contact, Operation, Organisation
from fieldapp.models.enums import OrganisationType, PhoneKind
from fieldapp.search import MAX_TOKENS
from fieldapp.services.lookup import live_row
from fieldapp.services.operations import country_code

PHONE_KINDS = tuple(kind.value for kind in PhoneKind)
ORG_TYPES = tuple(kind.value for kind in OrganisationType)
EMAIL_PATTERN = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\".]{2,}$")
LIMITS = {"given_name": 120, "family_name": 120, "full_name": 200, "role": 200, "call_sign": 40,
          "location": 200, "languages": 200}


@dataclass(frozen=True)
class Phone:
    """One number of a contact; `number` is E.164 when valid, else as typed."""

    kind: str
    number: str
    valid: bool = True

    def as_json(self) -> dict[str, Any]:
        """The form stored in Contact.phones."""
        return {"kind": self.kind, "number": self.number, "valid": self.valid}


@dataclass
class ContactInput:
    """What the contact form submits; `is_global` puts the contact outside any operation."""

    given_name: str = ""
    family_name: str = ""
    full_name: str = ""  # as the person writes it, in any script; empty: given + family
    organisation_id: str | None = None
    role: str = ""
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    call_sign: str = ""
    location: str = ""
    languages: str = ""
    notes: str = ""
    favourite: bool = False
    is_global: bool = False


def region_of(session: Session, operation_id: str | None) -> str | None:
    """The ISO alpha-2 region phone numbers default to: the operation's country, if any."""
    operation = session.get(Operation, operation_id) if operation_id else None
    return alpha2(operation.country) if operation is not None else None


@lru_cache(maxsize=512)
def alpha2(alpha3: str) -> str | None:
    """ISO alpha-3 → alpha-2 (phonenumbers speaks alpha-2), None when unknown."""
    found = pycountry.countries.get(alpha_3=alpha3.upper()) if alpha3 else None
    return str(found.alpha_2) if found is not None else None


def normalise_phone(number: str, *, kind: str = PhoneKind.MOBILE,
                    region: str | None = None) -> Phone:
    """Parse a number to E.164 (an extension, typed "ext. 102", "x102" or ";ext=102", kept
    as "+41229171234;ext=102"); an unparseable one is kept as typed and flagged invalid."""
    typed = " ".join(number.split())
    if kind == PhoneKind.RADIO:  # channels and call signs are not telephone numbers
        return Phone(kind, typed, True)
    try:
        parsed = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return Phone(kind, typed, False)
    if not phonenumbers.is_valid_number(parsed):
        return Phone(kind, typed, False)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    # E.164 has no extension: it is kept after it as RFC 3966 writes it ("…;ext=102")
    return Phone(kind, f"{e164};ext={parsed.extension}" if parsed.extension else e164, True)


def example_phone(region: str | None) -> tuple[str, str]:
    """A mobile number valid in `region` (ISO alpha-2), written internationally and as
    dialled at home: the phone field's example, which must itself be accepted. ("", "")
    when the region has no example."""
    example = phonenumbers.example_number_for_type(region or "CH",
                                                   phonenumbers.PhoneNumberType.MOBILE)
    if example is None:
        return "", ""
    return (phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
            phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL))


def display_phone(number: str) -> str:
    """An E.164 number grouped for reading ("+41 79 123 45 67"); other text unchanged."""
    if not number.startswith("+"):
        return number
    try:
        parsed = phonenumbers.parse(number)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_email(value: str) -> bool:
    """True when the text looks like one e-mail address."""
    return bool(EMAIL_PATTERN.match(value))


def _clean_phones(phones: list[Phone], region: str | None,
                  errors: list[ValidationError]) -> list[Phone]:
    cleaned: list[Phone] = []
    for phone in phones:
        if phone.kind not in PHONE_KINDS:
            # Translators: {kind} is the kind of phone as found in a file, in any language.
            errors.append(ValidationError("phones", _(
                "A phone must be mobile, office, satellite or radio, not \u201c{kind}\u201d."
            ).format(kind=phone.kind)))
            continue
        if not phone.number.strip():
            continue
        parsed = normalise_phone(phone.number, kind=phone.kind, region=region)
        if all((p.kind, p.number) != (parsed.kind, parsed.number) for p in cleaned):
            cleaned.append(parsed)
    return cleaned


def validate_contact(session: Session, data: ContactInput, *,
                     operation_id: str | None) -> ContactInput:
    """Check the form; raise ValidationErrors naming every bad field, or return clean data."""
    errors: list[ValidationError] = []
    values = {name: getattr(data, name).strip() for name in LIMITS}
    if values["full_name"] and not (values["given_name"] or values["family_name"]):
        # the structured parts, for sorting and for finding the person by a Latin name
        given, _space, family = values["full_name"].rpartition(" ")
        values["given_name"], values["family_name"] = given.strip()[:120], family[:120]
    if not (values["given_name"] or values["family_name"] or values["full_name"]):
        errors.append(ValidationError("family_name", _("Give the contact a name.")))
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            errors.append(ValidationError(name, _("Keep this under {limit} characters.").format(
                limit=limit)))
    emails: list[str] = []
    for email in (e.strip() for e in data.emails):
        if not email:
            continue
        if not is_email(email):
            errors.append(ValidationError("emails", _(
                "\u201c{email}\u201d does not look like an e-mail address.").format(email=email)))
        elif email.casefold() not in {e.casefold() for e in emails}:
            emails.append(email)
    phones = _clean_phones(data.phones, region_of(session, operation_id), errors)
    if data.organisation_id is not None:
        org = session.get(Organisation, data.organisation_id)
        if org is None or org.deleted:
            errors.append(ValidationError("organisation_id",
                                          _("That organisation no longer exists.")))
    if not data.is_global and operation_id is None:
        errors.append(ValidationError("is_global",
                                      _("Choose an operation first, or make the contact "
                                        "global.")))
    if errors:
        raise ValidationErrors(errors)
    return ContactInput(**values, organisation_id=data.organisation_id, phones=phones,
                        emails=emails, notes=data.notes.strip(), favourite=data.favourite,
                        is_global=data.is_global)


def apply_contact_input(contact: Contact, clean: ContactInput,
                        operation_id: str | None) -> None:
    """Write validated input onto a row (the importer's bulk path; forms use create/update)."""
    satellite = next((p.number for p in clean.phones if p.kind == PhoneKind.SATELLITE), "")
    values: dict[str, Any] = {
        **{name: getattr(clean, name) for name in LIMITS},
        "organisation_id": clean.organisation_id, "notes": clean.notes,
        "favourite": clean.favourite, "satellite_phone": satellite,
        "operation_id": None if clean.is_global else operation_id,
        # JSON columns: assign new lists so the change is seen (and recorded in the outbox)
        "phones": [p.as_json() for p in clean.phones], "emails": list(clean.emails),
    }
    for name, value in values.items():
        if getattr(contact, name) != value:
            setattr(contact, name, value)


def create_contact(session: Session, data: ContactInput, *, operation_id: str | None) -> Contact:
    """Add a contact to the operation (or as a global one when `data.is_global`)."""
    clean = validate_contact(session, data, operation_id=operation_id)
    contact = Contact()
    apply_contact_input(contact, clean, operation_id)
    session.add(contact)
    session.flush()
    return contact


def update_contact(session: Session, contact_id: str, data: ContactInput, *,
                   operation_id: str | None) -> Contact:
    """Save edits; `operation_id` is the current operation (scope and phone region)."""
    contact = get_contact(session, contact_id)
    clean = validate_contact(session, data, operation_id=operation_id or contact.operation_id)
    apply_contact_input(contact, clean, operation_id or contact.operation_id)
    return contact


def get_contact(session: Session, contact_id: str) -> Contact:
    """One contact, or NotFoundError."""
    return live_row(session, Contact, contact_id, _("That contact no longer exists."))


def delete_contact(session: Session, contact_id: str) -> None:
    """Delete a contact (a tombstone, so the deletion reaches HQ)."""
    get_contact(session, contact_id).deleted = True


def set_favourite(session: Session, contact_id: str, *, favourite: bool) -> Contact:
    """Mark or unmark a contact as a favourite."""
    contact = get_contact(session, contact_id)
    if contact.favourite != favourite:
        contact.favourite = favourite
    return contact


def contact_input(contact: Contact) -> ContactInput:
    """The form's values for an existing contact."""
    return ContactInput(
        given_name=contact.given_name, family_name=contact.family_name,
        full_name=contact.full_name, organisation_id=contact.organisation_id, role=contact.role,
        phones=[Phone(p.get("kind", PhoneKind.MOBILE), p.get("number", ""),
                      bool(p.get("valid", True))) for p in contact.phones or []],
        emails=list(contact.emails or []), call_sign=contact.call_sign,
        location=contact.location, languages=contact.languages, notes=contact.notes,
        favourite=contact.favourite, is_global=contact.operation_id is None,
    )


# --- organisations -----------------------------------------------------------------------

@dataclass(frozen=True)
class OrganisationRow:
    """An organisation as pickers and the contact sheet show it."""

    id: str
    name: str
    acronym: str
    org_type: str
    is_global: bool


def create_organisation(session: Session, *, name: str, operation_id: str | None,
                        org_type: str = OrganisationType.OTHER, acronym: str = "",
                        country: str = "") -> Organisation:
    """Add an organisation (global when `operation_id` is None); names are unique in scope."""
    errors: list[ValidationError] = []
    name, acronym = " ".join(name.split()), acronym.strip()
    if not name:
        errors.append(ValidationError("name", _("Give the organisation a name.")))
    elif len(name) > 200:
        errors.append(ValidationError("name", _("Keep the name under {limit} characters.").format(
            limit=200)))
    elif find_organisation(session, name, operation_id=operation_id) is not None:
        # Translators: {name} is the name of an organisation.
        errors.append(ValidationError("name", _("{name} is already in the list.").format(
            name=name)))
    if org_type not in ORG_TYPES:
        errors.append(ValidationError("org_type", _("Choose the type of organisation.")))
    if len(acronym) > 40:
        errors.append(ValidationError("acronym", _(
            "Keep the acronym under {limit} characters.").format(limit=40)))
    code = country_code(country) if country.strip() else ""
    if code is None:
        errors.append(ValidationError("country", _("Choose the country from the list.")))
    if errors:
        raise ValidationErrors(errors)
    org = Organisation(name=name, acronym=acronym, org_type=org_type, country=code or "",
                       operation_id=operation_id)
    session.add(org)
    session.flush()
    return org


def organisation_index(session: Session, *, operation_id: str | None) -> dict[str, str]:
    """Organisation id by case-folded name and acronym, for this operation and global ones.

    A name wins over another organisation's acronym; the importer looks names up here.
    """
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.acronym)
        .where(Organisation.deleted.is_(False), _in_scope(Organisation, operation_id))
        .order_by(Organisation.operation_id.is_(None), Organisation.name))
    by_name: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    for org_id, name, acronym in rows:
        by_name.setdefault(" ".join(name.split()).casefold(), org_id)
        if acronym:
            by_acronym.setdefault(acronym.casefold(), org_id)
    return {**by_acronym, **by_name}


def find_organisation(session: Session, name: str, *,
                      operation_id: str | None) -> Organisation | None:
    """The live organisation of this operation or global whose name or acronym is `name`."""
    wanted = " ".join(name.split()).casefold()
    found = organisation_index(session, operation_id=operation_id).get(wanted) if wanted else None
    return session.get(Organisation, found) if found else None


def find_or_create_organisation(session: Session, name: str, *, operation_id: str | None,
                                org_type: str = OrganisationType.OTHER) -> Organisation:
    """The organisation called `name`, created in this operation's scope when missing."""
    return find_organisation(session, name, operation_id=operation_id) or create_organisation(
        session, name=name, operation_id=operation_id, org_type=org_type)


def organisation_rows(session: Session, *, operation_id: str | None) -> list[OrganisationRow]:
    """The operation's and global organisations, by name."""
    query = select(Organisation).where(
        Organisation.deleted.is_(False), _in_scope(Organisation, operation_id),
    ).order_by(Organisation.name)
    return [OrganisationRow(o.id, o.name, o.acronym, o.org_type, o.operation_id is None)
            for o in session.scalars(query)]


def _in_scope(model: Any, operation_id: str | None) -> Any:
    if operation_id is None:
        return model.operation_id.is_(None)
    return (model.operation_id == operation_id) | model.operation_id.is_(None)


# --- the paged list ----------------------------------------------------------------------

@dataclass(frozen=True)
class ContactRow:
    """One line of the contact list: only what the table shows."""

    id: str
    name: str
    organisation: str
    org_type: str
    role: str
    phone: str
    email: str
    call_sign: str
    favourite: bool
    is_global: bool
    has_invalid_phone: bool


SORTS: dict[str, str] = {
    "name": "c.family_name COLLATE NOCASE {d}, c.given_name COLLATE NOCASE {d}",
    "given_name": "c.given_name COLLATE NOCASE {d}, c.family_name COLLATE NOCASE {d}",
    "organisation": "(o.name IS NULL), o.name COLLATE NOCASE {d}",
    "org_type": "(o.org_type IS NULL), o.org_type {d}, o.name COLLATE NOCASE {d}",
    "role": "(c.role = ''), c.role COLLATE NOCASE {d}",
    "phone": "(c.phones = '[]'), json_extract(c.phones, '$[0].number') {d}",
    "email": "(c.emails = '[]'), json_extract(c.emails, '$[0]') COLLATE NOCASE {d}",
    "call_sign": "(c.call_sign = ''), c.call_sign COLLATE NOCASE {d}",
    "location": "(c.location = ''), c.location COLLATE NOCASE {d}",
    "favourite": "c.favourite {d}",
    "updated_at": "c.updated_at {d}",
}
_TIE = ", c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE, c.id"  # i18n: not shown
_WORD = re.compile(r"\w+", re.UNICODE)
_PHONE_TEXT = re.compile(r"^\+?[\d\s().\-/]+$")
_TEXT_COLUMNS = "{given_name family_name role emails call_sign}"
# One or two letters are the start of a name: matching them in roles and e-mail domains
# ("or" → ".org") would return most of the table and nothing useful.
_SHORT_COLUMNS = "{given_name family_name call_sign}"
# The name as written is searched for a word in another script than Latin (Hebrew, Arabic,
# Chinese…): a Latin name is in given and family name already, and one more column costs
# every keystroke about a fifth of its time on a 100,000-contact directory.
_WRITTEN_NAME = "{full_name given_name family_name call_sign}"
_NUMBER_COLUMNS = "{phones satellite_phone call_sign}"
_ROW_SQL = (
    "SELECT c.id, c.given_name, c.family_name, c.full_name, coalesce(o.name, '') AS org, "
    "coalesce(o.org_type, '') AS org_type, c.role, "
    "coalesce(json_extract(c.phones, '$[0].number'), '') AS phone, "
    "coalesce(json_extract(c.emails, '$[0]'), '') AS email, c.call_sign, c.favourite, "
    "c.operation_id IS NULL AS is_global, "
    "EXISTS (SELECT 1 FROM json_each(c.phones) p "
    "        WHERE json_extract(p.value, '$.valid') = 0) AS bad_phone "
    "FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id "
    "WHERE c.id IN (SELECT value FROM json_each(:ids))"
)


def _latin(word: str) -> bool:
    """True when every letter of the word is Latin (accents included)."""
    return all(ch < "\u0250" for ch in word)


def _prefix(word: str) -> str:
    # One letter matches only the first word of a field ("w" finds Wanjiru and WFP, not
    # "World Food Programme" staff through "of" or "Food"), so the list stays small.
    return f'"{word}"*' if len(word) > 1 else f'^"{word}"*'


def _phone_prefixes(typed: str, region: str | None) -> list[str]:
    """Digit prefixes an E.164 number would start with, for a number typed in any form."""
    digits = re.sub(r"\D", "", typed)
    if digits.startswith("00"):
        return [digits[2:], digits]
    found = [digits]
    if region and digits.startswith("0"):
        code = phonenumbers.country_code_for_region(region)
        if code:
            found.append(f"{code}{digits[1:]}")  # 0 is the trunk prefix, not "00"
    return found


def _matching_organisations(session: Session, match: str) -> list[str]:
    return list(session.execute(sql_text(
        "SELECT o.id FROM organisations_fts f CROSS JOIN organisations o ON o.rowid = f.rowid "
        "WHERE organisations_fts MATCH :m AND o.deleted = 0"), {"m": match}).scalars())


# From this many full-text matches, the list reads an index and checks each entry against
# the matches, instead of looking each match up in the table: on an encrypted profile,
# thousands of look-ups (a first letter typed) each decrypt a page (bench.contacts filter
# p95 133 ms -> ~50 ms; a rarer word keeps its quick look-ups).
MANY_MATCHES = 1000


def _rowid_in(session: Session, match: str) -> str:
    """`c.rowid` for a rare match (SQLite looks each one up), `+c.rowid` for a frequent
    one (the unary + stops it driving the query: an index is scanned instead)."""
    found = session.execute(sql_text(  # i18n: not shown
        "SELECT count(*) FROM (SELECT 1 FROM contacts_fts WHERE contacts_fts MATCH :m "
        "LIMIT :cap)"), {"m": match, "cap": MANY_MATCHES}).scalar_one()
    return "+c.rowid" if found >= MANY_MATCHES else "c.rowid"


def _text_conditions(session: Session, user_text: str, region: str | None,
                     params: dict[str, Any]) -> list[str] | None:
    """SQL conditions for the filter box (None when it holds nothing to search for)."""
    if _PHONE_TEXT.match(user_text) and len(re.sub(r"\D", "", user_text)) >= 3:
        prefixes = [p for p in _phone_prefixes(user_text, region) if p]
        params["t0"] = f"{_NUMBER_COLUMNS} : (" + " OR ".join(
            _prefix(p) for p in prefixes) + ")"
        rowid = _rowid_in(session, params["t0"])
        return [  # i18n: not shown
            f"{rowid} IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :t0)"]
    words = _WORD.findall(user_text)[:MAX_TOKENS]
    if not words:
        return None
    conditions = []
    for number, word in enumerate(words):
        columns = (_NUMBER_COLUMNS if any(ch.isdigit() for ch in word)
                   else _WRITTEN_NAME if not _latin(word)
                   else _SHORT_COLUMNS if len(word) < 3 else _TEXT_COLUMNS)
        params[f"t{number}"] = f"{columns} : {_prefix(word)}"
        fts = f"SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :t{number}"
        # A word may name the person or their organisation ("amina wfp"); organisations
        # are few, so find them first and add their people only when there are some.
        organisations = _matching_organisations(  # i18n: not shown
            session, "{name acronym} : " + _prefix(word))
        if organisations:
            params[f"o{number}"] = json.dumps(organisations)
            fts += (  # i18n: not shown
                f" UNION SELECT rowid FROM contacts WHERE organisation_id IN "
                f"(SELECT value FROM json_each(:o{number}))")
        rowid = _rowid_in(session, params[f"t{number}"])
        conditions.append(f"{rowid} IN ({fts})")  # i18n: not shown
    return conditions


SCOPES = ("all", "operation", "global")  # operation and global / operation only / global only


def _where(session: Session, *, operation_id: str | None, user_text: str,
           org_type: str | None, favourites_only: bool,
           scope: str = "all") -> tuple[str, dict[str, Any]]:
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")  # i18n: not shown
    params: dict[str, Any] = {"op": operation_id}
    conditions = ["c.deleted = 0"]
    # The unary + keeps SQLite off the operation_id index: it matches most rows, and
    # reading the table in order beats 100,000 index look-ups (or the FTS rowid list).
    if scope == "global" or not operation_id:
        conditions.append("+c.operation_id IS NULL")  # i18n: not shown
    elif scope == "operation":
        conditions.append("+c.operation_id = :op")
    else:
        conditions.append("(+c.operation_id = :op OR +c.operation_id IS NULL)")  # i18n: not shown
    if user_text.strip():
        region = region_of(session, operation_id)
        found = _text_conditions(session, user_text.strip(), region, params)
        conditions += found if found is not None else ["0"]
    if org_type:
        params["org_type"] = org_type
        conditions.append("+c.organisation_id IN (SELECT id FROM organisations "  # i18n: not shown
                          "WHERE org_type = :org_type)")
    if favourites_only:
        conditions.append("c.favourite = 1")
    return " WHERE " + " AND ".join(conditions), params


def contact_ids(session: Session, *, operation_id: str | None, text: str = "",
                org_type: str | None = None, favourites_only: bool = False,
                sort: str = "name", descending: bool = False, offset: int = 0,
                limit: int | None = None, scope: str = "all") -> list[str]:
    """The ids of the filtered, sorted list (all of them unless `limit`), for a lazy model.

    `text` matches, as typed, the start of words in the name, organisation or call sign
    (and, from three letters, role and e-mail), or the start of a phone number typed in
    any usual form (international, 00…, or national with the operation's country).
    `scope` narrows to the operation's own contacts ("operation") or global ones ("global").
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort column {sort!r}")  # i18n: not shown
    where, params = _where(session, operation_id=operation_id, user_text=text,
                           org_type=org_type, favourites_only=favourites_only, scope=scope)
    join = (" LEFT JOIN organisations o ON o.id = c.organisation_id"  # i18n: not shown
            if sort in ("organisation", "org_type") else "")
    order = SORTS[sort].format(d="DESC" if descending else "ASC") + _TIE
    params.update(limit=-1 if limit is None else limit, offset=offset)
    query = f"SELECT c.id FROM contacts c{join}{where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    return list(session.execute(sql_text(query), params).scalars())


def contact_rows(session: Session, ids: list[str]) -> list[ContactRow]:
    """The list rows of these contacts, in the order given (deleted ones left out)."""
    found = {
        r.id: ContactRow(r.id, r.full_name or f"{r.given_name} {r.family_name}".strip(),
                         r.org, r.org_type,
                         r.role, r.phone, r.email, r.call_sign, bool(r.favourite),
                         bool(r.is_global), bool(r.bad_phone))
        for r in session.execute(sql_text(_ROW_SQL), {"ids": json.dumps(ids)})
    }
    return [found[i] for i in ids if i in found]


def contact_page(session: Session, *, operation_id: str | None, text: str = "",
                 org_type: str | None = None, favourites_only: bool = False,
                 sort: str = "name", descending: bool = False, offset: int = 0,
                 limit: int = 200, scope: str = "all") -> list[ContactRow]:
    """One page of the contacts of the operation and global ones, filtered and sorted.

    Filters and sort as in `contact_ids`; a model holding all ids pages faster far down.
    """
    ids = contact_ids(session, operation_id=operation_id, text=text, org_type=org_type,
                      favourites_only=favourites_only, sort=sort, descending=descending,
                      offset=offset, limit=limit, scope=scope)
    return contact_rows(session, ids)


def contact_count(session: Session, *, operation_id: str | None, text: str = "",
                  org_type: str | None = None, favourites_only: bool = False,
                  scope: str = "all") -> int:
    """How many contacts `contact_page` pages through with the same filters."""
    where, params = _where(session, operation_id=operation_id, user_text=text,
                           org_type=org_type, favourites_only=favourites_only, scope=scope)
    return int(session.execute(sql_text(f"SELECT count(*) FROM contacts c{where}"),
                               params).scalar_one())



# --- detail --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ContactDetail:
    """Everything the detail panel shows about one contact."""

    id: str
    given_name: str
    family_name: str
    name: str
    organisation_id: str | None
    organisation: str
    organisation_acronym: str
    org_type: str
    role: str
    phones: tuple[Phone, ...]
    emails: tuple[str, ...]
    call_sign: str
    location: str
    languages: str
    notes: str
    favourite: bool
    is_global: bool
    updated_at: datetime
    poc_for: tuple[tuple[str, str], ...]  # (asset id, label) of assets it is the contact for


def contact_detail(session: Session, contact_id: str) -> ContactDetail:
    """One contact with its organisation and the assets it is point of contact for."""
    contact = get_contact(session, contact_id)
    org = session.get(Organisation, contact.organisation_id) if contact.organisation_id else None
    assets = session.execute(
        select(Asset.id, Asset.provider_unit, Asset.description)
        .where(Asset.poc_contact_id == contact.id, Asset.deleted.is_(False))
    )
    data = contact_input(contact)
    return ContactDetail(
        id=contact.id, given_name=contact.given_name, family_name=contact.family_name,
        name=contact.display_name, organisation_id=contact.organisation_id,
        organisation=org.name if org else "", organisation_acronym=org.acronym if org else "",
        org_type=org.org_type if org else "", role=contact.role, phones=tuple(data.phones),
        emails=tuple(data.emails), call_sign=contact.call_sign, location=contact.location,
        languages=contact.languages, notes=contact.notes, favourite=contact.favourite,
        is_global=contact.operation_id is None, updated_at=contact.updated_at,
        poc_for=tuple((a.id, a.provider_unit or a.description[:60]) for a in assets),
    )
