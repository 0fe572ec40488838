"""Fixtures shared by the core's tests: an operation to put records in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

import fieldapp.models.base as base
from fieldapp.db import Database
from fieldapp.models import Operation

MakeOperation = Callable[[str, str, str], Operation]


@pytest.fixture
def make_operation(db: Database) -> MakeOperation:
    """Adds an operation (name, code, ISO alpha-3 country) and returns it, committed."""

    def make(name: str, code: str, country: str) -> Operation:
        with db.transaction() as session:
            operation = Operation(name=name, code=code, country=country)
            session.add(operation)
            session.flush()
        return operation

    return make


@pytest.fixture
def op_id(make_operation: MakeOperation) -> str:
    """The id of Cyclone Ana (CYA), in Mozambique: national phone numbers are +258."""
    return make_operation("Cyclone Ana", "CYA", "MOZ").id


@pytest.fixture
def laptop_clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[timedelta], None]:
    """Set this laptop's clock off by an offset (timedelta(0): right again) for the rows
    written next. Only the clock is faked: it cannot be moved here for real."""
    real = base.datetime

    def set_offset(offset: timedelta) -> None:
        class Shifted(real):
            @classmethod
            def now(cls, tz=None):
                return real.now(tz) + offset

        monkeypatch.setattr(base, "datetime", Shifted if offset else real)

    return set_offset
