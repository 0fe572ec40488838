"""A real HQ server (uvicorn in a thread, free port on 127.0.0.1) and real client profiles.

Server tests run on SQLite, and also on PostgreSQL when CMCOORD_TEST_PG_URL is set (each
test in a fresh schema, dropped afterwards).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from bench.hq_server import free_port, fresh_schema
from fieldapp.db import Database
from fieldapp.models import Operation
from fieldapp.paths import resolve_profile
from hq import admin
from hq.app import create_app
from hq.db import HqDatabase
from sync.client import enroll
from sync.tokens import TokenStore

PG_URL = os.environ.get("CMCOORD_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


class ServerThread:
    """uvicorn serving an app on 127.0.0.1 in a daemon thread (`options` for uvicorn's
    Config, such as `proxy_headers=False`)."""

    def __init__(self, app: object, **options: object) -> None:
        self.port = free_port()
        config = uvicorn.Config(app, **{"log_level": "warning", "server_header": False,
                                        **options, "host": "127.0.0.1",
                                        "port": self.port, "lifespan": "off"})
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the HQ server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")


@pytest.fixture(params=BACKENDS)
def hq_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty HQ database: a SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.sqlite'}"
        return
    with fresh_schema(PG_URL, prefix="t") as url:
        yield url


@dataclass
class Hq:
    """The running HQ: its URL, its database for admin work, and the app."""

    url: str
    db: HqDatabase
    operation_id: str
    officer: str


def start_hq(database_url: str, **app_options: object) -> tuple[ServerThread, HqDatabase]:
    app = create_app(database_url, **app_options)
    return ServerThread(app), app.state.db


@contextmanager
def running_hq(database_url: str) -> Iterator[Hq]:
    """A running HQ on `database_url` with operation MRV (officer Ana assigned)."""
    server, db = start_hq(database_url)
    op = admin.add_operation(db, code="MRV", name="Marovia response", country="HTI")
    admin.add_officer(db, name="Ana")
    admin.assign(db, officer="Ana", operation="MRV")
    try:
        with server:
            yield Hq(server.url, db, op.id, "Ana")
    finally:
        db.close()


@pytest.fixture
def hq(hq_database_url: str) -> Iterator[Hq]:
    """A running HQ with operation MRV (officer Ana assigned)."""
    with running_hq(hq_database_url) as running:
        yield running


@pytest.fixture
def make_profile(tmp_path: Path, _migrated_template: Path) -> Iterator[Callable[[str], Database]]:
    """Open a fresh client profile (a real migrated SQLite file) by name."""
    opened: list[Database] = []

    def make(name: str) -> Database:
        root = tmp_path / f"profile-{name}"
        shutil.copytree(_migrated_template, root)
        database = Database.open(resolve_profile(root))
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()


def enrolled(hq: Hq, make_profile: Callable[[str], Database], name: str,
             *, officer: str | None = None) -> Database:
    """A profile enrolled with HQ as `officer` (Ana by default), synced once."""
    from sync.client import sync_once

    db = make_profile(name)
    code, _ = admin.make_enrollment_code(hq.db, officer=officer or hq.officer)
    enroll(db, hq.url, code, device_name=name, tokens=TokenStore(db))
    sync_once(db)
    return db


def operation_of(db: Database) -> str:
    with db.session() as session:
        return session.query(Operation.id).filter(Operation.code == "MRV").scalar()
