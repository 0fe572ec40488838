"""Reading an import file safely: size limit, encodings, binary data, one clear error; and
the ids that imported rows keep.

A file is bytes from disk or from the caller. `decode_file` reads them: a BOM (UTF-8, UTF-16,
UTF-32) or the encoding the officer picked decides; else UTF-8 when the bytes are UTF-8 (a
few invalid bytes become U+FFFD, with a warning on their line); else charset-normalizer
detects the encoding and the preview says it was guessed (`ENCODINGS` are those it offers
instead). Binary data or a file over 50 MB raises ImportFileError naming the line and the
reason.

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
import math
import re
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Literal

import charset_normalizer
from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError
from fieldapp.i18n import N_, _, ngettext
from fieldapp.progress import Progress

_MB = 1024 * 1024
MAX_BYTES = 50 * _MB
ImportSource = Path | str | bytes  # a path (Path or str) or the file's bytes
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class ImportFileError(FieldAppError):
    """The file cannot be imported at all; `line` (1-based) is None for the whole file."""

    def __init__(self, reason: str, *, line: int | None = None) -> None:
        # Translators: {reason} is one of the import messages, e.g. "the file is empty: …".
        super().__init__(_("Line {line}: {reason}").format(line=line, reason=reason)
                         if line is not None else reason)
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


def sorted_warnings(file_warnings: Iterable[ImportWarning],
                    rows: Iterable[object]) -> list[ImportWarning]:
    """The file's warnings and every row's (`row.warnings`), by line; the file's first."""
    found = [*file_warnings, *(w for row in rows for w in getattr(row, "warnings", ()))]
    return sorted(found, key=lambda warning: warning.line)


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
            # Translators: {reason} is the system's own error text ("No such file or directory").
            raise ImportFileError(_("{path} cannot be read: {reason}.").format(
                path=path, reason=exc.strerror or exc)) from exc
    if len(data) > MAX_BYTES:
        raise _too_big(len(data))
    return data


def _too_big(size: int) -> ImportFileError:
    limit_mb = MAX_BYTES // _MB
    if size < MAX_BYTES + _MB:  # in MB it would read as the limit itself: give the bytes
        return ImportFileError(_(
            "The file is {size} bytes; files over {limit} MB ({limit_bytes} bytes) are not "
            "imported. Split it into smaller files.").format(
                size=f"{size:,}", limit=limit_mb, limit_bytes=f"{MAX_BYTES:,}"))
    return ImportFileError(_(
        "The file is {size} MB; files over {limit} MB are not imported. Split it into "
        "smaller files.").format(size=f"{math.floor(size * 10 / _MB) / 10:.1f}", limit=limit_mb))


@dataclass(frozen=True)
class DecodedText:
    """An import file's text, the codec it was read with, whether that was detected rather
    than declared, and what reading it changed (REPLACED, ENCODING_GUESSED)."""

    text: str
    encoding: str
    guessed: bool
    warnings: tuple[ImportWarning, ...] = ()


# (codec, English label): the encodings the preview offers the officer, the most common
# first; the label is shown through _() (or `encoding_label`)
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", N_("Unicode (UTF-8)")), ("cp1252", N_("Western (Windows-1252)")),
    ("latin-1", N_("Western (ISO-8859-1)")), ("cp1250", N_("Central European (Windows-1250)")),
    ("cp1251", N_("Cyrillic (Windows-1251)")), ("koi8-r", N_("Cyrillic (KOI8-R)")),
    ("cp1256", N_("Arabic (Windows-1256)")), ("iso8859-6", N_("Arabic (ISO-8859-6)")),
    ("cp1255", N_("Hebrew (Windows-1255)")), ("cp932", N_("Japanese (Shift_JIS)")),
    ("euc_jis_2004", N_("Japanese (EUC-JP)")), ("gb18030", N_("Chinese simplified (GB18030)")),
    ("big5", N_("Chinese traditional (Big5)")), ("cp949", N_("Korean (EUC-KR)")),
    ("utf-16", N_("Unicode (UTF-16)")), ("mac-roman", N_("Western (Mac Roman)")),
    ("cp850", N_("Western, DOS (IBM 850)")),
)
_MORE_LABELS = {  # codecs detection may name, by codecs.lookup name
    "shift_jis": N_("Japanese (Shift_JIS)"), "euc_jp": N_("Japanese (EUC-JP)"),
    "euc_kr": N_("Korean (EUC-KR)"), "gbk": N_("Chinese simplified (GBK)"),
    "gb2312": N_("Chinese simplified (GB2312)"), "utf-16-le": N_("Unicode (UTF-16 LE)"),
    "utf-16-be": N_("Unicode (UTF-16 BE)"), "utf-32": N_("Unicode (UTF-32)"),
    "ascii": N_("English (ASCII)"),
    "cp866": N_("Cyrillic, DOS (CP866)"), "iso8859-5": N_("Cyrillic (ISO-8859-5)"),
    "mac-cyrillic": N_("Cyrillic (Mac)"), "iso8859-2": N_("Central European (ISO-8859-2)"),
    "iso8859-15": N_("Western (ISO-8859-15)"), "cp1253": N_("Greek (Windows-1253)"),
    "iso8859-7": N_("Greek (ISO-8859-7)"), "cp1254": N_("Turkish (Windows-1254)"),
    "iso8859-9": N_("Turkish (ISO-8859-9)"), "iso8859-8": N_("Hebrew (ISO-8859-8)"),
    "cp1257": N_("Baltic (Windows-1257)"), "cp1258": N_("Vietnamese (Windows-1258)"),
    "cp874": N_("Thai (Windows-874)"),
}
# what detection may choose from: the offered encodings, then a few more officers meet
_DETECTABLE = [codec for codec, _ in ENCODINGS if codec != "utf-16"] + [
    "cp866", "iso8859-5", "iso8859-2", "iso8859-15", "cp1253", "cp1254", "cp1257", "cp1258",
    "cp874", "iso8859-8"]
