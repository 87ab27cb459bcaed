"""The claims database (SQLite): connect, migrate, write whole articles, read frames.

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

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

try:  # pandas keeps its str columns in Arrow when pyarrow is installed; building them there directly is faster
    import pyarrow as _pa
except ImportError:  # pragma: no cover - pandas falls back to Python strings
    _pa = None

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.errors import UserError
from dashboard.lang.paths import database_path
from dashboard.store.migrations import LATEST_VERSION, MIGRATIONS, SCHEMA_VERSION_TABLE

BUSY_TIMEOUT_MS = 30_000

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


def _q(name: str) -> str:
    """Quote a column name (``end`` is an SQL keyword)."""
    return f'"{name}"'


_CLAIM_SELECT = ", ".join(f"c.{_q(c)}" for c in CLAIM_COLUMNS)
_CLAIM_INSERT = (
    f"INSERT INTO claims (article_id, {', '.join(_q(c) for c in CLAIM_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' for _ in CLAIM_COLUMNS)})"
)


def now_iso() -> str:
    """The current UTC time as ``2026-11-22T02:10:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- connecting and migrating -------------------------------------------------------------

# SQLite's primary result codes (``exc.sqlite_errorcode & 0xFF``) that a user can act on.
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def _code(exc: sqlite3.Error) -> int:
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def is_read_only_error(exc: sqlite3.Error) -> bool:
    """Whether SQLite refused because the file or its folder cannot be written."""
    return _code(exc) == sqlite3.SQLITE_READONLY or "readonly" in str(exc)


def explain(target: str | Path, exc: sqlite3.Error) -> str:
    """One line naming the database and what went wrong, in words a user can act on.

    >>> explain("c.sqlite", sqlite3.OperationalError("database or disk is full"))
    'c.sqlite: the disk is full'
    """
    message = str(exc)
    if _code(exc) == sqlite3.SQLITE_FULL or "disk is full" in message:
        return f"{target}: the disk is full"
    if is_read_only_error(exc):
        return f"{target}: the database is read-only ({message})"
    if is_damage(exc):
        return f"{target}: {damaged_message(target, message)}"
    return f"{target}: {message}"


def damaged_message(target: str | Path, what: str) -> str:
    """The sentence for a damaged database, pointing to ``doctor``."""
    return f"the database is damaged ({what}); `python -m dashboard doctor --db {target}` says how to recover"


def _missing_message(target: str | Path) -> str:
    return f"{target}: no such database file (`python -m dashboard ingest PATH...` creates it)"


def _newer_message(target: str | Path, version: int) -> str:
    return f"{target}: made by a newer version (schema {version}); this program knows up to {LATEST_VERSION}"


def text_hash(text: str) -> str:
    """The hash that finds the same article text under another name (SHA-256 of its UTF-8).

    >>> text_hash("۵۸۲ صندوق") == text_hash("۵۸۲ صندوق") != text_hash("۵۸۳ صندوق")
    True
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _open(target: str | Path, mode: str | None = None) -> sqlite3.Connection:
    """A raw connection: read-write (creating the file) when ``mode`` is None, else the URI's
    ``mode=ro`` or ``immutable=1``. Every connection knows ``text_sha256(text)`` (migration 3 uses it)."""
    kwargs: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None, "check_same_thread": False}
    if mode is None:
        conn = sqlite3.connect(str(target), **kwargs)
    else:
        conn = sqlite3.connect(f"{Path(target).resolve().as_uri()}?{mode}", uri=True, **kwargs)
    conn.create_function("text_sha256", 1, lambda text: text_hash(text or ""), deterministic=True)
    return conn


def connect(path: str | Path | None = None, *, create: bool = True) -> sqlite3.Connection:
    """Open (and create or migrate) the claims database.

    ``path`` None means :func:`dashboard.lang.paths.database_path` (``$CLAIMS_DB`` or
    ``data/claims.sqlite``); ``":memory:"`` gives a private in-memory database. The
    connection is in autocommit mode (use :func:`transaction` to group writes), in WAL
    mode so readers and the single writer do not block each other, waits up to 30 s
    for a lock, and enforces foreign keys.

    ``create`` False refuses a database file that does not exist. A database made by a
    newer version is refused, and an older one is checked (``PRAGMA quick_check``) before
    its migration writes into it. Every refusal is a :class:`UserError` naming the file.
    """
    target = database_path() if path is None else path
    memory = str(target) == ":memory:"
    if not memory and not create and not Path(target).is_file():
        raise UserError(_missing_message(target))
    try:
        if not memory:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        conn = _open(target)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"{target}: cannot open the database: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise UserError(_newer_message(target, version))
        if not memory and conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if 0 < version < LATEST_VERSION:
            require_healthy(conn, target, "nothing was written")
        migrate(conn)
    except UserError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_read_only_error(exc):
            raise ReadOnlyDatabase(explain(target, exc)) from exc
        if is_damage(exc):
            raise DamagedDatabase(explain(target, exc)) from exc
        raise UserError(f"{target}: not a usable claims database: {exc}") from exc
    return conn


class ReadOnlyDatabase(UserError):
    """The database (or its folder) cannot be written here."""


class DamagedDatabase(UserError):
    """SQLite finds the file damaged, or not a database at all."""


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file is damaged (or not a database)."""
    return _code(exc) in _CORRUPT_CODES or "malformed" in str(exc)


