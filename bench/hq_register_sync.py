"""The Central Register's first download to a laptop, against its gzip floor (issue 18).

`python -m bench.hq_register_sync [--pg URL] [--entries N]` prints JSON: a laptop newly
enrolled (its officer in no operation, so the register is all it receives) syncs once
with HQ serving N register entries (20,000 by default) from a server process of its own:
bytes on the wire (answer bodies, as the device counts them), requests, seconds. The
**gzip floor** is `gzip -9` of the same entries' synced fields as a compact CSV (the
header once, one line per entry, fields in the order they travel); the target is
bytes ≤ 1.3 × floor on PostgreSQL.

`download_figures(db_url)` does the same on a database (bench.hq_overview calls it after
seeding the register): entries are seeded only when the register is empty (with
`bench.hq_register.seed` when it exists, else here), and every entry is published to the
synced rows (`hq.register_feed.publish_many`, which skips what is already there).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.hq_server import free_port, fresh_schema, start_hq_server
from fieldapp.db import Database
from fieldapp.models import RegisterEntry as DeviceEntry
from fieldapp.paths import resolve_profile
from hq import admin
from hq.db import HqDatabase
from hq.models import RowState
from hq.register_feed import ENTITY, FIELDS, publish_many
from hq.register_tables import RegisterEntry
from sync.client import enroll, sync_once

ENTRIES = 20_000
TARGET = 1.3
OFFICER = "Register bench officer"
PROVIDERS = [
    ("Norway", "member_state", "NOR"), ("Sweden", "member_state", "SWE"),
    ("Japan", "member_state", "JPN"), ("Brazil", "member_state", "BRA"),
    ("Pakistan", "member_state", "PAK"), ("Germany", "member_state", "DEU"),
    ("Индия", "member_state", "IND"), ("Министерство по чрезвычайным ситуациям", "member_state",
                                       "RUS"),
    ("中国国际救援队", "member_state", "CHN"), ("المملكة الأردنية الهاشمية", "member_state", "JOR"),
    ("الهلال الأحمر الإماراتي", "organisation", ""),
    ("European Civil Protection Pool", "organisation", ""),
    ("International Humanitarian Partnership", "organisation", ""),
    ("World Food Programme — UNHAS", "organisation", ""),
    ("Українська служба порятунку", "organisation", ""),
]
CAPABILITIES = [
    ("airlift_fixed_wing", "C-130J Hercules with crew", "t", (10, 20, 40)),
    ("airlift_helicopter", "CH-47 Chinook with crew", "t", (5, 10)),
    ("airlift_helicopter", "Ми-8 с экипажем", "t", (3, 4)),
    ("sealift", "Landing ship with well deck", "t", (500, 2000)),
    ("medical", "Field hospital, surgical", "beds", (25, 50, 100)),
    ("medical", "野战医院（二级）", "beds", (30, 60)),
    ("water_sanitation", "Water purification module", "m³/day", (100, 225, 400)),
    ("engineering", "Engineering company: roads and bridges", "", ()),
    ("communications", "Satellite communications kits (BGAN, VSAT)", "", ()),
    ("search_and_rescue", "Heavy USAR team (INSARAG classified)", "persons", (60, 120)),
    ("shelter", "Base camp for humanitarian staff", "persons", (50, 150)),
    ("power_generation", "Generators", "kVA", (100, 250)),
    ("logistics_handling", "Mobile storage units and forklifts", "m²", (240, 320)),
    ("ground_transport", "Trucks, 10 t, with drivers", "t", (10,)),
]
CONDITIONS = [
    "", "", "Bilateral request through the embassy; cost recovery.",
    "Last resort only, per the Oslo Guidelines.", "Civilian-led; no armed escort.",
    "По запросу правительства пострадавшей страны.", "Through the UCPM; costs shared.",
    "仅在联合国协调下部署。", "يتم النشر بناءً على طلب الحكومة المتضررة.",
]
POCS = ["Lt Col Ingrid Hansen", "Иван Петров", "王伟", "فاطمة الزهراء", "Maj. Ana Souza",
        "Duty officer ERCC", "Kenji Watanabe", "Olena Kovalenko"]


def _values(rng: random.Random, n: int) -> dict[str, Any]:
    provider, kind, state = rng.choice(PROVIDERS)
    category, capability, unit, capacities = rng.choice(CAPABILITIES)
    poc = rng.choice(POCS)
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "provider": provider, "provider_kind": kind, "provider_state": state,
        "capability": f"{capability} (offer {n:05d})", "category": category,
        "quantity": rng.choice((1, 1, 2, 3, 4, 6, 12)),
        "capacity_value": float(rng.choice(capacities)) if capacities else None,
        "capacity_unit": unit if capacities else "",
        "readiness_hours": rng.choice((None, 12, 24, 48, 72)),
        "deployment_hours": rng.choice((None, 36, 48, 72, 96, 120, 168)),
        "conditions": rng.choice(CONDITIONS), "poc_name": poc,
        "poc_email": f"duty{rng.randrange(1, 400)}@register.example.org",
        "poc_phone": rng.choice(("", "", f"+4122917{rng.randrange(1000, 9999)}")),
        "valid_until": date(2026, 1, 1) + timedelta(days=rng.randrange(0, 900)),
        "status": rng.choice(("active",) * 8 + ("suspended", "retired")),
        "version": rng.randrange(1, 4),
    }


def seed(db: HqDatabase, n: int, *, seed_value: int = 18) -> None:
    """`n` realistic entries in the register (bulk, without history), published."""
    rng = random.Random(seed_value)
    for start in range(0, n, 2000):
        with db.write() as session:
            session.execute(RegisterEntry.__table__.insert(), [
                _values(rng, i) for i in range(start, min(n, start + 2000))])


def publish_all(db: HqDatabase) -> int:
    """Publish every entry to the synced rows (those already there unchanged); how many
    rows were written."""
    written = 0
    with db.read() as session:
        ids = session.scalars(select(RegisterEntry.id).order_by(RegisterEntry.pk)).all()
    for start in range(0, len(ids), 2000):
        with db.write() as session:
            entries = session.scalars(select(RegisterEntry).where(
                RegisterEntry.id.in_(ids[start:start + 2000]))).all()
            written += publish_many(session, entries)
    return written


def gzip_floor(db: HqDatabase) -> tuple[int, int]:
    """(bytes of gzip -9 of the entries' synced fields as CSV, number of entries)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    count = 0
    with db.read() as session:
        for (fields,) in session.execute(select(RowState.fields).where(
                RowState.entity == ENTITY).order_by(RowState.seq)):
            writer.writerow(["" if fields.get(k) is None else fields.get(k) for k in FIELDS])
            count += 1
    return len(gzip.compress(out.getvalue().encode(), 9)), count


def download_figures(db_url: str, *, entries: int = ENTRIES) -> dict[str, Any]:
    """The register's initial download to a laptop on the HQ database `db_url`."""
    os.environ.setdefault("CMCOORD_NO_KEYRING", "1")
    db = HqDatabase.open(db_url)
    try:
        with db.read() as session:
            present = session.scalar(select(func.count()).select_from(RegisterEntry))
        if not present:
            try:
                from bench import hq_register  # A's seeding, when it is there
                hq_register.seed(db, entries)
            except (ImportError, AttributeError):
                seed(db, entries)
        t0 = time.perf_counter()
        published = publish_all(db)
        publish_seconds = time.perf_counter() - t0
        floor, count = gzip_floor(db)
        name = f"{OFFICER} {uuid.uuid4().hex[:6]}"
        admin.add_officer(db, name=name)
        code, _ = admin.make_enrollment_code(db, officer=name)
    finally:
        db.close()
    port = free_port()
    server = start_hq_server(db_url, port)
    try:
        with tempfile.TemporaryDirectory() as root:
            laptop = Database.open(resolve_profile(Path(root) / "laptop"))
            try:
                enroll(laptop, f"http://127.0.0.1:{port}", code)
                started = time.perf_counter()
                result = sync_once(laptop)
                seconds = time.perf_counter() - started
                with laptop.session() as session:
                    received = session.scalar(select(func.count()).select_from(DeviceEntry))
            finally:
                laptop.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return {
        "entries": count, "received": received, "published_now": published,
        "publish_seconds": round(publish_seconds, 2),
        "bytes_down": result.bytes_down, "bytes_up": result.bytes_up,
        "requests": result.requests, "seconds": round(seconds, 2),
        "bytes_per_entry": round(result.bytes_down / max(count, 1), 1),
        "gzip_floor_bytes": floor, "ratio": round(result.bytes_down / floor, 3),
        "ratio_le_1.3": result.bytes_down <= TARGET * floor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", help="PostgreSQL URL (a fresh schema is made and dropped)")
    parser.add_argument("--entries", type=int, default=ENTRIES)
    args = parser.parse_args()
    out: dict[str, Any] = {}
    if args.pg:
        with fresh_schema(args.pg, prefix="bench_register") as url:
            out["postgresql"] = download_figures(url, entries=args.entries)
    else:
        with tempfile.TemporaryDirectory() as root:
            out["sqlite"] = download_figures(f"sqlite:///{root}/hq.sqlite",
                                             entries=args.entries)
    print(json.dumps(out, indent=2))  # i18n: not shown


if __name__ == "__main__":
    main()
