"""Handbook speed: `python -m bench.handbook`.

search_p95_ms: 200 queries on the bundled edition (target <= 5 ms); search_p95_ms_fr and
search_p95_ms_es: the same in French and Spanish, each word standing for its other forms;
search_p95_ms_10x: the same on a synthetic edition ten times larger (target <= 20 ms);
open_section_p95_ms: read and render a section (target <= 50 ms);
pdf_full_s: the whole handbook to PDF (target <= 5 s).
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
from pathlib import Path

from bench.common import percentile
from fieldapp.db import Database
from fieldapp.handbook import get_section, load_edition, read_edition
from fieldapp.handbook.edition import bundled_path
from fieldapp.paths import resolve_profile
from fieldapp.pdf.handbook import handbook_pdf
from fieldapp.search import search

COMMON = {
    "en": ["last resort", "oslo", "escort", "request", "liaison", "cluster", "HC/RC",
           "validation", "deployment", "sitrep", "neutrality", "UNHAS", "checklist"],
    "fr": ["dernier recours", "escortes armees", "coordonnateurs", "demandes", "liaison",
           "deconfliction", "enseignements", "deploiement", "neutralite", "CH/CR"],
    "es": ["ultimo recurso", "escoltas armadas", "solicitudes", "coordinador", "enlace",
           "desconfliccion", "lecciones", "despliegue", "neutralidad", "operacion"],
}


def _queries(rng: random.Random, count: int, lang: str = "en") -> list[str]:
    words = re.findall(r"[^\W\d_]{4,}", " ".join(
        s.body_md for s in read_edition().in_lang(lang)))
    common = COMMON[lang]
    queries = common + [w[:n] for w in rng.sample(words, count) for n in (3, len(w))]
    rng.shuffle(queries)
    return queries[:count]


def _ten_times_larger(target: Path) -> None:
    """Each bundled chapter ten times, under new ids, links rewritten to stay valid."""
    (target / "en").mkdir(parents=True)
    for section in read_edition(bundled_path()).in_lang("en"):
        text = (bundled_path() / section.file).read_text(encoding="utf-8")
        for copy in range(10):
            body = re.sub(r"\]\(([a-z0-9-]+)", lambda m, c=copy: f"]({m.group(1)}-{c}", text)
            body = body.replace(f"id: {section.slug}", f"id: {section.slug}-{copy}", 1)
            body = body.replace(f"order: {section.order}",
                                f"order: {section.order * 10 + copy}", 1)
            (target / "en" / f"{section.order:02d}-{copy}-{section.slug}.md").write_text(body)


def _search_p95(db: Database, queries: list[str], lang: str = "en") -> float:
    timings = []
    with db.session() as session:
        for query in queries:
            start = time.perf_counter()
            search(session, query, kinds=("handbook",), limit=20, lang=lang)
            timings.append((time.perf_counter() - start) * 1000)
    return round(percentile(timings, 95), 2)


def main() -> None:
    rng = random.Random(3)
    queries = _queries(rng, 200)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(resolve_profile(Path(tmp) / "p"))
        edition = load_edition(db)
        search_p95 = _search_p95(db, queries)
        in_lang = {lang: _search_p95(db, _queries(rng, 200, lang), lang) for lang in ("fr", "es")}
        slugs = [s.slug for s in edition.in_lang("en")]
        opens = []
        with db.session() as session:
            for _ in range(100):
                start = time.perf_counter()
                get_section(session, rng.choice(slugs), operation_id="bench")
                opens.append((time.perf_counter() - start) * 1000)
        chapters = [(s.slug, s.title, s.body_md) for s in edition.in_lang("en")]
        start = time.perf_counter()
        pdf = handbook_pdf(chapters, edition=edition.name)
        pdf_s = time.perf_counter() - start
        big = Path(tmp) / "big"
        _ten_times_larger(big)
        load_edition(db, big)
        search_p95_10x = _search_p95(db, queries)
        db.close()
    print(json.dumps({
        "search_p95_ms": search_p95, "target_search_p95_ms": 5,
        "search_p95_ms_fr": in_lang["fr"], "search_p95_ms_es": in_lang["es"],
        "search_p95_ms_10x": search_p95_10x, "target_search_p95_ms_10x": 20,
        "open_section_p95_ms": round(percentile(opens, 95), 2), "target_open_section_ms": 50,
        "pdf_full_s": round(pdf_s, 2), "pdf_bytes": len(pdf or b""), "target_pdf_full_s": 5,
    }, indent=2))


if __name__ == "__main__":
    main()
