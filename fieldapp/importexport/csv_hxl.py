"""CSV tables as spreadsheets write them, with an optional HXL hashtag row.

Reading finds the separator (comma, semicolon or tab; Excel's "sep=;" line is honoured)
and keeps Excel quoting (quoted separators, doubled quotes, line breaks inside quotes).
A row with more or fewer fields than the header, or with a stray quote, is set aside as a
`RejectedRow` with its line and reason and the others are read; the file is refused whole
only when a quote is never closed (it swallows the rest of the file) or no row can be read.

The HXL hashtag row (https://hxlstandard.org) is found the way HXL's own library finds it
(libhxl-python, `hxl.input.HXLReader._find_tags` and `hxl.model.Column.parse_list`):
the first of the first 25 rows in which at least half of the non-empty cells are hashtag
specs (`#contact+email`); its other cells leave their columns untagged. We do not depend
on `libhxl` itself: it pulls in requests, urllib3, structlog, xlrd3, jsonpath_ng, ply,
unidecode and python-dateutil for an offline app that needs only these twenty lines, it
stops at the first malformed row where we set one row aside and go on, and it has no
line numbers for the officer. Columns are recognised by their hashtag (the most specific
match wins) or, without an HXL row, by the text of the header (`normal_header`), or by a
pattern for numbered groups ("Phone 3 - Value"); an officer's own mapping of a column is
kept by its `column_key`, and for files with the same header by `header_signature`.
`describe_hxl` says what a HXL dataset holds when it is not the list an importer wants.

Writing adds the HXL row under the header, a UTF-8 BOM for Excel, and a leading
apostrophe before text Excel would run as a formula (=, +, -, @), removed again on import.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from babel.lists import format_list

from fieldapp.i18n import N_, _, locale, ngettext
from fieldapp.importexport.common import (
    ImportFileError,
    ImportWarning,
    RejectedRow,
    SourceColumn,
    WarningKind,
)

HXL_SCAN_ROWS = 25  # the HXL standard looks for the hashtag row within the first 25 rows
HXL_TAGGED_SHARE = 0.5  # libhxl's FUZZY_HASHTAG_PERCENTAGE: half the filled cells are tags
_TAG = re.compile(r"^#[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*$", re.IGNORECASE)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True)
class Column:
    """A column an importer understands: HXL hashtag specs and header texts that name it."""

    key: str
    hashtags: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    repeatable: bool = False  # e.g. several phone columns
    patterns: tuple[str, ...] = ()  # regular expressions over normal_header ("phone \\d+ value")


@dataclass
class Table:
    """The rows of a CSV file, with line numbers and how each column was recognised."""

    header: list[str]
    hashtags: list[str]  # empty when the file has no HXL row; "" for an untagged column
    rows: list[tuple[int, list[str]]]  # (line where the row starts, cells)
    header_line: int
    rejected: list[RejectedRow] = field(default_factory=list)  # rows that could not be read


def normal_header(text: str) -> str:
    """Header text compared loosely: case, accents and punctuation ignored."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", plain.lower()))


def column_key(column: SourceColumn) -> str:
    """What an officer's mapping of a CSV column is kept by: its header, compared loosely;
    "" for a vCard property, which cannot be mapped."""
    return normal_header(column.label) if column.index >= 0 else ""


def header_signature(columns: list[SourceColumn]) -> str:
    """Files with the same header have the same signature ("" when there is no header)."""
    keys = [column_key(column) for column in columns if column.index >= 0]
    return hashlib.sha1("\x1f".join(keys).encode()).hexdigest() if keys else ""


# --- what a reader says about the file's columns (shared by the contacts and assets readers) --

class ColumnUse(Protocol):
    """How a reader reads one column: the field it fills ("" when left out), whether the
    officer chose that, and why a column with data is left out."""

    key: str
    chosen: bool
    why: str


def column_label(table: Table, index: int) -> str:
    """The column's name for the officer: its header, else its hashtag, else its place."""
    header = table.header[index]
    return header or (table.hashtags[index] if table.hashtags else "") or _(
        "Column {number}").format(number=index + 1)


