"""The dashboard's reads in SQL (:mod:`dashboard.store.claim_queries`, :mod:`dashboard.store.claim_aggregates`)
on real SQLite databases: the honest aggregates agree with the rules stated on DataFrames
(:mod:`dashboard.present.aggregates`) on random claims, pages and CSV chunks cover the view exactly,
verdicts filter, and on 20,000 synthetic claims the queries use their indexes (no timing here)."""

from __future__ import annotations

import datetime as dt
import math
import random
import sys
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from claim_db import frame_engine

from dashboard.lang.taxonomy import NATIONAL
from dashboard.present.aggregates import FrameClaims
from dashboard.store import claim_queries as cq
from dashboard.store import database as store
from dashboard.store import reviews
from dashboard.store.claim_aggregates import SqlClaims
from dashboard.store.claim_filter import LIST_FILTERS, FilterState, conditions
from dashboard.store.read_engine import read_engine

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "bench"))

# Values that make the rules fire: a total and its parts, rounded restatements, equal repeats, a non-value.
VALUES = (4380.0, 850.0, 720.0, 610.0, 123182.0, 123000.0, 120000.0, 5.0, 1e6, 999999.0, 45.0, math.nan)


def random_claims(seed: int) -> pd.DataFrame:
    """Up to 60 claims over a few articles, metrics, units, statuses, periods, places and dates."""
    rng = random.Random(seed)
    n = rng.randrange(0, 60) if seed else 0
    return pd.DataFrame(
        {
            "document": [rng.choice("abcde") + ".txt" for _ in range(n)],
            "metric": [rng.choice(("jobs", "jobs", "money", "percent")) for _ in range(n)],
            "unit": [rng.choice(("count", "count", "count", "IRR", "percent")) for _ in range(n)],
            "value": [rng.choice(VALUES) for _ in range(n)],
            "status": [rng.choice(("reported", "reported", "planned", "")) for _ in range(n)],
            "period": [rng.choice(("", "", "cumulative", "period")) for _ in range(n)],
            "province": [rng.choice(("Yazd", "Qom", NATIONAL)) for _ in range(n)],
            "program": [rng.choice(("general", "note16")) for _ in range(n)],
            "published": [rng.choice(("2024-01-01", "2024-01-02", "2024-03-05", "")) for _ in range(n)],
            "title": [f"عنوان {rng.randrange(3)}" for _ in range(n)],
            "source": [rng.choice(("ایسنا", "ایرنا", "")) for _ in range(n)],
        }
    )


