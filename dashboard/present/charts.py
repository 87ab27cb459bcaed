"""Pure chart builders: a claims DataFrame in, a plotly Figure out (no Streamlit here).

Aggregation is honest (the rules live in :mod:`dashboard.present.aggregates`): counting claims works
across metrics; a sum or a latest value needs one metric and uses only its main unit. A sum
adds reported claims only, draws planned ones as their own bars, and says under its title what
it left out and why. National claims are never ranked among the provinces. Every title says
which measure is shown; Persian text inside a chart is marked right to left.

>>> import pandas as pd
>>> df = pd.DataFrame({"province": ["Yazd", "Yazd", "Qom"], "metric": ["jobs"] * 3,
...     "unit": ["count"] * 3, "value": [10.0, 5.0, 7.0], "published": ["2024-01-01", "2024-02-01", ""]})
>>> aggregate(df, "province", "count", "jobs").to_dict("records")
[{'province': 'Yazd', 'value': 2.0, 'claims': 2}, {'province': 'Qom', 'value': 1.0, 'claims': 1}]
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from dashboard.lang.formatting import (
    display_date,
    format_number,
    format_scaled,
    format_value,
    jalali_columns,
    jalali_date,
    period_label,
    rtl,
)
from dashboard.lang.i18n import metric_label, norm_lang, program_label, province_label, t, unit_label, value_label
from dashboard.lang.paths import DATA_DIR
from dashboard.present.aggregates import (
    PLANNED,
    REASONS,
    REPORTED,
    RULE_COLUMNS,
    ClaimSource,
    FrameClaims,
    sum_allowed,
)

HOWS = ("count", "sum", "latest")
GEOJSON_PATH = DATA_DIR / "geo" / "iran_provinces.geojson"
NO_DATA_COLOR = "#cfcfcf"
COLOR_SCALE = "YlOrRd"
BAR_COLOR = "#2f6f8f"
PLANNED_COLOR = "#e0a458"
STATUS_COLORS = {REPORTED: BAR_COLOR, PLANNED: PLANNED_COLOR}
STATUS_PATTERNS = {REPORTED: "", PLANNED: "/"}
STATUS_SYMBOLS = {REPORTED: "circle", PLANNED: "circle-open"}
FONT = "Vazirmatn, Tahoma, sans-serif"


class ChartError(ValueError):
    """A chart was asked for something it cannot honestly show (e.g. a sum over several metrics)."""


def measures(metric: str | None, unit: str | None = None) -> tuple[str, ...]:
    """The measures a chart of ``metric`` can honestly offer: no sum of percents or of ``other``.

    >>> measures(None), measures("percent", "percent"), measures("jobs", "count")
    (('count',), ('count', 'latest'), ('count', 'sum', 'latest'))
    """
    if not metric:
        return ("count",)
    return HOWS if sum_allowed(metric, unit) else ("count", "latest")


def effective_how(how: str, metric: str | None, unit: str | None = None) -> str:
    """The measure actually drawn: ``count`` when ``how`` needs a metric or is no honest sum of it."""
    if how not in HOWS:
        raise ChartError(f"unknown measure {how!r}; expected one of {', '.join(HOWS)}")
    return how if how in measures(metric, unit) else "count"


def source(data: pd.DataFrame | ClaimSource, by: str | None = None) -> ClaimSource:
    """The claims a chart reads: a DataFrame of claims (only the columns a chart reads) or a source as it is."""
    return FrameClaims(narrow(data, by)) if isinstance(data, pd.DataFrame) else data


def aggregate(data: pd.DataFrame | ClaimSource, by: str, how: str, metric: str | None = None) -> pd.DataFrame:
    """One row per value of ``by`` with ``value`` (the measure) and ``claims`` (rows behind it).

    ``count`` counts claims (of ``metric`` in its main unit, when given); ``sum`` is the honest
    reported sum (:meth:`ClaimSource.sum_by`); ``latest`` the value picked by
    :meth:`ClaimSource.latest_by`. Groups are sorted by value, largest first.
    """
    claims = source(data, by)
    unit = claims.unit(metric) if metric else None
    how = effective_how(how, metric, unit)
    if how == "sum":
        table = claims.sum_by(metric or "", by).table
        table = table[table[f"claims_{REPORTED}"] > 0]
        return pd.DataFrame(
            {by: table[by], "value": table[REPORTED], "claims": table[f"claims_{REPORTED}"]}
        ).reset_index(drop=True)
    if how == "latest":
        return claims.latest_by(metric or "", by)
    return claims.count_by(by, metric)


def narrow(df: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Only the columns a chart reads (selecting columns copies nothing; filtering rows then stays cheap)."""
    wanted = (*RULE_COLUMNS, "title", "source", "jyear", "jmonth", "jdate", *((by,) if by else ()))
    return df[[c for c in dict.fromkeys(wanted) if c in df]]


