"""Lessons review and public library: projection, review log, reviewers, web sessions, FTS

Revision ID: 0002_hq_lessons
Revises: 0001_hq_initial
Create Date: 2026-11-26

Full-text search is made per dialect: PostgreSQL gets a generated tsvector column with a
GIN index, SQLite an FTS5 external-content table kept in step by triggers. Lesson rows
already synced are projected into hq_lessons (a device can only have made them drafts or
submitted; nothing is published by this migration).
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002_hq_lessons'
down_revision = '0001_hq_initial'
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
PUBLIC_WHERE = "status = 'published' AND sensitivity = 'public' AND NOT deleted"
FTS_COLUMNS = ("title", "keywords", "location", "exercise_name", "observation",
               "discussion", "recommendation", "suggested_owner")
# The topics of fieldapp.models.enums.LessonTopic when this revision was written.
TOPICS = ("coordination_mechanisms", "requests_for_assistance_mcda", "logistics",
          "security_armed_escorts", "information_sharing", "humanitarian_principles",
          "training_exercises", "other")
TEXT_FIELDS = ("title", "exercise_name", "location", "observation", "discussion",
               "recommendation", "suggested_owner", "keywords", "hq_comment")


def upgrade() -> None:
    op.create_table(
        'hq_lessons',
        sa.Column('pk', SEQ, autoincrement=True, nullable=False),
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('operation_id', sa.String(length=36), nullable=True),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('observed_on', sa.Date(), nullable=True),
        sa.Column('exercise_name', sa.Text(), nullable=False),
        sa.Column('location', sa.Text(), nullable=False),
        sa.Column('topic', sa.String(length=60), nullable=False),
        sa.Column('observation', sa.Text(), nullable=False),
        sa.Column('discussion', sa.Text(), nullable=False),
        sa.Column('recommendation', sa.Text(), nullable=False),
        sa.Column('suggested_owner', sa.Text(), nullable=False),
        sa.Column('keywords', sa.Text(), nullable=False),
        sa.Column('sensitivity', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('hq_comment', sa.Text(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
        sa.Column('submitted_at', sa.DateTime(), nullable=True),
        sa.Column('reviewed_at', sa.DateTime(), nullable=True),
        sa.Column('reviewed_by', sa.String(length=200), nullable=False),
        sa.Column('published_at', sa.DateTime(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_hq_lessons')),
        sa.UniqueConstraint('id', name=op.f('uq_hq_lessons_id')),
    )
    with op.batch_alter_table('hq_lessons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_lessons_operation_id'), ['operation_id'],
                              unique=False)
        batch_op.create_index('ix_hq_lessons_status_submitted', ['status', 'submitted_at'],
                              unique=False)
        batch_op.create_index('ix_hq_lessons_public', ['published_at'], unique=False,
                              postgresql_where=sa.text(PUBLIC_WHERE),
                              sqlite_where=sa.text(PUBLIC_WHERE))

    op.create_table(
        'hq_lesson_events',
        sa.Column('id', SEQ, autoincrement=True, nullable=False),
        sa.Column('lesson_id', sa.String(length=64), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=200), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('field', sa.String(length=60), nullable=False),
        sa.Column('before', sa.Text(), nullable=False),
        sa.Column('after', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_lesson_events')),
    )
    with op.batch_alter_table('hq_lesson_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_lesson_events_lesson_id'), ['lesson_id'],
                              unique=False)

    op.create_table(
        'hq_reviewers',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('password_hash', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_sign_in_at', sa.DateTime(), nullable=True),
        sa.Column('disabled_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_hq_reviewers')),
        sa.UniqueConstraint('name', name=op.f('uq_hq_reviewers_name')),
    )
    op.create_table(
        'hq_web_sessions',
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('reviewer_id', sa.String(length=36), nullable=False),
        sa.Column('csrf_token', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['reviewer_id'], ['hq_reviewers.id'],
                                name=op.f('fk_hq_web_sessions_reviewer_id_hq_reviewers')),
        sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_hq_web_sessions')),
    )
    with op.batch_alter_table('hq_web_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hq_web_sessions_reviewer_id'), ['reviewer_id'],
                              unique=False)

    if op.get_bind().dialect.name == 'postgresql':
        _postgres_search()
    else:
        _sqlite_search()
    _project_existing_lessons()


def _postgres_search() -> None:
    def part(columns: str, weight: str) -> str:
        return (f"setweight(to_tsvector('english'::regconfig, {columns}), '{weight}')")

    vector = " || ".join([
        part("coalesce(title, '')", "A"),
        part("coalesce(keywords, '') || ' ' || coalesce(exercise_name, '') || ' ' "
             "|| coalesce(location, '')", "B"),
        part("coalesce(observation, '') || ' ' || coalesce(discussion, '') || ' ' "
             "|| coalesce(recommendation, '')", "C"),
        part("coalesce(suggested_owner, '')", "D"),
    ])
    op.add_column('hq_lessons', sa.Column(
        'search_vector', postgresql.TSVECTOR(),
        sa.Computed(vector, persisted=True), nullable=True))
    op.create_index('ix_hq_lessons_search', 'hq_lessons', ['search_vector'],
                    postgresql_using='gin')


def _sqlite_search() -> None:
    columns = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE hq_lessons_fts USING fts5({columns}, content='hq_lessons', "
        "content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER hq_lessons_fts_ai AFTER INSERT ON hq_lessons BEGIN "
        f"INSERT INTO hq_lessons_fts(rowid, {columns}) VALUES (new.pk, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER hq_lessons_fts_ad AFTER DELETE ON hq_lessons BEGIN "
        f"INSERT INTO hq_lessons_fts(hq_lessons_fts, rowid, {columns}) "
        f"VALUES ('delete', old.pk, {old}); END"
    )
    watched = ", ".join(FTS_COLUMNS)
    op.execute(
        f"CREATE TRIGGER hq_lessons_fts_au AFTER UPDATE OF {watched} ON hq_lessons BEGIN "
        f"INSERT INTO hq_lessons_fts(hq_lessons_fts, rowid, {columns}) "
        f"VALUES ('delete', old.pk, {old}); "
        f"INSERT INTO hq_lessons_fts(rowid, {columns}) VALUES (new.pk, {new}); END"
    )


def _project_existing_lessons() -> None:
    """Lessons synced before this revision: drafts stay drafts, anything else is submitted."""
    from datetime import UTC, date, datetime

    bind = op.get_bind()
    states = sa.table('row_states', sa.column('entity', sa.String()),
                      sa.column('row_id', sa.String()),
                      sa.column('operation_id', sa.String()),
                      sa.column('fields', sa.JSON().with_variant(postgresql.JSONB(),
                                                                 'postgresql')),
                      sa.column('deleted', sa.Boolean()), sa.column('updated_at', sa.DateTime()))
    lessons = sa.table('hq_lessons', *(sa.column(name) for name in (
        'id', 'operation_id', 'observed_on', 'topic', 'sensitivity', 'status', 'deleted',
        'submitted_at', 'reviewed_by', 'updated_at', *TEXT_FIELDS)))
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for state in bind.execute(sa.select(states).where(states.c.entity == 'lesson')):
        fields = state.fields or {}
        status = 'draft' if fields.get('status') == 'draft' else 'submitted'
        try:
            observed = date.fromisoformat(str(fields.get('observed_on')))
        except ValueError:
            observed = None
        rows.append({
            'id': state.row_id, 'operation_id': state.operation_id, 'observed_on': observed,
            'topic': fields.get('topic') if fields.get('topic') in TOPICS else 'other',
            'sensitivity': 'public' if fields.get('sensitivity') == 'public' else 'internal',
            'status': status, 'deleted': bool(state.deleted),
            'submitted_at': state.updated_at if status == 'submitted' else None,
            'reviewed_by': '', 'updated_at': now,
            **{name: str(fields.get(name) or '') for name in TEXT_FIELDS},
        })
    if rows:
        op.bulk_insert(lessons, rows)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_index('ix_hq_lessons_search', table_name='hq_lessons')
    else:
        for trigger in ('hq_lessons_fts_ai', 'hq_lessons_fts_ad', 'hq_lessons_fts_au'):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS hq_lessons_fts")
    with op.batch_alter_table('hq_web_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hq_web_sessions_reviewer_id'))
    op.drop_table('hq_web_sessions')
    op.drop_table('hq_reviewers')
    with op.batch_alter_table('hq_lesson_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hq_lesson_events_lesson_id'))
    op.drop_table('hq_lesson_events')
    with op.batch_alter_table('hq_lessons', schema=None) as batch_op:
        batch_op.drop_index('ix_hq_lessons_public')
        batch_op.drop_index('ix_hq_lessons_status_submitted')
        batch_op.drop_index(batch_op.f('ix_hq_lessons_operation_id'))
    op.drop_table('hq_lessons')
