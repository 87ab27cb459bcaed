"""Pure chart builders: a claims DataFrame in, a plotly Figure out (no Streamlit here).

Aggregation is honest: values of different metrics or units are never added. Counting
claims works across metrics; a sum or a latest value needs one metric, and only the rows in
that metric's main unit are used. Every title says which measure is shown.

>>> import pandas as pd
>>> df = pd.DataFrame({"province": ["Yazd", "Yazd", "Qom"], "metric": ["jobs"] * 3,
...     "unit": ["count"] * 3, "value": [10.0, 5.0, 7.0], "published": ["2024-01-01", "2024-02-01", ""]})
>>> aggregate(df, "province", "sum", "jobs").to_dict("records")
[{'province': 'Yazd', 'value': 15.0, 'claims': 2}, {'province': 'Qom', 'value': 7.0, 'claims': 1}]
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard.formatting import (
    format_number,
    format_scaled,
    format_value,
    jalali_columns,
    jalali_date,
    period_label,
)
from dashboard.i18n import metric_label, norm_lang, program_label, province_label, t, unit_label, value_label
from dashboard.paths import DATA_DIR

HOWS = ("count", "sum", "latest")
GEOJSON_PATH = DATA_DIR / "geo" / "iran_provinces.geojson"
NO_DATA_COLOR = "#cfcfcf"
COLOR_SCALE = "YlOrRd"
BAR_COLOR = "#2f6f8f"
FONT = "Vazirmatn, Tahoma, sans-serif"


class ChartError(ValueError):
    """A chart was asked for something it cannot honestly show (e.g. a sum over several metrics)."""


def metric_unit(df: pd.DataFrame, metric: str) -> str | None:
    """The unit most claims of ``metric`` use (``IRR`` for money), or None when there are none."""
    units = df.loc[df["metric"] == metric, "unit"]
    if units.empty:
        return None
    return str(units.value_counts().index[0])


def effective_how(how: str, metric: str | None) -> str:
    """``sum`` and ``latest`` need one metric; without one the chart falls back to counting claims."""
    if how not in HOWS:
        raise ChartError(f"unknown measure {how!r}; expected one of {', '.join(HOWS)}")
    return how if metric else "count"


def aggregate(df: pd.DataFrame, by: str, how: str, metric: str | None = None) -> pd.DataFrame:
    """One row per value of ``by`` with ``value`` (the measure) and ``claims`` (rows behind it).

    ``how``: ``count`` (number of claims; restricted to ``metric`` when given), ``sum`` or
    ``latest`` (the value of the most recently published claim; undated claims come first, so
    a dated one wins). Groups are sorted by value, largest first.
    """
    how = effective_how(how, metric)
    rows = df
    if metric:
        unit = metric_unit(df, metric)
        rows = df[(df["metric"] == metric) & (df["unit"] == unit)]
    rows = rows[rows[by].notna()]
    if rows.empty:
        return pd.DataFrame({by: pd.Series(dtype=object), "value": pd.Series(dtype=float), "claims": 0})
    grouped = rows.groupby(by, sort=False, observed=True)
    claims = grouped.size().rename("claims")
    if how == "count":
        value = claims.astype(float).rename("value")
    elif how == "sum":
        value = grouped["value"].sum(min_count=1).rename("value")
    else:
        order = rows.assign(_date=rows["published"].fillna("").astype(str)).sort_values("_date", kind="stable")
        value = order.dropna(subset=["value"]).groupby(by, sort=False, observed=True)["value"].last().rename("value")
    out = pd.concat([value, claims], axis=1).reset_index()
    out["claims"] = out["claims"].fillna(0).astype(int)
    return out.sort_values(["value", by], ascending=[False, True], kind="stable").reset_index(drop=True)


def chart_title(how: str, by: str, metric: str | None, unit: str | None, lang: str) -> str:
    """A title naming the measure, the metric and its unit, e.g. «جمع «اشتغال» (عدد) بر اساس استان»."""
    how = effective_how(how, metric)
    by_text = t({"province": "by_province", "program": "by_program"}.get(by, "by_time"), lang)
    if how == "count":
        if metric:
            return t("title_count_metric", lang, metric=metric_label(metric, lang), by=by_text)
        return t("title_count", lang, by=by_text)
    return t(
        f"title_{how}", lang, metric=metric_label(metric or "", lang), unit=unit_label(unit or "", lang), by=by_text
    )


def _display(values: pd.Series, unit: str | None, how: str) -> pd.Series:
    """Values as the axis shows them: money in toman, counts of claims as they are."""
    if how != "count" and unit == "IRR":
        return values / 10
    return values


def nice_ticks(values: list[float] | pd.Series, count: int = 5) -> list[float]:
    """Round tick positions from 0 (or the minimum, when negative) to past the maximum.

    >>> nice_ticks([0, 37])
    [0.0, 10.0, 20.0, 30.0, 40.0]
    >>> nice_ticks([6.5e12])
    [0.0, 2000000000000.0, 4000000000000.0, 6000000000000.0, 8000000000000.0]
    """
    numbers = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    if not numbers:
        return []
    low, high = min(0.0, min(numbers)), max(0.0, max(numbers))
    if high == low:
        return [low]
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(float(round(value, 10)))
        value += step
    return ticks


def tick_labels(ticks: list[float], lang: str) -> list[str]:
    """Tick texts with scale words and the reader's digits: 2e12 → «۲ هزار میلیارد»."""
    return [format_scaled(v, lang) for v in ticks]