def filled(table: Table, blanks: frozenset[str] = frozenset()) -> tuple[list[int], list[str]]:
    """How many rows have a value in each column, and the first value; `blanks` are values
    a program writes for "nothing entered" (case-folded), which do not count."""
    counts = [0] * len(table.header)
    samples = [""] * len(table.header)
    for _line, cells in table.rows:
        for index, cell in enumerate(cells):
            value = cell.strip()
            if value and value.casefold() not in blanks:
                counts[index] += 1
                samples[index] = samples[index] or value
    return counts, samples


def source_columns(table: Table, uses: Sequence[ColumnUse], counts: list[int],
                   samples: list[str]) -> list[SourceColumn]:
    """Every column of the file, in file order, with what it becomes."""
    return [SourceColumn(label=column_label(table, i), maps_to=use.key,
                         hashtag=table.hashtags[i] if table.hashtags else "", index=i,
                         count=counts[i], sample=samples[i], chosen=use.chosen)
            for i, use in enumerate(uses)]


def left_out_warnings(columns: list[SourceColumn],
                      uses: Sequence[ColumnUse]) -> list[ImportWarning]:
    """A warning for each column with data that nothing reads and the officer did not
    leave out."""
    warnings = []
    for column, use in zip(columns, uses, strict=True):
        if use.key or use.chosen or not column.count:
            continue
        # Translators: {reason} says why, e.g. "its header matches no field of a contact".
        warnings.append(ImportWarning(0, WarningKind.COLUMN_LEFT_OUT, ngettext(
            "The column \u201c{column}\u201d is left out: {reason}, and {count} row has a "
            "value there. You can map it to a field in the preview.",
            "The column \u201c{column}\u201d is left out: {reason}, and {count} rows have a "
            "value there. You can map it to a field in the preview.",
            column.count).format(column=column.label, reason=use.why,
                                 count=f"{column.count:,}")))
    return warnings


def placed_warnings(table: Table, decoded: Sequence[ImportWarning], columns: list[SourceColumn],
                    uses: Sequence[ColumnUse]
                    ) -> tuple[dict[int, list[ImportWarning]], list[ImportWarning]]:
    """The decoder's warnings and the left-out columns', placed: those of a row by its line
    (a byte replaced in it), and the file's own (a guessed encoding, a column left out)."""
    on_rows = _replaced_by_row(table, decoded)
    moved = {warning for row in on_rows.values() for warning in row}
    return on_rows, [w for w in decoded if w not in moved] + left_out_warnings(columns, uses)


def _replaced_by_row(table: Table, warnings: Sequence[ImportWarning]
                     ) -> dict[int, list[ImportWarning]]:
    """The decoder's REPLACED warnings by the line of the row they fall in (a quoted cell
    may span lines); those of the header or of a row the CSV reader set aside stay the
    file's."""
    starts = sorted([line for line, _cells in table.rows] + [row.line for row in table.rejected])
    rows = {line for line, _cells in table.rows}
    found: dict[int, list[ImportWarning]] = {}
    for warning in warnings:
        if warning.kind != WarningKind.REPLACED or warning.line <= table.header_line:
            continue
        at = bisect.bisect_right(starts, warning.line) - 1
        if at >= 0 and starts[at] in rows:
            found.setdefault(starts[at], []).append(warning)
    return found


def parse_hashtag(text: str) -> tuple[str, frozenset[str]]:
    """'#contact +Email' → ('#contact', {'email'})."""
    parts = [part.strip().lower() for part in text.strip().split("+")]
    return parts[0], frozenset(part for part in parts[1:] if part)


def is_hashtag(text: str) -> bool:
    """A valid HXL hashtag spec: '#tag' with optional '+attribute's."""
    return _TAG.match(text.strip()) is not None


def _is_hashtag_row(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell.strip()]
    tagged = sum(1 for cell in filled if is_hashtag(cell))
    return bool(filled) and tagged / len(filled) >= HXL_TAGGED_SHARE


def _separator(first_line: str) -> str:
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {sep: outside.count(sep) for sep in _SEPARATORS}
    return max(_SEPARATORS, key=lambda sep: counts[sep])  # a tie, or none: the first, ","


