"""The first step of every filtered page: the filter bar, and what the database says of the claims it keeps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.app import queries
from dashboard.app.filter_bar import filter_bar, pending_state
from dashboard.lang.i18n import t
from dashboard.store.claim_filter import FilterState


@dataclass(frozen=True)
class FilteredClaims:
    """The filters the user chose (``state``), the key figures of the claims they keep (``figures``:
    articles, claims, provinces, outlets, first and last date) and where they are stored (``path``)."""

    state: FilterState
    figures: dict[str, Any]
    path: str | None = None

    @property
    def view(self) -> pd.DataFrame:
        """Every claim the filters keep, as a frame: only for the consistency checks, which compare
        claims with one another; the other pages ask the database for aggregates and pages."""
        return queries.filtered(self.state, self.path)


def _day(iso: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(iso)[:10]) if iso else None
    except ValueError:
        return None


def filtered_claims(lang: str, path: str | None = None) -> FilteredClaims | None:
    """Draw the filter bar over the stored claims; None, with a notice, when the store holds none."""
    queries.prefetch(FilterState(), path)  # what every page shows first, asked at once
    every = queries.key_figures(FilterState(), path)
    if not every["claims"]:
        st.info(t("empty_db", lang))
        return None
    bounds = (_day(every["first"]), _day(every["last"]))
    queries.prefetch(pending_state(queries.counts(path), lang), path)  # what the page shows, asked at once
    state = filter_bar(bounds, lang, lambda pending: queries.facets(pending, path), queries.counts(path))
    return FilteredClaims(state, queries.key_figures(state, path), path)
