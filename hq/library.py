"""The public library of lessons observed: what anyone may read, search and download.

Only lessons a reviewer published, that their officer marked public, and that were not
deleted are ever read here: every query starts from `public_lessons()`. Full-text search
is PostgreSQL's (websearch_to_tsquery, ranked by ts_rank) or SQLite's FTS5 (the person's
words quoted, so no input is ever a syntax error), over hq_lessons (see lesson_tables).
"""

from __future__ import annotations

import csv
import io
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

from sqlalchemy import Float, Integer, Select, and_, func, literal_column, select, text
from sqlalchemy.orm import Session

from fieldapp.i18n import LANGS, LANGUAGE_NAMES, N_, _
from fieldapp.labels import topic_label
from fieldapp.models.enums import LessonTopic
from fieldapp.search import build_match_query
from hq.db import HqDatabase
from hq.lesson_tables import HqLesson
from hq.lessons import source_column
from hq.models import HqOperation

PER_PAGE = 20
MAX_PAGE = 5000
MAX_QUERY_CHARS = 200
FEED_ENTRIES = 50
SEARCH_CAP = 1000
SNIPPET_CHARS = 280
FACETS_TTL_SECONDS = 60.0
EXERCISE_PREFIX = "exercise:"
# The filter lists are cached for every reader, so made in English (`source_label` shows
# them in the page's language).
UNNAMED_OPERATION = N_("Unnamed operation")
# Translators: an exercise in the library's list of operations and exercises.
EXERCISE_LABEL = N_("{name} (exercise)")
TOPICS = tuple(t.value for t in LessonTopic)


def topics() -> tuple[tuple[str, str], ...]:
    """(topic, its label in the page's language) for the library's filter."""
    return tuple((topic, topic_label(topic)) for topic in TOPICS)


def languages() -> tuple[tuple[str, str], ...]:
    """(language, its name in itself) for the library's filter: the same in every page."""
    return tuple((lang, LANGUAGE_NAMES[lang]) for lang in LANGS)


def language_name(lang: str) -> str:
    """The name of a lesson's language, written in that language ("fr" → "Français")."""
    return LANGUAGE_NAMES.get(lang, lang)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 cannot carry most control characters, even escaped: they are dropped.
# Lone surrogates cannot even be encoded in UTF-8.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _digits(value: str) -> bool:
    """Whether `value` is a number written in ASCII digits (at most 18 of them)."""
    return value.isascii() and value.isdigit() and len(value) <= 18


# Written out as the partial indexes' own predicate (literals, not bound parameters),
# so both PostgreSQL and SQLite can prove a query may use those indexes.
_PUBLIC_SQL = text("hq_lessons.status = 'published' AND hq_lessons.sensitivity = 'public' "
                   "AND NOT hq_lessons.deleted")


def public_lessons() -> Any:
    """The one condition every public read starts from."""
    return and_(_PUBLIC_SQL, HqLesson.published_at.is_not(None))


@dataclass(frozen=True)
class LibraryQuery:
    """What a reader asked for; anything unknown is ignored rather than refused."""

    q: str = ""
    topic: str = ""
    year: int | None = None
    operation: str = ""
    language: str = ""  # the lessons' language; `?lang=` is the page's (web.py)
    page: int = 1

    @classmethod
    def parse(cls, *, q: str = "", topic: str = "", year: str = "", operation: str = "",
              language: str = "", page: str = "") -> LibraryQuery:
        """Clean query-string values (never raises; a bad value means no filter)."""
        known_topic = topic if topic in TOPICS else ""
        known_language = language if language in LANGS else ""
        # isdigit() alone lets "²" through, which int() refuses.
        year_value = int(year) if _digits(year) and 1900 <= int(year) <= 2200 else None
        page_value = min(max(int(page), 1), MAX_PAGE) if _digits(page) else 1
        return cls(q=q.strip()[:MAX_QUERY_CHARS], topic=known_topic, year=year_value,
                   operation=operation.strip()[:240], language=known_language,
                   page=page_value)

    def params(self, **changes: Any) -> dict[str, str]:
        """The non-empty query-string parameters of this query (with `changes`)."""
        values = {"q": self.q, "topic": self.topic, "year": self.year,
                  "operation": self.operation, "language": self.language,
                  "page": self.page, **changes}
        return {k: str(v) for k, v in values.items()
                if v not in ("", None) and not (k == "page" and v == 1)}


@dataclass(frozen=True)
class LibraryItem:
    """One lesson in a list of results."""

    id: str
    title: str
    source: str
    topic: str
    observed_on: date | None
    location: str
    published_at: datetime
    language: str
    snippet: str


