"""Writes the import corpus: contacts files byte for byte as phones, mail clients and
spreadsheets export them (line ends, BOM or not, encoding, quoting, header order).

Run `python3 tests/data/imports/make_corpus.py` to rewrite the files beside it; the corpus
test checks the committed files are exactly what this script writes. Which program each file
imitates, and the documentation followed, is in README.md beside it; what importing each file
must give is in expected.json.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRLF = "\r\n"

# A 1x1 JPEG, so the photos below are real base64 a phone could have written.
_JPEG = base64.b64encode(bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c"
    "140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27"
    "393d38323c2e333432ffc0000b080001000101011100ffc4001f000001050101010101010000000000"
    "0000000102030405060708090a0bffc400b5100002010303020403050504040000017d0102030004"
    "1105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25"
    "262728292a3435363738393a434445464748494a535455565758595a636465666768696a73747576"
    "7778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2"
    "c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda00"
    "08010100003f00fbd3ffd9")).decode("ascii")


# --- vCard ----------------------------------------------------------------------------------

def _android_qp(text: str) -> str:
    """Quoted-printable as Android's VCardBuilder.encodeQuotedPrintable writes it: every
    byte as =XX, and a soft line break (=CRLF, no indent) once a line holds 67 characters."""
    out, count = [], 0
    for byte in text.encode("utf-8"):
        out.append(f"={byte:02X}")
        count += 3
        if count >= 67:
            out.append("=" + CRLF)
            count = 0
    return "".join(out)


def _qp_line(name: str, *parts: str) -> str:
    encoded = ";".join(_android_qp(part) for part in parts)
    return f"{name};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{encoded}"


def _fold_base64(head: str, data: str, *, width: int = 75) -> list[str]:
    """A base64 value folded the way phones write it: continuation lines start with a space."""
    line = head + data
    lines = [line[:width]]
    lines += [" " + line[i:i + width - 1] for i in range(width, len(line), width - 1)]
    return lines


def android_21_qp() -> bytes:
    """Android Contacts "Export to .vcf" (vCard 2.1, UTF-8, quoted-printable, CRLF)."""
    bad_note = _android_qp("Ponto focal de logística em Beira").replace("=C3=AD", "=C3=FF", 1)
    lines = [
        "BEGIN:VCARD", "VERSION:2.1",
        _qp_line("N", "الحسن", "أحمد", "عبد الله", "", ""),
        _qp_line("FN", "أحمد عبد الله الحسن"),
        "TEL;CELL:+963 944 123 456",
        "TEL;X-Thuraya:+88216 2123 4567",
        "EMAIL;WORK:alhassan@un.org",
        "ORG:OCHA",
        "TITLE:Humanitarian Affairs Officer",
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:2.1",
        _qp_line("N", "Dubois", "Marie-Hélène", "", "", ""),
        _qp_line("FN", "Marie-Hélène Dubois"),
        "TEL;CELL:+258 84 312 0456",
        "EMAIL;WORK:mh.dubois@msf.org",
        _qp_line("ORG", "Médecins Sans Frontières"),
        _qp_line("TITLE", "Coordinatrice médicale"),
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:2.1",
        _qp_line("N", "Tembe", "João", "", "", ""),
        _qp_line("FN", "João Tembe"),
        "TEL;CELL:+258 82 555 0199",
        "EMAIL;WORK:joao.tembe@ingd.gov.mz",
        "ORG:INGD",
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{bad_note}",
        "END:VCARD",
        "# Contacts exported 2026-03-02",
        "BEGIN:VCARD", "VERSION:2.1",
        "EMAIL;WORK:mozambique.logcluster@wfp.org",
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:2.1",
        _qp_line("N", "Коваленко", "Олена", "", "", ""),
        _qp_line("FN", "Олена Коваленко"),
        "TEL;CELL:+380 50 123 4567",
        "EMAIL;WORK:okovalenko@unicef.org",
        "EMAIL;HOME:olena.kovalenko(at)gmail.com",
        "ORG:UNICEF",
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:2.1",
        "N:Mabunda;Rui;;Col.;",
        "FN:Col. Rui Mabunda",
        "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Tango 1;1;;;;;;;;;;;;;",
        "TEL;CELL:+258 84 123 4567",
        "TEL;X-Iridium:+8816 3141 5926",
        "ORG:FADM",
        "TITLE:CIMIC Liaison Officer",
        "NOTE:Call sign: Tango 1",
        *_fold_base64("PHOTO;ENCODING=BASE64;JPEG:", _JPEG),
        "",
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:2.1",
        "N:Banda;Grace;;;",
        "FN:Grace Banda",
        "ORG:Malawi Red Cross Society",
        "TITLE:Volunteer Coordinator",
        "END:VCARD",
    ]
    return (CRLF.join(lines) + CRLF).encode("utf-8")


def android_21_cp1251() -> bytes:
    """vCard 2.1 with raw Windows-1251 bytes and CHARSET=WINDOWS-1251 on each Cyrillic value,
    as phones and PC suites on Cyrillic Windows wrote them (ASCII elsewhere, CRLF)."""
    cards = [
        ["N;CHARSET=WINDOWS-1251:Шевченко;Віталій;Володимирович;;",
         "FN;CHARSET=WINDOWS-1251:Віталій Шевченко",
         "ORG;CHARSET=WINDOWS-1251:ДСНС України",
         "TITLE;CHARSET=WINDOWS-1251:Офіцер зв'язку",
         "TEL;CELL;VOICE:+380 67 123 4567",
         "EMAIL;PREF;INTERNET:v.shevchenko@dsns.gov.ua"],
        ["N;CHARSET=WINDOWS-1251:Ковальчук;Олена;;;",
         "FN;CHARSET=WINDOWS-1251:Олена Ковальчук",
         "ORG;CHARSET=WINDOWS-1251:УВКБ ООН",
         "TITLE;CHARSET=WINDOWS-1251:Асистентка з питань захисту",
         "TEL;CELL;VOICE:+380 63 222 3344",
         "EMAIL;PREF;INTERNET:kovalcho@unhcr.org"],
        ["N;CHARSET=WINDOWS-1251:Бондаренко;Ігор;;майор;",
         "FN;CHARSET=WINDOWS-1251:майор Ігор Бондаренко",
         "ORG;CHARSET=WINDOWS-1251:ЗСУ, CIMIC",
         "TEL;CELL;VOICE:+380 97 555 6677",
         "NOTE;CHARSET=WINDOWS-1251:Позивний: Сокіл"],
        ["N;CHARSET=WINDOWS-1251:Ґудзь;Мирослава;;;",
         "FN;CHARSET=WINDOWS-1251:Мирослава Ґудзь",
         "ORG;CHARSET=WINDOWS-1251:Товариство Червоного Хреста України",
         "TEL;WORK;VOICE:+380 44 287 1234",
         "EMAIL;PREF;INTERNET:m.gudz@redcross.org.ua"],
    ]
    lines: list[str] = []
    for card in cards:
        lines += ["BEGIN:VCARD", "VERSION:2.1", *card, "END:VCARD"]
    return (CRLF.join(lines) + CRLF).encode("cp1251")


def iphone_30() -> bytes:
    """iOS Contacts "Share contact" / iCloud export: vCard 3.0, UTF-8, CRLF, item groups."""
    lines = [
        "BEGIN:VCARD", "VERSION:3.0",
        "PRODID:-//Apple Inc.//iPhone OS 17.4.1//EN",
        "N:Hassan;Fatima;;;",
        "FN:Fatima Hassan",
        "ORG:UNHCR;Protection Unit",
        "TITLE:Senior Protection Officer",
        "item1.EMAIL;type=INTERNET;type=pref:hassanf@unhcr.org",
        "item1.X-ABLabel:_$!<Other>!$_",
        "TEL;type=CELL;type=VOICE;type=pref:+249 91 234 5678",
        "TEL;type=WORK;type=VOICE:+41 22 739 8111 ext. 2204",
        "item2.TEL:+8816 2345 6789",
        "item2.X-ABLabel:Iridium",
        "item3.ADR;type=WORK;type=pref:;;Rue de Montbrillant 94;Genève;;1202;Switzerland",
        "item3.X-ABADR:ch",
        "NOTE:Protection cluster co-lead\\nCall sign: Hotel 3",
        "BDAY:1980-05-12",
        "item4.URL;type=pref:https://www.unhcr.org",
        "item4.X-ABLabel:_$!<HomePage>!$_",
        *_fold_base64("PHOTO;ENCODING=b;TYPE=JPEG:", _JPEG, width=74),
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0",
        "PRODID:-//Apple Inc.//iPhone OS 17.4.1//EN",
        "N:张;伟;;;",
        "FN:张伟",
        "ORG:China International Search and Rescue Team;",
        "TITLE:Team Leader",
        "item1.EMAIL;type=INTERNET;type=pref:zhangwei@cisar.example.cn",
        "item1.X-ABLabel:_$!<Other>!$_",
        "TEL;type=CELL;type=VOICE;type=pref:+86 138 0013 8000",
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0",
        "PRODID:-//Apple Inc.//iPhone OS 17.4.1//EN",
        "N:;;;;",
        "FN:World Food Programme",
        "ORG:World Food Programme;",
        "TEL;type=MAIN:+258 21 482 200",
        "item1.EMAIL;type=INTERNET;type=pref:wfp.maputo@wfp.org",
        "item1.X-ABLabel:_$!<Other>!$_",
        "X-ABShowAs:COMPANY",
        "END:VCARD",
    ]
    return (CRLF.join(lines) + CRLF).encode("utf-8")


def shift_jis() -> bytes:
    """A Japanese feature phone's address book export: vCard 2.1, the whole file in
    Shift_JIS, no CHARSET parameter, the reading in SOUND;X-IRMC-N (CRLF)."""
    cards = [
        ["N:田中;花子;;;", "FN:田中 花子", "SOUND;X-IRMC-N:ﾀﾅｶ;ﾊﾅｺ;;;",
         "TEL;CELL:+81-90-1234-5678", "EMAIL;INTERNET:tanaka.hanako@jica.go.jp",
         "ORG:国際協力機構（JICA）", "TITLE:緊急援助調整官"],
        ["N:佐藤;健一;;;", "FN:佐藤 健一", "SOUND;X-IRMC-N:ｻﾄｳ;ｹﾝｲﾁ;;;",
         "TEL;CELL:+81-80-2345-6789", "ORG:陸上自衛隊", "TITLE:連絡将校",
         "NOTE:無線コールサイン：ジュリエット２"],
        ["N:鈴木;美咲;;;", "FN:鈴木 美咲", "SOUND;X-IRMC-N:ｽｽﾞｷ;ﾐｻｷ;;;",
         "TEL;WORK:+81-3-5226-6660", "EMAIL;INTERNET:suzuki.misaki@jdr.example.jp",
         "ORG:国際緊急援助隊"],
    ]
    lines: list[str] = []
    for card in cards:
        lines += ["BEGIN:VCARD", "VERSION:2.1", *card, "END:VCARD"]
    return (CRLF.join(lines) + CRLF).encode("shift_jis")


def fn_and_n() -> bytes:
    """vCard 4.0 (RFC 6350) as address books that write 4.0 export it: display names in
    their own script with a Latin N, additional names, prefixes, a tel: URI with ;ext=."""
    cards = [
        ["FN:דוד כהן", "N:Cohen;David;Ben,Ami;;", "ORG:IDF Home Front Command",
         "TITLE:Liaison Officer", 'TEL;VALUE=uri;TYPE="cell,voice":tel:+972-50-765-4321',
         "EMAIL;TYPE=work:david.cohen@hfc.example.il"],
        ["FN:王伟", "N:Wang;Wei;;;", "ORG:China International Search and Rescue Team",
         'TEL;VALUE=uri;TYPE="work,voice":tel:+86-10-6609-1234;ext=102',
         "EMAIL;TYPE=work:wang.wei@cisar.example.cn"],
        ["FN:Nguyễn Thị Lan", "N:Nguyễn;Thị Lan;;;", "ORG:IFRC", "TITLE:Shelter Delegate"],
        ["FN:Dr. Amani Wanjiru Otieno", "N:Otieno;Amani;Wanjiru;Dr.;", "ORG:WHO",
         "TITLE:Health Cluster Coordinator",
         'TEL;VALUE=uri;TYPE="cell,voice":tel:+254-722-123-456',
         "EMAIL;TYPE=work:otienoa@who.int"],
        ["FN:خالد العمر", "N:Al-Omar;Khaled;;;", "ORG:Syrian Arab Red Crescent",
         'TEL;VALUE=uri;TYPE="cell,voice":tel:+963-944-765-432',
         "EMAIL;TYPE=work:k.alomar@sarc.example.sy"],
    ]
    lines: list[str] = []
    for card in cards:
        lines += ["BEGIN:VCARD", "VERSION:4.0", *card, "END:VCARD"]
    return (CRLF.join(lines) + CRLF).encode("utf-8")


# --- CSV ------------------------------------------------------------------------------------

def _quote_if_needed(value: str, separator: str = ",") -> str:
    """Quoting as Google, Thunderbird and Excel do it: only when the value needs it."""
    if '"' in value or separator in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def _labels(joined: str) -> list[str]:
    """A header written out as the program writes it, split at its commas."""
    return joined.split(",")


def _csv(header: list[str], rows: list[dict[str, str]], *, separator: str = ",",
         end: str = CRLF) -> str:
    unknown = {key for row in rows for key in row} - set(header)
    if unknown:
        raise KeyError(f"not in the header: {sorted(unknown)}")
    lines = [separator.join(_quote_if_needed(h, separator) for h in header)]
    lines += [separator.join(_quote_if_needed(row.get(h, ""), separator) for h in header)
              for row in rows]
    return end.join(lines) + end


GOOGLE_LEGACY_HEADER = _labels(
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
    "Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
    "Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,"
    "Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,"
    "Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Phone 3 - Type,"
    "Phone 3 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - Street,"
    "Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,"
    "Address 1 - Country,Address 1 - Extended Address,Organization 1 - Type,"
    "Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,"
    "Organization 1 - Department,Organization 1 - Symbol,Organization 1 - Location,"
    "Organization 1 - Job Description,Website 1 - Type,Website 1 - Value")


def google_contacts() -> bytes:
    """Google Contacts "Google CSV" export, the layout Gmail wrote until 2023."""
    group = "* myContacts ::: Cyclone Ana"
    rows = [
        {"Name": "Amina Diallo", "Given Name": "Amina", "Family Name": "Diallo",
         "Notes": "Logistics cluster focal point, Beira\nCall sign: Papa Bravo 2",
         "Group Membership": group, "E-mail 1 - Type": "* Work",
         "E-mail 1 - Value": "amina.diallo@wfp.org",
         "Phone 1 - Type": "Mobile", "Phone 1 - Value": "+258 84 765 4321 ::: +258 82 765 4321",
         "Phone 2 - Type": "Work", "Phone 2 - Value": "+258 21 482 200",
         "Address 1 - Type": "Work",
         "Address 1 - Formatted": "Rua da Marginal 1\nBeira\nMozambique",
         "Address 1 - Street": "Rua da Marginal 1", "Address 1 - City": "Beira",
         "Address 1 - Country": "Mozambique",
         "Organization 1 - Name": "World Food Programme",
         "Organization 1 - Title": "Logistics Officer",
         "Website 1 - Type": "Work", "Website 1 - Value": "https://logcluster.org"},
        {"Name": "Estêvão Nhantumbo", "Given Name": "Estêvão", "Family Name": "Nhantumbo",
         "Group Membership": group, "E-mail 1 - Type": "* Work",
         "E-mail 1 - Value": "e.nhantumbo@ingd.gov.mz", "E-mail 2 - Type": "Home",
         "E-mail 2 - Value": "estevao.nhantumbo@gmail.com",
         "Phone 1 - Type": "Mobile", "Phone 1 - Value": "+258 86 123 4567",
         "Organization 1 - Name": "INGD", "Organization 1 - Title": "Delegado Provincial"},
        {"Name": "Fatuma Ali Hassan", "Given Name": "Fatuma", "Additional Name": "Ali",
         "Family Name": "Hassan", "Group Membership": group,
         "E-mail 1 - Type": "* Work", "E-mail 1 - Value": "fhassan@iom.int",
         "Phone 1 - Type": "Work", "Phone 1 - Value": "+258 87 654 3210",
         "Organization 1 - Name": "IOM", "Organization 1 - Title": "DTM Officer"},
        {"Name": "Sgt Maj Peter Okello", "Given Name": "Peter", "Family Name": "Okello",
         "Name Prefix": "Sgt Maj", "Group Membership": group,
         "Phone 1 - Type": "Mobile", "Phone 1 - Value": "+256 772 123 456",
         "Phone 3 - Type": "Satellite", "Phone 3 - Value": "+881631415926",
         "Organization 1 - Name": "SADC Mission in Mozambique",
         "Organization 1 - Title": "CIMIC NCO",
         "Notes": "Radio call sign: Oscar 4"},
        {"Name": "Nadia Rahman", "Given Name": "Nadia", "Family Name": "Rahman",
         "Group Membership": group, "E-mail 1 - Type": "* Work",
         "E-mail 1 - Value": "nadia.rahman@savethechildren.org",
         "Organization 1 - Name": "Save the Children",
         "Organization 1 - Title": "Child Protection Advisor"},
    ]
    return _csv(GOOGLE_LEGACY_HEADER, rows).encode("utf-8")


GOOGLE_2024_HEADER = _labels(
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,"
    "Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,"
    "Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value")


def google_contacts_2024() -> bytes:
    """Google Contacts "Google CSV" export in the layout written since 2023 (Labels)."""
    labels = "* myContacts ::: Cyclone Ana"
    rows = [
        {"First Name": "Aïssatou", "Last Name": "Ndiaye", "Organization Name": "OCHA",
         "Organization Title": "Civil-Military Coordination Officer", "Labels": labels,
         "E-mail 1 - Label": "* Work", "E-mail 1 - Value": "ndiayea@un.org",
         "Phone 1 - Label": "Mobile", "Phone 1 - Value": "+258 84 555 0199",
         "Phone 2 - Label": "Work", "Phone 2 - Value": "+41 22 917 1234"},
        {"First Name": "Tomás", "Middle Name": "Eduardo", "Last Name": "Mabote",
         "Organization Name": "Cruz Vermelha de Moçambique",
         "Organization Title": "Coordenador de Emergência", "Labels": labels,
         "E-mail 1 - Label": "* Work", "E-mail 1 - Value": "tmabote@redcross.org.mz",
         "Phone 1 - Label": "Mobile", "Phone 1 - Value": "+258 84 222 3344",
         "Notes": "Beira branch; speaks Sena and Portuguese"},
        {"First Name": "Rahul", "Last Name": "Sharma", "Organization Name": "UNDSS",
         "Organization Title": "Field Security Coordination Officer", "Labels": labels,
         "Phone 1 - Label": "Mobile", "Phone 1 - Value": "+258 82 765 4321",
         "Phone 2 - Label": "Satellite", "Phone 2 - Value": "+870 772 345 678",
         "Website 1 - Label": "", "Website 1 - Value": "https://dss.un.org"},
    ]
    return _csv(GOOGLE_2024_HEADER, rows).encode("utf-8")


OUTLOOK_HEADER = _labels(
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
    "Business Street,Business Street 2,Business Street 3,Business City,Business State,"
    "Business Postal Code,Business Country/Region,Home Street,Home Street 2,Home Street 3,"
    "Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other Street 2,"
    "Other Street 3,Other City,Other State,Other Postal Code,Other Country/Region,"
    "Assistant's Phone,Business Fax,Business Phone,Business Phone 2,Callback,Car Phone,"
    "Company Main Phone,Home Fax,Home Phone,Home Phone 2,ISDN,Mobile Phone,Other Fax,"
    "Other Phone,Pager,Primary Phone,Radio Phone,TTY/TDD Phone,Telex,Account,Anniversary,"
    "Assistant's Name,Billing Information,Birthday,Business Address PO Box,Categories,"
    "Children,Directory Server,E-mail Address,E-mail Type,E-mail Display Name,"
    "E-mail 2 Address,E-mail 2 Type,E-mail 2 Display Name,E-mail 3 Address,E-mail 3 Type,"
    "E-mail 3 Display Name,Gender,Government ID Number,Hobby,Home Address PO Box,Initials,"
    "Internet Free Busy,Keywords,Language,Location,Manager's Name,Mileage,Notes,"
    "Office Location,Organizational ID Number,Other Address PO Box,Priority,Private,"
    "Profession,Referred By,Sensitivity,Spouse,User 1,User 2,User 3,User 4,Web Page")
# Columns Outlook writes as "" when empty (the others are left bare), and the values it
# writes for a contact where nothing was entered.
_OUTLOOK_QUOTED_EMPTY = {"Title", "First Name", "Middle Name", "Last Name", "Suffix",
                         "Company", "Department", "Job Title", "Account", "Initials",
                         "Keywords", "Language", "Location"}
_OUTLOOK_DEFAULTS = {"Anniversary": "0/0/00", "Birthday": "0/0/00", "Gender": "Unspecified",
                     "Priority": "Normal", "Private": "False", "Sensitivity": "Normal"}


def _outlook_row(header: list[str], values: dict[str, str], *, quoted_empty: set[str],
                 defaults: dict[str, str]) -> str:
    cells = []
    for column in header:
        value = values.get(column, defaults.get(column, ""))
        if value or column in quoted_empty:
            cells.append('"' + value.replace('"', '""') + '"')
        else:
            cells.append("")
    return ",".join(cells)


def outlook_en() -> bytes:
    """Outlook for Windows, File > Open & Export > Export to a file > Comma Separated Values:
    every header quoted, Windows-1252 (the ANSI code page), CRLF, Outlook's default values."""
    people = [
        {"Title": "Mr.", "First Name": "João", "Middle Name": "Carlos", "Last Name": "Tembe",
         "Company": "INGD – Instituto Nacional de Gestão e Redução do Risco de Desastres",
         "Job Title": "Delegado Provincial", "Business City": "Beira",
         "Business Phone": "+258 23 32 1234", "Mobile Phone": "+258 84 312 0456",
         "Categories": "Government", "E-mail Address": "joao.tembe@ingd.gov.mz",
         "E-mail Type": "SMTP", "E-mail Display Name": "João Tembe (joao.tembe@ingd.gov.mz)",
         "Web Page": "www.ingd.gov.mz"},
        {"Title": "Ms.", "First Name": "Hélène", "Last Name": "Lefèvre", "Company": "OCHA",
         "Department": "Access and CMCoord", "Job Title": "Humanitarian Affairs Officer",
         "Business Phone": "+41 22 917 1234", "Mobile Phone": "+41 79 555 01 23",
         "E-mail Address": "lefevre@un.org", "E-mail Type": "SMTP",
         "E-mail Display Name": "Hélène Lefèvre (lefevre@un.org)",
         "E-mail 2 Address": "helene.lefevre@outlook.fr", "E-mail 2 Type": "SMTP",
         "E-mail 2 Display Name": "Hélène Lefèvre (helene.lefevre@outlook.fr)",
         "Notes": "Civil-military coordination focal point\r\nSpeaks French and Portuguese",
         "Categories": "UN"},
        {"Title": "Lt Col", "First Name": "Bongani", "Last Name": "Dlamini",
         "Company": "SANDF", "Job Title": "Military Liaison Officer",
         "Mobile Phone": "+27 82 555 0123", "Other Phone": "+870 773 112 345",
         "E-mail Address": "b.dlamini@sandf.example.za", "E-mail Type": "SMTP",
         "E-mail Display Name": "Bongani Dlamini (b.dlamini@sandf.example.za)",
         "Categories": "Military"},
        {"First Name": "Inês", "Last Name": "Macuácua", "Company": "Cruz Vermelha de Moçambique",
         "Job Title": "Coordenadora de Voluntários", "Business City": "Chimoio"},
        {"Title": "Dr.", "First Name": "Samuel", "Last Name": "Otieno", "Company": "IOM",
         "Job Title": "Migration Health Officer", "Business Fax": "+258 21 300 400",
         "E-mail Address": "sotieno@iom.int", "E-mail Type": "SMTP",
         "E-mail Display Name": "Samuel Otieno (sotieno@iom.int)"},
    ]
    lines = [",".join(f'"{column}"' for column in OUTLOOK_HEADER)]
    lines += [_outlook_row(OUTLOOK_HEADER, person, quoted_empty=_OUTLOOK_QUOTED_EMPTY,
                           defaults=_OUTLOOK_DEFAULTS) for person in people]
    return (CRLF.join(lines) + CRLF).encode("cp1252")


