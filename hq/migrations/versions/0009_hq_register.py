"""The Central Register of MCDA at HQ and its history

Revision ID: 0009_hq_register
Revises: 0008_hq_roles
Create Date: 2026-12-07
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0009_hq_register'
down_revision = '0008_hq_roles'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
