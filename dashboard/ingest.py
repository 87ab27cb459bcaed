"""Ingest: read folders of articles, extract their claims on all cores, store each article once.

The main process streams articles from :func:`dashboard.readers.iter_articles`, skips
those whose stored ``content_hash`` is unchanged, and hands the rest to worker processes
that run :func:`dashboard.extract.extract_article`; it is the only writer, storing whole
articles in batches (one transaction per batch, each article complete in it). So:

- feeding the same files again adds nothing (``unchanged``);
- an article whose text or metadata changed has its claims replaced (``replaced``);
- killing the process at any moment leaves whole articles only, and running the same
  ingest again stores what was missing;
- a file or record that cannot be read, or an article the extractor fails on, becomes one
  line in ``problems`` naming the file and the record (``skipped``), and the rest goes on.

An article's identity is its ``document`` name (``a01.txt``, ``batch.jsonl#b13``). Within
one ingest, a second article with a name already read and different content is skipped
with a problem line (two folders both holding a different ``a01.txt``); in a later
ingest, a changed article with a known name replaces the stored one.

>>> report = IngestReport(new=2, unchanged=1)
>>> report.summary_lines()[0]
'articles: 2 new, 1 unchanged, 0 replaced, 0 skipped'
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dashboard import store
from dashboard.article import Article, ReadProblem

DEFAULT_MAX_BYTES = 20 * 2**20
BATCH_ARTICLES = 64  # articles per write transaction
BATCH_SECONDS = 1.0  # ...or fewer when this much time passed since the last write
CHUNK_ARTICLES = 8  # articles per task sent to a worker process
CHUNKS_PER_WORKER = 3  # tasks in flight per worker: bounds memory, keeps workers busy


@dataclass
class IngestReport:
    """What one ingest did. ``skipped`` counts the problems: inputs or articles not stored."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: int = 0
    claims_stored: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles_read(self) -> int:
        """Articles seen, stored or not (a file that could not be read at all counts once)."""
        return self.new + self.unchanged + self.replaced + self.skipped

    def counts(self) -> dict[str, Any]:
        """The counts as a dict, without the problem lines."""
        data = asdict(self)
        data.pop("problems")
        data["seconds"] = round(self.seconds, 3)
        return data

    def problem(self, line: str) -> None:
        """Record one problem: an input or article not stored."""
        self.skipped += 1
        self.problems.append(line)

    def summary_lines(self) -> list[str]:
        """The short human report: counts, then the problems one per line."""
        lines = [
            f"articles: {self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, {self.skipped} skipped",
            f"claims stored: {self.claims_stored}",
        ]
        if self.problems:
            lines.append(f"problems ({len(self.problems)}):")
            lines.extend(f"  {line}" for line in self.problems)
        return lines