# French Outlook's header texts, as the platal project (Polytechnique.org, GPL-2.0+) lists
# them to write files French Outlook imports (its first "Nom" column, a full name it adds
# itself, left out). Note the trailing spaces of "Société " and "Service ", and "Titre" twice:
# the courtesy title, then the job title.
OUTLOOK_FR_HEADER = [
    "Titre", "Prénom", "Deuxième prénom", "Nom", "Suffixe", "Surnom", "Société ", "Service ",
    "Titre", "Rue (bureau)", "Rue (bureau) 2", "Rue (bureau) 3", "Ville (bureau)",
    "Dép/Région (bureau)", "Code postal (bureau)", "Pays (bureau)", "Rue (domicile)",
    "Rue (domicile) 2", "Rue (domicile) 3", "Ville (domicile)", "Dép/Région (domicile)",
    "Code postal (domicile)", "Pays (domicile)", "Rue (autre)", "Rue (autre) 2",
    "Rue (autre) 3", "Ville (autre)", "Dép/Région (autre)", "Code postal (autre)",
    "Pays (autre)", "Téléphone de l'assistant(e)", "Télécopie (bureau)", "Téléphone (bureau)",
    "Téléphone 2 (bureau)", "Rappel", "Téléphone (voiture)", "Téléphone société",
    "Télécopie (domicile)", "Téléphone (domicile)", "Téléphone 2 (domicile)", "RNIS",
    "Tél. mobile", "Télécopie (autre)", "Téléphone (autre)", "Récepteur de radiomessagerie",
    "Téléphone principal", "Radio téléphone", "Téléphone TDD/TTY", "Télex",
    "Adresse de messagerie", "Type de messagerie", "Nom complet de l'adresse de messagerie",
    "Adresse de messagerie 2", "Type de messagerie 2",
    "Nom complet de l'adresse de messagerie 2", "Adresse de messagerie 3",
    "Type de messagerie 3", "Nom complet de l'adresse de messagerie 3", "Anniversaire",
    "Anniversaire de mariage ou fête", "Autre boîte postale", "B.P. professionnelle",
    "Boîte postale du domicile", "Bureau", "Catégories", "Code gouvernement", "Compte",
    "Conjoint(e)", "Critère de diffusion", "Disponibilité Internet", "Emplacement", "Enfants",
    "Informations facturation", "Initiales", "Kilométrage", "Langue", "Mots clés",
    "Nom de l'assistant(e)", "Notes", "Numéro d'identification de l'organisation", "Page Web",
    "Passe-temps", "Priorité", "Privé", "Profession", "Recommandé par", "Responsable",
    "Serveur d'annuaire", "Sexe", "Utilisateur 1", "Utilisateur 2", "Utilisateur 3",
    "Utilisateur 4"]


