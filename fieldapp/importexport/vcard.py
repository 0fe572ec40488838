"""vCard 2.1, 3.0 and 4.0 in, vCard 4.0 out (RFC 6350).

Reading (`read_vcard_file`) unfolds content lines itself (folding, quoted-printable soft
breaks, vCard 2.1 base64 blocks) and decodes every value by its own CHARSET: old phones
write raw Windows-1251 or Shift_JIS bytes in otherwise ASCII files, so when a file has
CHARSET parameters its bytes are read as Latin-1 (byte for byte) and each value decoded by
its charset, or the file's encoding. Nothing sinks the file: bytes that are not text become
U+FFFD with a warning on the card; comments, junk and a missing END:VCARD are skipped with
a warning naming the line; photos, unknown properties and second values are left out with
a warning. The file is refused only when no card at all can be read.
Fields with no vCard property of their own (call sign, organisation type, languages,
favourite) travel as X-CMCOORD-* properties, so export then import gives the same contact.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from fieldapp.i18n import N_, _, ngettext
from fieldapp.importexport.common import (
    DecodedText,
    ImportFileError,
    ImportWarning,
    RejectedRow,
    SourceColumn,
    WarningKind,
    encoding_label,
)

_TEL_KINDS = (("radio", {"x-radio", "radio"}), ("satellite", {"x-satellite", "satellite", "sat"}),
              ("mobile", {"cell", "mobile", "iphone"}),
              ("office", {"work", "voice", "main", "home", "fax", "pager", "text", "video"}))
# vCard TYPE values each phone kind is written with
_KIND_TYPES = {"mobile": "cell", "office": "work,voice",  # i18n: not shown
               "satellite": "x-satellite", "radio": "x-radio"}
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
FOLD_OCTETS = 75


@dataclass
class CardFields:
    """What one vCard says about a person, as text, before any validation."""

    line: int
    given_name: str = ""
    family_name: str = ""
    full_name: str = ""
    organisation: str = ""
    org_type: str = ""
    org_acronym: str = ""
    role: str = ""
    phones: list[tuple[str, str]] = field(default_factory=list)  # (kind, number)
    emails: list[str] = field(default_factory=list)
    call_sign: str = ""
    location: str = ""
    languages: str = ""
    notes: str = ""
    favourite: bool = False
    uid: str = ""
    warnings: list[ImportWarning] = field(default_factory=list)  # shown on its line


@dataclass
class ContactFile:
    """What a contacts reader found in a file."""

    format: str  # "vcard" or "csv"
    kind: str  # what it looked like, for the officer: "vCard 2.1", "Outlook CSV", "HXL"…
    encoding: str  # Python codec name the text was read with
    encoding_guessed: bool
    records: Iterator[CardFields | RejectedRow]  # lazily; each with .line
    columns: list[SourceColumn]  # complete once `records` is exhausted
    warnings: list[ImportWarning]  # file-level (skipped lines, left-out columns)


# --- reading: lines -------------------------------------------------------------------------

_PROPERTY = re.compile(r'(?:([\w-]+)\.)?([\w-]+)((?:;(?:[^";:]|"[^"]*")*)*):(.*)', re.DOTALL)
_PARAM = re.compile(r';((?:[^";]|"[^"]*")*)')
_SIMPLE_NAME = re.compile(r"[\w-]+")
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
_CARD_EDGE = re.compile(r"(?i)(?:begin|end)\s*:\s*vcard\s*$")
_BINARY = {"b", "base64"}


@dataclass(slots=True)
class _Property:
    line: int  # its first physical line
    last: int
    name: str  # upper-case, without its group ("item1.")
    params: dict[str, list[str]]
    value: str  # as in the file (Latin-1 characters when read byte for byte)


@dataclass
class _Junk:
    line: int
    text: str


def _physical_lines(text: str) -> list[str]:
    if "\n" not in text and "\r" in text:
        return text.split("\r")  # old Mac line ends
    return [line.rstrip("\r") for line in text.split("\n")]  # CR CR LF too


def _params(raw: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in _PARAM.findall(raw):
        name, equals, values = item.partition("=")
        if not equals:  # vCard 2.1 writes bare values: TEL;CELL;VOICE:…
            name, values = "TYPE", name
        params.setdefault(name.strip().upper(), []).extend(
            v.strip().strip('"').lower() for v in values.replace('"', "").split(",")
            if v.strip())
    return params


def _parsed(text: str, line: int, last: int) -> _Property | _Junk:
    head, colon, value = text.partition(":")
    if colon and _SIMPLE_NAME.fullmatch(head):  # most lines: no group, no parameters
        return _Property(line, last, head.upper(), {}, value)
    found = _PROPERTY.fullmatch(text)
    if found is None:
        return _Junk(line, text)
    _group, name, params, value = found.groups()
    return _Property(line, last, name.upper(), _params(params) if params else {}, value)


def _logical_lines(text: str) -> Iterator[_Property | _Junk]:
    """Content lines unfolded: a line starting with a space or tab continues the one before
    (never a BEGIN or END line, and never nothing); a quoted-printable value ending in "="
    goes on on the next line; a vCard 2.1 base64 block runs to the blank line."""
    pieces: list[str] = []
    start = number = 0
    soft_break = base64 = edge = False
    for number, line in enumerate(_physical_lines(text), start=1):
        indented = line[:1] in (" ", "\t")
        if pieces:
            if soft_break and not _CARD_EDGE.match(line):
                pieces[-1] = pieces[-1][:-1]
                pieces.append(line)
                soft_break = line.endswith("=")
                continue
            if indented and not edge and line.strip() and not _CARD_EDGE.match(line.strip()):
                pieces.append(line[1:])
                continue
            if base64 and _BASE64_LINE.fullmatch(line):
                pieces.append(line)
                continue
            yield _parsed("".join(pieces), start, number - 1)
            pieces = []
        # spaces at the end stay: a value may be folded right after one of its spaces
        stripped = line.lstrip() if indented else line
        if not stripped:
            continue
        head = stripped.partition(":")[0]
        quoted_printable = "QUOTED-PRINTABLE" in head.upper()
        if quoted_printable:  # spaces at the end of an encoded line are padding (RFC 2045)
            stripped = stripped.rstrip(" \t")
        pieces, start = [stripped], number
        soft_break = quoted_printable and stripped[-1] == "="
        base64 = "64" in head and "BASE64" in head.upper()
        edge = stripped[0] in "BbEe" and _CARD_EDGE.match(stripped) is not None
    if pieces:
        yield _parsed("".join(pieces), start, number)


@dataclass
class _Card:
    line: int
    properties: list[_Property] = field(default_factory=list)


def _cards(text: str, warnings: list[ImportWarning]) -> list[_Card]:
    """The cards of the file; a line outside a card, or not a property, is skipped with a
    warning, and a card without END:VCARD ends where the next one begins."""
    cards: list[_Card] = []
    card: _Card | None = None
    for item in _logical_lines(text):
        if isinstance(item, _Junk):
            warnings.append(_skipped(item, inside=card is not None))
            continue
        edge = item.value.strip().upper() == "VCARD"
        if item.name == "BEGIN" and edge:
            if card is not None:
                warnings.append(ImportWarning(item.line, WarningKind.SKIPPED_LINE, _(
                    "The card of line {line} has no END:VCARD: it is taken to end here, "
                    "where the next card begins.").format(line=card.line)))
            card = _Card(item.line)
            cards.append(card)
        elif item.name == "END" and edge:
            if card is None:
                warnings.append(ImportWarning(item.line, WarningKind.SKIPPED_LINE, _(
                    "This END:VCARD has no BEGIN:VCARD before it; the line is left out.")))
            card = None
        elif card is None:
            # Translators: {name} is the start of the line, e.g. "TEL".
            warnings.append(ImportWarning(item.line, WarningKind.SKIPPED_LINE, _(
                "The line \u201c{name}:…\u201d is outside any card (BEGIN:VCARD … END:VCARD); "
                "it is left out.").format(name=_shortened(item.name))))
        else:
            card.properties.append(item)
    if card is not None:
        warnings.append(ImportWarning(card.line, WarningKind.SKIPPED_LINE, _(
            "This card has no END:VCARD: the file may be cut short. The card is kept as far "
            "as it goes.")))
    return cards


def _skipped(junk: _Junk, *, inside: bool) -> ImportWarning:
    if junk.text.startswith("#"):
        said = _("This line is a comment, not part of a card; it is left out.")
    elif inside:
        said = _("The line \u201c{text}\u201d in a card is not a vCard property (NAME:value); "
                 "it is left out.").format(text=_shortened(junk.text))
    else:
        said = _("The line \u201c{text}\u201d between cards is not a vCard property "
                 "(NAME:value); it is left out.").format(text=_shortened(junk.text))
    return ImportWarning(junk.line, WarningKind.SKIPPED_LINE, said)


def _replaced(name: str, line: int, codec: str) -> str:
    # Translators: {property} is a vCard property (TEL, FN); {encoding} e.g. "Unicode (UTF-8)".
    return _("Some bytes of {property} (line {line}) are not {encoding} text and were "
             "replaced by \ufffd.").format(property=name, line=line,
                                             encoding=encoding_label(codec))


def _shortened(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size - 1] + "\u2026"


def looks_like_vcard(text: str) -> bool:
    """True when the first line that is not blank or a comment (among the first 20) is
    BEGIN:VCARD, whatever spaces or BOM come before it."""
    for count, line in enumerate(text.lstrip("\ufeff").splitlines()):
        stripped = line.strip().lstrip("\ufeff")
        if stripped and not stripped.startswith("#"):
            return bool(re.fullmatch(r"(?i)begin\s*:\s*vcard", stripped))
        if count >= 20:
            break
    return False


# --- reading: values ------------------------------------------------------------------------

_QP_RUN = re.compile(r"(?:=[0-9A-Fa-f]{2})+")
_CHARSET_ALIASES = {"x-sjis": "cp932", "windows-31j": "cp932", "shift_jis": "cp932",
                    "iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030",
                    "gbk": "gb18030", "euc_kr": "cp949", "utf-8": "utf-8"}


def _codec(charset: str) -> str | None:
    """The codec to decode a CHARSET with (the wider Windows one a phone really meant)."""
    charset = _CHARSET_ALIASES.get(charset, charset)
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(name, name)


def _decoded(data: bytes, codec: str) -> tuple[str, bool]:
    """The text and whether bytes had to be replaced by U+FFFD."""
    try:
        return data.decode(codec), False
    except UnicodeDecodeError:
        return data.decode(codec, "replace"), True


class _Values:
    """Turns a value as written into text: quoted-printable, its CHARSET or the file's."""

    def __init__(self, decoded: DecodedText, *, byte_for_byte: bool) -> None:
        self.byte_for_byte = byte_for_byte
        self.codec = decoded.encoding
        self.file_is_utf8 = codecs.lookup(decoded.encoding).name == "utf-8"

    def text(self, prop: _Property, card: CardFields) -> str:
        if not prop.params and (prop.value.isascii() or not self.byte_for_byte):
            return prop.value
        charset = (prop.params.get("CHARSET") or [""])[0]
        codec = _codec(charset) if charset else None
        if charset and codec is None:
            # Translators: {property} is a vCard property (TEL, FN); {encoding} e.g.
            # "Western (Windows-1252)".
            card.warnings.append(ImportWarning(card.line, WarningKind.ENCODING_GUESSED, _(
                "The character set \u201c{charset}\u201d of {property} is not known: it was "
                "read as {encoding}, the file's encoding.").format(
                    charset=charset, property=prop.name,
                    encoding=encoding_label(self.codec))))
        encodings = prop.params.get("ENCODING", []) + prop.params.get("TYPE", [])
        if "quoted-printable" not in encodings:
            text, replaced = self._plain(prop.value, codec)
        else:
            text, replaced = self._quoted_printable(prop.value, codec)
        if replaced:
            card.warnings.append(ImportWarning(card.line, WarningKind.REPLACED, _replaced(
                prop.name, prop.line, codec or self.codec)))
        return text.replace("\r\n", "\n")

    def _plain(self, value: str, codec: str | None) -> tuple[str, bool]:
        if not self.byte_for_byte or value.isascii():
            return value, False
        data = value.encode("latin-1")
        if self.file_is_utf8 and codec != "utf-8":
            try:  # the file is UTF-8: a value in it is too, whatever its CHARSET claims
                return data.decode("utf-8"), False
            except UnicodeDecodeError:
                pass
        return _decoded(data, codec or self.codec)

    def _quoted_printable(self, value: str, codec: str | None) -> tuple[str, bool]:
        value = value.removesuffix("=")  # a soft break with nothing after it
        if value.isascii() or (self.byte_for_byte and (not self.file_is_utf8
                                                       or codec == "utf-8")):
            # whole bytes: a Shift_JIS character may be "=8E" then a plain "R"
            return self._escaped(quopri.decodestring(value.encode("latin-1")), codec)
        # letters left unencoded in a UTF-8 file are UTF-8, whatever the CHARSET says
        pieces: list[str] = []
        replaced = False
        end = 0
        for run in _QP_RUN.finditer(value):
            plain, bad = self._plain(value[end:run.start()], codec)
            text, wrong = self._escaped(quopri.decodestring(run.group().encode()), codec)
            pieces += [plain, text]
            replaced, end = replaced or bad or wrong, run.end()
        plain, bad = self._plain(value[end:], codec)
        return "".join([*pieces, plain]), replaced or bad

    def _escaped(self, data: bytes, codec: str | None) -> tuple[str, bool]:
        if codec is not None:
            return _decoded(data, codec)
        text, replaced = _decoded(data, "utf-8")  # what phones mean when they say nothing
        if replaced and not self.file_is_utf8:
            return _decoded(data, self.codec)
        return text, replaced


