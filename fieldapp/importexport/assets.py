"""Assets in and out: CSV (with or without an HXL row) import in two steps; CSV export.

`preview_asset_import` reads and checks every row and writes nothing: entries to add,
entries that match one already in the directory (same id, or same provider, unit,
category and description, among the operation's and the global entries; update or skip,
update by default) and rejected rows with line and reason (a row the CSV reader could not
read, with too many or too few fields, is one of them: it never sinks the file; a HXL
dataset of something else is refused saying what it looks like). Nothing is left out
without a word: the preview lists every column with the field it fills (the officer's
`column_choices` win over recognition; `ASSET_TARGETS` are the fields offered), how the
file was decoded (`encoding` picks another codec), and each row's warnings: a value the
entry can do without that cannot be stored (an unknown status, a capacity or coordinates
that are not numbers or out of range, text over its limit, a point of contact who is not
among the contacts) is left out and the rest of the row kept (see `_DROPPABLE`).
A new entry never keeps the file's id, which may be another operation's (see
fieldapp.importexport.common).
`apply_asset_import` writes the preview in the caller's one transaction. An update fills
the entry with the file's non-empty values; a new status goes into the history with the
comment "Imported from file", like any other status change.
The point of contact is found among the contacts by e-mail, then by name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, time

from babel.lists import format_list
from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.i18n import N_, _, locale, ngettext
from fieldapp.importexport.common import (
    ImportFileError,
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
    parse_date,
    parse_number,
    read_bytes,
    sorted_warnings,
    taken_ids,
)
from fieldapp.importexport.contacts import ImportChoice
from fieldapp.importexport.csv_hxl import (
    Column,
    Table,
    column_label,
    describe_hxl,
    filled,
    normal_header,
    parse_hashtag,
    placed_warnings,
    read_table,
    recognise,
    source_columns,
    write_table,
)
from fieldapp.labels import asset_status_label, capability_label, label_in_any_language
from fieldapp.models import Asset
from fieldapp.models.enums import AssetCategory, AssetStatus
from fieldapp.progress import Progress
from fieldapp.services.assets import (
    LIMITS,
    AssetFilter,
    AssetInput,
    asset_ids,
    change_asset_status,
    create_asset,
    validate_asset,
)

REPORT_EVERY = 250
IMPORT_COMMENT = N_("Imported from file")  # stored in the history in English
C = Column
# Header texts and hashtags the importer matches in files (normal_header): never shown.
COLUMNS = (  # i18n: not shown
    C("category", ("#item+category", "#item+type", "#capability", "#sector"),
      ("category", "capability", "type", "asset type", "categorie", "categoria")),
    C("description", ("#item+name", "#item+description", "#description", "#item"),
      ("description", "asset", "name", "item", "designation", "descripcion")),
    C("provider_state", ("#country", "#country+code", "#country+name", "#org+provider+country"),
      ("provider state", "providing state", "country", "state", "pays", "pais",
       "member state")),
    C("provider_unit", ("#org", "#org+name", "#org+provider", "#org+unit"),
      ("provider unit", "unit", "provider", "organisation", "organization", "unite",
       "unidad")),
    C("capacity_value", ("#capacity", "#capacity+num", "#capacity+value"),
      ("capacity", "capacity value", "capacite", "capacidad")),
    C("capacity_unit", ("#capacity+unit",), ("capacity unit", "unit of capacity")),
    C("quantity", ("#item+num", "#item+quantity", "#quantity"),
      ("quantity", "qty", "number", "quantite", "cantidad")),
    C("status", ("#status",), ("status", "statut", "estado")),
    C("latitude", ("#geo+lat",), ("latitude", "lat")),
    C("longitude", ("#geo+lon", "#geo+long"), ("longitude", "lon", "long", "lng")),
    C("place_name", ("#loc", "#loc+name", "#adm1+name", "#adm2+name"),
      ("place", "location", "place name", "lieu", "lugar", "ubicacion")),
    C("available_from", ("#date+start", "#date+available+start"),
      ("available from", "from", "start", "start date", "disponible du")),
    C("available_to", ("#date+end", "#date+available+end"),
      ("available to", "to", "until", "end", "end date", "disponible au")),
    C("poc_email", ("#contact+email",), ("poc email", "contact email", "email", "e mail")),
    C("poc_name", ("#contact+name",), ("point of contact", "poc", "contact", "contact name")),
    C("cost_basis", ("#meta+cost", "#value+cost"), ("cost basis", "cost", "cout", "costo")),
    C("notes", ("#meta+notes", "#description+notes"), ("notes", "remarks", "comments"),
      repeatable=True),
    C("confirmed_at", ("#date+confirmed",), ("confirmed", "last confirmed", "confirmed on")),
    C("id", ("#meta+id",), ("id", "uid")),
)
REQUIRED = ("category", "description")
# What the preview's mapping menu offers: (field key, English label, shown through _())
ASSET_TARGETS: tuple[tuple[str, str], ...] = (
    ("category", N_("Category")), ("description", N_("Description")),
    ("provider_state", N_("Providing state")), ("provider_unit", N_("Provider unit")),
    ("capacity_value", N_("Capacity")), ("capacity_unit", N_("Capacity unit")),
    ("quantity", N_("Quantity")), ("status", N_("Status")),
    ("latitude", N_("Latitude")), ("longitude", N_("Longitude")), ("place_name", N_("Place")),
    ("available_from", N_("Available from")), ("available_to", N_("Available to")),
    ("poc_email", N_("Point of contact (e-mail)")), ("poc_name", N_("Point of contact (name)")),
    ("cost_basis", N_("Cost basis")), ("notes", N_("Notes")),
    ("confirmed_at", N_("Last confirmed")), ("id", N_("ID")),
)
FIELD_KEYS = frozenset(key for key, _label in ASSET_TARGETS)
_REPEATABLE = frozenset(column.key for column in COLUMNS if column.repeatable)
_INPUT_FIELDS = frozenset(AssetInput.__dataclass_fields__) - {"is_global"}
_TEXT = ("description", "provider_state", "provider_unit", "capacity_unit", "place_name",
         "cost_basis", "notes")
# How a message names a field ("The capacity “lots” is not a number."); shown through _()
_NAMES = {
    "category": N_("category"), "description": N_("description"),
    "provider_state": N_("providing state"), "provider_unit": N_("provider unit"),
    "capacity_value": N_("capacity"), "capacity_unit": N_("capacity unit"),
    "quantity": N_("quantity"), "status": N_("status"), "latitude": N_("latitude"),
    "longitude": N_("longitude"), "place_name": N_("place"),
    "available_from": N_("start of availability"), "available_to": N_("end of availability"),
    "poc_email": N_("point of contact (e-mail)"), "poc_name": N_("point of contact (name)"),
    "cost_basis": N_("cost basis"), "notes": N_("notes"),
    "confirmed_at": N_("confirmation date"), "id": N_("id")}
# Values an entry can do without: one that cannot be stored is left out with a warning and
# the rest of its row kept; the entry shows it as not known (no capacity, no coordinates)
# or keeps its default (a new entry is Offered; one already there keeps its status). A bad
# value of any other field still rejects the row, because leaving it out would make the
# entry say what the file does not: a quantity of 1, an open availability window, confirmed
# today, or another provider (the providing state and unit tell entries apart in a match).
_DROPPABLE = frozenset({"status", "capacity_value", "capacity_unit", "latitude", "longitude",
                        "place_name", "cost_basis"})
_COORDINATES = frozenset({"latitude", "longitude"})
_LEFT_OUT = {  # shown through _()
    "": N_("It is left out; the rest of the row is imported."),
    "status": N_("It is left out: a new entry is Offered and one already there keeps its "
                 "status; the rest of the row is imported."),
    "coordinates": N_("The coordinates are left out; the rest of the row is imported."),
}
_DEFAULTS = {f.name: f.default for f in fields(AssetInput)}
# What a value must be, said when it cannot be read (shown through _()); {field} is a _NAMES
_NOT_A_NUMBER = N_("The {field} \u201c{value}\u201d is not a number.")
_NOT_A_WHOLE_NUMBER = N_("The {field} \u201c{value}\u201d is not a whole number.")
_NOT_A_DATE = N_("The {field} \u201c{value}\u201d is not a date (write 2026-03-31 or "
                 "31/03/2026).")
_LISTED_CHOICES = 8  # a message lists the known values when there are no more than this


@dataclass(frozen=True)
class ImportedAsset:
    """A clean row of the file, ready to write."""

    line: int
    data: AssetInput
    confirmed_at: datetime | None = None
    uid: str = ""
    present: frozenset[str] = frozenset()  # the AssetInput fields the file gave a value
    warnings: tuple[ImportWarning, ...] = ()  # what was changed or left out of this row

    @property
    def label(self) -> str:
        """As the preview lists it."""
        provider = " ".join(filter(None, (self.data.provider_state, self.data.provider_unit)))
        return f"{self.data.description} ({provider})" if provider else self.data.description


@dataclass(frozen=True)
class AssetMatch:
    """A row that is already in the directory (or repeats an earlier row of the file)."""

    line: int
    row: ImportedAsset
    matched_on: str
    existing_id: str | None = None
    existing_label: str = ""
    earlier_line: int | None = None


@dataclass
class AssetImportPreview:
    """What an import would do; nothing is written until `apply_asset_import`."""

    operation_id: str | None
    to_add: list[ImportedAsset] = field(default_factory=list)
    matches: list[AssetMatch] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    columns: list[SourceColumn] = field(default_factory=list)  # every column of the file
    warnings: list[ImportWarning] = field(default_factory=list)  # the file's, not a row's
    encoding: str = "utf-8"  # how the file was read (a Python codec name)
    encoding_guessed: bool = False  # detected from the bytes: the officer may pick another
    kind: str = "CSV"  # what the file looked like: "CSV", or "HXL" with a hashtag row


@dataclass(frozen=True)
class AssetImportResult:
    """What `apply_asset_import` wrote."""

    added: int
    updated: int
    skipped: int
    asset_ids: tuple[str, ...]


def all_warnings(preview: AssetImportPreview) -> list[ImportWarning]:
    """Every warning of the preview, the file's and each row's, by line (0: the file)."""
    return sorted_warnings(preview.warnings,
                           [*preview.to_add, *(match.row for match in preview.matches)])


# --- columns ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Use:
    """How one column of the file is read."""

    key: str  # the field it fills; "" when left out
    chosen: bool = False  # the officer's choice, not recognition
    why: str = ""  # why it is left out, when the officer did not leave it out


def _uses(table: Table, choices: Mapping[str, str], counts: list[int]) -> list[_Use]:
    """How each column is read: the officer's choice, else its hashtag or header, else left
    out. A field that holds one value is read from the first column with data naming it
    (a column empty in every row does not keep a later one from the field)."""
    taken: dict[str, str] = {}  # field → label of the column it is read from

    def use(index: int, key: str, *, chosen: bool) -> _Use:
        if key in taken and key not in _REPEATABLE:
            return _Use("", chosen, _("the field is already read from \u201c{column}\u201d"
                                      ).format(column=taken[key]))
        if chosen or counts[index]:
            taken.setdefault(key, column_label(table, index))
        return _Use(key, chosen)

    uses: list[_Use | None] = []
    for index in range(len(table.header)):
        choice = choices.get(normal_header(column_label(table, index)))
        if choice == "":
            uses.append(_Use("", chosen=True))
        else:
            uses.append(use(index, choice, chosen=True) if choice in FIELD_KEYS else None)
    done: list[_Use] = []
    for index, chosen in enumerate(uses):
        found = recognise(table, index, COLUMNS) if chosen is None else None
        done.append(chosen or (use(index, found.key, chosen=False) if found
                               else _Use("", why=_unknown(table, index))))
    return done


def _unknown(table: Table, index: int) -> str:
    if not table.hashtags:
        return _("its header matches no field of an asset entry")
    if table.hashtags[index]:
        return _("its hashtag matches no field of an asset entry")
    return _("it has no HXL hashtag")


def _check_required(table: Table, uses: list[_Use]) -> None:
    """ImportFileError when no column is read as the category or the description."""
    read = {use.key for use in uses}
    missing = [key for key in REQUIRED if key not in read]
    if not missing:
        return
    if table.hashtags and not any(parse_hashtag(tag)[0] == "#item"
                                  for tag in table.hashtags if tag):
        needs = _("An assets file needs a category column tagged #item+category and a "
                  "description tagged #item+name.")
        raise ImportFileError(f"{describe_hxl(table.hashtags)} {needs}", line=table.header_line)
    # the header the officer should add, as a menu of the preview names it (the importer
    # knows "Category" and "Description" in English, French and Spanish)
    titles = dict(ASSET_TARGETS)
    names = format_list([f"\u201c{_(titles[key])}\u201d" for key in missing], locale=locale())
    chosen = any(use.chosen for use in uses)
    # Translators: {columns} is "“Category”", "“Description”" or both, joined by "and".
    if table.hashtags and chosen:
        said = _("the HXL row has no {columns} column (required): add it, headed as shown or "
                 "tagged #item+category / #item+name (or, if you left it out in the preview, "
                 "import the file again and map a column to it).")
    elif table.hashtags:
        said = _("the HXL row has no {columns} column (required): add it, headed as shown or "
                 "tagged #item+category / #item+name.")
    elif chosen:
        said = _("the header has no {columns} column (required): add it, headed as shown or "
                 "tagged #item+category / #item+name (or, if you left it out in the preview, "
                 "import the file again and map a column to it).")
    else:
        said = _("the header has no {columns} column (required): add it, headed as shown or "
                 "tagged #item+category / #item+name.")
    raise ImportFileError(said.format(columns=names), line=table.header_line)





def _cells(cells: list[str], read: list[tuple[int, str]]) -> dict[str, str]:
    """A row's values by field: the first non-empty cell of a field that holds one value,
    every non-empty one (a line each) of the notes."""
    values: dict[str, str] = {}
    for index, key in read:
        value = cells[index].strip()
        if value and key in values and key in _REPEATABLE:
            values[key] += "\n" + value
        elif value:
            values.setdefault(key, value)
    return values


# --- rows -------------------------------------------------------------------------------------

def _choice(value: str, allowed: tuple[str, ...], label: Callable[[object], str], *,
            unknown: str, unknown_listed: str) -> str:
    """The option `value` names; else ValueError with `unknown` (or `unknown_listed`, which
    lists the options, when there are few), both with {value} and {known} placeholders."""
    wanted = value.strip().casefold().replace("-", "_")
    for option in allowed:
        if wanted in (option, option.replace("_", " ")) \
                or wanted in label_in_any_language(label, option):
            return option
    if len(allowed) <= _LISTED_CHOICES:
        raise ValueError(unknown_listed.format(
            value=value[:60], known=", ".join(label(option) for option in allowed)))
    raise ValueError(unknown.format(value=value[:60]))


def _category(raw: str) -> str:
    return _choice(
        raw, tuple(AssetCategory), capability_label,
        unknown=_("The asset category \u201c{value}\u201d is not one Field Kit knows."),
        # Translators: {known} lists the categories Field Kit knows.
        unknown_listed=_("The asset category \u201c{value}\u201d is not one Field Kit knows "
                         "({known})."))


def _status(raw: str) -> str:
    return _choice(
        raw, tuple(AssetStatus), asset_status_label,
        unknown=_("The asset status \u201c{value}\u201d is not one Field Kit knows."),
        # Translators: {known} lists the statuses Field Kit knows (Offered, Committed…).
        unknown_listed=_("The asset status \u201c{value}\u201d is not one Field Kit knows "
                         "({known})."))


def _whole_number(raw: str) -> int:
    number = parse_number(raw)
    if number is None or number != int(number):
        raise ValueError(raw)
    return int(number)


def _confirmed(raw: str) -> datetime | None:
    day = parse_date(raw)
    return datetime.combine(day, time(12), tzinfo=UTC) if day else None


# (field, how its text is read, what is said when the reading fails, "" when the reader's
# own message says it)
_READERS: tuple[tuple[str, Callable[[str], object], str], ...] = (
    ("category", _category, ""), ("status", _status, ""),
    ("capacity_value", parse_number, _NOT_A_NUMBER),
    ("quantity", _whole_number, _NOT_A_WHOLE_NUMBER),
    ("latitude", parse_number, _NOT_A_NUMBER), ("longitude", parse_number, _NOT_A_NUMBER),
    ("available_from", parse_date, _NOT_A_DATE), ("available_to", parse_date, _NOT_A_DATE),
    ("confirmed_at", _confirmed, _NOT_A_DATE),
)


def _read(cells: Mapping[str, str]) -> tuple[dict[str, object], list[ValidationError]]:
    """The typed values of a row, and a problem for each cell that cannot be read."""
    values: dict[str, object] = {}
    problems: list[ValidationError] = []
    for key, parse, said in _READERS:
        raw = cells.get(key, "")
        if not raw:
            continue
        try:
            values[key] = parse(raw)
        except ValueError as exc:
            # Translators: {field} is e.g. "capacity", "start of availability".
            problems.append(ValidationError(key, (
                _(said).format(field=_(_NAMES[key]), value=raw[:60]) if said
                else str(exc))))
    return values, problems


def _contact_index(session: Session) -> dict[str, str]:
    """Contact id by e-mail ("email:…") and by name ("name:…": the name as written, and
    given and family name), compared without case or extra spaces."""
    index: dict[str, str] = {}
    for contact_id, email in session.execute(text(
            "SELECT c.id, e.value FROM contacts c, json_each(c.emails) e "
            "WHERE c.deleted = 0")):
        index.setdefault(f"email:{str(email).strip().lower()}", contact_id)
    for contact_id, *names in session.execute(text(
            "SELECT id, full_name, given_name || ' ' || family_name FROM contacts "
            "WHERE deleted = 0")):
        for name in names:
            if name and name.strip():
                index.setdefault(f"name:{' '.join(name.split()).lower()}", contact_id)
    return index


def _poc(cells: Mapping[str, str], contacts: dict[str, str]) -> str | None:
    email = cells.get("poc_email", "").lower()
    name = " ".join(cells.get("poc_name", "").split()).lower()
    return contacts.get(f"email:{email}") or contacts.get(f"name:{name}")


def _reject_unless_droppable(problems: list[ValidationError]) -> None:
    """Reject the row, naming every problem at once, when one is not a value it can lose."""
    if any(problem.field not in _DROPPABLE for problem in problems):
        raise ValidationErrors(problems)


def _dropped_fields(problems: list[ValidationError]) -> set[str]:
    named = {problem.field for problem in problems}
    return named | _COORDINATES if named & _COORDINATES else named


def _without(data: AssetInput, problems: list[ValidationError]) -> AssetInput:
    """`data` with the values of `problems` back to the form's defaults (both coordinates
    when either is bad)."""
    return replace(data, **{name: _DEFAULTS[name] for name in _dropped_fields(problems)})


def _worded(error: ValidationError, data: AssetInput) -> ValidationError:
    """The form's message, naming the field where the form says "Keep this under…"
    beside it."""
    limit = LIMITS.get(error.field)
    if limit is None:
        return error
    length = len(str(getattr(data, error.field)).strip())
    # Translators: {field} is e.g. "provider unit", "cost basis".
    return ValidationError(error.field, ngettext(
        "The {field} has {count} character, over the limit of {limit}.",
        "The {field} has {count} characters, over the limit of {limit}.", length).format(
            field=_(_NAMES[error.field]), count=f"{length:,}", limit=limit))


def _dropped(line: int, problems: list[ValidationError]) -> list[ImportWarning]:
    """A VALUE_DROPPED warning for each value left out (the coordinates in one)."""
    said: dict[str, list[str]] = {}
    for problem in problems:
        group = "coordinates" if problem.field in _COORDINATES else problem.field
        said.setdefault(group, []).append(problem.message)
    return [ImportWarning(line, WarningKind.VALUE_DROPPED,
                          " ".join([*messages, _(_LEFT_OUT.get(group, _LEFT_OUT[""]))]))
            for group, messages in said.items()]


def _no_poc(line: int, cells: Mapping[str, str]) -> ImportWarning:
    named = cells.get("poc_email") or cells.get("poc_name", "")
    return ImportWarning(line, WarningKind.VALUE_DROPPED, _(
        "The point of contact \u201c{name}\u201d is not among the contacts, so it is left out "
        "(an entry already there keeps its own). Add the contact, then import the file "
        "again.").format(name=named[:60]))


def _row(session: Session, line: int, cells: Mapping[str, str], *, operation_id: str | None,
         contacts: dict[str, str]) -> ImportedAsset:
    """A clean row; ValidationErrors naming every problem when it cannot be kept."""
    values, problems = _read(cells)
    _reject_unless_droppable(problems)
    confirmed = values.pop("confirmed_at", None)
    poc = _poc(cells, contacts)
    given = AssetInput(**{key: cells.get(key, "") for key in _TEXT}, **values,  # type: ignore[arg-type]
                       poc_contact_id=poc, is_global=operation_id is None)
    data = _without(given, problems)
    try:
        clean = validate_asset(session, data, operation_id=operation_id)
    except ValidationErrors as exc:
        found = [_worded(error, data) for error in exc.errors]
        _reject_unless_droppable(problems + found)
        problems += found
        clean = validate_asset(session, _without(data, found), operation_id=operation_id)
    warnings = _dropped(line, problems)
    if poc is None and (cells.get("poc_email") or cells.get("poc_name")):
        warnings.append(_no_poc(line, cells))
    present = set(cells) | ({"poc_contact_id"} if poc is not None else set())
    return ImportedAsset(line, clean, confirmed, cells.get("id", ""),
                         frozenset((present - _dropped_fields(problems)) & _INPUT_FIELDS),
                         tuple(warnings))


# --- matches ----------------------------------------------------------------------------------

def _same_key(provider_state: str, provider_unit: str, category: str, description: str) -> str:
    """The match key of an entry offered by the same provider and unit, described alike."""
    return "same:" + "|".join((provider_state, provider_unit.casefold(), category,
                               description.casefold()))


def _keys(row: ImportedAsset, operation_id: str | None) -> list[tuple[str, str]]:
    data = row.data
    same = _same_key(data.provider_state, data.provider_unit, data.category, data.description)
    # what the preview says a row matched on
    keys = [(key, _("the same id")) for key in id_keys(row.uid, operation_id=operation_id)]
    return [*keys, (same, _("the same provider, unit, category and description"))]


def _existing(session: Session, operation_id: str | None) -> dict[str, tuple[str, str]]:
    """Entry (id, label) by match key, among the entries of the import's scope: its
    operation's and the global ones (which every operation shows); never another's."""
    scope = ("(operation_id = :op OR operation_id IS NULL)" if operation_id  # i18n: not shown
             else "operation_id IS NULL")
    index: dict[str, tuple[str, str]] = {}
    for r in session.execute(text(
            "SELECT id, provider_state, provider_unit, category, description FROM assets "
            f"WHERE deleted = 0 AND {scope}"), {"op": operation_id}):
        label = f"{r.description} ({r.provider_state} {r.provider_unit})".replace("( ", "(")
        index[f"id:{r.id}"] = (r.id, label)
        index.setdefault(_same_key(r.provider_state, r.provider_unit, r.category, r.description),
                         (r.id, label))
    return index


def _match(row: ImportedAsset, existing: dict[str, tuple[str, str]], seen: dict[str, int],
           operation_id: str | None) -> AssetMatch | None:
    for key, said in _keys(row, operation_id):
        if key in existing:
            found_id, label = existing[key]
            return AssetMatch(row.line, row, said, found_id, label)
        if key in seen:
            return AssetMatch(row.line, row, said, earlier_line=seen[key])
    return None


def preview_asset_import(session: Session, source: ImportSource, *,
                         operation_id: str | None, progress: Progress | None = None,
                         encoding: str | None = None,
                         column_choices: Mapping[str, str] | None = None
                         ) -> AssetImportPreview:
    """Read an asset CSV and say what importing it would do; writes nothing.

    `encoding` (a codec name) overrides the detected one; `column_choices` maps a column's
    header (as `csv_hxl.normal_header` gives it) to a field key of ASSET_TARGETS, or "" to
    leave it out. ImportFileError when the file cannot be read or has no column read as
    the category or the description.
    """
    decoded = decode_file(read_bytes(source), encoding=encoding)
    table = read_table(decoded.text)
    counts, samples = filled(table)
    uses = _uses(table, column_choices or {}, counts)
    _check_required(table, uses)
    columns = source_columns(table, uses, counts, samples)
    preview = AssetImportPreview(operation_id, columns=columns, encoding=decoded.encoding,
                                 encoding_guessed=decoded.guessed,
                                 kind="HXL" if table.hashtags else "CSV")
    on_rows, warnings = placed_warnings(table, decoded.warnings, columns, uses)
    read = [(index, use.key) for index, use in enumerate(uses) if use.key]
    existing = _existing(session, operation_id)
    contacts = _contact_index(session)
    seen: dict[str, int] = {}
    reading = LineProgress(progress, decoded.text)
    for line, cells in table.rows:
        reading.at(line)
        try:
            row = _row(session, line, _cells(cells, read), operation_id=operation_id,
                       contacts=contacts)
        except ValidationErrors as exc:
            preview.rejected.append(RejectedRow(line, exc.message))
            warnings += on_rows.get(line, [])
            continue
        row = replace(row, warnings=(*on_rows.get(line, []), *row.warnings))
        match = _match(row, existing, seen, operation_id)
        if match is not None:
            preview.matches.append(match)
            continue
        preview.to_add.append(row)
        for key, _said in _keys(row, operation_id):
            seen.setdefault(key, line)
    reading.done()
    preview.rejected = sorted(preview.rejected + table.rejected, key=lambda row: row.line)
    preview.warnings = sorted(warnings, key=lambda warning: warning.line)
    return preview


def apply_asset_import(session: Session, preview: AssetImportPreview,
                       choices: Mapping[int, str], *, progress: Progress) -> AssetImportResult:
    """Write the preview: add new entries, update or skip matches (by line; update if absent)."""
    total = len(preview.to_add) + len(preview.matches)
    scope = preview.operation_id
    taken = taken_ids(session, "assets",
                      derived_ids([r.uid for r in preview.to_add], operation_id=scope))
    by_line: dict[int, str] = {}
    written: list[str] = []
    done = updated = skipped = 0
    for row in preview.to_add:
        asset = create_asset(session, row.data, operation_id=scope, comment=IMPORT_COMMENT,
                             asset_id=new_row_id(row.uid, operation_id=scope, taken=taken))
        if row.confirmed_at is not None:
            asset.confirmed_at = row.confirmed_at
        by_line[row.line] = asset.id
        written.append(asset.id)
        done += 1
        if done % REPORT_EVERY == 0:
            progress.report(done, total, _("Adding assets"))
    for match in preview.matches:
        done += 1
        if choices.get(match.line, ImportChoice.MERGE) == ImportChoice.SKIP:
            skipped += 1
            continue
        target = match.existing_id or by_line.get(match.earlier_line or -1)
        if target is not None:
            _update(session, target, match.row)
            updated += 1
            written.append(target)
        if done % REPORT_EVERY == 0:
            progress.report(done, total, _("Updating assets"))
    progress.report(total, total, _("Saving assets"))
    session.flush()
    return AssetImportResult(len(preview.to_add), updated, skipped,
                             tuple(dict.fromkeys(written)))


def _update(session: Session, asset_id: str, row: ImportedAsset) -> None:
    asset = session.get(Asset, asset_id)
    if asset is None:
        return
    for name in sorted(row.present - {"status"}):
        value = getattr(row.data, name)
        if getattr(asset, name) != value:
            setattr(asset, name, value)
    if "status" in row.present and row.data.status != asset.status:
        change_asset_status(session, asset_id, row.data.status, comment=IMPORT_COMMENT)
    if row.confirmed_at is not None and (asset.confirmed_at is None
                                         or row.confirmed_at > asset.confirmed_at):
        asset.confirmed_at = row.confirmed_at


# --- export ----------------------------------------------------------------------------------

# The export's column titles, in English; the header row is written through _()
EXPORT_HEADER = [N_("Category"), N_("Description"), N_("Provider state"), N_("Provider unit"),
                 N_("Capacity"), N_("Capacity unit"), N_("Quantity"),
                 N_("Status"), N_("Place"), N_("Latitude"),
                 N_("Longitude"), N_("Available from"), N_("Available to"),
                 N_("Point of contact"), N_("Contact e-mail"), N_("Cost basis"), N_("Notes"),
                 N_("Last confirmed"), N_("ID")]
EXPORT_HASHTAGS = ["#item+category", "#item+name", "#country+code", "#org+provider",
                   "#capacity", "#capacity+unit", "#item+num", "#status", "#loc+name",
                   "#geo+lat", "#geo+lon", "#date+start", "#date+end", "#contact+name",
                   "#contact+email", "#meta+cost", "#meta+notes", "#date+confirmed",
                   "#meta+id"]
CHUNK = 500


def exported_assets(session: Session, *, operation_id: str | None,
                    where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen
                    ) -> Iterator[dict[str, object]]:
    """The listed entries (filtered as the screen shows them) as plain dicts, in list order."""
    ids = asset_ids(session, operation_id=operation_id, where=where)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        rows = {r["id"]: r for r in session.execute(text(
            "SELECT a.*, trim(coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')) "
            "AS poc_name, coalesce(json_extract(c.emails, '$[0]'), '') AS poc_email "
            "FROM assets a LEFT JOIN contacts c ON c.id = a.poc_contact_id AND c.deleted = 0 "
            "WHERE a.id IN (SELECT value FROM json_each(:ids))"),
            {"ids": json.dumps(chunk)}).mappings()}
        for asset_id in chunk:
            if asset_id in rows:
                yield dict(rows[asset_id])


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):  # every digit, so a coordinate reads back the same
        return repr(value).removesuffix(".0")
    return str(value)


def export_assets_csv(session: Session, *, operation_id: str | None,
                      where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen
                      ) -> bytes:
    """The entries as CSV with a header row (in the current language) and an HXL hashtag
    row (UTF-8 with BOM)."""
    def rows() -> Iterator[list[str]]:
        for a in exported_assets(session, operation_id=operation_id, where=where):
            confirmed = str(a["confirmed_at"] or "")[:10]
            yield [_text(a[k]) for k in ("category", "description", "provider_state",
                                         "provider_unit", "capacity_value", "capacity_unit",
                                         "quantity", "status", "place_name", "latitude",
                                         "longitude", "available_from", "available_to",
                                         "poc_name", "poc_email", "cost_basis", "notes")
                   ] + [confirmed, _text(a["id"])]
    return write_table([_(title) for title in EXPORT_HEADER], EXPORT_HASHTAGS, rows())
