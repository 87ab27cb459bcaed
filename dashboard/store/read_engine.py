"""The one place the dashboard's read path gets its SQLAlchemy engine.

On SQLite the engine's connections are the store's own (:func:`dashboard.store.database.connect`: the
schema created or upgraded, WAL, a 30 s busy wait), and a database that can only be read here (a
read-only file, or a file in a read-only folder) is opened read-only instead
(:func:`dashboard.store.database.open_read_only`), so the pages read it as it is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import QueuePool

from dashboard.store import database as store


def connect_for_reading(target: str | Path) -> sqlite3.Connection:
    """The database for reading: read-write (created or upgraded) when it can be, else read-only."""
    try:
        return store.connect(target)
    except store.ReadOnlyDatabase:
        return store.open_read_only(target)


def read_engine(target: str | Path) -> sa.Engine:
    """An engine over the claims database ``target`` for the dashboard's queries.

    >>> with read_engine(":memory:").connect() as conn:
    ...     conn.execute(sa.text("SELECT COUNT(*) FROM claims")).scalar_one()
    0
    """
    if str(target) == ":memory:":  # one private database: every query must see the same connection
        conn = store.connect(":memory:")
        return sa.create_engine("sqlite://", creator=lambda: conn, poolclass=sa.pool.StaticPool)
    return sa.create_engine("sqlite://", creator=lambda: connect_for_reading(target), poolclass=QueuePool)
