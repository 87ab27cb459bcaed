"""Claims: the filtered table with links to the source and the article, and the CSV downloads."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pandas as pd
import streamlit as st

from dashboard import downloads, queries, ui
from dashboard.filtered_claims import filtered_claims
from dashboard.formatting import RIALS_PER_TOMAN, format_value, localize
from dashboard.i18n import t, value_label

MAX_ROWS = 5_000  # rows drawn in the table; the downloads carry all


def _labels(series: pd.Series, column: str, lang: str) -> pd.Series:
    """Map keys to labels once per distinct key (vectorised over the rows)."""
    uniques = series.unique()
    return series.map({k: value_label(column, str(k), lang) for k in uniques})


def table_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows as the table shows them: readable values, labels, Jalali and Gregorian dates, links."""
    out = pd.DataFrame(index=df.index)
    out["shown"] = [format_value(v, u, lang) for v, u in zip(df["value"], df["unit"], strict=True)]
    # The number in the unit the next column names: money in toman (stored in rials).
    out["value"] = df["value"].where(df["unit"] != "IRR", df["value"] / RIALS_PER_TOMAN)
    out["unit"] = _labels(df["unit"], "unit", lang)
    for column in ("metric", "program", "province", "status"):
        out[column] = _labels(df[column], column, lang)
    out["jalali"] = df["jdate"].fillna("").map(lambda d: localize(d, lang))
    out["published"] = pd.to_datetime(df["published"].replace("", None), errors="coerce")
    out["source"] = df["source"]
    out["speaker"] = df["speaker"]
    out["quote"] = df["quote"]
    out["url"] = df["url"].where(df["url"].str.match(r"^https?://", na=False), None)
    out["article"] = "./article?document=" + df["document"].map(lambda d: quote(str(d), safe=""))
    # The grid stays left to right; in Persian the first column should sit on the right.
    return out[out.columns[::-1]] if lang == "fa" else out


def column_config(lang: str) -> dict:
    """Column titles and kinds for :func:`table_frame`'s columns."""
    return {
        "shown": st.column_config.TextColumn(t("col_shown", lang)),
        "value": st.column_config.NumberColumn(t("col_value", lang), format="plain"),
        "unit": t("col_unit", lang),
        "metric": t("col_metric", lang),
        "program": t("col_program", lang),
        "province": t("col_province", lang),
        "status": t("col_status", lang),
        "jalali": t("col_jalali", lang),
        "published": st.column_config.DateColumn(t("col_published", lang), format="YYYY-MM-DD"),
        "source": t("col_source", lang),
        "speaker": t("col_speaker", lang),
        "quote": st.column_config.TextColumn(t("col_quote", lang), width="large"),
        "url": st.column_config.LinkColumn(t("col_url", lang), display_text=t("open_link", lang)),
        "article": st.column_config.LinkColumn(t("col_article", lang), display_text=t("open_link", lang)),
    }


def download_row(view: pd.DataFrame, full: pd.DataFrame, state, lang: str) -> None:
    """Buttons for the filtered CSV, the full CSV and the README; files are built only when clicked."""
    today = dt.date.today()
    n_articles = int(full["document"].nunique())
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        t("download_filtered", lang),
        data=lambda: downloads.csv_bytes(queries.with_provenance(view)),
        file_name=downloads.export_filename(state, today),
        mime="text/csv",
        on_click="ignore",
        key="dl_filtered",
        icon=":material/download:",
    )
    c2.download_button(
        t("download_full", lang),
        data=lambda: downloads.csv_bytes(queries.with_provenance(full)),
        file_name=downloads.export_filename(state, today, full=True),
        mime="text/csv",
        on_click="ignore",
        key="dl_full",
        icon=":material/download:",
    )
    c3.download_button(
        t("download_readme", lang),
        data=lambda: downloads.readme_text(view, state, today, n_articles=n_articles),
        file_name=downloads.export_filename(state, today, ext="txt").replace("claims_", "README_claims_", 1),
        mime="text/plain",
        on_click="ignore",
        key="dl_readme",
        icon=":material/description:",
    )


def main() -> None:
    lang = ui.lang()
    found = filtered_claims(lang)
    if found is None:
        return
    df, state, view = found.all, found.state, found.view
    st.subheader(t("rows_count", lang, n=localize(f"{len(view):,}", lang)), anchor=False)
    download_row(view, df, state, lang)
    if view.empty:
        st.warning(t("no_match", lang))
        return
    if queries.NEWEST in view:
        shown = view.nsmallest(MAX_ROWS, queries.NEWEST)
    else:
        shown = view.sort_values("published", ascending=False, kind="stable").head(MAX_ROWS)
    if len(view) > MAX_ROWS:
        st.caption(
            t("table_capped", lang, shown=localize(f"{MAX_ROWS:,}", lang), total=localize(f"{len(view):,}", lang))
        )
    st.dataframe(
        table_frame(shown, lang),
        column_config=column_config(lang),
        hide_index=True,
        key="claims_table",
        height=min(700, 38 * len(shown) + 40),
    )


main()
