"""The register's correction proposals from the field

Revision ID: 0010_hq_register_sync
Revises: 0009_hq_register
Create Date: 2026-12-07
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0010_hq_register_sync'
down_revision = '0009_hq_register'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
