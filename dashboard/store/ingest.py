"""Ingest: read folders of articles, extract their claims on all cores, store each article once.

The main process walks the inputs and hands single-article files (``.txt``, ``.html``) to
worker processes, which read them, skip those whose stored ``content_hash`` is unchanged
and run :func:`dashboard.extract.pipeline.extract_article` on the rest; records of many-article
files (JSONL, CSV, zip) are read by the main process as a stream and their extraction
goes to the workers too. The main process is this ingest's only writer, storing whole articles
in batches (one transaction per batch, each article complete in it). Several ingests may write
into one PostgreSQL database at once (one per machine): the database's serializable transactions
and its unique article keys keep each article stored once (see
:func:`dashboard.store.database.write_articles`). So:

- feeding the same files again adds nothing (``unchanged``);
- an article whose text or metadata changed has its claims replaced (``replaced``);
- killing the process at any moment leaves whole articles only, and running the same
  ingest again stores what was missing;
- a file or record that cannot be read, or an article the extractor fails on, becomes one
  line in ``problems`` naming the file and the record (``skipped``), and the rest goes on.

An article's identity is its key: its place in the folder given (``2023/a01.txt``,
``batch.jsonl#b13``), or its name for a file given itself; the claims CSV keeps the base name
as ``document``. Two articles with one base name in different folders are both stored. The
same text under two names is stored once and listed under ``duplicates`` with both. Two
folders given (in one ingest or apart) that each hold a different ``a01.txt`` keep both: the
second takes a key of its own. A changed article replaces the one stored from the same file.

>>> report = IngestReport(new=2, unchanged=1)
>>> report.summary_lines()[0]
'articles: 2 new, 1 unchanged, 0 replaced, 0 skipped'
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from tqdm import tqdm

from dashboard.lang.errors import UserError
from dashboard.read.article import Article, ReadProblem
from dashboard.read.source import Source
from dashboard.store import database as store
from dashboard.store.ingest_jobs import (
    SINGLE_ARTICLE_SUFFIXES,
    Job,
    Outcome,
    close_readers,
    content_hash,
    crashed,
    read_problem,
    run_jobs,
)
from dashboard.store.ingest_pool import outcomes

__all__ = ["DEFAULT_MAX_BYTES", "IngestReport", "content_hash", "default_workers", "ingest"]

DEFAULT_MAX_BYTES = 20 * 2**20
BATCH_ARTICLES = 64  # articles per write transaction
BATCH_SECONDS = 1.0  # ...or fewer when this much time passed since the last write
# A short article that makes the extractor load what it needs (lexicon, patterns) before workers fork.
_WARM_UP_TEXT = (
    "ایجاد ۱۲۰ فرصت شغلی در روستاهای استان\n\n"
    "به گزارش خبرگزاری نمونه، مدیرکل بسیج سازندگی استان گفت: امسال ۱۲۰ فرصت شغلی ایجاد شد و "
    "۱۵ صندوق قرض‌الحسنه با ۴۵ میلیارد ریال تسهیلات راه‌اندازی خواهد شد.\n"
)


@dataclass
class IngestReport:
    """What one ingest did. ``skipped`` counts the problems: inputs or articles not stored.
    ``notes`` lists what was stored other than as given: bad bytes replaced, a figure left out;
    ``duplicates`` the articles not stored because the same text is stored under another name."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    skipped: int = 0
    claims_stored: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Every line of ``problems``, ``notes`` and ``duplicates`` as it came, with its code and
    # parameters, for a reader in another language (the dashboard's upload report).
    coded: list[ReadProblem] = field(default_factory=list)

    @property
    def articles_read(self) -> int:
        """Articles seen, stored or not (a file that could not be read at all counts once)."""
        return self.new + self.unchanged + self.replaced + self.skipped

    def counts(self) -> dict[str, Any]:
        """The counts as a dict, without the problem lines."""
        data = asdict(self)
        data.pop("problems")
        data.pop("coded")
        data["notes"] = len(self.notes)
        data["duplicates"] = len(self.duplicates)
        data["seconds"] = round(self.seconds, 3)
        return data

    def problem(self, line: str | ReadProblem) -> None:
        """Record one problem: an input or article not stored."""
        self.skipped += 1
        self.problems.append(str(line))
        self.coded.append(_coded(line))

    def note(self, line: str | ReadProblem) -> None:
        """Record one article stored other than as given."""
        self.notes.append(str(line))
        self.coded.append(_coded(line, kept=True))

    def summary_lines(self) -> list[str]:
        """The short human report: counts, then the problems one per line."""
        counts = f"{self.new} new, {self.unchanged} unchanged, {self.replaced} replaced, {self.skipped} skipped"
        if self.duplicates:
            n = len(self.duplicates)
            counts += f", {n} duplicate{'' if n == 1 else 's'}"
        lines = [f"articles: {counts}", f"claims stored: {self.claims_stored}"]
        if self.problems:
            lines.append(f"problems ({len(self.problems)}):")
            lines.extend(f"  {line}" for line in self.problems)
        if self.notes:
            lines.append(f"stored, but not as given ({len(self.notes)}):")
            lines.extend(f"  {line}" for line in self.notes)
        if self.duplicates:
            lines.append(f"duplicates, stored once ({len(self.duplicates)}):")
            lines.extend(f"  {line}" for line in self.duplicates)
        return lines

    @property
    def clean(self) -> bool:
        """Nothing skipped, nothing stored other than as given."""
        return not (self.skipped or self.notes)


