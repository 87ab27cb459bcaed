"""Claims: the filtered table with links to the source and the article, and the CSV downloads."""

from __future__ import annotations

import datetime as dt
import math
from contextlib import closing
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.app import queries, review_ui, ui
from dashboard.app.claims_table import MAX_ROWS, column_config, styled, table_frame
from dashboard.app.filtered_claims import filtered_claims
from dashboard.lang.errors import UserError
from dashboard.lang.formatting import localize
from dashboard.lang.i18n import t, value_label
from dashboard.present import downloads
from dashboard.store.claim_filter import FilterState


def download_row(state: FilterState, figures: dict[str, Any], n_articles: int, lang: str) -> None:
    """Buttons for the filtered CSV, the full CSV and the README; files are written from the database,
    a chunk of claims at a time, only when clicked."""
    today = dt.date.today()
    row = st.container(horizontal=True, gap="small", key="downloads")
    c1 = c2 = c3 = row
    ui.download(
        c1,
        t("download_filtered", lang),
        lambda: queries.csv_download(state),
        downloads.export_filename(state, today),
        "dl_filtered",
    )
    ui.full_table_download(c2, state, today, lang, "dl_full")
    ui.download(
        c3,
        t("download_readme", lang),
        lambda: downloads.readme_text(figures, state, today, n_articles=n_articles),
        downloads.export_filename(state, today, ext="txt").replace("claims_", "README_claims_", 1),
        "dl_readme",
        csv=False,
    )


MAX_RATE_OPTIONS = 500  # claims offered in the rating form: the newest of the filtered view


def _save_verdict(path: str, claim: dict, reviewer: str, lang: str) -> None:
    from dashboard.store import reviews

    try:
        with closing(queries.write_db(path, lang)) as conn:
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
            disabled=not reviewer or key is None or queries.read_only(path),
            on_click=_save_verdict,
            args=(path, by_key.get(key, {}), reviewer, lang),
        )
        message = st.session_state.pop("rate_message", None)
        if message:
            (st.success if message[0] == "success" else st.error)(message[1])


def page_number(total: int, lang: str) -> int:
    """The page of the table to show (the first holds the newest claims); a choice only when there are several."""
    pages = max(1, math.ceil(total / MAX_ROWS))
    if pages == 1:
        return 1
    key = "table_page"
    if not isinstance(st.session_state.get(key), int) or not 1 <= st.session_state[key] <= pages:
        st.session_state[key] = 1
    chosen = st.number_input(
        t("table_page", lang, pages=localize(f"{pages:,}", lang)), min_value=1, max_value=pages, step=1, key=key
    )
    return int(chosen or 1)


def main() -> None:
    lang = ui.lang()
    found = filtered_claims(lang)
    if found is None:
        return
    state, total = found.state, int(found.figures["claims"])
    n_articles = int(queries.key_figures(FilterState())["articles"])
    with st.container(horizontal=True, gap="medium", vertical_alignment="center", key="claims_head"):
        st.markdown(f"**{t('rows_count', lang, n=localize(f'{total:,}', lang))}**", width="content")
        download_row(state, found.figures, n_articles, lang)
    if not total:
        st.warning(t("no_match", lang))
        return
    number = page_number(total, lang)
    shown = queries.page(state, MAX_ROWS, (number - 1) * MAX_ROWS)
    if total > MAX_ROWS:
        st.caption(t("table_capped", lang, shown=localize(f"{MAX_ROWS:,}", lang), total=localize(f"{total:,}", lang)))
    st.dataframe(
        styled(table_frame(shown, lang, queries.article_keys(shown["article_id"].tolist())), shown["unit"], lang),
        column_config=column_config(lang),
        hide_index=True,
        key="claims_table",
        height=min(640, 36 * len(shown) + 40),
    )
    rate_form(shown, queries.db_path(), lang)


main()