def same_table(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    assert len(a) == len(b), (a, b)
    for column in a.columns:
        left, right = a[column].tolist(), b[column].tolist()
        if column in ("value", "reported", "planned"):
            assert [None if pd.isna(x) else pytest.approx(float(x)) for x in left] == [
                None if pd.isna(y) else float(y) for y in right
            ], column
        else:
            assert [str(x) for x in left] == [str(y) for y in right], column


def agree(df: pd.DataFrame, sql: SqlClaims, seed: int) -> None:
    """The database's counts, sums (with what they leave out) and latest values equal the rules' on ``df``."""
    frame = FrameClaims(df)
    for scope in (None, False) if seed % 2 else (None, True):
        s, f = (sql.scoped(national=scope), frame.scoped(national=scope)) if scope is not None else (sql, frame)
        for metric in ("jobs", "money", "percent"):
            assert s.unit(metric) == f.unit(metric)
            for by in ("province", "program", "published", None):
                got, want = s.sum_by(metric, by), f.sum_by(metric, by)
                assert got.left_out == want.left_out, (metric, by)
                assert got.unit == want.unit
                same_table(got.table, want.table)
            for by in ("province", "program", "published"):
                same_table(s.latest_by(metric, by), f.latest_by(metric, by))
                for status in (None, "planned"):
                    same_table(s.count_by(by, metric, status), f.count_by(by, metric, status))
        same_table(s.count_by("province"), f.count_by("province"))


@pytest.mark.parametrize("seed", range(10))
def test_sql_aggregates_agree_with_the_rules_on_random_claims(seed: int) -> None:
    df = random_claims(seed)
    agree(df, SqlClaims(frame_engine(df)), seed)


@pytest.mark.parametrize("seed", [3, 8])
def test_sql_aggregates_agree_with_the_rules_on_postgresql(pg_url: str, seed: int) -> None:
    df = random_claims(seed)
    agree(df, SqlClaims(frame_engine(df, pg_url)), seed)


def test_the_sql_sum_leaves_out_parts_repeats_and_running_totals(db_target: str) -> None:
    df = pd.DataFrame(
        {
            "document": ["a", "a", "a", "a", "b", "c", "d"],
            "metric": ["jobs"] * 7,
            "unit": ["count"] * 7,
            "value": [4380.0, 850.0, 720.0, 610.0, 4380.0, 123000.0, 9.0],
            "status": ["reported"] * 6 + ["planned"],
            "period": ["", "", "", "", "", "cumulative", ""],
            "province": ["Kermanshah"] * 7,
            "program": ["general"] * 7,
            "published": ["2024-01-01"] * 4 + ["2024-02-01", "2024-03-01", "2024-03-01"],
        }
    )
    result = SqlClaims(frame_engine(df, db_target)).sum_by("jobs", "province")
    assert result.left_out == {"part": 3, "repeat": 1, "cumulative": 1}
    row = result.table.iloc[0]
    assert (row["reported"], row["claims_reported"], row["planned"], row["claims_planned"]) == (4380.0, 1, 9.0, 1)


def test_pages_and_csv_chunks_cover_the_view_exactly(db_target: str) -> None:
    df = random_claims(7).assign(quote="۱۲ صندوق")
    engine = frame_engine(df, db_target)
    state = FilterState(province=("Yazd", "Qom"))
    n = cq.total(engine, state)
    assert n == int(df["province"].isin(["Yazd", "Qom"]).sum())
    pages = [cq.page(engine, state, limit=4, offset=k) for k in range(0, n + 4, 4)]
    ids = [i for p in pages for i in p["claim_id"]]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == n, "pages neither repeat nor skip a claim"
    dates = [d for p in pages for d in p["published"]]
    assert dates == sorted(dates, reverse=True), "newest first, undated last"
    chunks = list(cq.csv_chunks(engine, state, chunk=3))
    assert all(len(c) <= 3 for c in chunks)
    whole = pd.concat(chunks)
    assert sorted(whole["claim_id"]) == sorted(ids)
    assert {"path", "ingested_at", "claim_key", "verdict"} <= set(whole.columns)


def test_figure_groups_count_the_kept_claims_and_their_dated_ones(db_target: str) -> None:
    df = random_claims(11).assign(quote="۱۲ صندوق")
    engine = frame_engine(df, db_target)
    state = FilterState(province=("Yazd", "Qom"))
    groups = cq.figure_groups(engine, state)
    kept = df[df["province"].isin(["Yazd", "Qom"])]
    expected = kept.assign(dated=kept["published"].ne("")).groupby(["province", "program", "metric"])
    assert {tuple(r[:3]): (r[3], r[4]) for r in groups.itertuples(index=False)} == {
        key: (int(g["dated"].sum()), len(g)) for key, g in expected
    }
    ranks = list(zip(groups["dated"], groups["size"], strict=True))
    assert ranks == sorted(ranks, reverse=True), "the most dated figure first, then the largest"


def test_a_verdict_filters_and_counts_its_claims(db_target: str) -> None:
    db = db_target
    conn = store.connect(db)
    claims = [
        {"document": "a.txt", "value": v, "unit": "count", "metric": "jobs", "start": i, "province": "Yazd"}
        for i, v in enumerate((10, 20, 30))
    ]
    store.write_articles(conn, [store.StoredArticle("a.txt", "a.txt", "متن", "h", claims=claims)])
    frame = store.claims_frame(conn)
    key = reviews.claim_key(frame.iloc[1].to_dict())
    reviews.rate(conn, key, "a.txt", "misleading", reviewer="مریم")
    conn.close()
    engine = read_engine(db)
    rated = cq.rated_claims(engine)
    assert list(rated.values()) == ["misleading"]
    assert cq.option_counts(engine, "verdict", FilterState(), rated) == {"not_rated": 2, "misleading": 1}
    picked = cq.page(engine, FilterState(verdict=("misleading",)), rated)
    assert picked["value"].tolist() == [20.0] and picked["verdict"].tolist() == ["misleading"]
    assert cq.total(engine, FilterState(verdict=("not_rated",)), rated) == 2


def test_the_search_and_filters_keep_the_same_claims_on_both_backends(db_target: str) -> None:
    df = pd.DataFrame(
        {
            "quote": ["رئیس سازمان گفت", "صندوق‌های قرض‌الحسنه", "۱۲ شغل", "مسؤول استان", "دیگر"],
            "province": ["Yazd", "Qazvin", "Yazd", NATIONAL, "Qom"],
            "published": ["2024-01-05", "", "2023-06-01", "2024-02-01", "2024-03-01"],
        }
    )
    engine = frame_engine(df, db_target)
    query = sa.select(cq.claims.c.id).order_by(cq.claims.c.id)

    def keeps(state: FilterState) -> list[int]:
        with engine.connect() as conn:
            return [int(i) - 1 for i in conn.execute(query.where(*conditions(cq.claims, state))).scalars()]

    assert keeps(FilterState(text="رییس")) == [0]  # hamza spellings are one
    assert keeps(FilterState(text="قرض الحسنه")) == [1]  # ZWNJ and spaces ignored
    assert keeps(FilterState(text="12")) == [2]  # digits in any script
    assert keeps(FilterState(text="مسئول")) == [3]
    assert keeps(FilterState(text="qazvin")) == [1]  # a province by its English name
    assert keeps(FilterState(province=("Yazd",), date_from=dt.date(2024, 1, 1))) == [0]  # undated and earlier out
    assert keeps(FilterState(date_to=dt.date(2024, 1, 31))) == [0, 2]


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory) -> Path:
    """20,000 synthetic claims with the skew of real news, filled as the benchmark fills its million."""
    from bench_million import fill

    db = tmp_path_factory.mktemp("plans") / "claims.sqlite"
    fill(str(db), 20_000)
    return db


