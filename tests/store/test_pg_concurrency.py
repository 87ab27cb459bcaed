"""Several ingests writing into one PostgreSQL database at once, as a newsroom's machines do.

Two ``python -m dashboard ingest`` processes each read 2,000 generated articles («... ۱۲۰ فرصت شغلی در
روستاهای یزد ایجاد شد ...»), half of them the same articles as the other's, into one database. What
they leave must be what one ingest of the union leaves: the same article keys, content hashes and
claim rows, each article once and whole. Killing one of them with ``kill -9`` in the middle loses
nothing it committed, leaves no half article, and running it again completes the set.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier

import pytest
from ingest_corpus import article_text, start_ingest, write_corpus

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.store import database as store
from dashboard.store.ingest import ingest
from dashboard.store.migrations import LATEST_VERSION

EACH = 2000  # articles per ingest
OVERLAP = EACH // 2  # articles both ingests read
REPORT = re.compile(r"articles: (\d+) new, (\d+) unchanged, (\d+) replaced, (\d+) skipped")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """Two machines' folders (articles 0-1999 and 1000-2999) and one folder of their union."""
    root = tmp_path_factory.mktemp("machines")
    write_corpus(root / "first", EACH)
    write_corpus(root / "second", EACH, start=EACH - OVERLAP)
    write_corpus(root / "union", 2 * EACH - OVERLAP)
    return {name: root / name for name in ("first", "second", "union")}


@pytest.fixture(scope="module")
def union(corpus, tmp_path_factory) -> tuple[dict[str, str], Counter]:
    """What one ingest of the union stores (into SQLite: the backends must agree too)."""
    db = tmp_path_factory.mktemp("union") / "union.sqlite"
    report = ingest([corpus["union"]], db, workers=1, progress=False)
    assert report.new == 2 * EACH - OVERLAP and report.clean
    return holdings(str(db))


def holdings(db: str) -> tuple[dict[str, str], Counter]:
    """Each stored article's content hash by its key, and every claim row (without ids, paths or times)."""
    with store.connect(db) as conn:
        hashes = dict(store.run(conn, "SELECT key, content_hash FROM articles").fetchall())
        frame = store.claims_frame(conn)
    rows = Counter(frame[list(CLAIM_COLUMNS)].itertuples(index=False, name=None))
    return hashes, rows


def finish(proc: subprocess.Popen) -> tuple[int, int, int, int]:
    """The finished ingest's (new, unchanged, replaced, skipped)."""
    out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    found = REPORT.search(out)
    assert found, out
    new, unchanged, replaced, skipped = (int(n) for n in found.groups())
    return new, unchanged, replaced, skipped


def stored(db: str) -> dict[str, int]:
    """Each stored article's row id by its key."""
    with store.connect(db) as conn:
        return dict(store.run(conn, "SELECT key, id FROM articles").fetchall())


def test_two_ingests_at_once_store_what_one_ingest_of_the_union_stores(pg_url, corpus, union):
    first, second = start_ingest(corpus["first"], pg_url, workers=1), start_ingest(corpus["second"], pg_url, workers=1)
    a, b = finish(first), finish(second)
    assert a[0] + b[0] == 2 * EACH - OVERLAP  # every article stored by exactly one of them
    assert a[1] + b[1] == OVERLAP  # ... and found unchanged by the other
    assert a[2] == b[2] == a[3] == b[3] == 0
    hashes, rows = holdings(pg_url)
    assert hashes == union[0]
    assert rows == union[1]


def test_kill_9_of_one_ingest_loses_nothing_it_committed_and_a_second_run_completes_the_set(pg_url, corpus, union):
    victim, other = start_ingest(corpus["first"], pg_url, workers=1), start_ingest(corpus["second"], pg_url, workers=1)
    deadline = time.monotonic() + 300
    while len(stored(pg_url)) < EACH // 4 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(victim.pid, signal.SIGKILL)
    victim.communicate()
    at_kill = stored(pg_url)
    finish(other)
    after_other = stored(pg_url)
    assert len(at_kill) < 2 * EACH - OVERLAP, "the ingest was not caught in the middle"
    assert at_kill.items() <= after_other.items()  # what was committed stays, as it was written

    # no half article: each stored one has exactly the claims the union's ingest gave it
    hashes, rows = holdings(pg_url)
    assert hashes.items() <= union[0].items()
    assert rows == Counter({row: n for row, n in union[1].items() if row[0] in hashes})  # document = key here

    new, unchanged, replaced, skipped = finish(start_ingest(corpus["first"], pg_url, workers=1))
    assert (replaced, skipped) == (0, 0) and new + unchanged == EACH
    assert stored(pg_url).items() >= after_other.items()
    assert holdings(pg_url) == union


def test_a_changed_article_read_by_two_ingests_at_once_replaces_its_claims_once(pg_url, tmp_path):
    folder = tmp_path / "shared"  # one folder both machines read (a network share)
    write_corpus(folder, 200)
    assert finish(start_ingest(folder, pg_url, workers=1))[0] == 200
    for i in range(0, 200, 2):  # a correction of every other article
        (folder / f"news_{i:04d}.txt").write_text(article_text(i, salt=3), encoding="utf-8")
    a, b = [finish(p) for p in [start_ingest(folder, pg_url, workers=1), start_ingest(folder, pg_url, workers=1)]]
    assert a[2] + b[2] == 100  # each corrected article replaced once, by one of them
    assert a[1] + b[1] == 300  # ... found unchanged by the other, as the articles not corrected by both
    assert a[0] == b[0] == 0
    clean = tmp_path / "clean.sqlite"
    ingest([folder], clean, workers=1, progress=False)
    assert holdings(pg_url) == holdings(str(clean))


def test_processes_that_open_one_new_database_at_once_all_find_it_made(pg_url):
    """Machines that start at once on an empty database race to create its tables: the one that loses
    runs its transaction again and finds the tables made, instead of failing on «already exists»."""
    start = Barrier(4)

    def open_it(_n: int) -> int:
        start.wait()
        conn = store.connect(pg_url)
        try:
            return store.schema_version(conn)
        finally:
            conn.close()

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_it, range(4))) == [LATEST_VERSION] * 4
