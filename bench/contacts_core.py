"""Contacts core figures on the 100k-contact profile: `python -m bench.contacts_core`.

No Qt: the queries a lazy table model makes, a 10,000-card vCard import and the contact
sheet PDF. Targets: filter_p95_ms <= 50 (per keystroke: count + first page), sort_ms <=
300 (first page of each column), import_vcard_10k_s <= 10, contact_sheet_pdf_s <= 2.
The UI-level figures come from bench.contacts.
"""

from __future__ import annotations

import argparse
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
    figures["contact_sheet_pdf_s"] = sheet_seconds(db, op_id)
    db.close()
    figures["targets"] = {"filter_p95_ms": 50, "sort_ms": 300, "import_vcard_10k_s": 10,
                          "contact_sheet_pdf_s": 2}
    return figures


def import_seconds(vcard: bytes) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(resolve_profile(Path(tmp)))
        start = time.perf_counter()
        with db.transaction() as session:
            preview = preview_import(session, vcard, operation_id=None)
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
