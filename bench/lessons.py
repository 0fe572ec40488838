"""Public library latency over 50,000 published lessons: `python -m bench.lessons`.

Fills the HQ database with generated published lessons the first time (bulk insert into
the lessons projection: the library reads nothing else), starts the real HQ server
(`cmcoord-hq serve`, its own process) on 127.0.0.1 and times whole HTTP requests, as a
reader's browser makes them: searches (`/library?q=...`, some with a filter) and library
pages (list pages with and
without filters, and single lesson pages).
Targets: library_search_p95_ms <= 100, library_page_p95_ms <= 50 (on PostgreSQL).

The default database is `cmcoord_bench` on the local PostgreSQL server (created when
missing); any HQ database URL works, SQLite too.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import requests
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

from bench.common import percentile
from bench.hq_server import free_port, start_hq_server
from fieldapp.models.enums import LessonTopic
from hq.db import HqDatabase
from hq.lesson_tables import HqLesson
from hq.library import public_lessons
from hq.models import HqOperation

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/cmcoord_bench"
LESSONS = 50_000
BATCH = 2_000

PLACES = ["Port-Marie", "Kilo forward base", "Les Cayes", "Tacloban", "Port Selvane", "Kathmandu",
          "Gonaïves", "Sittwe", "Antakya", "Derna", "Cox's Bazar", "Pemba", "Suva", "Dili"]
SUBJECTS = ["the helicopter detachment", "the logistics cluster", "the HuMOCC", "the field "
            "hospital", "the engineering company", "the port authority", "the armed escort",
            "the civil defence team", "the WFP convoy", "the national disaster agency",
            "the liaison officer", "the water purification unit", "the airport manager",
            "the UNHAS flight desk", "the host nation military", "the protection cluster"]
VERBS = ["did not receive", "shared late", "duplicated", "questioned", "asked twice for",
         "could not track", "agreed on", "refused", "delayed", "misread", "prioritised",
         "never saw", "reported", "coordinated"]
OBJECTS = ["the request for assistance", "the fuel consumption figures", "the airlift "
           "schedule", "the checkpoint procedures", "the deconfliction notice", "the "
           "distribution plan", "the last resort assessment", "the daily situation report",
           "the road access map", "the medical evacuation list", "the security risk "
           "assessment", "the cargo manifest", "the MCDA offer", "the contact list",
           "the humanitarian notification", "the bridge repair priorities"]
REASONS = ["because nobody owned the task", "since the forum met only weekly",
           "as the satellite link failed for two days", "because of a language barrier",
           "after the focal point rotated out", "as the guidelines were not known",
           "because two channels gave different figures", "while access was negotiated",
           "before the cluster lead arrived", "since the military used its own formats"]
ADVICE = ["Name one focal point", "Agree a single format", "Share the list daily",
          "Brief every rotation", "Check the Oslo Guidelines", "Meet at the HuMOCC each "
          "morning", "Keep a shared tracker", "Ask the HC/RC early", "Test the radio net",
          "Translate the key forms"]
QUERIES = ["helicopter", "fuel", "armed escort", "checkpoint", "last resort", "airlift",
           "medical evacuation", "bridge repair", "satellite link", "language barrier",
           "focal point", "HuMOCC", "deconfliction", "cargo manifest", "Oslo Guidelines",
           "WFP convoy", "port authority", "situation report", "humanitarian notification",
           "water purification", "road access map", "rotation brief", "protection cluster",
           "Tacloban", "Selvane helicopter", "distribution plan delayed", "fuel -helicopter",
           '"risk assessment"', "engineering company", "UNHAS", "radio net", "cyclone",
           "earthquake", "flood", "civil defence team", "shared tracker", "MCDA offer"]


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"in {rng.choice(PLACES)} {rng.choice(REASONS)}.")


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _lesson(rng: random.Random, n: int, operations: list[str], now: datetime) -> dict[str, Any]:
    observed = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    exercise = rng.random() < 0.15
    published = now - timedelta(minutes=LESSONS - n)
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128))),
        "operation_id": None if exercise else rng.choice(operations),
        "title": f"{rng.choice(OBJECTS).capitalize()} {rng.choice(VERBS)} in "
                 f"{rng.choice(PLACES)}",
        "observed_on": observed,
        "exercise_name": f"Exercise Viking {observed.year % 100:02d}" if exercise else "",
        "location": rng.choice(PLACES),
        "topic": rng.choice(list(LessonTopic)).value,
        "observation": _text(rng, rng.randint(3, 8)),
        "discussion": _text(rng, rng.randint(3, 8)),
        "recommendation": f"{rng.choice(ADVICE)}. {_text(rng, rng.randint(1, 3))}",
        "suggested_owner": rng.choice(SUBJECTS),
        "keywords": ", ".join(rng.sample(["fuel", "airlift", "escort", "access", "MCDA",
                                          "liaison", "convoy", "medical", "port", "roads"], 3)),
        "sensitivity": "public", "status": "published", "hq_comment": "", "deleted": False,
        "submitted_at": published - timedelta(days=3), "reviewed_at": published,
        "reviewed_by": "Bench", "published_at": published, "updated_at": published,
    }


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database of `url` when it does not exist yet."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                       {"n": parsed.database}) is None:
            conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def fill(db: HqDatabase, *, count: int = LESSONS, seed: int = 11) -> int:
    """Add generated published lessons until `count` are public; returns how many added."""
    with db.read() as session:
        have = session.scalar(select(func.count()).select_from(HqLesson).where(
            public_lessons())) or 0
    if have >= count:
        return 0
    rng = random.Random(seed + have)
    now = datetime.now(UTC)
    with db.write() as session:
        operations = list(session.scalars(select(HqOperation.id)))
        if len(operations) < 40:
            for n in range(40 - len(operations)):
                op = HqOperation(id=str(uuid.uuid4()), code=f"BEN-{n:03d}",
                                 name=f"{rng.choice(PLACES)} response {2015 + n % 10}")
                session.add(op)
                operations.append(op.id)
    added = 0
    while have + added < count:
        rows = [_lesson(rng, have + added + i, operations, now)
                for i in range(min(BATCH, count - have - added))]
        with db.write() as session:
            session.execute(insert(HqLesson), rows)
        added += len(rows)
    if db.is_postgres:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE hq_lessons"))
    return added


class ServerProcess:
    """`cmcoord-hq serve` on a free port of 127.0.0.1, as HQ runs it (its own process)."""

    def __init__(self, database_url: str) -> None:
        self.port = free_port()
        self.database_url = database_url
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ServerProcess:
        self.process = start_hq_server(self.database_url, self.port)
        return self

    def __exit__(self, *_: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)


def _time(http: requests.Session, url: str, params: dict[str, str]) -> float:
    start = time.perf_counter()
    response = http.get(url, params=params, timeout=30)
    elapsed = (time.perf_counter() - start) * 1000
    response.raise_for_status()
    return elapsed


def run(database_url: str, *, searches: int = 200, pages: int = 200) -> dict[str, Any]:
    """Fill if needed, serve the HQ app, and time library searches and pages."""
    ensure_database(database_url)
    db = HqDatabase.open(database_url)
    started = time.perf_counter()
    added = fill(db)
    fill_s = round(time.perf_counter() - started, 1)
    with db.read() as session:
        total = session.scalar(select(func.count()).select_from(HqLesson).where(
            public_lessons())) or 0
        some = list(session.scalars(select(HqLesson.id).where(public_lessons()).limit(500)))
        operations = list(session.scalars(select(HqOperation.id).limit(40)))
    db.close()
    rng = random.Random(5)
    topics = [t.value for t in LessonTopic]
    with ServerProcess(database_url) as server, requests.Session() as http:
        library = f"{server.url}/library"
        start = time.perf_counter()
        _time(http, library, {})
        facets_cold_ms = round((time.perf_counter() - start) * 1000, 1)
        for query in QUERIES[:10]:  # warm caches, as a running server has them
            _time(http, library, {"q": query})
        search_ms = []
        for n in range(searches):
            params = {"q": rng.choice(QUERIES)}
            if n % 4 == 0:
                params["topic"] = rng.choice(topics)
            if n % 10 == 0:
                params["page"] = str(rng.randint(2, 5))
            search_ms.append(_time(http, library, params))
        page_ms = []
        for n in range(pages):
            kind = n % 4
            if kind == 0:
                page_ms.append(_time(http, f"{library}/lessons/{rng.choice(some)}", {}))
                continue
            params = {"page": str(rng.randint(1, 200))}
            if kind == 2:
                params["topic"] = rng.choice(topics)
            if kind == 3:
                params["operation"] = rng.choice(operations)
                params["year"] = str(rng.randint(2015, 2024))
                params["page"] = "1"
            page_ms.append(_time(http, library, params))
    return {
        "database": make_url(database_url).get_backend_name(),
        "published_lessons": total,
        "lessons_added": added,
        "fill_seconds": fill_s,
        "searches": len(search_ms),
        "library_search_p50_ms": round(percentile(search_ms, 50), 1),
        "library_search_p95_ms": round(percentile(search_ms, 95), 1),
        "library_search_max_ms": round(max(search_ms), 1),
        "pages": len(page_ms),
        "library_page_p50_ms": round(percentile(page_ms, 50), 1),
        "library_page_p95_ms": round(percentile(page_ms, 95), 1),
        "library_page_max_ms": round(max(page_ms), 1),
        "first_page_with_filter_lists_ms": facets_cold_ms,
        "target_search_p95_ms": 100,
        "target_page_p95_ms": 50,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default=DEFAULT_URL, metavar="URL",
                        help=f"HQ database URL (default {DEFAULT_URL})")
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    print(json.dumps(run(args.database, searches=args.searches, pages=args.pages), indent=2))


if __name__ == "__main__":
    main()
