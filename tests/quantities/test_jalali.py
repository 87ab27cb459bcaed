"""Jalali dates: the forms news writes, invalid dates, dates that are not the publication date, the data file."""

from __future__ import annotations

import json
from pathlib import Path

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.lang.persian import PERSIAN_DIGITS
from dashboard.quantities import jalali
from dashboard.quantities.jalali import date_line, find_dates, find_publication_date, parse_date, publication_date
from dashboard.read.article import Article

SHARED = Path(__file__).parents[2].parent / "shared"
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "corpus" / "dev_gold.json"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def fa(text: str) -> str:
    """ASCII digits to Persian ones."""
    return text.translate(str.maketrans("0123456789", PERSIAN_DIGITS))


def ar(text: str) -> str:
    """ASCII digits to Arabic-Indic ones."""
    return text.translate(str.maketrans("0123456789", ARABIC_DIGITS))


def gregorian(y: int, m: int, d: int) -> str:
    """The oracle: jdatetime's own conversion."""
    return jdatetime.date(y, m, d).togregorian().isoformat()


TABLE = [
    ("۱۳۹۷/۰۵/۲۰", (1397, 5, 20)),
    ("1402-09-03", (1402, 9, 3)),
    ("۱۴۰۲.۰۹.۰۳", (1402, 9, 3)),
    ("۱۴۰۲/۹/۳", (1402, 9, 3)),
    ("۴ آذر ۱۴۰۲", (1402, 9, 4)),
    ("۰۴ آذرماه ۱۴۰۲", (1402, 9, 4)),
    ("۴ آذر ماه ۱۴۰۲", (1402, 9, 4)),
    ("شنبه ۴ آذر ۱۴۰۲ - ۱۴:۱۰", (1402, 9, 4)),
    ("۲۸ امرداد ۱۴۰۰", (1400, 5, 28)),
    ("۲۸ مرداد ۱۴۰۰", (1400, 5, 28)),
    ("٢٢ مهر ١٤٠٣", (1403, 7, 22)),
    ("۵ دي ۱۳۹۸", (1398, 10, 5)),
    ("۵ دی‌ماه ۱۳۹۸", (1398, 10, 5)),
    ("دوشنبه، ۲۱ خرداد ۱۴۰۳ - ۱۰:۲۵", (1403, 3, 21)),
    ("پنج‌شنبه ۱ آذر ۱۴۰۳", (1403, 9, 1)),
    ("۱۸ اردیبهشت ۱۴۰۴", (1404, 2, 18)),
    ("۱۲ فروردین سال ۱۴۰۱", (1401, 1, 12)),
    ("27/11/1399", (1399, 11, 27)),
    ("۳۰ اسفند ۱۴۰۳", (1403, 12, 30)),  # 1403 is a leap year
]


@pytest.mark.parametrize(("written", "ymd"), TABLE)
def test_jalali_forms(written: str, ymd: tuple[int, int, int]) -> None:
    result = parse_date(written)
    assert result is not None, written
    assert result[0] == gregorian(*ymd)
    assert result[1] in written


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2024-11-21", "2024-11-21"),
        ("2024-11-21T08:30:00+03:30", "2024-11-21"),
        ("2019/12/26", "2019-12-26"),
        ("۲۵ نوامبر ۲۰۲۳", "2023-11-25"),
        ("November 25, 2023", "2023-11-25"),
        ("25 Nov. 2023", "2023-11-25"),
        ("۵ مه ۲۰۲۴", "2024-05-05"),
    ],
)
def test_gregorian_forms(written: str, iso: str) -> None:
    assert parse_date(written)[0] == iso


@pytest.mark.parametrize(
    "written",
    [
        "۱۴۰۲/۱۲/۳۰",  # 1402 is not a leap year
        "۱۴۰۲/۰۷/۳۱",  # months 7-12 have at most 30 days
        "۱۴۰۲/۱۳/۰۱",
        "۱۴۰۲/۰۰/۱۰",
        "۱۴۰۲/۰۵/۰۰",
        "۳۲ آذر ۱۴۰۲",
        "1750/01/01",  # neither a Jalali nor a Gregorian year we accept
        "2023-02-29",
        "در سال ۱۴۰۱",
        "",
        "   ",
        "۱۴:۱۰",
        "۴ آذر 2023",  # a Jalali month with a Gregorian year
        "۲۵ نوامبر ۱۴۰۲",  # and the other way round
        "۱۲ ربیع‌الاول ۱۴۴۵",  # lunar dates are not read
    ],
)
def test_invalid_dates(written: str) -> None:
    assert parse_date(written) is None


