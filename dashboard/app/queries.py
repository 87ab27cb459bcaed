"""Cached reads of the claims database for the pages: a thin layer over :mod:`dashboard.store.claim_queries`.

Every read asks the database for what the page shows (counts, sums, one page of rows), never for
every claim, and is cached on the database, its :func:`dashboard.store.database.data_version` and
the filters, so a write (an upload on the «افزودن خبر» page, or ``python -m dashboard ingest``) shows
on the next run, and nothing is asked twice otherwise.
"""

from __future__ import annotations

import os
import threading
from contextlib import closing
from functools import partial
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
    """The database in use (``$CLAIMS_DB`` or ``data/claims.sqlite``): a file path or a PostgreSQL URL."""
    return str(database_path())


def open_db(path: str | None = None) -> sa.Connection:
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
    target: str | Path = path or db_path()
    if not store.is_postgres(target):
        target = Path(target)
        if target.exists() and not os.access(target, os.W_OK):
            return True
        folder = target.parent if target.parent.exists() else None
        if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
            return True
    try:
        store.connect(target).close()
    except store.ReadOnlyDatabase:
        return True
    except (UserError, sa.exc.DBAPIError, OSError):  # another problem: database_problem names it
        return False
    return False


class WriteRefused(UserError):
    """A write asked of a read-only dashboard."""


def write_db(path: str | None = None, lang: str = "en") -> sa.Connection:
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
    except sa.exc.DBAPIError as exc:
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
    if not store.is_postgres(path) and Path(path).is_file() and Path(path).stat().st_size > QUICK_CHECK_MAX_BYTES:
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


# What the filter bar and the key figures asked so far, per database and data version: each faceted
# count (column, filter) and each filter's key figures is asked once, and what is missing all at once.
MAX_MEMO = 4_096
_MEMO_LOCK = threading.Lock()
Facet = tuple[str, FilterState]


@st.cache_resource(show_spinner=False, max_entries=4)
def _memo(path: str, data_version: int) -> dict[Any, Any]:
    return {}


def _ask(
    path: str,
    data_version: int,
    facets: list[Facet],
    figures: list[FilterState] | None = None,
    *,
    crosstabs: bool = False,
) -> tuple[list[dict[str, int]], list[dict[str, Any]]]:
    """The counts of each (column, filter) pair and the key figures of each filter, asking the database (all
    at once) only for what was not asked before; with ``crosstabs``, the per-province counts of the data
    version too (from then on, a filter of provinces alone asks only for its articles and dates)."""
    memo = _memo(path, data_version)
    figures = figures or []
    keys: list[tuple[str, Any]] = [("facet", pair) for pair in facets] + [("figures", state) for state in figures]
    with _MEMO_LOCK:
        new_facets = [pair for pair in dict.fromkeys(facets) if ("facet", pair) not in memo]
        new_figures = [state for state in dict.fromkeys(figures) if ("figures", state) not in memo]
        tabs = memo.get("crosstabs")
    if new_facets or new_figures or (crosstabs and tabs is None):
        counted, found, asked = cq.ask_together(
            engine(path),
            new_facets,
            new_figures,
            _rated(path, data_version),
            tabs,
            new_crosstabs=tabs is None and crosstabs,
        )
        with _MEMO_LOCK:
            if len(memo) + len(counted) + len(found) > MAX_MEMO:
                memo.clear()
            memo.update({("facet", pair): value for pair, value in counted.items()})
            memo.update({("figures", state): value for state, value in found.items()})
            if asked:
                memo["crosstabs"] = asked
    with _MEMO_LOCK:
        values = [memo[k] for k in keys]
    return values[: len(facets)], values[len(facets) :]


def _facets_of(state: FilterState) -> list[Facet]:
    return [(column, state.without(column)) for column in LIST_FILTERS]


def counts(path: str | None = None) -> Counts:
    """For each filterable column, each value with its number of claims (the options, most first)."""
    return dict(zip(LIST_FILTERS, _ask(*_where(path), _facets_of(FilterState()))[0], strict=True))


def facets(state: FilterState, path: str | None = None) -> Counts:
    """For each filterable column, each value's claims under the *other* active filters (faceted counts).

    Each (column, filter) pair is asked once, so changing one filter asks again only for the columns it
    narrows (its own column's counts stay those of the other filters)."""
    return dict(zip(LIST_FILTERS, _ask(*_where(path), _facets_of(state))[0], strict=True))


def key_figures(state: FilterState, path: str | None = None) -> dict[str, Any]:
    """Articles, claims, provinces, outlets and the first and last date of the claims ``state`` keeps."""
    return _ask(*_where(path), [], [state])[1][0]


def prefetch(state: FilterState, path: str | None = None) -> None:
    """Ask at once for what a filtered page shows first: the faceted counts and the key figures of ``state``;
    with no filter, also the per-province counts that later answer a filter of provinces alone."""
    _ask(*_where(path), _facets_of(state), [state], crosstabs=state.is_empty())


def counted(column: str, state: FilterState, path: str | None = None) -> dict[str, int]:
    """Claims per value of ``column`` under ``state``, from the faceted counts: when ``column`` is filtered
    too, its facet (counted under the other filters) keeps just the chosen values."""
    chosen = getattr(state, column) if column in LIST_FILTERS else ()
    found = _ask(*_where(path), [(column, state.without(column) if chosen else state)])[0][0]
    return {k: n for k, n in found.items() if k in chosen} if chosen else found


@st.cache_data(show_spinner=False, max_entries=32)
def _page(path: str, data_version: int, state: FilterState, limit: int, offset: int) -> pd.DataFrame:
    return cq.page(engine(path), state, _rated(path, data_version), limit=limit, offset=offset)


def page(state: FilterState, limit: int, offset: int = 0, path: str | None = None) -> pd.DataFrame:
    """One page of the claims ``state`` keeps, newest first, with verdicts."""
    return _page(*_where(path), state, limit, offset)


def claims_source(state: FilterState, path: str | None = None) -> SqlClaims:
    """The claims ``state`` keeps, in the database, for the charts' honest aggregates; plain counts per
    filter column come from the faceted counts already asked."""
    path, data_version = _where(path)

    return SqlClaims(engine(path), state, _rated(path, data_version), counted=partial(counted, path=path))


@st.cache_data(show_spinner=False, max_entries=8)
def _filtered(path: str, data_version: int, state: FilterState) -> pd.DataFrame:
    return cq.filtered_frame(engine(path), state, _rated(path, data_version))


@st.cache_data(show_spinner=False, max_entries=16)
def _figure_groups(path: str, data_version: int, state: FilterState) -> pd.DataFrame:
    return cq.figure_groups(engine(path), state, _rated(path, data_version))


def figure_groups(state: FilterState, path: str | None = None) -> pd.DataFrame:
    """Province, programme and metric of the kept claims with their counts, asked of the database."""
    return _figure_groups(*_where(path), state)


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
    for cached in (_rated, _page, _filtered, _article_claims, _article_keys, _article, _article_by_key):
        cached.clear()
    for resource in (_memo, _articles):
        resource.clear()