_UTF8_VALID_PER_INVALID = 2
_CHAOS_MARGIN, _COHERENCE_MARGIN = 0.01, 0.1
_LATIN = {"cp1252", "iso8859-1", "cp1250", "mac-roman", "cp850", "iso8859-2", "iso8859-15",
          "cp1254", "iso8859-9", "cp1257"}
_DECLARED_UTF8_MAX_INVALID = 3
_DECLARES_UTF8 = re.compile(rb"(?i)charset\s*=\s*\"?utf-?8|^version:\s*4\.0", re.MULTILINE)
_MAX_LINE_WARNINGS = 1000
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _lookup_name(codec: str) -> str:
    try:
        return codecs.lookup(codec).name
    except LookupError:
        return codec.lower()


_LABELS = {_lookup_name(codec): label for codec, label in ENCODINGS} | _MORE_LABELS
_OFFERED = {_lookup_name(codec): codec for codec, _ in ENCODINGS}


def encoding_label(codec: str) -> str:
    """How the officer reads a codec's name: "Cyrillic (Windows-1251)"; else the name."""
    label = _LABELS.get(_lookup_name(codec))
    return _(label) if label else codec


def _offered_spelling(codec: str) -> str:
    name = _lookup_name(codec)
    return _OFFERED.get(name, name)


def decode_file(data: bytes, *, encoding: str | None = None) -> DecodedText:
    """The text of an import file, or ImportFileError for binary data (naming the line).

    A BOM decides the encoding, then the officer's `encoding`, then valid UTF-8. A file
    that is UTF-8 but for a few invalid bytes is read as UTF-8, those bytes becoming U+FFFD
    with a REPLACED warning on their line: "a few" means at least two valid UTF-8
    characters for each invalid sequence, or at most three invalid sequences in a file that
    says it is UTF-8 (a CHARSET=UTF-8 parameter or a vCard 4.0). Text in another encoding
    has almost no valid UTF-8 sequences. Otherwise charset-normalizer detects the encoding
    (`guessed`, with an ENCODING_GUESSED warning the preview shows). DOS's end mark (^Z)
    at the end is dropped. At most 1,000 lines get their own REPLACED warning.
    """
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        decoded = _decode_known(data, "utf-8-sig" if bom == "utf-8" else bom, shown=bom)
    elif encoding is not None:
        if not _utf16_or_32(encoding):
            _refuse_binary(data)
        chosen = "utf-8-sig" if _lookup_name(encoding) == "utf-8" else encoding
        decoded = _decode_known(data, chosen, shown=_offered_spelling(encoding))
    else:
        _refuse_binary(data)
        decoded = _decode_unknown(data)
    text = decoded.text.rstrip("\x1a")  # the end-of-file mark of old DOS programs
    bad = _CONTROL.search(text)
    if bad is not None:
        raise ImportFileError(
            _("the file holds binary data (control character {code}), not text: it is not a "
              "CSV or vCard file.").format(code=f"0x{ord(bad.group()):02X}"),
            line=text.count("\n", 0, bad.start()) + 1)
    return replace(decoded, text=text)


def _utf16_or_32(codec: str) -> bool:
    return _lookup_name(codec).startswith(("utf-16", "utf-32"))


def _decode_known(data: bytes, codec: str, *, shown: str) -> DecodedText:
    try:
        text, positions = _decode_noting(data, codec)
    except LookupError as exc:
        raise ImportFileError(_("\u201c{encoding}\u201d is not an encoding this program "
                                "knows.").format(encoding=codec)) from exc
    if positions and _utf16_or_32(codec) and len(positions) * 4 > len(text) + 1:
        raise ImportFileError(_("the file says it is UTF-16 but is not."),
                              line=_lines_of(data, positions[:1], codec)[0])
    return DecodedText(text, shown, False, _replaced(data, positions, codec, shown))


