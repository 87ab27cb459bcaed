"""Benchmark the dashboard on a million claims: first load, a filter change and the app's memory.

Fills a database with ``--claims`` synthetic claims (1,000,000 by default) in a child process, in
bulk (batches of rows through SQLAlchemy Core into the schema the store creates), with the skew of
real news: a few provinces (Tehran, Khorasan Razavi, Isfahan...) and programmes hold most claims
(Zipf weights), months grow busier towards the present, metrics are skewed too, one claim in five is
national, one article in twenty undated. Then runs the app's main page with Streamlit's AppTest in
this process (the same measurement as ``bench_dashboard.py``):

* first load: a new session on emptied caches (median of three);
* filter change: the province filter set to the busiest province and back (median of five);
* opening the claims table page and the same filter change there;
* the peak resident memory (RSS) of this process, which ran the app, after all of it.

Floors: first load <= 2 s, filter change <= 0.3 s, app memory <= 500 MB. Results go to stdout and to
``bench-results/million.txt``. Usage::

    .venv/bin/python tests/bench/bench_million.py [--claims 1000000] [--db FILE] [--keep] [--pg URL]

With ``--pg postgresql://...`` (an empty database) PostgreSQL is filled and measured the same way.
Exit code 0 when every floor holds, 1 when one does not, 2 when the app could not be run.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import math
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
for place in (REPO, REPO / "tests" / "bench"):
    if str(place) not in sys.path:
        sys.path.insert(0, str(place))

import sqlalchemy as sa  # noqa: E402
from bench_dashboard import UNIT_RANGES, Step, measure, persian_digits  # noqa: E402

from dashboard.extract.schema import CLAIM_COLUMNS  # noqa: E402
from dashboard.lang.errors import UserError  # noqa: E402
from dashboard.lang.taxonomy import NATIONAL, load_taxonomy  # noqa: E402
from dashboard.store import claim_queries as cq  # noqa: E402
from dashboard.store.claim_aggregates import SqlClaims  # noqa: E402
from dashboard.store.database import connect, mark_written, transaction  # noqa: E402
from dashboard.store.engine import describe, engine_for  # noqa: E402
from dashboard.store.read_engine import read_engine  # noqa: E402

RESULTS = REPO / "bench-results" / "million.txt"
FIRST_LOAD_FLOOR_S = 2.0
FILTER_CHANGE_FLOOR_S = 0.3
MEMORY_FLOOR_MB = 500.0
CLAIMS_PER_ARTICLE = 20
FIRST_DAY, LAST_DAY = date(2016, 3, 20), date(2026, 11, 1)
# The provinces news names most, first (the rest follow in the taxonomy's order).
BUSY_PROVINCES = ("Tehran", "Razavi Khorasan", "Isfahan", "Fars", "Khuzestan", "East Azerbaijan")


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    """Weights 1/k^s for k = 1..n: the first few values take most of the draws.

    >>> [round(w, 2) for w in zipf_weights(3)]
    [1.0, 0.47, 0.3]
    """
    return [1 / (k**s) for k in range(1, n + 1)]


def _day(rng: random.Random) -> date:
    """A day between FIRST_DAY and LAST_DAY, later days likelier (news volume grows)."""
    span = (LAST_DAY - FIRST_DAY).days
    return FIRST_DAY + timedelta(days=int(span * math.sqrt(rng.random())))


def synthetic_rows(n_claims: int, seed: int = 1403) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(article row, claim rows) for ``n_claims`` claims, CLAIMS_PER_ARTICLE to an article; the same for a seed."""
    tax = load_taxonomy()
    rng = random.Random(seed)
    provinces = sorted(
        tax.provinces, key=lambda p: (p not in BUSY_PROVINCES, BUSY_PROVINCES.index(p) if p in BUSY_PROVINCES else 0, p)
    )
    programs = list(tax.programs)
    metrics = list(tax.metrics.values())
    province_w, program_w, metric_w = (
        zipf_weights(len(provinces)),
        zipf_weights(len(programs)),
        zipf_weights(len(metrics), 0.8),
    )
    outlets = [f"خبرگزاری نمونه {persian_digits(str(i))}" for i in range(1, 61)]
    outlet_w = zipf_weights(len(outlets))
    speakers = [f"مدیرکل {persian_digits(str(i))}" for i in range(1, 400)]
    article_id = claim_id = 0
    while claim_id < n_claims:
        article_id += 1
        n = min(CLAIMS_PER_ARTICLE, n_claims - claim_id)
        day = _day(rng)
        published = day.isoformat() if rng.random() >= 0.05 else ""
        home = rng.choices(provinces, province_w)[0]
        source = rng.choices(outlets, outlet_w)[0]
        document = f"synthetic_{article_id:07d}.txt"
        title = f"گزارش عملکرد استان {tax.provinces[home].name_fa} ({persian_digits(str(article_id))})"
        article = {
            "id": article_id,
            "key": f"synthetic/{document}",
            "document": document,
            "path": f"synthetic/{document}",
            "title": title,
            "text": title,
            "published": published,
            "source": source,
            "content_hash": f"synthetic-{seed}-{article_id}",
            "text_hash": f"t{article_id}",
            "ingested_at": "2026-12-01T00:00:00Z",
            "updated_at": "2026-12-01T00:00:00Z",
        }
        claims = []
        for k in range(n):
            claim_id += 1
            metric = rng.choices(metrics, metric_w)[0]
            unit = metric.unit if metric.unit in UNIT_RANGES else "count"
            low, high = UNIT_RANGES[unit]
            value = float(round(10 ** rng.uniform(math.log10(low), math.log10(high))))
            mention = persian_digits(f"{int(value):,}".replace(",", "٬"))
            province = (
                NATIONAL
                if rng.random() < 0.2
                else (home if rng.random() < 0.7 else rng.choices(provinces, province_w)[0])
            )
            claims.append(
                {
                    "id": claim_id,
                    "article_id": article_id,
                    "document": document,
                    "value": value,
                    "unit": unit,
                    "metric": metric.key,
                    "program": rng.choices(programs, program_w)[0],
                    "province": province,
                    "status": "reported" if rng.random() < 0.7 else "planned",
                    "published": published,
                    "source": source,
                    "metric_fa": metric.fa,
                    "qualifier": "",
                    "mention": mention,
                    "quote": f"به گفته مدیرکل، تاکنون {mention} {metric.fa} در استان ثبت شده است.",
                    "start": 8 + 40 * k,
                    "end": 8 + 40 * k + len(mention),
                    "speaker": rng.choice(speakers),
                    "period": rng.choice(("cumulative", "period", "", "")),
                    "published_jalali": "",
                    "title": title,
                    "url": f"https://example.org/news/{article_id}",
                    "province_basis": "sentence",
                }
            )
        yield article, claims


