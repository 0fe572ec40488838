"""contacts: index phone numbers only, not the JSON around them

The contacts index read the raw `phones` JSON, so words like "mobile", "kind" or
"number" matched nearly every contact. The index now reads a view that exposes the
numbers alone under the same column name, so column filters stay valid.

Revision ID: 0003_contact_phone_search
Revises: 0002_search
"""

from alembic import op

revision = "0003_contact_phone_search"
down_revision = "0002_search"
branch_labels = None
depends_on = None

COLS = [
    "given_name", "family_name", "role", "emails", "phones", "call_sign", "satellite_phone",
    "location", "languages", "notes",
]
NUMBERS = (  # i18n: not shown
    "(SELECT coalesce(group_concat(json_extract(p.value, '$.number'), ' '), '') "
    "FROM json_each({row}.phones) AS p)"
)
TOKENIZE = "porter unicode61 remove_diacritics 2"  # i18n: not shown


def _values(row: str) -> str:
    return ", ".join(NUMBERS.format(row=row) if c == "phones" else f"{row}.{c}" for c in COLS)


def upgrade() -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS contacts_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS contacts_fts")
    aliased = ", ".join(f"{NUMBERS.format(row='c')} AS phones" if col == "phones"  # i18n: not shown
                        else f"c.{col} AS {col}" for col in COLS)
    op.execute(f"CREATE VIEW contacts_search AS SELECT c.rowid AS rid, {aliased} "
               "FROM contacts AS c")
    col_list = ", ".join(COLS)
    op.execute(
        f"CREATE VIRTUAL TABLE contacts_fts USING fts5({col_list}, content='contacts_search', "
        f"content_rowid='rid', tokenize='{TOKENIZE}', prefix='2 3')"
    )
    op.execute(
        f"CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts BEGIN "
        f"INSERT INTO contacts_fts(rowid, {col_list}) VALUES (new.rowid, {_values('new')}); END"
    )
    op.execute(
        f"CREATE TRIGGER contacts_fts_ad AFTER DELETE ON contacts BEGIN "
        f"INSERT INTO contacts_fts(contacts_fts, rowid, {col_list}) "
        f"VALUES ('delete', old.rowid, {_values('old')}); END"
    )
    op.execute(
        f"CREATE TRIGGER contacts_fts_au AFTER UPDATE OF {col_list} ON contacts BEGIN "
        f"INSERT INTO contacts_fts(contacts_fts, rowid, {col_list}) "
        f"VALUES ('delete', old.rowid, {_values('old')}); "
        f"INSERT INTO contacts_fts(rowid, {col_list}) VALUES (new.rowid, {_values('new')}); END"
    )
    # FTS5's 'rebuild' cannot read a view with a sub-query, so fill the index directly.
    op.execute(f"INSERT INTO contacts_fts(rowid, {col_list}) SELECT rid, {col_list} "
               "FROM contacts_search")


def downgrade() -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS contacts_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS contacts_fts")
    op.execute("DROP VIEW IF EXISTS contacts_search")
