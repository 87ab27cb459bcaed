"""Overview: key figures, charts by province, program and time, and the map."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote

import pandas as pd
import streamlit as st

from dashboard.app import queries, ui, urlstate
from dashboard.app.filtered_claims import filtered_claims
from dashboard.lang.formatting import date_span, display_date, format_value, localize, ltr
from dashboard.lang.i18n import metric_label, t, value_label
from dashboard.present import charts
from dashboard.present.aggregates import NO_SUM_METRICS
from dashboard.store.claim_aggregates import SqlClaims
from dashboard.store.claim_filter import FilterState

PLOTLY_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}
VIEWS = ("charts", "map", "time")
PERIODS = ("month", "year")


@st.cache_data(show_spinner=False, max_entries=48)
def figure(kind: str, path: str, version: int, state: FilterState, arg: str, how: str, metric: str | None, lang: str):
    """A chart of the filtered claims, built once per database version, filters and choices.

    ``kind`` is ``bar`` (``arg``: province or program), ``map`` or ``time`` (``arg``: month or year).
    """
    claims = queries.claims_source(state, path)
    if kind == "bar":
        return charts.bar_chart(claims, arg, how, metric, lang)
    if kind == "map":
        return charts.province_map(claims, how, metric, lang)
    return charts.time_chart(claims, arg, how, metric, lang)


def key_figures(figures: dict[str, Any], lang: str) -> None:
    """Articles, claims, provinces, outlets and the Jalali date span of the filtered claims, in one row."""
    first, last = figures["first"], figures["last"]
    span = date_span(first, last, lang) if first and last else t("no_dates", lang)
    with st.container(horizontal=True, wrap=False, gap="medium", key="key_figures"):
        for label, value in (
            ("kf_articles", figures["articles"]),
            ("kf_claims", figures["claims"]),
            ("kf_provinces", figures["provinces"]),
            ("kf_outlets", figures["outlets"]),
        ):
            st.metric(t(label, lang), localize(f"{value:,}", lang), width="content")
        st.metric(t("kf_span", lang), span, width="content")


def choose(name: str, options: Sequence[str], label: str, fmt: Callable[[str], str]) -> str:
    """A horizontal radio kept in the URL under ``name`` (its first option is the default)."""
    key = urlstate.prepare(name, options[0], valid=lambda v: v if v in options else options[0])
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0]
    return urlstate.remember(
        name, st.radio(label, options, key=key, format_func=fmt, horizontal=True), default=options[0]
    )


def latest_table(claims: SqlClaims, by: str, metric: str, lang: str) -> None:
    """The values «آخرین مقدار» picked: group, value, date, status and a link to each article."""
    picks = claims.latest_by(metric, by)
    if picks.empty:
        return
    unit = claims.unit(metric) or "count"
    suffix = "&lang=en" if lang == "en" else ""
    table = pd.DataFrame(
        {
            "group": [value_label(by, str(k), lang) for k in picks[by]],
            "figure": [format_value(v, unit, lang) for v in picks["value"]],
            "date": [display_date(p, lang) or t("undated", lang) for p in picks["published"]],
            "status": [value_label("status", s, lang) for s in picks["status"]],
            "source": picks["source"],
            "article": [f"./article?document={quote(str(d), safe='')}{suffix}" for d in picks["document"]],
        }
    )
    st.caption(t("latest_caption", lang))
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "group": t(f"col_{by}", lang),
            "figure": t("col_figure", lang),
            "date": t("col_date", lang),
            "status": t("col_status", lang),
            "source": t("col_source", lang),
            "article": st.column_config.LinkColumn(t("col_article", lang), display_text=t("open_link", lang)),
        },
        key=f"latest_{by}",
    )


def main() -> None:
    lang = ui.lang()
    found = filtered_claims(lang)
    if found is None:
        return
    path, version = queries.db_path(), queries.version()
    key_figures(found.figures, lang)
    if not found.figures["claims"]:
        st.warning(t("no_match", lang))
        return

    metric_options = ["", *queries.counts().get("metric", {})]
    c0, c1, c2, c3 = st.columns([3, 2, 3, 2], vertical_alignment="bottom")
    with c0:
        view = choose("view", VIEWS, t("view", lang), lambda v: t(f"view_{v}", lang))
    with c1:
        key = urlstate.prepare("chart_metric", "", valid=lambda v: v if v in metric_options else "")
        metric: str | None = st.selectbox(
            t("chart_metric", lang),
            metric_options,
            key=key,
            format_func=lambda m: t("all", lang) if not m else metric_label(m, lang),
            help=t("chart_metric_help", lang),
        )
        metric = urlstate.remember("chart_metric", metric or "", default="") or None
    unit = queries.claims_source(FilterState()).unit(metric) if metric else None
    measures = charts.measures(metric, unit)
    if len(measures) > 1:
        with c2:
            how = choose("how", measures, t("measure", lang), lambda h: t(f"how_{h}", lang))
    else:
        how = measures[0]
    if view == "time":
        with c3:
            period = choose("period", PERIODS, t("granularity", lang), lambda p: t(f"gran_{p}", lang))
    if not metric:
        st.caption(t("pick_metric_for_values", lang))
    elif metric in NO_SUM_METRICS or unit in NO_SUM_METRICS:
        st.caption(t("no_sum_for_metric", lang))
    elif how == "sum":
        st.caption(t("sum_caveat", lang))

    if view == "charts":
        left, right = st.columns(2)
        with left:
            st.plotly_chart(
                figure("bar", path, version, found.state, "province", how, metric, lang),
                config=PLOTLY_CONFIG,
                key="chart_province",
            )
        with right:
            st.plotly_chart(
                figure("bar", path, version, found.state, "program", how, metric, lang),
                config=PLOTLY_CONFIG,
                key="chart_program",
            )
        if how == "latest" and metric:
            latest_table(queries.claims_source(found.state), "province", metric, lang)
    elif view == "map":
        st.plotly_chart(
            figure("map", path, version, found.state, "", how, metric, lang), config=PLOTLY_CONFIG, key="chart_map"
        )
        national = int(queries.claims_source(found.state).scoped(national=True).count_by("province")["claims"].sum())
        if national:
            st.caption(t("map_national_note", lang, n=localize(str(national), lang)))
        st.caption(t("list_sep", lang).join((t("map_no_data", lang), ltr(t("map_attribution", lang)))))
    else:
        st.plotly_chart(
            figure("time", path, version, found.state, period, how, metric, lang),
            config=PLOTLY_CONFIG,
            key="chart_time",
        )


main()