# --- progress -----------------------------------------------------------------------------


class _Progress:
    """tqdm's self-rewriting status line on stderr: articles read, their rate, and what became of them."""

    def __init__(self, enabled: bool) -> None:
        self.bar = tqdm(desc="ingest", unit=" articles", file=sys.stderr, mininterval=0.2, disable=not enabled)

    def update(self, report: IngestReport) -> None:
        """Move the line to ``report``'s counts (tqdm redraws it at most five times a second)."""
        if self.bar.disable:
            return
        self.bar.set_postfix_str(
            f"{report.new + report.replaced} stored, {report.unchanged} unchanged, {report.skipped} problems",
            refresh=False,
        )
        self.bar.update(report.articles_read - self.bar.n)

    def close(self, report: IngestReport) -> None:
        """Draw the final counts and end the line."""
        self.update(report)
        self.bar.close()


# --- the ingest ---------------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # platforms without affinity
        return max(1, os.cpu_count() or 1)


def _prepare_workers(workers: int) -> None:
    """Load the reader and the extractor here, before worker processes fork from this one.

    With several workers, the extractor also builds its tables here once (a sample article
    through the same reader and extractor), and everything loaded is frozen out of the
    garbage collector's sight, so the workers share those pages with this process instead
    of each building and copying its own.
    """
    import dashboard.extract.pipeline
    import dashboard.read.inputs

    if workers <= 1:
        return
    sample = Source(document="warm-up.txt", path="warm-up.txt", data=_WARM_UP_TEXT.encode("utf-8"))
    try:
        for item in dashboard.read.inputs.read_source(sample):
            if isinstance(item, Article):
                dashboard.extract.pipeline.extract_article(item)
    except Exception:  # a failing reader or extractor shows up per article, with the article named
        pass
    gc.collect()
    gc.freeze()


