"""Benchmark the dashboard's server side on 100,000 synthetic claims.

Fills a temporary SQLite database through the store (:func:`dashboard.store.database.connect` and
:func:`dashboard.store.database.write_articles`) with synthetic articles (random provinces such as
«یزد», programs such as «تبصره ۱۶», metrics, values, Jalali dates such as «۱۴۰۱/۰۶/۰۷» with
their ISO form, outlets), then runs the main page with ``streamlit.testing.v1.AppTest``:

* first load: a new session on emptied Streamlit caches, median of three (the first of them also
  imports the app's modules, as the first visitor after a server start does);
* filter change: the province filter (key ``f_province``) set to the busiest province and back,
  the page run again each time (median of five); a change that leaves the figures as they were
  is an error, not a fast run.

Floors: first load <= 3 s, filter change <= 0.5 s. Timings, their ratio to the floors and,
with ``--profile``, a cProfile of each step (overall, then the product's own functions) go to
stdout and to ``bench-results/dashboard.txt``. Usage::

    .venv/bin/python tests/bench/bench_dashboard.py [--claims 100000] [--articles 3000] [--profile]
    .venv/bin/python tests/bench/bench_dashboard.py --key f_status --value planned

Exit code 0 when both floors hold, 1 when one does not, 2 when the app could not be run.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import math
import os
import pstats
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import jdatetime  # noqa: E402

from dashboard.extract.schema import STATUSES  # noqa: E402
from dashboard.lang.taxonomy import NATIONAL, load_taxonomy  # noqa: E402
from dashboard.store.database import StoredArticle, connect, counts, write_articles  # noqa: E402

APP = REPO / "dashboard" / "app" / "main.py"
RESULTS = REPO / "bench-results" / "dashboard.txt"
FIRST_LOAD_FLOOR_S = 3.0
FILTER_CHANGE_FLOOR_S = 0.5
TABLE_PAGE = "views/claims.py"  # the claims table, as dashboard/app/main.py names it
SEARCH_WIDGET_KEY = "f_q"  # the free-text search box of dashboard/present/filters.py
DEFAULT_FILTER_KEY = "f_province"  # the province multiselect of dashboard/present/filters.py
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# Typical magnitudes per unit (the value is drawn log-uniformly between these).
UNIT_RANGES: dict[str, tuple[float, float]] = {
    "count": (1, 2e5),
    "IRR": (1e8, 5e14),
    "W": (1e3, 5e7),
    "Wh": (1e3, 1e9),
    "percent": (1, 100),
    "ha": (1, 5e4),
    "tonne": (1, 1e5),
    "m3": (10, 1e7),
    "km": (1, 5e3),
    "m2": (10, 1e6),
    "other": (1, 1e4),
}


def persian_digits(text: str) -> str:
    """ASCII digits as Persian ones: ``"1401/06/07"`` → ``"۱۴۰۱/۰۶/۰۷"``."""
    return text.translate(PERSIAN_DIGITS)


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return float(round(10 ** rng.uniform(math.log10(low), math.log10(high))))


def synthetic_articles(n_claims: int = 100_000, n_articles: int = 3_000, seed: int = 1402) -> list[StoredArticle]:
    """``n_articles`` synthetic articles holding ``n_claims`` claims in all, the same for the same seed.

    Dates spread over 2018-2026 (ISO in ``published``, Jalali with Persian digits in
    ``published_jalali``; one article in 20 has no date), outlets are «خبرگزاری نمونه ۷» style
    names, one claim in 4 is ``National``.
    """
    tax = load_taxonomy()
    rng = random.Random(seed)
    provinces = list(tax.provinces)
    programs = list(tax.programs)
    metrics = list(tax.metrics.values())
    outlets = [f"خبرگزاری نمونه {persian_digits(str(i))}" for i in range(1, 41)]
    first_day, span = date(2018, 3, 21), (date(2026, 11, 1) - date(2018, 3, 21)).days
    per_article = [n_claims // n_articles + (1 if i < n_claims % n_articles else 0) for i in range(n_articles)]
    articles: list[StoredArticle] = []
    for i, n in enumerate(per_article):
        document = f"synthetic_{i:05d}.txt"
        day = first_day + timedelta(days=rng.randrange(span))
        dated = rng.random() >= 0.05
        published = day.isoformat() if dated else ""
        jalali = persian_digits(jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")) if dated else ""
        source = rng.choice(outlets) if rng.random() >= 0.1 else ""
        home = rng.choice(provinces)
        title = f"گزارش عملکرد استان {tax.provinces[home].name_fa} ({persian_digits(str(i))})"
        claims = []
        for k in range(n):
            metric = rng.choice(metrics)
            unit = metric.unit if metric.unit in UNIT_RANGES else "count"
            value = _log_uniform(rng, *UNIT_RANGES[unit])
            mention = persian_digits(f"{int(value):,}".replace(",", "٬"))
            head = metric.heads[0] if metric.heads else metric.fa
            province = NATIONAL if rng.random() < 0.25 else (home if rng.random() < 0.7 else rng.choice(provinces))
            place = tax.provinces[province].name_fa if province in tax.provinces else tax.provinces[home].name_fa
            claims.append(
                {
                    "document": document,
                    "value": value,
                    "unit": unit,
                    "metric": metric.key,
                    "program": rng.choice(programs),
                    "province": province,
                    "status": rng.choice(STATUSES),
                    "published": published,
                    "source": source,
                    "metric_fa": head,
                    "qualifier": rng.choice(("", "", "حدود", "بیش از")),
                    "mention": mention,
                    "quote": (
                        f"به گفته مدیرکل استان {place}، از ابتدای سال تاکنون {mention} {head} در شهرستان‌های"
                        " استان با همکاری دستگاه‌های اجرایی ثبت شده و این روند تا پایان سال ادامه خواهد داشت."
                    ),
                    "start": 8 + 40 * k,
                    "end": 8 + 40 * k + len(mention),
                    "speaker": "",
                    "period": rng.choice(("cumulative", "period", "")),
                    "published_jalali": jalali,
                    "title": title,
                    "url": f"https://example.org/news/{i}",
                }
            )
        articles.append(
            StoredArticle(
                document=document,
                path=f"synthetic/{document}",
                text=" ".join(c["quote"] for c in claims),
                content_hash=f"synthetic-{seed}-{i}",
                metadata={"title": title, "published": published, "published_jalali": jalali, "source": source},
                claims=claims,
            )
        )
    return articles


def busiest_province(articles: list[StoredArticle]) -> str:
    """The province key (not ``National``) with the most claims: the default filter value."""
    tally = Counter(c["province"] for a in articles for c in a.claims if c["province"] != NATIONAL)
    return max(sorted(tally), key=tally.__getitem__)


def fill_database(path: Path, articles: list[StoredArticle], batch: int = 500) -> dict[str, int]:
    """Write ``articles`` into the database at ``path`` (created and migrated by the store); returns its counts."""
    conn = connect(path)
    try:
        for start in range(0, len(articles), batch):
            write_articles(conn, articles[start : start + batch])
        return counts(conn)
    finally:
        conn.close()


# --- running the page ---------------------------------------------------------------------


@dataclass
class Step:
    """One measured step: its name, wall times (s), the floor it must meet, and a profile text."""

    name: str
    times: list[float]
    floor: float
    profile: str = ""

    @property
    def seconds(self) -> float:
        """The step's time: the median over its runs."""
        return statistics.median(self.times)

    @property
    def ratio(self) -> float:
        """Time over floor: at most 1.0 meets the floor."""
        return self.seconds / self.floor

    def line(self) -> str:
        """``first load: 1.234 s (floor 3.0 s, ratio 0.41) ok``."""
        verdict = "ok" if self.ratio <= 1.0 else "TOO SLOW"
        runs = (
            ""
            if len(self.times) == 1
            else f", median of {len(self.times)}: " + " ".join(f"{t:.3f}" for t in self.times)
        )
        return f"{self.name}: {self.seconds:.3f} s (floor {self.floor} s, ratio {self.ratio:.2f}{runs}) {verdict}"