@dataclass(frozen=True)
class LibraryPage:
    """One page of results, with the total for pagination."""

    items: list[LibraryItem]
    total: int
    page: int
    pages: int
    more: bool = False  # more than `total` lessons match (a search ranks SEARCH_CAP)


def _filtered(query: Select[Any], where: LibraryQuery) -> Select[Any]:
    query = query.where(public_lessons())
    if where.topic:
        query = query.where(HqLesson.topic == where.topic)
    if where.language:
        query = query.where(HqLesson.language == where.language)
    if where.year is not None:
        query = query.where(HqLesson.observed_on >= date(where.year, 1, 1),
                            HqLesson.observed_on <= date(where.year, 12, 31))
    if where.operation.startswith(EXERCISE_PREFIX):
        query = query.where(HqLesson.exercise_name == where.operation[len(EXERCISE_PREFIX):])
    elif where.operation:
        query = query.where(HqLesson.operation_id == where.operation,
                            HqLesson.exercise_name == "")
    return query


def _matches(query: Select[Any], session: Session, words: str) -> tuple[Select[Any], Any]:
    """`query` narrowed to the lessons matching `words`, and their score (higher is better)."""
    if session.get_bind().dialect.name == "postgresql":
        config = literal_column("'english'::regconfig")  # i18n: not shown - SQL
        tsquery = func.websearch_to_tsquery(config, words)
        return query.where(_VECTOR.op("@@")(tsquery)), func.ts_rank(_VECTOR, tsquery)
    match = build_match_query(words)
    if match is None:
        return query.where(literal_column("0") == 1), literal_column("0.0")
    ranked = text(
        "SELECT rowid AS pk, bm25(hq_lessons_fts, 10.0, 5.0, 3.0, 3.0, 1.0, 1.0, 1.0, 0.5) "
        "AS rank FROM hq_lessons_fts WHERE hq_lessons_fts MATCH :match"
    ).bindparams(match=match).columns(pk=Integer(), rank=Float()).subquery("m")
    # "+m.pk": the full-text match is always the outer loop, never run once per row.
    return query.join(ranked, literal_column("+m.pk") == HqLesson.pk), -ranked.c.rank


_VECTOR = literal_column("hq_lessons.search_vector")