def _cells(header: list[str], values: list[tuple[str, str]]) -> list[str]:
    """A row for a header that may repeat a label: (label, value) pairs fill the label's
    next occurrence ("Titre" first the courtesy title, then the job title)."""
    cells = [""] * len(header)
    used: dict[str, int] = {}
    for label, value in values:
        occurrence = used.get(label, 0)
        index = [i for i, h in enumerate(header) if h == label][occurrence]
        used[label] = occurrence + 1
        cells[index] = value
    return cells


def outlook_fr() -> bytes:
    """French Outlook's CSV export: the French header, Windows-1252, CRLF; every field
    quoted, as platal writes them."""
    people = [
        [("Titre", "M."), ("Prénom", "François"), ("Nom", "Kaboré"),
         ("Société ", "Action contre la Faim"), ("Service ", "Programmes"),
         ("Titre", "Chef de mission adjoint"), ("Tél. mobile", "+258 84 765 4321"),
         ("Adresse de messagerie", "f.kabore@actioncontrelafaim.org"),
         ("Type de messagerie", "SMTP"),
         ("Nom complet de l'adresse de messagerie", "François Kaboré"),
         ("Sexe", "Masculin")],
        [("Titre", "Mme"), ("Prénom", "Élodie"), ("Nom", "Rakotomalala"),
         ("Société ", "Médecins du Monde"), ("Titre", "Coordinatrice médicale"),
         ("Téléphone (bureau)", "+258 21 300 400"),
         ("Adresse de messagerie", "e.rakotomalala@medecinsdumonde.example.net"),
         ("Type de messagerie", "SMTP"),
         ("Nom complet de l'adresse de messagerie", "Élodie Rakotomalala"),
         ("Sexe", "Féminin")],
        [("Titre", "Col"), ("Prénom", "Jean-Pierre"), ("Nom", "Ngoma"),
         ("Société ", "FARDC"), ("Titre", "Officier de liaison"),
         ("Tél. mobile", "+243 81 555 1234"), ("Notes", "Indicatif radio : Kilo 2")],
    ]
    lines = [",".join(f'"{column}"' for column in OUTLOOK_FR_HEADER)]
    lines += [",".join(f'"{cell}"' for cell in _cells(OUTLOOK_FR_HEADER, person))
              for person in people]
    return (CRLF.join(lines) + CRLF).encode("cp1252")


