"""full-text search: FTS5 external-content tables kept in step by triggers

Revision ID: 0002_search
Revises: 0001_initial
"""

from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# Frozen copy of what is indexed at this revision (a later change gets its own migration).
INDEXED = {
    "contacts": [
        "given_name", "family_name", "role", "emails", "phones", "call_sign",
        "satellite_phone", "location", "languages", "notes",
    ],
    "organisations": ["name", "acronym", "notes"],
    "assets": ["description", "provider_unit", "place_name", "category", "notes"],
    "rfas": [
        "reference", "title", "task_description", "from_place", "to_place", "cluster",
        "last_resort_justification", "remarks",
    ],
    "lessons": [
        "title", "observation", "discussion", "recommendation", "keywords", "location",
        "exercise_name",
    ],
    "handbook_sections": ["title", "body_text"],
}
TOKENIZE = "porter unicode61 remove_diacritics 2"  # i18n: not shown


def upgrade() -> None:
    for table, cols in INDEXED.items():
        fts = f"{table}_fts"
        col_list = ", ".join(cols)
        new_vals = ", ".join(f"new.{c}" for c in cols)
        old_vals = ", ".join(f"old.{c}" for c in cols)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({col_list}, content='{table}', "
            f"content_rowid='rowid', tokenize='{TOKENIZE}', prefix='2 3')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) "
            f"VALUES ('delete', old.rowid, {old_vals}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col_list} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) "
            f"VALUES ('delete', old.rowid, {old_vals}); "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.rowid, {new_vals}); END"
        )
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def downgrade() -> None:
    for table in INDEXED:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")
