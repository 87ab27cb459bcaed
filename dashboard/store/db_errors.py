"""What went wrong with the database, in one line a user can act on, for SQLite and PostgreSQL alike.

SQLAlchemy wraps each driver's error (``sqlite3.Error``, ``psycopg.Error``); these functions look at the
driver's own code (SQLite's result code, PostgreSQL's SQLSTATE) to tell a read-only database, a damaged
file, a full disk, a server that cannot be reached and a transaction that only has to run again apart.
Every message names the database: a file path as given, a URL without its password.

>>> explain("postgresql://reporter:secret@db.example/news", sqlite3.OperationalError("database or disk is full"))
'postgresql://reporter:***@db.example/news: the disk is full'
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa

from dashboard.lang.errors import UserError
from dashboard.store.engine import describe, is_postgres
from dashboard.store.migrations import LATEST_VERSION

# PostgreSQL's answers that mean "another writer got there first: run the transaction again"
# (serialization failure, deadlock, a unique key taken by a transaction that committed meanwhile, and a
# table or sequence that a process creating the same fresh database at the same time made first).
_RETRY_STATES = frozenset({"40001", "40P01", "23505", "42P07", "42710"})
# PostgreSQL's answers that mean this connection may not write (read-only transaction, no privilege).
_READ_ONLY_STATES = frozenset({"25006", "42501"})

# SQLite's primary result codes (``exc.sqlite_errorcode & 0xFF``) that a user can act on.
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def _orig(exc: BaseException) -> BaseException:
    """The driver's own error inside SQLAlchemy's wrapper (``sqlite3.Error``, ``psycopg.Error``)."""
    inner = getattr(exc, "orig", None) if isinstance(exc, sa.exc.DBAPIError) else None
    return inner if isinstance(inner, BaseException) else exc


def sqlite_code(exc: BaseException) -> int:
    return (getattr(_orig(exc), "sqlite_errorcode", None) or 0) & 0xFF


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(_orig(exc), "sqlstate", "") or "")


def message_of(exc: BaseException) -> str:
    """The driver's message in one line (PostgreSQL's come over several)."""
    return " ".join(str(_orig(exc)).split())


def is_read_only_error(exc: BaseException) -> bool:
    """Whether the database refused because this connection may not write (a read-only SQLite file or
    folder, a read-only PostgreSQL session or role)."""
    return (
        sqlite_code(exc) == sqlite3.SQLITE_READONLY
        or _sqlstate(exc) in _READ_ONLY_STATES
        or "readonly" in message_of(exc)
    )


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite's error says the file is damaged (or not a database)."""
    return sqlite_code(exc) in _CORRUPT_CODES or "malformed" in message_of(exc)


def is_retryable(exc: BaseException) -> bool:
    """Whether PostgreSQL refused a transaction only because another one ran at the same time."""
    return _sqlstate(exc) in _RETRY_STATES


def explain(target: str | Path, exc: BaseException) -> str:
    """One line naming the database (a URL without its password) and what went wrong, in words a user can act on.

    >>> explain("c.sqlite", sqlite3.OperationalError("database or disk is full"))
    'c.sqlite: the disk is full'
    """
    message = message_of(exc)
    name = describe(target)
    if sqlite_code(exc) == sqlite3.SQLITE_FULL or "disk is full" in message or _sqlstate(exc) == "53100":
        return f"{name}: the disk is full"
    if is_read_only_error(exc):
        return f"{name}: the database is read-only ({message})"
    if is_damage(exc):
        return f"{name}: {damaged_message(target, message)}"
    return f"{name}: {message}"


def damaged_message(target: str | Path, what: str) -> str:
    """The sentence for a damaged database, pointing to ``doctor``."""
    return f"the database is damaged ({what}); `python -m dashboard doctor --db {describe(target)}` says how to recover"


def missing_message(target: str | Path) -> str:
    if is_postgres(target):
        return f"{describe(target)}: holds no claims database yet (`python -m dashboard ingest PATH...` creates it)"
    return f"{target}: no such database file (`python -m dashboard ingest PATH...` creates it)"


def newer_message(target: str | Path, version: int) -> str:
    return f"{describe(target)}: made by a newer version (schema {version}); this program knows up to {LATEST_VERSION}"


class ReadOnlyDatabase(UserError):
    """The database (or its folder) cannot be written here."""


class DamagedDatabase(UserError):
    """SQLite finds the file damaged, or not a database at all."""


def refusal(target: str | Path, exc: BaseException) -> UserError:
    """The :class:`UserError` for a database error met while opening ``target``."""
    if is_read_only_error(exc):
        return ReadOnlyDatabase(explain(target, exc))
    if is_damage(exc):
        return DamagedDatabase(explain(target, exc))
    return UserError(f"{describe(target)}: not a usable claims database: {message_of(exc)}")


def unreachable(target: str, exc: BaseException) -> UserError:
    """The :class:`UserError` for a PostgreSQL server that cannot be reached or has no such database."""
    message = message_of(exc)
    if _sqlstate(exc) == "3D000" or "does not exist" in message:
        what = "no such database on the server (create it first, e.g. `createdb NAME`)"
    elif _sqlstate(exc) in ("28000", "28P01"):
        what = "the server refused the user or password"
    else:
        what = "cannot reach the database server (is PostgreSQL running there and accepting connections?)"
    return UserError(f"{describe(target)}: {what}: {message}")
