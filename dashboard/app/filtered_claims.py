"""The first step of every filtered page: the stored claims, the filter bar, and the rows it keeps."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.app import queries
from dashboard.app.filter_bar import filter_bar
from dashboard.lang.i18n import t
from dashboard.present.filters import FilterState


@dataclass(frozen=True)
class FilteredClaims:
    """Every stored claim (``all``), the filters the user chose, and the claims they keep (``view``)."""

    all: pd.DataFrame
    state: FilterState
    view: pd.DataFrame


def filtered_claims(lang: str, path: str | None = None) -> FilteredClaims | None:
    """Draw the filter bar over the stored claims; None, with a notice, when the store holds none."""
    df = queries.claims(path)
    if df.empty:
        st.info(t("empty_db", lang))
        return None
    state = filter_bar(df, lang, lambda pending: queries.facets(pending, path), queries.counts(path))
    return FilteredClaims(df, state, queries.filtered(state, path))
