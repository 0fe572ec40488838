"""The register's correction proposals from the field

Revision ID: 0010_hq_register_sync
Revises: 0009_hq_register
Create Date: 2026-12-07

`hq_register_proposals` projects the synced `register_proposal` rows (see
hq/proposal_tables.py); the register entries themselves travel as synced rows of entity
`register_entry` in `row_states`, which needs no change.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0010_hq_register_sync'
down_revision = '0009_hq_register'
branch_labels = None
depends_on = None


def upgrade() -> None:
    json_type = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
    op.create_table(
        'hq_register_proposals',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('entry_id', sa.String(length=36), nullable=False),
        sa.Column('officer_id', sa.String(length=36), nullable=True),
        sa.Column('device_id', sa.String(length=36), nullable=True),
        sa.Column('changes', json_type, nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('answered_by', sa.String(length=200), nullable=False),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_register_proposals')),
    )
    with op.batch_alter_table('hq_register_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_register_proposals_entry_id'), ['entry_id'],
                              unique=False)
        batch_op.create_index('ix_hq_register_proposals_status_created',
                              ['status', 'created_at'], unique=False)


def downgrade() -> None:
    op.drop_table('hq_register_proposals')
