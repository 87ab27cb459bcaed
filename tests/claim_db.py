"""Claims built in a test, stored in a real SQLite database, for the queries the dashboard runs.

:func:`frame_engine` writes a small claims frame (any subset of the claim columns; the rest empty)
into a fresh database created by the store, one article per document; claim ids follow
the frame's rows (row ``i`` is claim ``i + 1``), so a query's result reads back as row positions.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.store import claim_queries as cq
from dashboard.store.claim_filter import LIST_FILTERS, FilterState, conditions
from dashboard.store.read_engine import read_engine

_DEFAULTS = {"value": None, "start": -1, "end": -1}


def frame_engine(df: pd.DataFrame, target: str | None = None) -> sa.Engine:
    """A database holding ``df``'s rows as claims (``value`` NaN stored as NULL): ``target`` (an empty
    database: a file path or a PostgreSQL URL), else a file in a new temporary folder."""
    engine = read_engine(target or Path(tempfile.mkdtemp(prefix="claims-frame-")) / "claims.sqlite")
    documents = df["document"].astype(str).tolist() if "document" in df else ["doc.txt"] * len(df)
    ids = {d: i + 1 for i, d in enumerate(dict.fromkeys(documents))}
    if df.empty:
        return engine
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, key, document, content_hash, ingested_at, updated_at) "
                "VALUES (:id, :doc, :doc, :doc, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"
            ),
            [{"id": i, "doc": d} for d, i in ids.items()],
        )
        rows = []
        for position, (record, document) in enumerate(zip(df.to_dict("records"), documents, strict=True)):
            row = {c: record.get(c, _DEFAULTS.get(c, "")) for c in CLAIM_COLUMNS}
            row["document"] = document
            if row["value"] is not None and pd.isna(row["value"]):
                row["value"] = None
            row.update(id=position + 1, article_id=ids[document])
            rows.append(row)
        columns = ["id", "article_id", *CLAIM_COLUMNS]
        names = ", ".join(f'"{c}"' for c in columns)
        conn.execute(sa.text(f"INSERT INTO claims ({names}) VALUES ({', '.join(':' + c for c in columns)})"), rows)
    return engine


def kept(df: pd.DataFrame, state: FilterState, target: str | None = None) -> list[int]:
    """The positions of the rows of ``df`` that ``state`` keeps, as the database (``target``, else a new
    SQLite file) filters them."""
    engine = frame_engine(df, target)
    query = sa.select(cq.claims.c.id).where(*conditions(cq.claims, state)).order_by(cq.claims.c.id)
    with engine.connect() as conn:
        return [int(i) - 1 for i in conn.execute(query).scalars()]


def facets(df: pd.DataFrame, state: FilterState) -> dict[str, dict[str, int]]:
    """The filter bar's faceted counts of ``df`` under ``state``, as the database counts them."""
    engine = frame_engine(df)
    return {c: cq.option_counts(engine, c, state.without(c)) for c in LIST_FILTERS}
