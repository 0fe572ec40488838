"""Staff accounts have roles: reviewer, registry, coordinator, admin

Revision ID: 0008_hq_roles
Revises: 0007_hq_device_lost
Create Date: 2026-12-07

`hq_reviewers` becomes the table of every HQ staff account: `roles` holds the roles an
account has, space-separated. Every existing account was a reviewer of lessons and stays one.
"""

import sqlalchemy as sa
from alembic import op

revision = '0008_hq_roles'
down_revision = '0007_hq_device_lost'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('hq_reviewers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('roles', sa.String(length=200), nullable=False,
                                      server_default='reviewer'))


def downgrade() -> None:
    with op.batch_alter_table('hq_reviewers', schema=None) as batch_op:
        batch_op.drop_column('roles')
