"""HQ web pages: the public library of lessons (no sign-in) and, from web_review, the
reviewers' pages. Server-rendered with Jinja2 (autoescape on: every user text is escaped),
no script at all, so the Content-Security-Policy forbids scripts outright.

Pages are in English, French or Spanish: the language a reader picked with the switch on
every page (`?lang=`, then kept in a cookie), else the one their browser prefers
(Accept-Language), else English. `PageLanguage` makes it the language of the whole request,
so messages made while handling it come out in it too.

`install_web(app)` mounts the pages, the stylesheet, the language and the security headers
on the HQ application.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldapp import i18n
from fieldapp.i18n import N_, _
from fieldapp.labels import lesson_status_label, topic_label
from hq.db import HqDatabase
from hq.lessons import CHANGED_AFTER_PUBLICATION
from hq.library import (
    FacetCache,
    LibraryQuery,
    atom_feed,
    csv_rows,
    language_name,
    languages,
    public_lesson,
    search_library,
    source_label,
    topics,
)
from hq.roles import ADMIN, COORDINATOR, REGISTRY, REVIEWER, STAFF_PREFIXES
from hq.row_ids import is_row_id

HERE = Path(__file__).parent
WEB_PREFIXES = ("/library", *STAFF_PREFIXES, "/static", "/favicon")
PAGE_PREFIXES = ("/library", *STAFF_PREFIXES)
LANG_PARAM = "lang"
LANG_COOKIE = "cmcoord_hq_lang"
LANG_COOKIE_SECONDS = 365 * 24 * 3600
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
Q = Annotated[str, Query()]  # any length: LibraryQuery.parse cuts it down
SENSITIVITY = {"public": N_("Public"), "internal": N_("Internal")}


def _format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d %b %Y, %H:%M UTC")
    return value.strftime("%d %b %Y")


def sensitivity_label(value: str) -> str:
    """A lesson's sensitivity, readable ("internal" → "Internal")."""
    return _(SENSITIVITY[value]) if value in SENSITIVITY else str(value).capitalize()


def _url(path: str, params: dict[str, str] | None = None) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def accepted_language(header: str) -> str | None:
    """The supported language a browser's Accept-Language prefers most ("fr-CH, fr;q=0.9,
    en;q=0.8" → "fr"), by quality then order; None when it names none of them."""
    ranked = []
    for position, part in enumerate(header.split(",")[:50]):
        tag, *params = part.strip().split(";")
        quality = 1.0
        for param in params:
            key, _sep, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().replace("_", "-").split("-")[0].lower()
        if quality > 0 and primary in i18n.LANGS:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def chosen_language(value: str | None) -> str | None:
    """A language picked with the switch (query parameter or cookie), if supported."""
    value = (value or "").strip().lower()
    return value if value in i18n.LANGS else None


def page_language(connection: HTTPConnection) -> str:
    """The language of a page: switch (`?lang=`), then cookie, then browser, then English."""
    return (chosen_language(connection.query_params.get(LANG_PARAM))
            or chosen_language(connection.cookies.get(LANG_COOKIE))
            or accepted_language(connection.headers.get("accept-language", ""))
            or i18n.BASE_LANG)


def make_templates() -> Environment:
    """The Jinja2 environment of the HQ pages; autoescape is on for every template.

    Template text goes through gettext (`{% trans %}`, `_()`) in the language of the
    request being handled (see `PageLanguage`).
    """
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      extensions=["jinja2.ext.i18n"])
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # added by jinja2.ext.i18n
        i18n._, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext,
        npgettext=i18n.npgettext)
    env.filters["day"] = _format_date
    env.globals.update(topic_label=topic_label, status_label=lesson_status_label, url=_url,
                       topics=topics(), source_label=source_label,
                       lesson_languages=languages(), language_name=language_name,
                       sensitivity_label=sensitivity_label,
                       changed_after_publication=CHANGED_AFTER_PUBLICATION,
                       ROLE_REVIEWER=REVIEWER, ROLE_REGISTRY=REGISTRY,
                       ROLE_COORDINATOR=COORDINATOR, ROLE_ADMIN=ADMIN)
    return env


TEMPLATES = make_templates()


def _language_links(request: Request, here: str | None) -> list[tuple[str, str, str]]:
    """(language, its name, address of this page in it) for the switch on every page.

    A page answering a form (POST) is switched at `here`, the page's own address.
    """
    if here is None:
        if request.method in ("GET", "HEAD"):
            here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        else:
            here = "/review" if request.url.path.startswith("/review") else "/library"
    path, _sep, query = here.partition("?")
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != LANG_PARAM]
    return [(code, i18n.LANGUAGE_NAMES[code],
             f"{path}?{urlencode([*params, (LANG_PARAM, code)])}") for code in i18n.LANGS]


