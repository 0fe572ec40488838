"""RFA PDF speed (run through `python -m bench.rfa`, or alone: `python -m bench.rfa_pdf`).

pdf_p95_ms: the form of one request with long texts (about 6,000 characters over the
task, justification, security and remarks) and ten history entries, built from loaded
data (target <= 150 ms). log_pdf_10k_s: the RFA log of the 10,000-request profile,
read and laid out (target <= 10 s). The profile is only read; it is encrypted, as the
application keeps it (an encrypted copy is made the first time); `--plain` reads the
plain file.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import timedelta
from pathlib import Path

from bench.common import BIG_PROFILE, ensure_big_profile, open_profile, percentile
from fieldapp.models import utcnow
from fieldapp.pdf.rfa import HistoryLine, RfaDocument, rfa_pdf
from fieldapp.pdf.rfa_log import load_log, log_pdf
from fieldapp.services.operations import current_operation

SENTENCE = ("Roads to the coast are cut and the bridge at Kilometre 42 is down; UNHAS "
            "cannot land at the damaged strip. Médecins Sans Frontières and Иван Петров "
            "(IFRC) report 3,000 people without safe water. ")


def sample_document() -> RfaDocument:
    """A long request with ten history entries, as the officer would print it."""
    now = utcnow()
    statuses = ["draft", "submitted", "returned", "submitted", "validated", "draft",
                "submitted", "validated", "passed_to_military", "tasked"]
    history = [HistoryLine(now - timedelta(hours=10 - n), statuses[n - 1] if n else "",
                           status, "Officer Amélie Durand", SENTENCE[: 60 + 15 * n])
               for n, status in enumerate(statuses)]
    values = {
        "title": "Airlift of water purification units to Isla Verde", "cluster": "WASH",
        "capability": "airlift_helicopter", "priority": "life_saving",
        "task_description": SENTENCE * 12, "last_resort_justification": SENTENCE * 10,
        "civilian_means_tried": SENTENCE * 3, "security_considerations": SENTENCE * 6,
        "remarks": SENTENCE * 4, "from_place": "Port Amara", "to_place": "Isla Verde",
        "from_lat": -19.8, "from_lon": 34.8, "to_lat": -20.1, "to_lon": 35.2,
        "required_from": now + timedelta(days=1), "required_until": now + timedelta(days=3),
        "passengers": 6, "cargo_tonnes": 4.0, "cargo_m3": 12.5, "capability_unique": True,
    }
    return RfaDocument(
        operation_name="Cyclone Mara response", operation_code="MYC",
        timezone="Africa/Maputo", hc_rc="Jeanne Dupré", reference="MYC-07-0042",
        status="tasked", values=values, organisation="World Food Programme (WFP)",
        contact="Ana Silva\nLogistics officer, WFP\nmobile +258 84 123 4567",
        proposed_assets=["Airlift (helicopter): 2 × Mi-8 MTV, 4 t (RUS EMERCOM) — Selvane"] * 3,
        tasked_asset="Airlift (helicopter): 2 × Mi-8 MTV, 4 t (RUS EMERCOM) — Selvane",
        history=history)


def bench_single_pdf(*, count: int = 30) -> dict[str, float]:
    """Time building the form of one long request."""
    doc = sample_document()
    rfa_pdf(doc)  # fonts and caches warm, as in a running application
    timings = []
    for _ in range(count):
        start = time.perf_counter()
        rfa_pdf(doc)
        timings.append((time.perf_counter() - start) * 1000)
    return {"pdf_p50_ms": round(percentile(timings, 50), 1),
            "pdf_p95_ms": round(percentile(timings, 95), 1), "target_pdf_p95_ms": 150}


def bench_log_pdf(profile: Path = BIG_PROFILE, *, encrypted: bool = True
                  ) -> dict[str, float]:
    """Time reading and printing the log of every request of the big profile."""
    db = open_profile(ensure_big_profile(profile), encrypted=encrypted)
    with db.session() as session:
        operation = current_operation(session)
        assert operation is not None, "the profile has no current operation"
        start = time.perf_counter()
        log = load_log(session, operation_id=operation.id)
        data = log_pdf(log)
        elapsed = time.perf_counter() - start
    db.close()
    return {"log_pdf_10k_s": round(elapsed, 2), "log_rows": len(log.rows),
            "log_pdf_bytes": len(data), "target_log_pdf_10k_s": 10}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", type=Path, default=BIG_PROFILE)
    parser.add_argument("--plain", action="store_true", help="the unencrypted profile")
    args = parser.parse_args()
    encrypted = not args.plain
    print(json.dumps({"encrypted": encrypted} | bench_single_pdf()
                     | bench_log_pdf(args.profile, encrypted=encrypted), indent=2))


if __name__ == "__main__":
    main()
