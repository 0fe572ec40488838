"""A device can be revoked as lost: told so when it reaches HQ again, it erases its data

Revision ID: 0007_hq_device_lost
Revises: 0006_hq_lesson_language
Create Date: 2026-12-07

`devices.lost_at` is set by `cmcoord-hq device revoke ID --lost` (with `revoked_at`);
such a device's requests get 401 `device_lost` instead of `device_revoked`.
"""

import sqlalchemy as sa
from alembic import op

revision = '0007_hq_device_lost'
down_revision = '0006_hq_lesson_language'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lost_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('lost_at')