def read_table(text: str) -> Table:
    """Parse CSV text; rows that cannot be read are set aside in `rejected`.

    ImportFileError (with the line) when the file is empty, a quote is never closed, or
    no row at all can be read.
    """
    line_offset = 0
    first, _sep, rest = text.partition("\n")
    if re.fullmatch(r"sep=.", first.strip(), re.IGNORECASE):
        separator = first.strip()[-1]
        text = rest
        line_offset = 1
    else:
        separator = _separator(next((ln for ln in text.splitlines() if ln.strip()), ""))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[tuple[int, list[str]]] = []
    broken: list[RejectedRow] = []
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            reason = str(exc)
            if _never_closed(reason):
                raise ImportFileError(_(
                    "a quoted field starts on this line and is never closed (a missing \"), "
                    "so the rest of the file would be read as one field. Fix the file and "
                    "import it again."), line=start + line_offset) from exc
            # Translators: {reason} is the CSV reader's own English text ("',' expected").
            broken.append(RejectedRow(start + line_offset, _(
                "The line is malformed ({reason}): a quote inside a field must be doubled "
                "(\"\") or the whole field quoted.").format(reason=reason)))
        else:
            if any(cell.strip() for cell in cells):
                records.append((start + line_offset, cells))
        start = reader.line_num + 1
    if not records:
        raise ImportFileError(_("the file is empty: there is no header row."), line=1)
    table = _with_header(records)
    table.rejected = sorted(table.rejected + [row for row in broken
                                              if row.line > table.header_line],
                            key=lambda row: row.line)
    if table.rejected and not table.rows:
        first_bad = table.rejected[0]
        # Translators: {reason} is the message of the first row that cannot be read.
        raise ImportFileError(_("no row of the file can be read. {reason}").format(
            reason=first_bad.reason), line=first_bad.line)
    return table


def _never_closed(message: str) -> bool:
    return "unexpected end of data" in message or "field larger" in message


def _with_header(records: list[tuple[int, list[str]]]) -> Table:
    tag_index = next((i for i, (_line, cells) in enumerate(records[:HXL_SCAN_ROWS])
                      if _is_hashtag_row(cells)), None)
    if tag_index is None:
        header_line, header = records[0]
        hashtags: list[str] = []
        data = records[1:]
    else:
        header_line, tags = records[tag_index]
        header = records[tag_index - 1][1] if tag_index else list(tags)
        hashtags = [cell.strip() if is_hashtag(cell) else "" for cell in tags]
        data = records[tag_index + 1:]
    width = max(len(header), len(hashtags))
    rows = []
    rejected = []
    for line, cells in data:
        trimmed = list(cells)
        while len(trimmed) > width and not trimmed[-1].strip():
            trimmed.pop()  # separators at the end of a line, as some exports leave
        if len(trimmed) != width:
            # Translators: the English says "fields" for 1 too (its tests expect it); translate
            # the singular as your language says one field.
            rejected.append(RejectedRow(line, ngettext(
                "The line has {count} fields where the header has {width}: it may be broken "
                "in two, or hold a separator too many. Fix it and import it again.",
                "The line has {count} fields where the header has {width}: it may be broken "
                "in two, or hold a separator too many. Fix it and import it again.",
                len(trimmed)).format(count=len(trimmed), width=width)))
            continue
        # most cells start with no apostrophe: checked here, without a call for each of them
        rows.append((line, [_unprotect(cell) if cell[:1] == "'" else cell
                            for cell in trimmed]))
    header = header + [""] * (width - len(header))
    return Table(header=[h.strip() for h in header], hashtags=hashtags + [""] * (
        width - len(hashtags)) if hashtags else [], rows=rows, header_line=header_line,
        rejected=rejected)


def map_columns(table: Table, columns: Iterable[Column]) -> dict[int, Column]:
    """Which known column each table column is (unknown ones left out); a second column
    for a field that holds one value is left out too."""
    known = list(columns)
    mapping: dict[int, Column] = {}
    taken: set[str] = set()
    for index in range(len(table.header)):
        found = recognise(table, index, known)
        if found is None or (found.key in taken and not found.repeatable):
            continue
        mapping[index] = found
        taken.add(found.key)
    return mapping


def recognise(table: Table, index: int, columns: Sequence[Column]) -> Column | None:
    """The known column that column `index` is: by its hashtag when the file has an HXL
    row (an untagged column is none), else by its header text or a numbered pattern."""
    if table.hashtags:
        return _by_hashtag(table.hashtags[index], columns)
    return _by_header(table.header[index], columns)


