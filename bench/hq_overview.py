"""The cross-operation overview of RFAs under load: `python -m bench.hq_overview [--pg URL]
[--sqlite] [--operations N] [--per-operation N] [--runs N]`, prints JSON.

PostgreSQL by default (postgresql+psycopg://postgres@127.0.0.1:5432/test, in a fresh
schema dropped afterwards); `--sqlite` uses a SQLite file instead. 50 operations × 2,000
RFAs (100,000) with their status histories are generated (`generate`), written to
`row_states` in bulk and projected with HQ's own `hq.overview.project_rfas`, as a push
would, in batches. Then a signed-in coordinator GETs /overview, with and without filters
and pages, and one operation's page, over real HTTP against the real app served by
uvicorn in a thread (keep-alive, one client): p50/p95/max per page, as pages are read
again and again ("pages": the answers the page keeps until the next push of a request,
see hq.overview.OverviewCache) and right after such a push ("pages_after_a_write": every
figure computed again). Target: p95 <= 200 ms.

Hooks for the other parts of issue 18, reported as "not available" when absent:
`bench.hq_register.seed(db, 20000)` and `search_figures(db)` ("register_search"), and
`bench.hq_register_sync.download_figures(url)` ("register_download").

`generate` and `load_rows` also fill the tests (tests/sync/test_hq_overview.py) and the
screenshot script (`--shots DIR`).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert

from fieldapp.labels import CLUSTERS
from fieldapp.models.enums import AssetCategory, RfaPriority
from hq.db import HqDatabase
from hq.models import RowState
from hq.overview import project_rfas

FINAL = frozenset({"completed", "rejected", "cancelled"})
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TARGET_P95_MS = 200.0
# Titles as officers write them, in the languages of the operations.
TITLES = (
    "Airlift of medical supplies to Port Marovia", "Helicopter evacuation of injured",
    "إجلاء جوي للجرحى من المنطقة الشمالية", "نقل مياه الشرب إلى المخيمات",
    "Доставка палаток в район наводнения", "Инженерная разведка мостов",
    "向灾区空运医疗物资", "搜救队支援倒塌建筑", "Water purification units for camps",
    "Road clearance on the coastal highway", "Field hospital power generation",
)
# Where each request stops in its life (weights): the lifecycle of fieldapp.services.rfa.
PATHS = (
    (("draft",), 8),
    (("draft", "submitted"), 10),
    (("draft", "submitted", "validated"), 10),
    (("draft", "submitted", "returned"), 4),
    (("draft", "submitted", "validated", "passed_to_military"), 12),
    (("draft", "submitted", "validated", "passed_to_military", "tasked"), 20),
    (("draft", "submitted", "validated", "passed_to_military", "tasked", "completed"), 26),
    (("draft", "submitted", "rejected"), 3),
    (("draft", "submitted", "validated", "passed_to_military", "rejected"), 3),
    (("draft", "cancelled"), 2),
    (("draft", "submitted", "validated", "cancelled"), 2),
)


@dataclass
class GeneratedRfa:
    """A request as its laptop would have synced it: the row's fields and its history
    ((event id, status, when) in order)."""

    id: str
    operation_id: str
    fields: dict[str, Any]
    events: list[tuple[str, str, datetime]] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.fields["status"]


def generate(rng: random.Random, operation_ids: list[str], per_operation: int, *,
             now: datetime, codes: dict[str, str] | None = None,
             clusters: tuple[str, ...] = ()) -> list[GeneratedRfa]:
    """`per_operation` requests for each operation, drafted over the last 26 weeks, each
    stopped somewhere in its lifecycle, a share of them life-saving, some needed by a date
    already past."""
    paths, weights = zip(*PATHS, strict=True)
    closed, closed_weights = zip(*[(p, w) for p, w in PATHS if p[-1] in FINAL], strict=True)
    categories = [c.value for c in AssetCategory]
    priorities = [p.value for p in RfaPriority]
    cluster_names = (*CLUSTERS, *clusters)
    out: list[GeneratedRfa] = []
    for op_index, operation_id in enumerate(operation_ids):
        code = (codes or {}).get(operation_id, f"OP{op_index:02d}")
        for number in range(1, per_operation + 1):
            created = now - timedelta(days=rng.uniform(1, 182))
            path = rng.choices(paths, weights)[0]
            if (now - created).days > 45 and path[-1] not in FINAL and rng.random() < 0.75:
                path = rng.choices(closed, closed_weights)[0]  # old requests are mostly closed
            when = created
            events = []
            for status in path:
                events.append((str(uuid.UUID(int=rng.getrandbits(128), version=4)), status,
                               when))
                when += timedelta(hours=rng.uniform(2, 24 * 6))
            needed_from = created + timedelta(days=rng.uniform(0, 10))
            needed_by = needed_from + timedelta(days=rng.uniform(3, 45))
            rfa_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            fields = {
                "id": rfa_id, "operation_id": operation_id,
                "reference": f"{code}-D{op_index % 97:02d}-{number:04d}",
                "title": rng.choice(TITLES), "status": path[-1],
                "priority": rng.choices(priorities, (2, 3, 5))[0],
                "capability": rng.choice(categories), "cluster": rng.choice(cluster_names),
                "task_description": "Move 12 t of supplies from the airport to the camps.",
                "required_from": needed_from.isoformat(),
                "required_until": needed_by.isoformat(), "deleted": False,
            }
            out.append(GeneratedRfa(rfa_id, operation_id, fields, events))
    return out


def event_fields(rfa: GeneratedRfa, index: int) -> dict[str, Any]:
    """The synced fields of a request's `index`-th history event."""
    event_id, status, at = rfa.events[index]
    before = rfa.events[index - 1][1] if index else ""
    return {"id": event_id, "operation_id": rfa.operation_id, "rfa_id": rfa.id,
            "from_status": before, "to_status": status, "at": at.isoformat(),
            "by": "Ana", "comment": "", "deleted": False}


