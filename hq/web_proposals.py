"""The register's correction proposals from the field (role `registry`)."""

from __future__ import annotations

from fastapi import APIRouter

from hq.db import HqDatabase
from hq.staff import StaffGate


def proposals_router(db: HqDatabase, gate: StaffGate) -> APIRouter:
    """The pages, each checking its role through `gate`."""
    return APIRouter(include_in_schema=False)