# Thunderbird's CSV export: the header is importMsgs.properties strings 2100-2136 in the order
# of AddrBookUtils.exportAttributes (Screen Name after Secondary Email), no trailing comma,
# values quoted only when they hold a comma, tab, quote or line break, lines ended with CRLF
# on Windows.
THUNDERBIRD_HEADER = _labels(
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,"
    "Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,"
    "Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,"
    "Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,"
    "Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,"
    "Custom 3,Custom 4,Notes")


def thunderbird() -> bytes:
    """Thunderbird address book, Export > "Comma Separated (UTF-8)" on Windows."""
    rows = [
        {"First Name": "Ahmad", "Last Name": "Al-Hassan", "Display Name": "Ahmad Al-Hassan",
         "Primary Email": "ahmad.alhassan@un.org", "Secondary Email": "a.hassan@gmail.com",
         "Work Phone": "+41 22 917 3456", "Mobile Number": "+963 944 765 432",
         "Job Title": "Humanitarian Affairs Officer", "Department": "Access Unit",
         "Organization": "OCHA", "Notes": "Call sign: Alpha 7"},
        {"First Name": "Svitlana", "Last Name": "Melnyk", "Display Name": "Світлана Мельник",
         "Primary Email": "smelnyk@iom.int", "Mobile Number": "+380 67 765 4321",
         "Job Title": "Shelter Officer", "Organization": "IOM",
         "Work City": "Dnipro", "Work Country": "Ukraine"},
        {"First Name": "Moses", "Last Name": "Chirwa", "Display Name": "Moses Chirwa",
         "Primary Email": "moses.chirwa@careinternational.org",
         "Mobile Number": "+265 999 123 456", "Organization": "CARE International",
         "Job Title": "WASH Coordinator",
         "Notes": 'Says "call after 18:00", Beira office\nVHF channel 6'},
        {"First Name": "Grace", "Last Name": "Banda", "Display Name": "Grace Banda",
         "Organization": "Malawi Red Cross Society", "Job Title": "Volunteer Coordinator"},
        {"First Name": "Karim", "Last Name": "Haddad", "Display Name": "Karim Haddad",
         "Primary Email": "k.haddad@unhas.example.org", "Fax Number": "+258 21 482 200",
         "Organization": "UNHAS", "Job Title": "Flight Coordinator",
         "Web Page 1": "https://www.wfp.org/unhas", "Birth Year": "1979",
         "Birth Month": "4", "Birth Day": "23"},
    ]
    return _csv(THUNDERBIRD_HEADER, rows).encode("utf-8")