def chart_title(how: str, by: str, metric: str | None, unit: str | None, lang: str) -> str:
    """A title naming the measure, the metric and its unit, e.g. «جمع «اشتغال» (عدد) بر اساس استان»."""
    how = effective_how(how, metric, unit)
    by_text = t({"province": "by_province", "program": "by_program"}.get(by, "by_time"), lang)
    if how == "count":
        if metric:
            return t("title_count_metric", lang, metric=metric_label(metric, lang), by=by_text)
        return t("title_count", lang, by=by_text)
    return t(
        f"title_{how}", lang, metric=metric_label(metric or "", lang), unit=unit_label(unit or "", lang), by=by_text
    )


def left_out_text(left_out: dict[str, int], lang: str) -> str:
    """What a sum left out and why, in one line: «کنار گذاشته: ۳ جزء …؛ ۱ رقم تجمعی».

    Planned claims left out for the same reason are counted with the reported ones.

    >>> left_out_text({"part": 3, "planned_part": 1, "cumulative": 2}, "en")
    'Left out: 4 parts of a total also counted · 2 running totals («so far»)'
    >>> left_out_text({}, "en")
    ''
    """
    merged: dict[str, int] = {}
    for key, n in left_out.items():
        reason = key.removeprefix("planned_")
        merged[reason] = merged.get(reason, 0) + n
    pieces = [
        t(f"left_out_{reason}", lang, n=format_number(merged[reason], lang)) for reason in REASONS if merged.get(reason)
    ]
    return t("left_out", lang, what=t("list_sep", lang).join(pieces)) if pieces else ""


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
    numbers = [float(v) for v in values if v is not None and not pd.isna(v)]
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
    """Tick texts with scale words and the reader's digits: 2e12 → «۲ هزار میلیارد» (kept right to left)."""
    return [rtl(format_scaled(v, lang), lang) for v in ticks]


def _value_axis(values: list[float] | pd.Series, lang: str) -> dict:
    """Axis settings that write the value ticks in the reader's digits and scale words."""
    ticks = nice_ticks(values)
    return {"tickmode": "array", "tickvals": ticks, "ticktext": tick_labels(ticks, lang)} if ticks else {}


def _claims_text(n: int, lang: str) -> str:
    return t("rows_count", lang, n=format_number(n, lang))


def _hover_texts(values: pd.Series, claims: pd.Series, how: str, unit: str | None, lang: str) -> list[str]:
    """One tooltip line per bar: the measure, then (for values) the claims behind it, never a count twice."""
    texts = []
    for value, n in zip(values.tolist(), claims.tolist(), strict=True):
        if how == "count":
            texts.append(rtl(_claims_text(int(n), lang), lang))
        else:
            texts.append(
                rtl(format_value(value, unit or "count", lang), lang) + "<br>" + rtl(_claims_text(int(n), lang), lang)
            )
    return texts


