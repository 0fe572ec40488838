"""The reviewers' pages: sign-in and sign-out, the review queue, a lesson's review page.

Every page needs a live session (else a redirect to the sign-in page). Every POST carries
the session's CSRF token in a hidden field and is refused (403) without it; the sign-in
form itself is protected by a double-submit token (cookie and field). The session cookie
is HttpOnly, SameSite=Lax, and Secure whenever the page came over https.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from fieldapp.errors import FieldAppError, NotFoundError, ValidationErrors
from fieldapp.i18n import N_, _, ngettext
from hq import lessons
from hq.db import HqDatabase
from hq.lesson_tables import LessonEvent
from hq.library import FacetCache
from hq.reviewers import (
    SESSION_HOURS,
    SignedIn,
    SignInLimits,
    csrf_ok,
    end_session,
    start_session,
    verify_password,
)
from hq.roles import REVIEWER, home_page, parse_roles
from hq.row_ids import is_row_id
from hq.staff import (
    SESSION_COOKIE,
    StaffGate,
    expired_form,
    is_secure,
    safe_next,
)
from hq.web import render

SIGNIN_COOKIE = "cmcoord_hq_signin"
PAGE_SIZE = 50
DONE = {
    "validated": N_("Validated. The officer's laptop receives the decision at its next sync."),
    "returned": N_("Returned to the officer with your comment."),
    "published": N_("Published: the lesson is now in the public library."),
    "edited": N_("Your edits are saved and logged; the officer receives them at the next "
                 "sync."),
    "unchanged": N_("Nothing was changed."),
}
# A line of a lesson's history: one sentence per action, and per field for an edit.
EVENTS = {
    "submit": N_("{actor} submitted it"),
    "validate": N_("{actor} validated it"),
    "return": N_("{actor} returned it"),
    "publish": N_("{actor} published it"),
    "withdraw": N_("{actor} withdrew it from the library"),
}
EDITS = {
    "title": N_("{actor} edited the title"),
    "location": N_("{actor} edited the location"),
    "topic": N_("{actor} edited the topic"),
    "observation": N_("{actor} edited the observation"),
    "discussion": N_("{actor} edited the discussion"),
    "recommendation": N_("{actor} edited the recommendation"),
    "suggested_owner": N_("{actor} edited the suggested owner"),
    "keywords": N_("{actor} edited the keywords"),
}
Text = Annotated[str, Form(max_length=25_000)]
Short = Annotated[str, Form(max_length=400)]


def _no_lesson(request: Request, reviewer: SignedIn, here: str) -> HTMLResponse:
    return render(request, "error.html", http_status=404, reviewer=reviewer,
                  title=_("Not found"), here=here,
                  message=_("HQ has no submitted lesson at this address."))


def event_line(event: LessonEvent) -> Markup:
    """What a logged event says on the review page: "<strong>Marie</strong> validated it"."""
    actor = Markup("<strong>{}</strong>").format(event.actor)
    if event.action == "edit":
        sentence = EDITS.get(event.field or "")
        if sentence is None:
            # Translators: {field} is the name of a lesson's field, as stored ("title").
            sentence = N_("{actor} edited {field}")
        return Markup(_(sentence)).format(actor=actor, field=event.field or "")
    if event.action in EVENTS:
        return Markup(_(EVENTS[event.action])).format(actor=actor)
    return Markup("{} {}").format(actor, event.action)


def _rev(value: str) -> int | None:
    """The lesson revision a form was filled against: None when missing; -1, a revision
    no lesson has (so the decision is refused as stale), when garbled or out of range."""
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) >= 2**63:
        return -1
    return int(value)


def _decide(action: Callable[..., object], lesson_id: str, rev: str, done: str,
            **extra: str) -> Callable[[Any, str], str]:
    """A reviewer's decision as `decision` runs it: `action` on the lesson, then `done`."""
    def act(session: Any, who: str) -> str:
        action(session, lesson_id, reviewer=who, rev=_rev(rev), **extra)
        return done
    return act