def content_hash(article: Article) -> str:
    """A hash of everything that decides an article's claims: its text and the input's metadata.

    >>> a = Article(document="a01.txt", text="۵۸۲ صندوق", path="news/a01.txt")
    >>> content_hash(a) == content_hash(Article(document="a01.txt", text="۵۸۲ صندوق", path="old/a01.txt"))
    True
    >>> content_hash(a) == content_hash(Article(document="a01.txt", text="۵۸۳ صندوق", path="news/a01.txt"))
    False
    """
    payload = json.dumps(
        [article.text, article.title, article.published, article.source, article.url, article.meta],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --- extraction (runs in worker processes) ------------------------------------------------

Job = tuple[Article, str]  # an article and its content hash
Result = tuple[store.StoredArticle | None, str | None]  # what to store, or a problem line


def _describe(article: Article) -> str:
    """``path: document`` for a record of a many-article file, just the path otherwise."""
    if Path(article.path).name == article.document:
        return article.path
    return f"{article.path}: {article.document}"


def extract_one(job: Job) -> Result:
    """Extract one article's claims and metadata; any failure becomes a problem line."""
    from dashboard.extract import article_metadata, extract_article

    article, digest = job
    try:
        claims = [dict(claim) for claim in extract_article(article)]
        for claim in claims:
            claim.setdefault("document", article.document)
            store.claim_row(claim)  # a claim the table cannot take fails here, not in the batch write
        metadata = dict(article_metadata(article))
    except Exception as exc:  # the extractor's bug must not stop the ingest
        return None, f"{_describe(article)}: extraction failed: {type(exc).__name__}: {exc}"
    stored = store.StoredArticle(
        document=article.document,
        path=article.path,
        text=article.text,
        content_hash=digest,
        meta=dict(article.meta),
        metadata=metadata,
        claims=claims,
    )
    return stored, None


def _extract_chunk(jobs: list[Job]) -> list[Result]:
    return [extract_one(job) for job in jobs]


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork where the platform has it (workers start at once with the warmed-up extractor), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool. Native libraries (numpy's BLAS, Arrow) keep idle threads in this process,
    which makes Python warn at fork; the workers only run the extractor, which uses neither, so
    that warning is silenced here and only here."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r".*use of fork\(\) may lead to deadlocks", category=DeprecationWarning
        )
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            yield pool


def extract_stream(jobs: Iterable[Job], workers: int) -> Iterator[Result]:
    """Results for ``jobs``, extracted by ``workers`` processes (in this process when 1).

    Pulls jobs lazily and keeps at most a few chunks per worker in flight, so memory stays
    flat however long the input is. Results come in completion order. When a worker
    process dies, the articles that were in flight are retried one by one in a fresh
    process, so only the article that kills its process becomes a problem line.
    """
    if workers <= 1:
        yield from map(extract_one, jobs)
        return
    chunks = _chunks(jobs, CHUNK_ARTICLES)
    limit = workers * CHUNKS_PER_WORKER
    exhausted = False
    while not exhausted:
        suspects: list[Job] = []
        with _pool(workers) as pool:
            pending: dict[Future[list[Result]], list[Job]] = {}
            while pending or not exhausted:
                while not suspects and not exhausted and len(pending) < limit:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending[pool.submit(_extract_chunk, chunk)] = chunk
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = pending.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        suspects.extend(chunk)
                        continue
                    yield from results
        yield from _isolate(suspects)


def _isolate(suspects: list[Job]) -> Iterator[Result]:
    """Extract each article in its own fresh process; one that kills it becomes a problem line."""
    for job in suspects:
        with _pool(1) as pool:
            try:
                yield pool.submit(extract_one, job).result()
            except BrokenProcessPool:
                yield None, f"{_describe(job[0])}: extraction crashed its worker process"


# --- progress -----------------------------------------------------------------------------


class _Progress:
    """One self-rewriting status line on stderr, at most a few times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, report: IngestReport, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.2:
            return
        self.last = now
        rate = report.articles_read / max(now - self.started, 1e-6)
        sys.stderr.write(
            f"\ringest: {report.articles_read} read, {report.new + report.replaced} stored, "
            f"{report.unchanged} unchanged, {report.skipped} problems, {rate:.0f} articles/s "
        )
        sys.stderr.flush()
        self.shown = True

    def close(self, report: IngestReport) -> None:
        if self.enabled:
            self.update(report, force=True)
            sys.stderr.write("\n")
            sys.stderr.flush()


# --- the ingest ---------------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # platforms without affinity
        return max(1, os.cpu_count() or 1)


def _warm_up() -> None:
    """Import the extractor and let it build its tables once here, before worker processes fork from this one."""
    from dashboard.extract import extract_article

    try:
        extract_article(Article(document="warm-up.txt", text="ایجاد ۱۲ فرصت شغلی در روستا", path="warm-up.txt"))
    except Exception:  # a failing extractor shows up per article, with the article named
        pass


def _read(paths: list[str], max_bytes: int) -> Iterator[Article | ReadProblem]:
    from dashboard.readers import iter_articles

    return iter_articles(paths, max_bytes=max_bytes)


def ingest(
    paths: Iterable[str | Path],
    db_path: str | Path | None = None,
    *,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool | None = None,
) -> IngestReport:
    """Read ``paths`` (files, folders, archives), extract and store every good article once.

    ``db_path`` None means the default database (``$CLAIMS_DB`` or ``data/claims.sqlite``).
    ``workers`` defaults to the usable cores; 1 extracts in this process. ``progress`` None
    shows a progress line only when stderr is a terminal.

    >>> ingest([], ":memory:").counts()["new"]
    0
    """
    started = time.monotonic()
    names = [str(p) for p in paths]
    workers = default_workers() if workers is None else max(1, int(workers))
    _warm_up()
    report = IngestReport()
    bar = _Progress(sys.stderr.isatty() if progress is None else progress)
    conn = store.connect(db_path)
    try:
        ingest_id = store.start_ingest(conn, names)
        seen = _SeenDocuments(conn)
        jobs = _new_or_changed(_read(names, max_bytes), conn, seen, report, bar)
        batch: list[store.StoredArticle] = []
        last_write = time.monotonic()

        def flush() -> None:
            nonlocal last_write
            written = store.write_articles(conn, batch)
            report.new += written.new
            report.replaced += written.replaced
            report.unchanged += written.unchanged
            report.claims_stored += written.claims
            batch.clear()
            last_write = time.monotonic()

        for stored, problem in extract_stream(jobs, workers):
            if stored is None:
                report.problem(problem or "extraction failed")
            else:
                batch.append(stored)
            if len(batch) >= BATCH_ARTICLES or (batch and time.monotonic() - last_write >= BATCH_SECONDS):
                flush()
            bar.update(report)
        flush()
        report.seconds = time.monotonic() - started
        store.finish_ingest(conn, ingest_id, report.counts(), report.problems)
    finally:
        bar.close(report)
        conn.close()
    return report


class _SeenDocuments:
    """Documents read in this ingest, kept in a temporary table so memory stays flat."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS ingest_seen (document TEXT PRIMARY KEY, hash TEXT, path TEXT)")
        conn.execute("DELETE FROM temp.ingest_seen")

    def first(self, article: Article, digest: str) -> tuple[str, str] | None:
        """None when ``article.document`` is new in this ingest (and remember it), else (hash, path) seen first."""
        row = self.conn.execute(
            "SELECT hash, path FROM temp.ingest_seen WHERE document = ?", (article.document,)
        ).fetchone()
        if row is not None:
            return row[0], row[1]
        self.conn.execute("INSERT INTO temp.ingest_seen VALUES (?, ?, ?)", (article.document, digest, article.path))
        return None


def _new_or_changed(
    items: Iterable[Article | ReadProblem],
    conn: Any,
    seen: _SeenDocuments,
    report: IngestReport,
    bar: _Progress,
) -> Iterator[Job]:
    """The articles to extract; reader problems, duplicates and unchanged articles are counted here."""
    for item in items:
        if isinstance(item, ReadProblem):
            report.problem(str(item))
            continue
        digest = content_hash(item)
        earlier = seen.first(item, digest)
        if earlier is not None:
            if earlier[0] == digest:
                report.unchanged += 1
            else:
                report.problem(
                    f"{_describe(item)}: document name {item.document} was already read from {earlier[1]} "
                    "in this ingest with other content; this copy was not stored"
                )
            continue
        if store.stored_hash(conn, item.document) == digest:
            report.unchanged += 1
            bar.update(report)
            continue
        yield item, digest
