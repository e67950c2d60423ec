"""Alembic environment: migrations run on the connection the register passes in, inside the
register's own transaction (which holds the database's write lock while they run)."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