FIRST_DAY = jdatetime.date(1300, 1, 1).togregorian()
LAST_DAY = jdatetime.date(1480, 1, 1).togregorian()


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=FIRST_DAY, max_value=LAST_DAY),
    style=st.sampled_from(["numeric", "named", "weekday"]),
    digits=st.sampled_from([str, fa, ar]),
)
def test_any_jalali_day_round_trips(day, style, digits) -> None:
    j = jdatetime.date.fromgregorian(date=day)
    data = jalali.load_month_table()
    if style == "numeric":
        written = digits(f"{j.year}/{j.month:02d}/{j.day:02d}")
    else:
        month = data["months"][j.month][0]
        written = digits(f"{j.day} {month} {j.year}")
        if style == "weekday":
            written = data["weekdays"][0] + " " + written
    assert parse_date(written) == (day.isoformat(), written)


def test_every_month_spelling_is_read_as_its_month() -> None:
    data = jalali.load_month_table()
    for number, spellings in data["months"].items():
        for spelling in spellings:
            for written in (f"۱ {spelling} ۱۴۰۲", f"۱ {spelling}ماه ۱۴۰۲", f"۱ {spelling.replace('ی', 'ي')} ۱۴۰۲"):
                assert parse_date(written) == (gregorian(1402, int(number), 1), written), written
    for number, spellings in data["gregorian_months"].items():
        for spelling in spellings:
            written = f"3 {spelling} 2021"
            assert parse_date(written) == (f"2021-{int(number):02d}-03", written), written


def test_data_file_integrity() -> None:
    data = jalali.load_month_table()
    assert sorted(int(k) for k in data["months"]) == list(range(1, 13))
    assert sorted(int(k) for k in data["gregorian_months"]) == list(range(1, 13))
    tables = (data["months"], data["gregorian_months"])
    keys = [jalali._month_key(s) for table in tables for spellings in table.values() for s in spellings]
    assert len(keys) == len(set(keys)), "a spelling is listed for two months or twice"
    for key in ("weekdays", "publication_labels", "line_words", "not_publication_labels"):
        assert len(data[key]) == len(set(data[key])), f"duplicate in {key}"
    weekdays = [jalali._month_key(w) for w in data["weekdays"]]
    assert len(weekdays) == len(set(weekdays)) == 7


