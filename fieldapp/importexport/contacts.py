"""Contacts in and out: vCard or CSV (with or without HXL) import in two steps; export.

`preview_import` reads and checks everything and writes nothing: rows to add, rows that
match an existing contact of the operation or a global one (same id, e-mail or E.164
phone; without either, the same name in the same organisation; merge or skip, merge by
default) and rejected rows with line and reason. Nothing is left out without a word: the
preview lists every column (or vCard property kind) with the field it fills, how the file
was decoded, and each row's warnings (a bad e-mail dropped while the rest is kept, a
photo not kept, a name made from the e-mail). A row is rejected only when nothing of it
can be kept.
`apply_import` writes the preview in the caller's transaction; a contact it adds never
keeps the file's id, which may be another operation's (see fieldapp.importexport.common).
Merging never overwrites: empty fields are filled, phones and e-mails are added, notes
appended.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.errors import ValidationErrors
from fieldapp.i18n import N_, _, ngettext
from fieldapp.importexport.common import (
    ImportSource,
    ImportWarning,
    LineProgress,
    RejectedRow,
    SourceColumn,
    WarningKind,
    decode_file,
    derived_ids,
    id_keys,
    new_row_id,
    read_bytes,
    sorted_warnings,
    taken_ids,
)
from fieldapp.importexport.contacts_csv import read_contacts_csv
from fieldapp.importexport.vcard import (
    CardFields,
    ContactFile,
    looks_like_vcard,
    read_vcard_file,
)
from fieldapp.labels import label_in_any_language, org_type_label
from fieldapp.models import Contact, Organisation
from fieldapp.models.enums import OrganisationType
from fieldapp.progress import Progress
from fieldapp.services.contacts import (
    LIMITS,
    ContactInput,
    Phone,
    apply_contact_input,
    is_email,
    organisation_index,
    validate_contact,
)

REPORT_EVERY = 250


class ImportChoice(StrEnum):
    MERGE = "merge"
    SKIP = "skip"


@dataclass(frozen=True)
class ImportedContact:
    """A clean row of the file, ready to write; `organisation` is a name, maybe new."""

    line: int
    data: ContactInput
    organisation: str = ""
    org_type: str = ""
    uid: str = ""
    org_acronym: str = ""
    warnings: tuple[ImportWarning, ...] = ()  # what was changed or left out of this row

    @property
    def name(self) -> str:
        """As the preview lists it: the name as written, else given and family name."""
        return self.data.full_name or f"{self.data.given_name} {self.data.family_name}".strip()


@dataclass(frozen=True)
class ImportMatch:
    """A row that is already a contact: of this profile, or an earlier row of the file."""

    line: int
    row: ImportedContact
    matched_on: str  # e.g. "e-mail amina@wfp.org"
    existing_id: str | None = None
    existing_name: str = ""
    earlier_line: int | None = None  # when it repeats a new row of the same file


@dataclass
class ImportPreview:
    """What an import would do; nothing is written until `apply_import`."""

    format: str  # "vcard" or "csv"
    operation_id: str | None
    kind: str = ""  # what the file looked like: "vCard 2.1", "Outlook CSV", "HXL", …
    to_add: list[ImportedContact] = field(default_factory=list)
    matches: list[ImportMatch] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    new_organisations: list[str] = field(default_factory=list)
    columns: list[SourceColumn] = field(default_factory=list)  # every column / property kind
    warnings: list[ImportWarning] = field(default_factory=list)  # the file's, not a row's
    encoding: str = "utf-8"  # how the file was read (a Python codec name)
    encoding_guessed: bool = False  # detected from the bytes: the officer may pick another


@dataclass(frozen=True)
class ImportResult:
    """What `apply_import` wrote."""

    added: int
    merged: int
    skipped: int
    contact_ids: tuple[str, ...]


# How a message names a field ("The {field} has 300 characters…"); shown through _()
_FIELD_NAMES = {"given_name": N_("given name"), "family_name": N_("family name"),
                "full_name": N_("name as written"), "role": N_("role"),
                "call_sign": N_("call sign"), "location": N_("location"),
                "languages": N_("languages")}


def _kept(card: CardFields) -> list[ImportWarning]:
    """Leave out, each with a warning on the card's line, the values a contact cannot
    hold (an e-mail that is not one, text over its field's limit, an unknown organisation
    type); the card's other values stay."""
    warnings: list[ImportWarning] = []

    def dropped(message: str) -> None:
        warnings.append(ImportWarning(card.line, WarningKind.VALUE_DROPPED, message))

    good = [e.strip() for e in card.emails if is_email(e.strip())]
    for bad in (e.strip() for e in card.emails if e.strip() and not is_email(e.strip())):
        dropped(_("The e-mail \u201c{email}\u201d is not a valid address, so it was left out; "
                  "the rest of the record is kept.").format(email=bad[:60]))
    card.emails = good
    for name, limit in LIMITS.items():
        value = getattr(card, name).strip()
        if len(value) > limit:
            # Translators: {field} is one of "given name", "family name", "role"…
            dropped(ngettext(
                "The {field} has {count} character, over the limit of {limit}, so it was "
                "left out.",
                "The {field} has {count} characters, over the limit of {limit}, so it was "
                "left out.", len(value)).format(field=_(_FIELD_NAMES[name]), count=len(value),
                                                limit=limit))
            setattr(card, name, "")
    org_type = card.org_type.strip()
    if org_type and org_type not in set(OrganisationType):
        labels = {name: t.value for t in OrganisationType
                  for name in label_in_any_language(org_type_label, t)}
        card.org_type = labels.get(org_type.casefold(), "")
        if not card.org_type:
            dropped(_("The organisation type \u201c{type}\u201d is not one Field Kit knows, so "
                      "a new organisation gets the type Other.").format(type=org_type[:60]))
    return warnings