def render(request: Request, template: str, /, *, http_status: int = 200,
           headers: dict[str, str] | None = None, here: str | None = None,
           **context: Any) -> HTMLResponse:
    """A page from a template (escaped), with the given status, in the request's language.

    `here` is the page's own address for the language switch when it answers a form.
    """
    page = TEMPLATES.get_template(template).render(
        lang=i18n.language(), languages=_language_links(request, here), **context)
    return HTMLResponse(page, status_code=http_status, headers=headers)


def not_found(request: Request) -> HTMLResponse:
    """The same page for an unknown, internal or unpublished lesson: nothing is revealed."""
    return render(request, "error.html", http_status=404, reviewer=None, title=_("Not found"),
                  message=_("There is no published lesson at this address."))


class PageLanguage:
    """Makes the page's language (see `page_language`) the language of its whole request.

    The answer says which (Content-Language) and varies with what chose it; a language
    picked with the switch is remembered in a cookie. The JSON API stays in English.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not (
                scope["path"] == "/" or scope["path"].startswith(PAGE_PREFIXES)):
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        lang = page_language(connection)
        picked = chosen_language(connection.query_params.get(LANG_PARAM))
        secure = "; Secure" if connection.url.scheme == "https" else ""  # i18n: not shown

        async def with_language(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-language", lang.encode()),
                            (b"vary", b"Accept-Language, Cookie")]
                if picked:
                    cookie = (  # i18n: not shown - a Set-Cookie header
                        f"{LANG_COOKIE}={picked}; Path=/; Max-Age={LANG_COOKIE_SECONDS}"
                        f"; HttpOnly; SameSite=Lax{secure}")
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        with i18n.in_language(lang):
            await self.app(scope, receive, with_language)


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
                present = {name.lower() for name, _value in headers}
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
                language: Q = "", page: Q = "") -> HTMLResponse:
        where = LibraryQuery.parse(q=q, topic=topic, year=year, operation=operation,
                                   language=language, page=page)
        with db.read() as session:
            results = search_library(session, where)
            choices = facets.get(session)
        return render(request, "library.html", reviewer=None, where=where, results=results,
                      facets=choices, title=_("Lessons observed"))

    @router.get("/library/lessons.csv")
    def export_csv(request: Request, q: Q = "", topic: Q = "", year: Q = "",
                   operation: Q = "", language: Q = "") -> StreamingResponse:
        where = LibraryQuery.parse(q=q, topic=topic, year=year, operation=operation,
                                   language=language)
        root = base_url(request)

        def chunks() -> Iterator[bytes]:
            with db.read() as session:
                for chunk in csv_rows(session, where, base_url=root):
                    yield chunk.encode("utf-8")

        return StreamingResponse(  # i18n: not shown - HTTP headers
            chunks(), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="cmcoord-lessons.csv"'})

    @router.get("/library/feed.atom")
    def feed(request: Request) -> Response:
        with db.read() as session:
            body = atom_feed(session, base_url=base_url(request))
        return Response(body, media_type="application/atom+xml; charset=utf-8")  # i18n: not shown

    @router.get("/library/lessons/{lesson_id}", response_class=HTMLResponse)
    def lesson_page(request: Request, lesson_id: str) -> HTMLResponse:
        if not is_row_id(lesson_id):  # no lesson has such an id: HQ holds them at the door
            return not_found(request)
        with db.read() as session:
            lesson = public_lesson(session, lesson_id)
        if lesson is None:
            return not_found(request)
        return render(request, "lesson.html", reviewer=None, lesson=lesson, title=lesson.title,
                      address=f"{base_url(request)}/library/lessons/{quote(lesson.id, safe='')}")

    return router


def install_web(app: FastAPI) -> None:
    """Mount the library, the staff pages (review, register, proposals, overview, roster,
    accounts), the stylesheets, the page language and the security headers."""
    from hq.staff import StaffGate
    from hq.web_accounts import accounts_router
    from hq.web_overview import overview_router
    from hq.web_proposals import proposals_router
    from hq.web_register import register_router
    from hq.web_review import review_router
    from hq.web_roster import roster_router

    db: HqDatabase = app.state.db
    facets = FacetCache(db)
    gate = StaffGate(db)
    app.state.library_facets = facets
    app.include_router(library_router(db, facets))
    app.include_router(review_router(db, facets, gate))
    # The proposals first: /register/proposals is not an entry of /register/{id}.
    for router in (proposals_router, register_router, overview_router, roster_router,
                   accounts_router):
        app.include_router(router(db, gate))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="hq-static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(PageLanguage)
