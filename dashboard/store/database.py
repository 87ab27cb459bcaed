"""The claims database (an SQLite file or PostgreSQL): connect, migrate, write whole articles, read frames.

One article is the unit of storage: its row in ``articles`` and all its rows in
``claims`` are written (or replaced) in one transaction, so a reader never sees an
article with half its claims, and an interrupted ingest leaves only whole articles.

An article's identity is its ``key``: its place in the folder ingested (``2023/a01.txt``,
``batch.jsonl#b13``, ``news.zip/a01.txt``), so two articles that share a base name never replace
each other; the claims CSV's ``document`` stays the base name. Its ``content_hash`` covers the
text and the metadata the input gives, so feeding the same files again changes nothing, and a
changed article replaces its old claims. The same text under a new key is stored once and
reported as a duplicate.

>>> conn = connect(":memory:")
>>> is_empty(conn)
True
>>> write_articles(conn, [StoredArticle(document="a01.txt", path="news/a01.txt",
...     text="ایجاد ۱۸۰ هزار شغل", content_hash="h1", claims=[{"document": "a01.txt",
...     "value": 180000, "unit": "count", "metric": "jobs", "mention": "۱۸۰ هزار"}])])
WriteCounts(new=1, replaced=0, unchanged=0, claims=1, duplicates=())
>>> claims_frame(conn)[["document", "value", "metric"]].to_dict("records")
[{'document': 'a01.txt', 'value': 180000.0, 'metric': 'jobs'}]
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa

try:  # pandas keeps its str columns in Arrow when pyarrow is installed; building them there directly is faster
    import pyarrow as _pa
except ImportError:  # pragma: no cover - pandas falls back to Python strings
    _pa = None

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.errors import UserError
from dashboard.lang.paths import database_path
from dashboard.store import tables
from dashboard.store.db_errors import (
    DamagedDatabase,
    ReadOnlyDatabase,
    damaged_message,
    explain,
    is_damage,
    is_read_only_error,
    is_retryable,
    message_of,
    missing_message,
    newer_message,
    refusal,
    sqlite_code,
    unreachable,
)
from dashboard.store.engine import describe, engine_for, is_postgres, text_hash
from dashboard.store.migrations import LATEST_VERSION, MIGRATIONS, SCHEMA_VERSION_TABLE

Connection = sa.Connection

# Article-level fields the extractor's ``article_metadata`` gives.
ARTICLE_META_FIELDS: tuple[str, ...] = ("title", "published", "published_jalali", "source", "url", "speaker")

ARTICLE_FRAME_COLUMNS: tuple[str, ...] = (
    "document",
    "title",
    "published",
    "published_jalali",
    "source",
    "url",
    "path",
    "n_claims",
    "content_hash",
    "ingested_at",
    "key",
    "article_id",
)
PROVENANCE_COLUMNS: tuple[str, ...] = ("path", "ingested_at", "claim_id")

_INT_CLAIM_COLUMNS = ("start", "end")
_TEXT_CLAIM_COLUMNS = tuple(c for c in CLAIM_COLUMNS if c not in ("value", *_INT_CLAIM_COLUMNS))

MAX_ATTEMPTS = 50  # runs of one transaction that concurrent writers keep refusing
CLAIMS_PER_INSERT = 500  # claim rows per INSERT statement (SQLite takes at most 32,766 parameters)


def _q(name: str) -> str:
    """Quote a column name (``end`` is an SQL keyword)."""
    return f'"{name}"'


_CLAIM_SELECT = ", ".join(f"c.{_q(c)}" for c in CLAIM_COLUMNS)


def now_iso() -> str:
    """The current UTC time as ``2026-11-22T02:10:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run(conn: sa.Connection, sql: str, **params: Any) -> sa.CursorResult:
    """Run one SQL statement with ``:name`` parameters (portable to both backends).

    >>> with engine_for(":memory:").connect() as conn:
    ...     run(conn, "SELECT :n + 1", n=1).scalar()
    2
    """
    return conn.execute(sa.text(sql), params)


# --- connecting and migrating -------------------------------------------------------------