# --- reading: cards -------------------------------------------------------------------------

_FIELD_OF = {"FN": "full_name", "N": "family_name", "ORG": "organisation", "TITLE": "role",
             "ROLE": "role", "EMAIL": "email", "ADR": "location", "NOTE": "notes", "UID": "id",
             "X-CMCOORD-CALLSIGN": "call_sign", "X-CALLSIGN": "call_sign",
             "X-CMCOORD-ORG-TYPE": "org_type", "X-CMCOORD-ORG-ACRONYM": "org_acronym",
             "X-CMCOORD-LANGUAGES": "languages", "X-CMCOORD-LOCATION": "location",
             "X-CMCOORD-FAVOURITE": "favourite"}
_QUIET = {"VERSION", "PRODID", "REV"}  # about the file, not the person: left out unsaid
_MEDIA = {  # shown through _()
    "PHOTO": N_("The photo is not kept: a contact has no photo."),
    "LOGO": N_("The logo is not kept: a contact has no picture."),
    "SOUND": N_("The sound (a recording of the name) is not kept: a contact has no sound."),
    "KEY": N_("The key (for encrypted mail) is not kept: a contact has no key.")}
_SEPARATOR = re.compile(r"\\.|[;,]|[^\\;,]+", re.DOTALL)


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in ("n", "N") else m.group(1), value)