# The same export from a French Thunderbird (thunderbird-l10n fr/mail/chrome/messenger/
# importMsgs.properties): "Tél. professionnel " keeps its trailing space (\u0020 in the file)
# and "Ville", "Pays/État" and "Code postal" each head two columns.
THUNDERBIRD_FR_HEADER = [
    "Prénom", "Nom de famille", "Nom à afficher", "Surnom", "Adresse e-mail principale",
    "Adresse e-mail secondaire", "Nom de l’écran", "Tél. professionnel ", "Tél. personnel",
    "Fax", "Pager", "Portable", "Adresse privée", "Adresse privée 2", "Ville", "Pays/État",
    "Code postal", "Pays/Région (domicile)", "Adresse professionnelle",
    "Adresse professionnelle 2", "Ville", "Pays/État", "Code postal", "Pays/Région (bureau)",
    "Profession", "Service", "Société", "Site web 1", "Site web 2", "Année de naissance",
    "Mois", "Jour", "Divers 1", "Divers 2", "Divers 3", "Divers 4", "Notes"]


def thunderbird_fr() -> bytes:
    """French Thunderbird, Export > "Comma Separated (UTF-8)" on Windows."""
    rows = [
        [("Prénom", "Awa"), ("Nom de famille", "Traoré"), ("Nom à afficher", "Awa Traoré"),
         ("Adresse e-mail principale", "awa.traore@wfp.org"),
         ("Tél. professionnel ", "+258 21 482 200"), ("Portable", "+258 84 765 4321"),
         ("Ville", ""), ("Ville", "Maputo"), ("Pays/Région (bureau)", "Mozambique"),
         ("Profession", "Chargée de logistique"), ("Société", "PAM")],
        [("Prénom", "Olivier"), ("Nom de famille", "Mbemba"),
         ("Nom à afficher", "Cdt Olivier Mbemba"),
         ("Adresse e-mail principale", "o.mbemba@fardc.example.cd"),
         ("Portable", "+243 99 123 4567"), ("Ville", ""), ("Ville", "Goma"),
         ("Pays/Région (bureau)", "RDC"), ("Profession", "Officier CIMIC"),
         ("Société", "FARDC"), ("Notes", "Indicatif radio : Bravo 3")],
    ]
    lines = [",".join(THUNDERBIRD_FR_HEADER)]
    lines += [",".join(_quote_if_needed(cell) for cell in _cells(THUNDERBIRD_FR_HEADER, row))
              for row in rows]
    return (CRLF.join(lines) + CRLF).encode("utf-8")