def connect(path: str | Path | None = None, *, create: bool = True) -> sa.Connection:
    """Open (and create or migrate) the claims database.

    ``path`` None means :func:`dashboard.lang.paths.database_path` (``$CLAIMS_DB`` or
    ``data/claims.sqlite``); ``":memory:"`` gives a private in-memory SQLite database, and a
    ``postgresql://`` URL a PostgreSQL database (which must exist on the server; its tables are
    created here). The connection is in autocommit mode (use :func:`transaction` to group writes).
    An SQLite file is in WAL mode so readers and the single writer do not block each other.

    ``create`` False refuses a database that does not exist (a file, or a PostgreSQL database without
    the claims tables). A database made by a newer version is refused, and an older SQLite file is
    checked (``PRAGMA quick_check``) before its migration writes into it. Every refusal is a
    :class:`UserError` naming the file or the URL (without its password).
    """
    target = database_path() if path is None else path
    if is_postgres(target):
        return _connect_postgres(str(target), create=create)
    memory = str(target) == ":memory:"
    if not memory and not create and not Path(target).is_file():
        raise UserError(missing_message(target))
    try:
        if not memory:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = engine_for(target).connect()
    except OSError as exc:
        raise UserError(f"{target}: cannot open the database: {exc}") from exc
    except sa.exc.DBAPIError as exc:
        if is_read_only_error(exc) or is_damage(exc):
            raise refusal(target, exc) from exc
        raise UserError(f"{target}: cannot open the database: {message_of(exc)}") from exc
    with _closed_if_refused(conn, target):
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise UserError(newer_message(target, version))
        if not memory and conn.exec_driver_sql("PRAGMA journal_mode").scalar_one().lower() != "wal":
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        conn.exec_driver_sql("PRAGMA synchronous = NORMAL")
        if 0 < version < LATEST_VERSION:
            require_healthy(conn, target, "nothing was written")
        migrate(conn)
    return conn


@contextmanager
def _closed_if_refused(conn: sa.Connection, target: str | Path) -> Iterator[None]:
    """Close ``conn`` when the checks after opening it refuse the database: a :class:`UserError` as it is,
    the driver's error as the one line :func:`refusal` writes for it."""
    try:
        yield
    except UserError:
        conn.close()
        raise
    except sa.exc.DBAPIError as exc:
        conn.close()
        raise refusal(target, exc) from exc


def _connect_postgres(target: str, *, create: bool, mode: str = "rw") -> sa.Connection:
    """A connection to the PostgreSQL database at ``target``, its schema checked (and brought up to date
    unless read-only)."""
    try:
        conn = engine_for(target, "ro" if mode == "ro" else "rw").connect()
    except sa.exc.DBAPIError as exc:
        raise unreachable(target, exc) from None
    with _closed_if_refused(conn, target):
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise UserError(newer_message(target, version))
        if version == 0 and (not create or mode == "ro"):
            raise UserError(missing_message(target))
        if mode != "ro":
            migrate(conn)
    return conn


def open_read_only(path: str | Path | None = None) -> sa.Connection:
    """The database opened for reading only, never written, not migrated; refused when it is missing
    or made by a newer version.

    An SQLite file in a folder this process cannot write is opened ``immutable`` (SQLite cannot keep
    its shared-memory file there), which is right for a one-off read. A PostgreSQL session is made
    read-only (``default_transaction_read_only``), so the server itself refuses any write.
    """
    target = database_path() if path is None else path
    if is_postgres(target):
        return _connect_postgres(str(target), create=False, mode="ro")
    if not Path(target).is_file():
        raise UserError(missing_message(target))
    conn = None
    for mode in ("ro", "immutable"):
        try:
            conn = engine_for(target, "ro" if mode == "ro" else "immutable").connect()
            version = schema_version(conn)
            break
        except sa.exc.DBAPIError as exc:
            if conn is not None:
                conn.close()
                conn = None
            if mode == "immutable" or not (is_read_only_error(exc) or sqlite_code(exc) == sqlite3.SQLITE_CANTOPEN):
                raise (DamagedDatabase if is_damage(exc) else UserError)(explain(target, exc)) from exc
    assert conn is not None
    if version > LATEST_VERSION:
        conn.close()
        raise UserError(newer_message(target, version))
    return conn