def _structured(value: str) -> list[list[str]]:
    """A structured value (N, ADR, ORG): its ;-separated parts, each a list of its
    ,-separated values, unescaped and stripped (empty ones left out)."""
    if "\\" not in value:
        return [[v.strip() for v in part.split(",") if v.strip()] for part in value.split(";")]
    parts: list[list[str]] = [[]]
    current: list[str] = []
    for token in _SEPARATOR.findall(value):
        if token in (";", ","):
            parts[-1].append(_unescape("".join(current)).strip())
            current = []
            if token == ";":
                parts.append([])
        else:
            current.append(token)
    parts[-1].append(_unescape("".join(current)).strip())
    return [[v for v in part if v] for part in parts]


def _phone_kind(types: list[str]) -> str:
    wanted = set(types)
    return next((kind for kind, names in _TEL_KINDS if wanted & names), "mobile")


def _phone_number(value: str) -> str:
    """The number as written; a tel: URI's visual separators as spaces, its extension kept."""
    number = _unescape(value).strip()
    if number[:4].lower() != "tel:":
        return number
    base, *params = number[4:].split(";")
    extension = next((p for p in params if p.lower().startswith("ext=")), "")
    base = " ".join(base.replace("-", " ").replace(".", " ").split())
    return f"{base};ext={extension[4:]}" if extension else base


