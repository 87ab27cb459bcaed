"""Where the claims database is and how to reach it: an SQLite file, or a PostgreSQL server by URL.

``CLAIMS_DB`` (or ``--db``) is either a file path (``data/claims.sqlite``, the default: one
reporter's database on disk) or a URL ``postgresql://user@host:5432/claims`` (also
``postgresql+psycopg://...``): a newsroom's shared database that several machines ingest into and
several people read at once. :func:`engine_for` is the one place that turns either into a
SQLAlchemy engine, and :func:`describe` the one way to name it in a message (never with its password).

Connections of both engines are in autocommit mode: a statement outside a transaction stands
alone, and :func:`dashboard.store.database.transaction` opens one explicitly (SQLite's ``BEGIN
IMMEDIATE``, PostgreSQL's ``SERIALIZABLE``). SQLite connections are not pooled (each connection
is its own, ``:memory:`` a private database); PostgreSQL ones are, per process.

>>> is_postgres("postgresql://claims@db.example:5432/news"), is_postgres("data/claims.sqlite")
(True, False)
>>> describe("postgresql+psycopg://reporter:secret@db.example/news")
'postgresql://reporter:***@db.example/news'
>>> with engine_for(":memory:").connect() as conn:
...     conn.exec_driver_sql("SELECT text_sha256('۵۸۲ صندوق')").scalar() == text_hash("۵۸۲ صندوق")
True
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from dashboard.lang.errors import UserError

POSTGRES_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10

# How a connection may use the database: read and write (SQLite creates the file), read only, or (SQLite
# only) read a file in a folder this process cannot write, which SQLite must then treat as unchanging.
Mode = Literal["rw", "ro", "immutable"]


def is_postgres(target: str | Path | sa.Engine | sa.Connection) -> bool:
    """Whether ``target`` (a ``CLAIMS_DB`` value, an engine or a connection) is a PostgreSQL database.

    >>> is_postgres("postgres://u@localhost/claims"), is_postgres("/tmp/postgresql.sqlite")
    (True, False)
    """
    if isinstance(target, sa.Connection | sa.Engine):
        return target.dialect.name == "postgresql"
    return str(target).strip().lower().startswith(POSTGRES_SCHEMES)


def postgres_url(target: str) -> sa.URL:
    """The SQLAlchemy URL of a PostgreSQL target, on the psycopg (3) driver; a malformed one is a :class:`UserError`.

    >>> postgres_url("postgresql://u@h:5433/claims").render_as_string()
    'postgresql+psycopg://u@h:5433/claims'
    """
    try:
        url = sa.make_url(target.strip())
    except sa.exc.ArgumentError as exc:
        raise UserError(f"{target}: not a database URL ({exc})") from None
    if not url.database:
        raise UserError(f"{describe(target)}: the URL names no database (postgresql://user@host:port/DATABASE)")
    return url.set(drivername="postgresql+psycopg")


def describe(target: str | Path) -> str:
    """``target`` as a message names it: a file path as given, a URL with its password hidden.

    >>> describe("data/claims.sqlite")
    'data/claims.sqlite'
    """
    text = str(target)
    if not is_postgres(text):
        return text
    try:
        url = sa.make_url(text.strip())
    except sa.exc.ArgumentError:
        return text.split("@")[-1]  # unparseable: show no more than the host part
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def text_hash(text: str) -> str:
    """The hash that finds the same article text under another name (SHA-256 of its UTF-8).

    >>> text_hash("۵۸۲ صندوق") == text_hash("۵۸۲ صندوق") != text_hash("۵۸۳ صندوق")
    True
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def open_sqlite(target: str | Path, mode: Mode = "rw") -> sqlite3.Connection:
    """A raw SQLite connection: read-write (creating the file) or the URI's ``mode=ro`` / ``immutable=1``.

    Every connection waits up to 30 s for a lock, enforces foreign keys, is in autocommit mode
    (transactions are explicit) and knows ``text_sha256(text)`` (an old schema's migration uses it).
    """
    kwargs: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None, "check_same_thread": False}
    if mode == "rw":
        conn = sqlite3.connect(str(target), **kwargs)
    else:
        query = "mode=ro" if mode == "ro" else "immutable=1"
        conn = sqlite3.connect(f"{Path(target).resolve().as_uri()}?{query}", uri=True, **kwargs)
    conn.create_function("text_sha256", 1, lambda text: text_hash(text or ""), deterministic=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _sqlite_engine(target: str, mode: Mode) -> sa.Engine:
    return sa.create_engine(
        "sqlite://",
        creator=lambda: open_sqlite(target, mode),
        poolclass=NullPool,  # closing a connection closes the file; a pooled one would keep it open
        isolation_level="AUTOCOMMIT",
    )


def _postgres_engine(target: str, mode: Mode) -> sa.Engine:
    options = "-c default_transaction_read_only=on" if mode != "rw" else ""
    return sa.create_engine(
        postgres_url(target),
        isolation_level="AUTOCOMMIT",
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "claims", "options": options},
    )


# Engines by (target, mode, process id): a forked process must not share its parent's pooled connections.
_ENGINES: dict[tuple[str, Mode, int], sa.Engine] = {}
_LOCK = threading.Lock()


def _key(target: str | Path) -> str:
    return str(target).strip() if is_postgres(target) else str(target)


def engine_for(target: str | Path, mode: Mode = "rw") -> sa.Engine:
    """The engine of ``target``: a PostgreSQL URL or an SQLite file path (``":memory:"`` too).

    One engine per target, mode and process. Nothing is opened until a connection is asked for;
    :func:`dashboard.store.database.connect` checks and migrates the database, and names it in every error.
    """
    key = (_key(target), mode, os.getpid())
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            make = _postgres_engine if is_postgres(key[0]) else _sqlite_engine
            engine = _ENGINES[key] = make(key[0], mode)
    return engine


def dispose(target: str | Path) -> None:
    """Close this process's pooled connections to ``target`` and forget its engines (a database about to be
    dropped, a test's server about to stop)."""
    with _LOCK:
        for key in [k for k in _ENGINES if k[0] == _key(target) and k[2] == os.getpid()]:
            _ENGINES.pop(key).dispose()
