"""The application versions HQ announces to devices (issue 19)

Revision ID: 0013_hq_releases
Revises: 0012_hq_rfa_overview
Create Date: 2026-12-07

hq_releases: one row per `cmcoord-hq release announce`, the newest told to devices in
their next pull (hq.pull, the `release` field).
"""

import sqlalchemy as sa
from alembic import op

revision = '0013_hq_releases'
down_revision = '0012_hq_rfa_overview'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'hq_releases',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('version', sa.String(length=40), nullable=False),
        sa.Column('url', sa.String(length=500), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('announced_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_releases')),
    )
    with op.batch_alter_table('hq_releases', schema=None) as batch_op:
        batch_op.create_index('ix_hq_releases_seq', ['seq'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('hq_releases', schema=None) as batch_op:
        batch_op.drop_index('ix_hq_releases_seq')
    op.drop_table('hq_releases')