def _not_kept(card: CardFields, said: str) -> None:
    card.warnings.append(ImportWarning(card.line, WarningKind.NOT_KEPT, said))


def _name(card: CardFields, value: str, has_full_name: bool) -> None:
    family, given, additional, prefix, suffix = (_structured(value) + [[]] * 5)[:5]
    card.family_name = " ".join(family)
    card.given_name = " ".join(given + additional)  # additional names follow the given
    if not has_full_name and (prefix or suffix):
        card.full_name = " ".join(prefix + given + additional + family + suffix)
    elif has_full_name:
        lost = [p for p in prefix + suffix if p not in card.full_name]
        if lost:
            # Translators: {title} is e.g. "Dr" or "Dr, PhD"; N and FN are vCard properties.
            _not_kept(card, _("The title {title} in N is not kept: it is not in the display "
                              "name (FN), and a contact has no field for it.").format(
                                  title=", ".join(lost)))


def _apply(card: CardFields, prop: _Property, text: str) -> None:
    name = prop.name
    if name == "FN":
        card.full_name = card.full_name or _unescape(text).strip()
    elif name == "ORG":
        organisation, *units = [", ".join(part) for part in _structured(text)]
        if not card.organisation:
            card.organisation = organisation
        if units := [u for u in units if u]:
            _not_kept(card, _("The department \u201c{department}\u201d (ORG) is not kept: a "
                              "contact has only its organisation.").format(
                                  department=", ".join(units)))
    elif name in ("TITLE", "ROLE"):
        role = _unescape(text).strip()
        if not card.role:
            card.role = role
        elif role and role != card.role and name == "TITLE":
            _not_kept(card, _("The title \u201c{value}\u201d is not kept: the contact has one "
                              "role, \u201c{role}\u201d.").format(value=role, role=card.role))
        elif role and role != card.role:
            _not_kept(card, _("The role \u201c{value}\u201d is not kept: the contact has one "
                              "role, \u201c{role}\u201d.").format(value=role, role=card.role))
    elif name == "TEL":
        number = _phone_number(text)
        if number:
            card.phones.append((_phone_kind(prop.params.get("TYPE", [])), number))
    elif name == "EMAIL":
        email = _unescape(text).strip()
        card.emails.append(email[7:] if email[:7].lower() == "mailto:" else email)
    elif name == "ADR":
        address = ", ".join(", ".join(part) for part in _structured(text) if part)
        if not card.location:
            card.location = address
        elif address and address != card.location:
            _not_kept(card, _("The address \u201c{address}\u201d is not kept: the contact has "
                              "one location, \u201c{location}\u201d.").format(
                                  address=address, location=card.location))
    elif name == "NOTE":
        card.notes = "\n".join(filter(None, (card.notes, _unescape(text).strip())))
    elif name == "UID":
        uid = _unescape(text).strip()
        card.uid = uid[9:] if uid[:9].lower() == "urn:uuid:" else uid
    elif name in ("X-CMCOORD-CALLSIGN", "X-CALLSIGN"):
        card.call_sign = _unescape(text).strip()
    elif name == "X-CMCOORD-ORG-TYPE":
        card.org_type = _unescape(text).strip()
    elif name == "X-CMCOORD-ORG-ACRONYM":
        card.org_acronym = _unescape(text).strip()
    elif name == "X-CMCOORD-LANGUAGES":
        card.languages = _unescape(text).strip()
    elif name == "X-CMCOORD-LOCATION":
        card.location = _unescape(text).strip()
    elif name == "X-CMCOORD-FAVOURITE":
        card.favourite = text.strip().lower() in ("1", "true", "yes")


