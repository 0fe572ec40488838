"""One global full-text search over contacts, organisations, assets, RFAs, lessons, handbook.

Officer input is never passed to FTS5 as query syntax: words are extracted and quoted, the
last one matched as a prefix (results as you type), so quotes, `*`, `AND`, `-` or
unbalanced brackets can never raise. Ranking is FTS5's bm25 with name-like columns weighed
more; snippets mark matches with HIGHLIGHT_START/END, which `snippet_html` turns into
escaped HTML.

Ranking costs time in proportion to the number of matches, and a two-letter prefix can
match most of a 100,000-row table. So each kind first counts its matches (cheap): up
to RANK_LIMIT they are ranked; beyond it the hits are the first ones found, unranked,
marked `ranked=False` (typing one more letter narrows them), and snippets are only
ever made for the rows returned.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import ColumnElement, false, literal_column, text
from sqlalchemy.orm import Session

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
MAX_TOKENS = 8
RANK_LIMIT = 2000
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One result: which kind of item, its id (a slug for handbook sections), how shown."""

    kind: str
    id: str
    title: str
    snippet: str
    rank: float
    ranked: bool = True


@dataclass(frozen=True)
class _Source:
    kind: str
    table: str
    title_sql: str
    weights: str
    scope: str  # SQL condition on alias t, with :op bound to the current operation


_SCOPED_OR_GLOBAL = "(t.operation_id = :op OR t.operation_id IS NULL)"  # i18n: not shown
SOURCES: tuple[_Source, ...] = (
    _Source("contact", "contacts",
            "coalesce(nullif(t.full_name, ''), trim(t.given_name || ' ' || t.family_name))",
            "10, 10, 10, 4, 4, 4, 4, 2, 2, 1, 1", _SCOPED_OR_GLOBAL),
    _Source("organisation", "organisations", "t.name", "10, 10, 1", _SCOPED_OR_GLOBAL),
    _Source("asset", "assets",
            "t.provider_unit || ' — ' || substr(t.description, 1, 80)",
            "6, 8, 3, 3, 1", _SCOPED_OR_GLOBAL),
    _Source("rfa", "rfas", "t.reference || ' — ' || t.title",
            "10, 8, 3, 2, 2, 2, 1, 1", "t.operation_id = :op"),
    _Source("lesson", "lessons", "t.title", "10, 3, 2, 3, 5, 1, 1", _SCOPED_OR_GLOBAL),
    _Source("handbook", "handbook_sections", "t.title", "10, 1", "t.lang = :lang"),
)
KINDS = tuple(source.kind for source in SOURCES)


def build_match_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression for free text typed by a person, or None if it has no word."""
    words = _WORD.findall(user_text)[:MAX_TOKENS]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if len(words[-1]) >= 2:  # a one-letter prefix would match half the table
        quoted[-1] += "*"
    return " ".join(quoted)


def text_condition(table: Literal["assets", "lessons", "rfas"],
                   user_text: str) -> ColumnElement[bool] | None:
    """A WHERE condition keeping the rows of `table` whose full-text index matches what the
    officer typed (as `build_match_query` reads it); None when nothing was typed."""
    match = build_match_query(user_text)
    if match is not None:
        matching = text(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :q")
        return literal_column(f"{table}.rowid").in_(matching.bindparams(q=match))
    return false() if user_text.strip() else None


def _source_sql(source: _Source, *, ranked: bool) -> str:
    fts = f"{source.table}_fts"
    key = "t.slug" if source.kind == "handbook" else "t.id"
    deleted = "" if source.kind == "handbook" else "AND t.deleted = 0"  # i18n: not shown
    rank = f"bm25({fts}, {source.weights})" if ranked else "0.0"
    order = "ORDER BY rank" if ranked else ""  # i18n: not shown
    # CROSS JOIN keeps the full-text index as the outer loop: SQLite 3.51's planner (the
    # one SQLCipher ships) otherwise walks every row of the operation and runs the MATCH
    # once per row (7.4 s instead of 0.1 s for "helicopter" among 100,000 contacts).
    best = (
        f"SELECT {key} AS id, {source.title_sql} AS title, {fts}.rowid AS fts_rowid, "
        f"{rank} AS rank FROM {fts} CROSS JOIN {source.table} t ON t.rowid = {fts}.rowid "
        f"WHERE {fts} MATCH :q {deleted} AND {source.scope} {order} LIMIT :limit"
    )
    # The snippet is made in an outer query, so only for the rows kept.
    return (
        f"SELECT best.id, best.title, best.rank, "
        f"snippet({fts}, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 12) AS snip "
        f"FROM ({best}) AS best JOIN {fts} ON {fts}.rowid = best.fts_rowid "
        f"WHERE {fts} MATCH :q ORDER BY best.rank"
    )


_QUERIES = {
    (source.kind, ranked): text(_source_sql(source, ranked=ranked))
    for source in SOURCES
    for ranked in (True, False)
}
_COUNTS = {
    source.kind: text(
        f"SELECT count(*) FROM (SELECT 1 FROM {source.table}_fts "
        f"WHERE {source.table}_fts MATCH :q LIMIT :cap)"
    )
    for source in SOURCES
}


def search(
    session: Session,
    user_text: str,
    *,
    limit: int = 8,
    operation_id: str | None = None,
    lang: str = "en",
    kinds: tuple[str, ...] = KINDS,
) -> list[SearchHit]:
    """Up to `limit` best hits of each kind, best first overall, scoped to an operation."""
    from fieldapp.handbook.words import match_query  # (it builds on this module)

    match = build_match_query(user_text)
    if match is None:
        return []
    hits: list[SearchHit] = []
    for kind in kinds:
        # The handbook is read in one language, so its words stand for their other forms.
        query = match_query(session, user_text, lang=lang) if kind == "handbook" else match
        found = session.scalar(_COUNTS[kind], {"q": query, "cap": RANK_LIMIT + 1}) or 0
        if not found:
            continue
        ranked = found <= RANK_LIMIT
        params = {"q": query, "limit": limit, "op": operation_id or "", "lang": lang}
        for row in session.execute(_QUERIES[kind, ranked], params):
            hits.append(
                SearchHit(kind, row.id, row.title or "", row.snip or "", row.rank, ranked)
            )
    hits.sort(key=lambda hit: hit.rank)
    return hits


def snippet_html(snippet: str) -> str:
    """A snippet as safe HTML: the text escaped, the matches in <b>."""
    escaped = html.escape(snippet)
    return escaped.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")
