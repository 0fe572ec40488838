"""HQ under load: `python -m bench.hq_load [--database URL] [--officers 200] [--workers 2]`.

The real server (`cmcoord-hq serve --workers N`, a child process) on PostgreSQL — by
default the local `postgresql+psycopg://postgres@127.0.0.1:5432/test`, in a fresh schema
dropped afterwards — and 200 simulated officers (asyncio + httpx, the wire protocol of
docs/sync-protocol.md) in 20 operations of 10 officers. Set-up (not measured): each
officer enrolls a device; the first officer of each operation pushes 100 contacts; every
device pulls. Then, measured, every officer makes `--rounds` incremental syncs, starting
at a random moment of the first `--window` seconds and pausing 0.5–2 s between syncs:
each sync pushes 2 new contacts and 3 edits of contacts of its operation (others' edits
meet: some are conflicts) and pulls until nothing is left. Afterwards every pushed
change id must be in HQ's change log exactly once, every created row present, and every
device, after a last pull, must hold exactly the rows of its operation.

Reports p50/p95/p99/max of request latencies (push and pull requests together, and
each), p95 of whole syncs, errors, requests per second and the checks. Targets (issue
7): p95_ms <= 500, errors == 0, exactly_once true.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bench.common import percentile
from bench.hq_server import free_port, fresh_schema, start_hq_server
from hq import admin
from hq.db import HqDatabase
from hq.models import Change, RowState
from hq.schemas import creation_change_id

DEFAULT_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ROLES = ["Logistics", "Liaison", "Head of office", "Deputy", "Security", "Health"]


@dataclass
class Device:
    """One simulated officer's laptop: token, cursor, and the rows it holds."""

    officer: str
    operation_id: str
    token: str = ""
    cursor: str = ""
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)  # contact id -> fields
    revs: dict[str, int] = field(default_factory=dict)
    pushed: list[str] = field(default_factory=list)  # change ids
    created: list[str] = field(default_factory=list)  # row ids

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Accept-Encoding": "gzip"}


@dataclass
class Stats:
    push_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    sync_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0


def _contact(device: Device, rng: random.Random) -> dict[str, Any]:
    row_id = str(uuid.uuid4())
    fields = {"id": row_id, "operation_id": device.operation_id, "deleted": False,
              "given_name": f"Person {rng.randrange(10**6)}", "family_name": "Load",
              "role": rng.choice(ROLES), "phones": [], "emails": [], "notes": ""}
    device.created.append(row_id)
    device.pushed.append(creation_change_id("contact", row_id))
    return {"entity": "contact", "fields": fields}


def _edit(device: Device, rng: random.Random) -> dict[str, Any] | None:
    if not device.rows:
        return None
    row_id = rng.choice(sorted(device.rows))
    old = device.rows[row_id].get("role", "")
    new = rng.choice([r for r in ROLES if r != old])
    change_id = str(uuid.uuid4())
    device.pushed.append(change_id)
    device.rows[row_id]["role"] = new
    return {"change_id": change_id, "entity": "contact", "row_id": row_id,
            "operation_id": device.operation_id, "fields": {"role": new},
            "base": {"role": old}, "base_rev": device.revs.get(row_id, 0)}


async def _push(client: httpx.AsyncClient, device: Device, changes: list[dict[str, Any]],
                stats: Stats | None) -> None:
    body = gzip.compress(json.dumps({"changes": changes}).encode())
    started = time.perf_counter()
    answer = await client.post("/api/v1/push", content=body, headers={
        **device.headers, "Content-Type": "application/json", "Content-Encoding": "gzip"})
    if stats is not None:
        stats.push_ms.append((time.perf_counter() - started) * 1000)
    answer.raise_for_status()
    results = answer.json()["results"]
    if len(results) != len(changes):
        raise RuntimeError("push answered with the wrong number of results")
    for change, result in zip(changes, results, strict=True):
        row_id = change.get("row_id") or change["fields"]["id"]
        device.revs[row_id] = result["rev"]
        if stats is not None and result.get("status") == "conflict":
            stats.conflicts += 1
        if "id" in change["fields"]:
            device.rows[row_id] = dict(change["fields"])


