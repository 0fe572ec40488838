"""Alembic environment of the HQ database: runs on the connection handed over by db.py."""

from alembic import context

import hq.tables  # noqa: F401  (every table on the metadata)
from hq.models import ServerBase

connection = context.config.attributes.get("connection")
if connection is None:  # run from the alembic command line for autogenerate
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///hq-autogen.sqlite"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=ServerBase.metadata,
    render_as_batch=True,  # SQLite alters tables by copy
)
with context.begin_transaction():
    context.run_migrations()
