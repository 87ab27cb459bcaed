"""Tests for the Persian number finder and parser (``dashboard/quantities/numbers.py``)."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from persiantools.digits import en_to_fa, to_word

from dashboard.lang import number_words as number_words_module
from dashboard.lang.errors import UserError
from dashboard.lang.number_words import NUMBER_WORDS_FILE, NumberWordsError, load_number_words
from dashboard.lang.persian import ARABIC_DIGITS, PERSIAN_DIGITS, ZWNJ
from dashboard.lang.taxonomy import load_taxonomy
from dashboard.quantities import numbers as numbers_module
from dashboard.quantities.numbers import KINDS, NumberSpan, find_numbers, parse_number

SHARED = Path(__file__).parents[2].parent / "shared"


def found(text: str) -> list[tuple[str, float, str]]:
    return [(s.text, s.value, s.kind) for s in find_numbers(text)]


def numbers(text: str) -> list[tuple[str, float]]:
    return [(s.text, s.value) for s in find_numbers(text) if s.kind == "number"]


# --- parse_number: one whole expression ------------------------------------------------------

PARSE_CASES = [
    # digits in three scripts
    ("۴۷", 47),
    ("٤٧", 47),
    ("47", 47),
    ("۰", 0),
    # thousands separators
    ("۳۲,۶۰۰", 32600),
    ("۱۸٬۴۵۰", 18450),
    ("۱۲،۵۰۰", 12500),
    ("۱٬۲۳۴٬۵۶۷", 1234567),
    ("7,250,000", 7250000),
    ("1.500.000", 1500000),
    # decimals
    ("۲٫۵", 2.5),
    ("۲/۵", 2.5),
    ("3.75", 3.75),
    ("۱٬۲۳۴٫۵", 1234.5),
    ("٦٫٢٥", 6.25),
    # words
    ("هفت", 7),
    ("هزار", 1000),
    ("صد", 100),
    ("صفر", 0),
    ("یکصد و بیست و سه", 123),
    ("یک هزار", 1000),
    ("یک‌هزار", 1000),
    ("یکهزار", 1000),
    ("یک‌صد", 100),
    ("یکهزاروپانصد", 1500),
    ("دو صد", 200),
    ("سیصد و پنجاه هزار", 350000),
    ("دوازده هزار و چهارصد", 12400),
    ("هزار و یک", 1001),
    ("هزار میلیارد", 1e12),
    ("چهار تریلیون و هفتصد میلیارد", 4.7e12),
    ("هجده", 18),
    ("هیجده", 18),
    ("يك ميليون", 1e6),  # Arabic ي and ك
    # mixed digits and words
    ("۱۲۳ هزار و ۱۸۲", 123182),
    ("یک میلیون و ۳۷۰ هزار", 1370000),
    ("۶ هزار و ۵۰۰ میلیارد", 6.5e12),
    ("۲٫۵ میلیون", 2.5e6),
    ("۵ هزار و ۲۰۰", 5200),
    ("دو هزار و ۵۰۰", 2500),
    ("۸۰ هزار میلیارد", 8e13),
    ("۱۴هزار", 14000),
    ("۱۴" + ZWNJ + "هزار", 14000),
    ("۷ میلیون ۲۰۰ هزار", 7200000),
    ("۲ میلیارد و ۴۰۰ میلیون", 2.4e9),
    ("۳ هزار میلیارد و ۵۰۰ میلیارد", 3.5e12),
    ("۲ هزار و ۵۰۰ میلیارد و ۳۰۰ میلیون", 2.5003e12),
    ("٣ هزار و ٩٠٠", 3900),
    # half
    ("دو و نیم میلیارد", 2.5e9),
    ("سه و نیم", 3.5),
    ("۴ و نیم", 4.5),
    ("یک میلیون و نیم", 1.5e6),
    ("نیم میلیون", 5e5),
    ("نیم", 0.5),
    # fractions
    ("سه چهارم", 0.75),
    ("یک دهم", 0.1),
    ("دو سوم", 2 / 3),
    # surrounding spaces do not matter
    ("  ۱۵ هزار  ", 15000),
    ("\u00a0۱۵ هزار" + ZWNJ, 15000),
]


@pytest.mark.parametrize(("text", "value"), PARSE_CASES)
def test_parse_number(text: str, value: float) -> None:
    # Whole values must match exactly (a relative tolerance would hide 1000 off 6.5e12).
    expected = value if float(value).is_integer() else pytest.approx(value)
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "سلام",
        "۱۲ و ۱۳",
        "۱۲، ۱۳",
        "۵۰۰ نفر",
        "1399/11/27",
        "۱۴۰۲/۰۹/۰۳",
        "1402-09-03",
        "۱۴:۱۰",
        "۰۸۳-۳۸۲۴۵۱۰۰",
        "09121234567",
        "سومین",
        "دوم",
        "نخست",
        "نزدیک",
        "بیست و یکم",
        "هزاران",
        "میلیون‌ها",
        "abc123",
        "۴۰٪",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_rejects_non_strings() -> None:
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert find_numbers(None) == []  # type: ignore[arg-type]


# --- find_numbers: numbers in running text ---------------------------------------------------

FIND_CASES = [
    # lists with «،» and «و» stay separate numbers
    ("در سه مرحله ۱۲، ۱۳ و ۱۴ واحد ساخته شد", [("سه", 3), ("۱۲", 12), ("۱۳", 13), ("۱۴", 14)]),
    ("شمار اعضا ۲۱،۷۵۰ نفر است", [("۲۱،۷۵۰", 21750)]),
    ("۱۲۰ و ۱۴۰ خانوار", [("۱۲۰", 120), ("۱۴۰", 140)]),
    # a scale word repeated starts a new number
    ("۵۰ هزار و ۲۰ هزار نفر", [("۵۰ هزار", 50000), ("۲۰ هزار", 20000)]),
    ("هزار میلیارد و ۱۲ هزار میلیارد ریال", [("هزار میلیارد", 1e12), ("۱۲ هزار میلیارد", 1.2e13)]),
    # a group after a scale with no «و» must end in a smaller scale
    ("۳ میلیون ۴۰۰ نفر", [("۳ میلیون", 3e6), ("۴۰۰", 400)]),
    # units and currencies end the number
    ("سهم آن ۴۰٪ بود و ۱۲ همت پرداخت شد", [("۴۰", 40), ("۱۲", 12)]),
    ("نیروگاه ۵kW و ۵کیلوواتی و کودک ۱۰ساله", [("۵", 5), ("۵", 5), ("۱۰", 10)]),
    ("سه و نیم همت", [("سه و نیم", 3.5)]),
    # number words only as whole tokens
    ("در نزدیکی این دوره برای سومین بار", []),
    ("روز سه‌شنبه و پنجشنبه و دوده و سهم", []),
    ("یکدیگر را یکسان دیدند و هزاره سوم", []),
    ("ده‌ها روستا و صدها خانوار و هزاران نفر", []),
    # ordinals are not numbers
    ("برای بیست و یکمین بار در روز دوم و سال نخست", []),
    ("صد و سومین نشست", []),
    ("هزار و یکم", []),
    # «نه» as negation is not nine
    ("نه تنها بودجه، بلکه نه نفر دیگر", [("نه", 9)]),
    ("آیا پرداخت شد یا نه؟", []),
    ("بیست و نه روستا", [("بیست و نه", 29)]),
    # vague plurals and counts are not numbers
    ("ده ها روستا و صد های دیگر", []),
    ("چند هزار نفر، چندین میلیارد تومان و چند صد هزار خانوار", []),
    ("ده‌ها هزار نفر و ده ها میلیون تومان", []),
    ("پانزده هزار نفر و چند نفر", [("پانزده هزار", 15000)]),
    # a fraction in words
    ("یک سوم بودجه و سه چهارم طرح‌ها", [("یک سوم", 1 / 3), ("سه چهارم", 0.75)]),
    # dates, times, phones and ids have their own kinds
    ("جلسه 1399/11/27 ساعت ۱۴:۱۰ برگزار شد", [("1399/11/27", 0, "date"), ("۱۴:۱۰", 0, "time")]),
    ("تاریخ ۱۴۰۲/۰۹/۰۳ و 1402-09-03", [("۱۴۰۲/۰۹/۰۳", 0, "date"), ("1402-09-03", 0, "date")]),
    ("گزارش ۱۴۰۱/۰۶ و سال ۱۴۰۲/۱۴۰۳", [("۱۴۰۱/۰۶", 0, "date"), ("۱۴۰۲", 1402), ("۱۴۰۳", 1403)]),
    ("سهم ۶۲/۵ درصد و ۳/۷۵ میلیارد", [("۶۲/۵", 62.5), ("۳/۷۵ میلیارد", 3.75e9)]),
    ("تلفن ۰۸۳-۳۸۲۴۵۱۰۰", [("۰۸۳-۳۸۲۴۵۱۰۰", 8338245100, "phone")]),
    ("همراه ۰۹۱۲ ۳۴۵ ۶۷۸۹", [("۰۹۱۲ ۳۴۵ ۶۷۸۹", 9123456789, "phone")]),
    ("دفتر (۰۳۱) ۳۲۲۴۵۶۷۸ و بند (۴)", [("(۰۳۱) ۳۲۲۴۵۶۷۸", 3132245678, "phone"), ("۴", 4)]),
    ("از خارج +98 21 44556677", [("+98 21 44556677", 982144556677, "phone")]),
    # text that went through a normalizer which spaces out «٬» and «٫»
    ("رقم ۳ ٬ ۴۵۰ ٫ ۲۵ تن", [("۳ ٬ ۴۵۰ ٫ ۲۵", 3450.25)]),
    (
        "تماس: 021-88776655 یا 09121234567",
        [("021-88776655", 2188776655, "phone"), ("09121234567", 9121234567, "phone")],
    ),
    ("با شماره ۲۲۴۴۶۶۸۸-۰۴۱ تماس بگیرید", [("۲۲۴۴۶۶۸۸-۰۴۱", 22446688041, "phone")]),
    ("شناسه ۰۱۲۳۴۵۶۷ و ۱۲۳۴۵۶۷۸۹۰۱۲۳۴", [("۰۱۲۳۴۵۶۷", 1234567, "id"), ("۱۲۳۴۵۶۷۸۹۰۱۲۳۴", 12345678901234, "id")]),
    # a long plain number stays a number (the extractor reads «کد خبر» itself)
    ("کد خبر ۸۴۸۷۲۳۱۰", [("۸۴۸۷۲۳۱۰", 84872310)]),
    # digits inside Latin words and addresses are not numbers
    ("نشانی news/4186320 و abc123 و https://example.org/a/1402/55", []),
    # Arabic-Indic digits and letters
    ("تعداد ٤٥٠ واحد و يكصد نفر", [("٤٥٠", 450), ("يكصد", 100)]),
    # a newline breaks a number
    ("۱۲ هزار\nو ۵۰۰", [("۱۲ هزار", 12000), ("۵۰۰", 500)]),
]


def _expected(rows: list[tuple]) -> list[tuple[str, float, str]]:
    return [(r[0], r[1], r[2] if len(r) > 2 else "number") for r in rows]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_numbers(text: str, expected: list[tuple]) -> None:
    assert found(text) == _expected(expected)


def test_find_numbers_reports_words_and_offsets() -> None:
    text = "گزارش: ۱۲۳ هزار و ۱۸۲ شغل و ۴۵ طرح"
    spans = find_numbers(text)
    assert [(s.has_words, s.kind) for s in spans] == [(True, "number"), (False, "number")]
    first = spans[0]
    assert text[first.start : first.end] == first.text == "۱۲۳ هزار و ۱۸۲"
    assert isinstance(first, NumberSpan)


def test_spans_keep_offsets_of_the_original_text() -> None:
    # Arabic letters and digits, ZWNJ and a non-breaking space: offsets still index the input.
    text = "مبلغ\u00a0٢ ميليارد و ۳۰۰ ميليون تومان برای یک‌هزار نفر"
    spans = find_numbers(text)
    assert [s.value for s in spans] == [2.3e9, 1000]
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_long_runs_of_glued_words_are_read_in_one_pass() -> None:
    # «یکصد» also splits as «یک» + «صد»: a scanner that tried every split would take 2**26 steps here.
    assert find_numbers("یکصد" * 26 + "ب") == []
    assert numbers("یکصد" * 26) == []  # hundreds glued with no «و» are no number
    assert numbers(" ".join(["یکصدوبیست"] * 3)) == [("یکصدوبیست", 120)] * 3


# --- how news actually types numbers -----------------------------------------------------------

GLUED_CASES = [
    # «و» glued to the scale word before it
    ("حدود ۴ هزارو ۲۰۰ نفر ثبت‌نام کردند", [("۴ هزارو ۲۰۰", 4200)]),
    ("برای ۳ هزارو ۵۵۰ خانوار", [("۳ هزارو ۵۵۰", 3550)]),
    ("اعتبار ۱۲ میلیونو ۵۰۰ هزار تومانی", [("۱۲ میلیونو ۵۰۰ هزار", 12_500_000)]),
    ("دو هزارو پانصد نفر", [("دو هزارو پانصد", 2500)]),
    # a figure glued to the word after it
    ("۲هزار و ۳۰۰ واحد", [("۲هزار و ۳۰۰", 2300)]),
    ("۷۵۰میلیارد ریال", [("۷۵۰میلیارد", 7.5e11)]),
    ("۲۵۰نفر", [("۲۵۰", 250)]),
    # a scale word glued to the currency after it: the currency stays outside the span
    ("برای این طرح ۸۰۰ میلیاردتومان هزینه شد", [("۸۰۰ میلیارد", 8e11)]),
    ("وام ۵۰ میلیونریال", [("۵۰ میلیون", 5e7)]),
    ("۳ هزارتومان", [("۳ هزار", 3000)]),
    # «هزار» right after «میلیون و»: a group of its own, not a new number
    ("یک میلیون و هزار فرصت شغلی", [("یک میلیون و هزار", 1_001_000)]),
    ("دو میلیون و هزار و ۵۰۰ نفر", [("دو میلیون و هزار و ۵۰۰", 2_001_500)]),
    ("یک میلیارد و هزار تومان", [("یک میلیارد و هزار", 1_000_001_000)]),
    ("هزار و هزار نفر", [("هزار", 1000), ("هزار", 1000)]),
    # a joiner break inside a run of digits is no gap
    ("۷\u200c۵ نفر", [("۷\u200c۵", 75)]),
    ("۱\u200d۲۰ واحد", [("۱\u200d۲۰", 120)]),
    ("۱۲\u200c۵۰۰ هزار", [("۱۲\u200c۵۰۰ هزار", 12_500_000)]),
    # but two figures with a space stay two
    ("۷ ۵ نفر", [("۷", 7), ("۵", 5)]),
    # a hundred in words, then the rest in digits
    ("بیش از یکصد و ۵۸ کیلوگرم", [("یکصد و ۵۸", 158)]),
    ("سیصد و 20 هزار نفر", [("سیصد و 20 هزار", 320_000)]),
    ("دویست و ۵ واحد", [("دویست و ۵", 205)]),
    # but only the tens and units: a figure of hundreds is a number of its own
    ("یکصد و ۵۸۰ واحد", [("یکصد", 100), ("۵۸۰", 580)]),
    # an amount written in thousands: the last «هزار» multiplies the whole
    ("۳۵۷ میلیون و ۸۳۹ هزار و ۷۴۰ هزار ریال", [("۳۵۷ میلیون و ۸۳۹ هزار و ۷۴۰ هزار", 357_839_740_000)]),
    # but two numbers of one scale stay two
    ("۵ میلیون و ۳ میلیون نفر", [("۵ میلیون", 5e6), ("۳ میلیون", 3e6)]),
    ("۲ هزار و ۵۰۰ هزار", [("۲ هزار", 2000), ("۵۰۰ هزار", 500_000)]),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_CASES)
def test_numbers_as_news_types_them(text: str, expected: list[tuple]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("۴ هزارو ۲۰۰", 4200), ("یک میلیون و هزار", 1_001_000), ("۷\u200c۵", 75), ("هزار و هزار", None)],
)
def test_parse_number_as_news_types_it(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("برای این طرح ۸۰۰ میلیاردتومان هزینه شد.", [(8e12, "IRR", "money")]),
        ("برای این طرح ۷۵۰میلیارد ریال هزینه شد.", [(7.5e11, "IRR", "money")]),
    ],
)
def test_a_scale_glued_to_its_currency_keeps_the_currency(text: str, expected: list[tuple]) -> None:
    from dashboard.extract.pipeline import extract_article
    from dashboard.read.article import Article

    rows = extract_article(Article(document="t", text=text, path="t"))
    assert [(r["value"], r["unit"], r["metric"]) for r in rows] == expected


# --- hypothesis properties -------------------------------------------------------------------

WHOLE = st.integers(min_value=0, max_value=10**15 - 1)


@settings(max_examples=300, deadline=None)
@given(WHOLE)
def test_words_of_any_number_parse_back(n: int) -> None:
    assert parse_number(to_word(n)) == n


@settings(max_examples=300, deadline=None)
@given(WHOLE)
def test_words_in_a_sentence_are_one_span(n: int) -> None:
    words = to_word(n)
    text = f"طبق گزارش، {words} نفر در این طرح شرکت کردند."
    spans = [s for s in find_numbers(text) if s.kind == "number"]
    assert [(s.text, s.value) for s in spans] == [(words, n)]


@settings(max_examples=300, deadline=None)
@given(WHOLE)
def test_persian_digits_with_separators_parse_back(n: int) -> None:
    grouped = en_to_fa(f"{n:,}").replace(",", "\u066c")
    assert parse_number(grouped) == n
    assert numbers(f"مبلغ {grouped} ریال") == [(grouped, n)]


@settings(max_examples=200, deadline=None)
@given(WHOLE, st.sampled_from(["هزار", "میلیون", "میلیارد"]))
def test_digits_times_a_scale(n: int, scale: str) -> None:
    factor = {"هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9}[scale]
    assert parse_number(f"{en_to_fa(str(n % 1000))} {scale}") == (n % 1000) * factor


PIECES = (
    list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀة")
    + list(PERSIAN_DIGITS + ARABIC_DIGITS + "0123456789")
    + list(" \n\t.,،٫٬/:-+٪%ـ")
    + [ZWNJ, "\u200f", "\u00a0", "abc", "http://", "هزار", " و ", "نیم", "میلیارد", "سه", "بیست", "یکم", "نه", "صد"]
)
PERSIAN_TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=60), PERSIAN_TEXT))
def test_never_crashes_and_spans_are_well_formed(text: str) -> None:
    spans = find_numbers(text)
    previous_end = 0
    for s in spans:
        assert 0 <= previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.kind in KINDS
        assert isinstance(s.value, float)
        previous_end = s.end
    parse_number(text)


@pytest.mark.parametrize("module", [numbers_module, number_words_module])
def test_docstring_examples_hold(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# --- the data file ---------------------------------------------------------------------------


def test_number_words_file_is_consistent() -> None:
    raw = yaml.safe_load(NUMBER_WORDS_FILE.read_text(encoding="utf-8"))
    lex = load_number_words()
    sections = ("units", "teens", "tens", "hundreds", "scales")
    listed = [w for key in sections for w in raw[key]] + [raw["zero"], raw["half"]]
    assert len(listed) == len(set(listed)) == len(lex.words)
    assert raw["joiner"] not in lex.words
    assert sorted(set(raw["units"].values())) == list(range(1, 10))
    assert sorted(set(raw["teens"].values())) == list(range(10, 20))
    assert sorted(set(raw["tens"].values())) == list(range(20, 100, 10))
    assert sorted(set(raw["hundreds"].values())) == list(range(100, 1000, 100))
    assert {1000, 10**6, 10**9, 10**12} <= set(raw["scales"].values())
    # every word reads as its own value, and as a whole token only
    for key in sections:
        for word, value in raw[key].items():
            assert parse_number(word) == value, word
            assert parse_number(f"{word}ها") is None, word
    for word in raw["ambiguous"]:
        assert word in lex.words
    for word in raw["ordinals"]["irregular"]:
        assert parse_number(word) is None
    for word, denominator in raw["fractions"]["irregular"].items():
        assert parse_number(f"یک {word}") == pytest.approx(1 / denominator)
    for word in raw["vague_before"]:
        assert numbers(f"{word} هزار نفر") == [], word
    for word in raw["plural_suffixes"]:
        assert numbers(f"صد {word}") == [], word


def _broken(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(NUMBER_WORDS_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "number_words.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["tens"].update({"سه": 30}), "appears twice"),
        (lambda d: d["units"].update({"یک": 11}), "not a whole number from 1 to 9"),
        (lambda d: d["scales"].update({"هزار": 1500}), "power of 1000"),
        (lambda d: d.pop("teens"), "teens: missing"),
        (lambda d: d.update({"half": ""}), "half: '' is not a single Persian word"),
        (lambda d: d["units"].update({"دو تا": 2}), "not a single Persian word"),
        (lambda d: d["hundreds"].update({"یک\u200cصد": 100}), "not a single Persian word"),
        (lambda d: d["ambiguous"].update({"سلام": {"not_before": []}}), "not a number word"),
        (lambda d: d["ordinals"].update({"suffixes": "م"}), "ordinals.suffixes"),
        (lambda d: d["fractions"]["irregular"].update({"سوم": 1}), "denominator of 2 or more"),
        (lambda d: d["fractions"]["irregular"].update({"دوازدهم": 12}), "not listed in ordinals.irregular"),
        (lambda d: d.update({"plural_suffixes": None}), "plural_suffixes"),
        (lambda d: d.update({"vague_before": ["چند تا"]}), "vague_before"),
    ],
)
def test_bad_number_words_file_names_file_and_problem(tmp_path: Path, change, message: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(NumberWordsError) as err:
        load_number_words(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_number_words_error_reaches_the_user_as_one_line(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        load_number_words(tmp_path / "none.yaml")


def test_missing_or_invalid_number_words_file(tmp_path: Path) -> None:
    with pytest.raises(NumberWordsError, match="file not found"):
        load_number_words(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("units: [", encoding="utf-8")
    with pytest.raises(NumberWordsError, match="not valid YAML"):
        load_number_words(bad)
    listed = tmp_path / "list.yaml"
    listed.write_text("- یک\n", encoding="utf-8")
    with pytest.raises(NumberWordsError, match="mapping at the top level"):
        load_number_words(listed)


# --- the shared development corpus (read at run time, when present) --------------------------


def _gold() -> list[dict]:
    docs = []
    for name in ("dev_gold.json", "seeds_gold.json"):
        path = SHARED / "corpus" / name
        if path.exists():
            docs.extend(json.loads(path.read_text(encoding="utf-8")))
    return docs


@pytest.mark.skipif(not _gold(), reason="the shared corpus is not available")
def test_every_gold_figure_is_found_in_its_document() -> None:
    """Each claim of the gold files is a number found in its article, times a unit factor."""
    factors = {1.0} | {u.factor for u in load_taxonomy().units.values()}
    checked, missed = 0, []
    for doc in _gold():
        path = SHARED / "corpus" / "dev" / doc["document"]
        if not path.exists():
            path = SHARED / "seeds" / doc["document"]
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        spans = [s for s in find_numbers(text) if s.kind == "number"]
        for claim in doc["claims"]:
            at = text.find(claim["text"])
            if at < 0:
                continue
            checked += 1
            inside = {s.value for s in spans if at <= s.start and s.end <= at + len(claim["text"])}
            target = claim["value"]
            if not any(abs(v * f - target) <= 1e-9 * max(1.0, target) for v in inside for f in factors):
                missed.append((doc["document"], claim["text"], target))
    assert checked > 0
    assert missed == []
