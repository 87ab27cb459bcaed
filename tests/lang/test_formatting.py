"""Persian numbers, toman with scale words, Jalali dates and the interface labels."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from persiantools.digits import to_word

from dashboard.lang import formatting as fm
from dashboard.lang import i18n
from dashboard.lang.i18n import LabelError, load_labels, t

TOMAN_CASES = [
    # rials, Persian, English
    (65_000_000_000_000, "۶٫۵ هزار میلیارد تومان", "6.5 trillion toman"),
    (290_000_000_000, "۲۹ میلیارد تومان", "29 billion toman"),
    (22_200_000_000_000, "۲٫۲۲ هزار میلیارد تومان", "2.22 trillion toman"),
    (99_000_000_000, "۹٫۹ میلیارد تومان", "9.9 billion toman"),
    (15_000_000_000, "۱٫۵ میلیارد تومان", "1.5 billion toman"),
    (2_500_000_000, "۲۵۰ میلیون تومان", "250 million toman"),
    (5_000_000, "۵۰۰ هزار تومان", "500 thousand toman"),
    (12_340, "۱٬۲۳۴ تومان", "1,234 toman"),
    (0, "۰ تومان", "0 toman"),
    (12_345_678_000_000_000, "۱٬۲۳۴٫۵۷ هزار میلیارد تومان", "1,234.57 trillion toman"),
]


@pytest.mark.parametrize(("rials", "fa", "en"), TOMAN_CASES)
def test_toman_with_scale_words(rials: float, fa: str, en: str) -> None:
    assert fm.format_toman(rials, "fa") == fa
    assert fm.format_toman(rials, "en") == en


def test_toman_of_missing_value_is_empty() -> None:
    assert fm.format_toman(None) == ""
    assert fm.format_toman(float("nan")) == ""


@pytest.mark.parametrize(
    ("value", "unit", "fa", "en"),
    [
        (15_000_000, "W", "۱۵ مگاوات", "15 MW"),
        (5_000, "W", "۵ کیلووات", "5 kW"),
        (2_000_000_000, "Wh", "۲ گیگاوات‌ساعت", "2 GWh"),
        (4, "percent", "۴٪", "4%"),
        (12.5, "percent", "۱۲٫۵٪", "12.5%"),
        (123_182, "count", "۱۲۳٬۱۸۲", "123,182"),
        (1_370_000, "count", "۱٬۳۷۰٬۰۰۰", "1,370,000"),
        (250, "ha", "۲۵۰ هکتار", "250 ha"),
        (290_000_000_000, "IRR", "۲۹ میلیارد تومان", "29 billion toman"),
    ],
)
def test_value_in_its_unit(value: float, unit: str, fa: str, en: str) -> None:
    assert fm.format_value(value, unit, "fa") == fa
    assert fm.format_value(value, unit, "en") == en


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,234.5", "۱٬۲۳۴٫۵"), ("2024-11-22", "۲۰۲۴-۱۱-۲۲"), ("12%", "۱۲٪"), ("abc", "abc"), ("", "")],
)
def test_persian_digits(text: str, expected: str) -> None:
    assert fm.to_persian_digits(text) == expected


@pytest.mark.parametrize(
    ("iso", "fa", "en"),
    [
        ("2024-11-22", "۱۴۰۳/۰۹/۰۲", "1403/09/02"),
        ("2021-03-21", "۱۴۰۰/۰۱/۰۱", "1400/01/01"),
        ("2021-03-20", "۱۳۹۹/۱۲/۳۰", "1399/12/30"),
        ("2025-03-20", "۱۴۰۳/۱۲/۳۰", "1403/12/30"),
        ("2023-03-25", "۱۴۰۲/۰۱/۰۵", "1402/01/05"),
        ("2024-11-22T10:00:00", "۱۴۰۳/۰۹/۰۲", "1403/09/02"),
        ("", "", ""),
        (None, "", ""),
        ("not a date", "", ""),
        ("2024-02-30", "", ""),
    ],
)
def test_jalali_date(iso: str | None, fa: str, en: str) -> None:
    assert fm.jalali_date(iso, "fa") == fa
    assert fm.jalali_date(iso, "en") == en


@pytest.mark.parametrize(
    ("year", "month", "fa", "en"),
    [
        (1403, 9, "آذر ۱۴۰۳", "Azar 1403"),
        (1402, 1, "فروردین ۱۴۰۲", "Farvardin 1402"),
        (1399, 12, "اسفند ۱۳۹۹", "Esfand 1399"),
    ],
)
def test_jalali_month_label(year: int, month: int, fa: str, en: str) -> None:
    assert fm.jalali_month_label(year, month, "fa") == fa
    assert fm.jalali_month_label(year, month, "en") == en


def test_jalali_span_and_long_form() -> None:
    assert fm.jalali_span("2023-03-25", "2024-11-22", "fa") == "۱۴۰۲/۰۱/۰۵ – ۱۴۰۳/۰۹/۰۲"
    assert fm.jalali_span("2024-11-22", "2024-11-22", "en") == "1403/09/02"
    assert fm.jalali_span(None, None, "fa") == ""
    assert fm.jalali_long("2024-11-22", "fa") == "۲ آذر ۱۴۰۳"


def test_jalali_columns_match_one_by_one_conversion() -> None:
    dates = pd.Series(["2024-11-22", "", "2021-03-21", "2024-11-22", None, "2020-03-19"])
    out = fm.jalali_columns(dates)
    assert out.index.equals(dates.index)
    for iso, (_, row) in zip(dates, out.iterrows(), strict=True):
        expected = fm.jalali_date(iso, "en")
        assert row["jdate"] == expected
        if expected:
            assert row["jyear"] == int(expected[:4])
            assert row["jmonth"] == expected[:7].replace("/", "-")
        else:
            assert pd.isna(row["jyear"])


@pytest.mark.parametrize("n", [1_000_000_000, 6_500_000_000_000, 29_000_000_000, 450_000_000])
def test_scaled_mantissa_times_scale_gives_the_number(n: int) -> None:
    # persiantools writes the number in words; our scale word must be one of the words it uses.
    mantissa, key = fm.scaled(n)
    factor = {"scale_trillion": 1e12, "scale_billion": 1e9, "scale_million": 1e6}[key]
    assert mantissa * factor == pytest.approx(n)
    assert t(key, "fa").split()[-1] in to_word(n)


def test_every_label_has_both_languages() -> None:
    labels = load_labels()
    assert len(labels) > 50
    for key, entry in labels.items():
        assert entry["fa"] and entry["en"], key


def test_labels_file_errors_name_the_file(tmp_path) -> None:
    bad = tmp_path / "labels.yaml"
    bad.write_text(yaml.safe_dump({"x": {"fa": "ایکس"}}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LabelError, match=r"labels\.yaml: x\.en: missing"):
        load_labels(bad)
    with pytest.raises(LabelError, match="not found"):
        load_labels(tmp_path / "missing.yaml")


def test_taxonomy_labels_in_both_languages() -> None:
    assert i18n.province_label("Qazvin", "fa") == "قزوین"
    assert i18n.province_label("Qazvin", "en") == "Qazvin"
    assert i18n.province_label("National", "fa") == "سراسر کشور"
    assert i18n.metric_label("jobs", "fa") == "اشتغال"
    assert i18n.program_label("note_16", "en") == "Note 16 loans"
    assert i18n.value_label("status", "planned", "fa") == "برنامه‌ریزی‌شده"
    assert i18n.value_label("source", "", "en") == "(none)"
    assert t("no_such_label", "fa") == "no_such_label"
    assert t("rows_count", "xx", n=2) == "2 ادعا"


@pytest.mark.parametrize(
    "module",
    [
        "dashboard.lang.formatting",
        "dashboard.lang.i18n",
        "dashboard.present.charts",
        "dashboard.present.filters",
        "dashboard.present.highlight",
        "dashboard.present.downloads",
        "dashboard.app.urlstate",
        "dashboard.present.uploads",
        "dashboard.app.ui",
    ],
)
def test_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