def _by_hashtag(text: str, columns: Sequence[Column]) -> Column | None:
    if not text:
        return None
    tag, attributes = parse_hashtag(text)
    best: tuple[int, Column] | None = None
    for column in columns:
        for spec in column.hashtags:
            spec_tag, spec_attributes = parse_hashtag(spec)
            if spec_tag == tag and spec_attributes <= attributes and (
                    best is None or len(spec_attributes) > best[0]):
                best = (len(spec_attributes), column)
    return best[1] if best else None


def _by_header(text: str, columns: Sequence[Column]) -> Column | None:
    wanted = normal_header(text)
    if not wanted:
        return None
    found = next((c for c in columns if wanted in c.headers), None)
    return found or next((c for c in columns
                          if any(re.fullmatch(p, wanted) for p in c.patterns)), None)


# What a HXL dataset holds, guessed from its hashtags: (tags it must have, any of these
# too, what it holds, shown through _()). Base tags from the HXL core schema (https://hxlstandard.org/standard/).
_HOLDS: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (frozenset({"#org"}), frozenset({"#sector", "#activity", "#subsector"}),
     N_("who does what where (3W)")),
    (frozenset({"#geo"}), frozenset(), N_("places with coordinates")),
    (frozenset(), frozenset({"#affected", "#inneed", "#targeted", "#reached", "#population"}),
     N_("affected population figures")),
    (frozenset(), frozenset({"#event", "#crisis", "#impact"}), N_("a list of events or incidents")),
    (frozenset(), frozenset({"#value", "#currency"}), N_("funding or prices")),
    (frozenset(), frozenset({"#indicator"}), N_("indicator values")),
    (frozenset(), frozenset({"#item"}), N_("a list of items or supplies")),
    (frozenset(), frozenset({"#contact"}), N_("a list of contacts")),
    (frozenset(), frozenset({"#loc", "#adm1", "#adm2", "#adm3", "#adm4", "#adm5"}),
     N_("a list of places")),
    (frozenset(), frozenset({"#org"}), N_("a list of organisations")),
)


def describe_hxl(hashtags: list[str]) -> str:
    """A sentence for the officer: this file IS a HXL dataset, what it looks like it holds
    (from its hashtags: "who does what where (3W)", "places with coordinates"…) and which
    hashtags it has. The caller adds what its own kind of file needs."""
    specs = list(dict.fromkeys(" ".join(t.split()).lower() for t in hashtags if t.strip()))
    tags = {parse_hashtag(spec)[0] for spec in specs}
    holds = [_(what) for needs, some, what in _HOLDS
             if needs <= tags and (not some or some & tags)]
    shown = specs[:12]
    more = len(specs) - len(shown)
    hashtags = ", ".join(shown)
    if holds:
        # Translators: {kind} is one or two of "a list of contacts", "places with coordinates"…
        kind = format_list(holds[:2], locale=locale())
        if more:
            return ngettext(
                "This is a HXL dataset that looks like {kind}; its hashtags are {hashtags} "
                "and {count} more.",
                "This is a HXL dataset that looks like {kind}; its hashtags are {hashtags} "
                "and {count} more.", more).format(kind=kind, hashtags=hashtags, count=more)
        return _("This is a HXL dataset that looks like {kind}; its hashtags are "
                 "{hashtags}.").format(kind=kind, hashtags=hashtags)
    if more:
        return ngettext("This is a HXL dataset; its hashtags are {hashtags} and {count} more.",
                        "This is a HXL dataset; its hashtags are {hashtags} and {count} more.",
                        more).format(hashtags=hashtags, count=more)
    return _("This is a HXL dataset; its hashtags are {hashtags}.").format(hashtags=hashtags)


def _unprotect(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in _FORMULA_START else cell


def _protect(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def write_table(header: list[str], hashtags: list[str], rows: Iterable[list[str]]) -> bytes:
    """CSV bytes for Excel and HXL tools: BOM, header, hashtag row, CRLF line ends."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # its line end is CRLF, as Excel writes
    writer.writerow(header)
    writer.writerow(hashtags)
    for row in rows:
        writer.writerow([_protect(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")
