"""The Central Register's pages (role `registry`): the list with search and filters, an
entry's form with its history, import with a preview, and the exports (CSV, HXL, PDF).

Every page goes through `StaffGate`; every form carries the session's CSRF token and the
entry's `version` (a stale form is refused with a sentence, nothing saved). An import file
is kept server-side (`hq_register_uploads`, the uploader's session only, one hour) between
its preview and the confirmation, and read again from those bytes when confirmed.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Annotated, Any
from urllib.parse import quote

import pycountry
from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import delete, select

from fieldapp.errors import FieldAppError, NotFoundError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.services.contacts import display_phone
from fieldapp.services.operations import country_name
from hq import register, register_proposals
from hq.db import HqDatabase
from hq.register import RegisterQuery
from hq.register_tables import RegisterEntry, RegisterEvent, RegisterUpload
from hq.reviewers import SignedIn
from hq.roles import REGISTRY
from hq.staff import StaffGate
from hq.web import render

Q = Annotated[str, Query(max_length=200)]
Short = Annotated[str, Form(max_length=400)]
UPLOAD_HOURS = 1
DONE = {
    "created": N_("The entry is in the register; laptops receive it at their next sync."),
    "saved": N_("Your changes are saved and recorded in the history."),
    "unchanged": N_("Nothing was changed."),
    "retired": N_("The entry is retired: it no longer shows in the current register."),
    "restored": N_("The entry is restored and active again."),
    "confirmed": N_("The provider's confirmation is recorded with the new valid-until date."),
}


class EntryForm(BaseModel):
    """The entry form as posted: every value bounded (a longer one is refused, 422)."""

    csrf: str = Field("", max_length=400)
    version: str = Field("", max_length=20)
    provider: str = Field("", max_length=400)
    provider_kind: str = Field("", max_length=40)
    provider_state: str = Field("", max_length=100)
    capability: str = Field("", max_length=4000)
    category: str = Field("", max_length=100)
    quantity: str = Field("", max_length=40)
    capacity_value: str = Field("", max_length=40)
    capacity_unit: str = Field("", max_length=80)
    readiness_hours: str = Field("", max_length=40)
    deployment_hours: str = Field("", max_length=40)
    conditions: str = Field("", max_length=10_000)
    poc_name: str = Field("", max_length=400)
    poc_email: str = Field("", max_length=400)
    poc_phone: str = Field("", max_length=100)
    valid_until: str = Field("", max_length=40)
    status: str = Field("", max_length=40)

    def values(self) -> dict[str, str]:
        """The entry's fields the form sent (only those: the others stay as they are)."""
        return {name: getattr(self, name) for name in register.FIELDS
                if name in self.model_fields_set}


@cache
def all_countries() -> list[tuple[str, str]]:
    """(alpha-3, name) of every country, by name: the Member State choices."""
    return sorted(((str(c.alpha_3), str(c.name)) for c in pycountry.countries),
                  key=lambda c: c[1].casefold())


def _version(value: str) -> int | None:
    """The version a form was filled against; -1 (never current) when garbled."""
    if not value:
        return None
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else -1


def _entry_id(value: uuid.UUID) -> str:
    return str(value)


def _helpers() -> dict[str, Any]:
    return {"category_label": register.category_label, "kind_label": register.kind_label,
            "entry_status_label": register.status_label, "field_label": register.field_label,
            "categories": register.CATEGORIES, "kinds": register.KINDS,
            "entry_statuses": register.STATUSES, "country_name": country_name,
            "summary": register.entry_summary, "display_phone": display_phone,
            "event_text": register.event_text}


