"""A laptop written off from HQ as lost (`cmcoord-hq device revoke ID --lost`) erases its
profile's data when it reaches HQ again; a device merely revoked keeps its data."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from fieldapp.keys import ProfileKeys
from fieldapp.models import Contact, OutboxEntry
from hq import admin
from hq.cli import main
from sync.client import ERASED_MARKER, sync_once
from sync.errors import SyncError
from sync.tokens import TokenStore
from tests.sync.conftest import enrolled


def _add_contact(db, op_id, name="Person"):
    with db.transaction() as session:
        contact = Contact(operation_id=op_id, given_name=name, role="Logistics")
        session.add(contact)
        session.flush()
        return contact.id


def _with_backup_and_sidecars(db):
    db.paths.backups.mkdir(exist_ok=True)
    (db.paths.backups / "fieldkit-20261201-before-x.sqlite").write_bytes(b"old copy")
    for suffix in ("-wal", "-shm"):
        sidecar = db.paths.database.with_name(db.paths.database.name + suffix)
        if not sidecar.exists():
            sidecar.write_bytes(b"")


def test_a_device_revoked_as_lost_erases_its_profile_at_its_next_sync(
        hq, make_profile, hq_database_url, capsys):
    a = enrolled(hq, make_profile, "a")
    _add_contact(a, hq.operation_id)
    _with_backup_and_sidecars(a)
    tokens = TokenStore(a)
    token = tokens.load()
    assert token
    ProfileKeys(a.paths.root).create("the officer's passphrase")  # as an encrypted profile has
    [device] = admin.list_devices(hq.db)
    assert main(["device", "revoke", device.id[:8], "--lost",
                 "--database", hq_database_url]) == 0
    assert "revoked as lost" in capsys.readouterr().out
    [listed] = admin.list_devices(hq.db)
    assert listed.lost_at is not None
    assert listed.revoked_at is not None

    answer = requests.get(f"{hq.url}/api/v1/pull",
                          headers={"Authorization": f"Bearer {token}"}, timeout=5)
    assert (answer.status_code, answer.json()["error"]) == (401, "device_lost")
    spec = requests.get(hq.url + "/openapi.json", timeout=20).json()["paths"]
    assert "device_lost" in spec["/api/v1/pull"]["get"]["responses"]["401"]["description"]

    with pytest.raises(SyncError, match="lost") as erased:
        sync_once(a)
    assert erased.value.code == "device_lost"
    assert erased.value.retry_later is False
    root = a.paths.root
    for suffix in ("", "-journal", "-wal", "-shm"):
        assert not root.joinpath("fieldkit.sqlite" + suffix).exists(), suffix
    assert not a.paths.backups.exists()
    assert not tokens.legacy_file.exists()  # the token was in the database, now deleted
    assert not (root / "keys.json").exists()  # and the database key is forgotten
    marker = (root / ERASED_MARKER).read_text(encoding="utf-8")
    assert "lost" in marker
    assert "HQ" in marker
    with pytest.raises(Exception, match="erased"), a.session() as session:  # stays closed
        session.scalar(select(func.count()).select_from(Contact))
    assert not root.joinpath("fieldkit.sqlite").exists()  # and was not recreated empty


def test_a_device_merely_revoked_keeps_its_data(hq, make_profile, hq_database_url, capsys):
    a = enrolled(hq, make_profile, "a")
    _add_contact(a, hq.operation_id)
    _with_backup_and_sidecars(a)
    [device] = admin.list_devices(hq.db)
    assert main(["device", "revoke", device.id[:8], "--database", hq_database_url]) == 0
    assert "revoked as lost" not in capsys.readouterr().out
    with pytest.raises(SyncError, match="revoked") as refused:
        sync_once(a)
    assert refused.value.code == "device_revoked"
    assert a.paths.database.exists()
    assert any(a.paths.backups.iterdir())
    assert TokenStore(a).load()
    assert not (a.paths.root / ERASED_MARKER).exists()
    with a.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 1


@pytest.mark.parametrize("present", [True, False])
def test_a_lost_device_pushes_its_last_work_first_only_while_its_officer_is_signed_in(
        hq, make_profile, present):
    from tests.sync.scenario_helpers import hq_row

    a = enrolled(hq, make_profile, "a")
    sync_once(a)
    [device] = admin.list_devices(hq.db)
    admin.revoke_device(hq.db, device.id, lost=True)
    last = _add_contact(a, hq.operation_id, name="Written after the loss")
    with pytest.raises(SyncError) as erased:
        sync_once(a, officer_present=present)
    assert erased.value.code == "device_lost"
    assert not a.paths.database.exists()  # erased either way
    assert (hq_row(hq, "contact", last) is not None) is present


def test_a_lost_device_may_push_but_never_pull_even_with_its_officer_present(
        hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    token = TokenStore(a).load()
    [device] = admin.list_devices(hq.db)
    admin.revoke_device(hq.db, device.id, lost=True)
    headers = {"Authorization": f"Bearer {token}", "X-Officer-Present": "1"}
    pulled = requests.get(f"{hq.url}/api/v1/pull", headers=headers, timeout=10)
    assert pulled.status_code == 401
    assert pulled.json()["error"] == "device_lost"
    pushed = requests.post(f"{hq.url}/api/v1/push", headers=headers, timeout=10,
                           json={"changes": []})
    assert pushed.status_code == 200, pushed.text
    del headers["X-Officer-Present"]
    refused = requests.post(f"{hq.url}/api/v1/push", headers=headers, timeout=10,
                            json={"changes": []})
    assert refused.status_code == 401
    assert refused.json()["error"] == "device_lost"


def test_a_revoked_device_can_later_be_marked_lost(hq, make_profile):
    a = enrolled(hq, make_profile, "a")
    [device] = admin.list_devices(hq.db)
    admin.revoke_device(hq.db, device.id)
    admin.revoke_device(hq.db, device.id, lost=True)
    admin.revoke_device(hq.db, device.id)  # a lost device stays lost
    with pytest.raises(SyncError) as erased:
        sync_once(a)
    assert erased.value.code == "device_lost"
    assert not a.paths.database.exists()


def test_device_lost_migration_round_trip(hq_database_url):
    """0007: devices enrolled before it are not lost; down and up again."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect, text

    from hq import db as hq_db
    from hq.db import HqDatabase, make_engine, run_migrations
    from hq.models import ServerBase

    engine = make_engine(hq_database_url)
    run_migrations(engine, target="0006_hq_lesson_language")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO officers (id, name, email, created_at) "
                          "VALUES ('o1', 'Ana', '', '2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO devices (id, officer_id, name, token_hash, created_at) "
                          "VALUES ('d1', 'o1', 'laptop', 'h1', '2025-01-01 00:00:00')"))
    run_migrations(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, lost_at FROM devices")).all() == [("d1", None)]
        made_by_hand = ("_fts", "search_vector", "ix_hq_lessons_search")  # per dialect, 0002
        context = MigrationContext.configure(conn, opts={"include_name": lambda name, _k, _p: (
            not any(part in (name or "") for part in made_by_hand))})
        assert compare_metadata(context, ServerBase.metadata) == []
    config = Config()
    config.set_main_option("script_location", str(Path(hq_db.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006_hq_lesson_language")
    assert "lost_at" not in {c["name"] for c in inspect(engine).get_columns("devices")}
    run_migrations(engine)
    assert "lost_at" in {c["name"] for c in inspect(engine).get_columns("devices")}
    HqDatabase(engine).close()
