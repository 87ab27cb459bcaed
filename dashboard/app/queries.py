"""Cached reads of the claims database for the pages.

Every loader is keyed on the database path and :func:`dashboard.store.database.data_version`, so a
write (an upload on the «افزودن خبر» page, or ``python -m dashboard ingest``) shows on the
next run, and nothing is read twice otherwise. The claims frame is cached as a shared
resource (not copied per run: pages must treat it as read-only), which keeps reruns on
100,000 claims cheap.
"""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from dashboard.lang.errors import UserError
from dashboard.lang.paths import database_path
from dashboard.present.charts import add_periods
from dashboard.present.filters import LIST_FILTERS, FilterState, apply_filters, facet_counts, option_counts
from dashboard.store import database as store

NEWEST = "_newest"


def db_path() -> str:
    """The database in use (``$CLAIMS_DB`` or ``data/claims.sqlite``): a file path or a PostgreSQL URL."""
    return str(database_path())


def open_db(path: str | None = None) -> sa.Connection:
    """The database for the pages to read: read-write (created or upgraded) when it can be, else
    read-only (a read-only file, or a file in a read-only folder)."""
    try:
        return store.connect(path or db_path())
    except store.ReadOnlyDatabase:
        return store.open_read_only(path or db_path())


def read_only(path: str | None = None) -> bool:
    """Whether the database can only be read here: its file or its folder cannot be written
    (then the upload page is hidden and nothing is written)."""
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


@st.cache_data(show_spinner=False, max_entries=4)
def _damage(path: str, data_version: int) -> str | None:
    """SQLite's ``quick_check`` once per version of the data: the damage as one line, or None."""
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


@st.cache_resource(show_spinner=False, max_entries=3)
def _claims(path: str, data_version: int) -> pd.DataFrame:
    from dashboard.store.reviews import with_verdicts

    with closing(open_db(path)) as conn:
        df = with_verdicts(conn, store.claims_frame(conn))
    df = add_periods(df)
    # Rank by publication date, newest first (undated last), so a page can take the newest rows
    # of any filtered view with nsmallest instead of sorting 100,000 strings on every run.
    order = df["published"].fillna("").astype(str).sort_values(ascending=False, kind="stable").index
    df[NEWEST] = pd.Series(range(len(df)), index=order).reindex(df.index)
    return df


def claims(path: str | None = None) -> pd.DataFrame:
    """Every claim (with ``claim_id``) and its Jalali period columns (``jyear``, ``jmonth``, ``jdate``)."""
    path = path or db_path()
    return _claims(path, version(path))


def filtered(state: FilterState, path: str | None = None) -> pd.DataFrame:
    """The claims that match ``state``."""
    return apply_filters(claims(path), state)


def with_provenance(df: pd.DataFrame, path: str | None = None) -> pd.DataFrame:
    """``df`` plus each claim's article ``path`` and ``ingested_at`` (for the CSV download)."""
    on = "article_id" if "article_id" in df.columns else "document"  # base names may repeat; ids do not
    arts = articles(path)[[on, "path", "ingested_at"]]
    return df.merge(arts, on=on, how="left", validate="many_to_one")


@st.cache_resource(show_spinner=False, max_entries=3)
def _articles(path: str, data_version: int) -> pd.DataFrame:
    with closing(open_db(path)) as conn:
        return store.articles_frame(conn)


def articles(path: str | None = None) -> pd.DataFrame:
    """One row per stored article with its claim count."""
    path = path or db_path()
    return _articles(path, version(path))


def article_keys(path: str | None = None) -> dict[int, str]:
    """Each stored article's unique key by its id (the claims' ``article_id``), for links to its page."""
    arts = articles(path)
    return dict(zip(arts["article_id"].tolist(), arts["key"].tolist(), strict=True))


@st.cache_resource(show_spinner=False, max_entries=3)
def _counts(path: str, data_version: int) -> dict[str, dict[str, int]]:
    df = _claims(path, data_version)
    return {column: option_counts(df, column) for column in LIST_FILTERS}


def counts(path: str | None = None) -> dict[str, dict[str, int]]:
    """For each filterable column, each value with its number of claims (for the option labels)."""
    path = path or db_path()
    return _counts(path, version(path))


@st.cache_resource(show_spinner=False, max_entries=64)
def _facets(path: str, data_version: int, state: FilterState) -> dict[str, dict[str, int]]:
    if state.is_empty():
        return _counts(path, data_version)
    return facet_counts(_claims(path, data_version), state)


def facets(state: FilterState, path: str | None = None) -> dict[str, dict[str, int]]:
    """For each filterable column, each value's claims under the other active filters (faceted counts)."""
    path = path or db_path()
    return _facets(path, version(path), state)


@st.cache_data(show_spinner=False, max_entries=64)
def _article(path: str, data_version: int, document: str) -> dict[str, Any] | None:
    with closing(open_db(path)) as conn:
        return store.article_record(conn, document)


def article(document: str, path: str | None = None) -> dict[str, Any] | None:
    """One stored article (text and metadata), or None."""
    path = path or db_path()
    return _article(path, version(path), document)


@st.cache_data(show_spinner=False, max_entries=64)
def _article_by_key(path: str, data_version: int, key: str) -> dict[str, Any] | None:
    with closing(open_db(path)) as conn:
        return store.article_by_key(conn, key)


def article_by_key(key: str, path: str | None = None) -> dict[str, Any] | None:
    """The article stored under ``key`` (text and metadata), or None."""
    path = path or db_path()
    return _article_by_key(path, version(path), key)


def last_ingest(path: str | None = None) -> dict[str, Any] | None:
    """The latest ingest's record (not cached: it is one small row)."""
    with closing(open_db(path or db_path())) as conn:
        return store.last_ingest(conn)


def clear() -> None:
    """Drop every cached read (after an upload in this process)."""
    _claims.clear()
    _articles.clear()
    _counts.clear()
    _facets.clear()
    _article.clear()
