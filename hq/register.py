"""The Central Register of MCDA: validated writes with history, search, valid-until flags.

Every write goes through one of `create_entry`, `edit_entry`, `retire_entry`,
`restore_entry` and `confirm_entry`, inside a `db.write()` session: each checks the form's
`version` (a stale form is refused, nothing saved), validates (one sentence per field in
`ValidationErrors`), logs who did what in `hq_register_events` (an edit: one row per
changed field, before and after), bumps `version` and hands the flushed entry to
`hq.register_feed.publish` in the same transaction, so laptops receive it at their next
pull. Values come as text (forms, CSV cells) and are stored typed: a Member State as its
ISO alpha-3 code, a phone as E.164, a category as a `fieldapp` AssetCategory value. The
fields, their labels and the checks are `fieldapp.register_rules`, which the laptop uses
for the corrections it proposes.

Import and export (CSV and HXL, below) share the column list `COLUMNS`: an exported file
imported again changes nothing. An import is read twice: once for the preview (each line's
outcome, nothing written) and again from the same bytes when the officer confirms.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, false, func, literal_column, select, text
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError, NotFoundError, ValidationError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.labels import capability_label
from fieldapp.models import utcnow
from fieldapp.register_rules import (
    ACTIVE,
    CATEGORIES,
    FIELDS,
    KINDS,
    RETIRED,
    SUSPENDED,
    check_entry,
    field_label,
    kind_label,
    plain,
    status_label,
    value_text,
    whole,
)
from fieldapp.register_rules import MEMBER_STATE as MEMBER_STATE  # re-exported
from fieldapp.register_rules import ORGANISATION as ORGANISATION  # re-exported
from fieldapp.register_rules import STATUSES as STATUSES  # re-exported
from fieldapp.register_rules import day as parse_day
from fieldapp.services.operations import country_name
from hq import register_feed
from hq.register_tables import RegisterEntry, RegisterEvent

ACTIONS = ("create", "edit", "retire", "restore", "confirm", "import", "proposal")
PAGE_SIZE = 50
MAX_WORDS = 16
_WORD = re.compile(r"[^\W_]+")
_SORTS = ("provider", "category", "valid_until", "updated")
_LIST_STATUSES = ("", ACTIVE, SUSPENDED, RETIRED, "all")


class StaleEntryError(FieldAppError):
    """The form was filled against an older version of the entry: nothing was saved."""


def category_label(value: str) -> str:
    """An AssetCategory value, readable ("airlift_helicopter" → "Airlift (helicopter)")."""
    return capability_label(value)


EVENTS = {
    "create": N_("created the entry"),
    "edit": N_("changed {field}"),
    "retire": N_("retired the entry"),
    "restore": N_("restored the entry"),
    "confirm": N_("recorded the provider's confirmation"),
    "import": N_("imported {field}"),
    "proposal": N_("accepted a correction to {field}"),
}


def event_text(event: RegisterEvent) -> str:
    """A line of an entry's history, after the actor's name ("changed Quantity")."""
    sentence = EVENTS.get(event.action)
    if sentence is None:
        return event.action
    if "{field}" in sentence and not event.field:
        # Translators: an import or a correction that made a new entry.
        return _("imported the entry") if event.action == "import" else _(
            "created the entry from a correction")
    return _(sentence).format(field=field_label(event.field))


# --- values as text and back ------------------------------------------------------------

def as_text(entry: RegisterEntry, name: str) -> str:
    """A stored field as the form and the files write it ("" for nothing)."""
    return value_text(getattr(entry, name))


def validate(values: Mapping[str, str]) -> dict[str, Any]:
    """Every field of an entry from text, typed; ValidationErrors with a sentence per bad
    field saying what to fix. Missing keys count as empty. The rules are
    `fieldapp.register_rules`', the laptop's too."""
    out, errors = check_entry(values)
    if errors:
        raise ValidationErrors(errors)
    return out


# --- writes ---------------------------------------------------------------------------------

def _entry(session: Session, entry_id: str) -> RegisterEntry:
    found = session.scalar(select(RegisterEntry).where(RegisterEntry.id == str(entry_id)))
    if found is None:
        raise NotFoundError(_("The register has no entry with this ID."))
    return found


def _check_version(entry: RegisterEntry, version: int | None) -> None:
    if version is not None and version != entry.version:
        raise StaleEntryError(_(
            "{actor} changed this entry since you opened it (it is now at version {version}); "
            "nothing was saved. Read it again and redo your change.").format(
                actor=entry.updated_by or _("Someone"), version=entry.version))


def _log(session: Session, entry: RegisterEntry, *, actor: str, action: str,
         changed: Sequence[tuple[str, str, str]] = (("", "", ""),)) -> None:
    now = utcnow()
    for name, before, after in changed:
        session.add(RegisterEvent(entry_id=entry.id, at=now, actor=actor, action=action,
                                  field=name, before=before, after=after))


def _saved(session: Session, entry: RegisterEntry, *, actor: str) -> None:
    entry.updated_at = utcnow()
    entry.updated_by = actor
    session.flush()
    register_feed.publish(session, entry)


def create_entry(session: Session, values: Mapping[str, str], *, actor: str,
                 action: str = "create") -> RegisterEntry:
    """A new entry from text values (validated; ValidationErrors otherwise), version 1,
    logged and published."""
    entry = _new_entry(session, validate(values), actor=actor, action=action)
    session.flush()
    register_feed.publish(session, entry)
    return entry


def _new_entry(session: Session, cleaned: dict[str, Any], *, actor: str,
               action: str) -> RegisterEntry:
    """A new entry from validated values, added with its history row (not yet flushed)."""
    now = utcnow()
    entry = RegisterEntry(id=str(uuid.uuid4()), version=1, created_at=now, updated_at=now,
                          updated_by=actor, **cleaned)
    session.add(entry)
    _log(session, entry, actor=actor, action=action,
         changed=[("", "", f"{entry.provider} — {entry.capability}"[:500])])
    return entry


def changes_of(entry: RegisterEntry, values: Mapping[str, str]
               ) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    """What `values` (only the keys present) would change in `entry`: the typed values to
    set and (field, before, after) as text. ValidationErrors when the result is invalid."""
    merged = {name: as_text(entry, name) for name in FIELDS}
    present = [name for name in FIELDS if name in values]
    merged.update({name: str(values[name] or "") for name in present})
    cleaned = validate(merged)
    to_set = {name: cleaned[name] for name in present if cleaned[name] != getattr(entry, name)}
    # provider_state follows the kind of provider: an organisation's is emptied with it
    if cleaned["provider_state"] != entry.provider_state:
        to_set["provider_state"] = cleaned["provider_state"]
    rows = []
    for name, value in to_set.items():
        before = as_text(entry, name)
        after = "" if value is None else (
            value.isoformat() if isinstance(value, date) else
            (str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)))
        rows.append((name, before, after))
    return to_set, rows


def edit_entry(session: Session, entry_id: str, values: Mapping[str, str], *, actor: str,
               version: int | None, action: str = "edit") -> bool:
    """Change the fields given in `values` (text); True when something changed. A stale
    `version` raises StaleEntryError and invalid values ValidationErrors (nothing saved)."""
    entry = _entry(session, entry_id)
    _check_version(entry, version)
    to_set, rows = changes_of(entry, values)
    if not to_set:
        return False
    for name, value in to_set.items():
        setattr(entry, name, value)
    entry.version += 1
    _log(session, entry, actor=actor, action=action, changed=rows)
    _saved(session, entry, actor=actor)
    return True


def _set_status(session: Session, entry_id: str, *, actor: str, version: int | None,
                action: str, wanted: str, allowed: tuple[str, ...], refusal: str) -> None:
    entry = _entry(session, entry_id)
    _check_version(entry, version)
    if entry.status not in allowed:
        raise FieldAppError(refusal)
    before = entry.status
    entry.status = wanted
    entry.version += 1
    _log(session, entry, actor=actor, action=action, changed=[("status", before, wanted)])
    _saved(session, entry, actor=actor)


def retire_entry(session: Session, entry_id: str, *, actor: str, version: int | None) -> None:
    """Take an entry out of the register (kept, with its history; it can be restored)."""
    _set_status(session, entry_id, actor=actor, version=version, action="retire",
                wanted=RETIRED, allowed=(ACTIVE, SUSPENDED),
                refusal=_("This entry is already retired."))


def restore_entry(session: Session, entry_id: str, *, actor: str, version: int | None) -> None:
    """Bring a retired entry back, active."""
    _set_status(session, entry_id, actor=actor, version=version, action="restore",
                wanted=ACTIVE, allowed=(RETIRED,),
                refusal=_("Only a retired entry can be restored."))


def confirm_entry(session: Session, entry_id: str, *, actor: str, version: int | None,
                  valid_until: str, today: date | None = None) -> None:
    """Record the provider's confirmation: the entry holds until the new `valid_until`."""
    entry = _entry(session, entry_id)
    _check_version(entry, version)
    if entry.status == RETIRED:
        raise FieldAppError(_("Restore this entry before confirming it."))
    day = parse_day(valid_until) if valid_until.strip() else None
    if day is None or day <= (today or date.today()):
        raise ValidationErrors([ValidationError("confirm_valid_until", _(
            "Give the new valid-until date the provider confirmed, after today "
            "(written 2027-06-30)."))])
    before = as_text(entry, "valid_until")
    entry.valid_until = day
    entry.version += 1
    _log(session, entry, actor=actor, action="confirm",
         changed=[("valid_until", before, day.isoformat())])
    _saved(session, entry, actor=actor)


