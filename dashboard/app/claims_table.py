"""The claims table as the Claims page shows it: pure builders of its frame, display texts and columns.

The figure comes first (the first column from the right in Persian), then what it counts, where,
whether done or planned, and when; the evidence (quote, outlet, speaker) after. Cells hold the
numbers and ISO dates, so sorting is by value and by time; what the reader sees is the readable
figure («۶٫۵ هزار میلیارد تومان») and the date in the reader's calendar. No cell shows «None».
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from urllib.parse import quote

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from dashboard.lang.formatting import display_date, format_value
from dashboard.lang.i18n import t, value_label

MAX_ROWS = 2_000  # rows drawn in the table (newest first); the downloads carry all
# The table's columns in reading order: the figure and what it is first, then the evidence.
COLUMNS = (
    "figure",
    "metric",
    "province",
    "status",
    "date",
    "verdict",
    "quote",
    "source",
    "speaker",
    "program",
    "article",
    "url",
)


def _labels(series: pd.Series, column: str, lang: str) -> pd.Series:
    """Map keys to labels once per distinct key (vectorised over the rows)."""
    uniques = series.unique()
    return series.map({k: value_label(column, str(k), lang) for k in uniques})


def article_links(df: pd.DataFrame, lang: str, keys: Mapping[int, str] | None = None) -> pd.Series:
    """For each claim, the link to its article's page: ``./article?article=KEY`` (the article's unique
    key, found by the claim's ``article_id`` in ``keys``), else ``./article?document=NAME``; the language kept.

    >>> frame = pd.DataFrame({"document": ["a01.txt", "b.txt"], "article_id": [7, 8]})
    >>> article_links(frame, "en", {7: "2023/a01.txt"}).tolist()
    ['./article?article=2023%2Fa01.txt&lang=en', './article?document=b.txt&lang=en']
    """
    suffix = "&lang=en" if lang == "en" else ""
    ids = df["article_id"].tolist() if keys and "article_id" in df else [None] * len(df)
    links = [
        f"./article?article={quote(keys[i], safe='')}"
        if keys and i in keys
        else f"./article?document={quote(str(d), safe='')}"
        for i, d in zip(ids, df["document"].tolist(), strict=True)
    ]
    return pd.Series([link + suffix for link in links], index=df.index, dtype=object)


def table_frame(df: pd.DataFrame, lang: str, keys: Mapping[int, str] | None = None) -> pd.DataFrame:
    """The rows as the table holds them: the figure as a number (so it sorts by value), labels,
    the ISO date (sorts by time), text with no missing cells, links that keep the language
    (to each claim's own article when ``keys`` maps its ``article_id`` to the article's key).

    In Persian the columns are reversed: the grid lays out left to right, and the figure should be
    the first column from the right.
    """
    out = pd.DataFrame(index=df.index)
    out["figure"] = df["value"].astype(float)
    for column in ("metric", "province", "status", "program"):
        out[column] = _labels(df[column].fillna(""), column, lang)
    out["date"] = df["published"].fillna("").astype(str).str.slice(0, 10)
    if "verdict" in df:
        out["verdict"] = _labels(df["verdict"].fillna("not_rated"), "verdict", lang)
    for column in ("quote", "source", "speaker"):
        out[column] = df[column].fillna("").astype(str)
    out["article"] = article_links(df, lang, keys)
    out["url"] = df["url"].fillna("").astype(str).where(df["url"].str.match(r"^https?://", na=False), "")
    out = out[[c for c in COLUMNS if c in out]]
    return out[out.columns[::-1]] if lang == "fa" else out


def _figure_text(unit: str, lang: str, value: float | None) -> str:
    """A figure's display text, for a Styler's ``format``."""
    return format_value(value, unit, lang)


def styled(frame: pd.DataFrame, units: pd.Series, lang: str) -> Styler:
    """``frame`` with readable display texts: «۶٫۵ هزار میلیارد تومان» for the figure (the number stays
    underneath, so sorting is by value) and the date in the reader's calendar (ISO underneath)."""
    style = frame.style
    for unit in units.unique():
        rows = units.index[units == unit]
        style = style.format(partial(_figure_text, str(unit), lang), subset=pd.IndexSlice[rows, ["figure"]], na_rep="")
    return style.format(lambda d: display_date(d, lang), subset=["date"])


def column_config(lang: str) -> dict:
    """Column titles, kinds and widths for :func:`table_frame`'s columns (narrow enough for 1440 px)."""
    return {
        "figure": st.column_config.TextColumn(t("col_figure", lang), width=185),
        "metric": st.column_config.TextColumn(t("col_metric", lang), width=100),
        "province": st.column_config.TextColumn(t("col_province", lang), width=105),
        "status": st.column_config.TextColumn(t("col_status", lang), width=105),
        "date": st.column_config.TextColumn(t("col_date", lang), width=90),
        "verdict": st.column_config.TextColumn(t("col_verdict", lang), width=75),
        "quote": st.column_config.TextColumn(t("col_quote", lang), width=175),
        "source": st.column_config.TextColumn(t("col_source", lang), width=90),
        "speaker": st.column_config.TextColumn(t("col_speaker", lang), width=110),
        "program": st.column_config.TextColumn(t("col_program", lang), width=110),
        "article": st.column_config.LinkColumn(t("col_article", lang), display_text=t("open_link", lang), width=60),
        "url": st.column_config.LinkColumn(t("col_url", lang), display_text=t("open_link", lang), width=60),
    }
