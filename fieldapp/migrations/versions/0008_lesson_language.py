"""lessons: the language each lesson is written in

New lessons take the interface's language unless the officer picks another; lessons
written before this revision recorded none and take English ("en"), the language the
application first had and the one HQ assumes for a device that does not send it.

Revision ID: 0008_lesson_language
Revises: 0007_handbook_words
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_lesson_language"
down_revision = "0007_handbook_words"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("lessons", sa.Column("language", sa.String(length=8), nullable=False,
                                       server_default="en"))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy of the table would drop the search
    # triggers and renumber the rowids the lessons index is keyed by.
    op.execute("ALTER TABLE lessons DROP COLUMN language")
