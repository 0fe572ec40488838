"""HQ's own time for a big push and for pulling it back: `python -m bench.hq_apply [--pg URL]`.

No HTTP: the data set of bench.sync (`_fill`: an operation with 5,000 contacts, 2,000
assets, 500 RFAs with their events and 200 lessons) is built on a device profile, and its
outbox taken as the client sends it (`push_order`, `push_batch`, `wire_body`, through JSON
as it travels). On a fresh HQ database each (SQLite; PostgreSQL too with `--pg`), set up as
bench.sync does (operation MRV, officer Ana assigned), the upload is applied with
`apply_push` in batches of 300 and of 2,000 changes, each batch in its own write
transaction as the push endpoint does; then a fresh second device of the same officer pulls
everything back with `pull_batch` in batches of 300 and of 2,000, each in its own read
transaction. Prints JSON: seconds and ms per change for the pushes, seconds per batch and
in total for the pulls, and the JSON encoding of the pull answers (done by the endpoint,
outside `pull_batch`) beside them. Targets (issue 17's brief): the whole upload applied in
<= 1.5 s on SQLite in batches of 2,000, pulling it back <= 1 s of HQ time.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.hq_server import fresh_schema
from bench.sync import _fill
from fieldapp.db import Database
from fieldapp.paths import resolve_profile
from hq import admin
from hq.app import create_app
from hq.db import HqDatabase
from hq.merge import apply_push
from hq.pull import Cursor, pull_batch
from sync import local

PUSH_BATCHES = (300, 2000)
PULL_BATCHES = (300, 2000)
OFFICER = "Ana"


@contextmanager
def fresh_hq(url: str | None, root: Path, label: str) -> Iterator[tuple[HqDatabase, str, str]]:
    """A fresh HQ database (SQLite file under `root`, or a new schema of `url`) with
    operation MRV and officer Ana assigned; yields (database, operation id, officer id)."""
    base = url or f"sqlite:///{root / f'hq-{label}.sqlite'}"
    with fresh_schema(base, prefix="bench_hq_apply") as database_url:
        db: HqDatabase = create_app(database_url).state.db
        try:
            op = admin.add_operation(db, code="MRV", name="Marovia", country="HTI")
            officer = admin.add_officer(db, name=OFFICER)
            admin.assign(db, officer=OFFICER, operation="MRV")
            yield db, op.id, officer.id
        finally:
            db.close()


def device_upload(hq: HqDatabase, root: Path, *, label: str, officer_id: str,
                  operation_id: str, batch: int) -> list[list[dict[str, Any]]]:
    """The push bodies' changes of a device that received operation MRV from this HQ and
    then recorded bench.sync's data set, in batches of `batch`, as they arrive at HQ."""
    device = Database.open(resolve_profile(root / f"device-{label}"))
    try:
        with hq.read() as session:  # what the device's first pull brings: the operation
            first = pull_batch(session, officer_id=officer_id, device_id=str(uuid.uuid4()),
                               cursor=Cursor(), limit=100)
        with device.transaction() as session:
            local.apply_rows(session, first["rows"])
        _fill(device, operation_id, 1.0, random.Random(7))
        batches = []
        with device.session() as session:
            order = local.push_order(session)
            while True:
                changes = local.push_batch(session, order, batch, held_rows=set())
                if not changes:
                    break
                batches.append(json.loads(json.dumps(local.wire_body(changes)))["changes"])
        return batches
    finally:
        device.close()


def time_push(hq: HqDatabase, batches: list[list[dict[str, Any]]], *, officer_id: str
              ) -> dict[str, Any]:
    """Apply every batch as the push endpoint does (one write transaction each)."""
    device_id = str(uuid.uuid4())
    per_batch = []
    outcomes: dict[str, int] = {}
    for changes in batches:
        started = time.perf_counter()
        with hq.write() as session:
            results = apply_push(session, officer_id=officer_id, device_id=device_id,
                                 changes=changes)
        per_batch.append(time.perf_counter() - started)
        for result in results:
            status = result.get("status", "?")
            outcomes[status] = outcomes.get(status, 0) + 1
    count = sum(len(b) for b in batches)
    total = sum(per_batch)
    return {"changes": count, "batches": len(batches), "seconds": round(total, 3),
            "ms_per_change": round(1000 * total / count, 4),
            "slowest_batch_seconds": round(max(per_batch), 3), "outcomes": outcomes}


def time_pull(hq: HqDatabase, *, officer_id: str, limit: int) -> dict[str, Any]:
    """A fresh device of the officer pulls everything, `limit` rows a batch."""
    device_id = str(uuid.uuid4())
    cursor = Cursor()
    seconds: list[float] = []
    encoding = 0.0
    rows = 0
    while True:
        started = time.perf_counter()
        with hq.read() as session:
            answer = pull_batch(session, officer_id=officer_id, device_id=device_id,
                                cursor=cursor, limit=limit)
        seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        json.dumps(answer, ensure_ascii=False, separators=(",", ":"))  # as JSONResponse does
        encoding += time.perf_counter() - started
        rows += len(answer["rows"])
        cursor = Cursor.decode(answer["next"])
        if not answer["more"]:
            break
    return {"rows": rows, "batches": len(seconds), "seconds": round(sum(seconds), 3),
            "seconds_per_batch": round(sum(seconds) / len(seconds), 4),
            "slowest_batch_seconds": round(max(seconds), 4),
            "json_encode_seconds": round(encoding, 3)}


def run_backend(url: str | None, root: Path) -> dict[str, Any]:
    """Every push and pull size on fresh HQ databases of one backend."""
    out: dict[str, Any] = {}
    for batch in PUSH_BATCHES:
        label = f"{'pg' if url else 'sqlite'}-{batch}"
        with fresh_hq(url, root, label) as (hq, operation_id, officer_id):
            batches = device_upload(hq, root, label=label, officer_id=officer_id,
                                    operation_id=operation_id, batch=batch)
            out[f"push_{batch}"] = time_push(hq, batches, officer_id=officer_id)
            if batch == max(PUSH_BATCHES):
                for limit in PULL_BATCHES:
                    out[f"pull_{limit}"] = time_pull(hq, officer_id=officer_id, limit=limit)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=None,
                        help="a PostgreSQL URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test"
                             " (a fresh schema per run, dropped afterwards)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-hq-apply-"))
    try:
        report: dict[str, Any] = {"sqlite": run_backend(None, root)}
        if args.pg:
            report["postgresql"] = run_backend(args.pg, root)
        print(json.dumps(report, indent=2))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
