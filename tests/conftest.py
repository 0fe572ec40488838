"""Shared fixtures: a migrated empty profile built once per session, copied per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldapp.db import Database  # noqa: E402 - the Qt platform must be set first
from fieldapp.paths import ProfilePaths, resolve_profile  # noqa: E402


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
def db(profile: ProfilePaths) -> Iterator[Database]:
    """The open database of a fresh profile."""
    database = Database.open(profile)
    yield database
    database.close()
