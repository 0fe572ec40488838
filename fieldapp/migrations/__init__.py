"""Alembic migrations of the client database.

`REVISIONS` lists every revision this version knows, oldest first; a test checks it
against the scripts, so start-up can tell "up to date", "needs upgrade" and "written by a
newer version" from one small query, without importing Alembic on the fast path.
"""

REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_search",
    "0003_contact_phone_search",
    "0004_one_letter_prefix",
    "0005_sync_v2",
    "0006_contact_full_name",
    "0007_handbook_words",
    "0008_lesson_language",
    "0009_contact_list_indexes",
    "0010_register",
)
HEAD = REVISIONS[-1]
