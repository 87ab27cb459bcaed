"""About and download: what the data is, its caveats, and the full table with its README."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.app import queries, ui
from dashboard.lang.i18n import t
from dashboard.present import downloads
from dashboard.present.filters import FilterState
from dashboard.present.formatting import ltr


def main() -> None:
    lang = ui.lang()
    st.subheader(t("about_title", lang), anchor=False)
    st.markdown(t("about_body", lang))
    st.caption(ltr(t("map_attribution", lang)))
    df = queries.claims()
    st.subheader(t("about_downloads", lang), anchor=False)
    if df.empty:
        st.info(t("empty_db", lang))
        return
    today = dt.date.today()
    state = FilterState()
    n_articles = int(df["document"].nunique())
    c1, c2 = st.columns(2)
    ui.full_table_download(c1, df, state, today, lang, "about_dl_full")
    readme = downloads.readme_text(df, state, today, full=True, n_articles=n_articles)
    readme_name = downloads.export_filename(state, today, full=True, ext="txt").replace("claims_", "README_claims_", 1)
    ui.download(c2, t("download_readme", lang), readme, readme_name, "about_dl_readme", csv=False)
    with st.expander("README", expanded=False):
        st.code(readme, language=None)


main()
