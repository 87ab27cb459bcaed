"""The database schema as ordered migration steps.

Each step is a version number, a one-line description and the SQL statements that take
the schema from the previous version to this one. :func:`dashboard.store.database.connect` applies
the pending steps in order, each in its own transaction, and records every applied step
in ``schema_version``. Never edit a released step: append a new one.

SQLite files have existed since step 1, and every step's ``statements`` are SQLite's. A new
PostgreSQL database is created from :mod:`dashboard.store.tables`, which always declares the schema
the last step ends on (a test compares the two on both backends), and has every step recorded as
applied. PostgreSQL databases exist from step :data:`POSTGRES_BASELINE` on: a step after it also gives
its ``postgresql`` statements, which bring an older PostgreSQL database to the same schema. So a new
step changes three things: its ``statements``, its ``postgresql`` ones and the tables module.

Claims carry every column of :data:`dashboard.extract.schema.CLAIM_COLUMNS`, the article-level
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
    # The same change on PostgreSQL; None for the steps a new PostgreSQL database starts from.
    postgresql: tuple[str, ...] | None = None


# The indexes the dashboard's queries read (dashboard.store.claim_queries, claim_aggregates), step 5. With a
# province chosen (the commonest filter), its facets, key figures, charts and newest claims are read from the
# (province, ...) indexes alone.
DASHBOARD_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("claims_published", ("published",)),
    ("claims_status", ("status",)),
    ("claims_source", ("source",)),
    ("claims_speaker", ("speaker",)),
    ("claims_metric_unit", ("metric", "unit", "status")),
    ("claims_document", ("document",)),
    ("claims_province_program", ("province", "program")),
    ("claims_province_metric", ("province", "metric")),
    ("claims_province_status", ("province", "status")),
    ("claims_province_source", ("province", "source")),
    ("claims_province_speaker", ("province", "speaker")),
    ("claims_province_published", ("province", "published")),
    ("claims_province_article", ("province", "article_id")),
)

# The bookkeeping table exists before any step runs.
SCHEMA_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)
"""

# Step 4 rebuilds ``articles`` (SQLite cannot drop a column's UNIQUE in place). It runs with
# foreign keys off (see dashboard.store.database.migrate) so that dropping the old table does not cascade
# to the claims, and it calls ``text_sha256``, which dashboard.store.database registers on every connection.
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
        "claims' province basis; claim verdicts, finding decisions, review settings and reference tables",
        (
            "ALTER TABLE claims ADD COLUMN province_basis TEXT NOT NULL DEFAULT ''",
            # Every verdict ever given, newest last; a claim's verdict is its latest row. Keyed on the
            # claim's stable key (document, value, unit, metric, place in the text), not on the row id,
            # which changes when an article is ingested again.
            """
            CREATE TABLE claim_verdicts (
                id           INTEGER PRIMARY KEY,
                claim_key    TEXT NOT NULL,
                document     TEXT NOT NULL,
                verdict      TEXT NOT NULL
                             CHECK (verdict IN ('not_rated', 'accurate', 'misleading', 'false', 'unverifiable')),
                note         TEXT NOT NULL DEFAULT '',
                evidence_url TEXT NOT NULL DEFAULT '',
                reviewer     TEXT NOT NULL DEFAULT '',
                rated_at     TEXT NOT NULL
            )
            """,
            "CREATE INDEX claim_verdicts_key ON claim_verdicts(claim_key, id)",
            # Every decision on a finding, newest last, keyed on the finding's stable key.
            """
            CREATE TABLE finding_decisions (
                id          INTEGER PRIMARY KEY,
                finding_key TEXT NOT NULL,
                kind        TEXT NOT NULL,
                documents   TEXT NOT NULL,
                decision    TEXT NOT NULL CHECK (decision IN ('new', 'confirmed', 'dismissed')),
                note        TEXT NOT NULL DEFAULT '',
                reviewer    TEXT NOT NULL DEFAULT '',
                decided_at  TEXT NOT NULL
            )
            """,
            "CREATE INDEX finding_decisions_key ON finding_decisions(finding_key, id)",
            "CREATE TABLE review_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            # Official reference tables, versioned by name: an upload under a name already stored adds a
            # new version (the latest counts), so replacing a table loses nothing.
            """
            CREATE TABLE reference_versions (
                id           INTEGER PRIMARY KEY,
                name         TEXT NOT NULL,
                version      INTEGER NOT NULL,
                content_hash TEXT NOT NULL,
                uploaded_at  TEXT NOT NULL,
                n_rows       INTEGER NOT NULL,
                UNIQUE (name, version)
            )
            """,
            """
            CREATE TABLE reference_figures (
                id         INTEGER PRIMARY KEY,
                version_id INTEGER NOT NULL REFERENCES reference_versions(id) ON DELETE CASCADE,
                province   TEXT NOT NULL,
                metric     TEXT NOT NULL,
                period     TEXT NOT NULL,
                value      REAL NOT NULL,
                unit       TEXT NOT NULL,
                source     TEXT NOT NULL DEFAULT '',
                url        TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX reference_figures_version ON reference_figures(version_id)",
        ),
    ),
    Migration(
        4,
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
    Migration(
        5,
        "indexes for the dashboard's queries: the newest claims first, counts per filter column, one metric's "
        "claims in its unit, the claims of rated documents, and what a chosen province shows",
        tuple(f"CREATE INDEX {name} ON claims({', '.join(columns)})" for name, columns in DASHBOARD_INDEXES),
        # a new PostgreSQL database has them already (it starts from dashboard.store.tables)
        tuple(
            f"CREATE INDEX IF NOT EXISTS {name} ON claims({', '.join(columns)})" for name, columns in DASHBOARD_INDEXES
        ),
    ),
)


LATEST_VERSION = MIGRATIONS[-1].version

# The step PostgreSQL databases began at: later steps need their ``postgresql`` statements.
POSTGRES_BASELINE = 4
