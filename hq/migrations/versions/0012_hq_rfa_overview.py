"""A projection of every operation's RFAs for the cross-operation overview

Revision ID: 0012_hq_rfa_overview
Revises: 0011_hq_roster
Create Date: 2026-12-07
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0012_hq_rfa_overview'
down_revision = '0011_hq_roster'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
