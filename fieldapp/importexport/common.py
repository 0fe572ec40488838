"""Reading an import file safely: size limit, encodings, binary data, one clear error; and
the ids that imported rows keep.

A file is bytes from disk or from the caller. UTF-8 (with or without BOM) is tried first,
then UTF-16 when it carries a BOM (Excel's "Unicode text"), then Windows-1252, which old
Excel and Outlook still write. Anything else, control characters of binary data, or a
file over 50 MB raises ImportFileError naming the line and the reason.

A row that carries a UUID (a vCard UID, an export's ID column) is matched by it to the row
it came from, among the rows of the import's scope only: its operation's and the global
ones (`id_keys`). A row the file adds never keeps the file's id, which may be another
operation's row at HQ (`new_row_id`): in an operation it gets an id derived from the file's
id and the operation, so the same file imported again, or by a colleague in the same
operation, makes the same rows; a global row gets a random one.
"""

from __future__ import annotations

import codecs
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Literal

from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError
from fieldapp.progress import Progress

MAX_BYTES = 50 * 1024 * 1024
ImportSource = Path | str | bytes  # a path (Path or str) or the file's bytes
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class ImportFileError(FieldAppError):
    """The file cannot be imported at all; `line` (1-based) is None for the whole file."""

    def __init__(self, reason: str, *, line: int | None = None) -> None:
        super().__init__(f"Line {line}: {reason}" if line is not None else reason)
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class RejectedRow:
    """A row left out of an import, and why."""

    line: int
    reason: str


class WarningKind(StrEnum):
    """What kind of thing an import kept back or changed; tests and the preview key on it."""

    REPLACED = "replaced"  # bytes that are not text in the encoding became U+FFFD
    SKIPPED_LINE = "skipped-line"  # a comment or junk line between records, left out
    NOT_KEPT = "not-kept"  # a photo, key or sound: nothing a contact can hold
    VALUE_DROPPED = "value-dropped"  # one bad value left out; the record's others kept
    NAME_MADE = "name-made"  # no name in the record: one was made from what it has
    COLUMN_LEFT_OUT = "column-left-out"  # a column or property kind nobody maps
    ENCODING_GUESSED = "encoding-guessed"  # the file's encoding was detected, not declared


@dataclass(frozen=True)
class ImportWarning:
    """Something an import changed or left out, shown on the record's line (0: the file)."""

    line: int
    kind: WarningKind
    message: str


@dataclass(frozen=True)
class SourceColumn:
    """A column of a CSV file, or a property kind of a vCard file, and what it becomes.

    `maps_to` is the key of the field it fills ("email", "phone_mobile", …), or "" when
    it is left out; `count` is how many records have a value there, `sample` the first.
    """

    label: str  # the header text, or the vCard property name ("TEL", "PHOTO")
    maps_to: str
    hashtag: str = ""
    index: int = -1  # the column's position in a CSV file; -1 for a vCard property
    count: int = 0
    sample: str = ""
    chosen: bool = False  # the officer mapped it (or left it out) by hand


def read_bytes(source: ImportSource) -> bytes:
    """The file's bytes, refusing more than 50 MB before reading it all."""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise _too_big(size)
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFileError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if len(data) > MAX_BYTES:
        raise _too_big(len(data))
    return data


