"""Every HQ table, imported so that `ServerBase.metadata` knows them all (migrations'
autogenerate, the schema tests)."""

from hq import (  # noqa: F401
    lesson_tables,
    models,
    overview_tables,
    proposal_tables,
    register_tables,
    release_tables,
    roster_tables,
)
