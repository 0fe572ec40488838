"""The cross-operation overview of RFAs: the projection kept in step on every push, and the
figures, timeline, list and exports the coordinators' pages read (role `coordinator`).

`project_rfas` is called once per push by `hq.merge` with the `rfa` and `rfa_event` rows
the push wrote; it writes `hq_rfas` and `hq_rfa_events` (see `hq.overview_tables`) in a
few statements whatever the push's size.

Definitions, the same on every page and in every export:
- requested: submitted at least once (`requested_at` set); tasked: tasked at least once;
  completed: completed. A draft, or a draft cancelled before it was submitted, was never
  requested.
- overdue: not completed, rejected or cancelled, and its needed-by date
  (`required_until`) has passed, as on the laptops (`fieldapp.services.rfa.is_overdue`).
- the list puts overdue life-saving requests first, then other overdue ones, then open
  life-saving ones, then the rest; each group by needed-by date, soonest first.
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from fieldapp.i18n import N_, _
from fieldapp.labels import capability_label, cluster_label, priority_label, rfa_status_label
from fieldapp.models.enums import AssetCategory, RfaPriority, RfaStatus
from fieldapp.services.rfa import FINAL
from hq.library import safe_cell
from hq.models import HqOperation, utcnow
from hq.overview_tables import HqRfa, HqRfaEvent, OverviewVersion

RFA_ENTITY = "rfa"
EVENT_ENTITY = "rfa_event"
CHUNK = 500
PAGE_SIZE = 50
MAX_PAGE = 10_000
SUMMARY_CHARS = 200
TIMELINE_WEEKS = 52  # the most recent weeks drawn; older ones are in the exports
STATUSES = tuple(s.value for s in RfaStatus)
PRIORITIES = tuple(p.value for p in RfaPriority)
CAPABILITIES = tuple(c.value for c in AssetCategory)
FINAL_STATUSES = tuple(sorted(s.value for s in FINAL))
# Without its history (an older laptop), a request in one of these was requested/tasked.
_REQUESTED = frozenset(STATUSES) - {RfaStatus.DRAFT.value, RfaStatus.CANCELLED.value}
_TASKED = frozenset({RfaStatus.TASKED.value, RfaStatus.COMPLETED.value})
MEASURES = ("requested", "tasked", "completed")
MEASURE_LABELS = {"requested": N_("Requested"), "tasked": N_("Tasked"),
                  "completed": N_("Completed")}


# --- the projection ---------------------------------------------------------------------


def _moment(value: Any) -> datetime | None:
    """A synced date and time (ISO 8601 with its offset) in UTC, or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def week_of(moment: datetime | None) -> date | None:
    """The Monday of the ISO week of a moment (UTC), or None."""
    if moment is None:
        return None
    day = moment.astimezone(UTC).date()
    return day - timedelta(days=day.weekday())


def _text(value: Any, limit: int | None = None) -> str:
    text = value if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _summary(task: Any) -> str:
    words = " ".join(_text(task).split())
    return words if len(words) <= SUMMARY_CHARS else words[:SUMMARY_CHARS - 1] + "…"


def rfa_values(row_id: str, operation_id: str | None, fields: dict[str, Any], *,
               deleted: bool, updated_at: datetime) -> dict[str, Any]:
    """The projection's columns a synced `rfa` row decides (no dates of its history)."""
    priority = _text(fields.get("priority"), 20) or RfaPriority.OTHER.value
    return {
        "id": row_id, "operation_id": operation_id,
        "reference": _text(fields.get("reference"), 40),
        "title": _text(fields.get("title")), "summary": _summary(fields.get("task_description")),
        "status": _text(fields.get("status"), 24) or RfaStatus.DRAFT.value,
        "priority": priority, "life_saving": priority == RfaPriority.LIFE_SAVING.value,
        "capability": _text(fields.get("capability"), 40) or AssetCategory.OTHER.value,
        "cluster": _text(fields.get("cluster"), 80),
        "required_from": _moment(fields.get("required_from")),
        "required_until": _moment(fields.get("required_until")),
        "tasked_asset_id": _text(fields.get("tasked_asset_id"), 64) or None,
        "updated_at": updated_at, "deleted": bool(deleted),
    }


