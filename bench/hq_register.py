"""Central Register search latency over 20,000 entries: `python -m bench.hq_register [--pg URL]`.

Fills a fresh HQ database (a new PostgreSQL schema, or a temporary SQLite file) with
generated register entries (`seed`: a bulk insert, names in Latin, Arabic, Cyrillic and
Chinese scripts), then times what the /register page asks of the database for a search
(`search_figures`): the page of 50 entries and its count (`hq.register.search_entries`),
the count of entries past their valid-until date and the country choices, for searches by
word (in every script), by word with a filter, and filters alone.
Target: register_search_p95_ms <= 100 on PostgreSQL. Prints JSON for SQLite and, with
`--pg`, for PostgreSQL. `bench.hq_overview` calls `seed` and `search_figures` itself.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench.common import percentile
from bench.hq_server import fresh_schema
from hq import register
from hq.db import HqDatabase
from hq.register_tables import RegisterEntry

ENTRIES = 20_000
BATCH = 2_000
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

STATES = [("NOR", "Norway"), ("SWE", "Sweden"), ("JPN", "Japan"), ("BRA", "Brazil"),
          ("PAK", "Pakistan"), ("CAN", "Canada"), ("FRA", "France"), ("DEU", "Germany"),
          ("CHN", "中国国际救援队"), ("CHN", "中华人民共和国应急管理部"),
          ("RUS", "Министерство по чрезвычайным ситуациям"), ("KAZ", "Казахстан"),
          ("UKR", "Державна служба з надзвичайних ситуацій"),
          ("ARE", "الإمارات العربية المتحدة"), ("SAU", "المملكة العربية السعودية"),
          ("EGY", "جمهورية مصر العربية"), ("TUR", "AFAD Türkiye"), ("IND", "India NDRF"),
          ("IDN", "Indonesia BNPB"), ("CHL", "Chile ONEMI")]
ORGANISATIONS = ["European Civil Protection Pool", "International Humanitarian Partnership",
                 "الهلال الأحمر الإماراتي", "ASEAN AHA Centre", "Красный Крест России",
                 "中国红十字会", "NATO EADRCC", "African Union"]
OFFERS = [
    ("airlift_fixed_wing", "C-130J Hercules with crew", "t", 20),
    ("airlift_fixed_wing", "Ил-76 с экипажем", "t", 40),
    ("airlift_helicopter", "CH-47 Chinook helicopter with crew", "t", 10),
    ("airlift_helicopter", "Mi-8 helicopter", "t", 4),
    ("sealift", "Landing ship with well deck", "t", 2000),
    ("ground_transport", "Truck company, 6x6 trucks", "t", 8),
    ("engineering", "Engineering company: roads and bridges", "", 0),
    ("medical", "Field hospital, surgical", "beds", 50),
    ("medical", "野战医院", "beds", 100),
    ("water_sanitation", "Water purification module", "m³/day", 225),
    ("communications", "Satellite communications kits (BGAN, VSAT)", "", 0),
    ("logistics_handling", "Airport cargo handling team", "t/day", 300),
    ("search_and_rescue", "Heavy urban search and rescue team (INSARAG)", "", 0),
    ("shelter", "Base camp for humanitarian staff", "persons", 150),
    ("power_generation", "Generators", "kVA", 100),
]
CONDITIONS = ["Bilateral request only; cost recovery", "Last resort only, per the Oslo "
              "Guidelines", "No armed escort", "Through the UCPM", "По запросу правительства",
              "Civilian-led operations only", "", "Deployed on request through OCHA"]
SEARCHES = ["hospital", "helicopter", "hercules crew", "中国", "野战医院", "Министерство",
            "الهلال", "purification", "oslo", "norway engineering", "insarag", "generators kva"]


def _entries(n: int, rng: random.Random, start: int) -> list[dict[str, Any]]:
    today = date.today()
    now = datetime.now(UTC)
    rows = []
    for i in range(start, start + n):
        category, capability, unit, capacity = rng.choice(OFFERS)
        if rng.random() < 0.8:
            state, provider = rng.choice(STATES)
            kind = register.MEMBER_STATE
        else:
            state, provider, kind = "", rng.choice(ORGANISATIONS), register.ORGANISATION
        status = rng.choices(register.STATUSES, weights=(85, 5, 10))[0]
        rows.append({
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "provider": provider, "provider_kind": kind, "provider_state": state,
            "capability": f"{capability} #{i}", "category": category,
            "quantity": rng.randint(1, 12), "capacity_value": float(capacity) or None,
            "capacity_unit": unit if capacity else "",
            "readiness_hours": rng.choice((12, 24, 48, 72, 96)),
            "deployment_hours": rng.choice((24, 48, 72, 120, 168)),
            "conditions": rng.choice(CONDITIONS), "poc_name": f"Duty officer {i}",
            "poc_email": f"duty{i}@example.org", "poc_phone": "",
            "valid_until": today + timedelta(days=rng.randint(-120, 720)),
            "status": status, "version": 1, "created_at": now, "updated_at": now,
            "updated_by": "bench"})
    return rows


def seed(db: HqDatabase, n: int) -> None:
    """Insert `n` generated register entries in bulk (no history, not published)."""
    rng = random.Random(18)
    done = 0
    while done < n:
        size = min(BATCH, n - done)
        with db.write() as session:
            session.execute(insert(RegisterEntry), _entries(size, rng, done))
        done += size


def search_figures(db: HqDatabase, *, rounds: int = 5) -> dict[str, float]:
    """p50/p95 in ms of what /register asks the database for a search (see the module)."""
    queries = [register.RegisterQuery.parse(q=words) for words in SEARCHES]
    queries += [register.RegisterQuery.parse(q="hospital", category="medical"),
                register.RegisterQuery.parse(q="crew", country="NOR", sort="valid_until"),
                register.RegisterQuery.parse(category="airlift_helicopter"),
                register.RegisterQuery.parse(kind="organisation", page="3"),
                register.RegisterQuery.parse(past="1"),
                register.RegisterQuery.parse(status="all", sort="updated"),
                register.RegisterQuery.parse()]
    timings = []
    for _round in range(rounds):
        for where in queries:
            began = time.perf_counter()
            with db.read() as session:
                register.search_entries(session, where)
                register.past_valid_until_count(session)
                register.countries_in_use(session)
            timings.append((time.perf_counter() - began) * 1000)
    return {"register_search_p50_ms": round(percentile(timings, 50), 1),
            "register_search_p95_ms": round(percentile(timings, 95), 1),
            "register_searches": len(timings)}


def _run(url: str, n: int) -> dict[str, Any]:
    db = HqDatabase.open(url)
    try:
        began = time.perf_counter()
        seed(db, n)
        seeded = time.perf_counter() - began
        return {"entries": n, "seed_s": round(seeded, 1), **search_figures(db)}
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", nargs="?", const=DEFAULT_PG, default=None,
                        help="also on this PostgreSQL database (a new schema, dropped after)")
    parser.add_argument("--entries", type=int, default=ENTRIES)
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        figures["sqlite"] = _run(f"sqlite:///{Path(folder) / 'hq.sqlite'}", args.entries)
    if args.pg:
        with fresh_schema(args.pg, prefix="bench_register") as url:
            figures["postgresql"] = _run(url, args.entries)
    print(json.dumps(figures, indent=2))  # i18n: not shown - CLI output


if __name__ == "__main__":
    main()
