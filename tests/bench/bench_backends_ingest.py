"""Benchmark the ingest on both backends: articles per second into SQLite and into PostgreSQL, with 1 and 2 workers.

Writes ``--articles`` generated news articles (3,000 by default; «... امسال ۱۲۰ فرصت شغلی در روستاهای
استان ایجاد شد ...», see ``tests/ingest_corpus.py``) into a temporary folder, then ingests the folder
into a fresh database of each backend, once per worker count. On PostgreSQL it also runs two ingest
processes at once (one worker each, half of the folder each), as two machines of a newsroom would.
Each run pays the extractor's start (about 1 s) as a real ingest does.

PostgreSQL is the server of ``--pg URL`` (or ``$CLAIMS_TEST_PG``); without one, the throw-away
server of ``scripts/pg-test-server.sh`` is started for the run and stopped after it (it runs with
fsync off, so its figures are those of a fast disk). Results go to stdout and to
``bench-results/ingest_backends.txt``. Usage::

    .venv/bin/python tests/bench/bench_backends_ingest.py [--articles 3000] [--pg postgresql://...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
for place in (REPO, REPO / "tests"):
    if str(place) not in sys.path:
        sys.path.insert(0, str(place))

from ingest_corpus import write_corpus  # noqa: E402
from pg_server import SCRIPT, drop_database, fresh_database  # noqa: E402

from dashboard.store import database as store  # noqa: E402

RESULTS = REPO / "bench-results" / "ingest_backends.txt"


@contextmanager
def postgres(given: str) -> Iterator[str]:
    """The URL of a PostgreSQL server: the one given, else a throw-away one for this run."""
    if given:
        yield given
        return
    folder = tempfile.mkdtemp(prefix="bench-pg-")
    os.chmod(folder, 0o755)
    server = os.path.join(folder, "server")
    started = subprocess.run(["bash", str(SCRIPT), "start", server], capture_output=True, text=True, check=False)
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise SystemExit(f"bench: no PostgreSQL server: {started.stderr.strip()}")
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", server], capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def ingest_command(folder: Path, db: str, workers: int) -> list[str]:
    return [sys.executable, "-m", "dashboard", "ingest", str(folder), "--db", db, "--workers", str(workers), "--quiet"]


def timed(commands: list[list[str]]) -> float:
    """Run the ingest commands at once; the seconds until the last one ends."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    procs = [subprocess.Popen(c, cwd=REPO, env=env, stderr=subprocess.PIPE, text=True) for c in commands]
    for proc in procs:
        _, err = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"bench: ingest failed: {err.strip()}")
    return time.perf_counter() - started


def stored(db: str) -> int:
    with store.connect(db) as conn:
        return store.counts(conn)["articles"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--pg", default=os.environ.get("CLAIMS_TEST_PG", ""), help="a PostgreSQL server's URL")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-backends-"))
    lines = [f"ingest of {args.articles} generated articles, {os.cpu_count()} cores; articles per second"]
    try:
        corpus = work / "news"
        write_corpus(corpus, args.articles)
        halves = [work / "first", work / "second"]
        for half, start in zip(halves, (0, args.articles // 2), strict=True):
            write_corpus(half, args.articles // 2, start=start)
        with postgres(args.pg) as server:
            runs: list[tuple[str, str, list[Path], int]] = [
                (backend, f"{workers} worker{'s' if workers > 1 else ''}", [corpus], workers)
                for backend in ("sqlite", "postgresql")
                for workers in (1, 2)
            ]
            runs.append(("postgresql", "2 ingests at once, 1 worker each", halves, 1))
            for n, (backend, label, folders, workers) in enumerate(runs):
                db = str(work / f"run{n}.sqlite") if backend == "sqlite" else fresh_database(server)
                try:
                    seconds = timed([ingest_command(folder, db, workers) for folder in folders])
                    count = stored(db)
                finally:
                    if backend == "postgresql":
                        drop_database(server, db)
                line = f"{backend:<11} {label:<34} {count / seconds:7.0f} /s  ({count} articles in {seconds:.1f} s)"
                print(line, flush=True)
                lines.append(line)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