def fill(target: str, n_claims: int, batch_articles: int = 2_000) -> None:
    """Create the database at ``target`` through the store and bulk-insert the synthetic claims."""
    connect(target).close()  # the schema, its indexes and the write counter, as the store makes them
    engine = engine_for(target)
    articles = sa.table(
        "articles",
        *(
            sa.column(c)
            for c in (
                "id",
                "key",
                "document",
                "path",
                "title",
                "text",
                "published",
                "source",
                "content_hash",
                "text_hash",
                "ingested_at",
                "updated_at",
            )
        ),
    )
    claims = sa.table("claims", *(sa.column(c) for c in ("id", "article_id", *CLAIM_COLUMNS)))
    pending_a: list[dict[str, Any]] = []
    pending_c: list[dict[str, Any]] = []
    with engine.connect() as conn, transaction(conn):
        for article, rows in synthetic_rows(n_claims):
            pending_a.append(article)
            pending_c.extend(rows)
            if len(pending_a) >= batch_articles:
                conn.execute(articles.insert(), pending_a)
                conn.execute(claims.insert(), pending_c)
                pending_a, pending_c = [], []
        if pending_a:
            conn.execute(articles.insert(), pending_a)
            conn.execute(claims.insert(), pending_c)
    with connect(target) as conn:  # a write the dashboard's caches see; statistics for the query planner
        mark_written(conn)
        # PostgreSQL: VACUUM marks the pages all-visible, as its autovacuum soon does, so indexes answer alone
        conn.exec_driver_sql("VACUUM ANALYZE" if conn.dialect.name == "postgresql" else "ANALYZE")


def busiest_province(target: str) -> str:
    """The province key (not national) with the most claims: the filter the change sets."""
    counts = cq.option_counts(read_engine(target), "province", cq.FilterState())
    return next(p for p in counts if p != NATIONAL)


def aggregate_lines(target: str, province: str) -> list[str]:
    """Timings of the honest aggregates a user asks for by choosing a metric (no floor): the sum and the
    latest value of the commonest metric per province, on every claim and on the busiest province."""
    engine = read_engine(target)
    metric = next(iter(cq.option_counts(engine, "metric", cq.FilterState())))
    out = []
    for state in (cq.FilterState(), cq.FilterState(province=(province,))):
        claims = SqlClaims(engine, state)
        where = "every claim" if state.is_empty() else province
        for name, ask in (
            ("sum", lambda c=claims: c.scoped(national=False).sum_by(metric, "province")),
            ("latest value", lambda c=claims: c.latest_by(metric, "province")),
        ):
            started = time.perf_counter()
            ask()
            out.append(f"{name} of {metric} by province, {where}: {time.perf_counter() - started:.3f} s (no floor)")
    return out