def dated(values: dict[str, Any], firsts: dict[str, datetime], *,
          before: dict[str, Any] | None, now: datetime) -> dict[str, Any]:
    """`values` with the dates of its timeline: from its history events (`firsts`: the
    first time it reached each status), else as stored before, else `now` when its
    status says it got there (a history that did not come)."""
    status = values.get("status", (before or {}).get("status"))
    got_there = {"requested": status in _REQUESTED, "tasked": status in _TASKED,
                 "completed": status == RfaStatus.COMPLETED.value}
    out = dict(values)
    for measure, event in (("requested", "submitted"), ("tasked", "tasked"),
                           ("completed", "completed")):
        moment = firsts.get(event) or (before or {}).get(f"{measure}_at") \
            or (now if got_there[measure] else None)
        out[f"{measure}_at"] = moment
        out[f"{measure}_week"] = week_of(moment)
    out["created_at"] = (firsts.get(RfaStatus.DRAFT.value) or (before or {}).get("created_at")
                         or now)
    return out


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _existing(session: Session, columns: tuple[Any, ...], key: Any, ids: list[str]
              ) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for part in _chunks(sorted(set(ids))):
        for row in session.execute(select(*columns).where(key.in_(part))):
            found[row[0]] = row
    return found


_DATE_COLUMNS = ("requested_at", "requested_week", "tasked_at", "tasked_week",
                 "completed_at", "completed_week", "created_at")
_RFA_COLUMNS = ("id", "operation_id", "reference", "title", "summary", "status", "priority",
                "life_saving", "capability", "cluster", "required_from", "required_until",
                "tasked_asset_id", "updated_at", "deleted", *_DATE_COLUMNS)


def _write(session: Session, table: Any, new: list[dict[str, Any]],
           changed: list[dict[str, Any]], names: Iterable[str]) -> None:
    """One INSERT for the new rows and one UPDATE (by id) for the changed ones, each
    executed for many rows."""
    names = tuple(names)
    if new:
        session.execute(insert(table), new)
    if changed:
        binds = {name: bindparam(f"b_{name}", type_=table.c[name].type)
                 for name in names if name != "id"}
        session.execute(update(table).where(table.c.id == bindparam("b_id")).values(binds),
                        [{f"b_{k}": row[k] for k in names} for row in changed])


def _first_times(session: Session, rfa_ids: list[str]) -> dict[str, dict[str, datetime]]:
    """Per request, the first time its live history events reached each status."""
    firsts: dict[str, dict[str, datetime]] = defaultdict(dict)
    e = HqRfaEvent
    for part in _chunks(sorted(set(rfa_ids))):
        for rfa_id, status, at in session.execute(
                select(e.rfa_id, e.to_status, func.min(e.at))
                .where(e.rfa_id.in_(part), e.deleted.is_(False), e.at.is_not(None))
                .group_by(e.rfa_id, e.to_status)):
            firsts[rfa_id][status] = at if at.tzinfo else at.replace(tzinfo=UTC)
    return firsts


def project_rfas(session: Session, rows: Iterable[Any]) -> None:
    """Bring `hq_rfas` and `hq_rfa_events` in step with the `rfa` and `rfa_event` rows a
    push wrote (objects with entity, row_id, operation_id, fields, deleted, updated_at)."""
    rfas = [r for r in rows if r.entity == RFA_ENTITY]
    events = [r for r in rows if r.entity == EVENT_ENTITY]
    if not rfas and not events:
        return
    now = utcnow()
    if events:
        stored = _existing(session, (HqRfaEvent.id,), HqRfaEvent.id, [r.row_id for r in events])
        new, changed = [], []
        for row in events:
            values = {"id": row.row_id, "rfa_id": _text(row.fields.get("rfa_id"), 64),
                      "to_status": _text(row.fields.get("to_status"), 24),
                      "at": _moment(row.fields.get("at")), "deleted": bool(row.deleted)}
            (changed if row.row_id in stored else new).append(values)
        _write(session, HqRfaEvent.__table__, new, changed,
               ("id", "rfa_id", "to_status", "at", "deleted"))
    touched = {r.row_id for r in rfas} | {_text(r.fields.get("rfa_id"), 64) for r in events}
    touched.discard("")
    ids = sorted(touched)
    firsts = _first_times(session, ids)
    columns = (HqRfa.id, HqRfa.status, *(getattr(HqRfa, name) for name in _DATE_COLUMNS))
    before = {rfa_id: dict(row._mapping) for rfa_id, row in
              _existing(session, columns, HqRfa.id, ids).items()}
    new, changed, redated = [], [], []
    written = set()
    for row in rfas:
        values = rfa_values(row.row_id, row.operation_id, row.fields, deleted=row.deleted,
                            updated_at=row.updated_at or now)
        old = before.get(row.row_id)
        values = dated(values, firsts.get(row.row_id, {}), before=old, now=now)
        (changed if old is not None else new).append(values)
        written.add(row.row_id)
    for rfa_id in ids:  # requests whose history alone changed in this push
        old = before.get(rfa_id)
        if rfa_id in written or old is None:
            continue  # a request not yet here is dated when it comes
        values = dated({"id": rfa_id}, firsts.get(rfa_id, {}), before=old, now=now)
        if any(values[name] != old[name] for name in _DATE_COLUMNS):
            redated.append(values)
    table = HqRfa.__table__
    _write(session, table, new, changed, _RFA_COLUMNS)
    _write(session, table, [], redated, ("id", *_DATE_COLUMNS))
    moved = session.execute(update(OverviewVersion).where(OverviewVersion.id == 1)
                            .values(version=OverviewVersion.version + 1))
    if not moved.rowcount:
        session.execute(insert(OverviewVersion).values(id=1, version=1))


