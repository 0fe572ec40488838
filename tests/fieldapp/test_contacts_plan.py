"""The contact list's count and its page by name read small covering indexes, never the
contacts table: on an encrypted profile every table page past the page cache is decrypted
again, and the table (42 MB for 100,000 contacts) does not fit in it (bench.contacts
open_ms 336 ms, over its 300 ms target)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event, text

from fieldapp.db import Database
from fieldapp.services.contacts import contact_count, contact_ids


@contextmanager
def _plans(db: Database) -> Iterator[list[list[str]]]:
    """The query plan of every SELECT run inside the block, in order."""
    statements: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    plans: list[list[str]] = []
    try:
        yield plans
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    with db.engine.connect() as conn:
        for statement, parameters in statements:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plans.append([row[3] for row in rows])


def _plan_of(db: Database, run: Callable[..., object], op_id: str) -> list[str]:
    with db.session() as session, _plans(db) as plans:
        run(session, operation_id=op_id)
    return plans[-1]


def test_the_contact_count_reads_the_scope_index_only(db, op_id):
    plan = _plan_of(db, contact_count, op_id)
    assert plan == ["SCAN c USING COVERING INDEX ix_contacts_scope"], plan


def test_the_first_page_by_name_reads_the_name_index_only(db, op_id):
    plan = _plan_of(db, lambda session, **kw: contact_ids(session, limit=200, **kw), op_id)
    assert plan[0] == "SCAN c USING COVERING INDEX ix_contacts_name_order", plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_the_name_index_sorts_names_without_case(db):
    with db.session() as session:
        sql = session.execute(text(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_contacts_name_order'")).scalar_one()
    assert "family_name COLLATE NOCASE, given_name COLLATE NOCASE" in sql, sql


def test_a_frequent_match_scans_an_index_and_finds_the_same_contacts(db, monkeypatch):
    """From MANY_MATCHES full-text matches the filter checks index entries against them
    (`+c.rowid`) instead of looking each one up; the list it gives is the same."""

    from fieldapp.models import Contact
    from fieldapp.services import contacts

    with db.transaction() as session:
        for n in range(12):
            session.add(Contact(given_name=f"Rana{n}", family_name="Rahman" if n % 2 else "Ruiz"))
    with db.session() as session:
        rare = contacts.contact_ids(session, operation_id=None, text="ra")
        assert contacts._rowid_in(session, "given_name : ra*") == "c.rowid"
        monkeypatch.setattr(contacts, "MANY_MATCHES", 5)
        assert contacts._rowid_in(session, "given_name : ra*") == "+c.rowid"
        frequent = contacts.contact_ids(session, operation_id=None, text="ra")
        assert frequent == rare
        assert len(rare) == 12
        assert contacts.contact_count(session, operation_id=None, text="ra") == 12
    with db.session() as session, _plans(db) as plans:  # the count the screen runs
        contacts.contact_count(session, operation_id=None, text="ra")
    count_plan = " ".join(plans[-1])
    assert "USING INTEGER PRIMARY KEY" not in count_plan, plans  # no look-up per match