def ukrainian_cp1251() -> bytes:
    """A contact list kept in Excel on Ukrainian Windows, saved as "CSV (роздільник – кома)":
    Windows-1251, the locale's list separator ";", CRLF, no BOM."""
    header = ["Name", "Organisation", "Position", "Mobile", "Email", "Location", "Notes"]
    rows = [
        {"Name": "Віталій Шевченко", "Organisation": "ДСНС України",
         "Position": "Офіцер зв'язку", "Mobile": "+380 67 123 4567",
         "Email": "v.shevchenko@dsns.gov.ua", "Location": "Дніпро"},
        {"Name": "Оксана Литвиненко", "Organisation": "Право на захист",
         "Position": "Юристка", "Mobile": "+380 50 123 4567",
         "Email": "o.lytvynenko@r2p.org.ua", "Location": "Харків",
         "Notes": "Консультації для ВПО; пн–пт"},
        {"Name": "Ігор Бондаренко", "Organisation": "ЗСУ",
         "Position": "Офіцер CIMIC", "Mobile": "+380 97 555 6677", "Location": "Запоріжжя",
         "Notes": "Позивний: Сокіл"},
        {"Name": "Мирослава Ґудзь", "Organisation": "Товариство Червоного Хреста України",
         "Position": "Координаторка волонтерів", "Mobile": "+380 63 222 3344",
         "Email": "m.gudz@redcross.org.ua", "Location": "Київ"},
    ]
    return _csv(header, rows, separator=";").encode("cp1251")