def _value_axis(values: list[float] | pd.Series, lang: str) -> dict:
    """Axis settings that write the value ticks in the reader's digits and scale words."""
    ticks = nice_ticks(values)
    return {"tickmode": "array", "tickvals": ticks, "ticktext": tick_labels(ticks, lang)} if ticks else {}


def _hover_texts(agg: pd.DataFrame, how: str, unit: str | None, lang: str) -> list[str]:
    texts = []
    for value, n in zip(agg["value"].tolist(), agg["claims"].tolist(), strict=True):
        shown = format_number(value, lang) if how == "count" else format_value(value, unit or "count", lang)
        texts.append(f"{shown} · {t('rows_count', lang, n=format_number(n, lang))}")
    return texts


def _layout(fig: go.Figure, title: str, lang: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.5, "xanchor": "center"},
        font={"family": FONT},
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"font": {"family": FONT}},
        separators="٫٬" if norm_lang(lang) == "fa" else ".,",
    )
    return fig


def empty_figure(title: str, lang: str) -> go.Figure:
    """A figure with the title and a «nothing to show» note instead of an empty plot."""
    fig = go.Figure()
    fig.add_annotation(text=t("no_data", lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, lang, height=260)


def bar_chart(df: pd.DataFrame, by: str, how: str, metric: str | None, lang: str = "fa") -> go.Figure:
    """Horizontal bars of the measure per province or program, largest on top.

    Bars read right to left in Persian (the value axis is reversed and the labels sit on the right).
    """
    how = effective_how(how, metric)
    unit = metric_unit(df, metric) if metric else None
    title = chart_title(how, by, metric, unit, lang)
    agg = aggregate(df, by, how, metric)
    if agg.empty:
        return empty_figure(title, lang)
    labels = [value_label(by, str(k), lang) for k in agg[by]]
    fig = go.Figure(
        go.Bar(
            x=_display(agg["value"], unit, how).tolist(),
            y=labels,
            orientation="h",
            marker_color=BAR_COLOR,
            customdata=list(zip(agg[by].astype(str), _hover_texts(agg, how, unit, lang), strict=True)),
            hovertemplate="%{y}<br>%{customdata[1]}<extra></extra>",
            name=title,
        )
    )
    rtl = norm_lang(lang) == "fa"
    axis_title = (
        t("axis_claims", lang) if how == "count" else f"{t('axis_value', lang)} ({unit_label(unit or '', lang)})"
    )
    fig.update_xaxes(title=axis_title, autorange="reversed" if rtl else True, **_value_axis(fig.data[0].x, lang))
    fig.update_yaxes(autorange="reversed", side="right" if rtl else "left", automargin=True)
    return _layout(fig, title, lang, height=max(300, 28 * len(agg) + 120))


def add_periods(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with ``jyear``, ``jmonth`` and ``jdate`` columns (Jalali) when it lacks them."""
    if {"jyear", "jmonth", "jdate"} <= set(df.columns):
        return df
    return pd.concat([df, jalali_columns(df["published"])], axis=1)


def time_chart(df: pd.DataFrame, granularity: str, how: str, metric: str | None, lang: str = "fa") -> go.Figure:
    """Bars of the measure per Jalali month (``granularity="month"``) or year, oldest first."""
    how = effective_how(how, metric)
    unit = metric_unit(df, metric) if metric else None
    title = chart_title(how, "time", metric, unit, lang)
    col = "jmonth" if granularity == "month" else "jyear"
    rows = add_periods(df)
    rows = rows[rows[col].notna()].assign(_period=lambda d: d[col].astype(str))
    agg = aggregate(rows, "_period", how, metric).sort_values("_period").reset_index(drop=True)
    if agg.empty:
        return empty_figure(title, lang)
    fig = go.Figure(
        go.Bar(
            x=[period_label(p, lang) for p in agg["_period"]],
            y=_display(agg["value"], unit, how).tolist(),
            marker_color=BAR_COLOR,
            customdata=list(zip(agg["_period"], _hover_texts(agg, how, unit, lang), strict=True)),
            hovertemplate="%{x}<br>%{customdata[1]}<extra></extra>",
            name=title,
        )
    )
    axis_title = (
        t("axis_claims", lang) if how == "count" else f"{t('axis_value', lang)} ({unit_label(unit or '', lang)})"
    )
    fig.update_yaxes(
        title=axis_title, side="right" if norm_lang(lang) == "fa" else "left", **_value_axis(fig.data[0].y, lang)
    )
    fig.update_xaxes(type="category", autorange="reversed" if norm_lang(lang) == "fa" else True)
    return _layout(fig, title, lang)


@lru_cache(maxsize=2)
def _geojson_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_geojson(path: Path = GEOJSON_PATH) -> dict:
    """The provinces' boundaries; features carry ``name:en`` (the province key) and ``name:fa``."""
    return json.loads(_geojson_text(path))


def province_map(
    df: pd.DataFrame, how: str, metric: str | None, lang: str = "fa", geojson: dict | None = None
) -> go.Figure:
    """A choropleth of the provinces coloured by the measure.

    Provinces with no claim are drawn grey in their own trace (named «بدون داده»), which is not
    the colour of zero; national claims have no place on the map and are left out.
    """
    geojson = geojson if geojson is not None else load_geojson()
    how = effective_how(how, metric)
    unit = metric_unit(df, metric) if metric else None
    title = chart_title(how, "province", metric, unit, lang)
    keys = [f["properties"]["name:en"] for f in geojson["features"]]
    agg = aggregate(df, "province", how, metric)
    agg = agg[agg["province"].isin(keys) & agg["value"].notna()]
    missing = [k for k in keys if k not in set(agg["province"])]
    fig = go.Figure()
    if missing:
        fig.add_trace(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.name:en",
                locations=missing,
                z=[0] * len(missing),
                zmin=0,
                zmax=1,
                colorscale=[[0, NO_DATA_COLOR], [1, NO_DATA_COLOR]],
                showscale=False,
                marker_line_color="white",
                marker_line_width=0.8,
                text=[province_label(k, lang) for k in missing],
                hovertemplate="%{text}<br>" + t("map_no_data_trace", lang) + "<extra></extra>",
                name=t("map_no_data_trace", lang),
            )
        )
    if not agg.empty:
        shown = _display(agg["value"], unit, how)
        fig.add_trace(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.name:en",
                locations=agg["province"].tolist(),
                z=shown.tolist(),
                zmin=0,
                colorscale=COLOR_SCALE,
                marker_line_color="white",
                marker_line_width=0.8,
                text=[province_label(k, lang) for k in agg["province"]],
                customdata=_hover_texts(agg, how, unit, lang),
                hovertemplate="%{text}<br>%{customdata}<extra></extra>",
                colorbar={
                    "title": {"text": t("axis_claims", lang) if how == "count" else unit_label(unit or "", lang)},
                    **_value_axis(shown.tolist(), lang),
                },
                name=title,
            )
        )
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.add_annotation(
        text=t("map_no_data", lang), showarrow=False, x=0.5, y=-0.02, xref="paper", yref="paper", font={"size": 12}
    )
    return _layout(fig, title, lang, height=560)


