"""About and download: what the data is, its caveats, and the full table with its README."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.app import queries, ui
from dashboard.lang.formatting import ltr
from dashboard.lang.i18n import t
from dashboard.present import downloads
from dashboard.store.claim_filter import FilterState


def main() -> None:
    lang = ui.lang()
    st.subheader(t("about_title", lang), anchor=False)
    st.markdown(t("about_body", lang))
    st.caption(ltr(t("map_attribution", lang)))
    state = FilterState()
    figures = queries.key_figures(state)
    st.subheader(t("about_downloads", lang), anchor=False)
    if not figures["claims"]:
        st.info(t("empty_db", lang))
        return
    today = dt.date.today()
    n_articles = int(figures["articles"])
    c1, c2 = st.columns(2)
    ui.full_table_download(c1, state, today, lang, "about_dl_full")
    readme = downloads.readme_text(figures, state, today, full=True, n_articles=n_articles)
    readme_name = downloads.export_filename(state, today, full=True, ext="txt").replace("claims_", "README_claims_", 1)
    ui.download(c2, t("download_readme", lang), readme, readme_name, "about_dl_readme", csv=False)
    with st.expander("README", expanded=False):
        st.code(readme, language=None)


main()
