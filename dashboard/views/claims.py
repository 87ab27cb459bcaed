"""Claims: the filtered table with links to the source and the article, and the CSV downloads."""

from __future__ import annotations

import datetime as dt
from contextlib import closing
from urllib.parse import quote

import pandas as pd
import streamlit as st

from dashboard import downloads, queries, review_ui, ui
from dashboard.errors import UserError
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
    if "verdict" in df:
        out["verdict"] = _labels(df["verdict"], "verdict", lang)
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
        "verdict": t("col_verdict", lang),
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


MAX_RATE_OPTIONS = 500  # claims offered in the rating form: the newest of the filtered view


def _save_verdict(path: str, claim: dict, reviewer: str, lang: str) -> None:
    from dashboard import reviews, store

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
    from dashboard.reviews import VERDICTS

    reviewer = review_ui.reviewer_name(lang)
    options = shown.head(MAX_RATE_OPTIONS)
    by_key = {str(r["claim_key"]): r for r in options.to_dict("records")}
    with st.expander(t("rate_title", lang), expanded=False, key="rate_box"):
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
    rate_form(shown, queries.db_path(), lang)


main()
