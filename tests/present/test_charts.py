"""Chart builders: honest aggregation, titles that name the measure, the map's no-data provinces."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.formatting import RLM
from dashboard.present import charts


def frame(rows: list[dict]) -> pd.DataFrame:
    """A claims frame with every spec column (missing cells empty)."""
    base = {**dict.fromkeys(CLAIM_COLUMNS, ""), "status": "reported"}
    df = pd.DataFrame([{**base, **r} for r in rows], columns=list(CLAIM_COLUMNS))
    df["value"] = df["value"].astype(float)
    return df


@pytest.fixture
def claims() -> pd.DataFrame:
    return frame(
        [
            {
                "document": "a",
                "value": 120,
                "unit": "count",
                "metric": "funds",
                "program": "qard_al_hasan_funds",
                "province": "Qazvin",
                "published": "2024-11-20",
            },
            {
                "document": "b",
                "value": 80,
                "unit": "count",
                "metric": "funds",
                "program": "qard_al_hasan_funds",
                "province": "Qazvin",
                "published": "2023-05-01",
            },
            {
                "document": "c",
                "value": 0,
                "unit": "count",
                "metric": "funds",
                "program": "general",
                "province": "Yazd",
                "published": "2024-01-10",
            },
            {
                "document": "d",
                "value": 3000,
                "unit": "count",
                "metric": "jobs",
                "program": "note_16",
                "province": "Yazd",
                "published": "2024-01-15",
            },
            {
                "document": "e",
                "value": 2.9e11,
                "unit": "IRR",
                "metric": "money",
                "program": "note_16",
                "province": "Yazd",
                "published": "2024-02-01",
            },
            {
                "document": "f",
                "value": 6.5e13,
                "unit": "IRR",
                "metric": "money",
                "program": "general",
                "province": "National",
                "published": "",
            },
            # a stray row of «money» in another unit must never be added to the rials
            {
                "document": "g",
                "value": 7,
                "unit": "percent",
                "metric": "money",
                "program": "general",
                "province": "Yazd",
                "published": "2024-03-01",
            },
        ]
    )


def spec(fig) -> dict:
    return json.loads(fig.to_json())


def plain(text: str) -> str:
    """Chart text without the right-to-left marks that keep Persian in order inside the SVG."""
    return text.replace(RLM, "")


def test_count_works_across_metrics(claims: pd.DataFrame) -> None:
    agg = charts.aggregate(claims, "province", "count")
    assert dict(zip(agg["province"], agg["value"], strict=True)) == {"Yazd": 4, "Qazvin": 2, "National": 1}


def test_sum_uses_one_metric_in_its_main_unit(claims: pd.DataFrame) -> None:
    agg = charts.aggregate(claims, "province", "sum", "money")
    assert dict(zip(agg["province"], agg["value"], strict=True)) == {"National": 6.5e13, "Yazd": 2.9e11}


def test_latest_takes_the_most_recent_publication(claims: pd.DataFrame) -> None:
    agg = charts.aggregate(claims, "province", "latest", "funds")
    assert dict(zip(agg["province"], agg["value"], strict=True)) == {"Qazvin": 120, "Yazd": 0}


def test_sum_without_a_metric_falls_back_to_counting(claims: pd.DataFrame) -> None:
    assert charts.effective_how("sum", None) == "count"
    assert charts.effective_how("sum", "percent", "percent") == "count"
    with pytest.raises(charts.ChartError):
        charts.effective_how("mean", "jobs")


@pytest.mark.parametrize(
    ("how", "metric", "lang", "expected"),
    [
        ("count", None, "fa", "تعداد ادعاها بر اساس استان"),
        ("count", "jobs", "en", "Number of “Jobs” claims by province"),
        ("sum", "money", "fa", "جمع «مبلغ» (تومان) بر اساس استان"),
        ("latest", "funds", "en", "Latest “Funds” (count) by province"),
    ],
)
def test_title_names_the_measure(claims, how, metric, lang, expected) -> None:
    fig = charts.bar_chart(claims, "province", how, metric, lang)
    assert plain(spec(fig)["layout"]["title"]["text"]) == expected


def test_bar_chart_shows_money_in_toman(claims: pd.DataFrame) -> None:
    data = spec(charts.bar_chart(claims, "program", "sum", "money", "en"))["data"][0]
    assert data["name"] == "Reported"
    assert dict(zip(data["y"], data["x"], strict=True)) == {"General": 6.5e12, "Note 16 loans": 2.9e10}


def test_map_draws_no_data_apart_from_zero(claims: pd.DataFrame) -> None:
    fig = charts.province_map(claims, "latest", "funds", "fa")
    nodata, data = spec(fig)["data"]
    assert data["locations"] == ["Qazvin", "Yazd"]
    assert data["z"] == [120, 0]  # Yazd's zero is a value, coloured by the scale
    assert "Yazd" not in nodata["locations"] and "Qazvin" not in nodata["locations"]
    assert len(nodata["locations"]) == 29
    assert {c for _, c in nodata["colorscale"]} == {charts.NO_DATA_COLOR}
    assert plain(nodata["name"]) == "بدون داده"
    assert any("بدون داده" in a["text"] for a in spec(fig)["layout"]["annotations"])


def test_map_with_no_claims_is_all_grey() -> None:
    fig = charts.province_map(frame([]), "count", None, "en")
    traces = spec(fig)["data"]
    assert len(traces) == 1 and len(traces[0]["locations"]) == 31


def test_map_leaves_national_claims_out(claims: pd.DataFrame) -> None:
    data = spec(charts.province_map(claims, "sum", "money", "en"))["data"][-1]
    assert data["locations"] == ["Yazd"] and data["z"] == [2.9e10]


def test_time_chart_orders_jalali_months(claims: pd.DataFrame) -> None:
    data = spec(charts.time_chart(claims, "month", "count", None, "fa"))["data"][0]
    months = [plain(x) for x in data["x"]]
    # every month from the first to the last is on the axis; months without claims are gaps
    assert months[:3] == ["اردیبهشت ۱۴۰۲", "خرداد ۱۴۰۲", "تیر ۱۴۰۲"] and months[-1] == "آبان ۱۴۰۳"
    assert len(months) == 19
    counted = {m: y for m, y in zip(months, data["y"], strict=True) if y is not None}
    assert counted == {"اردیبهشت ۱۴۰۲": 1, "دی ۱۴۰۲": 2, "بهمن ۱۴۰۲": 1, "اسفند ۱۴۰۲": 1, "آبان ۱۴۰۳": 1}
    years = spec(charts.time_chart(claims, "year", "sum", "funds", "en"))["data"][0]
    assert years["x"] == ["1402", "1403"] and years["y"] == [80, 120]


def test_empty_input_gives_a_titled_note() -> None:
    fig = charts.bar_chart(frame([]), "province", "count", None, "fa")
    out = spec(fig)
    assert out["data"] == [] and plain(out["layout"]["annotations"][0]["text"]) == "داده‌ای برای نمایش نیست."


def test_history_chart_plots_every_dated_appearance() -> None:
    series = pd.DataFrame(
        {
            "published": ["2023-01-01", "2024-06-01", ""],
            "value": [100.0, 150.0, 160.0],
            "unit": ["count"] * 3,
            "source": ["الف", "ب", "ج"],
            "status": ["reported", "planned", "reported"],
        }
    )
    reported, planned = spec(charts.history_chart(series, "funds", "Qazvin", "general", "fa"))["data"]
    assert reported["x"] == ["2023-01-01"] and reported["y"] == [100]
    assert planned["x"] == ["2024-06-01"] and planned["y"] == [150]
    # a target is drawn apart from a result: open marker, dashed line
    assert reported["marker"]["symbol"] == "circle" and planned["marker"]["symbol"] == "circle-open"
    assert planned["line"]["dash"] == "dash"
    assert plain(reported["customdata"][0]).startswith("۱۴۰۱/۱۰/۱۱")


def test_value_axis_ticks_use_persian_digits_and_scale_words(claims: pd.DataFrame) -> None:
    fig = spec(charts.bar_chart(claims, "program", "sum", "money", "fa"))
    axis = fig["layout"]["xaxis"]
    assert axis["tickvals"][0] == 0 and axis["tickvals"][-1] >= 6.5e12
    assert "هزار میلیارد" in axis["ticktext"][-1]
    # the number comes first when read right to left: «۸ هزار میلیارد», kept in order by the marks
    assert all(text.startswith(RLM) and text.endswith(RLM) for text in axis["ticktext"])
    assert all(not any(ch.isascii() and ch.isdigit() for ch in text) for text in axis["ticktext"])
    english = spec(charts.bar_chart(claims, "province", "count", None, "en"))["layout"]["xaxis"]
    assert english["ticktext"] == ["0", "1", "2", "3", "4"]