def search_library(session: Session, where: LibraryQuery, *,
                   per_page: int = PER_PAGE) -> LibraryPage:
    """A page of public lessons matching the query, best first (newest when not searching).

    A search ranks the newest SEARCH_CAP matches (a word found in most of the library
    would otherwise rank all of them on every page); the total then says "more than".
    The page's lessons are found by key first, then only those rows are read.
    """
    more = False
    if where.q:
        found, score = _matches(
            _filtered(select(HqLesson.pk, HqLesson.published_at), where), session, where.q)
        newest = session.execute(found.add_columns(score).order_by(
            HqLesson.published_at.desc(), HqLesson.pk.desc()).limit(SEARCH_CAP + 1)).all()
        more = len(newest) > SEARCH_CAP
        ranked = sorted(newest[:SEARCH_CAP], key=lambda r: (-r[2], -r[1].timestamp(), -r[0]))
        total = len(ranked)
        pages = max(1, -(-total // per_page))
        page = min(where.page, pages)
        keys = [r[0] for r in ranked[(page - 1) * per_page:page * per_page]]
    else:
        total = int(session.scalar(_on_public_index(
            _filtered(select(func.count()).select_from(HqLesson), where), where)) or 0)
        pages = max(1, -(-total // per_page))
        page = min(where.page, pages)
        keys = list(session.scalars(_on_public_index(
            _filtered(select(HqLesson.pk), where), where)
            .order_by(HqLesson.published_at.desc(), HqLesson.pk.desc())
            .offset((page - 1) * per_page).limit(per_page)))
    return LibraryPage(_items(session, keys), total, page, pages, more)


def _on_public_index(query: Select[Any], where: LibraryQuery) -> Select[Any]:
    """SQLite's planner prefers reading the whole table (long texts and all) when most
    lessons are public; its partial index holds just what a list needs."""
    if where.topic or where.language or where.year is not None:
        return query  # their own partial indexes serve these better
    return query.with_hint(HqLesson, "INDEXED BY ix_hq_lessons_public", "sqlite")  # i18n: not shown


def _items(session: Session, keys: list[int]) -> list[LibraryItem]:
    """The list entries of these lessons, in the order of `keys`."""
    if not keys:
        return []
    rows = session.execute(
        select(HqLesson.pk, HqLesson.id, HqLesson.title, source_column(), HqLesson.topic,
               HqLesson.observed_on, HqLesson.location, HqLesson.published_at,
               HqLesson.language, func.substr(HqLesson.observation, 1, SNIPPET_CHARS + 1))
        .outerjoin(HqOperation, HqOperation.id == HqLesson.operation_id)
        .where(HqLesson.pk.in_(keys), public_lessons()))
    by_key = {r[0]: LibraryItem(*r[1:9], _snippet(r[9])) for r in rows}
    return [by_key[key] for key in keys if key in by_key]


def _snippet(text_value: str | None) -> str:
    value = " ".join((text_value or "").split())
    if len(value) <= SNIPPET_CHARS:
        return value
    return value[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "\u2026"


@dataclass(frozen=True)
class PublicLesson:
    """A published public lesson, for its page."""

    id: str
    title: str
    source: str
    topic: str
    observed_on: date | None
    location: str
    observation: str
    discussion: str
    recommendation: str
    suggested_owner: str
    keywords: str
    published_at: datetime
    language: str


def public_lesson(session: Session, lesson_id: str) -> PublicLesson | None:
    """A lesson anyone may read, or None (unknown, internal, unpublished or deleted)."""
    row = session.execute(
        select(HqLesson.id, HqLesson.title, source_column(), HqLesson.topic,
               HqLesson.observed_on, HqLesson.location, HqLesson.observation,
               HqLesson.discussion, HqLesson.recommendation, HqLesson.suggested_owner,
               HqLesson.keywords, HqLesson.published_at, HqLesson.language)
        .outerjoin(HqOperation, HqOperation.id == HqLesson.operation_id)
        .where(HqLesson.id == lesson_id[:64], public_lessons())
    ).first()
    return PublicLesson(*row) if row is not None else None


# --- facets (the filter lists), cached briefly --------------------------------------


@dataclass
class Facets:
    """The choices of the library's filters."""

    years: list[int]
    sources: list[tuple[str, str]]  # (operation filter value, label)
    made: float = field(default_factory=time.monotonic)


class FacetCache:
    """Years and sources of the public lessons, kept for TTL seconds.

    Once stale, readers keep getting the old lists while one background thread
    recomputes them, so no reader waits; a reviewer's decision in this process forgets
    them at once (the next page computes them).
    """

    def __init__(self, db: HqDatabase, ttl: float = FACETS_TTL_SECONDS) -> None:
        self.db = db
        self.ttl = ttl
        self._facets: Facets | None = None
        self._refreshing = False
        self._generation = 0  # bumped by clear(): a refresh begun before it is dropped
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forget the cached lists (a lesson was published or withdrawn)."""
        with self._lock:
            self._facets = None
            self._generation += 1

    def get(self, session: Session) -> Facets:
        """The filter lists: cached, computed now when there are none, refreshed behind."""
        with self._lock:
            cached = self._facets
            stale = cached is not None and time.monotonic() - cached.made >= self.ttl
            start = stale and not self._refreshing
            if start:
                self._refreshing = True
        if cached is None:
            facets = compute_facets(session)
            with self._lock:
                self._facets = facets
            return facets
        if start:
            threading.Thread(target=self._refresh, name="library-facets", daemon=True).start()
        return cached

    def _refresh(self) -> None:
        generation = self._generation
        try:
            with self.db.read() as session:
                facets = compute_facets(session)
            with self._lock:
                if generation == self._generation:
                    self._facets = facets
        finally:
            with self._lock:
                self._refreshing = False


def compute_facets(session: Session) -> Facets:
    """Years observed and sources (operations, exercises) of the public lessons."""
    year = func.extract("year", HqLesson.observed_on) if session.get_bind().dialect.name \
        == "postgresql" else func.strftime("%Y", HqLesson.observed_on)
    years = sorted({int(y) for (y,) in session.execute(
        select(year).where(public_lessons(), HqLesson.observed_on.is_not(None)).distinct())
        if y is not None}, reverse=True)
    operations = session.execute(
        select(HqLesson.operation_id, HqOperation.name)
        .join(HqOperation, HqOperation.id == HqLesson.operation_id)
        .where(public_lessons(), HqLesson.exercise_name == "").distinct()
    ).all()
    exercises = session.scalars(
        select(HqLesson.exercise_name).where(public_lessons(), HqLesson.exercise_name != "")
        .distinct()
    ).all()
    sources = [(op_id, name or UNNAMED_OPERATION) for op_id, name in operations]
    sources += [(f"{EXERCISE_PREFIX}{name}", EXERCISE_LABEL.format(name=name))
                for name in exercises]
    sources.sort(key=lambda pair: pair[1].casefold())
    return Facets(years, sources)


def source_label(value: str, label: str) -> str:
    """A source of the cached filter list, (value, English label), in the current language."""
    if value.startswith(EXERCISE_PREFIX):
        return _(EXERCISE_LABEL).format(name=value.removeprefix(EXERCISE_PREFIX))
    return _(UNNAMED_OPERATION) if label == UNNAMED_OPERATION else label


# --- Atom feed and CSV --------------------------------------------------------------


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def atom_feed(session: Session, *, base_url: str, limit: int = FEED_ENTRIES) -> bytes:
    """An Atom 1.0 feed of the newest published lessons (valid XML, every text escaped)."""
    rows = search_library(session, LibraryQuery(), per_page=limit).items
    ns = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", ns)
    feed = ET.Element(f"{{{ns}}}feed")

    def sub(parent: ET.Element, tag: str, value: str = "", **attrs: str) -> ET.Element:
        attrs = {name: _xml_text(given) for name, given in attrs.items()}  # as the text
        element = ET.SubElement(parent, f"{{{ns}}}{tag}", attrs)
        if value:
            element.text = _xml_text(value)
        return element

    library = f"{base_url}/library"
    sub(feed, "title", _("CMCoord lessons observed"))
    sub(feed, "subtitle", _("Lessons observed in civil-military coordination, validated and "
                            "published by OCHA's CMCoord team in Geneva."))
    sub(feed, "id", library)
    sub(feed, "link", href=library)
    sub(feed, "link", rel="self", href=f"{library}/feed.atom")
    updated = rows[0].published_at if rows else datetime(2000, 1, 1)
    sub(feed, "updated", updated.isoformat().replace("+00:00", "Z"))
    author = sub(feed, "author")
    sub(author, "name", "OCHA CMCoord")
    for item in rows:
        entry = sub(feed, "entry")
        entry.set("{http://www.w3.org/XML/1998/namespace}lang", _xml_text(item.language))
        url = f"{library}/lessons/{quote(item.id, safe='')}"  # ids stored before they were checked
        sub(entry, "title", item.title or _("Untitled lesson"))
        sub(entry, "id", url)
        sub(entry, "link", href=url)
        stamp = item.published_at.isoformat().replace("+00:00", "Z")
        sub(entry, "updated", stamp)
        sub(entry, "published", stamp)
        sub(entry, "category", term=item.topic, label=topic_label(item.topic))
        summary = " \u2014 ".join(part for part in (item.source, item.snippet) if part)
        sub(entry, "summary", summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


CSV_HEADER = [N_("Title"), N_("Observed on"), N_("Operation or exercise"), N_("Location"),
              N_("Topic"), N_("Observation"), N_("Discussion"), N_("Recommendation"),
              N_("Suggested owner"), N_("Keywords"), N_("Published"), N_("Address")]


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (a leading quote when needed)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_rows(session: Session, where: LibraryQuery, *, base_url: str,
             batch: int = 500) -> Iterator[str]:
    """The CSV export of every public lesson the query keeps, in chunks of text (UTF-8 BOM
    first, for spreadsheets)."""
    query = _filtered(
        select(HqLesson.id, HqLesson.title, HqLesson.observed_on, source_column(),
               HqLesson.location, HqLesson.topic, HqLesson.observation, HqLesson.discussion,
               HqLesson.recommendation, HqLesson.suggested_owner, HqLesson.keywords,
               HqLesson.published_at)
        .outerjoin(HqOperation, HqOperation.id == HqLesson.operation_id), where)
    if where.q:  # every match, newest first: an export is not ranked
        query, _score = _matches(query, session, where.q)
    query = query.order_by(HqLesson.published_at.desc(), HqLesson.pk.desc())
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_(title) for title in CSV_HEADER])
    yield "\ufeff" + buffer.getvalue()
    result = session.execute(query.execution_options(yield_per=batch))
    for chunk in result.partitions(batch):
        buffer.seek(0)
        buffer.truncate()
        for r in chunk:
            writer.writerow([safe_cell(str(v)) for v in (
                r.title, r.observed_on.isoformat() if r.observed_on else "", r[3], r.location,
                topic_label(r.topic), r.observation, r.discussion, r.recommendation,
                r.suggested_owner, r.keywords, r.published_at.date().isoformat(),
                f"{base_url}/library/lessons/{quote(r.id, safe='')}")])
        yield buffer.getvalue()