# --- reading --------------------------------------------------------------------------------

def get_entry(session: Session, entry_id: str) -> RegisterEntry:
    """One entry by its id (NotFoundError when there is none)."""
    return _entry(session, entry_id)


def history(session: Session, entry_id: str) -> list[RegisterEvent]:
    """What happened to an entry, newest first."""
    return list(session.scalars(select(RegisterEvent).where(RegisterEvent.entry_id == entry_id)
                                .order_by(RegisterEvent.at.desc(), RegisterEvent.id.desc())))


def past_valid_until(entry: RegisterEntry, today: date | None = None) -> bool:
    """An active entry whose valid-until date has passed: ask the provider to confirm."""
    day = today or date.today()
    return entry.status == ACTIVE and entry.valid_until is not None and entry.valid_until < day


def _past_condition(today: date) -> ColumnElement[bool]:
    return (RegisterEntry.status == ACTIVE) & (RegisterEntry.valid_until < today)


def past_valid_until_count(session: Session, today: date | None = None) -> int:
    """How many active entries are past their valid-until date."""
    return int(session.scalar(select(func.count()).select_from(RegisterEntry)
                              .where(_past_condition(today or date.today()))) or 0)


def countries_in_use(session: Session) -> list[tuple[str, str]]:
    """(alpha-3, name) of the Member States that have entries, by name."""
    codes = session.scalars(select(RegisterEntry.provider_state).distinct()
                            .where(RegisterEntry.provider_state != ""))
    return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])