@dataclass
class _Column:
    count: int = 0
    sample: str = ""
    phone_kinds: Counter[str] = field(default_factory=Counter)  # of TEL


class _Reader:
    """Builds each card's fields and counts, for the preview, every property kind met."""

    def __init__(self, values: _Values) -> None:
        self.values = values
        self.columns: dict[str, _Column] = {}

    def card(self, raw: _Card) -> CardFields | RejectedRow:
        card = CardFields(line=raw.line)
        seen: set[str] = set()
        media: set[str] = set()
        has_full_name = any(p.name == "FN" and p.value.strip() for p in raw.properties)
        names: list[tuple[_Property, str]] = []
        for prop in raw.properties:
            column = self.columns.get(prop.name)
            if column is None:
                column = self.columns[prop.name] = _Column()
            if prop.name not in seen:
                seen.add(prop.name)
                column.count += 1
            if prop.name in _MEDIA:
                if prop.name not in media:
                    media.add(prop.name)
                    _not_kept(card, _(_MEDIA[prop.name]))
                continue
            if prop.params and _BINARY & {*prop.params.get("ENCODING", []),
                                          *prop.params.get("TYPE", [])}:
                # Translators: {property} is a vCard property (PHOTO, KEY, X-…).
                _not_kept(card, _("A {property} in binary (base64) is not kept: only text "
                                  "is.").format(property=prop.name))
                continue
            text = self.values.text(prop, card)
            if not column.sample and text.strip():
                column.sample = _shortened(_unescape(text).strip(), 80)
            if prop.name == "N":
                names.append((prop, text))  # after FN, wherever it is in the card
            elif prop.name == "TEL":
                phones = len(card.phones)
                _apply(card, prop, text)
                if len(card.phones) > phones:
                    column.phone_kinds[card.phones[-1][0]] += 1
            else:
                _apply(card, prop, text)
        for _prop, text in names[:1]:
            _name(card, text, has_full_name)
        if not seen - _QUIET:
            return RejectedRow(raw.line, _("This card is empty: it has no name, phone, e-mail "
                                           "or other property to import."))
        return card

    def source_columns(self) -> list[SourceColumn]:
        return [SourceColumn(label=name, maps_to=_maps_to(name, column), count=column.count,
                             sample=column.sample) for name, column in self.columns.items()]


