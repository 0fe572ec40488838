"""The officer roster and deployments

Revision ID: 0011_hq_roster
Revises: 0010_hq_register_sync
Create Date: 2026-12-07

`hq_roster_profiles`: an officer's languages, skills, phone, duty station and availability.
`hq_deployments`: deployments of officers to operations (an open one holds the officer's
membership of its operation). Memberships made before this revision stay as they are:
they have no deployment, and the roster lists them as assigned by hand.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0011_hq_roster'
down_revision = '0010_hq_register_sync'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table(
        'hq_roster_profiles',
        sa.Column('officer_id', sa.String(length=36), nullable=False),
        sa.Column('languages', JSON, nullable=False),
        sa.Column('skills', JSON, nullable=False),
        sa.Column('phone', sa.String(length=40), nullable=False),
        sa.Column('duty_station', sa.String(length=200), nullable=False),
        sa.Column('availability_note', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['officer_id'], ['officers.id'],
                                name=op.f('fk_hq_roster_profiles_officer_id_officers')),
        sa.PrimaryKeyConstraint('officer_id', name=op.f('pk_hq_roster_profiles')),
    )
    op.create_table(
        'hq_deployments',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('officer_id', sa.String(length=36), nullable=False),
        sa.Column('operation_id', sa.String(length=36), nullable=False),
        sa.Column('role', sa.String(length=40), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('ended_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=200), nullable=False),
        sa.Column('ended_by', sa.String(length=200), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['officer_id'], ['officers.id'],
                                name=op.f('fk_hq_deployments_officer_id_officers')),
        sa.ForeignKeyConstraint(['operation_id'], ['operations.id'],
                                name=op.f('fk_hq_deployments_operation_id_operations')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_deployments')),
    )
    with op.batch_alter_table('hq_deployments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_deployments_officer_id'), ['officer_id'],
                              unique=False)
        batch_op.create_index('ix_hq_deployments_operation_ended',
                              ['operation_id', 'ended_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('hq_deployments', schema=None) as batch_op:
        batch_op.drop_index('ix_hq_deployments_operation_ended')
        batch_op.drop_index(batch_op.f('ix_hq_deployments_officer_id'))
    op.drop_table('hq_deployments')
    op.drop_table('hq_roster_profiles')