async def _pull(client: httpx.AsyncClient, device: Device, stats: Stats | None) -> None:
    while True:
        started = time.perf_counter()
        answer = await client.get("/api/v1/pull", params={"since": device.cursor,
                                                          "limit": 500},
                                  headers=device.headers)
        if stats is not None:
            stats.pull_ms.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
        batch = answer.json()
        for row in batch["rows"]:
            if row["entity"] == "contact":
                device.rows[row["id"]] = row["fields"]
                device.revs[row["id"]] = row["rev"]
        device.cursor = batch["next"]
        if not batch["more"]:
            return


async def _officer(client: httpx.AsyncClient, device: Device, rng: random.Random, *,
                   rounds: int, window: float, stats: Stats) -> None:
    await asyncio.sleep(rng.uniform(0, window))
    for round_no in range(rounds):
        if round_no:
            await asyncio.sleep(rng.uniform(0.5, 2.0))
        changes = [_contact(device, rng), _contact(device, rng)]
        changes += [c for c in (_edit(device, rng) for _ in range(3)) if c is not None]
        started = time.perf_counter()
        for attempt in range(3):
            try:
                await _push(client, device, changes, stats)
                await _pull(client, device, stats)
                break
            except (httpx.HTTPError, RuntimeError, ValueError, KeyError) as exc:
                stats.errors.append(f"{device.officer}: {type(exc).__name__}: {exc}"[:300])
                await asyncio.sleep(0.5 * (attempt + 1))  # same change ids: idempotent
        stats.sync_ms.append((time.perf_counter() - started) * 1000)


async def _run(base_url: str, devices: list[Device], seeds: dict[str, int], *,
               rounds: int, window: float) -> tuple[Stats, float]:
    limits = httpx.Limits(max_connections=len(devices), max_keepalive_connections=len(devices))
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as client:
        for device in devices:  # set-up, not measured: seed rows, then everyone pulls
            if seeds.get(device.officer):
                rng = random.Random(seeds[device.officer])
                await _push(client, device, [_contact(device, rng) for _ in range(100)], None)
        await asyncio.gather(*(_pull(client, d, None) for d in devices))
        stats = Stats()
        # One client (one connection) per laptop, as in the field: a single shared pool of
        # 200 connections costs the simulator more CPU than the server spends, and the
        # figures would measure the simulator's own queue.
        async with contextlib.AsyncExitStack() as stack:
            laptops = [await stack.enter_async_context(
                httpx.AsyncClient(base_url=base_url, timeout=60)) for _ in devices]
            started = time.perf_counter()
            await asyncio.gather(*(
                _officer(laptop, d, random.Random(n), rounds=rounds, window=window,
                         stats=stats)
                for n, (laptop, d) in enumerate(zip(laptops, devices, strict=True))))
            seconds = time.perf_counter() - started
        await asyncio.gather(*(_pull(client, d, None) for d in devices))
    return stats, seconds