def push_changes(rfas: list[GeneratedRfa]) -> list[dict[str, Any]]:
    """Creation changes of the requests and their histories, as a laptop pushes them."""
    changes = []
    for rfa in rfas:
        changes.append({"change_id": str(uuid.uuid4()), "entity": "rfa", "row_id": rfa.id,
                        "operation_id": rfa.operation_id, "fields": dict(rfa.fields),
                        "base": {}})
        for index in range(len(rfa.events)):
            fields = event_fields(rfa, index)
            changes.append({"change_id": str(uuid.uuid4()), "entity": "rfa_event",
                            "row_id": fields["id"], "operation_id": rfa.operation_id,
                            "fields": fields, "base": {}})
    return changes


def load_rows(db: HqDatabase, rfas: list[GeneratedRfa], *, batch: int = 2000) -> None:
    """Write the requests and their histories straight into `row_states` (no change log:
    a bench's shortcut) and project them with HQ's own projection, `batch` requests per
    write transaction."""
    seq = 1
    for start in range(0, len(rfas), batch):
        part = rfas[start:start + batch]
        now = datetime.now(UTC)
        rows = []
        for rfa in part:
            rows.append(_state("rfa", rfa.id, rfa.operation_id, rfa.fields, seq, now))
            seq += 1
            for index in range(len(rfa.events)):
                fields = event_fields(rfa, index)
                rows.append(_state("rfa_event", fields["id"], rfa.operation_id, fields, seq,
                                   now))
                seq += 1
        with db.write() as session:
            session.execute(insert(RowState), [vars(r) for r in rows])
            project_rfas(session, rows)


def _state(entity: str, row_id: str, operation_id: str, fields: dict[str, Any], seq: int,
           now: datetime) -> SimpleNamespace:
    return SimpleNamespace(entity=entity, row_id=row_id, operation_id=operation_id,
                           owner_officer_id=None, fields=fields, field_revs={},
                           deleted=False, seq=seq, last_device_id=None, others_seq=0,
                           updated_at=now)


# --- the bench --------------------------------------------------------------------------


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ordered[-1], 1), "runs": len(ordered)}


def _invalidate(db: HqDatabase) -> None:
    """The projection's version moves on, as a push of a request does: the pages' kept
    answers are old."""
    from sqlalchemy import update

    from hq.overview_tables import OverviewVersion

    with db.write() as session:
        session.execute(update(OverviewVersion).values(version=OverviewVersion.version + 1))


def _timed(http: Any, url: str, runs: int, *, cold: HqDatabase | None = None
           ) -> dict[str, float]:
    """GET `url` `runs` times; with `cold`, after a write at HQ before each (nothing
    kept: every figure computed again)."""
    samples = []
    http.get(url, timeout=60).raise_for_status()  # warm
    for _ in range(runs):
        if cold is not None:
            _invalidate(cold)
        started = time.perf_counter()
        answer = http.get(url, timeout=60)
        samples.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
    return _percentiles(samples)


def _hooks(db: HqDatabase, database_url: str) -> dict[str, Any]:
    """The register's figures from the other benches of issue 18, on the same HQ database
    (`bench.hq_register_sync.download_figures` takes the database's URL). A hook that
    fails is reported with its error; the overview's figures stand."""
    out: dict[str, Any] = {}
    try:
        from bench import hq_register  # type: ignore[attr-defined]
    except ImportError:
        out["register_search"] = "not available"
    else:
        try:
            hq_register.seed(db, 20000)
            out["register_search"] = hq_register.search_figures(db)
        except Exception as exc:  # noqa: BLE001 - another bench's failure, reported
            out["register_search"] = f"failed: {exc!r}"
    try:
        from bench import hq_register_sync  # type: ignore[attr-defined]
    except ImportError:
        out["register_download"] = "not available"
    else:
        try:
            out["register_download"] = hq_register_sync.download_figures(database_url)
        except Exception as exc:  # noqa: BLE001 - another bench's failure, reported
            out["register_download"] = f"failed: {exc!r}"
    return out


