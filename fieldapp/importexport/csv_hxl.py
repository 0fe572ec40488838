"""CSV tables as spreadsheets write them, with an optional HXL hashtag row.

Reading finds the separator (comma, semicolon or tab; Excel's "sep=;" line is honoured),
keeps Excel quoting (quoted separators, doubled quotes, line breaks inside quotes), and
checks every row has as many fields as the header: a broken line or an unterminated
quote stops the import with its line number. Columns are recognised by their HXL hashtag
(https://hxlstandard.org: `#contact+email`, the most specific match wins) or, without an
HXL row, by the text of the header.

Writing adds the HXL row under the header, a UTF-8 BOM for Excel, and a leading
apostrophe before text Excel would run as a formula (=, +, -, @), removed again on import.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.importexport.common import ImportFileError

HXL_SCAN_ROWS = 25  # the HXL standard looks for the hashtag row within the first 25 rows
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


@dataclass
class Table:
    """The rows of a CSV file, with line numbers and how each column was recognised."""

    header: list[str]
    hashtags: list[str]  # empty when the file has no HXL row
    rows: list[tuple[int, list[str]]]  # (line where the row starts, cells)
    header_line: int


def normal_header(text: str) -> str:
    """Header text compared loosely: case, accents and punctuation ignored."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", plain.lower()))


def parse_hashtag(text: str) -> tuple[str, frozenset[str]]:
    """'#contact +Email' → ('#contact', {'email'})."""
    parts = [part.strip().lower() for part in text.strip().split("+")]
    return parts[0], frozenset(part for part in parts[1:] if part)


def _is_hashtag_row(cells: list[str]) -> bool:
    filled = [cell.strip() for cell in cells if cell.strip()]
    return bool(filled) and all(_TAG.match(cell) for cell in filled)


def _separator(first_line: str) -> str:
    outside = re.sub(r'"[^"]*"', "", first_line)
    counts = {sep: outside.count(sep) for sep in _SEPARATORS}
    return max(_SEPARATORS, key=lambda sep: counts[sep])  # a tie, or none: the first, ","


def read_table(text: str) -> Table:
    """Parse CSV text; ImportFileError (with the line) when the file is malformed."""
    line_offset = 0
    first, _, rest = text.partition("\n")
    if re.fullmatch(r"sep=.", first.strip(), re.IGNORECASE):
        separator = first.strip()[-1]
        text = rest
        line_offset = 1
    else:
        separator = _separator(next((ln for ln in text.splitlines() if ln.strip()), ""))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                records.append((start + line_offset, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(_csv_reason(str(exc)), line=start + line_offset) from exc
    if not records:
        raise ImportFileError("the file is empty: there is no header row.", line=1)
    return _with_header(records)


def _csv_reason(message: str) -> str:
    if "unexpected end of data" in message or "field larger" in message:
        return ("a quoted field starts on this line and is never closed (a missing \"). "
                "Fix the file and import it again.")
    return (f"the line is malformed ({message}); a quote inside a field must be doubled "
            "(\"\") or the whole field quoted.")


def _with_header(records: list[tuple[int, list[str]]]) -> Table:
    tag_index = next((i for i, (_, cells) in enumerate(records[:HXL_SCAN_ROWS])
                      if _is_hashtag_row(cells)), None)
    if tag_index is None:
        header_line, header = records[0]
        hashtags: list[str] = []
        data = records[1:]
    else:
        header_line, tags = records[tag_index]
        header = records[tag_index - 1][1] if tag_index else list(tags)
        hashtags = [cell.strip() for cell in tags]
        data = records[tag_index + 1:]
    width = max(len(header), len(hashtags))
    rows = []
    for line, cells in data:
        trimmed = list(cells)
        while len(trimmed) > width and not trimmed[-1].strip():
            trimmed.pop()  # separators at the end of a line, as some exports leave
        if len(trimmed) != width:
            raise ImportFileError(
                f"{len(trimmed)} fields where the header has {width}: the line may be broken "
                "in two, or hold a separator too many. Fix it and import again.", line=line)
        rows.append((line, [_unprotect(cell) for cell in trimmed]))
    header = header + [""] * (width - len(header))
    return Table(header=[h.strip() for h in header], hashtags=hashtags + [""] * (
        width - len(hashtags)) if hashtags else [], rows=rows, header_line=header_line)


def map_columns(table: Table, columns: Iterable[Column]) -> dict[int, Column]:
    """Which known column each table column is (unknown ones left out)."""
    known = list(columns)
    mapping: dict[int, Column] = {}
    taken: set[str] = set()
    for index in range(len(table.header)):
        found = (_by_hashtag(table.hashtags[index], known) if table.hashtags
                 else _by_header(table.header[index], known))
        if found is None or (found.key in taken and not found.repeatable):
            continue
        mapping[index] = found
        taken.add(found.key)
    return mapping


def _by_hashtag(text: str, columns: list[Column]) -> Column | None:
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


def _by_header(text: str, columns: list[Column]) -> Column | None:
    wanted = normal_header(text)
    return next((c for c in columns if wanted in c.headers), None)


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
