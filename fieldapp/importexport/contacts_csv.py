"""The columns of a contacts CSV: HXL hashtags and header texts, read and written.

HXL has hashtags for a contact's name, e-mail and phone (`#contact+name`, `#contact+email`,
`#contact+phone`), the organisation (`#org+name`), sector and location (`#sector`,
`#loc`); attributes say more (`#contact+phone+satellite`, `#contact+name+given`).
Files without an HXL row are read by their header texts in English, French or Spanish
and the names Outlook and Google give their columns.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

from fieldapp.importexport.common import ImportFileError, RejectedRow
from fieldapp.importexport.csv_hxl import Column, Table, map_columns, read_table
from fieldapp.importexport.vcard import CardFields

C = Column
COLUMNS = (
    C("full_name", ("#contact+name",), ("name", "full name", "display name", "contact name",
                                        "contact", "nom complet", "nombre completo")),
    C("given_name", ("#contact+name+given", "#contact+name+first"),
      ("given name", "first name", "forename", "prenom", "nombre")),
    C("family_name", ("#contact+name+family", "#contact+name+last", "#contact+name+surname"),
      ("family name", "last name", "surname", "nom", "nom de famille", "apellido",
       "apellidos")),
    C("organisation", ("#org", "#org+name"),
      ("organisation", "organization", "org", "agency", "company", "organisation name",
       "organization name", "organizacion", "entity")),
    C("org_acronym", ("#org+acronym", "#org+code"), ("acronym", "organisation acronym")),
    C("org_type", ("#org+type",), ("organisation type", "organization type", "org type",
                                   "type of organisation", "type of organization")),
    C("role", ("#contact+role", "#contact+position", "#contact+title", "#position"),
      ("role", "title", "job title", "position", "function", "fonction", "cargo", "poste")),
    C("phone_mobile", ("#contact+phone", "#contact+phone+mobile", "#contact+phone+cell"),
      ("phone", "telephone", "tel", "mobile", "mobile phone", "cell", "cell phone",
       "phone number", "telephone number", "telefono", "portable", "movil"), True),
    C("phone_office", ("#contact+phone+office", "#contact+phone+work"),
      ("office", "office phone", "work phone", "business phone", "landline", "bureau"), True),
    C("phone_satellite", ("#contact+phone+satellite", "#contact+phone+sat"),
      ("satellite", "satellite phone", "sat phone", "satphone", "thuraya", "iridium"), True),
    C("phone_radio", ("#contact+phone+radio", "#contact+radio"),
      ("radio", "radio channel", "vhf", "hf", "radio frequency"), True),
    C("email", ("#contact+email",), ("email", "e mail", "email address", "e mail address",
                                     "mail", "courriel", "correo", "correo electronico"), True),
    C("call_sign", ("#contact+callsign", "#contact+call_sign", "#contact+radio+callsign"),
      ("call sign", "callsign", "radio call sign", "indicatif")),
    C("location", ("#loc", "#loc+name", "#adm1+name", "#adm2+name"),
      ("location", "place", "duty station", "city", "lieu", "lugar", "ubicacion")),
    C("sector", ("#sector", "#sector+cluster"), ("sector", "cluster", "secteur")),
    C("languages", ("#language", "#contact+language"), ("languages", "language", "langues",
                                                        "idiomas")),
    C("notes", ("#meta+notes", "#description", "#contact+notes"),
      ("notes", "note", "comments", "remarks", "description", "observaciones")),
    C("favourite", ("#meta+favourite",), ("favourite", "favorite", "favori", "favorito")),
    C("id", ("#meta+id",), ("id", "uid")),
)
NAME_KEYS = frozenset({"full_name", "given_name", "family_name"})
_KINDS = {"phone_mobile": "mobile", "phone_office": "office", "phone_satellite": "satellite",
          "phone_radio": "radio"}
_TRUE = frozenset({"1", "yes", "true", "x", "y", "oui", "si", "sí", "★"})


def _split(cell: str, *, emails: bool = False) -> list[str]:
    pattern = r"[;|\n,\s]+" if emails else r"[;|\n]+"
    return [part.strip() for part in re.split(pattern, cell) if part.strip()]


def _card(line: int, cells: list[str], mapping: dict[int, Column]) -> CardFields:
    card = CardFields(line=line)
    extra_notes: list[str] = []
    for index, column in mapping.items():
        value = cells[index].strip()
        if not value:
            continue
        key = column.key
        if key in _KINDS:
            card.phones += [(_KINDS[key], part) for part in _split(value)]
        elif key == "email":
            card.emails += _split(value, emails=True)
        elif key == "sector":
            extra_notes.append(f"Sector: {value}")
        elif key == "favourite":
            card.favourite = value.casefold() in _TRUE
        elif key == "id":
            card.uid = value
        else:
            setattr(card, key, value)
    if extra_notes:
        card.notes = "\n".join([card.notes, *extra_notes] if card.notes else extra_notes)
    if not card.organisation:
        card.organisation = card.org_acronym
    return card


def rows_from_csv(text: str) -> Iterator[CardFields | RejectedRow]:
    """The contacts of a CSV file; ImportFileError when it has no name column."""
    table: Table = read_table(text)
    mapping = map_columns(table, COLUMNS)
    if not NAME_KEYS & {column.key for column in mapping.values()}:
        where = "HXL row" if table.hashtags else "header"
        raise ImportFileError(
            f"the {where} has no name column (the required column): add one headed "
            "\u201cName\u201d, or \u201cGiven name\u201d and \u201cFamily name\u201d, "
            "or tagged #contact+name.", line=table.header_line)
    cards = (_card(line, cells, mapping) for line, cells in table.rows)
    yield from heapq.merge(cards, table.rejected, key=lambda item: item.line)


EXPORT_HEADER = ["Given name", "Family name", "Organisation", "Acronym", "Organisation type",
                 "Role",
                 "Mobile", "Office phone", "Satellite phone", "Radio", "E-mail", "Call sign",
                 "Location", "Languages", "Notes", "Favourite", "ID"]
EXPORT_HASHTAGS = ["#contact+name+given", "#contact+name+family", "#org+name", "#org+acronym",
                   "#org+type",
                   "#contact+role", "#contact+phone+mobile", "#contact+phone+office",
                   "#contact+phone+satellite", "#contact+phone+radio", "#contact+email",
                   "#contact+callsign", "#loc+name", "#language", "#meta+notes",
                   "#meta+favourite", "#meta+id"]
