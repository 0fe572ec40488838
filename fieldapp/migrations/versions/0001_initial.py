"""initial schema

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-25 06:24:42.027044
"""

import sqlalchemy as sa
from alembic import op


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('checklist_ticks',
    sa.Column('section_slug', sa.String(length=80), nullable=False),
    sa.Column('item_key', sa.String(length=120), nullable=False),
    sa.Column('ticked', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_ticks'))
    )
    with op.batch_alter_table('checklist_ticks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_ticks_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checklist_ticks_section_slug'), ['section_slug'], unique=False)

    op.create_table('conflicts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('local_value', sa.JSON(), nullable=True),
    sa.Column('server_value', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflicts'))
    )
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflicts_row_id'), ['row_id'], unique=False)

    op.create_table('counters',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counters'))
    )
    op.create_table('handbook_bookmarks',
    sa.Column('section_slug', sa.String(length=80), nullable=False),
    sa.Column('anchor', sa.String(length=120), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handbook_bookmarks'))
    )
    with op.batch_alter_table('handbook_bookmarks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handbook_bookmarks_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handbook_bookmarks_section_slug'), ['section_slug'], unique=False)

    op.create_table('handbook_notes',
    sa.Column('section_slug', sa.String(length=80), nullable=False),
    sa.Column('anchor', sa.String(length=120), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handbook_notes'))
    )
    with op.batch_alter_table('handbook_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handbook_notes_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_handbook_notes_section_slug'), ['section_slug'], unique=False)

    op.create_table('handbook_sections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('edition', sa.String(length=40), nullable=False),
    sa.Column('body_md', sa.Text(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handbook_sections')),
    sa.UniqueConstraint('slug', 'lang', name=op.f('uq_handbook_sections_slug'))
    )
    op.create_table('lessons',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('observed_on', sa.Date(), nullable=True),
    sa.Column('exercise_name', sa.String(length=200), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('topic', sa.String(length=40), nullable=False),
    sa.Column('observation', sa.Text(), nullable=False),
    sa.Column('discussion', sa.Text(), nullable=False),
    sa.Column('recommendation', sa.Text(), nullable=False),
    sa.Column('suggested_owner', sa.String(length=200), nullable=False),
    sa.Column('keywords', sa.String(length=400), nullable=False),
    sa.Column('sensitivity', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('hq_comment', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lessons'))
    )
    with op.batch_alter_table('lessons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lessons_operation_id'), ['operation_id'], unique=False)

    op.create_table('operations',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('hc_rc', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operations')),
    sa.UniqueConstraint('code', name=op.f('uq_operations_code'))
    )
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_operations_operation_id'), ['operation_id'], unique=False)

    op.create_table('organisations',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('acronym', sa.String(length=40), nullable=False),
    sa.Column('org_type', sa.String(length=32), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations'))
    )
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisations_operation_id'), ['operation_id'], unique=False)

    op.create_table('outbox',
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('base', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('change_id', name=op.f('pk_outbox'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_row_id'), ['row_id'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('contacts',
    sa.Column('given_name', sa.String(length=120), nullable=False),
    sa.Column('family_name', sa.String(length=120), nullable=False),
    sa.Column('organisation_id', sa.String(length=36), nullable=True),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('phones', sa.JSON(), nullable=False),
    sa.Column('emails', sa.JSON(), nullable=False),
    sa.Column('satellite_phone', sa.String(length=40), nullable=False),
    sa.Column('call_sign', sa.String(length=40), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('languages', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('favourite', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_contacts_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('assets',
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('provider_state', sa.String(length=3), nullable=False),
    sa.Column('provider_unit', sa.String(length=200), nullable=False),
    sa.Column('capacity_value', sa.Float(), nullable=True),
    sa.Column('capacity_unit', sa.String(length=40), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('place_name', sa.String(length=200), nullable=False),
    sa.Column('available_from', sa.Date(), nullable=True),
    sa.Column('available_to', sa.Date(), nullable=True),
    sa.Column('poc_contact_id', sa.String(length=36), nullable=True),
    sa.Column('cost_basis', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['poc_contact_id'], ['contacts.id'], name=op.f('fk_assets_poc_contact_id_contacts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assets'))
    )
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assets_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_assets_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assets_status'), ['status'], unique=False)

    op.create_table('asset_status_events',
    sa.Column('asset_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=200), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['asset_id'], ['assets.id'], name=op.f('fk_asset_status_events_asset_id_assets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_asset_status_events'))
    )
    with op.batch_alter_table('asset_status_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_asset_status_events_asset_id'), ['asset_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_asset_status_events_operation_id'), ['operation_id'], unique=False)

    op.create_table('rfas',
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('requesting_org_id', sa.String(length=36), nullable=True),
    sa.Column('cluster', sa.String(length=80), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('capability', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('task_description', sa.Text(), nullable=False),
    sa.Column('from_place', sa.String(length=200), nullable=False),
    sa.Column('to_place', sa.String(length=200), nullable=False),
    sa.Column('from_lat', sa.Float(), nullable=True),
    sa.Column('from_lon', sa.Float(), nullable=True),
    sa.Column('to_lat', sa.Float(), nullable=True),
    sa.Column('to_lon', sa.Float(), nullable=True),
    sa.Column('required_from', sa.DateTime(), nullable=True),
    sa.Column('required_until', sa.DateTime(), nullable=True),
    sa.Column('passengers', sa.Integer(), nullable=True),
    sa.Column('cargo_tonnes', sa.Float(), nullable=True),
    sa.Column('cargo_m3', sa.Float(), nullable=True),
    sa.Column('other_quantity', sa.Float(), nullable=True),
    sa.Column('other_unit', sa.String(length=40), nullable=False),
    sa.Column('priority', sa.String(length=20), nullable=False),
    sa.Column('civilian_means_tried', sa.Text(), nullable=False),
    sa.Column('last_resort_justification', sa.Text(), nullable=False),
    sa.Column('capability_unique', sa.Boolean(), nullable=False),
    sa.Column('security_considerations', sa.Text(), nullable=False),
    sa.Column('proposed_asset_ids', sa.JSON(), nullable=False),
    sa.Column('tasked_asset_id', sa.String(length=36), nullable=True),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_rfas_contact_id_contacts')),
    sa.ForeignKeyConstraint(['requesting_org_id'], ['organisations.id'], name=op.f('fk_rfas_requesting_org_id_organisations')),
    sa.ForeignKeyConstraint(['tasked_asset_id'], ['assets.id'], name=op.f('fk_rfas_tasked_asset_id_assets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rfas')),
    sa.UniqueConstraint('reference', name=op.f('uq_rfas_reference'))
    )
    with op.batch_alter_table('rfas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rfas_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfas_priority'), ['priority'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfas_status'), ['status'], unique=False)

    op.create_table('rfa_events',
    sa.Column('rfa_id', sa.String(length=36), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=False),
    sa.Column('to_status', sa.String(length=24), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=200), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('operation_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['rfa_id'], ['rfas.id'], name=op.f('fk_rfa_events_rfa_id_rfas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rfa_events'))
    )
    with op.batch_alter_table('rfa_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rfa_events_operation_id'), ['operation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rfa_events_rfa_id'), ['rfa_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('rfa_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rfa_events_rfa_id'))
        batch_op.drop_index(batch_op.f('ix_rfa_events_operation_id'))

    op.drop_table('rfa_events')
    with op.batch_alter_table('rfas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rfas_status'))
        batch_op.drop_index(batch_op.f('ix_rfas_priority'))
        batch_op.drop_index(batch_op.f('ix_rfas_operation_id'))

    op.drop_table('rfas')
    with op.batch_alter_table('asset_status_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_asset_status_events_operation_id'))
        batch_op.drop_index(batch_op.f('ix_asset_status_events_asset_id'))

    op.drop_table('asset_status_events')
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assets_status'))
        batch_op.drop_index(batch_op.f('ix_assets_operation_id'))
        batch_op.drop_index(batch_op.f('ix_assets_category'))

    op.drop_table('assets')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contacts_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_contacts_operation_id'))

    op.drop_table('contacts')
    op.drop_table('sync_state')
    op.drop_table('settings')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_row_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_created_at'))

    op.drop_table('outbox')
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_operation_id'))

    op.drop_table('organisations')
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_operations_operation_id'))

    op.drop_table('operations')
    with op.batch_alter_table('lessons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lessons_operation_id'))

    op.drop_table('lessons')
    op.drop_table('handbook_sections')
    with op.batch_alter_table('handbook_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handbook_notes_section_slug'))
        batch_op.drop_index(batch_op.f('ix_handbook_notes_operation_id'))

    op.drop_table('handbook_notes')
    with op.batch_alter_table('handbook_bookmarks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handbook_bookmarks_section_slug'))
        batch_op.drop_index(batch_op.f('ix_handbook_bookmarks_operation_id'))

    op.drop_table('handbook_bookmarks')
    op.drop_table('counters')
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflicts_row_id'))

    op.drop_table('conflicts')
    with op.batch_alter_table('checklist_ticks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_ticks_section_slug'))
        batch_op.drop_index(batch_op.f('ix_checklist_ticks_operation_id'))

    op.drop_table('checklist_ticks')

