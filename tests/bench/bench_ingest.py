"""Benchmark the ingest: articles per second on one core and on all cores, and peak memory.

Builds a corpus of 20,000 articles (``--articles``) by varying the shared articles
(``../shared/corpus/dev`` and ``../shared/seeds``, read at run time): every variant changes the
figures (``۱۸۰ هزار`` becomes ``۱۸۷ هزار``...) and swaps the province named (``یزد`` for
``اردبیل``), and is written as a ``.txt`` file, as a record of a JSONL batch, or (for the pages) as ``.html``, into a
temporary folder. Then it ingests that folder into fresh temporary databases, each run in
its own process so memory is measured per run:

* 1 worker (extraction in the ingesting process) and all cores, alternately, twice each
  (``--repeats``); the fastest run of each counts, as the one least slowed by other programs;
* all cores on a fifth of the corpus too, to show memory stays flat as the corpus grows.

Floors: all cores at least 1.8 times as fast as one (on 2 cores); peak RSS of every
process at most 300 MB. The report also says how much speed-up the machine itself gave a
pure CPU loop just before and after, since a busy machine cannot show a 2x speed-up.
Results go to stdout and to ``bench-results/ingest.txt``. Usage::

    .venv/bin/python tests/bench/bench_ingest.py [--articles 20000] [--workers N]

Each run pays a fixed start of about 1 s (the extractor builds its lexicon and patterns)
before its first article, with one worker as with many (the workers share the tables the
main process built); the corpus is large enough that the rates measure the steady work.

Exit code 0 when the floors hold, 1 when one does not.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from dashboard.lang.taxonomy import load_taxonomy  # noqa: E402
from dashboard.read.article import Article  # noqa: E402
from dashboard.read.inputs import iter_articles  # noqa: E402
from dashboard.store.ingest import default_workers, ingest  # noqa: E402

SHARED = REPO.parent / "shared"
SOURCES = (SHARED / "corpus" / "dev", SHARED / "seeds")
RESULTS = REPO / "bench-results" / "ingest.txt"
SPEEDUP_FLOOR = 1.8
RSS_FLOOR_MB = 300.0
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
NUMBER = re.compile(r"[۰-۹]+|[0-9]+")
TAG = re.compile(r"(<[^>]*>)")
JSONL_SHARE = 5  # every 5th variant of a plain article goes into a JSONL batch
JSONL_BATCH = 250  # records per batch file


def _shift(match: re.Match[str], k: int) -> str:
    """A figure changed by variant ``k``, in the same digits. Numbers of one or two digits (days,
    months, hours) and years stay, so dates and times stay valid."""
    digits = match.group(0)
    persian = digits[0] in PERSIAN_DIGITS
    ascii_digits = digits.translate(str.maketrans(PERSIAN_DIGITS, "0123456789"))
    if len(ascii_digits) < 3 or (len(ascii_digits) == 4 and ascii_digits.startswith(("13", "14", "20"))):
        return digits
    changed = str(int(ascii_digits) + k % 9 + 1) if len(ascii_digits) < 12 else ascii_digits
    return changed.translate(str.maketrans("0123456789", PERSIAN_DIGITS)) if persian else changed


def vary(text: str, k: int, provinces: list[str]) -> str:
    """Variant ``k`` of a text or page: its figures shifted and one province name swapped for
    another; markup (tags and their attributes) is left as it is.

    >>> vary("۵۸۲ صندوق در یزد", 1, ["یزد", "اردبیل"])
    '۵۸۴ صندوق در اردبیل'
    >>> vary('<time datetime="2023-11-28">۷ آذر ۱۴۰۲</time> ۱۲۰ شغل', 1, [])
    '<time datetime="2023-11-28">۷ آذر ۱۴۰۲</time> ۱۲۲ شغل'
    """
    parts = TAG.split(text)
    out = "".join(part if TAG.fullmatch(part) else NUMBER.sub(lambda m: _shift(m, k), part) for part in parts)
    for i, name in enumerate(provinces):
        if name in out:
            return out.replace(name, provinces[(i + k) % len(provinces)], 1)
    return out


def base_articles() -> tuple[list[Article], list[tuple[str, str]]]:
    """The shared articles as the reader gives them, and the raw HTML pages (name, markup)."""
    articles = [a for a in iter_articles(SOURCES) if isinstance(a, Article)]
    pages = [(p.stem, p.read_text(encoding="utf-8")) for src in SOURCES for p in sorted(src.glob("*.htm*"))]
    return articles, pages


def build_corpus(folder: Path, n: int) -> int:
    """Write ``n`` varied articles under ``folder``; returns how many were written."""
    articles, pages = base_articles()
    if not articles:
        raise SystemExit(f"error: no articles found under {', '.join(map(str, SOURCES))}")
    provinces = [p.name_fa for p in load_taxonomy().provinces.values()]
    folder.mkdir(parents=True, exist_ok=True)
    batch: list[str] = []
    batches = 0
    for k in range(n):
        if pages and k % 40 == 0:
            stem, markup = pages[(k // 40) % len(pages)]
            (folder / f"{stem}_v{k:05d}.html").write_text(vary(markup, k, provinces), encoding="utf-8")
            continue
        base = articles[k % len(articles)]
        text = vary(base.text, k // len(articles) + 1, provinces)
        if k % JSONL_SHARE == 0:
            record = {"id": f"v{k:05d}", "title": base.title or "", "published": base.published, "body": text}
            batch.append(json.dumps(record, ensure_ascii=False))
            if len(batch) >= JSONL_BATCH:
                (folder / f"batch_{batches:03d}.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
                batch, batches = [], batches + 1
        else:
            (folder / f"{Path(base.document).stem.replace('#', '_')}_v{k:05d}.txt").write_text(text, encoding="utf-8")
    if batch:
        (folder / f"batch_{batches:03d}.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
    return n


def run_one(folder: str, db: str, workers: int) -> None:
    """Ingest ``folder`` into ``db`` here and print the measurements as one JSON line."""
    start = time.perf_counter()
    report = ingest([folder], db, workers=workers, progress=False)
    seconds = time.perf_counter() - start
    own_usage = resource.getrusage(resource.RUSAGE_SELF)
    child_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    own, children = own_usage.ru_maxrss / 1024, child_usage.ru_maxrss / 1024
    print(
        json.dumps(
            {
                "workers": workers,
                "seconds": seconds,
                "stored": report.new + report.replaced,
                "claims": report.claims_stored,
                "problems": len(report.problems),
                "rss_main_mb": own,
                "rss_worker_mb": children,
                "cpu_main_s": own_usage.ru_utime + own_usage.ru_stime,
                "cpu_workers_s": child_usage.ru_utime + child_usage.ru_stime,
                "load": os.getloadavg()[0],
            }
        )
    )


def measure(folder: Path, workers: int) -> dict[str, float]:
    """One ingest of ``folder`` into a fresh database, in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="bench-ingest-db-") as tmp:
        done = subprocess.run(
            [sys.executable, __file__, "--run-one", str(folder), str(Path(tmp) / "claims.sqlite"), str(workers)],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"error: the ingest with {workers} workers failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(label: str, result: dict[str, float]) -> str:
    return (
        f"{label}: {result['stored']:.0f} articles, {result['claims']:.0f} claims in {result['seconds']:.1f} s "
        f"= {rate(result):.1f} articles/s; peak RSS main {result['rss_main_mb']:.0f} MB, "
        f"largest worker {result['rss_worker_mb']:.0f} MB; CPU main {result['cpu_main_s']:.1f} s, "
        f"workers {result['cpu_workers_s']:.1f} s; load average at the end {result['load']:.1f}; "
        f"problems {result['problems']:.0f}"
    )


def _burn(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def machine_speedup(workers: int, n: int = 5_000_000) -> float:
    """How much faster ``workers`` copies of a pure CPU loop finish than one, right now.

    2.0 on an idle 2-core machine; less when other programs hold the cores. It says how much
    of the ingest's speed-up the machine could give at the time of the runs.
    """
    one = _burn(n)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_burn, [1000] * workers)  # processes started before timing
        start = time.perf_counter()
        pool.map(_burn, [n] * workers)
        many = time.perf_counter() - start
    return workers * one / many


def code_revision() -> str:
    """The commit the measured code is at, and whether ``dashboard/`` has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "dashboard"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + (" with uncommitted changes in dashboard/" if dirty else "")


def rate(result: dict[str, float]) -> float:
    return result["stored"] / result["seconds"]


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, run the ingests, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="articles to generate (default 20000)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="all cores (default: usable cores)")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each setting; the fastest counts (default 2)")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"report file (default {RESULTS.relative_to(REPO)})")
    parser.add_argument("--run-one", nargs=3, metavar=("FOLDER", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_one:
        run_one(args.run_one[0], args.run_one[1], int(args.run_one[2]))
        return 0
    load_before = os.getloadavg()[0]
    machine_before = machine_speedup(args.workers)
    runs: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        start = time.perf_counter()
        build_corpus(big, args.articles)
        build_corpus(small, args.articles // 5)
        built_s = time.perf_counter() - start
        serials, parallels = [], []
        for repeat in range(1, max(1, args.repeats) + 1):  # alternate, so a busy spell hits both settings
            serials.append(measure(big, 1))
            runs.append(line(f"run {repeat}, 1 worker", serials[-1]))
            parallels.append(measure(big, args.workers))
            runs.append(line(f"run {repeat}, {args.workers} workers", parallels[-1]))
        fifth = measure(small, args.workers)
    machine_after = machine_speedup(args.workers)
    serial, parallel = max(serials, key=rate), max(parallels, key=rate)
    speedup = rate(parallel) / rate(serial)
    everything = [*serials, *parallels, fifth]
    peak = max(r[k] for r in everything for k in ("rss_main_mb", "rss_worker_mb"))
    growth = max(parallel["rss_main_mb"], parallel["rss_worker_mb"]) - max(fifth["rss_main_mb"], fifth["rss_worker_mb"])
    speedup_ok = speedup >= SPEEDUP_FLOOR or args.workers < 2
    rss_ok = peak <= RSS_FLOOR_MB
    lines = [
        f"ingest benchmark, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, {os.cpu_count()} cores, "
        f"load average before {load_before:.1f}; code {code_revision()}",
        f"corpus: {args.articles} articles varied from {', '.join(str(s) for s in SOURCES)} (built in {built_s:.1f} s)",
        *runs,
        line(f"{args.workers} workers, {args.articles // 5} articles", fifth),
        f"1 worker (fastest run): {rate(serial):.1f} articles/s",
        f"{args.workers} workers (fastest run): {rate(parallel):.1f} articles/s",
        f"speed-up {args.workers} workers / 1 worker: {speedup:.2f}x (floor {SPEEDUP_FLOOR}x on 2+ cores): "
        + ("ok" if speedup_ok else "BELOW FLOOR"),
        f"speed-up the machine gave a pure CPU loop on {args.workers} processes: {machine_before:.2f}x before the "
        f"runs, {machine_after:.2f}x after (2.0 when the cores are free; other programs were using them otherwise)",
        f"peak RSS of any process: {peak:.0f} MB (floor {RSS_FLOOR_MB:.0f} MB): " + ("ok" if rss_ok else "ABOVE FLOOR"),
        f"peak RSS growth from {args.articles // 5} to {args.articles} articles: {growth:+.0f} MB",
    ]
    report = "\n".join(lines)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report + "\n", encoding="utf-8")
    return 0 if speedup_ok and rss_ok else 1


if __name__ == "__main__":
    sys.exit(main())
