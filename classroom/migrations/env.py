"""Alembic environment of the classroom schema, run by ``classroom.db.upgrade``.

Online only: ``upgrade`` passes an open connection, already inside a locked transaction,
as ``config.attributes["connection"]``; this script runs the migrations on it and leaves
the commit to the caller. A schema change is a new file in ``versions/`` (``0001_initial.py``
shows the form; ``script.py.mako`` is Alembic's template for it) together with the same
change in ``classroom/schema.py``; ``test_migrations_match_schema`` checks they agree.
"""
from alembic import context

from classroom.schema import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("classroom migrations run through classroom.db.upgrade(engine), with a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
