"""Global search latency on the 100k/20k/10k/2k profile: `python -m bench.search`.

Queries are what an officer types: people's names letter by letter, roles, places,
RFA references, capability words and handbook terms, taken from the profile itself.
Target: global_p95_ms <= 30. The profile is encrypted, as the application keeps it
(an encrypted copy of it is made the first time); `--plain` measures the plain file.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from sqlalchemy import text

from bench.common import (
    BIG_PROFILE,
    encryption_figures,
    ensure_big_profile,
    open_profile,
    percentile,
)
from fieldapp.search import search
from fieldapp.services.operations import current_operation

FIXED = ["helicopter", "water", "logistics", "airlift", "medical team", "last resort",
         "liaison", "request", "cluster", "engineering", "fuel", "bridge", "sécurité",
         "escort", "OCHA", "WFP", "port", "satellite", "road", "hospital"]


def _queries(session, rng: random.Random, count: int) -> list[str]:
    names = [r[0] for r in session.execute(
        text("SELECT family_name FROM contacts ORDER BY random() LIMIT 60"))]
    given = [r[0] for r in session.execute(
        text("SELECT given_name FROM contacts ORDER BY random() LIMIT 30"))]
    refs = [r[0] for r in session.execute(
        text("SELECT reference FROM rfas ORDER BY random() LIMIT 20"))]
    queries: list[str] = []
    for name in names:  # typed letter by letter, as the search box sees it
        queries += [name[:n] for n in range(2, min(len(name), 6) + 1)]
    queries += [f"{g} {n}" for g, n in zip(given, names, strict=False)]
    queries += refs + FIXED
    rng.shuffle(queries)
    return queries[:count]


def run(profile: Path, *, count: int = 200, encrypted: bool = True) -> dict[str, object]:
    """Time `count` global searches and return the figures."""
    db = open_profile(profile, encrypted=encrypted)
    rng = random.Random(7)
    timings: list[float] = []
    with db.session() as session:
        operation = current_operation(session)
        op_id = operation.id if operation else None
        queries = _queries(session, rng, count)
        for query in queries[:10]:  # warm the page cache, as a running app has it
            search(session, query, operation_id=op_id)
        hits = 0
        for query in queries:
            start = time.perf_counter()
            hits += len(search(session, query, operation_id=op_id))
            timings.append((time.perf_counter() - start) * 1000)
    db.close()
    return {
        "encrypted": encrypted,
        **({"encryption": encryption_figures(profile)} if encrypted else {}),
        "queries": len(timings),
        "global_p50_ms": round(percentile(timings, 50), 2),
        "global_p95_ms": round(percentile(timings, 95), 2),
        "global_max_ms": round(max(timings), 2),
        "mean_hits": round(hits / len(timings), 1),
        "target_p95_ms": 30,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", type=Path, default=BIG_PROFILE)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--plain", action="store_true", help="the unencrypted profile")
    args = parser.parse_args()
    print(json.dumps(run(ensure_big_profile(args.profile), count=args.queries,
                         encrypted=not args.plain), indent=2))


if __name__ == "__main__":
    main()
