"""outbox: local sequence, base_rev at edit time, held changes; held_rows; sequenced sync log

Sync protocol v2 (issue 11). The outbox is ordered by a local counter instead of the
laptop's clock, and each entry keeps the row revision it was made against. A change HQ
held stays in the outbox with HQ's code and sentence. Rows from HQ this version cannot
apply are kept raw in `held_rows` and applied again after an upgrade. Sync log entries
are keyed by a counter, so a clock put back never hides a new entry.

Revision ID: 0005_sync_v2
Revises: 0004_one_letter_prefix
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_sync_v2"
down_revision = "0004_one_letter_prefix"
branch_labels = None
depends_on = None

TABLES = {
    "operation": "operations", "organisation": "organisations", "contact": "contacts",
    "asset": "assets", "asset_status_event": "asset_status_events", "rfa": "rfas",
    "rfa_event": "rfa_events", "lesson": "lessons", "handbook_bookmark": "handbook_bookmarks",
    "handbook_note": "handbook_notes", "checklist_tick": "checklist_ticks",
}


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("base_rev", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("held_code", sa.String(40), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("held_detail", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("held_field", sa.String(60), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("held_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("held_sync", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("held_count", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.create_index("ix_outbox_seq", ["seq"], unique=False)
    bind = op.get_bind()
    # Entries made before this version: their order as the old client saw it, and the
    # revision of their row now (the best that is known of what the edit was made against).
    order = bind.exec_driver_sql(
        "SELECT change_id, entity, row_id FROM outbox ORDER BY created_at, change_id").all()
    for number, (change_id, entity, row_id) in enumerate(order, start=1):
        table = TABLES.get(entity)
        rev = None
        if table is not None:
            rev = bind.exec_driver_sql(f"SELECT rev FROM {table} WHERE id = ?",  # noqa: S608
                                       (row_id,)).scalar()
        bind.exec_driver_sql("UPDATE outbox SET seq = ?, base_rev = ? WHERE change_id = ?",
                             (number, rev, change_id))
    if order:
        bind.exec_driver_sql(
            "INSERT OR REPLACE INTO counters(name, value) VALUES ('outbox_seq', ?)",
            (len(order),))
    op.create_table(
        "held_rows",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("entity", "row_id", name="uq_held_rows_entity"),
    )
    logs = bind.exec_driver_sql(
        "SELECT key, value FROM sync_state WHERE key LIKE 'log:%' ORDER BY key").all()
    for number, (key, value) in enumerate(logs, start=1):
        bind.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (key,))
        bind.exec_driver_sql("INSERT INTO sync_state(key, value) VALUES (?, ?)",
                             (f"log:{number:010d}", value))
    if logs:
        bind.exec_driver_sql(
            "INSERT OR REPLACE INTO counters(name, value) VALUES ('sync_log', ?)",
            (len(logs),))


def downgrade() -> None:
    op.drop_table("held_rows")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_seq")
        for name in ("held_count", "held_sync", "held_at", "held_field", "held_detail",
                     "held_code", "base_rev", "seq"):
            batch.drop_column(name)