def review_router(db: HqDatabase, facets: FacetCache, gate: StaffGate) -> APIRouter:
    """Sign-in and sign-out of every staff account; the queue and the review page of one
    lesson (role `reviewer`)."""
    limits = SignInLimits()
    router = APIRouter(include_in_schema=False)

    @router.get("/review/signin", response_class=HTMLResponse)
    def signin_page(request: Request,
                    next: Annotated[str, Query(max_length=400)] = "") -> Response:
        return _signin_form(request, next_path=safe_next(next))

    def _signin_form(request: Request, *, next_path: str, name: str = "", error: str = "",
                     status: int = 200) -> HTMLResponse:
        token = secrets.token_urlsafe(32)
        response = render(request, "signin.html", http_status=status, reviewer=None,
                          title=_("Sign in"), csrf=token, next_path=next_path, name=name,
                          error=error, here=f"/review/signin?{urlencode({'next': next_path})}")
        response.set_cookie(SIGNIN_COOKIE, token, max_age=3600, httponly=True,
                            samesite="lax", secure=is_secure(request), path="/review")
        return response

    @router.post("/review/signin", response_class=HTMLResponse)
    def signin(request: Request, name: Short = "", password: Short = "", csrf: Short = "",
               next: Short = "") -> Response:
        if not csrf_ok(request.cookies.get(SIGNIN_COOKIE), csrf):
            return expired_form(request, None)
        # The peer's address: X-Forwarded-For counts only from the proxies `serve` names.
        who = {"name": name, "address": request.client.host if request.client else ""}
        wait = limits.wait_seconds(**who)
        if wait:
            minutes = max(1, round(wait / 60))
            error = ngettext("Too many failed sign-ins. Try again in {count} minute.",
                             "Too many failed sign-ins. Try again in {count} minutes.",
                             minutes).format(count=minutes)
            return _signin_form(request, next_path=safe_next(next), name=name, status=429,
                                error=error)
        with db.write() as session:
            reviewer = verify_password(session, name=name, password=password)
            if reviewer is None:
                token = None
            else:
                token, _session = start_session(session, reviewer)
                home = home_page(parse_roles(reviewer.roles))
        if token is None:
            limits.failed(**who)
            return _signin_form(request, next_path=safe_next(next), name=name, status=401,
                                error=_("The name or the password is wrong."))
        limits.succeeded(**who)
        response = RedirectResponse(safe_next(next) or home, status_code=303)
        response.set_cookie(SESSION_COOKIE, token, max_age=SESSION_HOURS * 3600,
                            httponly=True, samesite="lax", secure=is_secure(request), path="/")
        response.delete_cookie(SIGNIN_COOKIE, path="/review")
        return response

    @router.post("/review/signout")
    def signout(request: Request, csrf: Short = "") -> Response:
        who = gate.current(request)
        if who is None:
            return gate.to_signin(request)
        if not csrf_ok(who.csrf_token, csrf):
            return expired_form(request, who)
        with db.write() as session:
            end_session(session, who.token_hash)
        response = RedirectResponse("/review/signin", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @router.get("/review", response_class=HTMLResponse)
    def queue(request: Request, status: Annotated[str, Query(max_length=20)] = "submitted",
              page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
        who = gate.page(request, REVIEWER)
        if isinstance(who, Response):
            return who
        if status not in lessons.QUEUE_STATUSES:
            status = lessons.S.SUBMITTED.value
        with db.read() as session:
            counts = lessons.queue_counts(session)
            rows = lessons.review_queue(session, status=status, offset=(page - 1) * PAGE_SIZE,
                                        limit=PAGE_SIZE)
        pages = max(1, -(-counts[status] // PAGE_SIZE))
        return render(request, "queue.html", reviewer=who, title=_("Review queue"),
                      status=status, counts=counts, rows=rows, page=page, pages=pages)

    def page_of(request: Request, who: SignedIn, lesson_id: str, *, status: int = 200,
                error: str = "", errors: ValidationErrors | None = None, done: str = "",
                form: dict[str, str] | None = None) -> HTMLResponse:
        if not is_row_id(lesson_id):  # no lesson has another id: HQ holds them at the door
            return _no_lesson(request, who, "/review")
        here = f"/review/lessons/{lesson_id}"
        with db.read() as session:
            try:
                view = lessons.review_view(session, lesson_id)
            except NotFoundError:
                return _no_lesson(request, who, here)
        return render(request, "review.html", http_status=status, reviewer=who,
                      title=view.lesson.title, view=view, error=error, errors=errors,
                      done=_(DONE[done]) if done in DONE else "", form=form or {},
                      editable=lessons.REVIEWER_EDITABLE, event_line=event_line, here=here)

    @router.get("/review/lessons/{lesson_id}", response_class=HTMLResponse)
    def review_page(request: Request, lesson_id: str,
                    done: Annotated[str, Query(max_length=20)] = "") -> Response:
        who = gate.page(request, REVIEWER)
        if isinstance(who, Response):
            return who
        return page_of(request, who, lesson_id, done=done)

    def decision(request: Request, lesson_id: str, csrf: str,
                 act: Callable[[Any, str], str], form: dict[str, str] | None = None
                 ) -> Response:
        who = gate.post(request, REVIEWER, csrf)
        if isinstance(who, Response):
            return who
        if not is_row_id(lesson_id):
            return page_of(request, who, lesson_id, status=404)
        try:
            with db.write() as session:
                done = act(session, who.name)
        except NotFoundError:
            return page_of(request, who, lesson_id, status=404)
        except ValidationErrors as exc:
            return page_of(request, who, lesson_id, status=422, errors=exc, form=form,
                           error=_("Some fields need attention; nothing was saved."))
        except FieldAppError as exc:
            return page_of(request, who, lesson_id, status=409, error=exc.message, form=form)
        facets.clear()
        return RedirectResponse(f"/review/lessons/{lesson_id}?done={done}", status_code=303)

    @router.post("/review/lessons/{lesson_id}/validate")
    def validate(request: Request, lesson_id: str, csrf: Short = "", rev: Short = "",
                 comment: Text = "") -> Response:
        act = _decide(lessons.validate, lesson_id, rev, "validated", comment=comment)
        return decision(request, lesson_id, csrf, act, form={"comment": comment})

    @router.post("/review/lessons/{lesson_id}/return")
    def return_(request: Request, lesson_id: str, csrf: Short = "", rev: Short = "",
                comment: Text = "") -> Response:
        act = _decide(lessons.return_lesson, lesson_id, rev, "returned", comment=comment)
        return decision(request, lesson_id, csrf, act, form={"comment": comment})

    @router.post("/review/lessons/{lesson_id}/publish")
    def publish(request: Request, lesson_id: str, csrf: Short = "",
                rev: Short = "") -> Response:
        return decision(request, lesson_id, csrf,
                        _decide(lessons.publish, lesson_id, rev, "published"))

    @router.post("/review/lessons/{lesson_id}/edit")
    async def edit(request: Request, lesson_id: str) -> Response:
        data = await request.form(max_files=0, max_fields=40)
        values = {k: str(data.get(k, "")) for k in ("csrf", "rev", *lessons.REVIEWER_EDITABLE)}
        changes = {k: values[k] for k in lessons.REVIEWER_EDITABLE if k in data}

        def act(session: Any, who: str) -> str:
            changed = lessons.edit(session, lesson_id, changes, reviewer=who,
                                   rev=_rev(values["rev"]))
            return "edited" if changed else "unchanged"

        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(decision, request, lesson_id, values["csrf"], act,
                                       changes)

    return router