# --- filters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OverviewFilter:
    """What the overview is narrowed to; every value is one the page offers (others are
    dropped by `parse`). `start`/`end`: requested on or after / on or before (UTC days)."""

    operation: str = ""
    status: str = ""
    priority: str = ""
    capability: str = ""
    cluster: str = ""
    start: date | None = None
    end: date | None = None
    page: int = 1

    @classmethod
    def parse(cls, *, operation: str = "", status: str = "", priority: str = "",
              capability: str = "", cluster: str = "", start: str = "", end: str = "",
              page: str = "") -> tuple[OverviewFilter, list[str]]:
        """The filter from a page's query (raw text), and what was not understood."""
        from hq.row_ids import is_row_id

        problems: list[str] = []
        first, last = _day(start), _day(end)
        if start.strip() and first is None:
            problems.append(_("The first date is not a date (write it YYYY-MM-DD); it is "
                              "left out."))
        if end.strip() and last is None:
            problems.append(_("The last date is not a date (write it YYYY-MM-DD); it is "
                              "left out."))
        if first and last and first > last:
            problems.append(_("The first date is after the last: they were swapped."))
            first, last = last, first
        number = int(page) if page.isascii() and page.isdigit() and len(page) < 6 else 1
        return cls(
            operation=operation if is_row_id(operation) else "",
            status=status if status in STATUSES else "",
            priority=priority if priority in PRIORITIES else "",
            capability=capability if capability in CAPABILITIES else "",
            cluster=cluster.strip()[:80],
            start=first, end=last, page=min(max(number, 1), MAX_PAGE),
        ), problems

    def params(self, **changes: Any) -> dict[str, str]:
        """The filter as a page's query parameters (empty ones left out)."""
        where = replace(self, **changes)
        values = {"operation": where.operation, "status": where.status,
                  "priority": where.priority, "capability": where.capability,
                  "cluster": where.cluster,
                  "start": where.start.isoformat() if where.start else "",
                  "end": where.end.isoformat() if where.end else "",
                  "page": str(where.page) if where.page > 1 else ""}
        return {k: v for k, v in values.items() if v}

    @property
    def narrowed(self) -> bool:
        """True when any filter is set (the page is not the whole picture)."""
        return bool(self.params(page=1))

    def conditions(self) -> list[Any]:
        """SQL conditions on hq_rfas (live rows only)."""
        r = HqRfa
        where: list[Any] = [r.deleted.is_(False)]
        for name in ("operation", "status", "priority", "capability", "cluster"):
            value = getattr(self, name)
            if value:
                where.append(getattr(r, f"{name}_id" if name == "operation" else name) == value)
        if self.start:
            where.append(r.requested_at >= _midnight(self.start))
        if self.end:
            where.append(r.requested_at < _midnight(self.end + timedelta(days=1)))
        return where


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def overdue_condition(now: datetime) -> Any:
    """SQL: still open after its needed-by date."""
    return and_(HqRfa.status.not_in(FINAL_STATUSES), HqRfa.required_until.is_not(None),
                HqRfa.required_until < now)


def is_overdue(status: str, required_until: datetime | None, now: datetime) -> bool:
    """The same test in Python (for a row already read)."""
    return status not in FINAL_STATUSES and required_until is not None and required_until < now