def test_malformed_data_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "months.yaml"
    bad.write_text("months:\n  1: [فروردین]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="months"):
        jalali.load_month_table(bad)


@pytest.mark.parametrize(
    "line",
    [
        "تاریخ انتشار: ۰۴ آذر ۱۴۰۲ - ۱۴:۱۰",
        "۱۳۹۹/۱۱/۲۷",
        "شنبه ۷ آذر ۱۴۰۲",
        "تاریخ: ۱۴۰۴/۰۳/۲۰",
        "کد خبر: ۴۵۱۲۳ | تاریخ: ۷ آذر ۱۴۰۲",
        "کد خبر: ۴۵۱۲۳ | ۷ آذر ۱۴۰۲، ۰۹:۰۵",
        "انتشار: ۷ آذر ۱۴۰۲ | ۰۹:۰۵",
        "منتشر شده در ۷ آذر ۱۴۰۲ ساعت ۹:۰۵",
        "سه‌شنبه ۷ آذر ۱۴۰۲ - ساعت ۰۹:۰۵",
        "یک‌شنبه ۵ آذر ۱۴۰۲",
        "یک شنبه ۵ آذر ۱۴۰۲",
        "پنجشنبه، ۵ اردیبهشت ۱۴۰۲",
        "1402/09/07 - 09:05",
        "تاریخ انتشار: ۷ آذر ۱۴۰۲ - نویسنده: گروه اقتصادی",
        "سه‌شنبه ۷ آذر ۱۴۰۲ - ۱۴ جمادی‌الاول ۱۴۴۵ - ۲۸ نوامبر ۲۰۲۳",
        "قم نیوز , 4 تير 1401 ساعت 11:09",
        "ایسنا | ۱۸ آبان ۱۴۰۳، ۱۲:۰۳",
    ],
)
def test_date_line_forms(line: str) -> None:
    text = f"{line}\n\nگشایش دو کارگاه تازه در شهرستان\n\nمتن کوتاهی درباره این رویداد."
    found = find_publication_date(text)
    assert found is not None, line
    assert found.iso == parse_date(line)[0]
    assert text[found.start : found.end] == found.jalali
    assert date_line(line) is not None


def test_date_line_after_the_headline() -> None:
    text = "گشایش دو کارگاه تازه\n\n۱۵ اسفند ۱۴۰۰\n\nمتن خبر."
    assert find_publication_date(text).iso == gregorian(1400, 12, 15)


@pytest.mark.parametrize(
    "text",
    [
        "گشایش دو کارگاه تازه\n\nاین طرح در سال ۱۴۰۱ آغاز شد و تا ۴ آذر ۱۴۰۲ ادامه داشت.",
        "گشایش دو کارگاه\n\nمدیر طرح گفت: از تاریخ ۴ آذر ۱۴۰۲ ثبت‌نام آغاز می‌شود.",
        "امروز: سه‌شنبه ۴ آذر ۱۴۰۴\n\nگشایش دو کارگاه\n\nمتن خبر.",
        "گشایش دو کارگاه\n\nمتن خبر.",
        "",
    ],
)
def test_body_dates_are_not_the_publication_date(text: str) -> None:
    assert find_publication_date(text) is None


def test_date_line_deep_in_the_body_is_not_taken() -> None:
    body = "جمله‌ای از متن خبر درباره کارگاه‌ها. " * 40
    middle = f"گشایش کارگاه\n\n{body}\n\n۱۴۰۲/۰۹/۰۳\n\n{body}\n\n{body}"
    assert find_publication_date(middle) is None


def test_labelled_date_at_the_end_counts_but_a_bare_one_does_not() -> None:
    body = "جمله‌ای از متن خبر درباره کارگاه‌ها. " * 40
    labelled = f"گشایش کارگاه\n\n{body}\n\nتاریخ انتشار: ۱۲ آبان ۱۴۰۳ ساعت ۱۳:۴۰\n"
    assert find_publication_date(labelled).iso == gregorian(1403, 8, 12)
    assert find_publication_date(f"گشایش کارگاه\n\n{body}\n\n۱۲ آبان ۱۴۰۳\n") is None


def test_find_dates_in_order_without_overlap() -> None:
    text = "از ۱۴۰۲/۰۹/۰۳ تا شنبه ۷ آذر ۱۴۰۲ و 2024-01-30"
    found = find_dates(text)
    assert [f.iso for f in found] == [gregorian(1402, 9, 3), gregorian(1402, 9, 7), "2024-01-30"]
    assert all(text[f.start : f.end].strip() == f.jalali for f in found)


def test_record_date_wins_over_text() -> None:
    text = "۳ آذر ۱۴۰۲\n\nتیتر"
    assert publication_date("۱۳۹۷/۰۵/۲۰", text)[0] == gregorian(1397, 5, 20)
    assert publication_date(None, text)[0] == gregorian(1402, 9, 3)
    assert publication_date("", "تیتر") is None


def _gold_published() -> dict[str, str | None]:
    return {d["document"]: d["published"] for d in json.loads(GOLD.read_text(encoding="utf-8"))}


@pytest.mark.skipif(not GOLD.exists(), reason="the shared development corpus is not beside the repository")
def test_dev_corpus_dates_match_gold() -> None:
    from dashboard.read.inputs import iter_articles

    gold = _gold_published()
    articles = {a.document: a for a in iter_articles([DEV]) if isinstance(a, Article)}
    assert set(gold) <= set(articles)
    wrong = {}
    for document, expected in gold.items():
        article = articles[document]
        got = publication_date(article.published, article.text)
        if (got[0] if got else None) != expected:
            wrong[document] = (got, expected)
    assert not wrong
