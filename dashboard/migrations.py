"""The database schema as ordered migration steps.

Each step is a version number, a one-line description and the SQL statements that take
the schema from the previous version to this one. :func:`dashboard.store.connect` applies
the pending steps in order, each in its own transaction, and records every applied step
in ``schema_version``. Never edit a released step: append a new one.

Claims carry every column of :data:`dashboard.schema.CLAIM_COLUMNS`, the article-level
ones (``published``, ``source``, ``title``...) included, so a claim row reads as the CSV
row it becomes (``document`` «a01.txt», ``value`` 180643, ``metric_fa`` «فرصت شغلی»).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` follows the previous step's by one."""

    version: int
    description: str
    statements: tuple[str, ...]


# The bookkeeping table exists before any step runs.
SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)
"""

# Step 3 rebuilds ``articles`` (SQLite cannot drop a column's UNIQUE in place). It runs with
# foreign keys off (see dashboard.store.migrate) so that dropping the old table does not cascade
# to the claims, and it calls ``text_sha256``, which dashboard.store registers on every connection.
_ARTICLE_COLUMNS_V2 = (
    "id, document, path, title, text, published, published_jalali, source, url, speaker, meta, "
    "content_hash, ingested_at, updated_at"
)
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, claims and ingests",
        (
            """
            CREATE TABLE articles (
                id               INTEGER PRIMARY KEY,
                document         TEXT NOT NULL UNIQUE,
                path             TEXT NOT NULL DEFAULT '',
                title            TEXT NOT NULL DEFAULT '',
                text             TEXT NOT NULL DEFAULT '',
                published        TEXT NOT NULL DEFAULT '',
                published_jalali TEXT NOT NULL DEFAULT '',
                source           TEXT NOT NULL DEFAULT '',
                url              TEXT NOT NULL DEFAULT '',
                speaker          TEXT NOT NULL DEFAULT '',
                meta             TEXT NOT NULL DEFAULT '{}',
                content_hash     TEXT NOT NULL,
                ingested_at      TEXT NOT NULL,
                updated_at       TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE claims (
                id               INTEGER PRIMARY KEY,
                article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                document         TEXT NOT NULL,
                value            REAL,
                unit             TEXT NOT NULL DEFAULT '',
                metric           TEXT NOT NULL DEFAULT '',
                program          TEXT NOT NULL DEFAULT '',
                province         TEXT NOT NULL DEFAULT '',
                status           TEXT NOT NULL DEFAULT '',
                published        TEXT NOT NULL DEFAULT '',
                source           TEXT NOT NULL DEFAULT '',
                metric_fa        TEXT NOT NULL DEFAULT '',
                qualifier        TEXT NOT NULL DEFAULT '',
                mention          TEXT NOT NULL DEFAULT '',
                quote            TEXT NOT NULL DEFAULT '',
                "start"          INTEGER NOT NULL DEFAULT -1,
                "end"            INTEGER NOT NULL DEFAULT -1,
                speaker          TEXT NOT NULL DEFAULT '',
                period           TEXT NOT NULL DEFAULT '',
                published_jalali TEXT NOT NULL DEFAULT '',
                title            TEXT NOT NULL DEFAULT '',
                url              TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX claims_article ON claims(article_id)",
            """
            CREATE TABLE ingests (
                id          INTEGER PRIMARY KEY,
                started_at  TEXT NOT NULL,
                finished_at TEXT,
                paths       TEXT NOT NULL DEFAULT '[]',
                counts      TEXT NOT NULL DEFAULT '{}',
                problems    TEXT NOT NULL DEFAULT '[]'
            )
            """,
        ),
    ),
    Migration(
        2,
        "write counter for cache keys; indexes for the dashboard's filters",
        (
            "CREATE TABLE store_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
            "INSERT INTO store_state (key, value) VALUES ('writes', 0)",
            "CREATE INDEX claims_province ON claims(province)",
            "CREATE INDEX claims_metric ON claims(metric)",
            "CREATE INDEX claims_program ON claims(program)",
            "CREATE INDEX articles_published ON articles(published)",
        ),
    ),
    Migration(
        3,
        "articles keyed by their place in the folder ingested (base names may repeat); text hashes find "
        "the same article under two names",
        (
            """
            CREATE TABLE articles_v3 (
                id               INTEGER PRIMARY KEY,
                key              TEXT NOT NULL UNIQUE,
                document         TEXT NOT NULL,
                path             TEXT NOT NULL DEFAULT '',
                title            TEXT NOT NULL DEFAULT '',
                text             TEXT NOT NULL DEFAULT '',
                published        TEXT NOT NULL DEFAULT '',
                published_jalali TEXT NOT NULL DEFAULT '',
                source           TEXT NOT NULL DEFAULT '',
                url              TEXT NOT NULL DEFAULT '',
                speaker          TEXT NOT NULL DEFAULT '',
                meta             TEXT NOT NULL DEFAULT '{}',
                content_hash     TEXT NOT NULL,
                ingested_at      TEXT NOT NULL,
                updated_at       TEXT NOT NULL,
                text_hash        TEXT NOT NULL DEFAULT ''
            )
            """,
            # an article stored before keys existed keeps its base name as its key
            f"INSERT INTO articles_v3 (key, {_ARTICLE_COLUMNS_V2}, text_hash) "
            f"SELECT document, {_ARTICLE_COLUMNS_V2}, text_sha256(text) FROM articles",
            "DROP TABLE articles",
            "ALTER TABLE articles_v3 RENAME TO articles",
            "CREATE INDEX articles_document ON articles(document)",
            "CREATE INDEX articles_text_hash ON articles(text_hash)",
            "CREATE INDEX articles_published ON articles(published)",
        ),
    ),
)


LATEST_VERSION = MIGRATIONS[-1].version
