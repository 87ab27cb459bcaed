"""Guards of the comparisons across articles, each with a case that must be found and a near case
that must not, on sentences written for the test and run through the real extractor."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.checks.comparability import PLACE_BASIS, evidence, organisations
from dashboard.checks.consistency import find_issues
from dashboard.extract.pipeline import extract_article
from dashboard.lang.check_config import load_check_config
from dashboard.read.article import Article


def run(*articles: tuple[str, str, str]) -> pd.DataFrame:
    rows, texts = [], {}
    for document, text, published in articles:
        texts[document] = text
        rows.extend(extract_article(Article(document=document, text=text, path=document, published=published)))
    return find_issues(pd.DataFrame(rows), texts)


def kinds(issues: pd.DataFrame, kind: str) -> list[str]:
    return issues[issues["kind"] == kind]["documents"].tolist()


EARLY = ("k1.txt", "بسیج سازندگی استان خوزستان: تاکنون ۱٬۲۰۰ نیروگاه خورشیدی خانگی در استان نصب شده است.", "2021-01-10")


@pytest.mark.parametrize(
    ("later", "found"),
    [
        ("بسیج سازندگی استان خوزستان: تاکنون ۹۸۰ نیروگاه خورشیدی خانگی در استان نصب شده است.", True),
        # «در حال حاضر … فعال»: only the plants still working.
        ("بسیج سازندگی استان خوزستان: در حال حاضر ۹۸۰ نیروگاه خورشیدی خانگی در استان فعال است.", False),
        # No explicit running-total word: a stock.
        ("بسیج سازندگی استان خوزستان: شمار نیروگاه‌های خورشیدی خانگی استان به ۹۸۰ رسیده است.", False),
        # Another organisation counts other plants.
        ("کمیته امداد استان خوزستان: تاکنون ۹۸۰ نیروگاه خورشیدی خانگی در استان نصب شده است.", False),
        # Only the new ones.
        ("بسیج سازندگی استان خوزستان: تاکنون ۹۸۰ نیروگاه خورشیدی خانگی جدید در استان نصب شده است.", False),
    ],
)
def test_a_shrinking_total_needs_running_totals_of_the_same_thing(later: str, found: bool) -> None:
    issues = run(EARLY, ("k2.txt", later, "2024-01-10"))
    assert kinds(issues, "shrinking_total") == (["k1.txt;k2.txt"] if found else [])


def test_a_province_that_only_fell_back_to_national_is_not_compared() -> None:
    national = ("n1.txt", "رئیس سازمان بسیج سازندگی کشور: تاکنون ۵۰ هزار شغل در کشور ایجاد شده است.", "2018-01-10")
    # The later article names no place at all: its figure defaults to National, but may be one province's.
    unnamed = ("n2.txt", "مسئول بسیج سازندگی گفت: تاکنون ۱۲ هزار شغل ایجاد شده است.", "2024-01-10")
    named = ("n3.txt", "رئیس سازمان بسیج سازندگی کشور: تاکنون ۱۲ هزار شغل در کشور ایجاد شده است.", "2024-01-10")
    assert kinds(run(national, unnamed), "shrinking_total") == []
    assert kinds(run(national, named), "shrinking_total") == ["n1.txt;n3.txt"]


def test_the_reason_names_the_words_that_made_the_figures_comparable() -> None:
    later = (
        "k2.txt",
        "بسیج سازندگی استان خوزستان: در مجموع ۹۸۰ نیروگاه خورشیدی خانگی در استان نصب شده است.",
        "2024-01-10",
    )
    row = run(EARLY, later).iloc[0]
    assert "«تاکنون» / «در مجموع»" in row["basis_fa"] and "«تاکنون» / «در مجموع»" in row["basis_en"]
    assert "خوزستان" in row["basis_fa"] and "Khuzestan" in row["basis_en"]


def test_a_repeat_by_an_organisation_the_first_report_does_not_name_is_not_reported() -> None:
    first = ("r1.txt", "بسیج سازندگی استان ایلام هزار و ۴۵۰ شغل ایجاد کرد.", "2023-01-10")
    same = ("r2.txt", "با حمایت بسیج سازندگی هزار و ۴۵۰ شغل در استان ایلام ایجاد شد.", "2023-08-10")
    other = ("r2.txt", "با حمایت کمیته امداد هزار و ۴۵۰ شغل در استان ایلام ایجاد شد.", "2023-08-10")
    assert kinds(run(first, same), "repeated_claim") == ["r1.txt;r2.txt"]
    assert kinds(run(first, other), "repeated_claim") == []


def test_narrowing_words_are_whole_words() -> None:
    claim = {"quote": "فعالیت بسیج سازندگی: تاکنون ۳۰۰ صندوق ایجاد شده است.", "mention": "۳۰۰"}
    assert evidence(claim).narrowing == ()
    assert evidence({**claim, "quote": "تاکنون ۳۰۰ صندوق فعال بسیج سازندگی"}).narrowing == ("فعال",)


def test_the_word_lists_are_well_formed() -> None:
    config = load_check_config()
    section = config.section("comparable")
    for key in ("narrowing_words", "cumulative_words"):
        words = config.word_list("comparable", key)
        assert len(words) == len(set(words)), f"{key} repeats a word"
    assert set(section["confident_place"]) <= set(PLACE_BASIS), "«default» is never confident; each basis is described"
    # The issue's own narrowing words and cumulative words are all there.
    for word in ("فعال", "در حال حاضر", "جدید", "باقی‌مانده", "در سال جاری"):
        assert word in config.word_list("comparable", "narrowing_words")
    for word in ("تاکنون", "در مجموع", "از ابتدای طرح"):
        assert word in config.word_list("comparable", "cumulative_words")
    keys = [o.key for o in organisations(config)]
    assert len(keys) == len(set(keys)) and all(o.en and o.fa for o in organisations(config))
    # A cumulative word is never also a narrowing word.
    assert not set(config.word_list("comparable", "cumulative_words")) & set(
        config.word_list("comparable", "narrowing_words")
    )
