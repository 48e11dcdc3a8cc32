"""Alembic environment of the catalog server (run from :meth:`server.db.Database.migrate`)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from server.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run the migrations on the connection handed over by the server."""
    connection: Connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
