"""The cross-operation overview of RFAs (role `coordinator`): /overview with its filters,
figures, charts and the list (overdue and life-saving first), one operation's page
/overview/operations/{id} with its timeline, and the filtered requests as CSV
(/overview.csv) and HXL (/overview.hxl.csv). Read only: nothing here writes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.i18n import _, format_date, format_number, pgettext
from fieldapp.labels import CLUSTERS, capability_label, cluster_label, priority_label
from fieldapp.labels import rfa_status_label as rfa_status
from hq import overview as ov
from hq.db import HqDatabase
from hq.models import HqOperation, utcnow
from hq.overview_tables import HqRfa
from hq.reviewers import SignedIn
from hq.roles import COORDINATOR
from hq.row_ids import is_row_id
from hq.staff import StaffGate
from hq.svg_charts import Series, Stack, bar_chart, line_chart, stacked_chart
from hq.web import render

Q = Annotated[str, Query(max_length=100)]
WEEK_FORM = "d MMM"  # i18n: not shown - a CLDR pattern ("2 Mar", "2 mars")
STACKED_OPERATIONS = 15  # operations drawn in the stacked chart; the table lists them all
NO_STORE = {"Cache-Control": "private, no-store"}  # i18n: not shown - an HTTP header


def measure_labels() -> dict[str, str]:
    """The three measures' names in the page's language."""
    return {name: _(label) for name, label in ov.MEASURE_LABELS.items()}


@dataclass(frozen=True)
class Chart:
    """A chart and the table of its figures: (key, label, count) rows."""

    id: str
    title: str
    svg: Markup
    rows: list[tuple[str, str, int]]


def _bars(chart_id: str, title: str, counts: list[tuple[str, int]], label: Any) -> Chart:
    rows = [(key, label(key) if key else _("(none given)"), n) for key, n in counts]
    return Chart(chart_id, title, bar_chart(chart_id=chart_id, title=title, rows=rows), rows)


def _charts(figures: ov.Figures) -> list[Chart]:
    return [
        _bars("by-status", _("Requests by status"), figures.by_status, rfa_status),
        _bars("by-priority", _("Requests by priority"), figures.by_priority, priority_label),
        _bars("by-capability", _("Requests by capability"), figures.by_capability,
              capability_label),
        _bars("by-cluster", _("Requests by cluster"), figures.by_cluster, cluster_label),
    ]


def _operation_label(line: ov.OperationLine) -> str:
    if line.code and line.name:
        return f"{line.code} · {line.name}"
    return line.code or line.name or _("(no operation)")


def _stacked(lines: list[ov.OperationLine]) -> Markup:
    shown = sorted(lines, key=lambda line: (-line.requested, line.code))[:STACKED_OPERATIONS]
    stacks = [Stack(line.id, _operation_label(line), line.requested, line.tasked,
                    line.completed) for line in shown]
    legend = {"completed": _("Completed"), "tasked": _("Tasked, not completed"),
              "requested": _("Requested, not tasked")}
    return stacked_chart(chart_id="by-operation",
                         title=_("Requested, tasked and completed by operation"),
                         stacks=stacks, legend=legend)


def _timeline(weeks: list[ov.Week], chart_id: str) -> Markup:
    labels = [format_date(week.monday, form=WEEK_FORM) for week in weeks]
    names = measure_labels()
    series = [Series(name, names[name], [getattr(w, name) for w in weeks])
              for name in ov.MEASURES]
    return line_chart(chart_id=chart_id, title=_("Requests per week: requested, tasked and "
                                                 "completed"), labels=labels, series=series)


def _choices(session: Session) -> dict[str, Any]:
    """What the filters offer: every operation, status, priority, capability, and the
    global clusters with any other the requests name."""
    operations = list(session.execute(select(HqOperation.id, HqOperation.code,
                                             HqOperation.name).order_by(HqOperation.code)))
    present = set(session.scalars(select(HqRfa.cluster).distinct().where(HqRfa.cluster != "")))
    clusters = sorted(set(CLUSTERS) | present, key=lambda c: cluster_label(c).casefold())
    return {"operations": operations, "statuses": ov.STATUSES, "priorities": ov.PRIORITIES,
            "capabilities": ov.CAPABILITIES, "clusters": clusters}


def _pages(total: int) -> int:
    return max(1, -(-total // ov.PAGE_SIZE))


# The page's four questions run side by side, each in a read transaction of its own
# (PostgreSQL answers them on separate connections; SQLite in WAL mode reads alike).
_WORKERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="hq-overview")


def _side_by_side(db: HqDatabase, jobs: dict[Any, Callable[[Session], Any]]
                  ) -> dict[Any, Any]:
    """Run each job with a read session of its own, concurrently; their answers by key."""
    def run(job: Callable[[Session], Any]) -> Any:
        with db.read() as session:
            return job(session)

    if len(jobs) <= 1:
        return {key: run(job) for key, job in jobs.items()}
    futures = {key: _WORKERS.submit(run, job) for key, job in jobs.items()}
    return {key: future.result() for key, future in futures.items()}


def overview_router(db: HqDatabase, gate: StaffGate) -> APIRouter:
    """The pages, each checking its role through `gate`."""
    router = APIRouter(include_in_schema=False)

    def parse(operation: str, status: str, priority: str, capability: str, cluster: str,
              start: str, end: str, page: str = "") -> tuple[ov.OverviewFilter, list[str]]:
        return ov.OverviewFilter.parse(operation=operation, status=status, priority=priority,
                                       capability=capability, cluster=cluster, start=start,
                                       end=end, page=page)

    cache = ov.OverviewCache()

    def page_context(session: Session, where: ov.OverviewFilter, now: datetime
                     ) -> dict[str, Any]:
        """The figures, list, timeline and per-operation totals of a page: those HQ keeps
        from an earlier read at this version, the others computed side by side."""
        whole = replace(where, page=1)  # what every page of one filter shares
        version = cache.version(session)
        jobs: dict[Any, Callable[[Session], Any]] = {
            ("figures", whole): lambda s: ov.figures(s, whole, now=now),
            ("list", where): lambda s: ov.rfa_list(s, where, now=now),
            ("timeline", whole): lambda s: ov.timeline(s, whole),
            ("operations", whole): lambda s: ov.by_operation(s, whole, now=now),
        }
        found: dict[Any, Any] = {}
        for key in jobs:
            kept, value = cache.kept(key, version)
            if kept:
                found[key] = value
        for key, value in _side_by_side(db, {k: j for k, j in jobs.items()
                                             if k not in found}).items():
            cache.keep(key, version, value)
            found[key] = value
        figures = found[("figures", whole)]
        rows = found[("list", where)]
        if where.page > _pages(figures.total):  # past the last page: show the last
            where = replace(where, page=_pages(figures.total))
            rows = cache.get(("list", where), version,
                             lambda: ov.rfa_list(session, where, now=now))
        return {"where": where, "figures": figures, "charts": _charts(figures),
                "rows": rows, "weeks": found[("timeline", whole)],
                "pages": _pages(figures.total), "lines": found[("operations", whole)],
                "choices": cache.get("choices", 0, lambda: _choices(session))}

    def helpers() -> dict[str, Any]:
        return {"rfa_status": rfa_status, "priority_label": priority_label,
                "capability_label": capability_label, "cluster_label": cluster_label,
                "number": format_number, "short_date": lambda d: format_date(d, form="medium")
                if d else "", "measure_labels": measure_labels(),
                "all_label": pgettext("filter", "All")}

    @router.get("/overview", response_class=HTMLResponse)
    def index(request: Request, operation: Q = "", status: Q = "", priority: Q = "",
              capability: Q = "", cluster: Q = "", start: Q = "", end: Q = "",
              page: Q = "") -> Response:
        who = gate.page(request, COORDINATOR)
        if isinstance(who, Response):
            return who
        where, problems = parse(operation, status, priority, capability, cluster, start, end,
                                page)
        now = utcnow()
        with db.read() as session:
            context = page_context(session, where, now)
        return render(request, "overview.html", reviewer=who, headers=NO_STORE,
                      title=_("Requests for assistance across operations"),
                      problems=problems, stacked=_stacked(context["lines"]),
                      operation_label=_operation_label,
                      timeline=_timeline(context["weeks"], "timeline") if context["weeks"]
                      else None, base="/overview", **context, **helpers())

    @router.get("/overview/operations/{operation_id}", response_class=HTMLResponse)
    def operation_page(request: Request, operation_id: str, status: Q = "", priority: Q = "",
                       capability: Q = "", cluster: Q = "", start: Q = "", end: Q = "",
                       page: Q = "") -> Response:
        who = gate.page(request, COORDINATOR)
        if isinstance(who, Response):
            return who
        if not is_row_id(operation_id):
            return _no_operation(request, who)
        where, problems = parse(operation_id, status, priority, capability, cluster, start,
                                end, page)
        now = utcnow()
        with db.read() as session:
            operation = ov.operation_named(session, operation_id)
            if operation is None:
                return _no_operation(request, who)
            context = page_context(session, where, now)
        title = (f"{operation.code} · {operation.name}" if operation.code
                 else operation.name or _("(no operation)"))
        return render(request, "overview_operation.html", reviewer=who, headers=NO_STORE,
                      title=title, operation=operation, problems=problems,
                      timeline=_timeline(context["weeks"], "timeline") if context["weeks"]
                      else None, base=f"/overview/operations/{operation_id}", **context,
                      **helpers())

    def export(request: Request, hxl: bool, values: tuple[str, ...]) -> Response:
        who = gate.page(request, COORDINATOR)
        if isinstance(who, Response):
            return who
        where, _problems = parse(*values)
        now = utcnow()

        def chunks() -> Iterator[bytes]:
            with db.read() as session:
                for chunk in ov.export_rows(session, where, hxl=hxl, now=now):
                    yield chunk.encode("utf-8")

        name = "cmcoord-rfas.hxl.csv" if hxl else "cmcoord-rfas.csv"  # i18n: not shown
        return StreamingResponse(  # i18n: not shown - HTTP headers
            chunks(), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"', **NO_STORE})

    @router.get("/overview.csv")
    def export_csv(request: Request, operation: Q = "", status: Q = "", priority: Q = "",
                   capability: Q = "", cluster: Q = "", start: Q = "", end: Q = "") -> Response:
        return export(request, False, (operation, status, priority, capability, cluster,
                                       start, end))

    @router.get("/overview.hxl.csv")
    def export_hxl(request: Request, operation: Q = "", status: Q = "", priority: Q = "",
                   capability: Q = "", cluster: Q = "", start: Q = "", end: Q = "") -> Response:
        return export(request, True, (operation, status, priority, capability, cluster,
                                      start, end))

    return router


def _no_operation(request: Request, who: SignedIn) -> HTMLResponse:
    return render(request, "error.html", http_status=404, reviewer=who, title=_("Not found"),
                  message=_("HQ has no operation at this address."))
