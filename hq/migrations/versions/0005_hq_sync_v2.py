"""Sync protocol v2: change ids per device, shared and departed rows, proposed operations,
membership events, the client version of each device

Revision ID: 0005_hq_sync_v2
Revises: 0004_hq_lessons_filters
Create Date: 2026-12-06

Change ids were unique across HQ; they are now unique per device, so a device can no
longer read (or block) another device's results by replaying its change id.
"""

import sqlalchemy as sa
from alembic import op

revision = '0005_hq_sync_v2'
down_revision = '0004_hq_lessons_filters'
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_constraint('uq_changes_change_id', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_changes_device_id'),
                                          ['device_id', 'change_id'])
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed_by', sa.String(length=36), nullable=True))
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('membership_seq', SEQ, nullable=True))
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('client_protocol', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('client_schema', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('client_version', sa.String(length=40), nullable=True))
    op.create_table(
        'row_shares',
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=64), nullable=False),
        sa.Column('operation_id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('entity', 'row_id', 'operation_id', name=op.f('pk_row_shares')),
    )
    op.create_table(
        'row_departures',
        sa.Column('id', SEQ, autoincrement=True, nullable=False),
        sa.Column('seq', SEQ, nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('row_id', sa.String(length=64), nullable=False),
        sa.Column('operation_id', sa.String(length=36), nullable=True),
        sa.Column('owner_officer_id', sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_row_departures')),
    )
    with op.batch_alter_table('row_departures', schema=None) as batch_op:
        batch_op.create_index('ix_row_departures_cursor', ['seq', 'entity', 'row_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('row_departures', schema=None) as batch_op:
        batch_op.drop_index('ix_row_departures_cursor')
    op.drop_table('row_departures')
    op.drop_table('row_shares')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('client_version')
        batch_op.drop_column('client_schema')
        batch_op.drop_column('client_protocol')
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_column('membership_seq')
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.drop_column('proposed_by')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_changes_device_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_changes_change_id'), ['change_id'])