# --- figures ----------------------------------------------------------------------------


@dataclass
class Figures:
    """The counts the overview shows for the RFAs a filter keeps."""

    total: int = 0
    requested: int = 0
    tasked: int = 0
    completed: int = 0
    overdue: int = 0
    life_saving_open: int = 0
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_priority: list[tuple[str, int]] = field(default_factory=list)
    by_capability: list[tuple[str, int]] = field(default_factory=list)
    by_cluster: list[tuple[str, int]] = field(default_factory=list)


def _ordered(counts: dict[str, int], order: tuple[str, ...]) -> list[tuple[str, int]]:
    """Known values in their list's order (zeros too), then any other value by count."""
    known = [(value, counts.get(value, 0)) for value in order]
    others = sorted(((v, n) for v, n in counts.items() if v not in order),
                    key=lambda item: (-item[1], item[0]))
    return known + others


def figures(session: Session, where: OverviewFilter, *, now: datetime | None = None) -> Figures:
    """Counts by status, priority, capability and cluster, and the requested / tasked /
    completed / overdue totals: one grouped scan of the filtered requests."""
    now = now or utcnow()
    r = HqRfa
    overdue = func.sum(case((overdue_condition(now), 1), else_=0))
    urgent = func.sum(case((and_(r.life_saving.is_(True), r.status.not_in(FINAL_STATUSES)), 1),
                           else_=0))
    query = (select(r.status, r.priority, r.capability, r.cluster, func.count(),
                    func.count(r.requested_at), func.count(r.tasked_at),
                    func.count(r.completed_at), overdue, urgent)
             .where(*where.conditions())
             .group_by(r.status, r.priority, r.capability, r.cluster))
    out = Figures()
    margins: dict[str, dict[str, int]] = {k: defaultdict(int) for k in
                                          ("status", "priority", "capability", "cluster")}
    for status, priority, capability, cluster, n, req, tasked, done, late, ls in \
            session.execute(query):
        out.total += n
        out.requested += req
        out.tasked += tasked
        out.completed += done
        out.overdue += int(late or 0)
        out.life_saving_open += int(ls or 0)
        margins["status"][status] += n
        margins["priority"][priority] += n
        margins["capability"][capability] += n
        margins["cluster"][cluster] += n
    out.by_status = _ordered(margins["status"], STATUSES)
    out.by_priority = _ordered(margins["priority"], PRIORITIES)
    out.by_capability = sorted(margins["capability"].items(), key=lambda i: (-i[1], i[0]))
    out.by_cluster = sorted(margins["cluster"].items(), key=lambda i: (-i[1], i[0]))
    return out


@dataclass(frozen=True)
class OperationLine:
    """One operation's totals in the overview."""

    id: str
    code: str
    name: str
    total: int
    requested: int
    tasked: int
    completed: int
    overdue: int


def by_operation(session: Session, where: OverviewFilter, *,
                 now: datetime | None = None) -> list[OperationLine]:
    """Per operation: requests, requested, tasked, completed and overdue; most overdue
    first, then most requests."""
    now = now or utcnow()
    r = HqRfa
    query = (select(r.operation_id, func.count(), func.count(r.requested_at),
                    func.count(r.tasked_at), func.count(r.completed_at),
                    func.sum(case((overdue_condition(now), 1), else_=0)))
             .where(*where.conditions()).group_by(r.operation_id))
    counts = session.execute(query).all()
    names = {op_id: (code or "", name or "") for op_id, code, name in session.execute(
        select(HqOperation.id, HqOperation.code, HqOperation.name))}
    lines = [OperationLine(op_id or "", *names.get(op_id, ("", "")), n, req, tasked, done,
                           int(late or 0))
             for op_id, n, req, tasked, done, late in counts]
    return sorted(lines, key=lambda line: (-line.overdue, -line.total, line.code))


@dataclass(frozen=True)
class Week:
    """One week of the timeline: requests requested, tasked and completed in it."""

    monday: date
    requested: int
    tasked: int
    completed: int


