"""Claims: the filtered table with links to the source and the article, and the CSV downloads."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import downloads, queries, ui
from dashboard.claims_table import MAX_ROWS, column_config, styled, table_frame
from dashboard.filtered_claims import filtered_claims
from dashboard.formatting import localize
from dashboard.i18n import t


def download_row(view: pd.DataFrame, full: pd.DataFrame, state, lang: str) -> None:
    """Buttons for the filtered CSV, the full CSV and the README; files are built only when clicked."""
    today = dt.date.today()
    n_articles = int(full["document"].nunique())
    row = st.container(horizontal=True, gap="small", key="downloads")
    c1 = c2 = c3 = row
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
    with st.container(horizontal=True, gap="medium", vertical_alignment="center", key="claims_head"):
        st.markdown(f"**{t('rows_count', lang, n=localize(f'{len(view):,}', lang))}**", width="content")
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
        styled(table_frame(shown, lang), shown["unit"], lang),
        column_config=column_config(lang),
        hide_index=True,
        key="claims_table",
        height=min(640, 36 * len(shown) + 40),
    )


main()
