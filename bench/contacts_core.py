"""Contacts core figures on the 100k-contact profile: `python -m bench.contacts_core`.

No Qt: the queries a lazy table model makes, a 10,000-card vCard import and the contact
sheet PDF. Targets: filter_p95_ms <= 50 (per keystroke: count + first page), sort_ms <=
300 (first page of each column), import_vcard_10k_s <= 10, contact_sheet_pdf_s <= 2.
The UI-level figures come from bench.contacts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shutil
import sqlite3
import tempfile
import time
import uuid
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
GIVEN = ["Amina", "Jean", "María", "Olga", "Kwame", "Élodie", "Rahul", "Fatima", "Chen",
         "Lars", "Nadia", "Pedro", "Aisha", "Tomás", "Yuki", "Ibrahim", "Sofia", "Omar",
         "Grace", "Dmitri", "Leila", "Samuel", "Ingrid", "Hassan", "Lucía", "Moussa"]
FAMILY = ["Diallo", "Dupont", "García", "Ivanova", "Mensah", "Sécurité", "Sharma", "Haddad",
          "Wei", "Nilsson", "Khalil", "Santos", "Bello", "Herrera", "Tanaka", "Traoré",
          "Rossi", "Farouk", "Okafor", "Petrov", "Mansour", "Kamau", "Berg", "Nasser",
          "Fernández", "Keita", "Moreau", "Schmidt", "Novak", "Abebe", "Quispe", "Lindqvist"]
ROLES = ["Logistics officer", "Civil-military coordination officer", "Cluster coordinator",
         "Liaison officer", "Head of office", "Security adviser", "Medical coordinator",
         "Information manager", "Operations officer", "Water engineer", "Air operations"]
ORG_TYPES = ["un_agency", "ngo", "red_cross_red_crescent", "host_government",
             "national_military", "foreign_military", "civil_defence", "donor", "other"]


def make_contacts_profile(path: Path, *, contacts: int = 100_000, seed: int = 3) -> Path:
    """A profile with one operation and `contacts` contacts, when bench.make_data is absent."""
    if path.exists():
        shutil.rmtree(path)
    paths = resolve_profile(path)
    Database.open(paths).close()
    rng = random.Random(seed)
    op_id = str(uuid.uuid4())
    conn = sqlite3.connect(paths.database)
    now = "2026-01-01 00:00:00.000000"
    conn.execute(
        "INSERT INTO operations (id, operation_id, name, code, country, kind, hc_rc, status, "
        "timezone, notes, updated_at, deleted) VALUES (?, ?, 'Cyclone Bench', 'BEN', 'MOZ', "
        "'natural_disaster', '', 'active', 'UTC', '', ?, 0)", (op_id, op_id, now))
    conn.execute("INSERT INTO settings (key, value) VALUES ('current_operation_id', ?)", (op_id,))
    orgs = []
    for number in range(400):
        org_id = str(uuid.uuid4())
        orgs.append(org_id)
        conn.execute(
            "INSERT INTO organisations (id, operation_id, name, acronym, org_type, country, "
            "notes, updated_at, deleted) VALUES (?, ?, ?, ?, ?, '', '', ?, 0)",
            (org_id, op_id if number % 2 else None, f"Organisation {number} {rng.choice(FAMILY)}",
             f"O{number}", rng.choice(ORG_TYPES), now))
    rows = []
    for number in range(contacts):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY) + str(number % 97 or "")
        phones = [{"kind": "mobile", "number": f"+25882{rng.randrange(10**7):07d}", "valid": True}]
        if number % 5 == 0:
            phones.append({"kind": "satellite", "number": f"+8816{rng.randrange(10**8):08d}",
                           "valid": True})
        emails = [f"{given.lower()}.{family.lower()}{number}@example.org"]
        rows.append((str(uuid.uuid4()), op_id if number % 3 else None, given, family,
                     rng.choice(orgs), rng.choice(ROLES), json.dumps(phones),
                     json.dumps(emails), "", f"Papa {number % 50}" if number % 7 == 0 else "",
                     "", "", "", number % 50 == 0, now))
    conn.executemany(
        "INSERT INTO contacts (id, operation_id, given_name, family_name, organisation_id, "
        "role, phones, emails, satellite_phone, call_sign, location, languages, notes, "
        "favourite, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        rows)
    conn.commit()
    conn.close()
    return path


def _profile(path: Path) -> Path:
    if importlib.util.find_spec("bench.make_data") is not None:
        return ensure_big_profile(path)
    if not (path / "fieldkit.sqlite").exists():
        make_contacts_profile(path)
    return path


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
    figures["import_vcard_10k_s"] = _import_seconds(vcard)
    figures["contact_sheet_pdf_s"] = _sheet_seconds(db, op_id)
    db.close()
    figures["targets"] = {"filter_p95_ms": 50, "sort_ms": 300, "import_vcard_10k_s": 10,
                          "contact_sheet_pdf_s": 2}
    return figures


def _import_seconds(vcard: bytes) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(resolve_profile(Path(tmp)))
        start = time.perf_counter()
        with db.transaction() as session:
            preview = preview_import(session, vcard, operation_id=None)
            apply_import(session, preview, {}, progress=Progress())
        seconds = time.perf_counter() - start
        db.close()
    return round(seconds, 2)


def _sheet_seconds(db: Database, op_id: str | None) -> float:
    with db.session() as session:
        start = time.perf_counter()
        contact_sheet_pdf(session, operation_id=op_id, limit=500)
        return round(time.perf_counter() - start, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", type=Path, default=BIG_PROFILE)
    args = parser.parse_args()
    print(json.dumps(run(_profile(args.profile)), indent=2))


if __name__ == "__main__":
    main()
