"""Alembic environment: always runs on a connection handed in by storage.schema, in its transaction."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from storage.revisions import include_object

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through storage.schema.open_database / upgrade_database.")



context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode rebuilds tables
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
