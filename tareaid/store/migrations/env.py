"""Alembic's environment for TAREaid: run the revisions on the connection TAREaid passes in.

TAREaid runs Alembic from code only (``tareaid.store.migrations``), never from the alembic
command line: there is no alembic.ini, no logging set-up here (``fileConfig`` would silence
the application's loggers), and no connection of its own. The caller has already begun the
transaction (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so the whole ladder
commits or rolls back as one.
"""

from __future__ import annotations

from alembic import context

config = context.config
connection = config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError(
        "TAREaid's migrations run from tareaid.store.migrations on an open connection"
    )

context.configure(
    connection=connection,
    # SQLite can alter a table only by rebuilding it; batch mode does that for every
    # operation written with op.batch_alter_table (and autogenerate writes it so).
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