def _decode_unknown(data: bytes) -> DecodedText:
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    text, positions = _decode_noting(data, "utf-8")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - len(positions)
    if valid >= _UTF8_VALID_PER_INVALID * len(positions) or (
            len(positions) <= _DECLARED_UTF8_MAX_INVALID and _DECLARES_UTF8.search(data)):
        return DecodedText(text, "utf-8", False, _replaced(data, positions, "utf-8", "utf-8"))
    codec = _detected(data)
    if codec is None:
        said = _("The file does not say which encoding it uses, and none fits it well: it "
                 "was read as Unicode (UTF-8). If names look wrong, pick the file's encoding "
                 "in the preview.")
        codec = "utf-8"
    else:
        # Translators: {encoding} names an encoding, e.g. "Cyrillic (Windows-1251)".
        said = _("The file does not say which encoding it uses: it was read as {encoding}. "
                 "If names look wrong, pick another encoding in the preview.").format(
                     encoding=encoding_label(codec))
    text, positions = _decode_noting(data, codec)
    shown = _offered_spelling(codec)
    return DecodedText(text, shown, True, (
        ImportWarning(0, WarningKind.ENCODING_GUESSED, said),
        *_replaced(data, positions, codec, shown)))


def _detected(data: bytes) -> str | None:
    """charset-normalizer's choice; when it is a Latin encoding, the Latin encoding offered
    first among nearly as good ones (on a few lines of French, Windows-1250 can score a
    little more coherent than 1252, but French files are far more common here)."""
    matches = list(charset_normalizer.from_bytes(data, cp_isolation=_DETECTABLE))
    if not matches:
        return None
    best = matches[0]
    if _lookup_name(best.encoding) not in _LATIN:
        return best.encoding
    tied = [m.encoding for m in matches if _lookup_name(m.encoding) in _LATIN
            and m.chaos <= best.chaos + _CHAOS_MARGIN
            and m.coherence >= best.coherence - _COHERENCE_MARGIN]
    order = {_lookup_name(codec): n for n, codec in enumerate(_DETECTABLE)}
    return min(tied, key=lambda codec: order.get(_lookup_name(codec), len(order)))


_noted = threading.local()


def _note_and_replace(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _noted.positions.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("fieldapp-note-replace", _note_and_replace)


def _decode_noting(data: bytes, codec: str) -> tuple[str, list[int]]:
    """The text, bytes that are not text in `codec` as U+FFFD; the offsets of those bytes."""
    _noted.positions = []
    text = data.decode(codec, "fieldapp-note-replace")
    return text, _noted.positions


def _newline(data: bytes, codec: str) -> bytes:
    name = _lookup_name(codec)
    if name in ("utf-16", "utf-32"):
        big = data.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))
        return "\n".encode(name + ("-be" if big else "-le"))
    return "\n".encode(name).removeprefix(codecs.BOM_UTF8)


def _lines_of(data: bytes, positions: list[int], codec: str) -> list[int]:
    """The 1-based line of each (ascending) byte offset."""
    newline = _newline(data, codec)
    lines, line, start = [], 1, 0
    for position in positions:
        line += data.count(newline, start, position)
        start = max(start, position)
        lines.append(line)
    return lines


def _replaced(data: bytes, positions: list[int], codec: str,
              shown: str) -> tuple[ImportWarning, ...]:
    lines = list(dict.fromkeys(_lines_of(data, positions, codec)))
    said = _("Some bytes of this line are not {encoding} text and were replaced by \ufffd. "
             "If the text looks wrong, pick another encoding in the preview.").format(
                 encoding=encoding_label(shown))
    warnings = [ImportWarning(line, WarningKind.REPLACED, said)
                for line in lines[:_MAX_LINE_WARNINGS]]
    if len(lines) > _MAX_LINE_WARNINGS:
        more = len(lines) - _MAX_LINE_WARNINGS
        warnings.append(ImportWarning(0, WarningKind.REPLACED, ngettext(
            "Bytes that are not {encoding} text were replaced on {count} more line.",
            "Bytes that are not {encoding} text were replaced on {count} more lines.",
            more).format(encoding=encoding_label(shown), count=f"{more:,}")))
    return tuple(warnings)


def decode_text(data: bytes) -> str:
    """The text of an import file (BOM removed), or ImportFileError naming the bad line."""
    return decode_file(data).text


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _refuse_binary(data: bytes) -> None:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportFileError(
            _("the file holds binary data (a NUL byte), not text: it is not a CSV or vCard "
              "file."), line=_line_of(data, nul))


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
                                  _("Checking line {line} of {total}").format(
                                      line=f"{line:,}", total=f"{self._total:,}"))

    def done(self) -> None:
        """Every line has been read."""
        if self._progress is not None:
            self._progress.report(self._total, self._total, _("File checked"))


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
