"""RFA speed: `python -m bench.rfa`.

list_filter_p95_ms: one page of the RFA list (filters and sort as an officer uses them)
and its count on the 10,000-request profile (target <= 50 ms). The PDF figures come
from bench.rfa_pdf: pdf_p95_ms (single RFA with long texts and ten history entries;
target <= 150 ms) and log_pdf_10k_s (target <= 10 s).

print_seconds: Print of a two-page RFA as the screen does it, form built and sent to a
PDF printer (vector pages; target <= 2 s). print_rendered_seconds: the same two pages
rendered in bands at 600 dpi, what a printer without a PDF route (Windows) receives.

match_20k_p95_ms: "Find matching assets" for a request whose category has 20,000
available assets in the directory, every one weighed (capacity and distance) and the 50
best loaded (target <= 500 ms: it runs as a background task, but should feel immediate).

The profile is encrypted, as the application keeps it (an encrypted copy is made the first
time); `--plain` measures the plain file. The matching figure uses a new plain profile.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import tempfile
import time
from pathlib import Path

from bench.common import BIG_PROFILE, ensure_big_profile, open_profile, percentile
from bench.rfa_pdf import SENTENCE, bench_log_pdf, bench_single_pdf, sample_document
from fieldapp.db import Database
from fieldapp.models.enums import AssetCategory, RfaPriority, RfaStatus
from fieldapp.paths import resolve_profile
from fieldapp.pdf.rfa import RfaDocument, rfa_pdf
from fieldapp.services.operations import current_operation
from fieldapp.services.rfa import SORT_COLUMNS, RfaFilter, count_rfas, list_rfas

PAGE = 200


def _filters(rng: random.Random, count: int) -> list[tuple[RfaFilter, str, bool]]:
    words = ["water", "airlift", "bridge", "fuel", "medical", "road", "he", "tr", "evac"]
    cases = []
    for _ in range(count):
        where = RfaFilter(
            statuses=tuple(rng.sample(list(RfaStatus), rng.choice([0, 0, 1, 2]))),
            priorities=tuple(rng.sample(list(RfaPriority), rng.choice([0, 0, 1]))),
            capability=rng.choice(["", "", ""] + list(AssetCategory)),
            text=rng.choice(["", "", ""] + words),
        )
        cases.append((where, rng.choice(list(SORT_COLUMNS)), rng.random() < 0.3))
    return cases


def bench_list(profile: Path, *, count: int = 200, encrypted: bool = True
               ) -> dict[str, float]:
    """Time filtered, sorted first pages of the RFA list with their counts."""
    db = open_profile(profile, encrypted=encrypted)
    timings = []
    with db.session() as session:
        operation = current_operation(session)
        assert operation is not None, "the profile has no current operation"
        for where, sort, descending in _filters(random.Random(5), count):
            start = time.perf_counter()
            list_rfas(session, operation_id=operation.id, where=where, sort=sort,
                      descending=descending, limit=PAGE)
            count_rfas(session, operation_id=operation.id, where=where)
            timings.append((time.perf_counter() - start) * 1000)
    db.close()
    return {"list_filter_p50_ms": round(percentile(timings, 50), 2),
            "list_filter_p95_ms": round(percentile(timings, 95), 2),
            "target_list_filter_p95_ms": 50}


def two_page_document() -> RfaDocument:
    """The long sample request cut to what fills two pages: a typical printed RFA."""
    doc = sample_document()
    values = dict(doc.values, task_description=SENTENCE * 3, civilian_means_tried=SENTENCE,
                  last_resort_justification=SENTENCE * 2, security_considerations=SENTENCE,
                  remarks=SENTENCE)
    return dataclasses.replace(doc, values=values, history=doc.history[:4])


def bench_print(*, count: int = 5) -> dict[str, float]:
    """Time printing a two-page RFA: to a PDF printer, and rendered in bands."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from ui.widgets.pdf_preview import load_document, paint_in_bands, print_pdf

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - printing needs one
    doc = two_page_document()
    folder = Path(tempfile.mkdtemp(prefix="bench-print-"))

    def printer(name: str) -> QPrinter:
        out = QPrinter(QPrinter.PrinterMode.HighResolution)
        out.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out.setOutputFileName(str(folder / name))
        out.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        return out

    vector, rendered = [], []
    for number in range(count):
        start = time.perf_counter()
        sent = print_pdf(rfa_pdf(doc), printer(f"vector{number}.pdf"), None)
        vector.append(time.perf_counter() - start)
        assert sent == (2, str(folder / f"vector{number}.pdf"), True), sent
        start = time.perf_counter()
        document, _buffer = load_document(rfa_pdf(doc), None)
        assert paint_in_bands(document, printer(f"bands{number}.pdf"), [0, 1]) == 2
        rendered.append(time.perf_counter() - start)
        document.close()
    return {"print_seconds": round(percentile(vector, 95), 3),
            "print_rendered_seconds": round(percentile(rendered, 95), 3),
            "print_rendered_bytes": (folder / "bands0.pdf").stat().st_size,
            "target_print_seconds": 2}


def bench_matching(*, assets: int = 20_000, count: int = 20) -> dict[str, float]:
    """Time matching one request against a directory of `assets` candidates."""
    from datetime import datetime, timedelta

    from fieldapp.models.asset import Asset
    from fieldapp.models.rfa import Rfa
    from fieldapp.services.operations import OperationInput, create_operation
    from fieldapp.services.rfa import matching_assets

    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="bench-match-"))
    db = Database.open(resolve_profile(folder / "profile"))
    with db.transaction() as session:
        operation = create_operation(session, OperationInput(
            name="Cyclone", code="CYC", country="MOZ", timezone="Africa/Maputo"))
        operation_id = operation.id
    units = ["t", "t per sortie", "passengers", "kg", "m3", "L per day", ""]
    with db.transaction() as session:
        session.execute(Asset.__table__.insert(), [
            {"id": f"bench-asset-{n}", "operation_id": operation_id,
             "category": "airlift_helicopter", "status": "available", "deleted": False,
             "provider_unit": f"Unit {n}",
             "quantity": rng.randint(1, 4), "capacity_value": rng.choice([None, 2.5, 4, 12]),
             "capacity_unit": rng.choice(units),
             "latitude": rng.uniform(-26, -10), "longitude": rng.uniform(31, 40)}
            for n in range(assets)])
    start_day = datetime(2026, 3, 1, 6, 0)
    rfa = Rfa(operation_id=operation_id, capability="airlift_helicopter", cargo_tonnes=6.0,
              from_lat=-19.8, from_lon=34.8, required_from=start_day,
              required_until=start_day + timedelta(days=7))
    timings = []
    with db.session() as session:
        for _ in range(count):
            start = time.perf_counter()
            found = matching_assets(session, rfa)
            timings.append((time.perf_counter() - start) * 1000)
    assert len(found) == 50, len(found)
    db.close()
    return {"match_20k_p95_ms": round(percentile(timings, 95), 1),
            "target_match_20k_p95_ms": 500}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", type=Path, default=BIG_PROFILE)
    parser.add_argument("--plain", action="store_true", help="the unencrypted profile")
    args = parser.parse_args()
    encrypted = not args.plain
    figures: dict[str, object] = {"encrypted": encrypted}
    figures |= bench_list(ensure_big_profile(args.profile), encrypted=encrypted)
    figures |= bench_single_pdf()
    figures |= bench_log_pdf(args.profile, encrypted=encrypted)
    figures |= bench_print()
    figures |= bench_matching()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