class _ScriptProfiler:
    """cProfile of the page's script thread (AppTest runs the script in a thread of its own)."""

    def __init__(self) -> None:
        from streamlit.testing.v1.local_script_runner import LocalScriptRunner

        self._cls = LocalScriptRunner
        self._original = LocalScriptRunner._run_script_thread
        self.profile: cProfile.Profile | None = None

    def __enter__(self) -> _ScriptProfiler:
        original, owner = self._original, self

        def profiled(runner: object) -> None:
            prof = cProfile.Profile()
            owner.profile = prof
            prof.enable()
            try:
                original(runner)
            finally:
                prof.disable()

        self._cls._run_script_thread = profiled  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        self._cls._run_script_thread = self._original  # type: ignore[method-assign]

    def report(self, limit: int = 25) -> str:
        """The ``limit`` costliest calls by cumulative time, then the product's own costliest functions."""
        if self.profile is None:
            return "(no profile)"
        out = io.StringIO()
        pstats.Stats(self.profile, stream=out).strip_dirs().sort_stats("cumulative").print_stats(limit)
        out.write(
            "(cProfile sees every thread: time.sleep above is AppTest's own thread waiting for the page)\n"
            "\n--- the product's own code (dashboard/), by cumulative time ---\n"
        )
        own = pstats.Stats(self.profile, stream=out).sort_stats("cumulative")
        own.print_stats(rf"{re.escape(str(REPO / 'dashboard'))}", limit)
        return out.getvalue()