def new_filter_changes(provinces: list[str]) -> list[float]:
    """Seconds of each change of the province filter to one of ``provinces``, none chosen before in this server
    (the page's own caches stay: a new session on a running server), back to all provinces in between."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "dashboard" / "app" / "main.py"), default_timeout=120).run()
    times = []
    for province in provinces:
        at.multiselect(key="f_province").set_value([province])
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        if at.exception:
            raise RuntimeError(f"the page raised after choosing {province}: {at.exception[0].value}")
        at.multiselect(key="f_province").set_value([]).run()
    return times


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fill_apart(target: str, n_claims: int) -> float:
    """Fill ``target`` in a child process (so this one, which runs the app, measures the app's memory); seconds."""
    started = time.perf_counter()
    # by its module's name: the app's runs in this process replace ``__main__``
    filler = importlib.import_module("bench_million").fill
    child = multiprocessing.get_context("spawn").Process(target=filler, args=(target, n_claims))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"{describe(target)}: filling the database failed (exit {child.exitcode})")
    return time.perf_counter() - started


def measure_backend(target: str, name: str, n_claims: int, fresh: bool) -> tuple[list[str], bool]:
    """Fill ``target`` when ``fresh``, then time the app on it: the lines to print, and whether every floor held."""
    lines = [f"--- {name} ({describe(target)})"]
    if fresh:
        seconds = fill_apart(target, n_claims)
        lines.append(f"fill: {n_claims:,} claims in {seconds:.1f} s (bulk insert, one process)")
    stored = cq.total(read_engine(target), cq.FilterState())
    lines.append(f"stored claims: {stored:,}")
    province = busiest_province(target)
    steps, label = measure(target, key="f_province", value=province, repeats=5, loads=3, table_page=None)  # type: ignore[arg-type]
    load, change = steps[0], steps[1]
    ranked = [p for p in cq.option_counts(read_engine(target), "province", cq.FilterState()) if p != NATIONAL]
    middle = len(ranked) // 2
    steps = [
        Step("first load", load.times, FIRST_LOAD_FLOOR_S),
        # a filter never chosen before asks the database (the facets, key figures and charts of the new view)
        Step(  # the busiest one first (its change was timed above, the first of the back-and-forth ones)
            "filter change to a new province, the four busiest (asks the database)",
            [change.times[0], *new_filter_changes(ranked[1:4])],
            FILTER_CHANGE_FLOOR_S,
        ),
        Step(
            "filter change to a new province, three mid-sized (asks the database)",
            new_filter_changes(ranked[middle - 1 : middle + 2]),
            FILTER_CHANGE_FLOOR_S,
        ),
        # back to a view seen before: what was asked is reused
        Step("filter change back and forth (views seen before)", change.times[1:], FILTER_CHANGE_FLOOR_S),
    ]
    memory = peak_rss_mb()
    lines += [f"changed: {label}", *(s.line() for s in steps)]
    lines.append(
        f"app peak memory (RSS of this process so far): {memory:.0f} MB (floor {MEMORY_FLOOR_MB:.0f} MB) "
        + ("ok" if memory <= MEMORY_FLOOR_MB else "TOO MUCH")
    )
    lines += aggregate_lines(target, province)
    return lines, all(s.ratio <= 1.0 for s in steps) and memory <= MEMORY_FLOOR_MB


def run(db: Path, n_claims: int, keep: bool, pg: str | None) -> int:
    """Fill (unless ``db`` already holds the claims), measure SQLite and, given a URL, PostgreSQL; print and
    save; the exit code."""
    lines = [
        f"bench_million: {n_claims:,} synthetic claims; {os.cpu_count()} cores; python "
        f"{sys.version.split()[0]}; SQLAlchemy {sa.__version__}"
    ]
    ok = True
    try:
        print(lines[0], flush=True)
        found, held = measure_backend(str(db), "SQLite", n_claims, fresh=not db.exists())
        found.append(f"database file: {db.stat().st_size / 2**20:,.0f} MB")
        print("\n".join(found), flush=True)
        lines += found
        ok &= held
        if pg:
            found, held = measure_backend(pg, "PostgreSQL", n_claims, fresh=True)
            print("\n".join(found), flush=True)
            lines += found
            ok &= held
    except (RuntimeError, UserError) as exc:
        print("\n".join(lines), f"the app could not be measured: {exc}", sep="\n", file=sys.stderr)
        return 2
    finally:
        if not keep:
            for suffix in ("", "-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
    text = "\n".join(lines)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(text + "\n", encoding="utf-8")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    logging.disable(logging.WARNING)  # bare-mode notices of Streamlit outside a server are noise here
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1_000_000, help="synthetic claims to store")
    parser.add_argument("--db", type=Path, help="the SQLite file (filled when missing; default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--pg", help="an empty PostgreSQL database (postgresql://...) to fill and measure as well")
    args = parser.parse_args(argv)
    db = args.db or Path(tempfile.mkdtemp(prefix="bench_million_")) / "claims.sqlite"
    return run(db, args.claims, args.keep or args.db is not None, args.pg)


if __name__ == "__main__":
    sys.exit(main())
