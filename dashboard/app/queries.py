"""Cached reads of the claims database for the pages: a thin layer over :mod:`dashboard.store.claim_queries`.

Every read asks the database for what the page shows (counts, sums, one page of rows), never for
every claim, and is cached on the database, its :func:`dashboard.store.database.data_version` and
the filters, so a write (an upload on the «افزودن خبر» page, or ``python -m dashboard ingest``) shows
on the next run, and nothing is asked twice otherwise.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from dashboard.lang.errors import UserError
from dashboard.lang.i18n import t
from dashboard.lang.paths import database_path
from dashboard.present.downloads import csv_from_chunks
from dashboard.store import claim_queries as cq
from dashboard.store import database as store
from dashboard.store.claim_aggregates import SqlClaims
from dashboard.store.claim_filter import LIST_FILTERS, FilterState
from dashboard.store.read_engine import connect_for_reading, read_engine

READ_ONLY_ENV = "CLAIMS_READ_ONLY"
Counts = dict[str, dict[str, int]]


def db_path() -> str:
    """The database file in use (``$CLAIMS_DB`` or ``data/claims.sqlite``)."""
    return str(database_path())


def open_db(path: str | None = None) -> sqlite3.Connection:
    """The database for the pages to read: read-write (created or upgraded) when it can be, else
    read-only (a read-only file, or a file in a read-only folder)."""
    return connect_for_reading(path or db_path())


def read_only_setting() -> bool:
    """Whether this deployment is read-only by choice: ``CLAIMS_READ_ONLY=1`` (or ``true``, ``yes``) in
    the environment, or ``read_only = true`` in ``.streamlit/secrets.toml``."""
    if os.environ.get(READ_ONLY_ENV, "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    try:
        return bool(st.secrets.get("read_only", False))
    except (FileNotFoundError, KeyError, OSError, ValueError):  # no secrets file: not set
        return False


def read_only(path: str | None = None) -> bool:
    """Whether nothing may be written from the dashboard: the deployment is read-only
    (:func:`read_only_setting`), or the database's file or folder cannot be written here
    (then the upload page is hidden and every write is refused)."""
    if read_only_setting():
        return True
    target = Path(path or db_path())
    if target.exists() and not os.access(target, os.W_OK):
        return True
    folder = target.parent if target.parent.exists() else None
    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
        return True
    try:
        store.connect(target).close()
    except store.ReadOnlyDatabase:
        return True
    except (UserError, sqlite3.Error, OSError):  # another problem: database_problem names it
        return False
    return False


class WriteRefused(UserError):
    """A write asked of a read-only dashboard."""


def write_db(path: str | None = None, lang: str = "en") -> sqlite3.Connection:
    """The database for a write from the dashboard (a verdict, a decision, a reference table, an upload);
    refused with :class:`WriteRefused` («ثبت نشد: این داشبورد فقط برای خواندن است.») when it is read-only."""
    if read_only(path):
        raise WriteRefused(t("read_only_refused", lang))
    return store.connect(path or db_path())


def database_problem(path: str | None = None) -> str | None:
    """None when the database opens; else one line naming the file and the problem."""
    path = path or db_path()
    try:
        return _damage(path, version(path))
    except UserError as exc:  # the store's own message already names the file
        return str(exc)
    except sqlite3.Error as exc:
        return store.explain(path, exc)
    except (OSError, ValueError) as exc:
        return f"{path}: {exc}"


# Above this size the pages do not run ``quick_check`` (it reads the whole file: about 2 s per GB), and
# ``python -m dashboard doctor`` checks the file instead; damage a page meets is still named (main.py).
QUICK_CHECK_MAX_BYTES = 256 * 2**20


@st.cache_data(show_spinner=False, max_entries=4)
def _damage(path: str, data_version: int) -> str | None:
    """SQLite's ``quick_check`` once per version of the data (on files up to :data:`QUICK_CHECK_MAX_BYTES`):
    the damage as one line, or None."""
    if Path(path).is_file() and Path(path).stat().st_size > QUICK_CHECK_MAX_BYTES:
        return None
    with closing(open_db(path)) as conn:
        try:
            store.require_healthy(conn, path)
        except UserError as exc:
            return str(exc)
    return None


def version(path: str | None = None) -> int:
    """The database's data version (changes after every write)."""
    with closing(open_db(path or db_path())) as conn:
        return store.data_version(conn)


@st.cache_resource(show_spinner=False, max_entries=4)
def engine(path: str) -> sa.Engine:
    """The engine the pages read ``path`` through (one per database, kept for the server's life)."""
    return read_engine(path)


def _where(path: str | None) -> tuple[str, int]:
    path = path or db_path()
    return path, version(path)


@st.cache_data(show_spinner=False, max_entries=8)
def _rated(path: str, data_version: int) -> dict[int, str]:
    return cq.rated_claims(engine(path))


def rated(path: str | None = None) -> dict[int, str]:
    """The ids of the claims with a verdict, and the verdict (for the verdict filter and facet)."""
    return _rated(*_where(path))


@st.cache_data(show_spinner=False, max_entries=256)
def _options(path: str, data_version: int, column: str, state: FilterState) -> dict[str, int]:
    return cq.option_counts(engine(path), column, state, _rated(path, data_version))