def plan(engine: sa.Engine, query: sa.Select) -> str:
    """SQLite's query plan of ``query``, one line per step."""
    sql = str(query.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    with engine.connect() as conn:
        return "\n".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def test_the_dashboards_queries_read_indexes_not_the_table(synthetic_db) -> None:
    engine = read_engine(synthetic_db)
    tehran = FilterState(province=("Tehran",))
    for column in LIST_FILTERS[:-1]:  # a facet: a covering index, nothing sorted afterwards
        for state in (FilterState(), tehran):
            text = plan(engine, cq.option_counts_query(column, state.without(column)))
            assert "COVERING INDEX" in text and "SCAN claims\n" not in text + "\n", (column, text)
    for state in (FilterState(), tehran):  # the newest claims: read in index order, no sort of the view
        text = plan(engine, cq.page_query(state, limit=100, offset=0))
        assert "USING INDEX claims_p" in text and "TEMP B-TREE" not in text, text
    text = plan(engine, cq.option_counts_query("metric", FilterState(metric=("jobs",))))
    assert "claims_metric" in text, text


def test_the_synthetic_claims_are_skewed_like_news(synthetic_db) -> None:
    engine = read_engine(synthetic_db)
    provinces = cq.option_counts(engine, "province", FilterState())
    assert cq.total(engine, FilterState()) == 20_000
    top = [n for k, n in provinces.items() if k != NATIONAL]
    assert top[0] > 5 * top[-1], "a few provinces hold most claims"


def test_facets_under_provinces_alone_read_off_the_per_province_counts_equal_the_asked_ones(synthetic_db) -> None:
    engine = read_engine(synthetic_db)
    tabs = cq.ask_together(engine, new_crosstabs=True)[2]
    assert set(tabs) == set(cq.CROSSTAB_COLUMNS)
    for provinces in (("Tehran",), ("Fars", "Yazd"), ("Nowhere",)):
        state = FilterState(province=provinces)
        for column in cq.CROSSTAB_COLUMNS:
            assert cq.from_crosstabs(tabs, column, state) == cq.option_counts(engine, column, state), column
        read_off = cq.ask_together(engine, figures=[state], crosstabs=tabs)[1][state]
        assert read_off == cq.key_figures(engine, state)
    assert cq.from_crosstabs(tabs, "metric", FilterState(province=("Tehran",), status=("planned",))) is None
