"""Library filters: partial indexes on topic and observation date of public lessons

Revision ID: 0004_hq_lessons_filters
Revises: 0003_hq_device_code
Create Date: 2026-11-26

A topic or a year filter over tens of thousands of published lessons otherwise walks
the whole public list; these indexes hold only the public lessons, like the library.
"""

import sqlalchemy as sa
from alembic import op

revision = '0004_hq_lessons_filters'
down_revision = '0003_hq_device_code'
branch_labels = None
depends_on = None

PUBLIC_WHERE = "status = 'published' AND sensitivity = 'public' AND NOT deleted"


def upgrade() -> None:
    with op.batch_alter_table('hq_lessons', schema=None) as batch_op:
        batch_op.create_index('ix_hq_lessons_public_topic', ['topic', 'published_at', 'pk'],
                              unique=False, postgresql_where=sa.text(PUBLIC_WHERE),
                              sqlite_where=sa.text(PUBLIC_WHERE))
        batch_op.create_index('ix_hq_lessons_public_observed', ['observed_on'], unique=False,
                              postgresql_where=sa.text(PUBLIC_WHERE),
                              sqlite_where=sa.text(PUBLIC_WHERE))


def downgrade() -> None:
    with op.batch_alter_table('hq_lessons', schema=None) as batch_op:
        batch_op.drop_index('ix_hq_lessons_public_observed')
        batch_op.drop_index('ix_hq_lessons_public_topic')