@dataclass(frozen=True)
class RegisterQuery:
    """The list's search, filters, order and page, read from a URL's parameters.

    `status` "" lists the current register (active and suspended entries); "all" lists
    retired ones too.
    """

    q: str = ""
    category: str = ""
    kind: str = ""
    status: str = ""
    country: str = ""
    past: bool = False
    sort: str = "provider"
    page: int = 1

    @classmethod
    def parse(cls, *, q: str = "", category: str = "", kind: str = "", status: str = "",
              country: str = "", past: str = "", sort: str = "", page: str = "") -> RegisterQuery:
        """Unknown values are dropped, never an error: a URL typed by hand still lists."""
        number = whole(page, 1, 100_000) if page else 1
        return cls(q=" ".join(q.split())[:200],
                   category=category if category in CATEGORIES else "",
                   kind=kind if kind in KINDS else "",
                   status=status if status in _LIST_STATUSES else "",
                   country=country.upper() if re.fullmatch(r"[A-Za-z]{3}", country) else "",
                   past=past in ("1", "on", "true"),
                   sort=sort if sort in _SORTS else "provider", page=number or 1)

    def params(self, **override: object) -> dict[str, str]:
        """This query as URL parameters (only those set), with `override` applied."""
        values: dict[str, object] = {"q": self.q, "category": self.category, "kind": self.kind,
                                     "status": self.status, "country": self.country,
                                     "past": "1" if self.past else "",
                                     "sort": "" if self.sort == "provider" else self.sort,
                                     "page": "" if self.page == 1 else str(self.page)}
        values.update(override)
        return {k: str(v) for k, v in values.items() if v not in ("", None)}

    def describe(self) -> str:
        """The filters in words, for a printed list ("all current entries" when none)."""
        parts = []
        if self.q:
            parts.append(f"“{self.q}”")
        if self.category:
            parts.append(category_label(self.category))
        if self.kind:
            parts.append(kind_label(self.kind))
        if self.country:
            parts.append(country_name(self.country))
        if self.status:
            parts.append(_("all statuses") if self.status == "all" else status_label(self.status))
        if self.past:
            parts.append(_("valid-until passed"))
        return ", ".join(parts) if parts else _("all current entries")