def _made_name(card: CardFields) -> ImportWarning | None:
    """A name for a card that has none, from its organisation or first e-mail."""
    if card.given_name.strip() or card.family_name.strip() or card.full_name.strip():
        return None
    if card.organisation.strip():
        card.full_name = card.organisation.strip()[:200]
        said = _("The record has no name, so it was named after its organisation: "
                 "\u201c{name}\u201d. Check it after the import.")
    elif card.emails:
        local = card.emails[0].partition("@")[0]
        card.full_name = " ".join(part.capitalize() for part in
                                  local.replace("_", ".").replace("-", ".").split(".") if part)
        said = _("The record has no name, so it was named after its e-mail address: "
                 "\u201c{name}\u201d. Check it after the import.")
    else:
        return None
    return ImportWarning(card.line, WarningKind.NAME_MADE, said.format(name=card.full_name))


def _clean(session: Session, card: CardFields, operation_id: str | None) -> ImportedContact:
    warnings = [*card.warnings, *_kept(card)]
    made = _made_name(card)
    warnings += [made] if made else []
    given, family = card.given_name, card.family_name
    if not given and not family and card.full_name and made is None:
        given, _space, family = card.full_name.strip().rpartition(" ")
    data = ContactInput(
        given_name=given, family_name=family, full_name=card.full_name, role=card.role,
        phones=[Phone(kind, number) for kind, number in card.phones],
        emails=card.emails, call_sign=card.call_sign, location=card.location,
        languages=card.languages, notes=card.notes, favourite=card.favourite,
        is_global=operation_id is None)
    clean = validate_contact(session, data, operation_id=operation_id)
    return ImportedContact(card.line, clean, " ".join(card.organisation.split()),
                           card.org_type.strip(), card.uid, card.org_acronym, tuple(warnings))


def name_key(name: str, organisation: str) -> str:
    """A person's name and organisation compared loosely (case, accents, spacing)."""
    def loose(text_: str) -> str:
        plain = "".join(c for c in unicodedata.normalize("NFKD", text_)
                        if not unicodedata.combining(c))
        return " ".join(plain.casefold().split())
    return f"name:{loose(name)}|{loose(organisation)}"