def open_existing(path: str | Path | None = None) -> sa.Connection:
    """The database for a command that only reads: it must exist, be whole (``PRAGMA quick_check``)
    and be of a schema this program knows. Opened read-write when it can be (so an older schema is
    upgraded), else read-only (a read-only file or folder, a read-only PostgreSQL role).
    """
    target = database_path() if path is None else path
    try:
        conn = connect(target, create=False)
    except ReadOnlyDatabase:
        conn = open_read_only(target)
        version = schema_version(conn)
        if version < LATEST_VERSION:
            conn.close()
            raise UserError(
                f"{describe(target)}: made by an older version (schema {version}) and read-only here; "
                "open it once where it can be written to upgrade it"
            ) from None
    try:
        require_healthy(conn, target)
    except BaseException:
        conn.close()
        raise
    return conn


def integrity_problems(conn: sa.Connection, *, full: bool = False, limit: int = 20) -> list[str]:
    """What SQLite finds wrong with the file (empty when whole): ``quick_check`` (fast, checks
    every page and row) or, with ``full``, ``integrity_check`` (also the indexes' contents).
    A PostgreSQL server checks its own pages (``pg_amcheck`` is its tool): nothing to report here.

    >>> integrity_problems(connect(":memory:"))
    []
    """
    if is_postgres(conn):
        return []
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [row[0] for row in conn.exec_driver_sql(f"PRAGMA {pragma}({int(limit)})").fetchall()]
    except sa.exc.DBAPIError as exc:
        return [message_of(exc)]
    return [] if rows == ["ok"] else rows


def require_healthy(conn: sa.Connection, target: str | Path, consequence: str = "") -> None:
    """Raise a one-line :class:`UserError` when ``PRAGMA quick_check`` finds damage."""
    problems = integrity_problems(conn, limit=1)
    if problems:
        tail = f"; {consequence}" if consequence else ""
        first = problems[0].replace("\n", " ")
        raise DamagedDatabase(f"{describe(target)}: {damaged_message(target, first)}{tail}")


def schema_version(conn: sa.Connection) -> int:
    """The highest applied migration step, 0 for a database without one."""
    if not conn.dialect.has_table(conn, "schema_version"):
        return 0
    return int(conn.exec_driver_sql("SELECT COALESCE(MAX(version), 0) FROM schema_version").scalar_one())


def _record_step(conn: sa.Connection, version: int, description: str) -> None:
    conn.execute(tables.schema_version.insert().values(version=version, description=description, applied_at=now_iso()))


def migrate(conn: sa.Connection) -> int:
    """Apply the pending migration steps, each in one transaction; return the version reached.

    Safe when several processes open a fresh database at once: each step re-checks the
    version inside its transaction (SQLite's write lock; PostgreSQL runs it again when another
    process migrated first).
    """
    if schema_version(conn) >= MIGRATIONS[-1].version:
        return MIGRATIONS[-1].version
    if is_postgres(conn):
        return _migrate_postgres(conn)
    conn.exec_driver_sql(SCHEMA_VERSION_TABLE)
    # A step may rebuild a table; dropping the old one must not cascade to the rows that point to it.
    conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
    try:
        for step in MIGRATIONS:
            with transaction(conn):
                if schema_version(conn) >= step.version:
                    continue
                for statement in step.statements:
                    conn.exec_driver_sql(statement)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sa.exc.IntegrityError(
                        f"migration {step.version}",
                        None,
                        sqlite3.IntegrityError(f"{len(broken)} rows lost their parent"),
                    )
                _record_step(conn, step.version, step.description)
    finally:
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
    return schema_version(conn)


def _migrate_postgres(conn: sa.Connection) -> int:
    """A new PostgreSQL database is created from :mod:`dashboard.store.tables` (the latest schema), every
    step recorded as applied; one made by an older version runs the ``postgresql`` statements of the
    steps after its own (PostgreSQL databases exist from step :data:`POSTGRES_BASELINE` on)."""

    def step_up(conn: sa.Connection) -> int:
        version = schema_version(conn)
        if version >= LATEST_VERSION:  # another process migrated first
            return version
        if version == 0:
            tables.metadata.create_all(conn)
            conn.execute(tables.store_state.insert().values(key="writes", value=0))
            for step in MIGRATIONS:
                _record_step(conn, step.version, step.description)
            return LATEST_VERSION
        step = MIGRATIONS[version]  # the next one (versions count from 1)
        for statement in step.postgresql or ():
            conn.exec_driver_sql(statement)
        _record_step(conn, step.version, step.description)
        return step.version

    while atomically(conn, step_up) < LATEST_VERSION:
        pass
    return schema_version(conn)