@dataclass
class RegisterPage:
    """A page of the list: its entries, how many match, which page of how many."""

    entries: list[RegisterEntry]
    total: int
    page: int
    pages: int
    flagged: set[str] = field(default_factory=set)  # ids past their valid-until date


def search_words(text_value: str) -> list[str]:
    """The words a search looks for (at most MAX_WORDS)."""
    return _WORD.findall(text_value)[:MAX_WORDS]


def _text_match(session: Session, words: list[str]) -> ColumnElement[bool]:
    """Entries with every word (each as the start of a word) in provider, capability,
    conditions or point of contact."""
    if not words:
        return false()
    if session.get_bind().dialect.name == "postgresql":
        query = " & ".join(f"{w.lower()}:*" if len(w) > 1 else w.lower() for w in words)
        vector = literal_column("hq_register_entries.search_vector")
        config = literal_column("'simple'::regconfig")  # i18n: not shown - SQL
        return vector.op("@@")(func.to_tsquery(config, query))
    match = " ".join(f'"{w}"*' if len(w) > 1 else f'"{w}"' for w in words)
    matching = text("SELECT rowid FROM hq_register_entries_fts "  # i18n: not shown - SQL
                    "WHERE hq_register_entries_fts MATCH :match").bindparams(match=match)
    return RegisterEntry.pk.in_(matching)


def filtered(session: Session, query: Select[Any], where: RegisterQuery,
             today: date | None = None) -> Select[Any]:
    """`query` narrowed to the entries `where` asks for."""
    if where.q:
        query = query.where(_text_match(session, search_words(where.q)))
    if where.category:
        query = query.where(RegisterEntry.category == where.category)
    if where.kind:
        query = query.where(RegisterEntry.provider_kind == where.kind)
    if where.country:
        query = query.where(RegisterEntry.provider_state == where.country)
    if where.past:
        query = query.where(_past_condition(today or date.today()))
    elif where.status == "":
        query = query.where(RegisterEntry.status.in_((ACTIVE, SUSPENDED)))
    elif where.status != "all":
        query = query.where(RegisterEntry.status == where.status)
    return query


