"""The Central Register of MCDA at HQ and its history

Revision ID: 0009_hq_register
Revises: 0008_hq_roles
Create Date: 2026-12-07

Entries, their history and import files awaiting confirmation (hq.register_tables).
Full-text search is made per dialect, as 0002 does for lessons: PostgreSQL gets a
generated tsvector column ('simple': names in every script, no stemming) with a GIN
index, SQLite an FTS5 external-content table kept in step by triggers.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0009_hq_register'
down_revision = '0008_hq_roles'
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
FTS_COLUMNS = ("provider", "capability", "conditions", "poc_name", "poc_email", "poc_phone")
INDEXES = (
    ('ix_hq_register_entries_status_provider', ['status', 'provider']),
    ('ix_hq_register_entries_category_provider', ['category', 'provider']),
    ('ix_hq_register_entries_status_valid_until', ['status', 'valid_until']),
    ('ix_hq_register_entries_provider_state', ['provider_state']),
)


def upgrade() -> None:
    op.create_table(
        'hq_register_entries',
        sa.Column('pk', SEQ, autoincrement=True, nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('provider', sa.String(length=200), nullable=False),
        sa.Column('provider_kind', sa.String(length=16), nullable=False),
        sa.Column('provider_state', sa.String(length=3), nullable=False),
        sa.Column('capability', sa.Text(), nullable=False),
        sa.Column('category', sa.String(length=40), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('capacity_value', sa.Float(), nullable=True),
        sa.Column('capacity_unit', sa.String(length=40), nullable=False),
        sa.Column('readiness_hours', sa.Integer(), nullable=True),
        sa.Column('deployment_hours', sa.Integer(), nullable=True),
        sa.Column('conditions', sa.Text(), nullable=False),
        sa.Column('poc_name', sa.String(length=200), nullable=False),
        sa.Column('poc_email', sa.String(length=200), nullable=False),
        sa.Column('poc_phone', sa.String(length=60), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_hq_register_entries')),
        sa.UniqueConstraint('id', name=op.f('uq_hq_register_entries_id')),
    )
    with op.batch_alter_table('hq_register_entries', schema=None) as batch_op:
        for name, columns in INDEXES:
            batch_op.create_index(name, columns, unique=False)

    op.create_table(
        'hq_register_events',
        sa.Column('id', SEQ, autoincrement=True, nullable=False),
        sa.Column('entry_id', sa.String(length=36), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=200), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('field', sa.String(length=40), nullable=False),
        sa.Column('before', sa.Text(), nullable=False),
        sa.Column('after', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_register_events')),
    )
    with op.batch_alter_table('hq_register_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_register_events_entry_id'), ['entry_id'],
                              unique=False)

    op.create_table(
        'hq_register_uploads',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('session_hash', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_register_uploads')),
    )
    with op.batch_alter_table('hq_register_uploads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_register_uploads_created_at'), ['created_at'],
                              unique=False)

    if op.get_bind().dialect.name == 'postgresql':
        _postgres_search()
    else:
        _sqlite_search()


def _postgres_search() -> None:
    # ASCII punctuation becomes a space first, as SQLite's unicode61 tokenizer reads it:
    # "ops@example.org" is three words on both, and "<b>x</b>" is not taken for a tag.
    text = " || ' ' || ".join(f"coalesce({c}, '')" for c in FTS_COLUMNS)
    words = f"regexp_replace({text}, '[!-/:-@[-`{{-~]', ' ', 'g')"
    op.add_column('hq_register_entries', sa.Column(
        'search_vector', postgresql.TSVECTOR(),
        sa.Computed(f"to_tsvector('simple'::regconfig, {words})", persisted=True),
        nullable=True))
    op.create_index('ix_hq_register_entries_search_vector', 'hq_register_entries',
                    ['search_vector'], postgresql_using='gin')


def _sqlite_search() -> None:
    columns = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE hq_register_entries_fts USING fts5({columns}, "
        "content='hq_register_entries', content_rowid='pk', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER hq_register_entries_fts_ai AFTER INSERT ON hq_register_entries BEGIN "
        f"INSERT INTO hq_register_entries_fts(rowid, {columns}) VALUES (new.pk, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER hq_register_entries_fts_ad AFTER DELETE ON hq_register_entries BEGIN "
        f"INSERT INTO hq_register_entries_fts(hq_register_entries_fts, rowid, {columns}) "
        f"VALUES ('delete', old.pk, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER hq_register_entries_fts_au AFTER UPDATE OF {columns} "
        "ON hq_register_entries BEGIN "
        f"INSERT INTO hq_register_entries_fts(hq_register_entries_fts, rowid, {columns}) "
        f"VALUES ('delete', old.pk, {old}); "
        f"INSERT INTO hq_register_entries_fts(rowid, {columns}) VALUES (new.pk, {new}); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_index('ix_hq_register_entries_search_vector', table_name='hq_register_entries')
    else:
        for trigger in ('hq_register_entries_fts_ai', 'hq_register_entries_fts_ad',
                        'hq_register_entries_fts_au'):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS hq_register_entries_fts")
    with op.batch_alter_table('hq_register_uploads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hq_register_uploads_created_at'))
    op.drop_table('hq_register_uploads')
    with op.batch_alter_table('hq_register_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hq_register_events_entry_id'))
    op.drop_table('hq_register_events')
    with op.batch_alter_table('hq_register_entries', schema=None) as batch_op:
        for name, _columns in reversed(INDEXES):
            batch_op.drop_index(name)
    op.drop_table('hq_register_entries')