def hxl_partial_tags() -> bytes:
    """A cluster contact list shared on HDX: a header row, then a HXL hashtag row that tags
    most columns (with attributes), leaves two untagged and has one tag typed without '#'."""
    header = ["Name", "Organisation", "Position", "E-mail", "Mobile", "Satellite phone",
              "Duty station", "Call sign", "Comments", "Last updated"]
    tags = ["#contact+name", "#org+name", "#contact+role", "#contact+email",
            "#contact+phone+mobile", "#contact+phone+satellite", "#loc+name",
            "contact+callsign", "", ""]
    rows = [
        ["Amina Diallo", "WFP", "Logistics Officer", "amina.diallo@wfp.org",
         "+258 84 765 4321", "+881631415926", "Beira", "Papa Bravo 2", "", "2026-03-01"],
        ["Estêvão Nhantumbo", "INGD", "Delegado Provincial", "e.nhantumbo@ingd.gov.mz",
         "+258 86 123 4567", "", "Beira", "", "Government focal point", "2026-03-01"],
        ["Rahul Sharma", "UNDSS", "Field Security Coordination Officer", "",
         "+258 82 765 4321", "+870 772 345 678", "Chimoio", "Sierra 1", "", "2026-02-27"],
        ["Maj. Thabo Mokoena", "SAMIM", "CIMIC Officer", "t.mokoena@samim.example.org",
         "+27 82 555 0123", "+8816 2345 6789", "Pemba", "Zulu 5",
         "Liaison for military assets", "2026-02-25"],
        ["Nadia Rahman", "Save the Children", "Child Protection Advisor",
         "nadia.rahman@savethechildren.org", "+258 84 222 3344", "", "Beira", "", "",
         "2026-02-20"],
    ]
    lines = [",".join(_quote_if_needed(c) for c in line) for line in [header, tags, *rows]]
    return (CRLF.join(lines) + CRLF).encode("utf-8")