def history_chart(series: pd.DataFrame, metric: str, province: str, program: str, lang: str = "fa") -> go.Figure:
    """Every appearance of one figure over time: value against publication date, one marker per article."""
    title = t(
        "history_title",
        lang,
        metric=metric_label(metric, lang),
        province=province_label(province, lang),
        program=program_label(program, lang),
    )
    rows = series[series["published"].fillna("").astype(str) != ""] if "published" in series else series.iloc[0:0]
    if rows.empty or "value" not in rows:
        return empty_figure(title, lang)
    rows = rows.sort_values("published", kind="stable")
    unit = str(rows["unit"].iloc[0]) if "unit" in rows else "count"
    hover = [
        f"{jalali_date(p, lang)} · {format_value(v, unit, lang)} · {s}"
        for p, v, s in zip(rows["published"], rows["value"], rows.get("source", [""] * len(rows)), strict=True)
    ]
    fig = go.Figure(
        go.Scatter(
            x=rows["published"].astype(str).str.slice(0, 10).tolist(),
            y=_display(rows["value"], unit, "sum").tolist(),
            mode="lines+markers",
            marker={"size": 10, "color": BAR_COLOR},
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            name=title,
        )
    )
    dates = rows["published"].astype(str).str.slice(0, 10).tolist()
    axis_title = f"{t('axis_value', lang)} ({unit_label(unit, lang)})"
    fig.update_yaxes(title=axis_title, rangemode="tozero", **_value_axis(fig.data[0].y, lang))
    fig.update_xaxes(tickmode="array", tickvals=dates, ticktext=[jalali_date(d, lang) for d in dates])
    return _layout(fig, title, lang)