def _maps_to(name: str, column: _Column) -> str:
    """The field a property kind fills; a TEL's, the kind most of its numbers have."""
    if name == "TEL":
        kinds = column.phone_kinds.most_common(1)
        return f"phone_{kinds[0][0]}" if kinds else ""
    return _FIELD_OF.get(name, "")


def _byte_for_byte(data: bytes, decoded: DecodedText) -> bool:
    """Whether values must be decoded from the file's bytes, each by its CHARSET."""
    ascii_based = "\n:;=A".encode(decoded.encoding, "ignore") == b"\n:;=A"
    return ascii_based and re.search(rb"(?i);\s*charset\s*=", data) is not None


def read_vcard_file(data: bytes, decoded: DecodedText) -> ContactFile:
    """The cards of a vCard file, read lazily; ImportFileError when none can be read."""
    byte_for_byte = _byte_for_byte(data, decoded)
    warnings: list[ImportWarning] = []
    if byte_for_byte:
        text = data.removeprefix(codecs.BOM_UTF8).rstrip(b"\x1a").decode("latin-1")
    else:
        text = decoded.text
    cards = _cards(text, warnings)
    guessed = decoded.guessed
    if byte_for_byte:  # the file's encoding only counts for values without a CHARSET
        guessed = guessed and any(not p.value.isascii() and "CHARSET" not in p.params
                                  for card in cards for p in card.properties)
        kept = [w for w in decoded.warnings if w.kind == WarningKind.ENCODING_GUESSED]
    else:
        kept = list(decoded.warnings)
    warnings[:0] = [w for w in kept if guessed or w.kind != WarningKind.ENCODING_GUESSED]
    version = next((p.value.strip() for card in cards for p in card.properties
                    if p.name == "VERSION"), "")
    file = ContactFile(format="vcard", kind=f"vCard {version}".strip(),
                       encoding=decoded.encoding, encoding_guessed=guessed,
                       records=iter(()), columns=[], warnings=warnings)
    file.records = _records(file, cards, _Reader(_Values(decoded, byte_for_byte=byte_for_byte)),
                            replaced_lines={} if byte_for_byte else _replaced_lines(warnings))
    return file


def _replaced_lines(warnings: list[ImportWarning]) -> dict[int, ImportWarning]:
    """The decoder's warnings about replaced bytes, by line: they move to their card."""
    return {w.line: w for w in warnings if w.kind == WarningKind.REPLACED and w.line}


