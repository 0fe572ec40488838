"""contacts: two small covering indexes for the contact list

On an encrypted profile every page read past SQLCipher's page cache is decrypted and
checked again, and the contacts table (42 MB for 100,000 contacts) is larger than that
cache: the list's count and its first page by name each read the whole table (130-320 ms
on the 100,000-contact profile, 20-80 ms plain). `ix_contacts_scope` lets the count read
operation and deleted flag only (~5 ms); `ix_contacts_name_order` gives the ids in name
order without reading or sorting the table.

Revision ID: 0009_contact_list_indexes
Revises: 0008_lesson_language
"""

from alembic import op

revision = "0009_contact_list_indexes"
down_revision = "0008_lesson_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_contacts_scope ON contacts (operation_id, deleted)")
    op.execute("CREATE INDEX ix_contacts_name_order ON contacts (family_name COLLATE NOCASE, "
               "given_name COLLATE NOCASE, id, deleted, operation_id)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_contacts_name_order")
    op.execute("DROP INDEX ix_contacts_scope")