@dataclass
class Filled:
    """A running HQ filled with generated requests, and a coordinator signed in to it."""

    db: HqDatabase
    url: str
    browser: Any
    operation_ids: list[str]
    rfas: list[GeneratedRfa]
    load_seconds: float


def filled_hq(database_url: str, *, operations: int, per_operation: int,
              seed: int = 18) -> Iterator[Filled]:
    """Start HQ on `database_url`, add the operations, load the requests, sign in."""
    from hq import admin
    from hq.app import create_app
    from tests.sync.conftest import ServerThread
    from tests.sync.staff_browser import staff

    app = create_app(database_url)
    db: HqDatabase = app.state.db
    names = ("Marovia cyclone", "Северный паводок", "زلزال الشمال", "华南洪水",
             "Sahel drought", "Port Kessel cholera")
    ids, codes = [], {}
    for index in range(operations):
        op = admin.add_operation(db, code=f"OP{index:02d}",
                                 name=f"{names[index % len(names)]} {index + 1}",
                                 country="HTI")
        ids.append(op.id)
        codes[op.id] = op.code
    rng = random.Random(seed)
    rfas = generate(rng, ids, per_operation, now=datetime.now(UTC), codes=codes,
                    clusters=("Ремонт дорог", "الحماية المدنية <script>alert(1)</script>"))
    started = time.perf_counter()
    load_rows(db, rfas)
    load_seconds = time.perf_counter() - started
    server = ServerThread(app)
    with server:
        browser = staff(db, server.url, "Coordinator Amina", "coordinator")
        yield Filled(db, server.url, browser, ids, rfas, load_seconds)
    db.close()


def run(database_url: str, *, operations: int, per_operation: int, runs: int,
        shots: Path | None = None) -> dict[str, Any]:
    """Fill a fresh HQ and time the overview pages; the figures as a dict."""
    from contextlib import contextmanager

    from bench.hq_server import fresh_schema

    result: dict[str, Any] = {"database": database_url.split("://")[0],
                              "operations": operations, "rfas": operations * per_operation,
                              "http": "uvicorn in a thread, requests.Session (keep-alive)"}
    with fresh_schema(database_url, prefix="bench_overview") as url, \
            contextmanager(filled_hq)(url, operations=operations,
                                      per_operation=per_operation) as hq:
        result["load_seconds"] = round(hq.load_seconds, 1)
        http = hq.browser.http
        op = hq.operation_ids[0]
        pages = {
            "overview": "/overview",
            "overview_page_20": "/overview?page=20",
            "overview_status_tasked": "/overview?status=tasked",
            "overview_life_saving_airlift": "/overview?priority=life_saving"
                                            "&capability=airlift_helicopter",
            "overview_operation_filter": f"/overview?operation={op}",
            "overview_dates": "/overview?start=2020-01-01&end=2100-01-01&cluster=Health",
            "operation_page": f"/overview/operations/{op}",
        }
        timings = {name: _timed(http, hq.url + path, runs) for name, path in pages.items()}
        cold = {name: _timed(http, hq.url + path, runs, cold=hq.db)
                for name, path in pages.items()}
        result["pages"] = timings
        result["pages_after_a_write"] = cold
        worst = max(t["p95_ms"] for t in timings.values())
        result["worst_p95_ms"] = worst
        result["worst_p95_after_a_write_ms"] = max(t["p95_ms"] for t in cold.values())
        result["target_p95_ms"] = TARGET_P95_MS
        result["target_met"] = worst <= TARGET_P95_MS
        result["target_met_after_a_write"] = result["worst_p95_after_a_write_ms"] \
            <= TARGET_P95_MS
        started = time.perf_counter()
        size = len(http.get(hq.url + "/overview.hxl.csv", timeout=300).content)
        result["hxl_export"] = {"seconds": round(time.perf_counter() - started, 2),
                                "bytes": size}
        if shots is not None:
            from bench.hq_shots import screenshot

            shots.mkdir(parents=True, exist_ok=True)
            screenshot(http, hq.url + "/overview", shots / "hq-overview.png",
                       pdf=shots / "hq-overview.pdf")
            screenshot(http, hq.url + f"/overview/operations/{op}",
                       shots / "hq-overview-operation.png")
        print(json.dumps(result), file=sys.stderr, flush=True)  # i18n: not shown - progress
        result.update(_hooks(hq.db, url))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=PG_DEFAULT, help="PostgreSQL URL (default %(default)s)")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead")
    parser.add_argument("--operations", type=int, default=50)
    parser.add_argument("--per-operation", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--shots", type=Path, help="also save screenshots in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'hq.sqlite'}" if args.sqlite else args.pg
        print(json.dumps(run(url, operations=args.operations,  # i18n: not shown
                             per_operation=args.per_operation, runs=args.runs,
                             shots=args.shots), indent=2))


if __name__ == "__main__":
    main()