def _timed(run: Callable[[], object], profile: bool) -> tuple[float, str]:
    if not profile:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start, ""
    with _ScriptProfiler() as prof:
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
    return elapsed, prof.report()


def _check(at: Any, what: str) -> None:
    """Raise when the page ended in an exception (a broken page must not pass as a fast one)."""
    exceptions = list(getattr(at, "exception", []))
    if exceptions:
        raise RuntimeError(f"the page raised during {what}: " + "; ".join(str(e.value) for e in exceptions))


def fingerprint(at: Any) -> tuple[str, ...]:
    """What the page shows in its key figures and headings, to tell that a filter change took effect."""
    return tuple(str(m.value) for m in at.metric) + tuple(str(h.value) for h in at.subheader)


def pick_filter(at: Any, key: str | None = None, value: str | None = None) -> tuple[str, int, Any]:
    """Which widget to change and to what: ``(kind, index, new value)``.

    ``key``/``value`` when given; else the province filter (key ``f_province``), or failing that
    the first multiselect or selectbox, set to an option it does not hold now (a province such
    as «یزد» instead of all of them).
    """
    wanted = key or DEFAULT_FILTER_KEY
    candidates = [
        (kind, index, widget)
        for kind in ("multiselect", "selectbox")
        for index, widget in enumerate(getattr(at, kind))
        if widget.key == wanted or key is None
    ]
    candidates.sort(key=lambda c: c[2].key != wanted)  # the wanted key first, then page order
    for kind, index, widget in candidates:
        many = kind == "multiselect"
        if value is not None:
            return kind, index, [value] if many else value
        current = widget.value if not many else list(widget.value)
        others = [o for o in widget.options if (o not in current if many else o != current)]
        if others:
            choice = others[len(others) // 2]
            return kind, index, [choice] if many else choice
    raise RuntimeError(f"no filter widget to change on the page (key={key!r})")


def measure(
    db: Path,
    app: Path = APP,
    key: str | None = None,
    value: str | None = None,
    repeats: int = 5,
    loads: int = 3,
    profile: bool = False,
    table_page: str | None = TABLE_PAGE,
    search: str | None = None,
) -> tuple[list[Step], str]:
    """Time the page's first load and a filter change against ``db``; returns the steps and which widget changed.

    First load: ``loads`` new sessions, each with Streamlit's caches emptied (the first one also
    pays for importing the app's modules, as the first visitor after a server start does); the
    median counts. The filter change alternates between the new value and the original one, so
    every timed run really changes the filter. With ``search``, free-text searches for it are timed
    too; with ``table_page`` (a page script relative to ``dashboard/``), opening that page and the
    same filter change on it.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    logging.disable(logging.WARNING)  # bare-mode notices ("No runtime found", "missing ScriptRunContext") are noise
    os.environ["CLAIMS_DB"] = str(db)
    first: list[float] = []
    first_prof = ""
    for i in range(max(1, loads)):
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(app), default_timeout=120)
        elapsed, text = _timed(at.run, profile and i == 0)
        _check(at, f"first load {i + 1}")
        first.append(elapsed)
        first_prof = first_prof or text
    kind, index, new_value = pick_filter(at, key, value)
    widget = getattr(at, kind)[index]
    original = widget.value
    label = f"{kind} key={widget.key!r} label={widget.label!r}: {original!r} → {new_value!r}"
    changes, change_prof = _filter_changes(at, kind, index, (new_value, original), repeats, profile, label)
    steps = [
        Step("first load", first, FIRST_LOAD_FLOOR_S, first_prof),
        Step("filter change", changes, FILTER_CHANGE_FLOOR_S, change_prof),
    ]
    if search:
        getattr(at, kind)[index].set_value(original).run()  # search every claim, not one province's
        steps += _search_steps(at, search, repeats, profile)
    if table_page:
        # The claims table page, reached from the main page as a user does (its caches are warm then).
        opened, open_prof = _timed(lambda: at.switch_page(table_page).run(), profile)
        _check(at, f"opening {table_page}")
        kind, index, _ = pick_filter(at, getattr(widget, "key", None), None)
        kept = getattr(at, kind)[index].value  # filters follow the user from page to page
        order = (original, new_value) if kept == new_value or kept == list(new_value or []) else (new_value, original)
        times, prof = _filter_changes(at, kind, index, order, repeats, profile, label)
        steps += [
            Step(f"open {table_page}", [opened], FIRST_LOAD_FLOOR_S, open_prof),
            Step(f"filter change on {table_page}", times, FILTER_CHANGE_FLOOR_S, prof),
        ]
    return steps, label


def _search_steps(at: Any, word: str, repeats: int, profile: bool) -> list[Step]:
    """Time free-text searches for ``word`` (e.g. «صندوق»): the first one (which may build the search
    text of every claim) and then search/clear alternations; the box is left empty afterwards."""
    found = [i for i, w in enumerate(at.text_input) if w.key == SEARCH_WIDGET_KEY]
    if not found:
        raise RuntimeError(f"no search box (key {SEARCH_WIDGET_KEY!r}) on the page")
    label = f"text_input key={SEARCH_WIDGET_KEY!r}: '' → {word!r}"
    times, prof = _filter_changes(at, "text_input", found[0], (word, ""), repeats + 1, profile, label)
    if len(times) % 2:  # leave the search box empty for what follows
        at.text_input(key=SEARCH_WIDGET_KEY).set_value("").run()
    return [
        Step("first text search", times[:1], FILTER_CHANGE_FLOOR_S, prof),
        Step("text search", times[1:], FILTER_CHANGE_FLOOR_S),
    ]


def _filter_changes(
    at: Any, kind: str, index: int, values: tuple[Any, Any], repeats: int, profile: bool, label: str
) -> tuple[list[float], str]:
    """Set the widget to ``values[0]``, ``values[1]``, ``values[0]``... and time each run of the page."""
    times: list[float] = []
    prof_text = ""
    for i in range(repeats):
        before = fingerprint(at)
        getattr(at, kind)[index].set_value(values[i % 2])
        elapsed, text = _timed(at.run, profile and i == 0)
        _check(at, f"filter change {i + 1}")
        if fingerprint(at) == before:
            raise RuntimeError(f"changing {label} left the page's figures as they were: the filter did nothing")
        times.append(elapsed)
        prof_text = prof_text or text
    return times, prof_text


def main(argv: list[str] | None = None) -> int:
    """Build the synthetic database, time the page, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="synthetic claims (default 100000)")
    parser.add_argument("--articles", type=int, default=3_000, help="synthetic articles (default 3000)")
    parser.add_argument("--app", type=Path, default=APP, help="the page script (default dashboard/app/main.py)")
    parser.add_argument("--key", help=f"key of the filter widget to change (default {DEFAULT_FILTER_KEY})")
    parser.add_argument(
        "--value", help="the value to set (default: the busiest province; for another key an option mid-list)"
    )
    parser.add_argument("--repeats", type=int, default=5, help="filter changes to time (default 5)")
    parser.add_argument("--loads", type=int, default=3, help="first loads to time, caches emptied each (default 3)")
    parser.add_argument(
        "--table-page",
        default=TABLE_PAGE,
        help=f"page also timed after the main one (default {TABLE_PAGE}; '' for none)",
    )
    parser.add_argument("--search", help="word to search for (default: the commonest head noun; '' for none)")
    parser.add_argument("--profile", action="store_true", help="add a cProfile of each step to the report")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"report file (default {RESULTS.relative_to(REPO)})")
    args = parser.parse_args(argv)
    if args.claims < 1 or args.articles < 1 or args.repeats < 1 or args.loads < 1:
        parser.error("--claims, --articles, --repeats and --loads must be at least 1")
    if not args.app.exists():
        print(f"error: {args.app} does not exist: nothing to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-dashboard-") as tmp:
        db = Path(tmp) / "claims.sqlite"
        start = time.perf_counter()
        try:
            articles = synthetic_articles(args.claims, args.articles)
            stored = fill_database(db, articles)
        except Exception as exc:  # e.g. the store's schema moved on: say so in one line
            print(f"error: could not fill the synthetic database {db}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2
        if args.key in (None, DEFAULT_FILTER_KEY) and args.value is None:
            args.value = busiest_province(articles)
        if args.search is None:
            args.search = Counter(c["metric_fa"] for a in articles for c in a.claims).most_common(1)[0][0]
        fill_s = time.perf_counter() - start
        try:
            steps, label = measure(
                db,
                args.app,
                key=args.key,
                value=args.value,
                repeats=args.repeats,
                loads=args.loads,
                profile=args.profile,
                table_page=args.table_page or None,
                search=args.search or None,
            )
        except Exception as exc:  # the report must say why, not end in a traceback
            print(f"error: could not run {args.app}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2
    lines = [
        f"dashboard benchmark, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
        f"data: {stored['claims']} claims in {stored['articles']} articles (filled in {fill_s:.1f} s)",
        f"filter changed: {label}",
        *(step.line() for step in steps),
    ]
    report = "\n".join(lines)
    if args.profile:
        report += "".join(f"\n\n--- profile: {step.name} ---\n{step.profile}" for step in steps)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    return 0 if all(step.ratio <= 1.0 for step in steps) else 1


if __name__ == "__main__":
    sys.exit(main())