def _enroll_all(db: HqDatabase, base_url: str, *, officers: int, per_operation: int
                ) -> tuple[list[Device], dict[str, int]]:
    devices: list[Device] = []
    seeds: dict[str, int] = {}
    with httpx.Client(base_url=base_url, timeout=30) as client:
        for op_no in range(max(1, officers // per_operation)):
            operation = admin.add_operation(db, code=f"LD{op_no:03d}", name=f"Load {op_no}",
                                            country="HTI")
            for n in range(per_operation):
                name = f"Officer {op_no:03d}-{n:02d}"
                admin.add_officer(db, name=name)
                admin.assign(db, officer=name, operation=operation.id)
                code, _ = admin.make_enrollment_code(db, officer=name)
                answer = client.post("/api/v1/enroll", json={"code": code,
                                                             "device_name": name})
                answer.raise_for_status()
                devices.append(Device(name, operation.id, token=answer.json()["token"]))
                if n == 0:
                    seeds[name] = op_no
    return devices, seeds


def _check(db: HqDatabase, devices: list[Device]) -> dict[str, Any]:
    pushed = [c for d in devices for c in d.pushed]
    created = [r for d in devices for r in d.created]
    with db.read() as session:
        found = 0
        for start in range(0, len(pushed), 1000):
            chunk = pushed[start:start + 1000]
            found += session.scalar(select(func.count()).select_from(Change)
                                    .where(Change.change_id.in_(chunk))) or 0
        rows = session.scalar(select(func.count()).select_from(RowState)
                              .where(RowState.entity == "contact")) or 0
        by_operation: dict[str, set[str]] = {}
        for operation_id, row_id in session.execute(
                select(RowState.operation_id, RowState.row_id)
                .where(RowState.entity == "contact")):
            by_operation.setdefault(operation_id, set()).add(row_id)
    converged = all(set(d.rows) == by_operation.get(d.operation_id, set()) for d in devices)
    return {
        "changes_pushed": len(pushed), "changes_in_log": found,
        "exactly_once": found == len(pushed) == len(set(pushed)) and rows == len(created),
        "rows_created": len(created), "rows_at_hq": rows, "devices_equal_hq": converged,
    }


def _measure(url: str, args: argparse.Namespace
             ) -> tuple[list[Device], Stats, float, dict[str, Any]]:
    """Serve `url` with the workers asked for, run the officers, check the outcome."""
    db = HqDatabase.open(url)  # migrated before the workers start
    port = free_port()
    server = start_hq_server(url, port, workers=args.workers)
    try:
        base_url = f"http://127.0.0.1:{port}"
        devices, seeds = _enroll_all(db, base_url, officers=args.officers,
                                     per_operation=args.per_operation)
        stats, seconds = asyncio.run(_run(base_url, devices, seeds, rounds=args.rounds,
                                          window=args.window))
        return devices, stats, seconds, _check(db, devices)
    finally:
        server.terminate()
        server.wait(timeout=30)
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default=DEFAULT_DATABASE,
                        help="PostgreSQL (a fresh schema is used and dropped) or SQLite URL")
    parser.add_argument("--officers", type=int, default=200)
    parser.add_argument("--per-operation", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--window", type=float, default=10.0,
                        help="seconds over which the officers start")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--keep", action="store_true", help="keep the schema afterwards")
    args = parser.parse_args(argv)

    with fresh_schema(args.database, prefix="hq_load", keep=args.keep) as url:
        devices, stats, seconds, checks = _measure(url, args)
    requests = stats.push_ms + stats.pull_ms
    result = {
        "database": make_url(args.database).get_backend_name(),
        "officers": len(devices), "workers": args.workers, "rounds": args.rounds,
        "seconds": round(seconds, 2), "requests": len(requests),
        "requests_per_second": round(len(requests) / seconds, 1),
        "p50_ms": round(percentile(requests, 50), 1),
        "p95_ms": round(percentile(requests, 95), 1),
        "p99_ms": round(percentile(requests, 99), 1),
        "max_ms": round(max(requests), 1),
        "push_p95_ms": round(percentile(stats.push_ms, 95), 1),
        "pull_p95_ms": round(percentile(stats.pull_ms, 95), 1),
        "sync_p95_ms": round(percentile(stats.sync_ms, 95), 1),
        "conflicts": stats.conflicts,
        "errors": len(stats.errors), "error_samples": stats.errors[:5],
        **checks,
        "targets": {"p95_ms": 500, "errors": 0, "exactly_once": True},
    }
    result["meets_targets"] = (result["p95_ms"] <= 500 and not stats.errors
                               and checks["exactly_once"] and checks["devices_equal_hq"])
    print(json.dumps(result, indent=2))
    return 0 if result["meets_targets"] else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
