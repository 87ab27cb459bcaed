"""The dashboard's reads as SQL (SQLAlchemy Core, the same on SQLite and PostgreSQL): nothing loads every claim.

- :func:`option_counts`: each value of a filterable column with its claims under a filter (the
  filter bar's faceted counts: a facet counts under the *other* filters, :meth:`FilterState.without`);
- :func:`key_figures`: articles, claims, provinces, outlets and the date span of a filtered view;
- :func:`page`: one page of the filtered claims, newest first (``LIMIT``/``OFFSET``);
- :func:`csv_chunks`: the filtered claims with their provenance and verdicts, a chunk at a time, for
  a download that never holds the whole table;
- :func:`rated_claims`: which claims carry a verdict (the verdict filter and column).

The honest aggregates (sums, latest values) are in :mod:`dashboard.store.claim_aggregates`.

>>> import os, tempfile
>>> from dashboard.store.read_engine import read_engine
>>> engine = read_engine(os.path.join(tempfile.mkdtemp(), "claims.sqlite"))
>>> total(engine, FilterState(province=("Yazd",)))
0
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pandas as pd
import sqlalchemy as sa

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.taxonomy import NATIONAL
from dashboard.store.claim_filter import LIST_FILTERS, NOT_RATED, FilterState, conditions, verdict_case
from dashboard.store.reviews import claim_keys, verdicts_frame, with_verdicts
from dashboard.store.tables import articles, claims

Rated = Mapping[int, str]
# Queries run at once by :func:`run_together` (facets, key figures): more than the cores of a small server
# gains nothing, and each holds a connection.
PARALLEL_QUERIES = 4
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
    return ask_together(engine, facets=[(column, state)], rated=rated)[0][(column, state)]


def option_counts_query(column: str, state: FilterState, rated: Rated | None = None) -> sa.Select:
    """``SELECT column, COUNT(*) ... GROUP BY column`` over the claims ``state`` keeps."""
    key = verdict_case(claims, rated or {}) if column == "verdict" else claims.c[column]
    return sa.select(key.label("k"), sa.func.count().label("n")).where(*_where(state, rated)).group_by(key)


def run_together(engine: sa.Engine, queries: Sequence[sa.Select]) -> list[list[sa.Row]]:
    """The rows of each query, the queries run at once on connections of their own (the database works on
    several while Python waits; SQLite and PostgreSQL alike)."""
    if len(queries) <= 1:
        with engine.connect() as conn:
            return [list(conn.execute(q).all()) for q in queries]

    def one(query: sa.Select) -> list[sa.Row]:
        with engine.connect() as conn:
            return list(conn.execute(query).all())

    with ThreadPoolExecutor(max_workers=min(PARALLEL_QUERIES, len(queries))) as pool:
        return list(pool.map(one, queries))


Facet = tuple[str, FilterState]


def _counts(rows: Sequence[Sequence[Any]]) -> dict[str, int]:
    """Counts per value, most first (ties by key): only the distinct values come back, so sorting is here."""
    return {str(k): int(n) for k, n in sorted(rows, key=lambda row: (-int(row[1]), str(row[0])))}


def _key_figures_queries(state: FilterState, rated: Rated | None) -> list[sa.Select]:
    """Articles, first and last date of a view: one index each (its claims, provinces and outlets are read off
    the province and outlet facets, :func:`_key_figures_of`)."""
    where = _where(state, rated)
    c = claims.c
    articles_kept = sa.select(c.article_id).where(*where).distinct().subquery()  # a hash of ids, not a sort
    return [
        sa.select(sa.func.count()).select_from(articles_kept),
        sa.select(sa.func.min(c.published)).where(*where, c.published != ""),
        sa.select(sa.func.max(c.published)).where(*where),
    ]


def _figure_facets(state: FilterState) -> list[Facet]:
    """The facets a view's key figures are read from: its provinces and its outlets."""
    return [("province", state.without("province")), ("source", state.without("source"))]


def _kept(column: str, state: FilterState, counted: dict[str, int]) -> dict[str, int]:
    """A facet's counts under the whole of ``state`` (a chosen column keeps its chosen values)."""
    chosen = getattr(state, column)
    return {k: n for k, n in counted.items() if k in chosen} if chosen else counted


def _key_figures_of(
    state: FilterState, results: Sequence[Sequence[Sequence[Any]]], provinces: dict[str, int], outlets: dict[str, int]
) -> dict[str, Any]:
    (n_articles,), (first,), (last,) = (rows[0] for rows in results)
    provinces, outlets = _kept("province", state, provinces), _kept("source", state, outlets)
    return {
        "articles": int(n_articles),
        "claims": sum(provinces.values()),
        "provinces": sum(1 for k, n in provinces.items() if n and k not in ("", NATIONAL)),
        "outlets": sum(1 for k, n in outlets.items() if n and k),
        "first": first or None,
        "last": last or None,
    }


# Columns counted per province over all claims once per data version (:func:`province_crosstabs`): with only
# provinces chosen (the commonest filter), their facets are read off these counts instead of asked again.
CROSSTAB_COLUMNS = ("program", "metric", "status", "source", "speaker")
Crosstabs = Mapping[str, Mapping[str, Mapping[str, int]]]


def _crosstab_query(column: str) -> sa.Select:
    return sa.select(claims.c.province, claims.c[column], sa.func.count()).group_by(claims.c.province, claims.c[column])


