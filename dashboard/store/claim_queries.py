"""The dashboard's reads as SQL (SQLAlchemy Core, the same on SQLite and PostgreSQL): nothing loads every claim.

- :func:`option_counts`: each value of a filterable column with its claims under a filter (the
  filter bar's faceted counts: a facet counts under the *other* filters, :meth:`FilterState.without`);
- :func:`key_figures`: articles, claims, provinces, outlets and the date span of a filtered view;
- :func:`page`: one page of the filtered claims, newest first (``LIMIT``/``OFFSET``);
- :func:`csv_chunks`: the filtered claims with their provenance and verdicts, a chunk at a time, for
  a download that never holds the whole table;
- :func:`rated_claims`: which claims carry a verdict (the verdict filter and column).

The honest aggregates (sums, latest values) are in :mod:`dashboard.store.claim_aggregates`.

>>> from dashboard.store.read_engine import read_engine
>>> engine = read_engine(":memory:")
>>> total(engine, FilterState(province=("Yazd",)))
0
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pandas as pd
import sqlalchemy as sa

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.taxonomy import NATIONAL
from dashboard.store.claim_filter import LIST_FILTERS, NOT_RATED, FilterState, conditions, verdict_case
from dashboard.store.reviews import VERDICT_COLUMNS, claim_keys

# The tables as the reads name them (columns typed where the type matters to a result).
claims = sa.table(
    "claims",
    sa.column("id", sa.Integer),
    sa.column("article_id", sa.Integer),
    *(
        sa.column(c, sa.Float if c == "value" else sa.Integer if c in ("start", "end") else sa.Text)
        for c in CLAIM_COLUMNS
    ),
)
articles = sa.table(
    "articles",
    sa.column("id", sa.Integer),
    sa.column("key", sa.Text),
    sa.column("path", sa.Text),
    sa.column("ingested_at", sa.Text),
)
claim_verdicts = sa.table(
    "claim_verdicts",
    *(sa.column(c) for c in ("id", "claim_key", "document", "verdict", "note", "evidence_url", "reviewer", "rated_at")),
)
Rated = Mapping[int, str]
# Columns of a page of the claims table (and of the CSV download, which adds provenance and verdicts).
ROW_COLUMNS: tuple[str, ...] = (*CLAIM_COLUMNS, "claim_id", "article_id")
NEWEST_FIRST = (claims.c.published.desc(), claims.c.id.desc())


def _select_rows() -> sa.Select:
    return sa.select(*(claims.c[c] for c in CLAIM_COLUMNS), claims.c.id.label("claim_id"), claims.c.article_id)


def _where(state: FilterState, rated: Rated | None) -> list[sa.ColumnElement[bool]]:
    return conditions(claims, state, rated)


def total(engine: sa.Engine, state: FilterState, rated: Rated | None = None) -> int:
    """How many claims ``state`` keeps."""
    query = sa.select(sa.func.count()).select_from(claims).where(*_where(state, rated))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def option_counts(engine: sa.Engine, column: str, state: FilterState, rated: Rated | None = None) -> dict[str, int]:
    """Each value of ``column`` with its number of claims that ``state`` keeps, most first (ties by key).

    For the faceted counts of the filter bar, pass ``state.without(column)``: a filter's own options
    count every claim the other filters keep.
    """
    if column not in LIST_FILTERS:
        raise ValueError(f"not a filterable column of claims: {column}")
    if column == "verdict" and not any(v != NOT_RATED for v in (rated or {}).values()):
        n_claims = total(engine, state, rated)  # nothing rated: every claim is «not rated»
        return {NOT_RATED: n_claims} if n_claims else {}
    with engine.connect() as conn:
        found = conn.execute(option_counts_query(column, state, rated)).all()
    # most first, ties by key (sorted here: only the distinct values come back)
    return {str(k): int(c) for k, c in sorted(found, key=lambda row: (-int(row[1]), str(row[0])))}


def option_counts_query(column: str, state: FilterState, rated: Rated | None = None) -> sa.Select:
    """``SELECT column, COUNT(*) ... GROUP BY column`` over the claims ``state`` keeps."""
    key = verdict_case(claims, rated or {}) if column == "verdict" else claims.c[column]
    return sa.select(key.label("k"), sa.func.count().label("n")).where(*_where(state, rated)).group_by(key)


def key_figures(engine: sa.Engine, state: FilterState, rated: Rated | None = None) -> dict[str, Any]:
    """``articles``, ``claims``, ``provinces`` (not counting national claims), ``outlets``, and the first
    and last publication date (``first``, ``last``: ISO text, None when no claim is dated) of a view."""
    where = _where(state, rated)
    c = claims.c
    query = sa.select(
        sa.func.count(sa.distinct(c.article_id)),
        sa.func.count(),
        sa.func.min(sa.case((c.published != "", c.published))),
        sa.func.max(c.published),
    ).where(*where)
    province = sa.select(sa.func.count(sa.distinct(c.province))).where(*where, c.province != "", c.province != NATIONAL)
    outlets = sa.select(sa.func.count(sa.distinct(c.source))).where(*where, c.source != "")
    with engine.connect() as conn:
        n_articles, n_claims, first, last = conn.execute(query).one()
        n_provinces = conn.execute(province).scalar_one()
        n_outlets = conn.execute(outlets).scalar_one()
    return {
        "articles": int(n_articles),
        "claims": int(n_claims),
        "provinces": int(n_provinces),
        "outlets": int(n_outlets),
        "first": first or None,
        "last": last or None,
    }


def _frame(rows: Sequence[Sequence[Any]], columns: Sequence[str]) -> pd.DataFrame:
    df = pd.DataFrame([tuple(r) for r in rows], columns=list(columns))
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype(float)
    for column in ("start", "end", "claim_id", "article_id"):
        if column in df:
            df[column] = df[column].astype(int)
    text = [c for c in columns if c not in ("value", "start", "end", "claim_id", "article_id")]
    df[text] = df[text].fillna("").astype(str)
    return df


def page(
    engine: sa.Engine, state: FilterState, rated: Rated | None = None, *, limit: int = 100, offset: int = 0
) -> pd.DataFrame:
    """One page of the claims ``state`` keeps, newest first (undated last): :data:`ROW_COLUMNS` plus
    ``claim_key`` and the verdict columns."""
    with engine.connect() as conn:
        df = _frame(conn.execute(page_query(state, rated, limit=limit, offset=offset)).all(), ROW_COLUMNS)
        return with_verdicts(conn, df)


def page_query(state: FilterState, rated: Rated | None = None, *, limit: int, offset: int) -> sa.Select:
    """The rows of one page of the claims ``state`` keeps, newest first (``LIMIT``/``OFFSET``)."""
    return _select_rows().where(*_where(state, rated)).order_by(*NEWEST_FIRST).limit(limit).offset(offset)


def article_keys(engine: sa.Engine, ids: Sequence[int]) -> dict[int, str]:
    """The unique key of each article in ``ids`` (the claims' ``article_id``), for links to its page."""
    wanted = sorted({int(i) for i in ids})
    if not wanted:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(sa.select(articles.c.id, articles.c.key).where(articles.c.id.in_(wanted))).all()
    return {int(i): str(k) for i, k in rows}


def claims_of_article(engine: sa.Engine, article_id: int) -> pd.DataFrame:
    """Every claim of one article (:data:`ROW_COLUMNS`), in the order they were stored."""
    query = _select_rows().where(claims.c.article_id == int(article_id)).order_by(claims.c.id)
    with engine.connect() as conn:
        return _frame(conn.execute(query).all(), ROW_COLUMNS)


def filtered_frame(engine: sa.Engine, state: FilterState, rated: Rated | None = None) -> pd.DataFrame:
    """Every claim ``state`` keeps (for the consistency checks, which compare claims with each other),
    with ``claim_key`` and the verdict columns."""
    query = _select_rows().where(*_where(state, rated)).order_by(claims.c.article_id, claims.c.id)
    with engine.connect() as conn:
        return with_verdicts(conn, _frame(conn.execute(query).all(), ROW_COLUMNS))


def latest_verdicts(conn: sa.Connection) -> pd.DataFrame:
    """The latest verdict of every rated claim: ``claim_key``, ``document`` and the verdict columns."""
    v = claim_verdicts.c
    latest = sa.select(sa.func.max(v.id)).group_by(v.claim_key).scalar_subquery()
    query = (
        sa.select(v.claim_key, v.document, v.verdict, v.note, v.evidence_url, v.reviewer, v.rated_at)
        .where(v.id.in_(latest))
        .order_by(v.id)
    )
    return pd.DataFrame([tuple(r) for r in conn.execute(query)], columns=["claim_key", "document", *VERDICT_COLUMNS])


def with_verdicts(conn: sa.Connection, df: pd.DataFrame, verdicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """``df`` plus ``claim_key`` and the verdict columns (``not_rated`` and empty when none)."""
    found = latest_verdicts(conn) if verdicts is None else verdicts
    out = df.copy()
    out["claim_key"] = claim_keys(out) if not out.empty else pd.Series(dtype=object)
    merged = out[["claim_key"]].merge(found.drop(columns="document"), on="claim_key", how="left")
    for column in VERDICT_COLUMNS:
        default = "not_rated" if column == "verdict" else ""
        out[column] = merged[column].fillna(default).astype(str).to_numpy()
    return out


def rated_claims(engine: sa.Engine) -> dict[int, str]:
    """The id of every stored claim with a verdict, and its latest verdict (few: people give them).

    Verdicts are kept under the claim's stable key; the claims of the rated documents are keyed here.
    """
    with engine.connect() as conn:
        found = latest_verdicts(conn)
        if found.empty:
            return {}
        docs = sorted(set(found["document"]))
        rows = conn.execute(_select_rows().where(claims.c.document.in_(docs))).all()
    candidates = _frame(rows, ROW_COLUMNS)
    keys = claim_keys(candidates)
    verdict = dict(zip(found["claim_key"], found["verdict"], strict=True))
    return {int(i): verdict[k] for i, k in zip(candidates["claim_id"], keys, strict=True) if k in verdict}


def csv_chunks(
    engine: sa.Engine, state: FilterState, rated: Rated | None = None, *, chunk: int = 20_000
) -> Iterator[pd.DataFrame]:
    """The claims ``state`` keeps with their provenance (``path``, ``ingested_at``), ``claim_key`` and
    verdicts, ``chunk`` rows at a time in stored order (keyset paging on the claim id)."""
    select = sa.select(
        *(claims.c[c] for c in CLAIM_COLUMNS),
        claims.c.id.label("claim_id"),
        claims.c.article_id,
        articles.c.path,
        articles.c.ingested_at,
    ).select_from(claims.join(articles, articles.c.id == claims.c.article_id))
    columns = (*ROW_COLUMNS, "path", "ingested_at")
    where = _where(state, rated)
    with engine.connect() as conn:
        verdicts = latest_verdicts(conn)
        after = -1
        while True:
            query = select.where(*where, claims.c.id > after).order_by(claims.c.id).limit(chunk)
            rows = conn.execute(query).all()
            if not rows:
                return
            yield with_verdicts(conn, _frame(rows, columns), verdicts)
            after = int(rows[-1][len(CLAIM_COLUMNS)])