def open_read_only(path: str | Path | None = None) -> sqlite3.Connection:
    """The database opened for reading only, never written, not migrated; refused when it is missing
    or made by a newer version.

    A file in a folder this process cannot write is opened ``immutable`` (SQLite cannot keep its
    shared-memory file there), which is right for a one-off read.
    """
    target = database_path() if path is None else path
    if not Path(target).is_file():
        raise UserError(_missing_message(target))
    conn = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            conn = _open(target, mode)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = schema_version(conn)
            break
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
                conn = None
            if mode == "immutable=1" or not (is_read_only_error(exc) or _code(exc) == sqlite3.SQLITE_CANTOPEN):
                raise (DamagedDatabase if is_damage(exc) else UserError)(explain(target, exc)) from exc
    assert conn is not None
    if version > LATEST_VERSION:
        conn.close()
        raise UserError(_newer_message(target, version))
    return conn


def open_existing(path: str | Path | None = None) -> sqlite3.Connection:
    """The database for a command that only reads: it must exist, be whole (``PRAGMA quick_check``)
    and be of a schema this program knows. Opened read-write when it can be (so an older schema is
    upgraded), else read-only (a read-only file or folder).
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
                f"{target}: made by an older version (schema {version}) and read-only here; "
                "open it once where it can be written to upgrade it"
            ) from None
    try:
        require_healthy(conn, target)
    except BaseException:
        conn.close()
        raise
    return conn


def integrity_problems(conn: sqlite3.Connection, *, full: bool = False, limit: int = 20) -> list[str]:
    """What SQLite finds wrong with the file (empty when whole): ``quick_check`` (fast, checks
    every page and row) or, with ``full``, ``integrity_check`` (also the indexes' contents).

    >>> integrity_problems(connect(":memory:"))
    []
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def require_healthy(conn: sqlite3.Connection, target: str | Path, consequence: str = "") -> None:
    """Raise a one-line :class:`UserError` when ``PRAGMA quick_check`` finds damage."""
    problems = integrity_problems(conn, limit=1)
    if problems:
        tail = f"; {consequence}" if consequence else ""
        first = problems[0].replace("\n", " ")
        raise DamagedDatabase(f"{target}: {damaged_message(target, first)}{tail}")


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest applied migration step, 0 for a database without one."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    return int(conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the pending migration steps, each in one transaction; return the version reached.

    Safe when several processes open a fresh database at once: each step re-checks the
    version after taking the write lock.
    """
    if schema_version(conn) >= MIGRATIONS[-1].version:
        return MIGRATIONS[-1].version
    conn.execute(SCHEMA_VERSION_TABLE)
    # A step may rebuild a table; dropping the old one must not cascade to the rows that point to it.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for step in MIGRATIONS:
            with transaction(conn):
                if schema_version(conn) >= step.version:
                    continue
                for statement in step.statements:
                    conn.execute(statement)
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise sqlite3.IntegrityError(
                        f"migration {step.version} left {len(broken)} rows without their parent"
                    )
                conn.execute(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    (step.version, step.description, now_iso()),
                )
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return schema_version(conn)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back when the block raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _bump_writes(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE store_state SET value = value + 1 WHERE key = 'writes'")


def mark_written(conn: sqlite3.Connection) -> None:
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


def stored_path(conn: sqlite3.Connection, key: str) -> str | None:
    """The path the article stored under ``key`` was read from, None when nothing is stored there."""
    row = conn.execute("SELECT path FROM articles WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def stored_hash(conn: sqlite3.Connection, key: str) -> str | None:
    """The content hash stored under ``key``, None when nothing is stored there."""
    row = conn.execute("SELECT content_hash FROM articles WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


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


def _by_key(conn: sqlite3.Connection, key: str) -> tuple[int, str, str, str] | None:
    """``(id, content_hash, path, text_hash)`` of the article stored under ``key``."""
    row = conn.execute("SELECT id, content_hash, path, text_hash FROM articles WHERE key = ?", (key,)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]), str(row[3]))


def _same_text(conn: sqlite3.Connection, art: StoredArticle, digest: str) -> tuple[int, str, str] | None:
    """``(id, content_hash, path)`` of a stored article with the same text, when ``art``'s key is new."""
    row = conn.execute(
        "SELECT id, content_hash, path FROM articles WHERE text_hash = ? AND text = ? ORDER BY id LIMIT 1",
        (digest, art.text),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def write_articles(conn: sqlite3.Connection, articles: Sequence[StoredArticle]) -> WriteCounts:
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
    """
    if not articles:
        return WriteCounts()
    prepared = [(art, art.rows if art.rows is not None else [claim_row(c) for c in art.claims]) for art in articles]
    new = replaced = unchanged = n_claims = 0
    duplicates: list[tuple[str, str]] = []
    stamp = now_iso()
    with transaction(conn):
        for art, rows in prepared:
            meta = {k: _text(art.metadata.get(k)) for k in ARTICLE_META_FIELDS}
            digest = text_hash(art.text)
            values = (
                art.document,
                art.path,
                meta["title"],
                art.text,
                meta["published"],
                meta["published_jalali"],
                meta["source"],
                meta["url"],
                meta["speaker"],
                json.dumps(art.meta, ensure_ascii=False, sort_keys=True, default=str),
                art.content_hash,
                digest,
            )
            key = art.storage_key
            found = _by_key(conn, key)
            if found is not None and found[3] != digest and _another_file(found[2], art.path):
                key = f"{key}@{os.path.realpath(art.path)}"  # a different article: it keeps its own key
                found = _by_key(conn, key)
            if found is None:
                same = _same_text(conn, art, digest)
                if same is not None and not same_file(same[2], art.path):
                    duplicates.append((art.path, same[2]))
                    continue
                if same is not None:  # the same file, stored under an older key: it takes the new one
                    conn.execute("UPDATE articles SET key = ? WHERE id = ?", (key, same[0]))
                    found = (*same, digest)
            if found is not None and found[1] == art.content_hash:
                unchanged += 1
                continue
            if found is not None:
                article_id = found[0]
                conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
                conn.execute(
                    "UPDATE articles SET document = ?, path = ?, title = ?, text = ?, published = ?, "
                    "published_jalali = ?, source = ?, url = ?, speaker = ?, meta = ?, content_hash = ?, "
                    "text_hash = ?, updated_at = ? WHERE id = ?",
                    (*values, stamp, article_id),
                )
                replaced += 1
            else:
                cursor = conn.execute(
                    "INSERT INTO articles (document, path, title, text, published, published_jalali, source, url, "
                    "speaker, meta, content_hash, text_hash, ingested_at, updated_at, key) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, stamp, stamp, key),
                )
                article_id = int(cursor.lastrowid or 0)
                new += 1
            conn.executemany(_CLAIM_INSERT, [(article_id, *row) for row in rows])
            n_claims += len(rows)
        _bump_writes(conn)
    return WriteCounts(new=new, replaced=replaced, unchanged=unchanged, claims=n_claims, duplicates=tuple(duplicates))


def delete_article(conn: sqlite3.Connection, key: str) -> bool:
    """Remove the article stored under ``key`` (its document name, when stored without a key) and
    its claims; True when it was stored."""
    with transaction(conn):
        gone = conn.execute("DELETE FROM articles WHERE key = ?", (key,)).rowcount > 0
        _bump_writes(conn)
    return gone


def start_ingest(conn: sqlite3.Connection, paths: Iterable[str]) -> int:
    """Record that an ingest of ``paths`` started; returns its id (``finished_at`` stays empty until it ends)."""
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO ingests (started_at, paths) VALUES (?, ?)",
            (now_iso(), json.dumps([str(p) for p in paths], ensure_ascii=False)),
        )
        _bump_writes(conn)
    return int(cursor.lastrowid or 0)


def finish_ingest(conn: sqlite3.Connection, ingest_id: int, counts: dict[str, Any], problems: Sequence[str]) -> None:
    """Record the end of an ingest with its counts and problem lines."""
    with transaction(conn):
        conn.execute(
            "UPDATE ingests SET finished_at = ?, counts = ?, problems = ? WHERE id = ?",
            (
                now_iso(),
                json.dumps(counts, ensure_ascii=False),
                json.dumps(list(problems), ensure_ascii=False),
                ingest_id,
            ),
        )
        _bump_writes(conn)


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
    conn: sqlite3.Connection,
    sql: str,
    columns: Sequence[str],
    params: Sequence[Any] = (),
    text: Iterable[str] = (),
) -> pd.DataFrame:
    """The query's rows as a frame, built column by column; the ``text`` columns as strings."""
    rows = conn.execute(sql, params).fetchall()
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


def claims_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every stored claim: :data:`CLAIM_COLUMNS` in order, then ``claim_id``, ``article_id``.

    ``value`` is float, ``start``/``end`` int (-1 when the extractor gave no offset),
    text columns are strings (empty when unknown).
    """
    columns = (*CLAIM_COLUMNS, "claim_id", "article_id")
    sql = f"SELECT {_CLAIM_SELECT}, c.id, c.article_id FROM claims c ORDER BY c.article_id, c.id"
    return _typed_claims(_frame(conn, sql, columns, text=_TEXT_CLAIM_COLUMNS))


def export_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every stored claim with its provenance: :data:`CLAIM_COLUMNS`, then the article's
    ``path``, its ``ingested_at`` and the ``claim_id``."""
    columns = (*CLAIM_COLUMNS, *PROVENANCE_COLUMNS)
    sql = (
        f"SELECT {_CLAIM_SELECT}, a.path, a.ingested_at, c.id FROM claims c "
        "JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.id"
    )
    return _typed_claims(_frame(conn, sql, columns, text=(*_TEXT_CLAIM_COLUMNS, "path", "ingested_at")))


def articles_frame(conn: sqlite3.Connection) -> pd.DataFrame:
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


def article_record(conn: sqlite3.Connection, document: str) -> dict[str, Any] | None:
    """The first stored article named ``document`` (document, title, text, published, published_jalali,
    source, url, speaker, key, article_id), or None. Base names may repeat: prefer :func:`article_by_key`."""
    row = conn.execute(
        f"SELECT {', '.join(_RECORD_FIELDS)}, id FROM articles WHERE document = ? ORDER BY id LIMIT 1", (document,)
    ).fetchone()
    return _record(row)


def article_by_key(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """The article stored under ``key`` (its unique place, :attr:`StoredArticle.storage_key`), fields as
    :func:`article_record`, or None."""
    row = conn.execute(f"SELECT {', '.join(_RECORD_FIELDS)}, id FROM articles WHERE key = ?", (key,)).fetchone()
    return _record(row)


def article_texts(conn: sqlite3.Connection) -> dict[int, str]:
    """Every stored article's text by its ``article_id`` (the ``article_id`` of its claims)."""
    rows = conn.execute("SELECT id, text FROM articles").fetchall()
    return {int(i): text for i, text in rows if isinstance(text, str)}


def last_ingest(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The latest ingest: id, started_at, finished_at (None if it did not finish), paths, counts, problems."""
    row = conn.execute(
        "SELECT id, started_at, finished_at, paths, counts, problems FROM ingests ORDER BY id DESC LIMIT 1"
    ).fetchone()
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


def is_empty(conn: sqlite3.Connection) -> bool:
    """True when no article is stored."""
    return conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None


def data_version(conn: sqlite3.Connection) -> int:
    """A cheap number that changes after every write, for cache keys.

    Combines the store's write counter (bumped by every write through this module) with
    SQLite's ``PRAGMA data_version`` (which moves on this connection when any other
    connection commits).
    """
    writes = conn.execute("SELECT value FROM store_state WHERE key = 'writes'").fetchone()
    pragma = conn.execute("PRAGMA data_version").fetchone()[0]
    return int(writes[0] if writes else 0) * 1_000_000_000 + int(pragma)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many articles and claims are stored."""
    articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    return {"articles": int(articles), "claims": int(claims)}


def claim_counts_by(conn: sqlite3.Connection, column: str) -> list[tuple[str, int]]:
    """Claims per value of ``column`` (``province``, ``program``, ``metric``...), most first.

    >>> claim_counts_by(connect(":memory:"), "province")
    []
    """
    if column not in _TEXT_CLAIM_COLUMNS:
        raise ValueError(f"not a text column of claims: {column}")
    rows = conn.execute(
        f"SELECT {_q(column)}, COUNT(*) AS n FROM claims GROUP BY {_q(column)} ORDER BY n DESC, {_q(column)}"
    ).fetchall()
    return [(str(key), int(n)) for key, n in rows]
