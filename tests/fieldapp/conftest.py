"""Fixtures shared by the core's tests: an operation to put records in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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
