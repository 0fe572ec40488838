"""Opening profiles: fresh database, upgrades with backups, refusals that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite3  # the application's SQLite: its locks are per library
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import event, select, text
from sqlalchemy.exc import IntegrityError

from fieldapp import migrations
from fieldapp.db import Database, describe_sqlite_error
from fieldapp.errors import DatabaseTooNewError, StorageError
from fieldapp.models import Base, Contact, Operation
from fieldapp.outbox import remote_writes
from fieldapp.paths import KEEP_BACKUPS, resolve_profile


def _add_old_contact(database: Path, contact_id: str, given: str, family: str, *,
                     org: str | None = None) -> None:
    """A contact written as an older version did: only the columns that version had (the
    models of this version know later ones, such as full_name)."""
    with sqlite3.connect(database) as conn:
        conn.execute("INSERT INTO contacts (id, given_name, family_name, organisation_id, "
                     "role, emails, phones, call_sign, satellite_phone, location, languages, "
                     "notes, favourite, deleted, updated_at) VALUES (?, ?, ?, ?, '', '[]', "
                     "'[]', '', '', '', '', '', 0, 0, '2026-01-01 00:00:00')",
                     (contact_id, given, family, org))


def _script_revisions() -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    script = ScriptDirectory.from_config(config)
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_known_revisions_match_the_migration_scripts():
    assert list(migrations.REVISIONS) == _script_revisions()


def test_fresh_database_has_every_model_table_wal_and_foreign_keys(tmp_path):
    db = Database.open(resolve_profile(tmp_path))
    with db.session() as session:
        tables = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type='table'")))
        assert set(Base.metadata.tables) <= tables
        assert "contacts_fts" in tables
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
        assert session.scalar(text("PRAGMA foreign_keys")) == 1
    db.close()


def test_migrations_match_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = Database.open(resolve_profile(tmp_path))
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, _: "_fts" not in (name or "")}
        )
        diff = compare_metadata(context, Base.metadata)
    db.close()
    assert diff == []


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Contact(given_name="A", organisation_id="no-such-organisation"))
        session.flush()


def test_upgrade_from_first_migration_backs_up_and_keeps_rows(tmp_path):
    paths = resolve_profile(tmp_path)
    db = Database.open(paths, upgrade_to=migrations.REVISIONS[0])
    with db.transaction() as session, remote_writes(session):  # no outbox: an old schema
        session.add(Operation(name="Old op", code="OLD", country="MOZ"))
    db.close()

    db = Database.open(paths)
    with db.session() as session:
        assert session.scalars(select(Operation.name)).all() == ["Old op"]
        version = session.scalar(text("SELECT version_num FROM alembic_version"))
        # rows written before the search migration are indexed by it
        found = session.execute(text("SELECT rowid FROM operations")).all()
    db.close()
    assert version == migrations.HEAD
    assert found
    backups = list(paths.backups.glob("fieldkit-*.sqlite"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT name FROM operations").fetchall() == [("Old op",)]
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        migrations.REVISIONS[0]
    )
    conn.close()


def test_rows_from_before_search_migration_are_searchable(tmp_path):
    from fieldapp.search import search

    paths = resolve_profile(tmp_path)
    db = Database.open(paths, upgrade_to=migrations.REVISIONS[0])
    db.close()
    _add_old_contact(paths.database, "c1", "Zebediah", "Okoro")
    db = Database.open(paths)
    with db.session() as session:
        assert [hit.title for hit in search(session, "zebed")] == ["Zebediah Okoro"]
    db.close()


def test_contact_filter_after_the_one_letter_index_upgrade(tmp_path):
    """0004 rebuilds the contact and organisation indexes: old rows are found by their
    first letter, and the triggers keep the new indexes in step."""
    from fieldapp.models import Organisation
    from fieldapp.services.contacts import contact_page

    paths = resolve_profile(tmp_path)
    db = Database.open(paths, upgrade_to="0003_contact_phone_search")
    db.close()
    _add_old_contact(paths.database, "c1", "Zebediah", "Okoro")
    db = Database.open(paths)
    with db.transaction() as session:
        org = Organisation(name="Quetzal Relief", org_type="ngo")
        session.add(org)
        session.flush()
        session.add(Contact(given_name="Yusuf", family_name="Adeyemi", organisation_id=org.id))
    with db.session() as session:
        prefixes = session.execute(text(
            "SELECT sql FROM sqlite_master WHERE name IN ('contacts_fts', 'organisations_fts')"
        )).scalars().all()
        assert len(prefixes) == 2
        assert all("prefix='1 2 3'" in sql for sql in prefixes)

        def names(typed: str) -> list[str]:
            return [row.name for row in contact_page(session, operation_id=None, text=typed)]

        assert names("Z") == ["Zebediah Okoro"]  # a row from before the upgrade
        assert names("Y") == ["Yusuf Adeyemi"]  # a row the trigger indexed afterwards
        assert names("Q") == ["Yusuf Adeyemi"]  # through the organisation's index
    db.close()


def test_an_upgrade_failing_half_way_leaves_the_file_as_it_was(tmp_path):
    """0004 drops and rebuilds the search indexes; when filling one fails, the drops are
    rolled back with it and the older version still opens the file."""
    paths = resolve_profile(tmp_path)
    db = Database.open(paths, upgrade_to="0003_contact_phone_search")
    db.close()
    _add_old_contact(paths.database, "c1", "Zebediah", "Okoro")
    with sqlite3.connect(paths.database) as conn:  # the index's source fails once read
        view = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'contacts_search'"
                            ).fetchone()[0]
        conn.execute("DROP VIEW contacts_search")
        conn.execute(view.replace("c.notes AS notes", "abs(-9223372036854775807 - 1) AS notes"))
    with pytest.raises(StorageError, match="integer overflow"):
        Database.open(paths)
    with sqlite3.connect(paths.database) as conn:
        conn.execute("DROP VIEW contacts_search")
        conn.execute(view)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        index = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'"
                             ).fetchone()[0]
        found = conn.execute("SELECT count(*) FROM contacts_fts WHERE contacts_fts "
                             "MATCH 'zebediah'").fetchone()[0]
    assert version == "0003_contact_phone_search"
    assert "prefix='2 3'" in index  # the old index, not half a new one
    assert found == 1
    assert {"contacts_fts", "organisations_fts"} <= tables
    db = Database.open(paths)  # and the upgrade runs whole once the fault is gone
    with db.session() as session:
        assert [c.family_name for c in session.scalars(select(Contact))] == ["Okoro"]
    db.close()


def test_an_old_broken_reference_does_not_block_an_upgrade(tmp_path):
    """Migrations run with foreign keys off and check only what they changed: a dangling
    reference left by an older version keeps the file upgradable (and is left as it was)."""
    paths = resolve_profile(tmp_path)
    Database.open(paths, upgrade_to="0003_contact_phone_search").close()
    # foreign keys are off by default in a plain connection
    _add_old_contact(paths.database, "c1", "Zebediah", "Okoro", org="no-such-org")
    db = Database.open(paths)
    with db.session() as session:
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == \
            migrations.HEAD
        assert session.scalar(text("SELECT organisation_id FROM contacts")) == "no-such-org"
    db.close()


def _downgrade(path: Path, target: str) -> None:
    """Run the client migrations down to `target` (start-up only ever upgrades)."""
    from alembic import command
    from alembic.config import Config

    from fieldapp.db import _migration_engine

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    engine = _migration_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, target)
    finally:
        engine.dispose()


def test_lesson_language_migration_round_trip(tmp_path):
    """0008: lessons written before it are English; down and up again keeps every lesson
    and its search index (SQLite's own DROP COLUMN, not a copy of the table)."""
    from fieldapp.models import Lesson
    from fieldapp.search import search

    paths = resolve_profile(tmp_path)
    Database.open(paths, upgrade_to="0007_handbook_words").close()
    with sqlite3.connect(paths.database) as conn:  # as that version wrote it
        conn.execute("INSERT INTO lessons (id, title, exercise_name, location, topic, "
                     "observation, discussion, recommendation, suggested_owner, keywords, "
                     "sensitivity, status, hq_comment, updated_at, deleted) VALUES ('L1', "
                     "'Quetzal landing sites', '', '', 'logistics', '', '', '', '', '', "
                     "'internal', 'draft', '', '2026-01-01 00:00:00', 0)")
    db = Database.open(paths)
    with db.session() as session:
        assert session.get(Lesson, "L1").language == "en"
    db.close()

    _downgrade(paths.database, "0007_handbook_words")
    with sqlite3.connect(paths.database) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(lessons)")}
        triggers = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'lessons'")}
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            "0007_handbook_words"
    assert "language" not in columns
    assert triggers == {"lessons_fts_ai", "lessons_fts_ad", "lessons_fts_au"}

    db = Database.open(paths)
    with db.session() as session:
        assert session.get(Lesson, "L1").language == "en"
        assert [hit.title for hit in search(session, "quetzal")] == ["Quetzal landing sites"]
    db.close()


def test_only_the_last_five_backups_are_kept(tmp_path):
    from fieldapp.db import backup_database

    paths = resolve_profile(tmp_path)
    Database.open(paths).close()
    for n in range(KEEP_BACKUPS + 3):
        backup_database(paths, label=f"test{n}")
    kept = sorted(p.name for p in paths.backups.glob("fieldkit-*.sqlite"))
    assert len(kept) == KEEP_BACKUPS
    assert kept[-1].endswith(f"test{KEEP_BACKUPS + 2}.sqlite")


def test_database_from_newer_version_is_refused_untouched(profile):
    conn = sqlite3.connect(profile.database)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = profile.database.read_bytes()

    with pytest.raises(DatabaseTooNewError, match="newer version"):
        Database.open(profile)
    assert profile.database.read_bytes() == before
    assert not profile.backups.exists()


def test_file_that_is_not_a_database_is_refused_with_its_path(tmp_path):
    paths = resolve_profile(tmp_path)
    paths.database.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = paths.database.read_bytes()
    with pytest.raises(StorageError) as raised:
        Database.open(paths)
    assert str(paths.database) in raised.value.message
    assert paths.database.read_bytes() == before


def test_locked_database_says_another_program_uses_it(profile, monkeypatch):
    monkeypatch.setattr("fieldapp.db.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(profile.database)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="in use by another program"):
            Database.open(profile)
    finally:
        holder.rollback()
        holder.close()


def test_profile_folder_that_cannot_be_created_gives_a_readable_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="cannot create or write") as raised:
        Database.open(resolve_profile(blocker / "profile"))
    assert str(blocker / "profile") in raised.value.message


def test_an_error_naming_a_full_name_column_is_not_called_a_full_disk(tmp_path):
    paths = resolve_profile(tmp_path)
    error = sqlite3.OperationalError("table contacts has no column named full_name")
    message = describe_sqlite_error(error, paths.database)
    assert "disk" not in message
    assert "full_name" in message


def test_full_disk_rolls_back_and_says_so(db):
    event.listen(db.engine, "connect", lambda conn, _: conn.execute("PRAGMA max_page_count=60"))
    db.engine.dispose()
    with pytest.raises(StorageError, match="full"), db.transaction() as session:
        for n in range(2000):
            session.add(Contact(given_name=f"Person {n}", notes="x" * 500))
    with db.session() as session:
        assert session.scalars(select(Contact)).all() == []


def test_upgrade_to_sync_v2_orders_old_outbox_entries_and_log_by_their_old_order(tmp_path):
    """0005: entries made before it get local sequence numbers in their old (clock) order
    and the revision their row has; sync log entries are renumbered in their old order."""
    paths = resolve_profile(tmp_path)
    Database.open(paths, upgrade_to="0004_one_letter_prefix").close()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("INSERT INTO contacts (id, given_name, family_name, role, emails, phones, "
                     "call_sign, satellite_phone, location, languages, notes, favourite, "
                     "deleted, updated_at, rev) VALUES ('c1', 'Zeb', 'Okoro', '', '[]', '[]', "
                     "'', '', '', '', '', 0, 0, '2026-01-01 00:00:00', 7)")
        for change_id, when in (("later", "2026-01-03 00:00:00"),
                                ("earlier", "2026-01-02 00:00:00")):
            conn.execute("INSERT INTO outbox (change_id, entity, row_id, operation_id, fields, "
                         "base, created_at, priority) VALUES (?, 'contact', 'c1', NULL, "
                         "'{\"role\": \"x\"}', '{\"role\": \"\"}', ?, 0)", (change_id, when))
        for stamp in ("2026-01-02T00:00:00", "2026-01-01T00:00:00"):
            conn.execute("INSERT INTO sync_state (key, value) VALUES (?, ?)",
                         (f"log:{stamp}", f'{{"at": "{stamp}"}}'))
    db = Database.open(paths)
    with db.session() as session:
        entries = session.execute(text(
            "SELECT change_id, seq, base_rev FROM outbox ORDER BY seq")).all()
        logs = session.execute(text(
            "SELECT key, value FROM sync_state WHERE key LIKE 'log:%' ORDER BY key")).all()
        counter = session.scalar(text("SELECT value FROM counters WHERE name = 'outbox_seq'"))
    db.close()
    assert [tuple(e) for e in entries] == [("earlier", 1, 7), ("later", 2, 7)]
    assert [k for k, _ in logs] == ["log:0000000001", "log:0000000002"]
    assert '"2026-01-01' in logs[0][1]
    assert counter == 2
