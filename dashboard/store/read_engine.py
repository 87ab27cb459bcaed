"""The one place the dashboard's read path gets its SQLAlchemy engine.

The engine is the store's own (:func:`dashboard.store.engine.engine_for`: an SQLite file or a
PostgreSQL URL), in the mode the database allows here: read-write when the store can open it so
(the schema created or upgraded first), else read-only (a read-only file, a file in a read-only
folder, a read-only PostgreSQL role), so the pages read such a database as it is.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import sqlalchemy as sa

from dashboard.store import database as store


def connect_for_reading(target: str | Path) -> sa.Connection:
    """The database for reading: read-write (created or upgraded) when it can be, else read-only."""
    try:
        return store.connect(target)
    except store.ReadOnlyDatabase:
        return store.open_read_only(target)


def read_engine(target: str | Path) -> sa.Engine:
    """An engine over the claims database ``target`` (a file path or a ``postgresql://`` URL) for the
    dashboard's queries; a database that cannot be opened is a :class:`dashboard.lang.errors.UserError`
    naming it.

    >>> import tempfile, os
    >>> engine = read_engine(os.path.join(tempfile.mkdtemp(), "claims.sqlite"))
    >>> with engine.connect() as conn:
    ...     conn.execute(sa.text("SELECT COUNT(*) FROM claims")).scalar_one()
    0
    """
    with closing(connect_for_reading(target)) as conn:
        return conn.engine
