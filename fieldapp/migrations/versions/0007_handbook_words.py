"""handbook_words: French and Spanish words of the handbook filed under their stems

Search in those languages asks the index for every form of a typed word
(fieldapp/handbook/words.py). The table is filled when an edition is loaded; the
edition that brings the translations is newer than any before it, so it loads on the
first start after this upgrade.

Revision ID: 0007_handbook_words
Revises: 0006_contact_full_name
"""

from alembic import op

revision = "0007_handbook_words"
down_revision = "0006_contact_full_name"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE handbook_words (lang TEXT NOT NULL, stem TEXT NOT NULL, "
               "word TEXT NOT NULL, PRIMARY KEY (lang, stem, word)) WITHOUT ROWID")


def downgrade() -> None:
    op.execute("DROP TABLE handbook_words")
