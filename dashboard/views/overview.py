"""Overview: key figures, charts by province, program and time, and the map."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from dashboard import charts, queries, ui, urlstate
from dashboard.filtered_claims import filtered_claims
from dashboard.formatting import jalali_span, localize
from dashboard.i18n import metric_label, t
from dashboard.taxonomy import NATIONAL

PLOTLY_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}
VIEWS = ("charts", "map", "time")
PERIODS = ("month", "year")


def key_figures(df: pd.DataFrame, lang: str) -> None:
    """Articles, claims, provinces, outlets and the Jalali date span of the filtered claims."""
    provinces = df.loc[df["province"].ne("") & df["province"].ne(NATIONAL), "province"].nunique()
    outlets = df.loc[df["source"].ne(""), "source"].nunique()
    dated = df.loc[df["published"].ne(""), "published"]
    span = jalali_span(dated.min(), dated.max(), lang) if not dated.empty else t("no_dates", lang)
    cols = st.columns([1, 1, 1, 1, 3])
    for col, label, value in (
        (cols[0], "kf_articles", df["document"].nunique()),
        (cols[1], "kf_claims", len(df)),
        (cols[2], "kf_provinces", provinces),
        (cols[3], "kf_outlets", outlets),
    ):
        col.metric(t(label, lang), localize(f"{value:,}", lang))
    cols[4].metric(t("kf_span", lang), span)


def choose(name: str, options: Sequence[str], label: str, fmt: Callable[[str], str]) -> str:
    """A horizontal radio kept in the URL under ``name`` (its first option is the default)."""
    key = urlstate.prepare(name, options[0], valid=lambda v: v if v in options else options[0])
    return urlstate.remember(
        name, st.radio(label, options, key=key, format_func=fmt, horizontal=True), default=options[0]
    )


def main() -> None:
    lang = ui.lang()
    found = filtered_claims(lang)
    if found is None:
        return
    view_df = found.view
    key_figures(view_df, lang)
    if view_df.empty:
        st.warning(t("no_match", lang))
        return

    view = choose("view", VIEWS, t("view", lang), lambda v: t(f"view_{v}", lang))
    metric_options = ["", *queries.counts().get("metric", {})]
    c1, c2, c3 = st.columns([1, 2, 1])
    with c1:
        key = urlstate.prepare("chart_metric", "", valid=lambda v: v if v in metric_options else "")
        metric = st.selectbox(
            t("chart_metric", lang),
            metric_options,
            key=key,
            format_func=lambda m: t("all", lang) if not m else metric_label(m, lang),
            help=t("chart_metric_help", lang),
        )
        metric = urlstate.remember("chart_metric", metric or "", default="") or None
    with c2:
        how = choose("how", charts.HOWS, t("measure", lang), lambda h: t(f"how_{h}", lang))
    if how != "count" and not metric:
        st.info(t("pick_metric_for_values", lang))
    elif how == "sum":
        st.caption(t("sum_caveat", lang))

    if view == "charts":
        left, right = st.columns(2)
        with left:
            st.plotly_chart(
                charts.bar_chart(view_df, "province", how, metric, lang),
                config=PLOTLY_CONFIG,
                key="chart_province",
            )
        with right:
            st.plotly_chart(
                charts.bar_chart(view_df, "program", how, metric, lang),
                config=PLOTLY_CONFIG,
                key="chart_program",
            )
    elif view == "map":
        st.plotly_chart(charts.province_map(view_df, how, metric, lang), config=PLOTLY_CONFIG, key="chart_map")
        national = int((view_df["province"] == NATIONAL).sum())
        if national:
            st.caption(t("map_national_note", lang, n=localize(str(national), lang)))
        st.caption(f"{t('map_no_data', lang)} · {t('map_attribution', lang)}")
    else:
        with c3:
            period = choose("period", PERIODS, t("granularity", lang), lambda p: t(f"gran_{p}", lang))
        st.plotly_chart(charts.time_chart(view_df, period, how, metric, lang), config=PLOTLY_CONFIG, key="chart_time")


main()