def counts(path: str | None = None) -> Counts:
    """For each filterable column, each value with its number of claims (the options, most first)."""
    where = _where(path)
    return {column: _options(*where, column, FilterState()) for column in LIST_FILTERS}


def facets(state: FilterState, path: str | None = None) -> Counts:
    """For each filterable column, each value's claims under the *other* active filters (faceted counts).

    Each column is its own cached query, so changing one filter asks again only for the columns it
    narrows (its own column's counts stay those of the other filters)."""
    where = _where(path)
    return {column: _options(*where, column, state.without(column)) for column in LIST_FILTERS}


@st.cache_data(show_spinner=False, max_entries=64)
def _key_figures(path: str, data_version: int, state: FilterState) -> dict[str, Any]:
    return cq.key_figures(engine(path), state, _rated(path, data_version))


def key_figures(state: FilterState, path: str | None = None) -> dict[str, Any]:
    """Articles, claims, provinces, outlets and the first and last date of the claims ``state`` keeps."""
    return _key_figures(*_where(path), state)


@st.cache_data(show_spinner=False, max_entries=32)
def _page(path: str, data_version: int, state: FilterState, limit: int, offset: int) -> pd.DataFrame:
    return cq.page(engine(path), state, _rated(path, data_version), limit=limit, offset=offset)


def page(state: FilterState, limit: int, offset: int = 0, path: str | None = None) -> pd.DataFrame:
    """One page of the claims ``state`` keeps, newest first, with verdicts."""
    return _page(*_where(path), state, limit, offset)


def claims_source(state: FilterState, path: str | None = None) -> SqlClaims:
    """The claims ``state`` keeps, in the database, for the charts' honest aggregates."""
    path, data_version = _where(path)
    return SqlClaims(engine(path), state, _rated(path, data_version))


@st.cache_data(show_spinner=False, max_entries=8)
def _filtered(path: str, data_version: int, state: FilterState) -> pd.DataFrame:
    return cq.filtered_frame(engine(path), state, _rated(path, data_version))


def filtered(state: FilterState, path: str | None = None) -> pd.DataFrame:
    """Every claim ``state`` keeps, as a frame: only for the consistency checks, which compare claims
    with one another (the other pages ask for aggregates and pages)."""
    return _filtered(*_where(path), state)


def csv_download(state: FilterState, path: str | None = None) -> bytes:
    """The CSV of the claims ``state`` keeps, with provenance and verdicts, written from the query a
    chunk at a time."""
    path, data_version = _where(path)
    return csv_from_chunks(cq.csv_chunks(engine(path), state, _rated(path, data_version)))


@st.cache_data(show_spinner=False, max_entries=64)
def _article_claims(path: str, data_version: int, article_id: int) -> pd.DataFrame:
    return cq.claims_of_article(engine(path), article_id)


def article_claims(article_id: int, path: str | None = None) -> pd.DataFrame:
    """The claims of one article, in the order they were stored."""
    return _article_claims(*_where(path), int(article_id))


@st.cache_resource(show_spinner=False, max_entries=3)
def _articles(path: str, data_version: int) -> pd.DataFrame:
    with closing(open_db(path)) as conn:
        return store.articles_frame(conn)


def articles(path: str | None = None) -> pd.DataFrame:
    """One row per stored article with its claim count."""
    return _articles(*_where(path))


@st.cache_data(show_spinner=False, max_entries=32)
def _article_keys(path: str, data_version: int, ids: tuple[int, ...]) -> dict[int, str]:
    return cq.article_keys(engine(path), ids)


def article_keys(ids: list[int], path: str | None = None) -> dict[int, str]:
    """The unique key of each article in ``ids`` (the claims' ``article_id``), for links to its page."""
    return _article_keys(*_where(path), tuple(sorted({int(i) for i in ids})))


@st.cache_data(show_spinner=False, max_entries=64)
def _article(path: str, data_version: int, document: str) -> dict[str, Any] | None:
    with closing(open_db(path)) as conn:
        return store.article_record(conn, document)


def article(document: str, path: str | None = None) -> dict[str, Any] | None:
    """One stored article (text and metadata), or None."""
    return _article(*_where(path), document)


@st.cache_data(show_spinner=False, max_entries=64)
def _article_by_key(path: str, data_version: int, key: str) -> dict[str, Any] | None:
    with closing(open_db(path)) as conn:
        return store.article_by_key(conn, key)


def article_by_key(key: str, path: str | None = None) -> dict[str, Any] | None:
    """The article stored under ``key`` (text and metadata), or None."""
    return _article_by_key(*_where(path), key)


def last_ingest(path: str | None = None) -> dict[str, Any] | None:
    """The latest ingest's record (not cached: it is one small row)."""
    with closing(open_db(path or db_path())) as conn:
        return store.last_ingest(conn)


def clear() -> None:
    """Drop every cached read (after an upload in this process)."""
    for cached in (
        _rated,
        _options,
        _key_figures,
        _page,
        _filtered,
        _article_claims,
        _article_keys,
        _articles,
        _article,
        _article_by_key,
    ):
        cached.clear()
