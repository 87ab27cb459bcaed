"""Copy what can still be read from a damaged database into a new one, article by article.

An article is copied whole (its row and every claim row that points to it) or not at all, so
the new database holds only whole articles; ingesting the article folders into it again then
stores what the damage took (the rescued articles come out ``unchanged``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.store import database as store

MISSES_BEFORE_GIVING_UP = 10_000  # ids probed one by one past the last readable article

_ARTICLE_COLUMNS = ("document", "path", "text", "content_hash", "meta", *store.ARTICLE_META_FIELDS)
_CLAIMS_OF = f"SELECT {', '.join(store._q(c) for c in CLAIM_COLUMNS)} FROM claims WHERE article_id = :id ORDER BY id"


@dataclass
class RescueReport:
    """How many articles and claims were copied, how many articles could not be read, and how many
    were the same text as one copied before (stored once)."""

    articles: int = 0
    claims: int = 0
    lost: int = 0
    duplicates: int = 0


def _article_ids(conn: sa.Connection) -> Iterator[int]:
    """Every article id, read in one pass when the table allows it, else probed one by one."""
    try:
        yield from [row[0] for row in store.run(conn, "SELECT id FROM articles ORDER BY id").fetchall()]
        return
    except sa.exc.DBAPIError:
        pass
    misses, article_id = 0, 0
    while misses < MISSES_BEFORE_GIVING_UP:
        article_id += 1
        try:
            found = store.run(conn, "SELECT 1 FROM articles WHERE id = :id", id=article_id).first()
        except sa.exc.DBAPIError:
            found = None
        misses = 0 if found else misses + 1
        if found:
            yield article_id


def _article_columns(conn: sa.Connection) -> tuple[str, ...]:
    """The columns to copy: a database from before article keys has no ``key``."""
    try:
        present = {column["name"] for column in sa.inspect(conn).get_columns("articles")}
    except sa.exc.DBAPIError:
        present = set()
    return (*_ARTICLE_COLUMNS, "key") if "key" in present else _ARTICLE_COLUMNS


def _read_article(
    conn: sa.Connection, article_id: int, columns: tuple[str, ...] = _ARTICLE_COLUMNS
) -> store.StoredArticle | None:
    """One article and its claims as the writer takes them; None when any of it cannot be read."""
    try:
        row = store.run(conn, f"SELECT {', '.join(columns)} FROM articles WHERE id = :id", id=article_id).first()
        claims = store.run(conn, _CLAIMS_OF, id=article_id).fetchall()
    except sa.exc.DBAPIError:
        return None
    if row is None:
        return None
    values = dict(zip(columns, row, strict=True))
    if any(claim[0] != values["document"] for claim in claims):
        return None  # a claim row that does not belong here: the index or the page is damaged
    try:
        meta = json.loads(values["meta"] or "{}")
    except ValueError:
        meta = {}
    return store.StoredArticle(
        document=values["document"],
        path=values["path"],
        text=values["text"],
        content_hash=values["content_hash"],
        meta=meta if isinstance(meta, dict) else {},
        metadata={key: values[key] for key in store.ARTICLE_META_FIELDS},
        rows=[tuple(claim) for claim in claims],
        key=values.get("key") or "",
    )


def rescue(damaged: sa.Connection, target: sa.Connection) -> RescueReport:
    """Copy every readable article of ``damaged``, with all its claims, into ``target``."""
    report = RescueReport()
    columns = _article_columns(damaged)
    for article_id in _article_ids(damaged):
        article = _read_article(damaged, article_id, columns)
        if article is None:
            report.lost += 1
            continue
        written = store.write_articles(target, [article])
        report.articles += written.new + written.replaced
        report.claims += written.claims
        report.duplicates += len(written.duplicates)
    return report