def _layout(fig: go.Figure, title: str, lang: str, height: int = 420, notes: list[str] | None = None) -> go.Figure:
    notes = [n for n in (notes or []) if n]
    title_spec: dict = {"text": rtl(title, lang), "x": 0.5, "xanchor": "center"}
    if notes:
        title_spec["subtitle"] = {"text": "<br>".join(rtl(n, lang) for n in notes), "font": {"size": 12}}
    legend = len(fig.data) > 1 or bool(fig.layout.showlegend)
    fig.update_layout(
        title=title_spec,
        font={"family": FONT},
        height=height + 16 * len(notes) + (30 if legend else 0),
        margin={"l": 10, "r": 10, "t": 60 + 18 * len(notes), "b": 40 if legend else 10},
        hoverlabel={"font": {"family": FONT}},
        separators="٫٬" if norm_lang(lang) == "fa" else ".,",
        # under the plot, so that it never covers the notes under the title
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "xanchor": "center",
            "x": 0.5,
        },
    )
    return fig


def empty_figure(title: str, lang: str, notes: list[str] | None = None) -> go.Figure:
    """A figure with the title and a «nothing to show» note instead of an empty plot."""
    fig = go.Figure()
    fig.add_annotation(text=rtl(t("no_data", lang), lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, lang, height=260, notes=notes)


def _status_name(status: str, lang: str) -> str:
    return rtl(t(f"status_{status}", lang), lang)


def national_note(data: pd.DataFrame | ClaimSource, how: str, metric: str | None, lang: str) -> str:
    """The national figure, shown apart from the provinces: «سراسر کشور (جدا از استان‌ها): …»; '' when none."""
    claims = source(data, "province")
    agg = aggregate(claims.scoped(national=True), "province", how, metric)
    if agg.empty:
        return ""
    unit = claims.unit(metric) if metric else None
    how = effective_how(how, metric, unit)
    row = agg.iloc[0]
    shown = (
        _claims_text(int(row["claims"]), lang) if how == "count" else format_value(row["value"], unit or "count", lang)
    )
    return t("national_apart", lang, value=shown)


def _bars(
    fig: go.Figure, labels: list[str], values: pd.Series, hover: list[str], status: str, lang: str, horizontal: bool
) -> None:
    kwargs = (
        {"x": values.tolist(), "y": labels, "orientation": "h"} if horizontal else {"x": labels, "y": values.tolist()}
    )
    fig.add_trace(
        go.Bar(
            **kwargs,
            marker={"color": STATUS_COLORS[status], "pattern": {"shape": STATUS_PATTERNS[status]}},
            customdata=hover,
            hovertemplate=("%{y}" if horizontal else "%{x}") + "<br>%{customdata}<extra></extra>",
            name=_status_name(status, lang),
        )
    )


def bar_chart(data: pd.DataFrame | ClaimSource, by: str, how: str, metric: str | None, lang: str = "fa") -> go.Figure:
    """Horizontal bars of the measure per province or program, largest on top.

    A sum draws reported and planned claims as their own bars and names what it left out;
    by province, the national figure is written above the bars, not ranked among them.
    Bars read right to left in Persian (the value axis is reversed and the labels sit on the right).
    """
    claims = source(data, by)
    unit = claims.unit(metric) if metric else None
    how = effective_how(how, metric, unit)
    title = chart_title(how, by, metric, unit, lang)
    notes: list[str] = []
    rows = claims
    if by == "province":
        notes.append(national_note(claims, how, metric, lang))
        rows = claims.scoped(national=False)
    fig = go.Figure()
    if how == "sum":
        result = rows.sum_by(metric or "", by)
        notes.append(left_out_text(result.left_out, lang))
        table = result.table
        if table.empty:
            return empty_figure(title, lang, [*notes, t("no_honest_sum", lang)])
        labels = [value_label(by, str(k), lang) for k in table[by]]
        for status in (REPORTED, PLANNED):
            if table[f"claims_{status}"].sum() == 0:
                continue
            values = _display(table[status], unit, how)
            hover = _hover_texts(table[status], table[f"claims_{status}"], how, unit, lang)
            _bars(fig, labels, values, hover, status, lang, horizontal=True)
        fig.update_layout(barmode="group", showlegend=True)
        axis_values = pd.concat([_display(table[REPORTED], unit, how), _display(table[PLANNED], unit, how)])
        n_groups = len(table)
    else:
        agg = aggregate(rows, by, how, metric)
        if agg.empty:
            return empty_figure(title, lang, notes)
        labels = [value_label(by, str(k), lang) for k in agg[by]]
        values = _display(agg["value"], unit, how)
        hover = _hover_texts(agg["value"], agg["claims"], how, unit, lang)
        if how == "latest":
            hover = [f"{h}<br>{latest_source(row, lang)}" for h, (_, row) in zip(hover, agg.iterrows(), strict=True)]
            if (agg["status"] == PLANNED).any():
                notes.append(t("latest_planned_note", lang))
            colors = [STATUS_COLORS.get(s, BAR_COLOR) for s in agg["status"]]
            patterns = [STATUS_PATTERNS.get(s, "") for s in agg["status"]]
            marker = {"color": colors, "pattern": {"shape": patterns}}
        else:
            marker = {"color": BAR_COLOR}
        fig.add_trace(
            go.Bar(
                x=values.tolist(),
                y=labels,
                orientation="h",
                marker=marker,
                customdata=hover,
                hovertemplate="%{y}<br>%{customdata}<extra></extra>",
                name=rtl(title, lang),
            )
        )
        axis_values = values
        n_groups = len(agg)
    rtl_axis = norm_lang(lang) == "fa"
    axis_title = (
        t("axis_claims", lang) if how == "count" else f"{t('axis_value', lang)} ({unit_label(unit or '', lang)})"
    )
    fig.update_xaxes(
        title=rtl(axis_title, lang), autorange="reversed" if rtl_axis else True, **_value_axis(axis_values, lang)
    )
    fig.update_yaxes(autorange="reversed", side="right" if rtl_axis else "left", automargin=True)
    bar_rows = n_groups * (2 if how == "sum" else 1)
    return _layout(fig, title, lang, height=max(300, 24 * bar_rows + 120), notes=notes)


def latest_source(row: pd.Series, lang: str) -> str:
    """Where a latest value comes from: its date (Jalali), status and article («۱۴۰۳/۰۹/۰۲، انجام‌شده، ایسنا، عنوان»)."""
    date = display_date(row.get("published", ""), lang) or t("undated", lang)
    article = str(row.get("title") or "") or str(row.get("document") or "")
    pieces = [date, t(f"status_{row.get('status', '')}", lang), str(row.get("source") or ""), article]
    return rtl("، ".join(p for p in pieces if p), lang)


def add_periods(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with ``jyear``, ``jmonth`` and ``jdate`` columns (Jalali) when it lacks them."""
    if {"jyear", "jmonth", "jdate"} <= set(df.columns):
        return df
    return pd.concat([df, jalali_columns(df["published"])], axis=1)


def period_range(keys: pd.Series | list[str], granularity: str) -> list[str]:
    """Every period from the first key to the last, so that periods with no claim show as gaps.

    >>> period_range(["1402-11", "1403-02"], "month")
    ['1402-11', '1402-12', '1403-01', '1403-02']
    >>> period_range(["1399", "1401"], "year")
    ['1399', '1400', '1401']
    """
    keys = sorted({str(k) for k in keys})
    if not keys:
        return []
    if granularity != "month":
        return [str(y) for y in range(int(keys[0]), int(keys[-1]) + 1)]
    (y, m), (y_end, m_end) = (tuple(map(int, keys[0].split("-"))), tuple(map(int, keys[-1].split("-"))))
    out = []
    while (y, m) <= (y_end, m_end):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def day_periods(published: pd.Series, granularity: str) -> pd.Series:
    """The Jalali month (``"1402-11"``) or year (``"1402"``) of each ISO date; missing when undated.

    >>> day_periods(pd.Series(["2024-02-01", ""]), "month").tolist()
    ['1402-11', <NA>]
    """
    column = jalali_columns(published)["jmonth" if granularity == "month" else "jyear"]
    return column.astype("string")


def _fold(days: pd.DataFrame, granularity: str, value: str, claims: str) -> tuple[pd.Series, pd.Series]:
    """Per-day values and claim counts added up per period."""
    dated = days.assign(_period=day_periods(days["published"], granularity)).dropna(subset=["_period"])
    grouped = dated.groupby("_period", sort=False)
    return grouped[value].sum(min_count=1), grouped[claims].sum()


def _latest_per_period(days: pd.DataFrame, granularity: str) -> pd.DataFrame:
    """Of the latest value of each day, the newest of each period (``value``, ``status``, ``claims`` of the period)."""
    days = days.assign(_period=day_periods(days["published"], granularity)).dropna(subset=["_period"])
    if days.empty:
        return pd.DataFrame(columns=["value", "status", "claims"])
    claims = days.groupby("_period", sort=False)["claims"].sum()
    picked = days.sort_values("published", kind="stable").groupby("_period", sort=False).tail(1).set_index("_period")
    return picked[["value", "status"]].assign(claims=claims.reindex(picked.index))


def time_chart(
    data: pd.DataFrame | ClaimSource, granularity: str, how: str, metric: str | None, lang: str = "fa"
) -> go.Figure:
    """Bars of the measure per Jalali month (``granularity="month"``) or year, oldest first.

    Every period between the first and the last is on the axis (no claim: a gap, not a missing
    step); reported and planned claims are their own bars; a note counts the undated claims.
    The source groups by day (``published``); the days are folded into Jalali periods here.
    """
    claims = source(data, "published")
    unit = claims.unit(metric) if metric else None
    how = effective_how(how, metric, unit)
    title = chart_title(how, "time", metric, unit, lang)
    every_day = claims.count_by("published")
    days = claims.count_by("published", metric) if metric else every_day
    undated = int(days.loc[day_periods(days["published"], granularity).isna().to_numpy(), "claims"].sum())
    notes = [t("undated_note", lang, n=format_number(undated, lang)) if undated else ""]
    periods = period_range(day_periods(every_day["published"], granularity).dropna(), granularity)
    dated = claims.scoped(dated=True)
    series: dict[str, tuple[pd.Series, pd.Series]] = {}
    if how == "sum":
        result = dated.sum_by(metric or "", "published")
        notes.append(left_out_text(result.left_out, lang))
        for s in (REPORTED, PLANNED):
            table = result.table[result.table[f"claims_{s}"] > 0]
            if not table.empty:
                series[s] = _fold(table, granularity, s, f"claims_{s}")
    elif how == "count":
        for s in (REPORTED, PLANNED):
            agg = dated.count_by("published", metric, s)
            if not agg.empty:
                series[s] = _fold(agg, granularity, "value", "claims")
    else:
        agg = _latest_per_period(dated.latest_by(metric or "", "published"), granularity)
        for s in (REPORTED, PLANNED):
            picked = agg[agg["status"] == s]
            if not picked.empty:
                series[s] = (picked["value"].astype(float), picked["claims"])
    if not series:
        return empty_figure(title, lang, notes)
    labels = [rtl(period_label(p, lang), lang) for p in periods]
    fig = go.Figure()
    axis_values = []
    for s, (values, claims) in series.items():
        values = values.reindex(periods)
        claims = claims.reindex(periods).fillna(0)
        shown = _display(values, unit, how)
        axis_values.extend(shown.dropna().tolist())
        hover = _hover_texts(values.fillna(0), claims, how, unit, lang)
        _bars(fig, labels, shown, hover, s, lang, horizontal=False)
    fig.update_layout(barmode="stack" if how == "count" else "group", showlegend=True)
    axis_title = (
        t("axis_claims", lang) if how == "count" else f"{t('axis_value', lang)} ({unit_label(unit or '', lang)})"
    )
    fig.update_yaxes(
        title=rtl(axis_title, lang),
        side="right" if norm_lang(lang) == "fa" else "left",
        **_value_axis(axis_values, lang),
    )
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels,
        autorange="reversed" if norm_lang(lang) == "fa" else True,
    )
    return _layout(fig, title, lang, notes=notes)


@lru_cache(maxsize=2)
def _geojson_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_geojson(path: Path = GEOJSON_PATH) -> dict:
    """The provinces' boundaries; features carry ``name:en`` (the province key) and ``name:fa``."""
    return json.loads(_geojson_text(path))


def province_map(
    data: pd.DataFrame | ClaimSource, how: str, metric: str | None, lang: str = "fa", geojson: dict | None = None
) -> go.Figure:
    """A choropleth of the provinces coloured by the measure.

    Provinces with no claim are drawn grey in their own trace (named «بدون داده»), which is not
    the colour of zero; national claims have no place on the map and are left out.
    """
    geojson = geojson if geojson is not None else load_geojson()
    claims = source(data, "province")
    unit = claims.unit(metric) if metric else None
    how = effective_how(how, metric, unit)
    title = chart_title(how, "province", metric, unit, lang)
    keys = [f["properties"]["name:en"] for f in geojson["features"]]
    agg = aggregate(claims, "province", how, metric)
    agg = agg[agg["province"].isin(keys) & agg["value"].notna()]
    notes: list[str] = []
    if how == "sum":  # the map colours the reported sums: say what was left out, plans included
        result = claims.scoped(national=False).sum_by(metric or "", "province")
        notes.append(left_out_text(result.left_out, lang))
        planned = int(result.table[f"claims_{PLANNED}"].sum())
        if planned:
            notes.append(t("map_planned_note", lang, n=format_number(planned, lang)))
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
                hovertemplate="%{text}<br>" + rtl(t("map_no_data_trace", lang), lang) + "<extra></extra>",
                name=rtl(t("map_no_data_trace", lang), lang),
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
                customdata=_hover_texts(agg["value"], agg["claims"], how, unit, lang),
                hovertemplate="%{text}<br>%{customdata}<extra></extra>",
                colorbar={
                    "title": {
                        "text": rtl(t("axis_claims", lang) if how == "count" else unit_label(unit or "", lang), lang)
                    },
                    **_value_axis(shown.tolist(), lang),
                },
                name=title,
            )
        )
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.add_annotation(
        text=rtl(t("map_no_data", lang), lang),
        showarrow=False,
        x=0.5,
        y=-0.02,
        xref="paper",
        yref="paper",
        font={"size": 12},
    )
    return _layout(fig, title, lang, height=560, notes=notes)


