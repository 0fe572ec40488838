"""contacts: the name as written (full_name), beside the given and family names

A vCard's FN, or a spreadsheet's "Display Name", is how the person writes their name:
often in Hebrew, Arabic or Chinese while N holds a Latin transliteration. Import kept only
the structured parts and dropped the written one. `full_name` keeps it; lists show it
when it is set, and the search index reads it too, so the name finds its contact in
either script. The index, its view and its triggers are made again with the new column.

Revision ID: 0006_contact_full_name
Revises: 0005_sync_v2
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_contact_full_name"
down_revision = "0005_sync_v2"
branch_labels = None
depends_on = None

BEFORE = ["given_name", "family_name", "role", "emails", "phones", "call_sign",
          "satellite_phone", "location", "languages", "notes"]
AFTER = ["full_name", *BEFORE]
NUMBERS = ("(SELECT coalesce(group_concat(json_extract(p.value, '$.number'), ' '), '') "  # i18n: not shown
           "FROM json_each({row}.phones) AS p)")
TOKENIZE = "porter unicode61 remove_diacritics 2"  # i18n: not shown


def _values(row: str, cols: list[str]) -> str:
    return ", ".join(NUMBERS.format(row=row) if c == "phones" else f"{row}.{c}" for c in cols)


def _index(cols: list[str]) -> None:
    """Drop the contacts index, its view and triggers, and make them again over `cols`."""
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS contacts_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS contacts_fts")
    op.execute("DROP VIEW IF EXISTS contacts_search")
    aliased = ", ".join(f"{NUMBERS.format(row='c')} AS phones" if c == "phones"  # i18n: not shown
                        else f"c.{c} AS {c}" for c in cols)
    op.execute(f"CREATE VIEW contacts_search AS SELECT c.rowid AS rid, {aliased} "
               "FROM contacts AS c")
    names = ", ".join(cols)
    op.execute(f"CREATE VIRTUAL TABLE contacts_fts USING fts5({names}, "
               f"content='contacts_search', content_rowid='rid', tokenize='{TOKENIZE}', "
               "prefix='1 2 3')")
    op.execute(f"INSERT INTO contacts_fts(rowid, {names}) SELECT rid, {names} "
               "FROM contacts_search")
    new, old = _values("new", cols), _values("old", cols)
    op.execute(f"CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts BEGIN "
               f"INSERT INTO contacts_fts(rowid, {names}) VALUES (new.rowid, {new}); END")
    op.execute(f"CREATE TRIGGER contacts_fts_ad AFTER DELETE ON contacts BEGIN "
               f"INSERT INTO contacts_fts(contacts_fts, rowid, {names}) "
               f"VALUES ('delete', old.rowid, {old}); END")
    op.execute(f"CREATE TRIGGER contacts_fts_au AFTER UPDATE OF {names} ON contacts BEGIN "
               f"INSERT INTO contacts_fts(contacts_fts, rowid, {names}) "
               f"VALUES ('delete', old.rowid, {old}); "
               f"INSERT INTO contacts_fts(rowid, {names}) VALUES (new.rowid, {new}); END")


def upgrade() -> None:
    op.add_column("contacts", sa.Column("full_name", sa.String(length=200), nullable=False,
                                        server_default=""))
    _index(AFTER)


def downgrade() -> None:
    _index(BEFORE)
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("full_name")