def _too_big(size: int) -> ImportFileError:
    return ImportFileError(
        f"The file is {size / 1024 / 1024:.1f} MB; files over {MAX_BYTES // 1024 // 1024} MB "
        "are not imported. Split it into smaller files.")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_text(data: bytes) -> str:
    """The text of an import file (BOM removed), or ImportFileError naming the bad line."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError("the file says it is UTF-16 but is not.",
                                  line=_line_of(data, exc.start)) from exc
    else:
        _refuse_binary(data)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    f"byte 0x{data[exc.start]:02X} is neither UTF-8 nor Windows-1252 text. "
                    "Save the file as CSV UTF-8 (or vCard) and try again.",
                    line=_line_of(data, exc.start)) from exc
    text = text.rstrip("\x1a")  # the end-of-file mark of old DOS programs
    bad = _CONTROL.search(text)
    if bad is not None:
        raise ImportFileError(
            f"the file holds binary data (control character 0x{ord(bad.group()):02X}), "
            "not text: it is not a CSV or vCard file.",
            line=text.count("\n", 0, bad.start()) + 1)
    return text


def _refuse_binary(data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportFileError(
            "the file holds binary data (a NUL byte), not text: it is not a CSV or vCard "
            "file.", line=_line_of(data, nul))


class LineProgress:
    """Reports how far the reading of a file's lines has got, every `every` lines, and stops
    the reading when the officer cancels (through `Progress.report`)."""

    def __init__(self, progress: Progress | None, content: str, *, every: int = 200) -> None:
        self._progress = progress
        self._total = content.count("\n") + (0 if content.endswith("\n") else 1)
        self._every = every
        self._next = every

    def at(self, line: int) -> None:
        """The reading has reached `line` (1-based)."""
        if self._progress is not None and line >= self._next:
            self._next = line + self._every
            self._progress.report(min(line, self._total), self._total,
                                  f"Checking line {line:,} of {self._total:,}")

    def done(self) -> None:
        """Every line has been read."""
        if self._progress is not None:
            self._progress.report(self._total, self._total, "File checked")


def read_text(source: ImportSource) -> str:
    """Size check, then decoding: the text of an import file."""
    return decode_text(read_bytes(source))


def parse_number(text: str) -> float | None:
    """A number as typed in a spreadsheet ("1 200,5" or "1,200.5"); None when empty.

    Raises ValueError when the text is not a number.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "") if cleaned.rfind(".") > cleaned.rfind(",") else (
            cleaned.replace(".", "").replace(",", "."))
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


def parse_date(text: str) -> date | None:
    """ISO 8601 (2026-03-01) or day first (01/03/2026, 1.3.2026); None when empty.

    Raises ValueError for anything else: month-first dates are never guessed.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    found = _DAY_FIRST.match(cleaned)
    if found:
        day, month, year = (int(part) for part in found.groups())
        return date(year, month, day)
    return date.fromisoformat(cleaned[:10])


IMPORT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cmcoord-field-kit:import")


def _file_uuid(uid: str) -> str | None:
    try:
        return str(uuid.UUID(uid.strip()))
    except ValueError:
        return None


def _derived_id(file_id: str, operation_id: str) -> str:
    return str(uuid.uuid5(IMPORT_NAMESPACE, json.dumps([operation_id, file_id])))


def id_keys(uid: str, *, operation_id: str | None) -> list[str]:
    """Match keys ("id:…") of a file's row id: the id itself (a row exported from here) and,
    in an operation, the id an earlier import of it was given (`new_row_id`)."""
    file_id = _file_uuid(uid)
    if file_id is None:
        return []  # not a UUID: it cannot be one of ours
    keys = [f"id:{file_id}"]
    if operation_id:
        keys.append(f"id:{_derived_id(file_id, operation_id)}")
    return keys


def taken_ids(session: Session, table: Literal["contacts", "assets"],
              ids: list[str]) -> set[str]:
    """Which of these ids a row of `table` (even a deleted one) already has."""
    query = text(f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(:ids))")
    return set(session.execute(query, {"ids": json.dumps(ids)}).scalars())


def derived_ids(uids: list[str], *, operation_id: str | None) -> list[str]:
    """The ids `new_row_id` would try for these file ids (to look up which are taken)."""
    if not operation_id:
        return []
    return [_derived_id(file_id, operation_id)
            for file_id in filter(None, map(_file_uuid, uids))]


def new_row_id(uid: str, *, operation_id: str | None, taken: set[str]) -> str:
    """The id of a row an import adds; never the file's own id (see the module doc).

    Derived from the file's id and the operation; random for a global row, a file row
    without a UUID, or when the derived id is `taken` here (then noted as taken).
    """
    file_id = _file_uuid(uid)
    if file_id is None or not operation_id:
        return str(uuid.uuid4())
    candidate = _derived_id(file_id, operation_id)
    if candidate in taken:
        return str(uuid.uuid4())
    taken.add(candidate)
    return candidate
