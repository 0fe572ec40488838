"""HQ web pages: the public library of lessons (no sign-in) and, from web_review, the
reviewers' pages. Server-rendered with Jinja2 (autoescape on: every user text is escaped),
no script at all, so the Content-Security-Policy forbids scripts outright.

`install_web(app)` mounts the pages, the stylesheet and the security headers on the HQ
application.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldapp.labels import lesson_status_label, topic_label
from sync.server.db import HqDatabase
from sync.server.library import (
    TOPICS,
    FacetCache,
    LibraryQuery,
    atom_feed,
    csv_rows,
    public_lesson,
    search_library,
)

HERE = Path(__file__).parent
WEB_PREFIXES = ("/library", "/review", "/static", "/favicon")
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
Q = Annotated[str, Query()]  # any length: LibraryQuery.parse cuts it down


def _format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d %b %Y, %H:%M UTC")
    return value.strftime("%d %b %Y")


def _url(path: str, params: dict[str, str] | None = None) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def make_templates() -> Environment:
    """The Jinja2 environment of the HQ pages; autoescape is on for every template."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["day"] = _format_date
    env.globals.update(topic_label=topic_label, status_label=lesson_status_label, url=_url,
                       topics=TOPICS)
    return env


TEMPLATES = make_templates()


def render(template: str, /, *, http_status: int = 200, headers: dict[str, str] | None = None,
           **context: Any) -> HTMLResponse:
    """A page from a template (escaped), with the given status."""
    return HTMLResponse(TEMPLATES.get_template(template).render(**context), status_code=http_status,
                        headers=headers)


def not_found() -> HTMLResponse:
    """The same page for an unknown, internal or unpublished lesson: nothing is revealed."""
    return render("error.html", http_status=404, reviewer=None, title="Not found",
                  message="There is no published lesson at this address.")


class SecurityHeaders:
    """CSP (no scripts, no framing), nosniff and referrer policy on every web page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not (
                scope["path"] == "/" or scope["path"].startswith(WEB_PREFIXES)):
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if scope["path"].startswith("/review") and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def library_router(db: HqDatabase, facets: FacetCache) -> APIRouter:
    """The public library: list and search, a page per lesson, Atom feed, CSV export."""
    router = APIRouter(include_in_schema=False)

    def base_url(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    @router.get("/")
    def home() -> RedirectResponse:
        return RedirectResponse("/library", status_code=307)

    @router.get("/library", response_class=HTMLResponse)
    def library(request: Request, q: Q = "", topic: Q = "", year: Q = "", operation: Q = "",
                page: Q = "") -> HTMLResponse:
        where = LibraryQuery.parse(q=q, topic=topic, year=year, operation=operation,
                                   page=page)
        with db.read() as session:
            results = search_library(session, where)
            choices = facets.get(session)
        return render("library.html", reviewer=None, where=where, results=results,
                      facets=choices, title="Lessons observed")

    @router.get("/library/lessons.csv")
    def export_csv(request: Request, q: Q = "", topic: Q = "", year: Q = "",
                   operation: Q = "") -> StreamingResponse:
        where = LibraryQuery.parse(q=q, topic=topic, year=year, operation=operation)
        root = base_url(request)

        def chunks() -> Iterator[bytes]:
            with db.read() as session:
                for chunk in csv_rows(session, where, base_url=root):
                    yield chunk.encode("utf-8")

        return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="cmcoord-lessons.csv"'})

    @router.get("/library/feed.atom")
    def feed(request: Request) -> Response:
        with db.read() as session:
            body = atom_feed(session, base_url=base_url(request))
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    @router.get("/library/lessons/{lesson_id}", response_class=HTMLResponse)
    def lesson_page(request: Request, lesson_id: str) -> HTMLResponse:
        with db.read() as session:
            lesson = public_lesson(session, lesson_id)
        if lesson is None:
            return not_found()
        return render("lesson.html", reviewer=None, lesson=lesson, title=lesson.title,
                      address=f"{base_url(request)}/library/lessons/{lesson.id}")

    return router


def install_web(app: FastAPI) -> None:
    """Mount the library, the review pages, the stylesheet and the security headers."""
    from sync.server.web_review import review_router

    db: HqDatabase = app.state.db
    facets = FacetCache(db)
    app.state.library_facets = facets
    app.include_router(library_router(db, facets))
    app.include_router(review_router(db, facets))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="hq-static")
    app.add_middleware(SecurityHeaders)