def _records(file: ContactFile, cards: list[_Card], reader: _Reader, *,
             replaced_lines: dict[int, ImportWarning]) -> Iterator[CardFields | RejectedRow]:
    read = 0
    for raw in cards:
        record = reader.card(raw)
        if isinstance(record, CardFields):
            read += 1
            if replaced_lines:
                _move_replaced(record, raw, replaced_lines, file.warnings, file.encoding)
        yield record
    file.columns[:] = reader.source_columns()
    # Translators: {property} is a vCard property name (X-SKYPE, BDAY).
    file.warnings += [ImportWarning(0, WarningKind.COLUMN_LEFT_OUT, ngettext(
        "{property} is left out: {count} card has it, and a contact has no field for it.",
        "{property} is left out: {count} cards have it, and a contact has no field for it.",
        column.count).format(property=column.label, count=f"{column.count:,}"))
        for column in file.columns if not column.maps_to and column.label not in _QUIET]
    if not read and not cards:
        raise ImportFileError(_("The file looks like a vCard file, but no card in it could be "
                                "read: it has no BEGIN:VCARD line."))
    if not read:
        raise ImportFileError(_("The file looks like a vCard file, but no card in it could be "
                                "read: its cards hold nothing to import."))


def _move_replaced(card: CardFields, raw: _Card, replaced_lines: dict[int, ImportWarning],
                   file_warnings: list[ImportWarning], codec: str) -> None:
    for prop in raw.properties:
        for line in range(prop.line, prop.last + 1):
            warning = replaced_lines.pop(line, None)
            if warning is not None:
                file_warnings.remove(warning)
                card.warnings.append(ImportWarning(card.line, WarningKind.REPLACED,
                                                   _replaced(prop.name, line, codec)))


def parse_vcards(text: str) -> Iterator[CardFields | RejectedRow]:
    """Every card of a vCard text (already decoded as UTF-8); see `read_vcard_file`."""
    return read_vcard_file(text.encode("utf-8"), DecodedText(text, "utf-8", False)).records


# --- writing ---------------------------------------------------------------------------------

def escape(value: str) -> str:
    """A text value escaped for a content line."""
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character, CRLF-ended."""
    if len(line.encode("utf-8")) <= FOLD_OCTETS:
        return line + "\r\n"
    pieces: list[str] = []
    current, size, limit = [], 0, FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, FOLD_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def card_text(card: CardFields, *, phone_valid: list[bool]) -> str:
    """One vCard 4.0 card; valid numbers as tel: URIs, others as text."""
    lines = ["BEGIN:VCARD", "VERSION:4.0"]
    if card.uid:
        lines.append(f"UID:urn:uuid:{card.uid}")
    full = card.full_name or f"{card.given_name} {card.family_name}".strip()
    lines += [f"FN:{escape(full)}",
              f"N:{escape(card.family_name)};{escape(card.given_name)};;;"]
    if card.organisation:
        lines.append(f"ORG:{escape(card.organisation)}")
    for name, value in (("X-CMCOORD-ORG-TYPE", card.org_type),
                        ("X-CMCOORD-ORG-ACRONYM", card.org_acronym)):
        if card.organisation and value:
            lines.append(f"{name}:{escape(value)}")
    if card.role:
        lines.append(f"TITLE:{escape(card.role)}")
    for (kind, number), valid in zip(card.phones, phone_valid, strict=True):
        types = _KIND_TYPES.get(kind, "voice")
        if valid and number.startswith("+"):
            lines.append(f'TEL;VALUE=uri;TYPE="{types}":tel:{number}')  # i18n: not shown
        else:
            lines.append(f'TEL;VALUE=text;TYPE="{types}":{escape(number)}')  # i18n: not shown
    lines += [f"EMAIL:{escape(email)}" for email in card.emails]
    if card.location:
        lines.append(f"ADR;TYPE=work:;;;{escape(card.location)};;;")
    for name, value in (("X-CMCOORD-CALLSIGN", card.call_sign),
                        ("X-CMCOORD-LANGUAGES", card.languages), ("NOTE", card.notes)):
        if value:
            lines.append(f"{name}:{escape(value)}")
    if card.favourite:
        lines.append("X-CMCOORD-FAVOURITE:1")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)
