"""Contacts core figures on the 100k-contact profile: `python -m bench.contacts_core`.

No Qt: the queries a lazy table model makes, a 10,000-card vCard import and the contact
sheet PDF. Targets: filter_p95_ms <= 50 (per keystroke: count + first page), sort_ms <=
300 (first page of each column), import_vcard_10k_s <= 10, import_outlook_csv_10k_s <= 10
(10,000 rows as Outlook's "Export to a file > Comma Separated Values" writes them: every
one of its 92 columns quoted, Windows-1252, so the encoding is detected too),
contact_sheet_pdf_s <= 2.
The UI-level figures come from bench.contacts.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import tempfile
import time
from pathlib import Path

from bench.common import BIG_PROFILE, ensure_big_profile, percentile
from fieldapp.db import Database
from fieldapp.importexport.contacts import apply_import, preview_import
from fieldapp.importexport.contacts_export import export_vcard
from fieldapp.paths import resolve_profile
from fieldapp.pdf.contacts import contact_sheet_pdf
from fieldapp.progress import Progress
from fieldapp.services.contacts import SORTS, contact_count, contact_page
from fieldapp.services.operations import current_operation

PAGE = 200
OUTLOOK_HEADER = (  # noqa: SIM905 - the header as Outlook writes it, one line
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
    "Profession,Referred By,Sensitivity,Spouse,User 1,User 2,User 3,User 4,Web Page"
).split(",")
_GIVEN = ("Amélie", "Jean-François", "Bintou", "Mamadou", "Hélène", "Oumar", "Aïssata",
          "Kouassi", "Fatoumata", "Léon")
_FAMILY = ("Traoré", "Diallo", "Kaboré", "Ouédraogo", "Sawadogo", "Coulibaly", "Koné",
           "Dembélé", "Ndiaye", "Bâ")
_COMPANIES = ("PAM", "UNICEF", "OCHA", "MSF", "CICR", "Forces armées", "Protection civile")


def outlook_csv(count: int, *, seed: int = 5) -> bytes:
    """`count` contacts as Outlook's CSV export writes them (Windows-1252, CRLF, quoted)."""
    rng = random.Random(seed)
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(OUTLOOK_HEADER)
    at = {name: index for index, name in enumerate(OUTLOOK_HEADER)}
    for n in range(count):
        row = [""] * len(OUTLOOK_HEADER)
        given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        row[at["First Name"]], row[at["Last Name"]] = given, f"{family} {n}"
        row[at["Company"]] = rng.choice(_COMPANIES)
        row[at["Job Title"]] = "Chargé de liaison"
        row[at["Mobile Phone"]] = f"+226 70 {n // 10000 % 100:02d} {n // 100 % 100:02d} " \
            f"{n % 100:02d}"
        row[at["Business Phone"]] = f"+41 22 {700 + n // 10000:03d} {n // 100 % 100:02d} " \
            f"{n % 100:02d}"  # each row its own number: a shared one would match rows
        row[at["E-mail Address"]] = f"contact{n}@example.org"
        row[at["E-mail Type"]] = "SMTP"
        row[at["E-mail Display Name"]] = f"{given} {family} (contact{n}@example.org)"
        row[at["Business City"]] = "Ouagadougou"
        row[at["Notes"]] = "Rencontré à la réunion de coordination."
        row[at["Priority"]], row[at["Private"]] = "Normal", "False"
        row[at["Sensitivity"]], row[at["Initials"]] = "Normal", f"{given[0]}.{family[0]}."
        row[at["Gender"]] = "Unspecified"
        writer.writerow(row)
    return out.getvalue().encode("cp1252")

def _keystrokes(session, op_id: str | None, rng: random.Random) -> list[str]:
    names = [r.name for r in contact_page(session, operation_id=op_id, offset=0, limit=5000)]
    typed: list[str] = []
    for name in rng.sample(names, 10):
        typed += [name[:n] for n in range(1, len(name) + 1)]
    return typed


def run(profile: Path) -> dict[str, object]:
    """Measure and return the figures."""
    db = Database.open(resolve_profile(profile))
    rng = random.Random(11)
    figures: dict[str, object] = {}
    with db.session() as session:
        operation = current_operation(session)
        op_id = operation.id if operation else None
        figures["contacts"] = contact_count(session, operation_id=op_id)
        keys = _keystrokes(session, op_id, rng)
        timings = []
        for typed in keys:
            start = time.perf_counter()
            contact_count(session, operation_id=op_id, text=typed)
            contact_page(session, operation_id=op_id, text=typed, offset=0, limit=PAGE)
            timings.append((time.perf_counter() - start) * 1000)
        figures["keystrokes"] = len(timings)
        figures["filter_p95_ms"] = round(percentile(timings, 95), 1)
        figures["filter_max_ms"] = round(max(timings), 1)
        sort_ms = {}
        for column in SORTS:
            start = time.perf_counter()
            contact_page(session, operation_id=op_id, sort=column, descending=True,
                         offset=0, limit=PAGE)
            sort_ms[column] = round((time.perf_counter() - start) * 1000, 1)
        figures["sort_ms"] = sort_ms
        figures["sort_max_ms"] = max(sort_ms.values())
        start = time.perf_counter()
        contact_page(session, operation_id=op_id, offset=max(0, figures["contacts"] - PAGE),
                     limit=PAGE)
        figures["last_page_ms"] = round((time.perf_counter() - start) * 1000, 1)
        vcard = export_vcard(session, operation_id=op_id, limit=10_000)
    figures["import_vcard_10k_s"] = import_seconds(vcard)
    figures["import_outlook_csv_10k_s"] = import_seconds(outlook_csv(10_000))
    figures["contact_sheet_pdf_s"] = sheet_seconds(db, op_id)
    db.close()
    figures["targets"] = {"filter_p95_ms": 50, "sort_ms": 300, "import_vcard_10k_s": 10,
                          "import_outlook_csv_10k_s": 10, "contact_sheet_pdf_s": 2}
    return figures


def import_seconds(data: bytes) -> float:
    """Preview and write a whole contacts file into a new profile: the seconds it took."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(resolve_profile(Path(tmp)))
        start = time.perf_counter()
        with db.transaction() as session:
            preview = preview_import(session, data, operation_id=None)
            if len(preview.to_add) < 9_900:
                raise RuntimeError(f"only {len(preview.to_add)} rows to add; rejected: "
                                   f"{preview.rejected[:3]}")
            apply_import(session, preview, {}, progress=Progress())
        seconds = time.perf_counter() - start
        db.close()
    return round(seconds, 2)


def sheet_seconds(db: Database, op_id: str | None) -> float:
    with db.session() as session:
        start = time.perf_counter()
        contact_sheet_pdf(session, operation_id=op_id, limit=500)
        return round(time.perf_counter() - start, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", type=Path, default=BIG_PROFILE)
    args = parser.parse_args()
    print(json.dumps(run(ensure_big_profile(args.profile)), indent=2))


if __name__ == "__main__":
    main()
