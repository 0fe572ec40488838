"""Lessons record the language they are written in; the library filters by it

Revision ID: 0006_hq_lesson_language
Revises: 0005_hq_sync_v2
Create Date: 2026-12-06

Lessons HQ holds take English ("en"), the language of devices that do not send one,
except those a newer device already sent with a language (HQ kept the field it did not
know in the synced row): they take theirs. A partial index serves the library's language
filter like the topic one.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0006_hq_lesson_language'
down_revision = '0005_hq_sync_v2'
branch_labels = None
depends_on = None

PUBLIC_WHERE = "status = 'published' AND sensitivity = 'public' AND NOT deleted"
LANGS = ('en', 'fr', 'es')  # frozen copy of fieldapp.i18n.LANGS at this revision


def upgrade() -> None:
    op.add_column('hq_lessons', sa.Column('language', sa.String(length=8), nullable=False,
                                          server_default='en'))
    op.create_index('ix_hq_lessons_public_language', 'hq_lessons',
                    ['language', 'published_at', 'pk'], unique=False,
                    postgresql_where=sa.text(PUBLIC_WHERE), sqlite_where=sa.text(PUBLIC_WHERE))
    _language_of_synced_rows()


def _language_of_synced_rows() -> None:
    bind = op.get_bind()
    states = sa.table('row_states', sa.column('entity', sa.String()),
                      sa.column('row_id', sa.String()),
                      sa.column('fields', sa.JSON().with_variant(postgresql.JSONB(),
                                                                 'postgresql')))
    lessons = sa.table('hq_lessons', sa.column('id', sa.String()),
                       sa.column('language', sa.String()))
    for state in bind.execute(sa.select(states.c.row_id, states.c.fields)
                              .where(states.c.entity == 'lesson')):
        language = (state.fields or {}).get('language')
        if language in LANGS and language != 'en':
            bind.execute(sa.update(lessons).where(lessons.c.id == state.row_id)
                         .values(language=language))


def downgrade() -> None:
    op.drop_index('ix_hq_lessons_public_language', table_name='hq_lessons')
    # Not a batch copy: on SQLite that would drop the full-text triggers of hq_lessons.
    # SQLite (3.35+) and PostgreSQL both drop a column in place.
    op.execute("ALTER TABLE hq_lessons DROP COLUMN language")
