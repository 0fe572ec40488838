"""The HQ web application: `create_app(database_url)` builds it (FastAPI, OpenAPI at /docs).

Every answer that is not a success is `{"error": code, "detail": sentence}`. Request
bodies may be gzip- or zstd-encoded and are limited in size (413); answers are encoded in
what the client accepts (zstd, else gzip). Nothing a client sends can make the server show
a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from sqlalchemy import or_, select, update
from starlette.exceptions import HTTPException as StarletteHTTPException

from fieldapp import __version__
from hq.bodies import DEFAULT_MAX_BODY, BodyLimitMiddleware
from hq.db import HqDatabase
from hq.device_codes import assign_device_code, check_code, usable_code
from hq.encoding import AnswerEncodingMiddleware
from hq.errors import ApiError
from hq.merge import apply_push
from hq.models import Device, HandbookEdition, HqOperation, Officer
from hq.pull import Cursor, pull_batch
from hq.schemas import (
    MAX_CHANGES_PER_PUSH,
    MAX_PULL_LIMIT,
    EnrollIn,
    EnrollOut,
    HealthOut,
    PullOut,
    PushIn,
    PushOut,
)
from hq.scope import officer_operations
from hq.security import (
    Caller,
    authenticate,
    final_push,
    hash_secret,
    new_token,
    normalise_code,
    parse_client_header,
    token_checker,
)
from hq.throttle import EnrollmentThrottle, enrollment_gate
from hq.web import install_web
from sync.wire import PROTOCOL, WireError, decode_push, encode_rows

log = logging.getLogger("cmcoord.hq")
DATABASE_ENV = "CMCOORD_HQ_DATABASE"
LAST_SEEN_STEP = timedelta(minutes=1)  # devices' last_seen_at is kept to the minute
PAGES_PER_ANSWER = 50  # a streamed pull (protocol 3) ends after this many; the device asks on
NDJSON = "application/x-ndjson"
CURSOR_TEXT = r"^[A-Za-z0-9_-]*$"  # base64url, as Cursor.encode writes it
# Every status code an endpoint can answer besides its success is in the OpenAPI
# document (a 405 carries `Allow`; a 500 is a bug, never part of the contract).
ERRORS: dict[int | str, dict[str, Any]] = {  # i18n: not shown
    401: {"description": "No token, an unknown one, a revoked device (device_revoked), or "
                         "one revoked as lost (device_lost: it erases its local data)"},
    403: {"description": "A pull of another operation's data"},
    404: {"description": "No handbook edition of that name"},
    413: {"description": "Request body too large"},
    415: {"description": "A Content-Encoding other than gzip or identity"},
    422: {"description": "Malformed JSON, a body that is not the envelope, a bad cursor"},
}


def answers(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of an endpoint: the error answers it can give."""
    return {code: ERRORS[code] for code in codes}


def _error(status: int, code: str, detail: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail, **extra}, status_code=status)


def _readable(errors: list[Any]) -> tuple[str, list[dict[str, str]]]:
    problems = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        message = error.get("msg", "invalid")
        if error.get("type") == "json_invalid":
            where, message = "body", "the body is not valid JSON"  # i18n: not shown
        problems.append({"where": where or "body", "problem": message})
    text = "; ".join(f"{p['where']}: {p['problem']}" for p in problems[:5])
    if len(problems) > 5:
        text += f"; and {len(problems) - 5} more"  # i18n: not shown
    return f"The request was not understood: {text}.", problems  # i18n: not shown


def _compact(result: dict[str, Any], *, bare: bool = False) -> dict[str, Any] | int:
    """A push result as sent: positional, without what the default already says; with
    `bare` (protocol 3) a change simply applied is its rev alone."""
    if result.get("status") == "held":
        return result
    if result.get("status") == "applied" and not result.get("conflicts"):
        return result["rev"] if bare else {"rev": result["rev"]}
    return {"rev": result["rev"], "status": result["status"], "conflicts": result["conflicts"]}


def _page(batch: dict[str, Any]) -> dict[str, Any]:
    """A pull page as protocol 3 sends it: rows in runs, no null edition."""
    return {"runs": encode_rows(batch["rows"]),
            **{k: v for k, v in batch.items() if k != "rows" and v is not None}}


def _page_line(batch: dict[str, Any]) -> bytes:
    """A pull page as one JSON line of a streamed pull."""
    return json.dumps(_page(batch), separators=(",", ":"), ensure_ascii=False).encode() + b"\n"


