"""Claims: the filtered table with links to the source and the article, and the CSV downloads."""

from __future__ import annotations

import datetime as dt
from contextlib import closing

import pandas as pd
import streamlit as st

from dashboard.app import queries, review_ui, ui
from dashboard.app.claims_table import MAX_ROWS, column_config, styled, table_frame
from dashboard.app.filtered_claims import filtered_claims
from dashboard.lang.errors import UserError
from dashboard.lang.i18n import t, value_label
from dashboard.present import downloads
from dashboard.present.formatting import localize


def download_row(view: pd.DataFrame, full: pd.DataFrame, state, lang: str) -> None:
    """Buttons for the filtered CSV, the full CSV and the README; files are built only when clicked."""
    today = dt.date.today()
    n_articles = int(full["document"].nunique())
    row = st.container(horizontal=True, gap="small", key="downloads")
    c1 = c2 = c3 = row
    ui.download(
        c1,
        t("download_filtered", lang),
        lambda: downloads.csv_bytes(queries.with_provenance(view)),
        downloads.export_filename(state, today),
        "dl_filtered",
    )
    ui.full_table_download(c2, full, state, today, lang, "dl_full")
    ui.download(
        c3,
        t("download_readme", lang),
        lambda: downloads.readme_text(view, state, today, n_articles=n_articles),
        downloads.export_filename(state, today, ext="txt").replace("claims_", "README_claims_", 1),
        "dl_readme",
        csv=False,
    )


MAX_RATE_OPTIONS = 500  # claims offered in the rating form: the newest of the filtered view


def _save_verdict(path: str, claim: dict, reviewer: str, lang: str) -> None:
    from dashboard.store import database as store
    from dashboard.store import reviews

    try:
        with closing(store.connect(path)) as conn:
            reviews.rate(
                conn,
                str(claim["claim_key"]),
                str(claim["document"]),
                str(st.session_state.get("rate_verdict", "not_rated")),
                note=str(st.session_state.get("rate_note", "") or ""),
                url=str(st.session_state.get("rate_url", "") or ""),
                reviewer=reviewer,
            )
        st.session_state["rate_message"] = ("success", t("rate_saved", lang))
    except UserError as exc:
        st.session_state["rate_message"] = ("error", str(exc))


def rate_form(shown: pd.DataFrame, path: str, lang: str) -> None:
    """Pick one of the shown claims and store a verdict on it (with a note, the evidence URL and who)."""
    from dashboard.store.reviews import VERDICTS

    options = shown.head(MAX_RATE_OPTIONS)
    by_key = {str(r["claim_key"]): r for r in options.to_dict("records")}
    with st.expander(t("rate_title", lang), expanded=False, key="rate_box"):
        reviewer = review_ui.reviewer_name(lang)
        if not reviewer:
            st.caption(t("reviewer_needed", lang))
        key = st.selectbox(
            t("rate_claim", lang),
            list(by_key),
            key="rate_claim",
            format_func=lambda k: (
                f"{by_key[k]['mention']} · {value_label('metric', str(by_key[k]['metric']), lang)} · "
                f"{by_key[k]['document']} · {value_label('verdict', str(by_key[k]['verdict']), lang)}"
            ),
        )
        st.selectbox(
            t("col_verdict", lang),
            list(VERDICTS),
            key="rate_verdict",
            format_func=lambda v: value_label("verdict", v, lang),
        )
        st.text_input(t("rate_note", lang), key="rate_note")
        st.text_input(t("rate_url", lang), key="rate_url")
        st.button(
            t("rate_save", lang),
            key="rate_save",
            disabled=not reviewer or key is None,
            on_click=_save_verdict,
            args=(path, by_key.get(key, {}), reviewer, lang),
        )
        message = st.session_state.pop("rate_message", None)
        if message:
            (st.success if message[0] == "success" else st.error)(message[1])


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
        styled(table_frame(shown, lang, queries.article_keys()), shown["unit"], lang),
        column_config=column_config(lang),
        hide_index=True,
        key="claims_table",
        height=min(640, 36 * len(shown) + 40),
    )
    rate_form(shown, queries.db_path(), lang)


main()
