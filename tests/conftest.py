"""Shared fixtures: a migrated empty profile built once per session, copied per test."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldapp.db import Database  # noqa: E402 - the Qt platform must be set first
from fieldapp.paths import ProfilePaths, resolve_profile  # noqa: E402

_MUTMUT_PHASES = {"", "stats", "fail", "list_all_tests", "mutant_generation"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under mutmut (python3 -m tests.mutation), each mutant runs its tests fastest first,
    so most mutants die in the first second and the slow tests run only for survivors."""
    if os.environ.get("MUTANT_UNDER_TEST", "") in _MUTMUT_PHASES:
        return
    stats = Path("mutants/mutmut-stats.json")
    if not stats.exists():
        return
    import json

    duration = json.loads(stats.read_text("utf-8")).get("duration_by_test", {})
    items.sort(key=lambda item: duration.get(item.nodeid, float("inf")))


@pytest.fixture(autouse=True)
def _collect_on_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Qt tests run as the application does: cycles are collected on the GUI thread only
    (ui.gc_guard), never inside a background job; what a test left is collected after it."""
    if "qapp" in request.fixturenames:
        from ui.gc_guard import install_gui_collector

        install_gui_collector(request.getfixturevalue("qapp"))
    yield
    if not gc.isenabled():
        from ui.gc_guard import collect_due

        collect_due()


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template-profile")
    Database.open(resolve_profile(root)).close()
    return root


@pytest.fixture
def profile(tmp_path: Path, _migrated_template: Path) -> ProfilePaths:
    """A fresh profile folder holding a migrated, empty database."""
    root = tmp_path / "profile"
    shutil.copytree(_migrated_template, root)
    return resolve_profile(root)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """No system keyring works in this test (the database key needs a passphrase, the
    HQ token goes into the database)."""
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A working system keyring for this test (secrets kept in memory)."""
    import keyring

    from tests.keyring_memory import MemoryKeyring

    monkeypatch.delenv("CMCOORD_NO_KEYRING", raising=False)
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def db(profile: ProfilePaths) -> Iterator[Database]:
    """The open database of a fresh profile."""
    database = Database.open(profile)
    yield database
    database.close()