def hxl_3w() -> bytes:
    """A HXL 3W (who does what where) as clusters publish them on HDX."""
    header = ["Organisation", "Organisation type", "Sector", "Sub-sector", "Activity",
              "Province", "District", "Status", "Start date", "End date", "People reached"]
    tags = ["#org+name", "#org+type", "#sector+cluster", "#subsector", "#activity+description",
            "#adm1+name", "#adm2+name", "#status", "#date+start", "#date+end", "#reached+ind"]
    rows = [
        ["WFP", "UN agency", "Food Security", "General food distribution",
         "In-kind food assistance", "Sofala", "Beira", "Ongoing", "2026-03-01", "2026-06-30",
         "12500"],
        ["UNICEF", "UN agency", "WASH", "Water trucking", "Emergency water supply",
         "Sofala", "Dondo", "Ongoing", "2026-03-03", "2026-04-30", "8200"],
        ["Cruz Vermelha de Moçambique", "National NGO", "Shelter", "Emergency shelter",
         "Distribution of shelter kits", "Manica", "Chimoio", "Planned", "2026-03-10",
         "2026-05-31", "0"],
        ["MSF", "International NGO", "Health", "Cholera treatment", "Cholera treatment unit",
         "Sofala", "Beira", "Ongoing", "2026-03-05", "", "1430"],
    ]
    lines = [",".join(_quote_if_needed(c) for c in line) for line in [header, tags, *rows]]
    return (CRLF.join(lines) + CRLF).encode("utf-8")


def hxl_health_facilities() -> bytes:
    """A HXL list of health facilities with coordinates (as health clusters share them)."""
    header = ["Facility name", "Facility type", "Province", "District", "Latitude",
              "Longitude", "Beds", "Status", "Operator"]
    tags = ["#loc+name", "#loc+type", "#adm1+name", "#adm2+name", "#geo+lat", "#geo+lon",
            "#capacity+beds", "#status", "#org+name"]
    rows = [
        ["Hospital Central da Beira", "Central hospital", "Sofala", "Beira", "-19.8436",
         "34.8389", "800", "Functional", "MISAU"],
        ["Centro de Saúde de Macurungo", "Health centre", "Sofala", "Beira", "-19.8291",
         "34.8622", "12", "Partly functional", "MISAU"],
        ["Hospital Rural de Búzi", "Rural hospital", "Sofala", "Búzi", "-19.8741", "34.6097",
         "110", "Damaged", "MISAU"],
        ["CTC Munhava", "Cholera treatment centre", "Sofala", "Beira", "-19.8125",
         "34.8583", "60", "Functional", "MSF"],
    ]
    lines = [",".join(_quote_if_needed(c) for c in line) for line in [header, tags, *rows]]
    return (CRLF.join(lines) + CRLF).encode("utf-8")


# Public sample, copied verbatim: libhxl-python, tests/files/test_parser/input-fuzzy.csv
# (https://github.com/HXLStandard/libhxl-python, released into the public domain under the
# Unlicense). A Spanish 3W whose hashtag row has two cells that are not hashtags.
LIBHXL_FUZZY = (
    "Qué?,,,Quién?,Para quién?,,Dónde?,Cuándo?\n"
    "Registro,Sector/Cluster,Subsector,Organización,Hombres,Mujeres,País,"
    "Departamento/Provincia/Estado\n"
    ",#sector+es,#subsector+es,#org+es,#targeted+f,#targeted+f,country,adm1\n"
    "001,WASH,Higiene,ACNUR,100,100,Panamá,Los Santos,1 March 2015\n"
    "002,Salud,Vacunación,OMS,,,Colombia,Cauca,\n"
    "003,Educación,Formación de enseñadores,UNICEF,250,300,Colombia,Chocó,\n"
    "004,WASH,Urbano,OMS,80,95,Venezuela,Amazonas,\n")


def hxl_3w_libhxl_fuzzy() -> bytes:
    """libhxl-python's own test file for a partly tagged hashtag row (public domain)."""
    return LIBHXL_FUZZY.encode("utf-8")


def broken_one_row() -> bytes:
    """A sheet saved by Excel as "CSV UTF-8 (Comma delimited)" (BOM, CRLF) after someone
    typed a comma into one cell of a text editor copy: one row has a field too many."""
    lines = [
        "Name,Organisation,Role,Phone,Email",
        "Lucía Fernández,ACNUR,Protection Officer,+258 84 765 4321,fernandl@unhcr.org",
        "Ibrahim Musa,Islamic Relief,Programme Manager,+258 86 123 4567,"
        "ibrahim.musa@islamic-relief.example.org",
        "Ana Sitoe,Save the Children, Mozambique,Child Protection Officer,+258 84 222 3344,"
        "ana.sitoe@savethechildren.org",
        "Paulo Cossa,World Vision,Logistics Assistant,+258 87 654 3210,"
        "paulo_cossa@wvi.org",
    ]
    return b"\xef\xbb\xbf" + (CRLF.join(lines) + CRLF).encode("utf-8")


FILES: dict[str, Callable[[], bytes]] = {
    "android_21_qp.vcf": android_21_qp,
    "android_21_cp1251.vcf": android_21_cp1251,
    "iphone_30.vcf": iphone_30,
    "shift_jis.vcf": shift_jis,
    "fn_and_n.vcf": fn_and_n,
    "google_contacts.csv": google_contacts,
    "google_contacts_2024.csv": google_contacts_2024,
    "outlook_en.csv": outlook_en,
    "outlook_fr.csv": outlook_fr,
    "thunderbird.csv": thunderbird,
    "thunderbird_fr.csv": thunderbird_fr,
    "ukrainian_cp1251.csv": ukrainian_cp1251,
    "hxl_partial_tags.csv": hxl_partial_tags,
    "hxl_3w.csv": hxl_3w,
    "hxl_health_facilities.csv": hxl_health_facilities,
    "hxl_3w_libhxl_fuzzy.csv": hxl_3w_libhxl_fuzzy,
    "broken_one_row.csv": broken_one_row,
}


def build() -> dict[str, bytes]:
    """Every corpus file's name and bytes."""
    return {name: make() for name, make in FILES.items()}


def main() -> None:
    for name, data in build().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