def install_error_handlers(app: FastAPI) -> None:
    """JSON errors everywhere, and no traceback ever leaves the server."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        detail, problems = _readable(list(exc.errors()))
        return _error(422, "invalid_request", detail, problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # a body FastAPI could not parse (e.g. nested too deep)
            return _error(422, "invalid_request",  # i18n: not shown
                          "The request was not understood: the body is not JSON HQ can read.")
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        answer = _error(exc.status_code, code, str(exc.detail))
        answer.headers.update(exc.headers or {})  # a 405's `Allow`
        return answer

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error(500,  # i18n: not shown
                      "internal", "HQ had an internal error; it was logged. Try again later.")


def current_caller(
    request: Request, authorization: Annotated[str | None, Header()] = None,
    x_fieldkit_client: Annotated[str | None, Header()] = None,
    x_officer_present: Annotated[str | None, Header()] = None,
) -> Caller:
    """The device and officer behind a request (401 otherwise); a FastAPI dependency.

    What the device says it runs (`X-FieldKit-Client`) is recorded when it changed. A device
    written off as lost may only push, and only with its officer signed in."""
    db: HqDatabase = request.app.state.db
    with db.read() as session:
        caller = authenticate(session, authorization, lost_may_push=final_push(
            request.url.path, x_officer_present))
    client = parse_client_header(x_fieldkit_client)
    if client != caller.client:  # once per upgrade of the device
        with db.write() as session:
            session.execute(update(Device).where(Device.id == caller.device_id).values(
                client_protocol=client[0], client_schema=client[1], client_version=client[2]))
    return caller


Authorized = Annotated[Caller, Depends(current_caller)]


def create_app(
    database_url: str, *, max_body_bytes: int = DEFAULT_MAX_BODY, migrate: bool = True
) -> FastAPI:
    """The HQ application on one database (SQLite or PostgreSQL), schema upgraded first."""
    db = HqDatabase.open(database_url, migrate=migrate)
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(  # i18n: not shown
        lifespan=lifespan,
        title="CMCoord Field Kit HQ", version=__version__,
        description="Enrollment and sync of Field Kit devices. See docs/sync-protocol.md.",
    )
    app.state.db = db
    app.add_middleware(AnswerEncodingMiddleware)  # zstd or gzip, streamed parts flushed
    # The token is checked before a body is read; bodies are inflated under a cap.
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes,
                       check_token=token_checker(db))
    install_error_handlers(app)
    install_web(app)  # lessons review pages and the public library (issue 8)

    # Endpoints are plain functions: FastAPI runs them in its thread pool.

    @app.get("/api/v1/health", response_model=HealthOut)
    def health() -> HealthOut:
        with db.read() as session:
            session.execute(select(1))
        return HealthOut(status="ok", version=__version__, database=db.engine.dialect.name)

    enrollments = EnrollmentThrottle()
    too_many = {429: {  # i18n: not shown
        "description": "Too many attempts: from this address, or overall"}}

    @app.post("/api/v1/enroll", response_model=EnrollOut,
              responses={**answers(401, 413, 415, 422), **too_many})
    async def enroll(
        request: Request, body: EnrollIn,
        x_fieldkit_client: Annotated[str | None, Header()] = None,
    ) -> EnrollOut | JSONResponse:
        """Trade a one-time enrollment code for a device token (shown only here, once).
        Attempts are counted per address and overall: slowed down, then refused (429)."""
        address = request.client.host if request.client else "unknown"
        refused = await enrollment_gate(enrollments, address)
        if refused is not None:
            return refused
        digest = hash_secret(normalise_code(body.code))
        await run_in_threadpool(check_code, db, digest)  # wrong codes: no write lock
        enrolled = await run_in_threadpool(enroll_device, body, digest, x_fieldkit_client)
        enrollments.succeeded(address)
        return enrolled

    def enroll_device(body: EnrollIn, digest: str, x_fieldkit_client: str | None) -> EnrollOut:
        client = parse_client_header(x_fieldkit_client)
        now = datetime.now(UTC)
        with db.write() as session:
            code = usable_code(session, digest, now)  # again: it may have been used since
            token = new_token()
            device = Device(id=str(uuid.uuid4()), officer_id=code.officer_id,
                            name=body.device_name.strip(), token_hash=hash_secret(token),
                            code=assign_device_code(session, code.officer_id, body.device_code),
                            client_protocol=client[0], client_schema=client[1],
                            client_version=client[2])
            session.add(device)
            code.used_at = now
            code.device_id = device.id
            officer = session.get(Officer, code.officer_id)
            assert officer is not None
            ops = officer_operations(session, officer.id)
            operations = session.scalars(
                select(HqOperation).where(HqOperation.id.in_(ops)).order_by(HqOperation.code)
            ).all()
            log.info("device %s enrolled for officer %s", device.id, officer.id)
            return EnrollOut(
                token=token, device_id=device.id, officer_id=officer.id,
                officer_name=officer.name,
                operations=[{"id": o.id, "code": o.code, "name": o.name} for o in operations],
                device_code=device.code,
            )

    def apply(who: Caller, body: PushIn) -> list[dict[str, Any]]:
        with db.write() as session:
            results = apply_push(session, officer_id=who.officer_id, device_id=who.device_id,
                                 changes=body.changes)
            now = datetime.now(UTC)
            session.execute(update(Device).where(  # one statement, at most once a minute
                Device.id == who.device_id,
                or_(Device.last_seen_at.is_(None), Device.last_seen_at < now - LAST_SEEN_STEP),
            ).values(last_seen_at=now))
        return results

    # Writers are serialised by the database's write lock anyway. Waiting for it in the
    # event loop rather than in a worker thread keeps the thread pool free for pulls
    # (under load, pushes parked on the lock would otherwise hold every thread).
    writers = asyncio.Semaphore(1)

    @app.post("/api/v1/push", response_model=PushOut, responses=answers(401, 413, 415, 422))
    async def push(
        who: Authorized, body: PushIn,
        since: Annotated[str | None, Query(max_length=400, pattern=CURSOR_TEXT)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 500,
    ) -> JSONResponse:
        """Apply outbox changes, each on its own: applied, conflict or held (a code and a
        sentence). A change id this device already sent returns its first result.
        Protocol 3 sends them in `runs` (sync/wire.py) and gets a bare rev for each change
        simply applied. With `since` (protocol 3, the last push of a sync), the answer also
        holds the first page of the pull that follows (`page`), saving its request."""
        compact = body.runs is not None
        cursor = None
        if since is not None and compact and not who.lost:  # a lost device gets no data
            with contextlib.suppress(ApiError):  # the pull that follows will say so
                cursor = Cursor.decode(since)
        if compact:
            try:
                body.changes = decode_push({"runs": body.runs})
            except WireError as exc:
                raise ApiError(422, "invalid_request",  # i18n: not shown
                               f"The request was not understood: {exc}.") from None
            if len(body.changes) > MAX_CHANGES_PER_PUSH:
                raise ApiError(422, "invalid_request",  # i18n: not shown
                               "The request was not understood: more than "
                               f"{MAX_CHANGES_PER_PUSH} changes.")
        async with writers:
            results = await run_in_threadpool(apply, who, body)
        answer: dict[str, Any] = {"results": [_compact(r, bare=compact) for r in results]}
        if cursor is not None:
            answer["page"] = _page(await run_in_threadpool(pull_page, who, cursor, limit))
        return JSONResponse(answer)

    def pull_page(who: Caller, after: Cursor, limit: int,
                  operation: str | None = None) -> dict[str, Any]:
        with db.read() as session:
            return pull_batch(session, officer_id=who.officer_id, device_id=who.device_id,
                              cursor=after, limit=limit, operation_id=operation)

    @app.get("/api/v1/pull", response_model=PullOut, responses=answers(401, 403, 422))
    def pull(
        who: Authorized,
        since: Annotated[str, Query(max_length=400, pattern=CURSOR_TEXT)] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 500,
        operation: Annotated[str | None, Query(max_length=36)] = None,
        v: Annotated[int, Query(ge=2, le=PROTOCOL)] = 2,
    ) -> Response:
        """Rows changed after the cursor `since` in the officer's operations, oldest first.

        With `v=3`, a stream of pages of `limit` rows (one JSON object a line, rows in
        runs), each with its own `next`, until nothing is left or PAGES_PER_ANSWER pages
        were sent: the device applies each page as it arrives."""
        cursor = Cursor.decode(since)

        def page(after: Cursor) -> dict[str, Any]:
            return pull_page(who, after, limit, operation)

        first = page(cursor)  # a refusal (403) is still an ordinary error answer
        if v < 3:
            return JSONResponse(first)
        if not first["more"]:  # one page: an ordinary answer (no chunks, small stays plain)
            return Response(_page_line(first), media_type=NDJSON)

        def pages() -> Iterator[bytes]:
            batch = first
            for number in range(PAGES_PER_ANSWER):
                if number:
                    batch = page(Cursor.decode(batch["next"]))
                yield _page_line(batch)
                if not batch["more"]:
                    return

        return StreamingResponse(pages(), media_type=NDJSON)

    @app.get("/api/v1/handbook/{name}", responses=answers(401, 404))
    def handbook(name: str, who: Authorized) -> Response:
        """A published handbook edition as a zip of its Markdown folders."""
        with db.read() as session:
            edition = session.get(HandbookEdition, name)
            if edition is None:
                raise ApiError(404,  # i18n: not shown
                               "not_found", f"HQ has no handbook edition {name!r}.")
            return Response(edition.archive, media_type="application/zip",
                            headers={"X-Content-SHA256": edition.sha256})

    return app


def app_from_environment() -> FastAPI:
    """The app of one uvicorn worker process (`cmcoord-hq serve --workers N`): database
    from CMCOORD_HQ_DATABASE, schema already upgraded by the parent process."""
    return create_app(os.environ[DATABASE_ENV], migrate=False)
