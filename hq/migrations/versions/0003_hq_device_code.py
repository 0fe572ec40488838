"""Devices get the code HQ assigned them at enrollment (the DEVICE part of RFA references)

Revision ID: 0003_hq_device_code
Revises: 0002_hq_lessons
Create Date: 2026-11-27

Devices enrolled before this revision keep a null code: HQ learns the codes they use from
the RFA references they pushed, and never hands those codes to another device.
"""

import sqlalchemy as sa
from alembic import op

revision = '0003_hq_device_code'
down_revision = '0002_hq_lessons'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('code')
