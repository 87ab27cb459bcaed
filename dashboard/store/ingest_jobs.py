"""The work an ingest hands to its worker processes: read a file or take an article, extract, report.

A job is either a single-article file to read with its key (``("file", ("news/2023/a01.txt",
"2023/a01.txt"))``: the worker reads
it, skips it when the database already holds the same content, else extracts it) or an
article the main process already read from a many-article file (``("article", (article,
hash))``: JSONL records such as ``batch.jsonl#b13``, CSV rows, zip members). Every job gives
a list of outcomes:

- ``("store", StoredArticle)``: extracted, to be written by the main process;
- ``("unchanged", (key, hash, path))``: the database already holds this content;
- ``("problem", ReadProblem)``: a file or record that could not be read, or an extractor failure,
  naming the file and the record (``str()`` of it is the line the report prints);
- ``("note", ReadProblem)``: stored, but not as given (bad bytes replaced, an absurd figure left out).

>>> outcome_of_problem = ("problem", "news/bad.txt: empty file")
>>> outcome_of_problem[0] in OUTCOME_KINDS
True
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from dashboard.extract.bounds import split_plausible
from dashboard.extract.pipeline import EXTRACTOR_VERSION
from dashboard.read.article import Article, ReadProblem
from dashboard.store import database as store
from dashboard.store.engine import engine_for, is_postgres

Job = tuple[str, Any]
Outcome = tuple[str, Any]
OUTCOME_KINDS = ("store", "unchanged", "problem", "note")
SINGLE_ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})

# Read-only connections of this process, by (process id, database path).
_READERS: dict[tuple[int, str], sa.Connection] = {}


def content_hash(article: Article) -> str:
    """A hash of everything that decides an article's claims: its text, the input's metadata and
    the extractor's version (so a new extractor re-extracts what is ingested again).

    The path is not part of it: the same article moved to another folder is unchanged.

    >>> a = Article(document="a01.txt", text="۵۸۲ صندوق", path="news/a01.txt")
    >>> content_hash(a) == content_hash(Article(document="a01.txt", text="۵۸۲ صندوق", path="old/a01.txt"))
    True
    >>> content_hash(a) == content_hash(Article(document="a01.txt", text="۵۸۳ صندوق", path="news/a01.txt"))
    False
    """
    payload = json.dumps(
        [EXTRACTOR_VERSION, article.text, article.title, article.published, article.source, article.url, article.meta],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def describe(article: Article) -> str:
    """``path: document`` for a record of a many-article file, just the path otherwise.

    >>> describe(Article(document="b.jsonl#b13", text="", path="in/b.jsonl"))
    'in/b.jsonl: b.jsonl#b13'
    """
    if Path(article.path).name == article.document:
        return article.path
    return f"{article.path}: {article.document}"


def stored_hash(db_path: str | None, key: str) -> str | None:
    """The hash the database holds under ``key``, read on this process's own read-only connection.

    None when it is not stored, or when there is no database to look in (``:memory:``). Each worker
    process opens its own connection (a PostgreSQL one from its own pool: connections are never shared
    across a fork).
    """
    if not db_path or db_path == ":memory:":
        return None
    reader = (os.getpid(), db_path)
    conn = _READERS.get(reader)
    if conn is None:
        conn = engine_for(db_path if is_postgres(db_path) else str(Path(db_path).resolve()), "ro").connect()
        _READERS[reader] = conn
    return store.stored_hash(conn, key)


def close_readers() -> None:
    """Close this process's read-only connections (the main process, after a one-worker ingest)."""
    for key in [k for k in _READERS if k[0] == os.getpid()]:
        _READERS.pop(key).close()


def read_problem(problem: ReadProblem) -> Outcome:
    """A reader's problem as an outcome: a ``note`` when the input was read all the same."""
    return ("note" if problem.kept else "problem"), problem


def extract_one(article: Article, digest: str) -> list[Outcome]:
    """Extract one article's claims and metadata; any failure becomes a problem line, and each
    figure too large to be a claim (:mod:`dashboard.extract.bounds`) a note."""
    from dashboard.extract.pipeline import article_metadata, extract_article

    try:
        rows = []
        claims, notes = split_plausible(extract_article(article))
        for claim in claims:
            if not claim.get("document"):
                claim = {**claim, "document": article.document}
            rows.append(store.claim_row(claim))  # a claim the table cannot take fails here, not in the write
        metadata = dict(article_metadata(article))
    except Exception as exc:  # the extractor's bug must not stop the ingest
        error = f"{type(exc).__name__}: {exc}"
        failed = ReadProblem(describe(article), None, f"extraction failed: {error}", code="extraction_failed")
        return [("problem", failed)]
    stored = store.StoredArticle(
        document=article.document,
        path=article.path,
        text=article.text,
        content_hash=digest,
        meta=dict(article.meta),
        metadata=metadata,
        rows=rows,  # ready for the table: the writer does not convert them again
        key=article.storage_key,
    )
    return [
        ("store", stored),
        *(("note", ReadProblem(describe(article), None, note, kept=True, code="implausible_figure")) for note in notes),
    ]


def run_job(job: Job, db_path: str | None, max_bytes: int) -> list[Outcome]:
    """The outcomes of one job (see the module's docstring)."""
    kind, payload = job
    if kind == "article":
        article, digest = payload
        return extract_one(article, digest)
    from dashboard.read.inputs import read_path

    path, key = payload
    outcomes: list[Outcome] = []
    for item in read_path(Path(path), key, max_bytes):
        if isinstance(item, ReadProblem):
            outcomes.append(read_problem(item))
            continue
        digest = content_hash(item)
        if stored_hash(db_path, item.storage_key) == digest:
            outcomes.append(("unchanged", (item.storage_key, digest, item.path)))
        else:
            outcomes.extend(extract_one(item, digest))
    return outcomes


def run_jobs(jobs: list[Job], db_path: str | None, max_bytes: int) -> list[Outcome]:
    """The outcomes of several jobs, in order (one task for a worker process)."""
    return [outcome for job in jobs for outcome in run_job(job, db_path, max_bytes)]


def crashed(job: Job) -> Outcome:
    """The problem line for a job whose worker process died."""
    kind, payload = job
    where = payload[0] if kind == "file" else describe(payload[0])
    return "problem", ReadProblem(where, None, "extraction crashed its worker process", code="worker_crashed")
