"""The claims database's tables, one definition for SQLite and PostgreSQL (SQLAlchemy Core).

This is the schema the migrations of :mod:`dashboard.store.migrations` lead to: a new PostgreSQL
database is created from it, and an SQLite file reaches it through the numbered steps (which
must end on exactly these tables, indexes and constraints; ``tests/store/test_store.py`` compares them).
Queries and writes name columns through these objects (``claims.c.province``), so SQL written
with them runs on both backends.

An article is one row of ``articles``, unique by its ``key`` (its place in the folder ingested,
``2023/a01.txt``); its figures are rows of ``claims`` that point to it and go with it. A claim row
carries every column of the claims CSV (``document`` «a01.txt», ``value`` 180643.0, ``metric_fa``
«فرصت شغلی»), the article-level ones included.

>>> sorted(metadata.tables)[:3]
['articles', 'claim_verdicts', 'claims']
>>> [c.name for c in claims.columns][:4]
['id', 'article_id', 'document', 'value']
"""

from __future__ import annotations

import sqlalchemy as sa

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.store.migrations import DASHBOARD_INDEXES

metadata = sa.MetaData()

# Row ids: 64-bit on PostgreSQL (tens of millions of claims, ids never reused), SQLite's rowid there.
RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# A write counter on PostgreSQL that never makes two writers wait for each other (a sequence is outside
# transactions); SQLite counts in ``store_state`` instead, where a single writer holds the lock anyway.
writes_sequence = sa.Sequence("store_writes", metadata=metadata)


def _text(name: str, *, default: str = "") -> sa.Column:
    """A text column that is never NULL (empty when unknown)."""
    return sa.Column(name, sa.Text, nullable=False, server_default=default)


def _id() -> sa.Column:
    return sa.Column("id", RowId, primary_key=True, autoincrement=True)


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    _id(),
    sa.Column("key", sa.Text, nullable=False, unique=True),
    sa.Column("document", sa.Text, nullable=False),
    *(_text(name) for name in ("path", "title", "text", "published", "published_jalali", "source", "url", "speaker")),
    _text("meta", default="{}"),
    sa.Column("content_hash", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    _text("text_hash"),
    sa.Index("articles_document", "document"),
    sa.Index("articles_text_hash", "text_hash"),
    sa.Index("articles_published", "published"),
)


def _claim_column(name: str) -> sa.Column:
    if name == "value":
        return sa.Column("value", sa.Double)
    if name in ("start", "end"):
        return sa.Column(name, sa.Integer, nullable=False, server_default="-1")
    if name == "document":
        return sa.Column("document", sa.Text, nullable=False)
    return _text(name)


claims = sa.Table(
    "claims",
    metadata,
    _id(),
    sa.Column("article_id", RowId, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    *(_claim_column(name) for name in CLAIM_COLUMNS),
    sa.Index("claims_article", "article_id"),
    sa.Index("claims_province", "province"),
    sa.Index("claims_metric", "metric"),
    sa.Index("claims_program", "program"),
    *(sa.Index(name, *columns) for name, columns in DASHBOARD_INDEXES),
)

ingests = sa.Table(
    "ingests",
    metadata,
    _id(),
    sa.Column("started_at", sa.Text, nullable=False),
    sa.Column("finished_at", sa.Text),
    _text("paths", default="[]"),
    _text("counts", default="{}"),
    _text("problems", default="[]"),
)

store_state = sa.Table(
    "store_state",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)

# Every verdict ever given, newest last; a claim's verdict is its latest row, keyed on the claim's stable key.
claim_verdicts = sa.Table(
    "claim_verdicts",
    metadata,
    _id(),
    sa.Column("claim_key", sa.Text, nullable=False),
    sa.Column("document", sa.Text, nullable=False),
    sa.Column("verdict", sa.Text, nullable=False),
    _text("note"),
    _text("evidence_url"),
    _text("reviewer"),
    sa.Column("rated_at", sa.Text, nullable=False),
    sa.CheckConstraint(
        "verdict IN ('not_rated', 'accurate', 'misleading', 'false', 'unverifiable')", name="claim_verdicts_verdict"
    ),
    sa.Index("claim_verdicts_key", "claim_key", "id"),
)

# Every decision on a finding, newest last, keyed on the finding's stable key.
finding_decisions = sa.Table(
    "finding_decisions",
    metadata,
    _id(),
    sa.Column("finding_key", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("documents", sa.Text, nullable=False),
    sa.Column("decision", sa.Text, nullable=False),
    _text("note"),
    _text("reviewer"),
    sa.Column("decided_at", sa.Text, nullable=False),
    sa.CheckConstraint("decision IN ('new', 'confirmed', 'dismissed')", name="finding_decisions_decision"),
    sa.Index("finding_decisions_key", "finding_key", "id"),
)

review_settings = sa.Table(
    "review_settings",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Official reference tables, versioned by name: a new upload under a stored name is its next version.
reference_versions = sa.Table(
    "reference_versions",
    metadata,
    _id(),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("content_hash", sa.Text, nullable=False),
    sa.Column("uploaded_at", sa.Text, nullable=False),
    sa.Column("n_rows", sa.Integer, nullable=False),
    sa.UniqueConstraint("name", "version"),
)

reference_figures = sa.Table(
    "reference_figures",
    metadata,
    _id(),
    sa.Column("version_id", RowId, sa.ForeignKey("reference_versions.id", ondelete="CASCADE"), nullable=False),
    sa.Column("province", sa.Text, nullable=False),
    sa.Column("metric", sa.Text, nullable=False),
    sa.Column("period", sa.Text, nullable=False),
    sa.Column("value", sa.Double, nullable=False),
    sa.Column("unit", sa.Text, nullable=False),
    _text("source"),
    _text("url"),
    sa.Index("reference_figures_version", "version_id"),
)