def _existing_keys(session: Session, operation_id: str | None) -> dict[str, str]:
    """Contact id by match key ("id:…", "email:…", "phone:…") for contacts in scope."""
    scope = ("(c.operation_id = :op OR c.operation_id IS NULL)" if operation_id  # i18n: not shown
             else "c.operation_id IS NULL")
    params = {"op": operation_id}
    keys = {f"id:{row[0]}": row[0] for row in session.execute(
        text(f"SELECT c.id FROM contacts c WHERE c.deleted = 0 AND {scope}"), params)}
    for row in session.execute(text(
            f"SELECT c.id, lower(e.value) FROM contacts c, json_each(c.emails) e "
            f"WHERE c.deleted = 0 AND {scope}"), params):
        keys.setdefault(f"email:{row[1]}", row[0])
    for row in session.execute(text(
            f"SELECT c.id, json_extract(p.value, '$.number') FROM contacts c, "
            f"json_each(c.phones) p WHERE c.deleted = 0 AND {scope} "
            f"AND json_extract(p.value, '$.valid') = 1"), params):
        keys.setdefault(f"phone:{row[1]}", row[0])
    for row in session.execute(text(
            f"SELECT c.id, c.full_name, trim(c.given_name || ' ' || c.family_name), "
            f"coalesce(o.name, '') FROM contacts c LEFT JOIN organisations o "
            f"ON o.id = c.organisation_id WHERE c.deleted = 0 AND {scope}"), params):
        for name in {row[1], row[2]} - {""}:
            keys.setdefault(name_key(name, row[3]), row[0])
    return keys


def _match_keys(row: ImportedContact, operation_id: str | None) -> list[tuple[str, str]]:
    # what the preview says a row matched on
    keys = [(key, _("the same id")) for key in id_keys(row.uid, operation_id=operation_id)]
    keys += [(f"email:{e.lower()}", _("e-mail {email}").format(email=e))
             for e in row.data.emails]
    keys += [(f"phone:{p.number}", _("phone {number}").format(number=p.number))
             for p in row.data.phones if p.valid and p.number.startswith("+")]
    if len(keys) == len(id_keys(row.uid, operation_id=operation_id)):
        # nothing else tells this person apart: the same name in the same organisation
        said = (_("the same name at {organisation}").format(organisation=row.organisation)
                if row.organisation else _("the same name"))
        keys += [(name_key(name, row.organisation), said) for name in dict.fromkeys(
            (row.data.full_name, f"{row.data.given_name} {row.data.family_name}".strip()))
            if name]
    return keys


def read_contacts_file(source: ImportSource, *, encoding: str | None = None,
                       column_choices: Mapping[str, str] | None = None) -> ContactFile:
    """Decode a vCard or CSV file (in `encoding` when the officer chose one) and open the
    reader of its format; ImportFileError when nothing in it can be read."""
    data = read_bytes(source)
    decoded = decode_file(data, encoding=encoding)
    # each reader places the decoder's warnings: on the row a replaced byte is in, or the file
    if looks_like_vcard(decoded.text):
        return read_vcard_file(data, decoded)
    return read_contacts_csv(decoded, choices=column_choices)


def preview_import(session: Session, source: ImportSource, *, operation_id: str | None,
                   progress: Progress | None = None, encoding: str | None = None,
                   column_choices: Mapping[str, str] | None = None) -> ImportPreview:
    """Read a vCard or CSV file and say what importing it would do; writes nothing.

    `encoding` (a codec name) overrides the detected one; `column_choices` maps a CSV
    header (as `csv_hxl.normal_header` gives it) to a field key, or "" to leave it out.
    """
    file = read_contacts_file(source, encoding=encoding, column_choices=column_choices)
    preview = ImportPreview(file.format, operation_id, file.kind, encoding=file.encoding,
                            encoding_guessed=file.encoding_guessed)
    records = list(file.records)
    keys = _existing_keys(session, operation_id)
    seen: dict[str, int] = {}  # match key → line of an earlier new row of this file
    organisations = organisation_index(session, operation_id=operation_id)
    reading = LineProgress(progress, "\n" * max((r.line for r in records), default=0))
    for item in records:
        reading.at(item.line)
        if isinstance(item, RejectedRow):
            preview.rejected.append(item)
            continue
        try:
            row = _clean(session, item, operation_id)
        except ValidationErrors as exc:
            preview.rejected.append(RejectedRow(item.line, exc.message))
            continue
        match = _find_match(session, row, keys, seen, operation_id)
        if match is not None:
            preview.matches.append(match)
            continue
        preview.to_add.append(row)
        for key, _said in _match_keys(row, operation_id):
            seen.setdefault(key, row.line)
        name = row.organisation.casefold()
        if row.organisation and name not in organisations:
            organisations[name] = ""  # to be created
            preview.new_organisations.append(row.organisation)
    reading.done()
    preview.columns = list(file.columns)
    preview.warnings = list(file.warnings)
    return preview