def timeline(session: Session, where: OverviewFilter, *, weeks: int = TIMELINE_WEEKS
             ) -> list[Week]:
    """Requests requested, tasked and completed per week (ISO weeks, UTC), every week from
    the first with any to the last (at most the `weeks` most recent)."""
    r = HqRfa
    weeks_of = (r.requested_week, r.tasked_week, r.completed_week)
    query = (select(*weeks_of, func.count())  # one scan: a group per week triple
             .where(*where.conditions(), or_(*(w.is_not(None) for w in weeks_of)))
             .group_by(*weeks_of))
    counts: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(MEASURES, 0))
    for *mondays, n in session.execute(query):
        for measure, monday in zip(MEASURES, mondays, strict=True):
            if monday is not None:
                counts[monday][measure] += n
    if not counts:
        return []
    last = max(counts)
    first = max(min(counts), last - timedelta(weeks=weeks - 1))
    out = []
    monday = first
    while monday <= last:
        c = counts.get(monday, dict.fromkeys(MEASURES, 0))
        out.append(Week(monday, c["requested"], c["tasked"], c["completed"]))
        monday += timedelta(weeks=1)
    return out


# --- the list -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    """One request in the overview's list."""

    id: str
    operation_id: str
    operation_code: str
    reference: str
    title: str
    status: str
    priority: str
    capability: str
    cluster: str
    required_until: datetime | None
    requested_at: datetime | None
    overdue: bool
    life_saving: bool


def urgency(now: datetime) -> Any:
    """SQL: 0 overdue life-saving, 1 overdue, 2 open life-saving, 3 the rest."""
    r = HqRfa
    late = overdue_condition(now)
    return case((and_(late, r.life_saving.is_(True)), 0), (late, 1),
                (and_(r.life_saving.is_(True), r.status.not_in(FINAL_STATUSES)), 2), else_=3)


def _list_query(where: OverviewFilter, now: datetime) -> Any:
    r = HqRfa
    return (select(r.id, r.operation_id, HqOperation.code, r.reference, r.title, r.status,
                   r.priority, r.capability, r.cluster, r.required_from, r.required_until,
                   r.requested_at, r.life_saving, r.tasked_at, r.completed_at, r.created_at,
                   r.updated_at, HqOperation.name)
            .outerjoin(HqOperation, HqOperation.id == r.operation_id)
            .where(*where.conditions())
            .order_by(urgency(now), r.required_until.is_(None), r.required_until,
                      r.reference, r.id))


def rfa_list(session: Session, where: OverviewFilter, *, now: datetime | None = None,
             page_size: int = PAGE_SIZE) -> list[ListRow]:
    """One page of the filtered requests, most urgent first (see the module doc).

    The page's ids are sorted on the few columns that order them, then only those rows
    are read whole (with their operation): the sort never carries titles."""
    now = now or utcnow()
    r = HqRfa
    ids = list(session.scalars(
        select(r.id).where(*where.conditions())
        .order_by(urgency(now), r.required_until.is_(None), r.required_until, r.reference,
                  r.id)
        .offset((where.page - 1) * page_size).limit(page_size)))
    if not ids:
        return []
    found = {row.id: row for row in session.execute(
        select(r.id, r.operation_id, HqOperation.code, r.reference, r.title, r.status,
               r.priority, r.capability, r.cluster, r.required_until, r.requested_at,
               r.life_saving)
        .outerjoin(HqOperation, HqOperation.id == r.operation_id).where(r.id.in_(ids)))}
    return [ListRow(row.id, row.operation_id or "", row.code or "", row.reference, row.title,
                    row.status, row.priority, row.capability, row.cluster,
                    row.required_until, row.requested_at,
                    is_overdue(row.status, row.required_until, now), row.life_saving)
            for row in (found[i] for i in ids)]


def operation_named(session: Session, operation_id: str) -> HqOperation | None:
    """The operation of a page address, or None."""
    return session.get(HqOperation, operation_id)


# --- the pages' cache -------------------------------------------------------------------