def _crosstab_of(rows: Sequence[Sequence[Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for province, value, n in rows:
        out.setdefault(str(province), {})[str(value)] = int(n)
    return out


def from_crosstabs(crosstabs: Crosstabs | None, column: str, state: FilterState) -> dict[str, int] | None:
    """The facet of ``column`` under ``state`` read off the per-province counts, when ``state`` chooses
    provinces and nothing else; None otherwise.

    >>> tabs = {"metric": {"Yazd": {"jobs": 2, "funds": 1}, "Qom": {"jobs": 1}}}
    >>> from_crosstabs(tabs, "metric", FilterState(province=("Yazd", "Qom")))
    {'jobs': 3, 'funds': 1}
    >>> from_crosstabs(tabs, "metric", FilterState(province=("Yazd",), text="شغل")) is None
    True
    """
    if not crosstabs or column not in crosstabs or not state.province or not state.without("province").is_empty():
        return None
    total: dict[str, int] = {}
    for province in state.province:
        for value, n in crosstabs[column].get(province, {}).items():
            total[value] = total.get(value, 0) + n
    return _counts(list(total.items()))


def ask_together(
    engine: sa.Engine,
    facets: Sequence[Facet] = (),
    figures: Sequence[FilterState] = (),
    rated: Rated | None = None,
    crosstabs: Crosstabs | None = None,
    *,
    new_crosstabs: bool = False,
) -> tuple[dict[Facet, dict[str, int]], dict[FilterState, dict[str, Any]], dict[str, dict[str, dict[str, int]]]]:
    """:func:`option_counts` of each (column, filter) pair in ``facets`` and :func:`key_figures` of each filter
    in ``figures``, their queries all run at once (what a page needs after a filter changes). The facets the
    key figures are read from are in the first result too. A facet under provinces alone is read off
    ``crosstabs`` when given; with ``new_crosstabs`` the per-province counts are asked too (third result)."""
    nothing_rated = not any(v != NOT_RATED for v in (rated or {}).values())
    # with nothing rated, every claim is «not rated»: their number is read off the province facet
    derived = [pair for pair in facets if pair[0] == "verdict" and nothing_rated]
    wanted = list(
        dict.fromkeys(
            [
                *(pair for pair in facets if pair not in derived),
                *(("province", state.without("province")) for _, state in derived),
                *(pair for state in figures for pair in _figure_facets(state)),
            ]
        )
    )
    read_off = {pair: tab for pair in wanted if (tab := from_crosstabs(crosstabs, *pair)) is not None}
    wanted = [pair for pair in wanted if pair not in read_off]
    queries = [option_counts_query(column, state, rated) for column, state in wanted]
    for state in figures:
        queries.extend(_key_figures_queries(state, rated))
    tabs = CROSSTAB_COLUMNS if new_crosstabs else ()
    queries.extend(_crosstab_query(column) for column in tabs)
    results = run_together(engine, queries)
    counted = {pair: _counts(rows) for pair, rows in zip(wanted, results, strict=False)}
    counted.update(read_off)
    asked_tabs = {
        column: _crosstab_of(rows) for column, rows in zip(tabs, results[len(results) - len(tabs) :], strict=True)
    }
    results = results[: len(results) - len(tabs)]
    for _, state in derived:
        n_claims = sum(_kept("province", state, counted[("province", state.without("province"))]).values())
        counted[("verdict", state)] = {NOT_RATED: n_claims} if n_claims else {}
    rest = results[len(wanted) :]
    found = {}
    for i, state in enumerate(figures):
        provinces, outlets = (counted[pair] for pair in _figure_facets(state))
        found[state] = _key_figures_of(state, rest[3 * i : 3 * i + 3], provinces, outlets)
    return counted, found, asked_tabs


def key_figures(engine: sa.Engine, state: FilterState, rated: Rated | None = None) -> dict[str, Any]:
    """``articles``, ``claims``, ``provinces`` (not counting national claims), ``outlets``, and the first
    and last publication date (``first``, ``last``: ISO text, None when no claim is dated) of a view.

    Each figure is its own query, answered from one index, and they run at once."""
    return ask_together(engine, figures=[state], rated=rated)[1][state]


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


def figure_groups(engine: sa.Engine, state: FilterState, rated: Rated | None = None) -> pd.DataFrame:
    """Each province, programme and metric of the claims ``state`` keeps, with how many claims it has
    (``size``) and how many of them are dated (``dated``), the most dated first: the figures whose history
    the findings page offers, counted by the database."""
    dated = sa.func.sum(sa.case((claims.c.published != "", 1), else_=0))
    query = (
        sa.select(claims.c.province, claims.c.program, claims.c.metric, dated.label("dated"), sa.func.count())
        .where(*_where(state, rated))
        .group_by(claims.c.province, claims.c.program, claims.c.metric)
        .order_by(dated.desc(), sa.func.count().desc(), claims.c.province, claims.c.program, claims.c.metric)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame(
        [(p, g, m, int(d or 0), int(n)) for p, g, m, d, n in rows],
        columns=["province", "program", "metric", "dated", "size"],
    )


def rated_claims(engine: sa.Engine) -> dict[int, str]:
    """The id of every stored claim with a verdict, and its latest verdict (few: people give them).

    Verdicts are kept under the claim's stable key; the claims of the rated documents are keyed here.
    """
    with engine.connect() as conn:
        found = verdicts_frame(conn)
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
        verdicts = verdicts_frame(conn)
        after = -1
        while True:
            query = select.where(*where, claims.c.id > after).order_by(claims.c.id).limit(chunk)
            rows = conn.execute(query).all()
            if not rows:
                return
            yield with_verdicts(conn, _frame(rows, columns), verdicts)
            after = int(rows[-1][len(CLAIM_COLUMNS)])
