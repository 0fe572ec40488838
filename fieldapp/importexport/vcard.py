"""vCard 2.1, 3.0 and 4.0 in, vCard 4.0 out (RFC 6350).

Content lines are unfolded and split by vobject's own parser (`getLogicalLines`,
`parseLine`); building vobject component objects for each card is skipped because it
costs about half a millisecond a card, which 10,000 cards cannot afford. A line that is
not a property, or a card without END, stops the import with its line number.
Fields with no vCard property of their own (call sign, organisation type, languages,
favourite) travel as X-CMCOORD-* properties, so export then import gives the same contact.
"""

from __future__ import annotations

import io
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from vobject.base import ParseError, getLogicalLines, parseLine

from fieldapp.importexport.common import ImportFileError, ImportWarning

_TEL_KINDS = (("radio", {"x-radio", "radio"}), ("satellite", {"x-satellite", "satellite", "sat"}),
              ("mobile", {"cell", "mobile", "iphone"}),
              ("office", {"work", "voice", "main", "home", "fax", "pager", "text", "video"}))
_KIND_TYPES = {"mobile": "cell", "office": "work,voice", "satellite": "x-satellite",
               "radio": "x-radio"}
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


def _unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in ("n", "N") else m.group(1), value)


def _components(value: str) -> list[str]:
    return [_unescape(part) for part in re.split(r"(?<!\\);", value)]


def _params(raw: list[list[str]]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in raw:
        # vCard 2.1 writes bare types: TEL;CELL;VOICE:...
        name, values = ("TYPE", item) if len(item) == 1 else (item[0].upper(), item[1:])
        for value in values:
            params.setdefault(name, []).extend(
                v.strip().lower() for v in value.split(",") if v.strip())
    return params


def _decoded(value: str, params: dict[str, list[str]], line: int) -> str | None:
    encodings = params.get("ENCODING", [])
    if "b" in encodings or "base64" in encodings:
        return None  # photos and keys: nothing we keep
    if "quoted-printable" not in encodings:
        return value
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    try:
        # some phones leave letters unencoded in a quoted-printable value: they stay letters
        return quopri.decodestring(value.encode(charset)).decode(charset)
    except (LookupError, UnicodeError) as exc:
        raise ImportFileError(f"quoted-printable text that is not {charset}.", line=line) from exc


def _phone_kind(types: list[str]) -> str:
    wanted = set(types)
    return next((kind for kind, names in _TEL_KINDS if wanted & names), "mobile")


def _apply_property(card: CardFields, name: str, params: dict[str, list[str]],
                    value: str) -> None:
    if name == "FN":
        card.full_name = _unescape(value).strip()
    elif name == "N":
        family, given, middle = (_components(value) + ["", ""])[:3]
        card.family_name = family.strip()
        card.given_name = " ".join(p.strip() for p in (given, middle) if p.strip())
    elif name == "ORG":
        card.organisation = _components(value)[0].strip()
    elif name in ("TITLE", "ROLE") and not card.role:
        card.role = _unescape(value).strip()
    elif name == "TEL":
        number = _unescape(value).strip()
        number = number[4:] if number.lower().startswith("tel:") else number
        if number:
            card.phones.append((_phone_kind(params.get("TYPE", [])), number))
    elif name == "EMAIL":
        email = _unescape(value).strip()
        card.emails.append(email[7:] if email.lower().startswith("mailto:") else email)
    elif name == "ADR" and not card.location:
        card.location = ", ".join(p.strip() for p in _components(value) if p.strip())
    elif name == "NOTE":
        card.notes = "\n".join(filter(None, (card.notes, _unescape(value).strip())))
    elif name == "UID":
        uid = _unescape(value).strip()
        card.uid = uid[9:] if uid.lower().startswith("urn:uuid:") else uid
    elif name in ("X-CMCOORD-CALLSIGN", "X-CALLSIGN"):
        card.call_sign = _unescape(value).strip()
    elif name == "X-CMCOORD-ORG-TYPE":
        card.org_type = _unescape(value).strip()
    elif name == "X-CMCOORD-ORG-ACRONYM":
        card.org_acronym = _unescape(value).strip()
    elif name == "X-CMCOORD-LANGUAGES":
        card.languages = _unescape(value).strip()
    elif name == "X-CMCOORD-LOCATION":
        card.location = _unescape(value).strip()
    elif name == "X-CMCOORD-FAVOURITE":
        card.favourite = value.strip() in ("1", "true", "yes")


def parse_vcards(text: str) -> Iterator[CardFields]:
    """Every card of a vCard file; ImportFileError when the file's structure is broken."""
    card: CardFields | None = None
    physical = ["", *text.split("\n")]  # physical[n] is line n
    for raw, number in getLogicalLines(io.StringIO(text)):
        # vobject numbers a line that follows a blank line (or starts the file) by the line
        # before it
        lineno = number if physical[number].strip() else number + 1
        try:
            name, raw_params, value, _group = parseLine(raw)
        except ParseError as exc:
            raise ImportFileError(
                f"\u201c{raw[:40]}\u201d is not a vCard property (NAME:value).",
                line=lineno) from exc
        name = name.upper()
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                raise ImportFileError(f"a card begins before the card of line {card.line} "
                                      "has ended (END:VCARD missing).", line=lineno)
            card = CardFields(line=lineno)
        elif name == "END" and value.strip().upper() == "VCARD":
            if card is None:
                raise ImportFileError("END:VCARD without BEGIN:VCARD.", line=lineno)
            yield card
            card = None
        elif card is None:
            raise ImportFileError("text outside a BEGIN:VCARD … END:VCARD card.", line=lineno)
        else:
            params = _params(raw_params)
            decoded = _decoded(value, params, lineno)
            if decoded is not None:
                _apply_property(card, name, params, decoded)
    if card is not None:
        raise ImportFileError("this card has no END:VCARD: the file is cut short.",
                              line=card.line)


def looks_like_vcard(text: str) -> bool:
    """True when the text starts (after blank lines) with BEGIN:VCARD."""
    return text.lstrip()[:11].upper() == "BEGIN:VCARD"


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
    full = f"{card.given_name} {card.family_name}".strip()
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
            lines.append(f'TEL;VALUE=uri;TYPE="{types}":tel:{number}')
        else:
            lines.append(f'TEL;VALUE=text;TYPE="{types}":{escape(number)}')
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
