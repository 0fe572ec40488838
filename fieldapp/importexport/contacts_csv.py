"""Contacts from CSV: which column is which field, read into records; the export's columns.

`read_contacts_csv` reads a decoded CSV file into a `ContactFile`: one `CardFields` per row
(or a `RejectedRow` for a row the CSV reader could not read), every column with what it
maps to, and a COLUMN_LEFT_OUT warning for each column with data that nothing maps. The
officer's `choices` (by `normal_header` of the column's label) win over recognition.

Columns are recognised by their HXL hashtag (`#contact+name`, `#contact+phone+satellite`,
`#org+name`…) or, without an HXL row, by the headers these programs write, each checked
against the program's own export:
- Google Contacts ("Google CSV"): `Name`, `Given Name`, `Additional Name`, `Family Name`,
  `Nickname`, `E-mail 1 - Type`/`E-mail 1 - Value`, `Phone 1 - Type`/`Phone 1 - Value`…,
  `Organization 1 - Name`/`- Title`, `Address 1 - Formatted`, `Notes`, `Group Membership`;
  its newer layout `First Name`, `Middle Name`, `Last Name`, `E-mail 1 - Label`,
  `Phone 1 - Label`, `Organization Name`, `Organization Title`, `Labels`. Several values in
  one cell are joined by " ::: ". A `Phone N - Type`/`Label` cell decides the kind of that
  row's `Phone N - Value`; e-mail types and address parts are read with their column.
- Outlook (English, French, Spanish, German exports): `Title`, `First Name`, `Middle Name`,
  `Last Name`, `Suffix`, `Company`, `Department`, `Job Title`, `Business Phone`,
  `Home Phone`, `Mobile Phone`, `Business Fax`, `E-mail Address`, `E-mail Type`,
  `E-mail Display Name`, `E-mail 2 Address`…; Titre, Prénom, Deuxième prénom, Nom,
  Société, Titre (the job), Téléphone (bureau), Tél. mobile, Adresse de messagerie…;
  Nombre, Segundo nombre, Apellidos, Organización, Puesto, Teléfono del trabajo,
  Dirección de correo electrónico…; Anrede, Vorname, Weitere Vornamen, Nachname, Firma,
  Position, Telefon geschäftlich, Mobiltelefon, E-Mail-Adresse, E-Mail: Angezeigter Name….
  Its `Title` (Mr, Dr) and `Suffix` are not the role; `Middle Name` joins the given name.
- Thunderbird: `First Name`, `Last Name`, `Display Name`, `Nickname`, `Primary Email`,
  `Secondary Email`, `Screen Name`, `Work Phone`, `Home Phone`, `Fax Number`,
  `Pager Number`, `Mobile Number`, `Job Title`, `Department`, `Organization`, `Notes`;
  in French (its importMsgs.properties): Nom à afficher, Adresse e-mail principale,
  Tél. professionnel, Tél. personnel, Portable, Ville, Profession (the job), Société.
- Apple Contacts exporters and phone apps: `Mobile`, `iPhone`, `Main`, `Work Email`….
A "Display Name"/"Name" column fills `full_name`, kept beside the given and family names.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fieldapp.i18n import N_, _
from fieldapp.importexport.common import (
    DecodedText,
    ImportFileError,
    ImportWarning,
)
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
)
from fieldapp.importexport.vcard import CardFields, ContactFile


@dataclass(frozen=True)
class ContactColumn(Column):
    """A contact column; `note` names a value kept in the notes ("Nickname: Ami")."""

    note: str = ""


# The names of values kept in a contact's notes ("Nickname: Ami"): stored, so in English.
SECTOR_NOTE, NICKNAME_NOTE, GROUPS_NOTE = N_("Sector"), N_("Nickname"), N_("Groups")
C = ContactColumn
# Header texts and hashtags the importer matches in files (normal_header): never shown.
COLUMNS: tuple[ContactColumn, ...] = (  # i18n: not shown
    C("full_name", ("#contact+name",), ("name", "full name", "display name", "contact name",
                                        "contact", "nom complet", "nombre completo",
                                        "nom a afficher")),
    C("given_name", ("#contact+name+given", "#contact+name+first"),
      ("given name", "first name", "forename", "prenom", "nombre", "vorname")),
    C("family_name", ("#contact+name+family", "#contact+name+last", "#contact+name+surname"),
      ("family name", "last name", "surname", "nom", "nom de famille", "apellido",
       "apellidos", "nachname")),
    C("organisation", ("#org", "#org+name"),
      ("organisation", "organization", "org", "agency", "company", "organisation name",
       "organization name", "organizacion", "entity", "societe", "firma"),
      patterns=(r"organization \d+ name",)),
    C("org_acronym", ("#org+acronym", "#org+code"), ("acronym", "organisation acronym")),
    C("org_type", ("#org+type",), ("organisation type", "organization type", "org type",
                                   "type of organisation", "type of organization")),
    C("role", ("#contact+role", "#contact+position", "#contact+title", "#position"),
      ("role", "title", "job title", "position", "function", "fonction", "cargo", "poste",
       "titre", "puesto", "organization title", "profession"),
      patterns=(r"organization \d+ title",)),
    C("phone_mobile", ("#contact+phone", "#contact+phone+mobile", "#contact+phone+cell"),
      ("phone", "telephone", "tel", "mobile", "mobile phone", "cell", "cell phone",
       "phone number", "telephone number", "telefono", "portable", "movil", "mobile number",
       "mobile phone 2", "tel mobile", "telephone mobile", "telefono movil", "mobiltelefon",
       "mobiltelefon 2", "iphone", "cellular", "car phone", "autotelefon",
       "telephone voiture"), True, patterns=(r"phone \d+ value",)),
    C("phone_office", ("#contact+phone+office", "#contact+phone+work"),
      ("office", "office phone", "work phone", "business phone", "landline", "bureau",
       "business phone 2", "home phone", "home phone 2", "other phone", "primary phone",
       "company main phone", "main", "work", "home", "business fax", "home fax", "other fax",
       "fax", "fax number", "pager", "pager number", "callback", "isdn",
       "telephone bureau", "telephone 2 bureau", "telephone domicile",
       "telephone 2 domicile", "telephone autre", "telephone principal", "telephone societe",
       "telecopie bureau", "telecopie domicile", "telecopie autre", "telefono del trabajo",
       "particular", "otro telefono", "telefono principal", "telefon geschaftlich",
       "telefon geschaftlich 2", "telefon privat", "telefon privat 2", "weiteres telefon",
       "haupttelefon", "fax geschaftlich", "fax privat", "telefon firma",
       "tel professionnel", "tel personnel"), True),
    C("phone_satellite", ("#contact+phone+satellite", "#contact+phone+sat"),
      ("satellite", "satellite phone", "sat phone", "satphone", "thuraya", "iridium"), True),
    C("phone_radio", ("#contact+phone+radio", "#contact+radio"),
      ("radio", "radio channel", "vhf", "hf", "radio frequency", "radio phone",
       "radio telephone", "radiotelefono"), True),
    C("email", ("#contact+email",),
      ("email", "e mail", "email address", "e mail address", "mail", "courriel", "correo",
       "correo electronico", "primary email", "secondary email", "work email", "home email",
       "other email", "e mail adresse", "adresse de messagerie",
       "direccion de correo electronico", "adresse e mail principale",
       "adresse e mail secondaire"), True,
      patterns=(r"e ?mail( \d+)? (value|address|adresse)", r"e ?mail \d+",
                r"adresse de messagerie \d+", r"direccion del? correo electronico \d+")),
    C("call_sign", ("#contact+callsign", "#contact+call_sign", "#contact+radio+callsign"),
      ("call sign", "callsign", "radio call sign", "indicatif")),
    C("location", ("#loc", "#loc+name", "#adm1+name", "#adm2+name"),
      ("location", "place", "duty station", "city", "lieu", "lugar", "ubicacion",
       "business city", "work city", "ville bureau", "ciudad de trabajo",
       "ort geschaftlich", "ville"), patterns=(r"address \d+ formatted",)),
    C("sector", ("#sector", "#sector+cluster"), ("sector", "cluster", "secteur"),
      note=SECTOR_NOTE),
    C("languages", ("#language", "#contact+language"), ("languages", "language", "langues",
                                                        "langue", "idiomas", "sprache")),
    C("notes", ("#meta+notes", "#description", "#contact+notes"),
      ("notes", "note", "comments", "remarks", "description", "observaciones", "notizen",
       "notas"), True),
    C("notes", (), ("nickname", "surnom", "apodo", "spitzname"), True, note=NICKNAME_NOTE),
    C("notes", (), ("group membership", "labels", "categories", "categorias", "kategorien"),
      True, note=GROUPS_NOTE),
    C("favourite", ("#meta+favourite",), ("favourite", "favorite", "favori", "favorito")),
    C("id", ("#meta+id",), ("id", "uid")),
    C("given_name", (), ("middle name", "additional name", "deuxieme prenom",
                         "segundo nombre", "weitere vornamen"), True),
)
NAME_KEYS = frozenset({"full_name", "given_name", "family_name"})
NAMED_BY = frozenset({"email", "organisation"})  # what a record without a name is named after
FIELD_KEYS = frozenset(column.key for column in COLUMNS)
# What the preview's mapping menu offers: (field key, English label, shown through _())
CONTACT_TARGETS: tuple[tuple[str, str], ...] = (
    ("full_name", N_("Full name")), ("given_name", N_("Given name")),
    ("family_name", N_("Family name")), ("organisation", N_("Organisation")),
    ("org_acronym", N_("Organisation acronym")), ("org_type", N_("Organisation type")),
    ("role", N_("Role")), ("phone_mobile", N_("Mobile phone")),
    ("phone_office", N_("Office phone")), ("phone_satellite", N_("Satellite phone")),
    ("phone_radio", N_("Radio")), ("email", N_("E-mail")), ("call_sign", N_("Call sign")),
    ("location", N_("Location")), ("sector", N_("Sector")), ("languages", N_("Languages")),
    ("notes", N_("Notes")), ("favourite", N_("Favourite")), ("id", N_("ID")),
)

# Columns that say something about another column (its type, a part of it): read with it,
# stored nowhere. (pattern over normal_header, field the column it describes fills).
_COMPANIONS = (  # i18n: not shown
    (r"e ?mail( \d+)? (type|label|display name|typ|angezeigter name)", "email"),
    (r"(type de messagerie|nom complet de l adresse de messagerie)( \d+)?", "email"),
    (r"(tipo|nombre de pantalla) de correo electronico( \d+)?", "email"),
    (r"phone \d+ (type|label)", "phone"),
    (r"address \d+ (type|label|street|city|po box|region|postal code|country|"
     r"extended address)", "address"),
)
# Outlook's first column "Title" (Mr, Dr; Titre, Anrede, Tratamiento) is not the role.
_HONORIFICS = frozenset({"title", "titre", "anrede", "tratamiento"})
_KINDS = {"phone_mobile": "mobile", "phone_office": "office", "phone_satellite": "satellite",
          "phone_radio": "radio"}
_PHONE_LABELS = (
    ("satellite", {"satellite", "sat", "thuraya", "iridium", "inmarsat", "bgan"}),
    ("radio", {"radio", "vhf", "hf", "uhf"}),
    ("mobile", {"mobile", "cell", "cellular", "iphone", "handy", "portable", "movil",
                "celular", "mobil", "gsm", "car"}),
    ("office", {"work", "home", "main", "office", "business", "landline", "fax", "pager",
                "other", "bureau", "domicile", "trabajo", "casa", "company", "voice"}),
)
# What Outlook writes in every row of a column the contact leaves empty (Birthday 0/0/00,
# Gender Unspecified, Priority and Sensitivity Normal, Private False): no value to warn of.
_OUTLOOK_BLANKS = frozenset({"0/0/00", "00/00/00", "unspecified", "normal", "false"})
_TRUE = frozenset({"1", "yes", "true", "x", "y", "oui", "si", "sí", "★"})
_GOOGLE_JOIN = " ::: "
_GOOGLE_NUMBERED = re.compile(
    r"\s*(E-mail|Phone|Address|Organization|Website|Relation|Event|IM|Custom Field) \d+ - ")


@dataclass(frozen=True)
class _Use:
    """How one column of this file is read."""

    key: str  # field key, or "" when left out
    column: Column | None = None  # the column recognised; None when chosen, a companion
    # (read with another column, stored nowhere) or left out
    kind_from: int = -1  # the column whose cell says this phone's kind (Google's Type)
    chosen: bool = False
    why: str = ""  # why a column with data is left out


def _phone_kind(label: str, default: str) -> str:
    words = set(normal_header(label).split())
    return next((kind for kind, names in _PHONE_LABELS if words & names), default)


# What a file looked like (ContactFile.kind), in English; shown through _()
GOOGLE_CSV, OUTLOOK_CSV = N_("Google Contacts CSV"), N_("Outlook CSV")


def _kind(table: Table) -> str:
    if table.hashtags:
        return "HXL"
    headers = {normal_header(h) for h in table.header}
    if any(_GOOGLE_NUMBERED.match(h) for h in table.header) or headers >= {
            "group membership", "given name"}:
        return GOOGLE_CSV
    if len(headers & {"primary email", "secondary email", "screen name", "mobile number",
                      "work phone", "fax number", "pager number", "display name",
                      "adresse e mail principale", "adresse e mail secondaire",
                      "nom a afficher", "tel professionnel", "tel personnel"}) >= 2:
        return N_("Thunderbird CSV")
    if len(headers & {"e mail display name", "e mail address", "business phone",
                      "mobile phone", "job title", "middle name", "suffix", "company",
                      "e mail 2 address", "business fax", "prenom", "societe",
                      "adresse de messagerie", "tel mobile", "telephone bureau",
                      "deuxieme prenom", "apellidos", "segundo nombre", "organizacion",
                      "direccion de correo electronico", "telefono del trabajo", "vorname",
                      "nachname", "weitere vornamen", "e mail adresse", "mobiltelefon",
                      "telefon geschaftlich", "firma", "anrede"}) >= 3:
        return OUTLOOK_CSV
    return "CSV"


def _uses(table: Table, kind: str, choices: Mapping[str, str],
          counts: list[int]) -> list[_Use]:
    """How each column is read: the officer's choice, else recognition, else left out.
    A recognised column empty in every row does not keep a later one from its field."""
    uses: list[_Use | None] = [None] * len(table.header)
    taken: dict[str, str] = {}
    for index in range(len(table.header)):
        choice = choices.get(normal_header(column_label(table, index)))
        if choice is not None and (choice == "" or choice in FIELD_KEYS):
            uses[index] = _Use(choice, chosen=True)
            if choice:
                taken.setdefault(choice, column_label(table, index))
    skip_honorific = kind == OUTLOOK_CSV
    for index in range(len(table.header)):
        if uses[index] is not None:
            continue
        label = normal_header(table.header[index])
        if skip_honorific and label in _HONORIFICS:
            skip_honorific = False
            uses[index] = _Use("", why=_("it holds a form of address (Mr, Dr), not the role"))
            continue
        found = recognise(table, index, COLUMNS)
        if found is None:
            uses[index] = _Use("", why=_unknown(table, index))
        elif found.key in taken and not found.repeatable:
            uses[index] = _Use("", why=_("the field is already read from \u201c{column}\u201d"
                                         ).format(column=taken[found.key]))
        else:
            uses[index] = _Use(found.key, found)
            if not found.repeatable and counts[index]:
                taken[found.key] = column_label(table, index)
    done = [use or _Use("") for use in uses]
    if not table.hashtags:
        _add_companions(table, done)
    return done


def _unknown(table: Table, index: int) -> str:
    if not table.hashtags:
        return _("its header matches no field of a contact")
    if table.hashtags[index]:
        return _("its hashtag matches no field of a contact")
    return _("it has no HXL hashtag")


def _add_companions(table: Table, uses: list[_Use]) -> None:
    labels = [normal_header(header) for header in table.header]
    read = {use.key for use in uses if use.key}
    numbered = {m.group(1, 2): i for i, label in enumerate(labels)
                if (m := re.fullmatch(r"(phone|address) (\d+) (?:value|formatted)", label))
                and uses[i].key and not uses[i].chosen}
    for index, label in enumerate(labels):
        if uses[index].key or uses[index].chosen:
            continue
        for pattern, key in _COMPANIONS:
            if not re.fullmatch(pattern, label):
                continue
            number = re.search(r"\d+", label)
            value = numbered.get((key, number.group() if number else ""), -1)
            if key == "email" and key in read:
                uses[index] = _Use(key)
            elif value >= 0:
                uses[index] = _Use(uses[value].key)
                if key == "phone":
                    uses[value] = _Use(uses[value].key, uses[value].column, kind_from=index)
            break


def _split(cell: str, *, emails: bool = False) -> list[str]:
    pattern = r"[;|\n,\s]+|:::" if emails else r"[;|\n]+|:::"
    return [part.strip() for part in re.split(pattern, cell) if part.strip()]


def _groups(cell: str, card: CardFields) -> str:
    """Google's and Outlook's groups, without Google's own ("* myContacts"); "* starred"
    makes the contact a favourite."""
    names = []
    for part in re.split(r":::|;", cell):
        name = part.strip()
        if name.casefold() in ("* starred", "starred"):
            card.favourite = True
        elif name and not name.startswith("* "):
            names.append(name)
    return ", ".join(names)


def _card(line: int, cells: list[str], uses: Sequence[tuple[int, _Use]],
          warnings: list[ImportWarning]) -> CardFields:
    card = CardFields(line=line, warnings=list(warnings))
    extra_notes: list[str] = []
    for index, use in uses:
        value = cells[index].strip()
        if not value or use.column is None and not use.chosen:
            continue
        key = use.key
        note = getattr(use.column, "note", "")
        if key in _KINDS:
            kind = _KINDS[key]
            if use.kind_from >= 0:
                kind = _phone_kind(cells[use.kind_from], kind)
            card.phones += [(kind, part) for part in _split(value)]
        elif key == "email":
            card.emails += _split(value, emails=True)
        elif key == "given_name":  # Outlook's Middle Name, Google's Additional Name join it
            card.given_name = " ".join(filter(None, (card.given_name, value)))
        elif note == GROUPS_NOTE:
            if names := _groups(value, card):
                extra_notes.append(f"{GROUPS_NOTE}: {names}")  # stored: English
        elif note or key == "sector":
            extra_notes.append(f"{note or SECTOR_NOTE}: {value}")
        elif key == "notes":
            card.notes = f"{card.notes}\n{value}" if card.notes else value
        elif key == "favourite":
            card.favourite = card.favourite or value.casefold() in _TRUE
        elif key == "id":
            card.uid = card.uid or value
        elif not getattr(card, key):
            setattr(card, key, value.replace(_GOOGLE_JOIN, ", "))
    if extra_notes:
        card.notes = "\n".join([card.notes, *extra_notes] if card.notes else extra_notes)
    if not card.organisation:
        card.organisation = card.org_acronym
    return card


def _refuse_without_name(table: Table, uses: list[_Use]) -> None:
    """A file needs a name column, or one a record without a name can be named after (an
    e-mail or organisation: the preview marks those names for review)."""
    keys = {use.key for use in uses}
    if NAME_KEYS & keys:
        return
    if table.hashtags and not any(parse_hashtag(tag)[0] == "#contact"
                                  for tag in table.hashtags if tag):
        needs = _("A contacts file needs a name column tagged #contact+name (and may have "
                  "#contact+email, #contact+phone, #org+name).")
        raise ImportFileError(f"{describe_hxl(table.hashtags)} {needs}", line=table.header_line)
    if NAMED_BY & keys:
        return
    if table.hashtags:
        raise ImportFileError(_(
            "the HXL row has no name column (the required column): add one headed "
            "\u201cName\u201d, or \u201cGiven name\u201d and \u201cFamily name\u201d, "
            "or tagged #contact+name; a file with only e-mails or organisations is named "
            "after them."), line=table.header_line)
    raise ImportFileError(_(
        "the header has no name column (the required column): add one headed "
        "\u201cName\u201d, or \u201cGiven name\u201d and \u201cFamily name\u201d, "
        "or tagged #contact+name; a file with only e-mails or organisations is named "
        "after them."), line=table.header_line)


def read_contacts_csv(decoded: DecodedText, *,
                      choices: Mapping[str, str] | None = None) -> ContactFile:
    """The contacts of a CSV file (HXL or the exports of Google, Outlook, Thunderbird…).

    `choices` maps `normal_header(label)` to a field key, or "" to leave the column out
    knowingly; they win over recognition. ImportFileError when the file cannot be read at
    all or has no name column (a HXL dataset of something else is named for what it is).
    """
    table = read_table(decoded.text)
    kind = _kind(table)
    counts, samples = filled(table, _OUTLOOK_BLANKS if kind == OUTLOOK_CSV else frozenset())
    uses = _uses(table, kind, choices or {}, counts)
    _refuse_without_name(table, uses)
    columns = source_columns(table, uses, counts, samples)
    on_rows, warnings = placed_warnings(table, decoded.warnings, columns, uses)
    read = [(index, use) for index, use in enumerate(uses) if use.key]
    cards = (_card(line, cells, read, on_rows.get(line, [])) for line, cells in table.rows)
    records = heapq.merge(cards, table.rejected, key=lambda item: item.line)
    return ContactFile("csv", kind, decoded.encoding, decoded.guessed, records, columns,
                       warnings)





# The export's column titles, in English; the header row is written through _()
EXPORT_HEADER = [N_("Name"), N_("Given name"), N_("Family name"), N_("Organisation"),
                 N_("Acronym"), N_("Organisation type"), N_("Role"), N_("Mobile"),
                 N_("Office phone"), N_("Satellite phone"), N_("Radio"), N_("E-mail"),
                 N_("Call sign"), N_("Location"), N_("Languages"), N_("Notes"),
                 N_("Favourite"), N_("ID")]
EXPORT_HASHTAGS = ["#contact+name", "#contact+name+given", "#contact+name+family",
                   "#org+name", "#org+acronym", "#org+type",
                   "#contact+role", "#contact+phone+mobile", "#contact+phone+office",
                   "#contact+phone+satellite", "#contact+phone+radio", "#contact+email",
                   "#contact+callsign", "#loc+name", "#language", "#meta+notes",
                   "#meta+favourite", "#meta+id"]
