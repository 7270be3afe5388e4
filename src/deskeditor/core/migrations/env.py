"""Alembic environment: migrations run on the connection the store hands in."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from deskeditor.core.schema import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("deskeditor migrations run only through the store (Store.open)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