def history_chart(series: pd.DataFrame, metric: str, province: str, program: str, lang: str = "fa") -> go.Figure:
    """Every appearance of one figure over time: value against publication date, one marker per article.

    A thin line joins the appearances; reported values are filled circles, planned ones open circles
    on a dashed line of their own, so a target is never read as a result.
    """
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
    status = rows["status"].fillna("").astype(str) if "status" in rows else pd.Series(REPORTED, index=rows.index)
    status = status.where(status.eq(PLANNED), REPORTED)
    fig = go.Figure()
    for s in (REPORTED, PLANNED):
        part = rows[status == s]
        if part.empty:
            continue
        sources = part["source"].fillna("").astype(str) if "source" in part else pd.Series("", index=part.index)
        hover = [
            rtl(
                "، ".join(
                    x for x in (jalali_date(p, lang), format_value(v, unit, lang), t(f"status_{s}", lang), src) if x
                ),
                lang,
            )
            for p, v, src in zip(part["published"], part["value"], sources, strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=part["published"].astype(str).str.slice(0, 10).tolist(),
                y=_display(part["value"], unit, "sum").tolist(),
                mode="lines+markers",
                line={"color": STATUS_COLORS[s], "dash": "solid" if s == REPORTED else "dash", "width": 1.5},
                marker={"size": 11, "color": STATUS_COLORS[s], "symbol": STATUS_SYMBOLS[s], "line": {"width": 2}},
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
                name=_status_name(s, lang),
            )
        )
    dates = sorted(set(rows["published"].astype(str).str.slice(0, 10).tolist()))
    axis_title = f"{t('axis_value', lang)} ({unit_label(unit, lang)})"
    values = _display(rows["value"], unit, "sum")
    fig.update_yaxes(title=rtl(axis_title, lang), rangemode="tozero", **_value_axis(values, lang))
    fig.update_xaxes(
        type="date", tickmode="array", tickvals=dates, ticktext=[rtl(jalali_date(d, lang), lang) for d in dates]
    )
    fig.update_layout(showlegend=True)
    return _layout(fig, title, lang)
