"""The cross-operation overview of RFAs (role `coordinator`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from hq.db import HqDatabase
from hq.roles import COORDINATOR
from hq.staff import StaffGate
from hq.web import render


def overview_router(db: HqDatabase, gate: StaffGate) -> APIRouter:
    """The pages, each checking its role through `gate`."""
    router = APIRouter(include_in_schema=False)

    @router.get("/overview", response_class=HTMLResponse)
    def index(request: Request) -> Response:  # a placeholder until the page is built
        who = gate.page(request, COORDINATOR)
        if isinstance(who, Response):
            return who
        return render(request, "error.html", reviewer=who, title="/overview",  # i18n: not shown
                      message="")

    return router
