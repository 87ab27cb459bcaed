"""Claim history (one claim across outlets and rounded restatements) and the series of one figure."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.checks.history import HISTORY_COLUMNS, SERIES_COLUMNS, claim_history, series
from dashboard.extract.figures import is_restatement, rounding_step, same_figure, significant_digits
from dashboard.extract.periods import period_words
from dashboard.extract.pipeline import _is_rounding_of, extract_article
from dashboard.lang.check_config import load_check_config
from dashboard.lang.errors import UserError
from dashboard.read.article import Article

SHARED = Path(__file__).parents[2].parent / "shared"


def extracted(*articles: tuple[str, str, str | None]) -> pd.DataFrame:
    rows = []
    for document, text, published in articles:
        rows.extend(extract_article(Article(document=document, text=text, path=document, published=published)))
    return pd.DataFrame(rows)


def row(document: str, value: float, published: str, **extra) -> dict:
    base = {
        "document": document,
        "value": value,
        "unit": "count",
        "metric": "jobs",
        "program": "general",
        "province": "Qazvin",
        "status": "reported",
        "published": published,
        "source": "",
        "mention": "",
        "quote": "",
    }
    return base | extra


JOBS = "به گزارش {source}، رئیس سازمان بسیج سازندگی کشور گفت: در یک سال گذشته {figure} شغل در کشور ایجاد شد."


def test_a_rounded_restatement_in_another_outlet_is_the_same_claim():
    claims = extracted(
        ("isna.txt", JOBS.format(source="ایسنا", figure="۱۲۳ هزار و ۱۸۲"), "2023-11-20"),
        ("fars.txt", JOBS.format(source="فارس", figure="۱۲۳ هزار"), "2023-11-22"),
    )
    history = claim_history(claims)
    jobs = history[history["metric"] == "jobs"].reset_index(drop=True)
    assert len(jobs) == 1
    assert jobs.loc[0, "value"] == 123182
    assert jobs.loc[0, "first_document"] == "isna.txt" and jobs.loc[0, "first_published"] == "2023-11-20"
    assert jobs.loc[0, "appearances"] == 2
    assert jobs.loc[0, "documents"] == "isna.txt;fars.txt"
    assert jobs.loc[0, "sources"] == "ایسنا;خبرگزاری فارس"  # each outlet under its one name
    assert jobs.loc[0, "period"] == "period"
    assert len(jobs.loc[0, "quotes"].split("\n")) == 2
    assert list(history.columns) == list(HISTORY_COLUMNS)


def test_the_same_figure_a_year_later_is_a_new_appearance_of_its_own():
    claims = extracted(
        ("isna.txt", JOBS.format(source="ایسنا", figure="۱۲۳ هزار و ۱۸۲"), "2023-11-20"),
        ("mehr.txt", JOBS.format(source="مهر", figure="۱۲۳ هزار و ۱۸۲"), "2024-11-25"),
    )
    jobs = claim_history(claims).query("metric == 'jobs'")
    assert jobs["first_document"].tolist() == ["isna.txt", "mehr.txt"]
    assert jobs["appearances"].tolist() == [1, 1]


def test_a_figure_too_coarse_to_tell_is_not_merged_with_a_precise_one():
    history = claim_history(pd.DataFrame([row("a.txt", 5450, "2023-01-01"), row("b.txt", 5000, "2023-01-02")]))
    assert sorted(history["value"]) == [5000, 5450]
    close = claim_history(pd.DataFrame([row("a.txt", 5450, "2023-01-01"), row("b.txt", 5400, "2023-01-02")]))
    assert close["value"].tolist() == [5450] and close["appearances"].tolist() == [2]


def test_undated_reports_join_a_claim_only_from_the_same_article():
    rows = [row("a.txt", 445, ""), row("a.txt", 445, ""), row("b.txt", 445, "")]
    history = claim_history(pd.DataFrame(rows))
    assert sorted(history["documents"]) == ["a.txt", "b.txt"]


def test_other_provinces_programs_or_units_are_other_claims():
    rows = [
        row("a.txt", 445, "2023-01-01"),
        row("b.txt", 445, "2023-01-02", province="Zanjan"),
        row("c.txt", 445, "2023-01-03", program="note_16"),
        row("d.txt", 445, "2023-01-04", metric="funds"),
    ]
    assert len(claim_history(pd.DataFrame(rows))) == 4


def test_a_series_tells_running_totals_from_one_period_figures():
    rows = [
        row("a.txt", 300, "2022-05-01", quote="تا امروز ۳۰۰ صندوق در استان راه‌اندازی شده است.", mention="۳۰۰"),
        row("b.txt", 120, "2023-05-01", quote="امسال ۱۲۰ صندوق جدید راه‌اندازی شد.", mention="۱۲۰"),
        row(
            "c.txt",
            445,
            "2023-11-20",
            quote="از هفته بسیج سال گذشته تاکنون ۴۴۵ صندوق راه‌اندازی شد.",
            mention="۴۴۵",
            period="cumulative",
        ),
        row("d.txt", 500, "", quote="۵۰۰ صندوق فعال است.", mention="۵۰۰"),
        row("e.txt", 9, "2023-01-01", metric="funds"),
    ]
    s = series(pd.DataFrame(rows), "Qazvin", "general", "jobs")
    assert list(s.columns) == list(SERIES_COLUMNS)
    assert s["document"].tolist() == ["a.txt", "b.txt", "c.txt", "d.txt"]  # by date, undated last
    assert s["period"].tolist() == ["cumulative", "period", "period", ""]


def test_a_series_of_any_program():
    rows = [row("a.txt", 1, "2023-01-01"), row("b.txt", 2, "2023-02-01", program="note_16")]
    assert series(pd.DataFrame(rows), "Qazvin", None, "jobs")["value"].tolist() == [1, 2]
    assert series(pd.DataFrame(rows), "Qazvin", "note_16", "jobs")["value"].tolist() == [2]


def test_a_table_without_the_claim_columns_is_a_clear_error():
    with pytest.raises(UserError, match="missing column"):
        claim_history(pd.DataFrame([{"document": "a.txt"}]))
    with pytest.raises(UserError, match="expected a table of claims"):
        series([{"document": "a.txt"}], "Qazvin", None, "jobs")  # type: ignore[arg-type]


def test_an_empty_table_has_an_empty_history():
    empty = claim_history(pd.DataFrame(columns=["document", "value", "unit", "metric", "program", "province"]))
    assert empty.empty and list(empty.columns) == list(HISTORY_COLUMNS)


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="shared corpus not present")
def test_the_dev_corpus_follow_ups_in_history_and_series():
    from dashboard.read.inputs import iter_articles

    rows = []
    for article in iter_articles([SHARED / "corpus" / "dev"]):
        if isinstance(article, Article):
            rows.extend(extract_article(article))
    claims = pd.DataFrame(rows)
    plants = series(claims, "Khuzestan", None, "solar_plants")
    reported = plants[plants["status"] == "reported"]
    assert reported[["document", "value"]].values.tolist()[:2] == [["b02.txt", 1200.0], ["b09.txt", 980.0]]
    assert reported["period"].tolist()[1] == "cumulative"  # «در حال حاضر ۹۸۰ … فعال است»
    history = claim_history(claims)
    gilan = history[(history["province"] == "Gilan") & (history["metric"] == "projects") & (history["value"] == 2500)]
    assert sorted(gilan["first_document"]) == ["b07.txt", "b_export.csv#b20"]  # 235 days apart: two appearances
    assert set(";".join(history["documents"]).split(";")) == set(claims["document"])


# --- restatements, as properties ----------------------------------------------------------

MIN_SIG = int(load_check_config().number(None, "restatement_min_significant_digits"))


@given(st.integers(min_value=1_000, max_value=10**9), st.integers(min_value=1, max_value=10**6))
def test_what_the_checks_call_one_figure_the_extractor_folds_when_rounded_to_hundreds(exact, cut):
    """The extractor folds by the checks' rule, only coarser (one significant digit, steps of a hundred or
    more: «۵ هزار» in a headline for ۵٬۴۵۰ in the body), so it never keeps apart what the checks join."""
    rounded = exact // cut * cut
    if is_restatement(rounded, exact, min_significant=MIN_SIG) and rounding_step(rounded) >= 100:
        assert _is_rounding_of(rounded, exact)
    if significant_digits(rounded) < MIN_SIG and rounded != exact:
        assert not same_figure(rounded, exact, MIN_SIG)


@given(st.integers(min_value=10_000, max_value=10**9))
def test_a_figure_cut_to_thousands_restates_it_when_two_digits_remain(exact):
    rounded = exact // 1000 * 1000
    if rounded == exact:
        assert is_restatement(rounded, exact, min_significant=MIN_SIG)
    elif significant_digits(rounded) >= 2:
        assert same_figure(rounded, exact, MIN_SIG)
    else:  # «۵ هزار» for ۵٬۴۵۰: too coarse to tell
        assert not same_figure(rounded, exact, MIN_SIG)


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=10**9))
def test_figures_further_apart_than_their_rounding_are_different(a, b):
    if abs(a - b) >= max(rounding_step(a), rounding_step(b)):
        assert not same_figure(a, b, MIN_SIG)
    assert same_figure(a, a, MIN_SIG)


def test_a_number_before_a_period_cue_is_any_number_word_for_the_extractor_and_the_checks() -> None:
    """«#» in a cue is digits or a word of number_words.yaml for both (the checks knew only one to ten)."""
    text = "در بیست سال اخیر ۵۰۰ شغل در استان یزد ایجاد شد."
    assert extract_article(Article(document="a.txt", text=text, path="a.txt"))[0]["period"] == "period"
    found = period_words("period").search(text)
    assert found is not None and found.text == "بیست سال اخیر"


@pytest.mark.parametrize("text", ["در سال گذشته ۵۰۰ شغل در استان یزد ایجاد شد.", "در ۵ سال گذشته ۵۰۰ شغل ایجاد شد."])
def test_the_extractor_and_the_checks_read_a_period_cue_alike(text: str) -> None:
    claim = extract_article(Article(document="a.txt", text=text, path="a.txt"))[0]
    assert claim["period"] == "period"
    assert period_words("period").search(text)
