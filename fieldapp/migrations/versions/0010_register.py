"""register: HQ's Central Register of MCDA (read-only here) and correction proposals

The register's entries arrive by pull and are never written on the laptop; the officer's
proposals of corrections are rows of no operation, pushed like any other, HQ's answer
coming back on the same row. Indexed on what the asset screen filters by (category,
status) and, for proposals, the entry they correct.

Revision ID: 0010_register
Revises: 0009_contact_list_indexes
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_register"
down_revision = "0009_contact_list_indexes"
branch_labels = None
depends_on = None


def _syncable() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("operation_id", sa.String(length=36), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "register_entries",
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("provider_kind", sa.String(length=16), nullable=False),
        sa.Column("provider_state", sa.String(length=3), nullable=False),
        sa.Column("capability", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("capacity_value", sa.Float(), nullable=True),
        sa.Column("capacity_unit", sa.String(length=40), nullable=False),
        sa.Column("readiness_hours", sa.Integer(), nullable=True),
        sa.Column("deployment_hours", sa.Integer(), nullable=True),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("poc_name", sa.String(length=200), nullable=False),
        sa.Column("poc_email", sa.String(length=200), nullable=False),
        sa.Column("poc_phone", sa.String(length=60), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_syncable(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_entries")),
    )
    with op.batch_alter_table("register_entries") as batch:
        batch.create_index(batch.f("ix_register_entries_category"), ["category"])
        batch.create_index(batch.f("ix_register_entries_status"), ["status"])
        batch.create_index(batch.f("ix_register_entries_operation_id"), ["operation_id"])
    op.create_table(
        "register_proposals",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=200), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        *_syncable(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_proposals")),
    )
    with op.batch_alter_table("register_proposals") as batch:
        batch.create_index(batch.f("ix_register_proposals_entry_id"), ["entry_id"])
        batch.create_index(batch.f("ix_register_proposals_operation_id"), ["operation_id"])


def downgrade() -> None:
    op.drop_table("register_proposals")
    op.drop_table("register_entries")
