"""Searching the handbook from the reader: ranked hits, and where the match is in a section.

The same FTS5 index and query rules as the global search (`fieldapp.search`: words quoted,
the last one a prefix, stemming and accent folding by the tokenizer; in French and Spanish
each word also stands for its other forms, `fieldapp.handbook.words`), limited to the
handbook, in the reader's language with English standing in for missing translations.
A hit carries the place of its snippet (a phrase of the section's text and the matched
word in it) so the reader can scroll to that very spot, and `matched_words` gives every
word of a section the query matched, as written there, to highlight them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.handbook.edition import BASE_LANG
from fieldapp.handbook.words import match_query
from fieldapp.search import HIGHLIGHT_END, HIGHLIGHT_START

# Ellipses of a cut snippet, and a checklist item's "[ ] " (the reader shows a box instead).
_TRIM_START = re.compile(r"^(?:[\s…]|\[[ xX]\]\s)+")
_TRIM = re.compile(r"^(?:[\s…]|\[[ xX]\]\s)+|[\s…]+$")
_MARKED = re.compile(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_END}", re.DOTALL)
_IN_LANG = (  # i18n: not shown
    "(t.lang = :lang OR (t.lang = :base AND NOT EXISTS (SELECT 1 FROM handbook_sections o "
    "WHERE o.slug = t.slug AND o.lang = :lang)))"
)
_SEARCH = text(
    "SELECT best.slug, best.title, best.lang, best.rank, "
    f"snippet(handbook_sections_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 16) "
    "AS snip FROM (SELECT t.slug, t.title, t.lang, handbook_sections_fts.rowid AS rid, "
    "bm25(handbook_sections_fts, 10, 1) AS rank FROM handbook_sections_fts "
    # CROSS JOIN: the index outer, the MATCH run once (see fieldapp/search.py)
    "CROSS JOIN handbook_sections t ON t.rowid = handbook_sections_fts.rowid "
    f"WHERE handbook_sections_fts MATCH :q AND {_IN_LANG} ORDER BY rank LIMIT :limit) best "
    "JOIN handbook_sections_fts ON handbook_sections_fts.rowid = best.rid "
    "WHERE handbook_sections_fts MATCH :q ORDER BY best.rank"
)
_HIGHLIGHT = text(
    f"SELECT highlight(handbook_sections_fts, 0, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}') "
    "AS title, "
    f"highlight(handbook_sections_fts, 1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}') AS body "
    "FROM handbook_sections_fts JOIN handbook_sections t "
    "ON t.rowid = handbook_sections_fts.rowid "
    "WHERE handbook_sections_fts MATCH :q AND t.slug = :slug AND t.lang = :lang"
)


@dataclass(frozen=True)
class MatchPlace:
    """Where a snippet sits in a section: a phrase of its text and the match within it."""

    phrase: str
    start: int  # offset of the matched word in `phrase`
    length: int


@dataclass(frozen=True)
class HandbookHit:
    """One section found: its slug, title, snippet (marked as in fieldapp.search), place."""

    slug: str
    title: str
    lang: str
    snippet: str
    rank: float
    fallback: bool  # found in English because the reader's language lacks the section

    @property
    def place(self) -> MatchPlace | None:
        """The place of the snippet's first match, to scroll to when the hit is opened."""
        return match_place(self.snippet)


def search_handbook(
    session: Session, user_text: str, *, lang: str = BASE_LANG, limit: int = 30
) -> list[HandbookHit]:
    """Sections matching free text typed by the officer, best first (bm25, titles first)."""
    match = match_query(session, user_text, lang=lang)
    if match is None:
        return []
    rows = session.execute(_SEARCH, {"q": match, "lang": lang, "base": BASE_LANG,
                                     "limit": limit})
    return [HandbookHit(row.slug, row.title, row.lang, row.snip or "", row.rank,
                        row.lang != lang) for row in rows]


def matched_words(session: Session, slug: str, user_text: str, *, lang: str) -> list[str]:
    """Distinct words of a section (title included) the text matches, as written there."""
    match = match_query(session, user_text, lang=lang)
    if match is None:
        return []
    row = session.execute(_HIGHLIGHT, {"q": match, "slug": slug, "lang": lang}).first()
    if row is None:
        return []
    words: dict[str, str] = {}
    for found in _MARKED.findall(f"{row.title}\n{row.body}"):
        words.setdefault(found.casefold(), found)
    return list(words.values())


def match_place(snippet: str) -> MatchPlace | None:
    """The snippet's line holding its first match, unmarked, with the match's offset."""
    for line in snippet.split("\n"):
        first = line.find(HIGHLIGHT_START)
        if first < 0:
            continue
        end = line.find(HIGHLIGHT_END, first)
        length = (end if end > first else len(line)) - first - 1
        unmarked = _unmark(line)
        phrase = _TRIM.sub("", unmarked)
        start = len(_unmark(line[:first])) - (len(unmarked) - len(_TRIM_START.sub("", unmarked)))
        return MatchPlace(phrase, start, length)
    return None


def _unmark(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
