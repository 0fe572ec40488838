"""Global search reads the full-text index first: with the index as the inner loop,
SQLite 3.51 (SQLCipher's) ran the MATCH once per row of the operation, 7 s on 100,000
contacts instead of 0.1 s (bench.search)."""

from __future__ import annotations

import re

from sqlalchemy import text

from fieldapp.search import _QUERIES, build_match_query


def test_every_search_query_scans_the_full_text_index_before_its_table(db):
    params = {"q": build_match_query("helicopter"), "limit": 8, "op": "x", "lang": "en"}
    with db.session() as session:
        for (kind, ranked), query in _QUERIES.items():
            sql = str(query)
            plan = [row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}"),
                                                      params)]
            steps = [step for step in plan if re.match(r"(SCAN|SEARCH) ", step)]
            assert "VIRTUAL TABLE" in steps[0], (kind, ranked, plan)