def register_router(db: HqDatabase, gate: StaffGate) -> APIRouter:
    """The pages, each checking its role through `gate`."""
    router = APIRouter(include_in_schema=False)

    def where_of(q: str, category: str, kind: str, status: str, country: str, past: str,
                 sort: str, page: str = "") -> RegisterQuery:
        return RegisterQuery.parse(q=q, category=category, kind=kind, status=status,
                                   country=country, past=past, sort=sort, page=page)

    @router.get("/register", response_class=HTMLResponse)
    def index(request: Request, q: Q = "", category: Q = "", kind: Q = "", status: Q = "",
              country: Q = "", past: Q = "", sort: Q = "", page: Q = "") -> Response:
        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        where = where_of(q, category, kind, status, country, past, sort, page)
        with db.read() as session:
            found = register.search_entries(session, where)
            flagged = register.past_valid_until_count(session)
            countries = register.countries_in_use(session)
            pending = register_proposals.counts(session)["pending"]
        return render(request, "register.html", reviewer=who, title=_("Central Register"),
                      where=where, found=found, flagged=flagged, countries=countries,
                      pending=pending, **_helpers())

    def export(where: RegisterQuery, *, hxl: bool, filename: str) -> StreamingResponse:
        def chunks() -> Iterator[bytes]:
            with db.read() as session:
                yield from register.export_chunks(session, where, hxl=hxl)

        return StreamingResponse(  # i18n: not shown - HTTP headers
            chunks(), media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"',
                     "Cache-Control": "no-store"})

    @router.get("/register.csv")
    def export_csv(request: Request, q: Q = "", category: Q = "", kind: Q = "",
                   status: Q = "", country: Q = "", past: Q = "", sort: Q = "") -> Response:
        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        return export(where_of(q, category, kind, status, country, past, sort), hxl=False,
                      filename="mcda-register.csv")  # i18n: not shown - a file name

    @router.get("/register.hxl.csv")
    def export_hxl(request: Request, q: Q = "", category: Q = "", kind: Q = "",
                   status: Q = "", country: Q = "", past: Q = "", sort: Q = "") -> Response:
        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        return export(where_of(q, category, kind, status, country, past, sort), hxl=True,
                      filename="mcda-register.hxl.csv")  # i18n: not shown - a file name

    @router.get("/register.pdf")
    def export_pdf(request: Request, q: Q = "", category: Q = "", kind: Q = "",
                   status: Q = "", country: Q = "", past: Q = "", sort: Q = "") -> Response:
        from hq.register_pdf import register_pdf

        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        with db.read() as session:
            body = register_pdf(session, where_of(q, category, kind, status, country, past,
                                                  sort))
        return Response(body, media_type="application/pdf", headers={  # i18n: not shown
            "Content-Disposition": 'inline; filename="mcda-register.pdf"',
            "Cache-Control": "no-store"})

    # --- one entry ----------------------------------------------------------------------------

    def entry_page(request: Request, who: SignedIn, entry_id: str | None, *,
                   status: int = 200, done: str = "", error: str = "",
                   errors: ValidationErrors | None = None,
                   form: dict[str, str] | None = None) -> HTMLResponse:
        entry = None
        events: list[RegisterEvent] = []
        if entry_id is not None:
            with db.read() as session:
                try:
                    entry = register.get_entry(session, entry_id)
                except NotFoundError:
                    return render(request, "error.html", http_status=404, reviewer=who,
                                  title=_("Not found"),
                                  message=_("The register has no entry at this address."))
                events = register.history(session, entry_id)
                session.expunge_all()
        values = {name: register.as_text(entry, name) if entry else "" for name in
                  register.FIELDS}
        if entry is None:
            values.update(provider_kind=register.MEMBER_STATE, status=register.ACTIVE,
                          quantity="1")
        else:  # E.164 grouped for reading; read back to the same number
            values["poc_phone"] = display_phone(values["poc_phone"])
        values.update(form or {})
        title = entry.capability[:80] if entry else _("New register entry")
        return render(request, "register_entry.html", http_status=status, reviewer=who,
                      title=title, entry=entry, events=events, values=values, errors=errors,
                      error=error, done=_(DONE[done]) if done in DONE else "",
                      past=entry is not None and register.past_valid_until(entry),
                      countries=all_countries(), tomorrow=date.today() + timedelta(days=1),
                      here=f"/register/{entry.id}" if entry else "/register/new",
                      **_helpers())

    @router.get("/register/new", response_class=HTMLResponse)
    def new_page(request: Request) -> Response:
        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        return entry_page(request, who, None)

    @router.post("/register/new", response_class=HTMLResponse)
    def create(request: Request, data: Annotated[EntryForm, Form()]) -> Response:
        who = gate.post(request, REGISTRY, data.csrf)
        if isinstance(who, Response):
            return who
        try:
            with db.write() as session:
                entry_id = register.create_entry(session, data.values(), actor=who.name).id
        except ValidationErrors as exc:
            return entry_page(request, who, None, status=422, errors=exc, form=data.values(),
                              error=_("Some fields need attention; nothing was saved."))
        return RedirectResponse(f"/register/{entry_id}?done=created", status_code=303)

    @router.get("/register/{entry_id:uuid}.pdf")
    def entry_pdf(request: Request, entry_id: uuid.UUID) -> Response:
        from hq.register_pdf import entry_pdf as make_pdf

        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        with db.read() as session:
            try:
                body = make_pdf(session, _entry_id(entry_id))
            except NotFoundError:
                return entry_page(request, who, _entry_id(entry_id))
        return Response(body, media_type="application/pdf", headers={  # i18n: not shown
            "Content-Disposition": f'inline; filename="mcda-{entry_id}.pdf"',
            "Cache-Control": "no-store"})

    @router.get("/register/{entry_id:uuid}", response_class=HTMLResponse)
    def entry_view(request: Request, entry_id: uuid.UUID, done: Q = "") -> Response:
        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        return entry_page(request, who, _entry_id(entry_id), done=done)

    def act(request: Request, entry_id: str, csrf: str, work: Any, done: str,
            form: dict[str, str] | None = None) -> Response:
        who = gate.post(request, REGISTRY, csrf)
        if isinstance(who, Response):
            return who
        try:
            with db.write() as session:
                result = work(session, who.name)
        except NotFoundError:
            return entry_page(request, who, entry_id)
        except ValidationErrors as exc:
            return entry_page(request, who, entry_id, status=422, errors=exc, form=form,
                              error=_("Some fields need attention; nothing was saved."))
        except FieldAppError as exc:
            return entry_page(request, who, entry_id, status=409, error=exc.message, form=form)
        if result is False:
            done = "unchanged"
        return RedirectResponse(f"/register/{entry_id}?done={done}", status_code=303)

    @router.post("/register/{entry_id:uuid}", response_class=HTMLResponse)
    def edit(request: Request, entry_id: uuid.UUID,
             data: Annotated[EntryForm, Form()]) -> Response:
        key = _entry_id(entry_id)
        return act(request, key, data.csrf, lambda s, actor: register.edit_entry(
            s, key, data.values(), actor=actor, version=_version(data.version)), "saved",
            form=data.values())

    @router.post("/register/{entry_id:uuid}/retire",  # i18n: not shown - a route
                 response_class=HTMLResponse)
    def retire(request: Request, entry_id: uuid.UUID, csrf: Short = "",
               version: Short = "") -> Response:
        key = _entry_id(entry_id)
        return act(request, key, csrf, lambda s, actor: register.retire_entry(
            s, key, actor=actor, version=_version(version)), "retired")

    @router.post("/register/{entry_id:uuid}/restore",  # i18n: not shown - a route
                 response_class=HTMLResponse)
    def restore(request: Request, entry_id: uuid.UUID, csrf: Short = "",
                version: Short = "") -> Response:
        key = _entry_id(entry_id)
        return act(request, key, csrf, lambda s, actor: register.restore_entry(
            s, key, actor=actor, version=_version(version)), "restored")

    @router.post("/register/{entry_id:uuid}/confirm",  # i18n: not shown - a route
                 response_class=HTMLResponse)
    def confirm(request: Request, entry_id: uuid.UUID, csrf: Short = "", version: Short = "",
                valid_until: Short = "") -> Response:
        key = _entry_id(entry_id)
        return act(request, key, csrf, lambda s, actor: register.confirm_entry(
            s, key, actor=actor, version=_version(version), valid_until=valid_until),
            "confirmed", form={"confirm_valid_until": valid_until})

    # --- import -------------------------------------------------------------------------------

    def import_page(request: Request, who: SignedIn, *, status: int = 200,
                    **context: Any) -> HTMLResponse:
        context = {"preview": None, "upload": "", "error": "", "reasons": [], "result": None,
                   "name": "", **context}
        return render(request, "register_import.html", http_status=status, reviewer=who,
                      title=_("Import into the register"), columns=register.COLUMNS,
                      here="/register/import", **_helpers(), **context)

    @router.get("/register/import", response_class=HTMLResponse)
    def import_form(request: Request) -> Response:
        who = gate.page(request, REGISTRY)
        if isinstance(who, Response):
            return who
        return import_page(request, who)

    @router.post("/register/import", response_class=HTMLResponse)
    def import_preview(request: Request, file: Annotated[UploadFile, File()],
                       csrf: Short = "") -> Response:
        who = gate.post(request, REGISTRY, csrf)
        if isinstance(who, Response):
            return who
        data = file.file.read(register.MAX_UPLOAD_BYTES + 1)
        name = (file.filename or "")[:200]
        try:
            with db.read() as session:
                preview = register.read_import(session, data)
        except register.RegisterImportError as exc:
            return import_page(request, who, status=422, error=exc.message,
                               reasons=exc.reasons, name=name)
        upload = secrets.token_urlsafe(32)
        cutoff = datetime.now(UTC) - timedelta(hours=UPLOAD_HOURS)
        with db.write() as session:
            session.execute(delete(RegisterUpload).where(RegisterUpload.created_at < cutoff))
            session.add(RegisterUpload(id=upload, session_hash=who.token_hash, name=name,
                                       data=data))
        return import_page(request, who, preview=preview, upload=upload, name=name)

    @router.post("/register/import/confirm", response_class=HTMLResponse)
    def import_confirm(request: Request, csrf: Short = "", upload: Short = "") -> Response:
        who = gate.post(request, REGISTRY, csrf)
        if isinstance(who, Response):
            return who
        cutoff = datetime.now(UTC) - timedelta(hours=UPLOAD_HOURS)
        try:
            with db.write() as session:
                kept = session.scalar(select(RegisterUpload).where(
                    RegisterUpload.id == upload, RegisterUpload.session_hash == who.token_hash,
                    RegisterUpload.created_at >= cutoff))
                if kept is None:
                    raise register.RegisterImportError(_(
                        "This preview has expired or was already imported: upload the file "
                        "again."))
                name = kept.name
                result = register.apply_import(session, kept.data, actor=who.name)
                session.delete(kept)
        except register.RegisterImportError as exc:
            return import_page(request, who, status=409, error=exc.message,
                               reasons=exc.reasons)
        return import_page(request, who, result=result, name=name)

    return router


def entry_address(entry: RegisterEntry) -> str:
    """The entry's page."""
    return f"/register/{quote(entry.id, safe='')}"