@contextmanager
def transaction(conn: sa.Connection) -> Iterator[sa.Connection]:
    """One transaction, rolled back when the block raises: SQLite's ``BEGIN IMMEDIATE`` (the write lock
    first, so two writers never deadlock) or PostgreSQL's ``SERIALIZABLE`` (the server refuses a
    transaction that would not have given the same result alone; :func:`atomically` runs it again)."""
    conn.exec_driver_sql("BEGIN ISOLATION LEVEL SERIALIZABLE" if is_postgres(conn) else "BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with suppress(sa.exc.DBAPIError):  # the error that stopped the block is the one to report
            conn.exec_driver_sql("ROLLBACK")
        raise
    conn.exec_driver_sql("COMMIT")


def atomically[T](conn: sa.Connection, work: Callable[[sa.Connection], T], attempts: int = MAX_ATTEMPTS) -> T:
    """``work(conn)`` in one :func:`transaction`, run again (after a short random pause) while PostgreSQL
    refuses it because a concurrent writer touched the same rows: several ingests on several machines
    each see the others' committed articles, and none is stored twice. ``work`` must only write to the
    database (it may run more than once). After ``attempts`` refusals the last one is raised."""
    for attempt in range(1, attempts + 1):
        try:
            with transaction(conn):
                return work(conn)
        except sa.exc.DBAPIError as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
        time.sleep(random.uniform(0, min(0.5, 0.005 * 2**attempt)))
    raise AssertionError("unreachable")  # pragma: no cover


def _bump_writes(conn: sa.Connection) -> None:
    if is_postgres(conn):
        conn.execute(sa.select(tables.writes_sequence.next_value()))
    else:
        conn.exec_driver_sql("UPDATE store_state SET value = value + 1 WHERE key = 'writes'")


def mark_written(conn: sa.Connection) -> None:
    """Count a write made inside a :func:`transaction` by another module (verdicts, decisions), for cache keys."""
    _bump_writes(conn)


# --- writing ------------------------------------------------------------------------------


@dataclass
class StoredArticle:
    """One article ready to store: its text, provenance, metadata and claims.

    ``claims`` are dicts with the keys of :data:`CLAIM_COLUMNS` (missing keys are stored
    empty); ``metadata`` holds the article-level fields of :data:`ARTICLE_META_FIELDS`.
    ``rows``, when given, are the claims already converted by :func:`claim_row` (the
    ingest's workers do that) and are stored instead of ``claims``. ``key`` is the article's
    storage identity (its place in the folder ingested, ``2023/a01.txt``); empty means ``document``.
    """

    document: str
    path: str
    text: str
    content_hash: str
    meta: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    rows: list[tuple[Any, ...]] | None = None
    key: str = ""

    @property
    def storage_key(self) -> str:
        """``key``, or ``document`` when no key was given."""
        return self.key or self.document


@dataclass(frozen=True)
class WriteCounts:
    """What :func:`write_articles` did. ``duplicates`` pairs the path of each article not stored
    because the same text is stored already with the path it is stored from."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0
    duplicates: tuple[tuple[str, str], ...] = ()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _offset(value: Any) -> int:
    return -1 if value is None or value == "" else int(value)


def claim_row(claim: dict[str, Any]) -> tuple[Any, ...]:
    """A claim dict as the tuple the ``claims`` table takes (after ``article_id``).

    Raises ``ValueError`` for a value or offset that is not a number.

    >>> claim_row({"document": "a.txt", "value": "حدود", "start": 3})[:3]
    Traceback (most recent call last):
    ValueError: could not convert string to float: 'حدود'
    >>> claim_row({"document": "a.txt", "value": 12, "start": 3, "end": 5})[:2]
    ('a.txt', 12.0)
    """
    row: list[Any] = []
    for column in CLAIM_COLUMNS:
        value = claim.get(column)
        if column == "value":
            row.append(None if value is None or value == "" else float(value))
        elif column in _INT_CLAIM_COLUMNS:
            row.append(_offset(value))
        else:
            row.append(_text(value))
    return tuple(row)


def stored_path(conn: sa.Connection, key: str) -> str | None:
    """The path the article stored under ``key`` was read from, None when nothing is stored there."""
    a = tables.articles
    return conn.execute(sa.select(a.c.path).where(a.c.key == key)).scalar_one_or_none()


def stored_hash(conn: sa.Connection, key: str) -> str | None:
    """The content hash stored under ``key``, None when nothing is stored there."""
    a = tables.articles
    return conn.execute(sa.select(a.c.content_hash).where(a.c.key == key)).scalar_one_or_none()


def same_file(stored_path: str, path: str) -> bool:
    """Whether two paths name one file (``news/a.txt`` and ``./news/a.txt``; zip members and records too).

    >>> same_file("news/a.txt", "./news/a.txt"), same_file("2023/a.txt", "2024/a.txt")
    (True, False)
    """
    return stored_path == path or os.path.realpath(stored_path) == os.path.realpath(path)


def still_there(path: str) -> bool:
    """Whether the file an article was read from is still on disk (for a zip member or a record:
    its archive or its file). A file that is gone was moved or replaced: its key may be taken over.

    >>> still_there("/no/such/folder/a.txt")
    False
    """
    place = Path(path)
    while not place.exists() and place != place.parent:
        place = place.parent
    return place.is_file()


def _another_file(stored_path: str, path: str) -> bool:
    """Whether an article stored from ``stored_path`` came from another file than ``path``, one still on disk."""
    return not same_file(stored_path, path) and still_there(stored_path)


def _by_key(conn: sa.Connection, key: str) -> tuple[int, str, str, str] | None:
    """``(id, content_hash, path, text_hash)`` of the article stored under ``key``."""
    a = tables.articles
    row = conn.execute(sa.select(a.c.id, a.c.content_hash, a.c.path, a.c.text_hash).where(a.c.key == key)).first()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]), str(row[3]))


def _same_text(conn: sa.Connection, art: StoredArticle, digest: str) -> tuple[int, str, str] | None:
    """``(id, content_hash, path)`` of a stored article with the same text, when ``art``'s key is new."""
    a = tables.articles
    row = conn.execute(
        sa.select(a.c.id, a.c.content_hash, a.c.path)
        .where(a.c.text_hash == digest, a.c.text == art.text)
        .order_by(a.c.id)
        .limit(1)
    ).first()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def _article_values(art: StoredArticle, digest: str) -> dict[str, Any]:
    """The ``articles`` columns an article's text, provenance and metadata fill."""
    meta = {k: _text(art.metadata.get(k)) for k in ARTICLE_META_FIELDS}
    return {
        "document": art.document,
        "path": art.path,
        "text": art.text,
        **meta,
        "meta": json.dumps(art.meta, ensure_ascii=False, sort_keys=True, default=str),
        "content_hash": art.content_hash,
        "text_hash": digest,
    }


def _store_one(conn: sa.Connection, art: StoredArticle, rows: list[tuple[Any, ...]], stamp: str) -> str:
    """Store one article inside the caller's transaction; what became of it: ``new``, ``replaced``,
    ``unchanged``, or the path it is already stored from (a duplicate, not stored)."""
    a = tables.articles
    digest = text_hash(art.text)
    key = art.storage_key
    found = _by_key(conn, key)
    if found is not None and found[3] != digest and _another_file(found[2], art.path):
        key = f"{key}@{os.path.realpath(art.path)}"  # a different article: it keeps its own key
        found = _by_key(conn, key)
    if found is None:
        same = _same_text(conn, art, digest)
        if same is not None and not same_file(same[2], art.path):
            return same[2]
        if same is not None:  # the same file, stored under an older key: it takes the new one
            conn.execute(sa.update(a).where(a.c.id == same[0]).values(key=key))
            found = (*same, digest)
    if found is not None and found[1] == art.content_hash:
        return "unchanged"
    values = _article_values(art, digest)
    if found is not None:
        article_id = found[0]
        conn.execute(sa.delete(tables.claims).where(tables.claims.c.article_id == article_id))
        conn.execute(sa.update(a).where(a.c.id == article_id).values(**values, updated_at=stamp))
    else:
        insert = sa.insert(a).values(**values, ingested_at=stamp, updated_at=stamp, key=key).returning(a.c.id)
        article_id = int(conn.execute(insert).scalar_one())
    claim_rows = [{"article_id": article_id, **dict(zip(CLAIM_COLUMNS, row, strict=True))} for row in rows]
    for start in range(0, len(claim_rows), CLAIMS_PER_INSERT):  # one statement per chunk, not one per claim
        conn.execute(sa.insert(tables.claims).values(claim_rows[start : start + CLAIMS_PER_INSERT]))
    return "new" if found is None else "replaced"


def write_articles(conn: sa.Connection, articles: Sequence[StoredArticle]) -> WriteCounts:
    """Store whole articles in one transaction: insert new ones, replace changed ones.

    Articles are found by their key (:attr:`StoredArticle.storage_key`). An article whose stored
    hash equals its ``content_hash`` is left as it is. When the key holds another text read from
    another file that is still on disk (two folders ingested apart, each with its own ``a01.txt``),
    the article is stored under a key of its own (the key and the file's real path); when that file
    is gone (moved, or an upload's temporary copy), the article read now replaces it. The same
    name with the same text is the same article, wherever it was read from. An
    article whose text is already stored from another file is not stored again: it is listed in
    ``duplicates`` (the same file under a new key takes that key instead).
    Claim rows are validated before the transaction starts, so a bad claim raises ``ValueError``
    without writing anything.

    Several processes may write into one PostgreSQL database at once: the transaction is
    ``SERIALIZABLE``, so the server refuses it when another writer stored one of the same articles (or
    text) meanwhile; the articles are then stored one at a time, each run again until it goes through
    (:func:`atomically`). So each article is stored once, and a changed one replaced once.
    """
    if not articles:
        return WriteCounts()
    prepared = [(art, art.rows if art.rows is not None else [claim_row(c) for c in art.claims]) for art in articles]
    stamp = now_iso()

    def write(conn: sa.Connection) -> WriteCounts:
        return _write_all(conn, prepared, stamp)

    if len(prepared) == 1 or not is_postgres(conn):
        return atomically(conn, write)
    try:
        return atomically(conn, write, attempts=1)
    except sa.exc.DBAPIError as exc:
        if not is_retryable(exc):
            raise
    # Another writer wrote where this batch read (PostgreSQL tracks a large transaction's reads by whole index
    # pages, or the whole index): store these articles one at a time, each a small transaction retried on its
    # own, rather than the batch again, which the next batch of the other writer would likely meet again.
    done = [atomically(conn, partial(_write_all, prepared=[item], stamp=stamp)) for item in prepared]
    return WriteCounts(
        new=sum(c.new for c in done),
        replaced=sum(c.replaced for c in done),
        unchanged=sum(c.unchanged for c in done),
        claims=sum(c.claims for c in done),
        duplicates=tuple(d for c in done for d in c.duplicates),
    )


def _write_all(
    conn: sa.Connection, prepared: Sequence[tuple[StoredArticle, list[tuple[Any, ...]]]], stamp: str
) -> WriteCounts:
    """Store the articles inside the caller's transaction; what became of them."""
    outcome = {"new": 0, "replaced": 0, "unchanged": 0}
    n_claims = 0
    duplicates: list[tuple[str, str]] = []
    for art, rows in prepared:
        what = _store_one(conn, art, rows, stamp)
        if what in outcome:
            outcome[what] += 1
            n_claims += 0 if what == "unchanged" else len(rows)
        else:
            duplicates.append((art.path, what))
    _bump_writes(conn)
    return WriteCounts(**outcome, claims=n_claims, duplicates=tuple(duplicates))


def delete_article(conn: sa.Connection, key: str) -> bool:
    """Remove the article stored under ``key`` (its document name, when stored without a key) and
    its claims; True when it was stored."""

    def delete(conn: sa.Connection) -> bool:
        gone = conn.execute(sa.delete(tables.articles).where(tables.articles.c.key == key)).rowcount > 0
        _bump_writes(conn)
        return gone

    return atomically(conn, delete)


def start_ingest(conn: sa.Connection, paths: Iterable[str]) -> int:
    """Record that an ingest of ``paths`` started; returns its id (``finished_at`` stays empty until it ends)."""
    i = tables.ingests
    record = sa.insert(i).values(started_at=now_iso(), paths=json.dumps([str(p) for p in paths], ensure_ascii=False))

    def start(conn: sa.Connection) -> int:
        ingest_id = int(conn.execute(record.returning(i.c.id)).scalar_one())
        _bump_writes(conn)
        return ingest_id

    return atomically(conn, start)


def finish_ingest(conn: sa.Connection, ingest_id: int, counts: dict[str, Any], problems: Sequence[str]) -> None:
    """Record the end of an ingest with its counts and problem lines."""
    i = tables.ingests
    values = {
        "finished_at": now_iso(),
        "counts": json.dumps(counts, ensure_ascii=False),
        "problems": json.dumps(list(problems), ensure_ascii=False),
    }

    def finish(conn: sa.Connection) -> None:
        conn.execute(sa.update(i).where(i.c.id == ingest_id).values(**values))
        _bump_writes(conn)

    atomically(conn, finish)


# --- reading ------------------------------------------------------------------------------


def _text_column(values: Sequence[Any]) -> pd.Series:
    """Strings as pandas' ``str`` dtype, None as ``""``; built through Arrow when available (fast)."""
    if _pa is not None:
        try:
            array = _pa.array(values, type=_pa.large_string())
            if array.null_count:
                array = array.fill_null("")
            return pd.Series(pd.array(array, dtype=pd.StringDtype("pyarrow", na_value=float("nan"))))
        except (_pa.ArrowException, TypeError, ValueError):  # a value that is not text: let pandas convert
            pass
    return pd.Series(values, dtype=object).fillna("").astype(str)


def _frame(
    conn: sa.Connection,
    sql: str,
    columns: Sequence[str],
    params: dict[str, Any] | None = None,
    text: Iterable[str] = (),
) -> pd.DataFrame:
    """The query's rows as a frame, built column by column; the ``text`` columns as strings."""
    rows = conn.execute(sa.text(sql), params or {}).fetchall()
    text_columns = set(text)
    values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    data = {
        name: _text_column(column) if name in text_columns else pd.Series(column, dtype=object)
        for name, column in zip(columns, values, strict=True)
    }
    return pd.DataFrame(data, columns=list(columns))


def _typed_claims(df: pd.DataFrame) -> pd.DataFrame:
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype(float)
    for column in (*_INT_CLAIM_COLUMNS, "claim_id", "article_id"):
        if column in df:
            df[column] = df[column].astype(int)
    return df


def claims_frame(conn: sa.Connection) -> pd.DataFrame:
    """Every stored claim: :data:`CLAIM_COLUMNS` in order, then ``claim_id``, ``article_id``.

    ``value`` is float, ``start``/``end`` int (-1 when the extractor gave no offset),
    text columns are strings (empty when unknown).
    """
    columns = (*CLAIM_COLUMNS, "claim_id", "article_id")
    sql = f"SELECT {_CLAIM_SELECT}, c.id, c.article_id FROM claims c ORDER BY c.article_id, c.id"
    return _typed_claims(_frame(conn, sql, columns, text=_TEXT_CLAIM_COLUMNS))


def export_frame(conn: sa.Connection) -> pd.DataFrame:
    """Every stored claim with its provenance: :data:`CLAIM_COLUMNS`, then the article's
    ``path``, its ``ingested_at`` and the ``claim_id``."""
    columns = (*CLAIM_COLUMNS, *PROVENANCE_COLUMNS)
    sql = (
        f"SELECT {_CLAIM_SELECT}, a.path, a.ingested_at, c.id FROM claims c "
        "JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.id"
    )
    return _typed_claims(_frame(conn, sql, columns, text=(*_TEXT_CLAIM_COLUMNS, "path", "ingested_at")))


def articles_frame(conn: sa.Connection) -> pd.DataFrame:
    """One row per stored article with its claim count (columns :data:`ARTICLE_FRAME_COLUMNS`)."""
    sql = (
        "SELECT a.document, a.title, a.published, a.published_jalali, a.source, a.url, a.path, "
        "(SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id), a.content_hash, a.ingested_at, a.key, a.id "
        "FROM articles a ORDER BY a.id"
    )
    text = [c for c in ARTICLE_FRAME_COLUMNS if c not in ("n_claims", "article_id")]
    df = _frame(conn, sql, ARTICLE_FRAME_COLUMNS, text=text)
    df["n_claims"] = df["n_claims"].astype(int)
    df["article_id"] = df["article_id"].astype(int)
    return df


_RECORD_FIELDS = ("document", "title", "text", "published", "published_jalali", "source", "url", "speaker", "key")


def _record(row: Sequence[Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    record = dict(zip(_RECORD_FIELDS, row[:-1], strict=True))
    record["article_id"] = int(row[-1])
    return record


def article_record(conn: sa.Connection, document: str) -> dict[str, Any] | None:
    """The first stored article named ``document`` (document, title, text, published, published_jalali,
    source, url, speaker, key, article_id), or None. Base names may repeat: prefer :func:`article_by_key`."""
    sql = f"SELECT {', '.join(_RECORD_FIELDS)}, id FROM articles WHERE document = :document ORDER BY id LIMIT 1"
    row = run(conn, sql, document=document).first()
    return _record(row)


def article_by_key(conn: sa.Connection, key: str) -> dict[str, Any] | None:
    """The article stored under ``key`` (its unique place, :attr:`StoredArticle.storage_key`), fields as
    :func:`article_record`, or None."""
    row = run(conn, f"SELECT {', '.join(_RECORD_FIELDS)}, id FROM articles WHERE key = :key", key=key).first()
    return _record(row)


def article_texts(conn: sa.Connection) -> dict[int, str]:
    """Every stored article's text by its ``article_id`` (the ``article_id`` of its claims)."""
    rows = run(conn, "SELECT id, text FROM articles").fetchall()
    return {int(i): text for i, text in rows if isinstance(text, str)}


def last_ingest(conn: sa.Connection) -> dict[str, Any] | None:
    """The latest ingest: id, started_at, finished_at (None if it did not finish), paths, counts, problems."""
    row = run(
        conn, "SELECT id, started_at, finished_at, paths, counts, problems FROM ingests ORDER BY id DESC LIMIT 1"
    ).first()
    if row is None:
        return None
    return {
        "id": row[0],
        "started_at": row[1],
        "finished_at": row[2],
        "paths": json.loads(row[3] or "[]"),
        "counts": json.loads(row[4] or "{}"),
        "problems": json.loads(row[5] or "[]"),
    }


def is_empty(conn: sa.Connection) -> bool:
    """True when no article is stored."""
    return run(conn, "SELECT 1 FROM articles LIMIT 1").first() is None


def data_version(conn: sa.Connection) -> int:
    """A cheap number that changes after every write, for cache keys.

    On SQLite, combines the store's write counter (bumped by every write through this module) with
    SQLite's ``PRAGMA data_version`` (which moves on this connection when any other
    connection commits); on PostgreSQL, the write sequence every writer on every machine moves.
    """
    if is_postgres(conn):
        return int(
            run(conn, "SELECT last_value + (CASE WHEN is_called THEN 1 ELSE 0 END) FROM store_writes").scalar_one()
        )
    writes = run(conn, "SELECT value FROM store_state WHERE key = 'writes'").first()
    pragma = conn.exec_driver_sql("PRAGMA data_version").scalar_one()
    return int(writes[0] if writes else 0) * 1_000_000_000 + int(pragma)


def counts(conn: sa.Connection) -> dict[str, int]:
    """How many articles and claims are stored."""
    articles = run(conn, "SELECT COUNT(*) FROM articles").scalar_one()
    claims = run(conn, "SELECT COUNT(*) FROM claims").scalar_one()
    return {"articles": int(articles), "claims": int(claims)}


def claim_counts_by(conn: sa.Connection, column: str) -> list[tuple[str, int]]:
    """Claims per value of ``column`` (``province``, ``program``, ``metric``...), most first.

    >>> claim_counts_by(connect(":memory:"), "province")
    []
    """
    if column not in _TEXT_CLAIM_COLUMNS:
        raise ValueError(f"not a text column of claims: {column}")
    rows = run(
        conn, f"SELECT {_q(column)}, COUNT(*) AS n FROM claims GROUP BY {_q(column)} ORDER BY n DESC, {_q(column)}"
    ).fetchall()
    return [(str(key), int(n)) for key, n in rows]
