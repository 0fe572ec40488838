"""Assets in and out: CSV (with or without an HXL row) import in two steps; CSV export.

`preview_asset_import` reads and checks every row and writes nothing: entries to add,
entries that match one already in the directory (same id, or same provider, unit,
category and description, among the operation's and the global entries; update or skip,
update by default) and rejected rows with line and reason (a row the CSV reader could not
read, with too many or too few fields, is one of them: it never sinks the file; a HXL
dataset of something else is refused saying what it looks like). A new entry never keeps the
file's id, which may be another operation's (see fieldapp.importexport.common).
`apply_asset_import` writes the preview in the caller's one transaction. An update fills
the entry with the file's non-empty values; a new status goes into the history with the
comment "Imported from file", like any other status change.
The point of contact is found among the contacts by e-mail, then by name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.importexport.common import (
    ImportFileError,
    ImportSource,
    LineProgress,
    RejectedRow,
    derived_ids,
    id_keys,
    new_row_id,
    parse_date,
    parse_number,
    read_text,
    taken_ids,
)
from fieldapp.importexport.contacts import ImportChoice
from fieldapp.importexport.csv_hxl import (
    Column,
    Table,
    describe_hxl,
    map_columns,
    parse_hashtag,
    read_table,
    write_table,
)
from fieldapp.labels import asset_status_label, capability_label
from fieldapp.models import Asset
from fieldapp.models.enums import AssetCategory, AssetStatus
from fieldapp.progress import Progress
from fieldapp.services.assets import (
    AssetFilter,
    AssetInput,
    asset_ids,
    change_asset_status,
    create_asset,
    validate_asset,
)

REPORT_EVERY = 250
IMPORT_COMMENT = "Imported from file"
C = Column
COLUMNS = (
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
    C("notes", ("#meta+notes", "#description+notes"), ("notes", "remarks", "comments")),
    C("confirmed_at", ("#date+confirmed",), ("confirmed", "last confirmed", "confirmed on")),
    C("id", ("#meta+id",), ("id", "uid")),
)
REQUIRED = ("category", "description")
_INPUT_FIELDS = frozenset(AssetInput.__dataclass_fields__) - {"is_global"}


@dataclass(frozen=True)
class ImportedAsset:
    """A clean row of the file, ready to write."""

    line: int
    data: AssetInput
    confirmed_at: datetime | None = None
    uid: str = ""
    present: frozenset[str] = frozenset()  # the AssetInput fields the file gave a value

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


@dataclass(frozen=True)
class AssetImportResult:
    """What `apply_asset_import` wrote."""

    added: int
    updated: int
    skipped: int
    asset_ids: tuple[str, ...]


def _choice(value: str, allowed: tuple[str, ...], label: object, what: str) -> str:
    wanted = value.strip().casefold().replace("-", "_")
    for option in allowed:
        if wanted in (option, option.replace("_", " "), str(label(option)).casefold()):
            return option
    raise ValueError(f"\u201c{value}\u201d is not a known {what}.")


def _contact_index(session: Session) -> dict[str, str]:
    """Contact id by lower-cased e-mail ("email:…") and full name ("name:…")."""
    index: dict[str, str] = {}
    for contact_id, email in session.execute(text(
            "SELECT c.id, lower(e.value) FROM contacts c, json_each(c.emails) e "
            "WHERE c.deleted = 0")):
        index.setdefault(f"email:{email}", contact_id)
    for contact_id, name in session.execute(text(
            "SELECT id, lower(trim(given_name || ' ' || family_name)) FROM contacts "
            "WHERE deleted = 0")):
        index.setdefault(f"name:{name}", contact_id)
    return index


def _row(session: Session, line: int, cells: dict[str, str], *, operation_id: str | None,
         contacts: dict[str, str]) -> ImportedAsset:
    errors: list[ValidationError] = []
    values: dict[str, object] = {}

    def convert(key: str, parse: object) -> None:
        raw = cells.get(key, "").strip()
        if not raw:
            return
        try:
            values[key] = parse(raw)  # type: ignore[operator]
        except ValueError as exc:
            message = str(exc) if "\u201c" in str(exc) else f"\u201c{raw}\u201d is not valid here."
            errors.append(ValidationError(key, message))

    convert("category", lambda v: _choice(v, tuple(AssetCategory), capability_label,
                                          "asset category"))
    convert("status", lambda v: _choice(v, tuple(AssetStatus), asset_status_label,
                                        "asset status"))
    for key in ("capacity_value", "latitude", "longitude"):
        convert(key, parse_number)
    convert("quantity", _whole_number)
    for key in ("available_from", "available_to"):
        convert(key, parse_date)
    confirmed = None
    if cells.get("confirmed_at", "").strip():
        try:
            day = parse_date(cells["confirmed_at"])
            confirmed = datetime.combine(day, time(12), tzinfo=UTC) if day else None
        except ValueError:
            errors.append(ValidationError("confirmed_at", "The confirmation date is not a date."))
    poc = _poc(cells, contacts)
    if errors:
        raise ValidationErrors(errors)
    text_values = {key: cells.get(key, "").strip() for key in
                   ("description", "provider_state", "provider_unit", "capacity_unit",
                    "place_name", "cost_basis", "notes")}
    data = AssetInput(**text_values, **values, poc_contact_id=poc,  # type: ignore[arg-type]
                      is_global=operation_id is None)
    clean = validate_asset(session, data, operation_id=operation_id)
    present = {key for key, value in cells.items() if value.strip()}
    if poc is not None:
        present.add("poc_contact_id")
    return ImportedAsset(line, clean, confirmed, cells.get("id", "").strip(),
                         frozenset(present & _INPUT_FIELDS))


def _whole_number(raw: str) -> int:
    number = parse_number(raw)
    if number is None or number != int(number):
        raise ValueError(f"\u201c{raw}\u201d is not a whole number.")
    return int(number)


def _poc(cells: dict[str, str], contacts: dict[str, str]) -> str | None:
    email = cells.get("poc_email", "").strip().lower()
    name = " ".join(cells.get("poc_name", "").split()).lower()
    return contacts.get(f"email:{email}") or contacts.get(f"name:{name}")


def _same_key(provider_state: str, provider_unit: str, category: str, description: str) -> str:
    """The match key of an entry offered by the same provider and unit, described alike."""
    return "same:" + "|".join((provider_state, provider_unit.casefold(), category,
                               description.casefold()))


def _keys(row: ImportedAsset, operation_id: str | None) -> list[tuple[str, str]]:
    data = row.data
    same = _same_key(data.provider_state, data.provider_unit, data.category, data.description)
    keys = [(key, "the same id") for key in id_keys(row.uid, operation_id=operation_id)]
    return [*keys, (same, "the same provider, unit, category and description")]


def _existing(session: Session, operation_id: str | None) -> dict[str, tuple[str, str]]:
    """Entry (id, label) by match key, among the entries of the import's scope: its
    operation's and the global ones (which every operation shows); never another's."""
    scope = ("(operation_id = :op OR operation_id IS NULL)" if operation_id
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


def _cells(table: Table) -> Iterator[tuple[int, dict[str, str]]]:
    mapping = map_columns(table, COLUMNS)
    found = {column.key for column in mapping.values()}
    missing = [key for key in REQUIRED if key not in found]
    if missing and table.hashtags and not any(
            parse_hashtag(tag)[0] == "#item" for tag in table.hashtags if tag):
        raise ImportFileError(
            f"{describe_hxl(table.hashtags)} An assets file needs a category column tagged "
            "#item+category and a description tagged #item+name.", line=table.header_line)
    if missing:
        where = "HXL row" if table.hashtags else "header"
        names = " and ".join(f"\u201c{key.capitalize()}\u201d" for key in missing)
        raise ImportFileError(
            f"the {where} has no {names} column (required): add it, headed as shown or "
            "tagged #item+category / #item+name.", line=table.header_line)
    for line, row in table.rows:
        yield line, {column.key: row[index] for index, column in mapping.items()}


def preview_asset_import(session: Session, source: ImportSource, *,
                         operation_id: str | None,
                         progress: Progress | None = None) -> AssetImportPreview:
    """Read an asset CSV and say what importing it would do; writes nothing."""
    content = read_text(source)
    table = read_table(content)
    preview = AssetImportPreview(operation_id)
    existing = _existing(session, operation_id)
    contacts = _contact_index(session)
    seen: dict[str, int] = {}
    reading = LineProgress(progress, content)
    for line, cells in _cells(table):
        reading.at(line)
        try:
            row = _row(session, line, cells, operation_id=operation_id, contacts=contacts)
        except ValidationErrors as exc:
            preview.rejected.append(RejectedRow(line, exc.message))
            continue
        match = None
        for key, said in _keys(row, operation_id):
            if key in existing:
                found_id, label = existing[key]
                match = AssetMatch(line, row, said, found_id, label)
            elif key in seen:
                match = AssetMatch(line, row, said, earlier_line=seen[key])
            if match is not None:
                break
        if match is not None:
            preview.matches.append(match)
            continue
        preview.to_add.append(row)
        for key, _ in _keys(row, operation_id):
            seen.setdefault(key, line)
    reading.done()
    preview.rejected = sorted(preview.rejected + table.rejected, key=lambda row: row.line)
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
            progress.report(done, total, "Adding assets")
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
            progress.report(done, total, "Updating assets")
    progress.report(total, total, "Saving assets")
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

EXPORT_HEADER = ["Category", "Description", "Provider state", "Provider unit", "Capacity",
                 "Capacity unit", "Quantity", "Status", "Place", "Latitude", "Longitude",
                 "Available from", "Available to", "Point of contact", "Contact e-mail",
                 "Cost basis", "Notes", "Last confirmed", "ID"]
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
    """The entries as CSV with a header row and an HXL hashtag row (UTF-8 with BOM)."""
    def rows() -> Iterator[list[str]]:
        for a in exported_assets(session, operation_id=operation_id, where=where):
            confirmed = str(a["confirmed_at"] or "")[:10]
            yield [_text(a[k]) for k in ("category", "description", "provider_state",
                                         "provider_unit", "capacity_value", "capacity_unit",
                                         "quantity", "status", "place_name", "latitude",
                                         "longitude", "available_from", "available_to",
                                         "poc_name", "poc_email", "cost_basis", "notes")
                   ] + [confirmed, _text(a["id"])]
    return write_table(EXPORT_HEADER, EXPORT_HASHTAGS, rows())