class OverviewCache:
    """What the overview pages computed for a filter, kept until a push changes the
    projection (`hq_overview_version` moves on) or `ttl` seconds pass, whichever first.

    The figures change only when requests do, except the overdue counts, which move with
    the clock, and operations' names: they may lag by `ttl` seconds. One question per page
    (the version, a one-row table) tells whether a kept answer is still true; a process
    keeps its own (workers do not share it)."""

    def __init__(self, *, ttl: float = 30.0, size: int = 512) -> None:
        self.ttl = ttl
        self.size = size
        self._items: dict[Any, tuple[int, float, Any]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def version(session: Session) -> int:
        """The projection's version: it moves on with every push that changes it."""
        return int(session.scalar(select(OverviewVersion.version)
                                  .where(OverviewVersion.id == 1)) or 0)

    def kept(self, key: Any, version: int) -> tuple[bool, Any]:
        """(True, the answer) when one is kept for `key` at this version and young enough;
        (False, None) otherwise."""
        with self._lock:
            kept = self._items.get(key)
        if kept is not None and kept[0] == version and time.monotonic() - kept[1] < self.ttl:
            return True, kept[2]
        return False, None

    def keep(self, key: Any, version: int, value: Any) -> None:
        """Keep an answer computed at `version` (the oldest quarter goes when full)."""
        with self._lock:
            if len(self._items) >= self.size:
                for old in sorted(self._items, key=lambda k: self._items[k][1])[
                        :self.size // 4]:
                    del self._items[old]
            self._items[key] = (version, time.monotonic(), value)

    def get(self, key: Any, version: int, make: Callable[[], Any]) -> Any:
        """The kept answer for `key` at `version`, else `make()` (then kept). Version 0
        for answers kept `ttl` seconds whatever is written meanwhile (lists where a late
        new value harms nobody, such as the filters' choices)."""
        found, value = self.kept(key, version)
        if not found:
            value = make()
            self.keep(key, version, value)
        return value

    def clear(self) -> None:
        """Forget every kept answer."""
        with self._lock:
            self._items.clear()


# --- exports ----------------------------------------------------------------------------

EXPORT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # (heading, HXL hashtag, key)
    (N_("Operation code"), "#operation+code", "operation_code"),
    (N_("Operation"), "#operation+name", "operation_name"),
    (N_("Reference"), "#activity+id", "reference"),
    (N_("Title"), "#activity+name", "title"),
    (N_("Status"), "#status", "status"),
    (N_("Priority"), "#priority", "priority"),
    (N_("Capability"), "#capability+category", "capability"),
    (N_("Cluster"), "#sector+cluster", "cluster"),
    (N_("Needed from"), "#date+start", "required_from"),
    (N_("Needed by"), "#date+needed", "required_until"),
    (N_("Drafted"), "#date+created", "created_at"),
    (N_("Requested"), "#date+requested", "requested_at"),
    (N_("Tasked"), "#date+tasked", "tasked_at"),
    (N_("Completed"), "#date+completed", "completed_at"),
    (N_("Overdue (1 = yes)"), "#indicator+overdue", "overdue"),
    (N_("Last change at HQ"), "#date+updated", "updated_at"),
)


def _iso(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if value else ""


def export_rows(session: Session, where: OverviewFilter, *, hxl: bool,
                now: datetime | None = None, batch: int = 1000) -> Iterator[str]:
    """Every request the filter keeps (all pages), most urgent first, as CSV text in
    chunks: a UTF-8 BOM and the headings, with `hxl` a row of HXL hashtags under them.

    The CSV shows statuses, priorities and capabilities in the page's language; the HXL
    file their codes, the same in every language, for tools that read it. Text that a
    spreadsheet would run as a formula gets a leading apostrophe.
    """
    now = now or utcnow()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_(heading) for heading, _tag, _key in EXPORT_COLUMNS])
    if hxl:
        writer.writerow([tag for _heading, tag, _key in EXPORT_COLUMNS])
    yield "\ufeff" + buffer.getvalue()
    result = session.execute(_list_query(replace(where, page=1), now)
                             .execution_options(yield_per=batch))
    for chunk in result.partitions(batch):
        buffer.seek(0)
        buffer.truncate()
        for row in chunk:
            labels = not hxl
            cells = {
                "operation_code": row.code or "", "operation_name": row.name or "",
                "reference": row.reference, "title": row.title,
                "status": rfa_status_label(row.status) if labels else row.status,
                "priority": priority_label(row.priority) if labels else row.priority,
                "capability": capability_label(row.capability) if labels else row.capability,
                "cluster": cluster_label(row.cluster) if labels else row.cluster,
                "required_from": _iso(row.required_from),
                "required_until": _iso(row.required_until),
                "created_at": _iso(row.created_at), "requested_at": _iso(row.requested_at),
                "tasked_at": _iso(row.tasked_at), "completed_at": _iso(row.completed_at),
                "overdue": "1" if is_overdue(row.status, row.required_until, now) else "0",
                "updated_at": _iso(row.updated_at),
            }
            writer.writerow([safe_cell(cells[key]) for _h, _t, key in EXPORT_COLUMNS])
        yield buffer.getvalue()

