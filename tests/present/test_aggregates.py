"""Honest aggregates: what a sum may add, what it leaves out and says so, and the latest value's source.

Every test builds its own small claims table, the way the extractor stores them.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.formatting import RLM
from dashboard.present import aggregates, charts


def claims(*rows: dict) -> pd.DataFrame:
    """A claims table: every stored column, reported jobs in Kermanshah unless a row says otherwise."""
    base = {
        **dict.fromkeys(CLAIM_COLUMNS, ""),
        "unit": "count",
        "metric": "jobs",
        "program": "general",
        "province": "Kermanshah",
        "status": "reported",
        "published": "2024-05-01",
    }
    df = pd.DataFrame([{**base, **r} for r in rows], columns=list(CLAIM_COLUMNS))
    df["value"] = df["value"].astype(float)
    return df


def reported_total(df: pd.DataFrame, metric: str = "jobs") -> float | None:
    return aggregates.total_of(aggregates.sum_by(df, metric, None))


def text_of(fig) -> str:
    """Every title, subtitle and annotation of a figure, marks removed."""
    layout = json.loads(fig.to_json())["layout"]
    pieces = [layout["title"]["text"], layout["title"].get("subtitle", {}).get("text", "")]
    pieces += [a["text"] for a in layout.get("annotations", [])]
    return " ".join(pieces).replace(RLM, "")


def test_a_total_and_its_breakdown_sum_to_the_total_alone() -> None:
    df = claims(
        {"document": "a", "value": 4380},
        {"document": "a", "value": 850},
        {"document": "a", "value": 720},
        {"document": "a", "value": 610},
    )
    assert reported_total(df) == 4380
    assert aggregates.sum_reasons(df, "jobs").tolist() == ["", "part", "part", "part"]
    assert aggregates.sum_by(df, "jobs", "province").left_out == {"part": 3}


def test_parts_with_no_stored_total_are_all_added() -> None:
    df = claims({"document": "a", "value": 300}, {"document": "a", "value": 250}, {"document": "a", "value": 200})
    assert reported_total(df) == 750


def test_parts_in_another_article_are_not_parts() -> None:
    df = claims({"document": "a", "value": 4380}, {"document": "b", "value": 850, "published": "2024-06-01"})
    assert reported_total(df) == 5230


def test_a_multi_year_total_and_the_years_inside_it() -> None:
    df = claims(
        {"document": "a", "value": 12000, "period": ""},
        {"document": "a", "value": 3000, "period": "period"},
        {"document": "a", "value": 4100, "period": "period"},
    )
    assert reported_total(df) == 12000


def test_an_approved_budget_and_the_part_absorbed_so_far() -> None:
    df = claims(
        {"document": "a", "value": 5e12, "unit": "IRR", "metric": "money"},
        {"document": "a", "value": 3.2e12, "unit": "IRR", "metric": "money"},
    )
    assert reported_total(df, "money") == 5e12


def test_plans_are_summed_apart_never_with_results() -> None:
    df = claims(
        {"document": "a", "value": 7000, "status": "planned"},
        {"document": "a", "value": 4380, "status": "reported"},
    )
    result = aggregates.sum_by(df, "jobs", "province")
    row = result.table.iloc[0]
    assert (row["reported"], row["planned"]) == (4380, 7000)
    assert (row["claims_reported"], row["claims_planned"]) == (1, 1)
    assert result.left_out == {}


def test_running_totals_are_left_out() -> None:
    df = claims(
        {"document": "a", "value": 900, "period": "cumulative"},
        {"document": "b", "value": 120, "period": "period", "published": "2024-07-01"},
    )
    result = aggregates.sum_by(df, "jobs", None)
    assert aggregates.total_of(result) == 120 and result.left_out == {"cumulative": 1}


def test_a_figure_repeated_or_rounded_in_later_articles_counts_once() -> None:
    df = claims(
        {"document": "b", "value": 123182, "published": "2024-02-01"},
        {"document": "c", "value": 123000, "published": "2024-03-01"},  # a rounded restatement
        {"document": "d", "value": 123182, "published": "2024-04-01"},  # the same figure again
        {"document": "e", "value": 5000, "published": "2024-04-02"},  # a new figure
    )
    reasons = aggregates.sum_reasons(df, "jobs")
    assert reasons.tolist() == ["", "repeat", "repeat", ""]
    assert reported_total(df) == 128182


def test_the_same_figure_in_another_province_is_no_repeat() -> None:
    df = claims({"document": "a", "value": 500}, {"document": "b", "value": 500, "province": "Yazd"})
    assert reported_total(df) == 1000


def test_another_unit_of_the_metric_is_left_out() -> None:
    df = claims(
        {"document": "a", "value": 2.9e11, "unit": "IRR", "metric": "money"},
        {"document": "b", "value": 3e11, "unit": "IRR", "metric": "money", "province": "Yazd"},
        {"document": "c", "value": 7, "unit": "percent", "metric": "money"},
    )
    result = aggregates.sum_by(df, "money", None)
    assert aggregates.total_of(result) == 5.9e11 and result.left_out == {"other_unit": 1}


@pytest.mark.parametrize(("metric", "unit"), [("percent", "percent"), ("other", "count")])
def test_no_sum_is_offered_for_percents_or_unlike_things(metric: str, unit: str) -> None:
    assert not aggregates.sum_allowed(metric, unit)
    assert "sum" not in charts.measures(metric, unit)
    df = claims({"document": "a", "value": 546.5, "metric": metric, "unit": unit})
    title = text_of(charts.bar_chart(df, "province", "sum", metric, "en"))
    assert "Sum" not in title and "Number of" in title


def test_national_parts_stay_with_their_provinces_but_not_in_the_national_total() -> None:
    df = claims(
        {"document": "a", "value": 10000, "province": "National"},
        {"document": "a", "value": 800, "province": "Yazd"},
        {"document": "a", "value": 600, "province": "Qom"},
    )
    by_province = aggregates.sum_by(df, "jobs", "province").table
    assert dict(zip(by_province["province"], by_province["reported"], strict=True)) == {
        "National": 10000,
        "Yazd": 800,
        "Qom": 600,
    }
    assert reported_total(df) == 10000


def test_latest_value_names_its_date_and_article_and_prefers_reported_on_a_tie() -> None:
    df = claims(
        {"document": "old", "value": 100, "published": "2023-01-01", "title": "قدیمی"},
        {"document": "plan", "value": 7000, "published": "2024-05-01", "status": "planned", "title": "هدف"},
        {"document": "done", "value": 4380, "published": "2024-05-01", "title": "گزارش", "source": "ایرنا"},
        {"document": "nodate", "value": 9, "published": ""},
    )
    picked = aggregates.latest_by(df, "jobs", "province").iloc[0]
    assert (picked["value"], picked["document"], picked["published"]) == (4380, "done", "2024-05-01")
    hover = json.loads(charts.bar_chart(df, "province", "latest", "jobs", "fa").to_json())["data"][0]["customdata"][0]
    assert "۱۴۰۳/۰۲/۱۲" in hover and "گزارش" in hover and "ایرنا" in hover


def test_the_province_chart_shows_the_nation_apart() -> None:
    df = claims(
        {"document": "a", "value": 50000, "province": "National"},
        {"document": "b", "value": 4380, "province": "Kermanshah"},
        {"document": "c", "value": 900, "province": "Yazd"},
    )
    fig = charts.bar_chart(df, "province", "sum", "jobs", "en")
    bars = json.loads(fig.to_json())["data"]
    assert all("National" not in trace["y"] for trace in bars)
    assert "National (apart from the provinces): 50,000" in text_of(fig)


def test_the_sum_chart_says_what_it_left_out_and_draws_plans_apart() -> None:
    df = claims(
        {"document": "a", "value": 4380},
        {"document": "a", "value": 850},
        {"document": "b", "value": 900, "period": "cumulative", "published": "2024-06-01"},
        {"document": "c", "value": 7000, "status": "planned", "published": "2024-06-02"},
    )
    fig = charts.bar_chart(df, "province", "sum", "jobs", "en")
    names = [trace["name"] for trace in json.loads(fig.to_json())["data"]]
    assert names == ["Reported", "Planned"]
    note = text_of(fig)
    assert "1 parts of a total also counted" in note and "1 running totals" in note
    fa_note = text_of(charts.bar_chart(df, "province", "sum", "jobs", "fa"))
    assert "کنار گذاشته" in fa_note and "تجمعی" in fa_note
    assert "·" not in fa_note  # it would read as a Persian zero


def test_when_nothing_can_be_added_the_chart_says_so() -> None:
    df = claims({"document": "a", "value": 900, "period": "cumulative"})
    assert "No honest sum" in text_of(charts.bar_chart(df, "province", "sum", "jobs", "en"))


def test_the_timeline_counts_undated_claims_and_marks_plans() -> None:
    df = claims(
        {"document": "a", "value": 1, "published": "2024-04-01"},
        {"document": "b", "value": 2, "published": "2024-09-01", "status": "planned"},
        {"document": "c", "value": 3, "published": ""},
    )
    fig = charts.time_chart(df, "month", "count", None, "en")
    traces = json.loads(fig.to_json())["data"]
    assert [t["name"] for t in traces] == ["Reported", "Planned"]
    assert len(traces[0]["x"]) == 6  # Farvardin to Shahrivar 1403, the empty months kept as gaps
    assert "1 undated claims" in text_of(fig)


def test_tooltips_never_print_a_count_twice() -> None:
    df = claims({"document": "a", "value": 1}, {"document": "b", "value": 2, "published": "2024-06-01"})
    hover = json.loads(charts.bar_chart(df, "province", "count", None, "fa").to_json())["data"][0]["customdata"][0]
    assert hover.replace(RLM, "") == "۲ ادعا" and "·" not in hover


def test_total_of_nothing_is_none() -> None:
    assert aggregates.total_of(aggregates.sum_by(claims(), "jobs", None)) is None
    assert not math.isnan(reported_total(claims({"document": "a", "value": 1})) or 0)


def test_the_map_colours_reported_sums_and_says_what_it_left_out() -> None:
    df = claims(
        {"document": "a", "value": 4380},
        {"document": "a", "value": 850},
        {"document": "c", "value": 7000, "status": "planned", "published": "2024-06-02"},
    )
    fig = charts.province_map(df, "sum", "jobs", "en")
    coloured = json.loads(fig.to_json())["data"][-1]
    assert coloured["locations"] == ["Kermanshah"] and coloured["z"] == [4380]
    note = text_of(fig)
    assert "1 parts of a total also counted" in note and "1 planned claims are not in these colours" in note
