"""The officer roster and deployments

Revision ID: 0011_hq_roster
Revises: 0010_hq_register_sync
Create Date: 2026-12-07
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0011_hq_roster'
down_revision = '0010_hq_register_sync'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