def ordered(query: Select[Any], sort: str) -> Select[Any]:
    """`query` in the list's order."""
    e = RegisterEntry
    if sort == "category":
        return query.order_by(e.category, e.provider, e.pk)
    if sort == "valid_until":
        return query.order_by(e.valid_until.is_(None), e.valid_until, e.pk)
    if sort == "updated":
        return query.order_by(e.updated_at.desc(), e.pk.desc())
    return query.order_by(e.provider, e.pk)


def search_entries(session: Session, where: RegisterQuery, *, today: date | None = None,
                   per_page: int = PAGE_SIZE) -> RegisterPage:
    """A page of the entries matching `where`, in its order."""
    day = today or date.today()
    total = int(session.scalar(filtered(session, select(func.count()).select_from(
        RegisterEntry), where, day)) or 0)
    pages = max(1, -(-total // per_page))
    page = min(where.page, pages)
    entries = list(session.scalars(ordered(filtered(session, select(RegisterEntry), where, day),
                                           where.sort)
                                   .offset((page - 1) * per_page).limit(per_page)))
    return RegisterPage(entries, total, page, pages,
                        {e.id for e in entries if past_valid_until(e, day)})


def listed_entries(session: Session, where: RegisterQuery, *, today: date | None = None,
                   batch: int = 500) -> Any:
    """Every entry matching `where` (no paging), read in batches: exports and the PDF."""
    query = ordered(filtered(session, select(RegisterEntry), where, today or date.today()),
                    where.sort)
    return session.scalars(query.execution_options(yield_per=batch))


def entry_summary(entry: RegisterEntry) -> str:
    """Quantity and capacity in a few words ("2 × 20 t", "150 beds")."""
    capacity = ""
    if entry.capacity_value is not None:
        capacity = f"{as_text(entry, 'capacity_value')} {entry.capacity_unit}".strip()
    if capacity and entry.quantity != 1:
        return f"{entry.quantity} × {capacity}"
    return capacity or str(entry.quantity)


def updated_label(value: datetime | None) -> str:
    """When an entry was last changed, for lists."""
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


# --- CSV and HXL: export and import ----------------------------------------------------------

@dataclass(frozen=True)
class FileColumn:
    """A column of the register's files: its field, English header and HXL hashtag."""

    key: str
    header: str
    hashtag: str
    also: tuple[str, ...] = ()  # other hashtags and header texts it is recognised by


# The files' own format, the same in every language (headers are read back by `normal_header`).
COLUMNS = (  # i18n: not shown - file format
    FileColumn("id", "ID", "#meta+id", ("register id", "entry id")),
    FileColumn("provider", "Provider", "#org+name", ("#org", "organisation", "member state")),
    FileColumn("provider_kind", "Provider kind", "#org+type", ("kind", "provider type")),
    FileColumn("provider_state", "Country", "#country+code", ("#country", "iso3")),
    FileColumn("capability", "Capability", "#capability", ("description", "asset")),
    FileColumn("category", "Category", "#capability+category", ("#sector",)),
    FileColumn("quantity", "Quantity", "#quantity", ("qty",)),
    FileColumn("capacity_value", "Capacity", "#capacity+value", ("capacity value",)),
    FileColumn("capacity_unit", "Capacity unit", "#capacity+unit", ("unit",)),
    FileColumn("readiness_hours", "Readiness (hours)", "#readiness+hours",
               ("readiness", "notice to move hours")),
    FileColumn("deployment_hours", "Deployment (hours)", "#deployment+hours",
               ("deployment", "deployment time hours")),
    FileColumn("conditions", "Conditions", "#meta+conditions", ("caveats",)),
    FileColumn("poc_name", "POC name", "#contact+name", ("point of contact", "contact name")),
    FileColumn("poc_email", "POC email", "#contact+email", ("contact email", "email")),
    FileColumn("poc_phone", "POC phone", "#contact+phone", ("contact phone", "phone")),
    FileColumn("valid_until", "Valid until", "#date+valid_until", ("valid to", "expires")),
    FileColumn("status", "Status", "#status", ()),
)
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
NEW, UPDATE, UNCHANGED, REFUSED = "new", "update", "unchanged", "refused"


def export_chunks(session: Session, where: RegisterQuery, *, hxl: bool,
                  today: date | None = None) -> Any:
    """The listed entries as CSV (UTF-8 with BOM, for Excel), with the HXL hashtag row when
    `hxl`, a few hundred rows per chunk. A cell Excel would run as a formula gets an
    apostrophe first (read back without it)."""
    import csv
    import io

    from fieldapp.importexport.csv_hxl import write_table

    head = write_table([c.header for c in COLUMNS], [c.hashtag for c in COLUMNS], [])
    if not hxl:  # write_table always writes the hashtag row: the plain CSV drops it
        head = head.split(b"\r\n")[0] + b"\r\n"
    yield head
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    for count, entry in enumerate(listed_entries(session, where, today=today), 1):
        writer.writerow([_protect(entry.id if c.key == "id" else as_text(entry, c.key))
                         for c in COLUMNS])
        if count % 500 == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def _protect(cell: str) -> str:
    return "'" + cell if cell.startswith(("=", "+", "-", "@", "\t", "\r")) else cell


class RegisterImportError(FieldAppError):
    """A file that cannot be imported at all, with the reasons (lines and why)."""

    def __init__(self, message: str, reasons: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.reasons = list(reasons)


@dataclass
class ImportLine:
    """What one line of an import file does: new, update, unchanged or refused (why)."""

    line: int
    outcome: str
    label: str
    reason: str = ""
    entry_id: str = ""
    changes: list[str] = field(default_factory=list)  # field names an update changes
    values: dict[str, str] = field(default_factory=dict)
    cleaned: dict[str, Any] = field(default_factory=dict, repr=False)  # a new line's, typed


@dataclass
class ImportPreview:
    """Every line's outcome and the columns the import leaves out."""

    lines: list[ImportLine]
    ignored: list[str]
    hxl: bool

    def count(self, outcome: str) -> int:
        """How many lines have this outcome."""
        return sum(1 for line in self.lines if line.outcome == outcome)


def decode_upload(data: bytes) -> str:
    """The text of an uploaded file: UTF-8, with or without BOM; anything else is refused
    with a sentence saying what to do."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise RegisterImportError(_("The file is larger than 5 MB: split it into several "
                                    "files and import them one after the other."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RegisterImportError(_("The file is UTF-16 text: save it as “CSV UTF-8” in your "
                                    "spreadsheet and upload it again."))
    try:
        text_value = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RegisterImportError(_(
            "The file is not UTF-8 text (line {line} has a byte UTF-8 does not allow): save "
            "it as “CSV UTF-8” in your spreadsheet and upload it again.").format(
                line=line)) from exc
    if "\x00" in text_value:
        raise RegisterImportError(_("This is not a CSV file (it holds binary data)."))
    if not text_value.strip():
        raise RegisterImportError(_("The file is empty."))
    return text_value


def _known_columns() -> list[Any]:
    from fieldapp.importexport.csv_hxl import Column, normal_header

    known = []
    for c in COLUMNS:
        tags = (c.hashtag, *(a for a in c.also if a.startswith("#")))
        headers = (normal_header(c.header), c.key.replace("_", " "),
                   *(normal_header(a) for a in c.also if not a.startswith("#")))
        known.append(Column(c.key, hashtags=tags, headers=headers))
    return known


def read_import(session: Session, data: bytes) -> ImportPreview:
    """What importing `data` (CSV or HXL bytes) would do, line by line, writing nothing.
    RegisterImportError when the file cannot be read or no line of it can be imported."""
    from fieldapp.importexport.common import ImportFileError
    from fieldapp.importexport.csv_hxl import column_label, map_columns, read_table

    text_value = decode_upload(data)
    try:
        table = read_table(text_value)
    except ImportFileError as exc:
        raise RegisterImportError(exc.message) from exc
    if len(table.rows) > MAX_ROWS:
        raise RegisterImportError(_("The file has {count} rows; at most 50,000 are imported "
                                    "at once. Split it and import the parts.").format(
                                        count=f"{len(table.rows):,}"))
    mapping = map_columns(table, _known_columns())
    if not {"provider", "capability"} <= {c.key for c in mapping.values()} and not any(
            c.key == "id" for c in mapping.values()):
        raise RegisterImportError(_(
            "No column of this file is the provider or the capability: the first line must "
            "be a header (Provider, Capability, Category…) or the second HXL hashtags "
            "(#org, #capability…)."))
    ignored = [column_label(table, i) for i in range(len(table.header))
               if i not in mapping and any(i < len(cells) and cells[i].strip()
                                           for _line, cells in table.rows)]
    lines = [ImportLine(row.line, REFUSED, "", row.reason) for row in table.rejected]
    seen: dict[str, int] = {}
    for line, cells in table.rows:
        values = {column.key: cells[index] for index, column in mapping.items()}
        lines.append(_import_line(session, line, values, seen))
    lines.sort(key=lambda item: item.line)
    preview = ImportPreview(lines, ignored, bool(table.hashtags))
    if not any(line.outcome != REFUSED for line in lines):
        raise RegisterImportError(
            _("No line of this file can be imported; nothing was saved."),
            [_("Line {line}: {reason}").format(line=item.line, reason=item.reason)
             for item in lines[:50]])
    return preview


def _import_line(session: Session, line: int, values: dict[str, str],
                 seen: dict[str, int]) -> ImportLine:
    entry_id = values.pop("id", "").strip()
    label = " — ".join(filter(None, (plain(values.get("provider", ""))[:80],
                                      plain(values.get("capability", ""))[:80])))
    if entry_id:
        if entry_id in seen:
            return ImportLine(line, REFUSED, label, _(
                "The ID {id} is on line {line} already: an entry is updated once per file."
            ).format(id=entry_id, line=seen[entry_id]))
        seen[entry_id] = line
        entry = None
        if re.fullmatch(r"[0-9a-fA-F-]{36}", entry_id):
            entry = session.scalar(select(RegisterEntry).where(RegisterEntry.id == entry_id))
        if entry is None:
            return ImportLine(line, REFUSED, label, _(
                "No entry of the register has the ID {id}: empty the ID cell to add this "
                "line as a new entry.").format(id=entry_id[:40]))
        label = label or f"{entry.provider} — {entry.capability}"[:160]
        try:
            to_set, rows = changes_of(entry, values)
        except ValidationErrors as exc:
            return ImportLine(line, REFUSED, label, exc.message, entry_id=entry_id)
        return ImportLine(line, UPDATE if to_set else UNCHANGED, label, entry_id=entry_id,
                          changes=[name for name, _b, _a in rows], values=values)
    try:
        cleaned = validate(values)
    except ValidationErrors as exc:
        return ImportLine(line, REFUSED, label, exc.message)
    return ImportLine(line, NEW, label, values=values, cleaned=cleaned)


def apply_import(session: Session, data: bytes, *, actor: str) -> ImportPreview:
    """Import what is valid in `data` (read again, as the preview read it): new entries
    created and updates made, each logged as "import" and published. The caller's write
    session makes it one transaction."""
    preview = read_import(session, data)
    created = []
    for line in preview.lines:
        if line.outcome == NEW:
            created.append(_new_entry(session, line.cleaned, actor=actor, action="import"))
            line.entry_id = created[-1].id
        elif line.outcome == UPDATE:
            edit_entry(session, line.entry_id, line.values, actor=actor, version=None,
                       action="import")
    session.flush()  # one flush for every new entry, then each is published
    for entry in created:
        register_feed.publish(session, entry)
    return preview