def all_warnings(preview: ImportPreview) -> list[ImportWarning]:
    """Every warning of the preview, the file's and each row's, by line (0: the file)."""
    return sorted_warnings(preview.warnings,
                           [*preview.to_add, *(match.row for match in preview.matches)])


def _find_match(session: Session, row: ImportedContact, keys: dict[str, str],
                seen: dict[str, int], operation_id: str | None) -> ImportMatch | None:
    for key, said in _match_keys(row, operation_id):
        existing = keys.get(key)
        if existing is not None:
            found = session.get(Contact, existing)
            return ImportMatch(row.line, row, said, existing,
                               found.display_name if found else "")
        if key in seen:
            return ImportMatch(row.line, row, said, earlier_line=seen[key])
    return None


def apply_import(session: Session, preview: ImportPreview, choices: Mapping[int, str], *,
                 progress: Progress) -> ImportResult:
    """Write the preview: add new rows, merge or skip matches (by line; merge if absent)."""
    total = len(preview.to_add) + len(preview.matches)
    organisations = _organisations(session, preview)
    scope = preview.operation_id
    taken = taken_ids(session, "contacts",
                      derived_ids([row.uid for row in preview.to_add], operation_id=scope))
    by_line: dict[int, Contact] = {}
    written: list[str] = []
    done = merged = skipped = 0
    with session.no_autoflush:  # one flush at the end, not one per row looked up
        for row in preview.to_add:
            contact = Contact(id=new_row_id(row.uid, operation_id=scope, taken=taken))
            org_id = organisations.get(row.organisation.casefold())
            apply_contact_input(contact, replace(row.data, organisation_id=org_id),
                                preview.operation_id)
            session.add(contact)
            by_line[row.line] = contact
            written.append(contact.id)
            done += 1
            if done % REPORT_EVERY == 0:
                progress.report(done, total, _("Adding contacts"))
        for match in preview.matches:
            done += 1
            if choices.get(match.line, ImportChoice.MERGE) == ImportChoice.SKIP:
                skipped += 1
                continue
            target = (session.get(Contact, match.existing_id) if match.existing_id
                      else by_line.get(match.earlier_line or -1))
            if target is not None:
                org_id = organisations.get(match.row.organisation.casefold())
                merge_into(target, match.row.data, organisation_id=org_id)
                merged += 1
                written.append(target.id)
            if done % REPORT_EVERY == 0:
                progress.report(done, total, _("Merging contacts"))
    progress.report(total, total, _("Saving contacts"))
    session.flush()
    return ImportResult(len(preview.to_add), merged, skipped, tuple(dict.fromkeys(written)))


def _organisations(session: Session, preview: ImportPreview) -> dict[str, str]:
    """Organisation id by case-folded name; the missing ones created and written first."""
    index = organisation_index(session, operation_id=preview.operation_id)
    for row in [*preview.to_add, *(match.row for match in preview.matches)]:
        key = row.organisation.casefold()
        if row.organisation and key not in index:
            org = Organisation(id=str(uuid.uuid4()), name=row.organisation[:200],
                               acronym=row.org_acronym[:40], operation_id=preview.operation_id,
                               org_type=row.org_type or OrganisationType.OTHER)
            session.add(org)
            index[key] = org.id
    session.flush()  # contacts point at them: the rows must exist first
    return index


def merge_into(contact: Contact, data: ContactInput, *, organisation_id: str | None) -> None:
    """Add what the import knows to an existing contact without overwriting anything."""
    for name in ("given_name", "family_name", "role", "call_sign", "location", "languages"):
        if not getattr(contact, name) and getattr(data, name):
            setattr(contact, name, getattr(data, name))
    if contact.organisation_id is None and organisation_id is not None:
        contact.organisation_id = organisation_id
    if data.notes and data.notes not in contact.notes:
        contact.notes = "\n".join(filter(None, (contact.notes, data.notes)))
    phones = list(contact.phones or [])
    numbers = {p.get("number") for p in phones}
    phones += [p.as_json() for p in data.phones if p.number not in numbers]
    if len(phones) != len(contact.phones or []):
        contact.phones = phones  # a new list, so the change is seen
        if not contact.satellite_phone:
            contact.satellite_phone = next(
                (p["number"] for p in phones if p["kind"] == "satellite"), "")
    emails = list(contact.emails or [])
    known = {e.lower() for e in emails}
    emails += [e for e in data.emails if e.lower() not in known]
    if len(emails) != len(contact.emails or []):
        contact.emails = emails