class _Seen:
    """Files met in this ingest, kept in a temporary table so memory stays flat."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        store.run(conn, "CREATE TEMP TABLE IF NOT EXISTS ingest_files (path TEXT PRIMARY KEY)")
        store.run(conn, "DELETE FROM ingest_files")

    def new_file(self, key: str) -> bool:
        """True the first time a file is met (``key``: its real path)."""
        cursor = store.run(self.conn, "INSERT INTO ingest_files VALUES (:key) ON CONFLICT DO NOTHING", key=key)
        return cursor.rowcount > 0


def _walk(folder: Path) -> Iterator[tuple[Path, str, str] | ReadProblem]:
    """Article files under ``folder`` as the reader takes them (sorted, hidden ones skipped), each
    with its real path (the folder's real path joined with the file's place in it: no look-up per
    file) and its storage key (its place in the folder); a sub-folder that cannot be listed is a problem."""
    from dashboard.read.inputs import SUPPORTED, unreadable_folder

    real = os.path.realpath(folder)
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from (unreadable_folder(error) for error in errors)
        errors.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        place = os.path.relpath(root, folder)
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED:
                inside = os.path.normpath(os.path.join(place, name))
                yield Path(root) / name, os.path.join(real, inside), Path(inside).as_posix()
    yield from (unreadable_folder(error) for error in errors)


def _files(paths: list[str], seen: _Seen) -> Iterator[tuple[Path, str] | ReadProblem]:
    """Every input file once, with its storage key: files under the folders given, and the files
    given (even missing ones, so the reader reports them); problems for folders that cannot be read."""
    for given in paths:
        path = Path(given)
        for item in _walk(path) if path.is_dir() else [(path, os.path.realpath(path), path.name)]:
            if isinstance(item, ReadProblem):
                yield item
            elif seen.new_file(item[1]):
                yield item[0], item[2]


def _coded(line: str | ReadProblem, kept: bool = False) -> ReadProblem:
    """``line`` as a :class:`ReadProblem` (a bare line keeps its text, with no code)."""
    return line if isinstance(line, ReadProblem) else ReadProblem("", None, line, kept=kept)


def _duplicate(path: str, stored: str) -> ReadProblem:
    """The report line for an article not stored because the same one is stored from ``stored``."""
    return ReadProblem(
        path, None, f"the same article as {stored}; stored once", kept=True, code="duplicate", params={"other": stored}
    )


class _Ingest:
    """One ingest's state: the writer connection, the report, the batch waiting to be written."""

    def __init__(self, conn: sa.Connection, report: IngestReport, bar: _Progress, max_bytes: int) -> None:
        self.conn = conn
        self.report = report
        self.bar = bar
        self.max_bytes = max_bytes
        self.seen = _Seen(conn)
        self.batch: list[store.StoredArticle] = []
        self.last_write = time.monotonic()

    def jobs(self, paths: list[str]) -> Iterator[Job]:
        """Single-article files go to the workers whole; records of other files are read here."""
        from dashboard.read.inputs import iter_articles, read_path

        for found in _files(paths, self.seen):
            if isinstance(found, ReadProblem):
                self.handle(("problem", found))
                continue
            file, key = found
            if not file.is_file():  # missing, or not a file: the reader says which
                items = iter_articles([file], max_bytes=self.max_bytes)
            elif file.suffix.lower() in SINGLE_ARTICLE_SUFFIXES:
                yield "file", (str(file), key)
                continue
            else:
                items = read_path(file, key, self.max_bytes)
            for item in items:
                if isinstance(item, ReadProblem):
                    self.handle(read_problem(item))
                    continue
                digest = content_hash(item)
                if store.stored_hash(self.conn, item.storage_key) == digest:
                    self.handle(("unchanged", (item.storage_key, digest, item.path)))
                else:
                    yield "article", (item, digest)

    def handle(self, outcome: Outcome) -> None:
        """Count one outcome; queue an article to store, writing the batch when it is full or old."""
        kind, payload = outcome
        if kind == "problem":
            self.report.problem(payload)
        elif kind == "note":
            self.report.note(payload)
        elif kind == "unchanged":
            self.report.unchanged += 1
        else:
            self.batch.append(payload)
        if len(self.batch) >= BATCH_ARTICLES or (self.batch and time.monotonic() - self.last_write >= BATCH_SECONDS):
            self.flush()
        self.bar.update(self.report)

    def flush(self) -> None:
        """Write the waiting articles in one transaction."""
        written = store.write_articles(self.conn, self.batch)
        self.report.new += written.new
        self.report.replaced += written.replaced
        self.report.unchanged += written.unchanged
        self.report.claims_stored += written.claims
        for path, stored in written.duplicates:
            line = _duplicate(path, stored)
            self.report.duplicates.append(str(line))
            self.report.coded.append(line)
        self.batch.clear()
        self.last_write = time.monotonic()


def _run(
    conn: sa.Connection,
    names: list[str],
    target: str,
    workers: int,
    max_bytes: int,
    report: IngestReport,
    bar: _Progress,
    started: float,
) -> None:
    """Record the ingest, run the jobs, store the outcomes, record its end."""
    ingest_id = store.start_ingest(conn, names)
    state = _Ingest(conn, report, bar, max_bytes)
    run_chunk = partial(run_jobs, db_path=target, max_bytes=max_bytes)
    try:
        for outcome in outcomes(state.jobs(names), workers, run_chunk, crashed):
            state.handle(outcome)
    finally:  # on Ctrl-C too: what was extracted is kept, and a re-run does the rest
        state.flush()
    report.seconds = time.monotonic() - started
    store.finish_ingest(conn, ingest_id, report.counts(), [*report.problems, *report.notes])


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
    ``workers`` defaults to the usable cores; 1 reads and extracts in this process.
    ``progress`` None shows a progress line only when stderr is a terminal.

    >>> ingest([], ":memory:").counts()["new"]
    0
    """
    started = time.monotonic()
    names = [str(p) for p in paths]
    workers = default_workers() if workers is None else max(1, int(workers))
    target = str(store.database_path() if db_path is None else db_path)
    _prepare_workers(workers)
    report = IngestReport()
    bar = _Progress(sys.stderr.isatty() if progress is None else progress)
    conn = store.connect(target)
    try:
        store.require_healthy(conn, target, "nothing was written")
        try:
            _run(conn, names, target, workers, max_bytes, report, bar, started)
        except sa.exc.ProgrammingError:  # a bug in this program, not a state of the database
            raise
        except sa.exc.DBAPIError as exc:  # a full disk, a read-only file, damage found while writing, a lost server
            kept = report.new + report.replaced
            after = f"the {kept} articles stored before it stopped are kept" if kept else "nothing was stored"
            raise UserError(f"{store.explain(target, exc)}; {after}") from None
    finally:
        bar.close(report)
        close_readers()
        conn.close()
        gc.unfreeze()  # the workers are gone; this process's objects are the collector's again
    return report
