"""Behaviour tests for the extractor: one behaviour per test, each on a short text written for it.

Every text holds a figure that must come out, so a test that expects some number to be dropped
also fails when the extractor drops everything.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.extract.pipeline import extract_article
from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.lang.taxonomy import CANONICAL_UNITS
from dashboard.read.article import Article

ZWNJ = "\u200c"


def claims(text: str, **meta: str) -> list[dict]:
    """The claims of one article made of ``text`` (``meta``: title, published, source, url)."""
    return extract_article(Article(document="t.txt", text=text, path="t.txt", **meta))


def only(text: str, **meta: str) -> dict:
    """The single claim of ``text``; fails showing every row when there is not exactly one."""
    rows = claims(text, **meta)
    assert len(rows) == 1, [(r["mention"], r["value"], r["metric"]) for r in rows]
    return rows[0]


def values(text: str) -> list[float]:
    return [r["value"] for r in claims(text)]


# --- Numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["۱۲٬۵۰۰", "١٢٬٥٠٠", "12,500", "۱۲،۵۰۰", "۱۲,۵۰۰"],
    ids=["persian-momayyez", "arabic-indic", "ascii-comma", "persian-comma", "persian-digits-ascii-comma"],
)
def test_digit_scripts_and_thousands_separators_read_the_same(number: str) -> None:
    claim = only(f"در این طرح {number} شغل ایجاد شد.")
    assert (claim["value"], claim["unit"], claim["metric"]) == (12500.0, "count", "jobs")


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("نرخ بیکاری در روستاها ۲۵٫۵ درصد کاهش یافت.", 25.5, "percent"),
        ("نرخ بیکاری در روستاها 25.5 درصد کاهش یافت.", 25.5, "percent"),
        ("نرخ بیکاری در روستاها ۲۵/۵ درصد کاهش یافت.", 25.5, "percent"),
        ("در این طرح ۱٬۲۵۰٫۵ هکتار زمین زیر کشت رفت.", 1250.5, "ha"),
        ("در این طرح ٢٫٥ میلیارد تومان وام پرداخت شد.", 2.5e10, "IRR"),
    ],
    ids=["momayyez", "ascii-point", "slash", "thousands-and-decimal", "arabic-indic-scaled"],
)
def test_decimal_separators(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim["value"], claim["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "text, value, metric",
    [
        ("در این طرح ۱۲۳ هزار و ۱۸۲ شغل ایجاد شد.", 123182, "jobs"),
        ("در این طرح 123 هزار و 182 شغل ایجاد شد.", 123182, "jobs"),
        ("تاکنون یک میلیون و ۳۷۰ هزار نفر عضو این صندوق‌ها شده‌اند.", 1370000, "members"),
        ("در این طرح بیست و پنج کارگاه راه‌اندازی شد.", 25, "workshops"),
        ("در این طرح یکصد و بیست کارگاه راه‌اندازی شد.", 120, "workshops"),
        ("در این طرح ۱٫۵ میلیون نفر بهره‌مند شدند.", 1500000, "beneficiaries"),
        ("در این طرح ۲۵۰هزار تومان وام پرداخت شد.", 2500000, "money"),
    ],
    ids=[
        "digits-and-thousand",
        "ascii-and-thousand",
        "words-and-digits",
        "words",
        "yeksad",
        "decimal-million",
        "glued",
    ],
)
def test_number_words_and_mixed_forms(text: str, value: float, metric: str) -> None:
    claim = only(text)
    assert (claim["value"], claim["metric"]) == (float(value), metric)


@pytest.mark.parametrize(
    "text, rials",
    [
        ("برای این کار دو و نیم میلیارد تومان هزینه شد.", 2.5e10),
        ("برای این کار ۶ هزار و ۵۰۰ میلیارد تومان تسهیلات پرداخت شد.", 6.5e13),
    ],
    ids=["two-and-a-half-billion", "six-thousand-five-hundred-billion"],
)
def test_scaled_money_in_words_and_digits(text: str, rials: float) -> None:
    claim = only(text)
    assert (claim["value"], claim["unit"], claim["metric"]) == (rials, "IRR", "money")


def test_hemat_is_a_thousand_billion_toman() -> None:
    claim = only("برای این کار ۱۲ همت تسهیلات پرداخت شد.")
    assert (claim["value"], claim["unit"]) == (12 * 1e12 * 10, "IRR")


@pytest.mark.parametrize(
    "currency, rials",
    [("ریال", 5e8), ("تومان", 5e9)],
    ids=["rial", "toman"],
)
def test_toman_is_ten_rials(currency: str, rials: float) -> None:
    claim = only(f"برای این کار ۵۰۰ میلیون {currency} وام پرداخت شد.")
    assert (claim["value"], claim["unit"], claim["metric"]) == (rials, "IRR", "money")


@pytest.mark.parametrize(
    "currency, rials",
    [("ریال", 2.22e11), ("تومان", 2.22e12)],
    ids=["rial", "toman"],
)
def test_money_without_currency_takes_the_sentences_currency(currency: str, rials: float) -> None:
    rows = claims(f"امسال ۸۰۰ میلیارد {currency} برای این طرح هزینه شد و ۲۲۲ میلیارد اعتبارات نیز جذب شد.")
    bare = [r for r in rows if r["mention"] == "۲۲۲ میلیارد"]
    assert len(bare) == 1, rows
    assert (bare[0]["value"], bare[0]["unit"], bare[0]["metric"]) == (rials, "IRR", "money")


def test_money_without_currency_takes_the_articles_currency() -> None:
    text = "همچنین ۲۲۲ میلیارد اعتبارات جذب شد.\nپیش از این ۸۰۰ میلیارد ریال وام پرداخت شده بود."
    bare = [r for r in claims(text) if r["mention"] == "۲۲۲ میلیارد"]
    assert [(r["value"], r["unit"]) for r in bare] == [(2.22e11, "IRR")]


def test_money_with_no_currency_anywhere_is_toman() -> None:
    claim = only("امسال ۲۲۲ میلیارد اعتبارات جذب شد.")
    assert (claim["value"], claim["unit"]) == (2.22e12, "IRR")


@pytest.mark.parametrize(
    "text, value, unit, metric",
    [
        ("ظرفیت این نیروگاه‌ها به ۱۵۰ کیلووات رسید.", 150e3, "W", "power"),
        ("ظرفیت این نیروگاه‌ها به ۱۵ مگاوات رسید.", 15e6, "W", "power"),
        ("این نیروگاه‌ها سالانه ۲۰ هزار کیلووات‌ساعت برق تولید می‌کنند.", 20e6, "Wh", "energy"),
        ("این نیروگاه‌ها سالانه ۲۰ هزار کیلووات ساعت برق تولید می‌کنند.", 20e6, "Wh", "energy"),
        ("پیشرفت فیزیکی این پروژه‌ها به ۸۵ درصد رسیده است.", 85, "percent", "percent"),
        ("نرخ بیکاری در روستاها ۱۲٪ کاهش یافت.", 12, "percent", "percent"),
        ("نرخ بیکاری در روستاها 12% کاهش یافت.", 12, "percent", "percent"),
        ("در این طرح ۳۵۰ هکتار زمین زیر کشت رفت.", 350, "ha", "area"),
        ("در این طرح ۴۰۰ تن محصول برداشت شد.", 400, "tonne", "other"),
        ("برای این طرح ۵۰۰ میلیون تومن هزینه شد.", 5e9, "IRR", "money"),
        ("ماموران ۱۲ کیلو تریاک کشف کردند.", 0.012, "tonne", "other"),
        ("ماموران ۴۳ کیلو و ۴۵۰ گرم هروئین کشف کردند.", 0.04345, "tonne", "other"),
        ("در این انبار ۲ تن و ۳۰۰ کیلوگرم برنج توزیع شد.", 2.3, "tonne", "other"),
        ("در این طرح ۱۲ کیلو متر راه روستایی آسفالت شد.", 12, "km", "other"),
        ("ظرفیت این نیروگاه‌ها به ۱۵ مگا وات رسید.", 15e6, "W", "power"),
        ("ماموران بیش از یک تن و نیم تریاک کشف کردند.", 1.5, "tonne", "other"),
        ("استان گلستان با خرید ۹۶۷ هزارتن گندم رتبه سوم را کسب کرد.", 967e3, "tonne", "other"),
        ("فروش روزانه نفت ۱.۵ میلیون بشکه خواهد بود.", 1.5e6, "other", "other"),
        ("هلال احمر ۵۰ گالن آب به منطقه ارسال کرد.", 50, "other", "other"),
        ("از ابتدای سال آبی تاکنون ۴۶۷ میلیمتر باران در استان باریده است.", 467, "other", "other"),
    ],
    ids=[
        "kilowatt",
        "megawatt",
        "kwh-zwnj",
        "kwh-space",
        "darsad",
        "arabic-percent",
        "ascii-percent",
        "hectare",
        "tonne",
        "spoken-toman",
        "kilo",
        "kilos-and-grams",
        "tonnes-and-kilograms",
        "kilo-metre-apart",
        "mega-watt-apart",
        "a-tonne-and-a-half",
        "thousand-glued-to-tonnes",
        "barrels",
        "gallons",
        "rain-in-millimetres",
    ],
)
def test_units_convert_to_the_canonical_unit(text: str, value: float, unit: str, metric: str) -> None:
    claim = only(text)
    assert (round(claim["value"], 9), claim["unit"], claim["metric"]) == (float(value), unit, metric)


@pytest.mark.parametrize(
    "text",
    ["کشتی‌گیر ما در وزن ۶۶ کیلوگرم به فینال رسید.", "ماموران بسته‌ای به وزن ۲ کیلو را در فرودگاه یافتند."],
    ids=["weight-class", "one-items-weight"],
)
def test_a_weight_class_or_one_items_weight_is_not_a_claim(text: str) -> None:
    assert claims(text) == []


def test_the_weight_of_all_the_items_counted_is_a_claim() -> None:
    text = "در این مدت ۶ میلیون قطعه مرغ به وزن ۱۵ هزار تن و ۴۷ هزار رأس دام به وزن ۲ هزار و ۳۰۰ تن کشتار شد."
    assert [(r["value"], r["unit"]) for r in claims(text)] == [
        (6e6, "count"),
        (15000.0, "tonne"),
        (47000.0, "count"),
        (2300.0, "tonne"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("برای دادرسی یک هزینه ۴ هزار یورویی پرداخت شد.", 4000, "EUR"),
        ("مطالبات ۱۱ هزار دلاری این مربی تسویه شد.", 11000, "USD"),
        ("برای این طرح اعتباری بالغ بر صد میلیارد تومانی هزینه شد.", 1e12, "IRR"),
        ("دادگاه محکومیت ۲.۱ میلیارد ریالی برای قاچاقچیان صادر کرد.", 2.1e9, "IRR"),
    ],
    ids=["cost-in-euros", "claims-in-dollars", "credit-in-toman", "fine-in-rials"],
)
def test_an_adjective_of_money_after_a_noun_of_an_amount_is_that_amount(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim["value"], claim["unit"], claim["metric"]) == (value, unit, "money")


def test_an_adjective_of_a_unit_after_a_noun_of_a_whole_measure_is_that_measure() -> None:
    claim = only("سالانه گردو در سطح زیر کشت ۱۵۳ هزار هکتاری در کشور برداشت می‌شود.")
    assert (claim["value"], claim["unit"]) == (153_000.0, "ha")
    assert values("یک طرح ۵۰ هکتاری و ۲۰۰ نیروگاه ۵ کیلوواتی افتتاح شد.") == [200.0]


@pytest.mark.parametrize(
    "text",
    [
        "به ۲۰۰ نفر وام ۵۰ میلیون تومانی پرداخت شد.",
        "قیمت هر کیلوگرم گوشت مرغ در استان به ۱۴ هزار ریال رسید و ۲۰۰ نفر وام گرفتند.",
        "هر بشکه نفت برنت ۵۶ دلار فروخته شد و ۲۰۰ نفر وام گرفتند.",
        "بیش از دو سوم مصدومان مرد بودند و ۲۰۰ نفر وام گرفتند.",
        "این برنامه از ۱۲ لغایت ۱۴ اردیبهشت اجرا شد و ۲۰۰ نفر وام گرفتند.",
        "سخنران با اشاره به آیه ۱۸۶ سوره آل عمران گفت ۲۰۰ نفر وام گرفتند.",
        "هر چهار متهم آزاد شدند و ۲۰۰ نفر وام گرفتند.",
        "کشور در دو راهی انتخاب مانده و ۲۰۰ نفر وام گرفتند.",
        "ایران در مذاکره با 1+5 حضور یافت و ۲۰۰ نفر وام گرفتند.",
        "در روز سیزده بدر ۲۰۰ نفر وام گرفتند.",
        "برای خانواده‌های دارای سه فرزند ۲۰۰ نفر وام گرفتند.",
    ],
    ids=[
        "each-loans-size",
        "price-per-kilo",
        "price-per-barrel",
        "a-share-in-words",
        "date-range",
        "verse",
        "all-four",
        "crossroads",
        "five-plus-one",
        "a-holiday",
        "who-is-counted",
    ],
)
def test_sizes_prices_shares_and_verses_are_not_claims(text: str) -> None:
    assert values(text) == [200.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("در این حادثه تنها یک مورد شکستگی ثبت شد.", [1.0]),
        ("امسال بهره‌برداری از یک کارگاه تولیدی و ۲ پارک آغاز شد.", [1.0, 2.0]),
        ("وی در یک جلسه گفت ۲ پارک افتتاح شد.", [2.0]),
        ("شهردار نباید تنها یک آدم سیاسی باشد و ۲ پارک افتتاح شد.", [2.0]),
        ("در این عملیات دو دستگاه خودروی سواری و یک دستگاه وانت توقیف شد.", [2.0, 1.0]),
        ("از ۱۳ مورد اهدای عضو، ۱۲ مورد موفق و یک مورد ناموفق بود.", [13.0, 12.0, 1.0]),
        ("وی گفت: یک پروژه نیز در بخش شیلات افتتاح می‌شود و ۳ پارک آماده است.", [1.0, 3.0]),
        ("وی گفت: ۵ پارک ساخته شد و یک شهرک صنعتی در حال ساخت است.", [5.0]),
        ("یک سری آموزش برای بیماران و یک سری آموزش برای خانواده‌ها برگزار شد.", []),
    ],
    ids=[
        "only-one-case",
        "opening-one-workshop",
        "a-meeting",
        "only-a-person",
        "last-of-a-list",
        "one-more-case",
        "one-more-of-a-series",
        "another-noun-after-and",
        "some",
    ],
)
def test_one_counts_only_when_it_counts(text: str, expected: list[float]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "به گزارش ایرنا، در زمینه اهدای عضو امسال ۱۳ مورد در بیمارستان‌های استان ثبت شد.",
        "مدیر صندوق گفت: ۴۰ مورد در ماه گذشته ثبت شد و اعضای صندوق ۲۰۰ نفر هستند.",
    ],
    ids=["organ-donation", "cases-after-the-colon"],
)
def test_cases_take_no_metric_from_an_organ_or_from_before_the_speakers_colon(text: str) -> None:
    assert claims(text)[0]["metric"] == "other"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("فرمانده انتظامی شهرستان از اجرای طرح امنیت و کشف ۱۰۵ فقره سرقت در این طرح خبر داد.", "other"),
        ("فرماندار تعداد پروژه‌های عمرانی شهرستان را ۱۰۴ مورد عنوان کرد.", "projects"),
        ("تعداد طرح‌های افتتاح شده به ۱۲ مورد رسید.", "projects"),
    ],
    ids=["a-noun-of-its-own", "a-verbs-noun", "cases-of-the-noun-before"],
)
def test_a_counter_counts_its_own_noun_else_the_one_the_sentence_counts(text: str, metric: str) -> None:
    assert claims(text)[0]["metric"] == metric


def test_a_polluting_plant_is_no_dwelling_and_cents_are_no_count() -> None:
    assert only("طبق آمار ۱۳۵ واحد بزرگ آلاینده در استان شناسایی شده است.")["metric"] != "housing_units"
    assert only("قیمت سویا ۱۵ سنت افت کرد.")["unit"] == "other"


@pytest.mark.parametrize(
    "text",
    [
        "با بهره‌برداری از این طرح و اشتغال‌زایی مستقیم ۱۵۰ نفر، ظرفیت کارخانه افزایش یافت.",
        "این پروژه‌ها با اشتغال به کار ۶ نفر و بهره‌مندی خانوارها افتتاح شد.",
        "با افتتاح این پروژه‌ها برای ۲ هزار نفر فرصت شغلی ایجاد شده است.",
    ],
    ids=["direct-jobs", "employment-before-a-benefit", "job-opportunities-after"],
)
def test_people_counted_by_the_jobs_they_got(text: str) -> None:
    assert only(text)["metric"] == "jobs"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "تا پایان امسال ۵۰۰ نیروگاه در روستاهایی که برق ندارند نصب می‌شود که ظرفیت آنها ۲.۵ مگاوات خواهد بود.",
            "planned",
        ),
        ("امسال ۵۰۰ نیروگاه در روستاهایی که برق ندارند نصب شد که ظرفیت آنها ۲.۵ مگاوات است.", "reported"),
        ("واردات استان بیشتر شامل محصولات نفتی به ارزش ۱۰.۳ میلیارد دلار می‌شود که ۱۱ درصد کمتر است.", "reported"),
        ("سالانه ۱۴۴۷ تن محصول از این گیاهان در استان برداشت می\u200eشود.", "reported"),
    ],
    ids=[
        "verb-after-a-relative-clause",
        "past-verb-after-a-relative-clause",
        "decimal-point-inside-the-clause",
        "left-to-right-mark-as-a-joiner",
    ],
)
def test_the_status_comes_from_the_figures_own_verb(text: str, status: str) -> None:
    assert claims(text)[0]["status"] == status


def test_tonnes_of_people() -> None:
    claim = claims("تصادف پراید و پژو مرگ یک تن و مصدومیت سه تن دیگر را به دنبال داشت.")[-1]
    assert (claim["value"], claim["unit"]) == (3.0, "count")


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("به گزارش خبرنگار خبرگزاری سلامت(طبنا) زنجان ؛", "خبرگزاری سلامت"),
        ("به گزارش خبرنگار اقتصادی خبرگزاری نمونه،", "خبرگزاری نمونه"),
        ("به گزارش روابط عمومی سپاه امام سجاد (ع) هرمزگان،", "روابط عمومی سپاه امام سجاد (ع) هرمزگان"),
    ],
    ids=["abbreviation-in-brackets", "unknown-agency-after-its-reporter", "honorific-in-brackets"],
)
def test_the_outlet_ends_where_its_name_does(lead: str, outlet: str) -> None:
    assert claims(f"{lead} امسال ۵۰۰ شغل در روستاها ایجاد شد.")[0]["source"] == outlet


def test_a_figure_glued_to_the_speakers_colon_is_read() -> None:
    assert values("وی اظهار کرد:۳هزار پنل خورشیدی در استان نصب شد و تفاهم‌نامه ۵ جانبه امضا شد.") == [3000.0]


def test_a_figure_said_again_by_a_national_official_stays_in_its_province() -> None:
    rows = claims(
        "به گزارش ایرنا، رئیس کمیته امداد کشور در مراسم بهره‌برداری از ۲۷ نیروگاه خورشیدی در شهرستان خدابنده "
        "سخن گفت.\nرئیس کمیته امداد کشور با بیان اینکه در این مراسم ۲۷ سامانه خورشیدی افتتاح شد، گفت: "
        "در کشور ۹ هزار نیروگاه نصب شده است."
    )
    assert [(r["value"], r["province"]) for r in rows] == [(27.0, "Zanjan"), (9000.0, "National")]


def test_each_plants_capacity_is_no_claim() -> None:
    assert values("به گزارش ایرنا، ۵۰ نیروگاه نصب می‌شود و هر نیروگاه توان تولید پنج کیلووات برق را دارد.") == [50.0]


def test_an_outlet_that_opens_the_lead_before_a_dash() -> None:
    text = "احداث ۵۰ نیروگاه\nباشگاه خبرنگاران جوان - مدیرکل کمیته امداد گفت: ۵۰ نیروگاه نصب شد."
    assert claims(text)[0]["source"] == "باشگاه خبرنگاران جوان"


def test_what_a_place_has_is_a_claim() -> None:
    assert values("این شهرستان دارای ۵۰ روستای محروم است.") == [50.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ظرفیت کارخانه از ۷۵۰ هزار به ۱.۶ میلیون تن افزایش می‌یابد.",
            [(750000.0, "tonne", "reported"), (1600000.0, "tonne", "planned")],
        ),
        ("نرخ بیکاری استان از ۱۲ به ۱۸ درصد رسید.", [(12.0, "percent", "reported"), (18.0, "percent", "reported")]),
        ("اعتبار این طرح از ۲۰ به ۳۰ میلیارد تومان رسید.", [(3e11, "IRR", "reported")]),
    ],
    ids=["tonnes-to-come", "percent", "a-scale-written-once-is-ambiguous"],
)
def test_the_level_a_change_starts_from_takes_the_unit_after_it(text: str, expected: list[tuple]) -> None:
    assert [(r["value"], r["unit"], r["status"]) for r in claims(text)] == expected


def test_a_monthly_amount_is_not_a_price() -> None:
    assert values("این صندوق‌ها هر ماه ۲ میلیارد ریال وام می‌دهند.") == [2e9]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("این باشگاه ۱۳۵ میلیون ریال سعودی (تقریبا ۱۰۰۰ میلیارد تومان) بدهی دارد.", [(135e6, "other")]),
        ("صادرات استان ۱۲۰ میلیون دلار (۹۱ میلیون پوند / ۱۰۲ میلیون یورو) درآمد داشت.", [(120e6, "USD")]),
        ("صادرات استان به ۳ میلیارد دلار (معادل ۱۲۰ هزار میلیارد ریال) رسید.", [(3e9, "USD")]),
        ("برای این طرح ۲۰ میلیارد ریال (۱۰ میلیارد از محل استانی) هزینه شد.", [(2e10, "IRR"), (1e10, "IRR")]),
    ],
    ids=["riyal-to-toman", "dollars-to-pounds-and-euros", "equal-to", "a-part-in-brackets"],
)
def test_a_conversion_in_brackets_is_not_a_claim_of_its_own(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(r["value"], r["unit"]) for r in claims(text)] == expected


# --- Qualifiers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hedge",
    ["حدود", "بیش از", "بالغ بر", "نزدیک به", "قریب به"],
    ids=["hodud", "bish-az", "baleq-bar", "nazdik-be", "qarib-be"],
)
def test_qualifier_is_kept(hedge: str) -> None:
    claim = only(f"امسال {hedge} ۳۰۰ شغل در روستاها ایجاد شد.")
    assert (claim["value"], claim["qualifier"]) == (300.0, hedge)


def test_no_hedge_leaves_the_qualifier_empty() -> None:
    assert only("امسال ۳۰۰ شغل در روستاها ایجاد شد.")["qualifier"] == ""


# --- Not claims ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "از سال ۱۴۰۱ تاکنون ۲۵۰ صندوق در این شهرستان راه‌اندازی شده است.",
        "در سال ۹۹ تعداد ۲۵۰ صندوق تشکیل شد.",
        "از تاریخ 1399/11/27 تاکنون ۲۵۰ صندوق در این شهرستان راه‌اندازی شده است.",
        "از ۷ آذر ۱۴۰۲ تاکنون ۲۵۰ صندوق در این شهرستان راه‌اندازی شده است.",
        "در مراسمی که ساعت ۱۰:۳۰ برگزار شد، ۲۵۰ صندوق افتتاح شد.",
        "در مراسمی که ساعت ۹ صبح برگزار شد، ۲۵۰ صندوق افتتاح شد.",
    ],
    ids=["year", "two-digit-year", "slash-date", "day-month-year", "clock-time", "hour"],
)
def test_dates_and_times_are_not_claims(text: str) -> None:
    assert values(text) == [250.0]


@pytest.mark.parametrize(
    "text",
    [
        "در قالب تبصره ۱۶ و ۱۸ برای ۲۵۰ طرح وام پرداخت شد.",
        "بر اساس ماده ۲۰ آیین‌نامه، ۲۵۰ طرح تصویب شد.",
        "در برنامه هفتم ساخت ۲۵۰ واحد مسکونی آغاز شد.",
        "در برنامه ۷ ساخت ۲۵۰ واحد مسکونی آغاز شد.",
        "کد خبر ۴۸۵۹۱۲\nامسال ۲۵۰ صندوق در روستاها تشکیل شد.",
        "در شعب ۹، ۲۲ و ۲۴ تامین اجتماعی ۲۵۰ کارگزاری فعال است.",
        "کارگزاری شعبه ۳ کرمانشاه به ۲۵۰ بیمه‌شده خدمت می‌دهد.",
    ],
    ids=["note-16-and-18", "article-20", "seventh-plan", "plan-7", "news-id", "branches-listed", "branch-3"],
)
def test_labels_are_not_claims(text: str) -> None:
    assert values(text) == [250.0]


def test_a_count_after_a_years_comma_is_a_claim() -> None:
    assert values("در سال ۹۴، ۶۱ مصدوم ثبت شده است.") == [61.0]


@pytest.mark.parametrize(
    "phone",
    ["با شماره ۰۲۱۸۸۷۷۶۶۵۵", "با شماره 09121234567", "با تلفن ۸۸۷۷۶۶۵۵-۰۲۱"],
    ids=["landline", "mobile", "with-area-code"],
)
def test_phone_numbers_are_not_claims(phone: str) -> None:
    assert values(f"برای اطلاع بیشتر {phone} تماس بگیرید؛ تاکنون ۲۵۰ صندوق ثبت شده است.") == [250.0]


@pytest.mark.parametrize(
    "text, figure",
    [
        ("طی ۴ سال اخیر ۲۵۰ صندوق راه‌اندازی شده است.", 250),
        ("۲۵۰ فقره وام با بازپرداخت تا ۲۰ سال پرداخت شد.", 250),
        ("این صندوق‌ها از ۱۰ روز پیش ۲۵۰ میلیارد ریال وام داده‌اند.", 2.5e11),
    ],
    ids=["past-years", "up-to-years", "days"],
)
def test_durations_are_not_claims(text: str, figure: float) -> None:
    assert values(text) == [float(figure)]


@pytest.mark.parametrize(
    "text",
    [
        "۲۵۰ جوان در گروه‌های ۱۰ تا ۱۵ نفره آموزش دیدند.",
        "اعضای هر صندوق بین ۲۰ تا ۴۰ نفر هستند و تاکنون ۲۵۰ صندوق تشکیل شده است.",
    ],
    ids=["group-size", "between"],
)
def test_ranges_as_attributes_are_not_claims(text: str) -> None:
    assert values(text) == [250.0]


@pytest.mark.parametrize(
    "text",
    ["۲۵۰ نیروگاه ۵ کیلوواتی در روستاها نصب شد.", "۲۵۰ نیروگاه ۵کیلوواتی در روستاها نصب شد."],
    ids=["spaced", "glued"],
)
def test_per_item_attributes_are_not_claims(text: str) -> None:
    assert values(text) == [250.0]


@pytest.mark.parametrize(
    "text",
    [
        "در ۱۲مین جشنواره استانی ۲۵۰ محصول عرضه شد.",
        "در دوازدهمین جشنواره استانی ۲۵۰ محصول عرضه شد.",
        "این استان با ۲۵۰ صندوق رتبه ۲ کشور را دارد.",
        "برای سومین بار ۲۵۰ صندوق در این استان افتتاح شد.",
    ],
    ids=["digits-min", "words", "rank", "third-time"],
)
def test_ordinals_are_not_claims(text: str) -> None:
    assert values(text) == [250.0]


BODY = (
    "صندوق‌های روستایی یزد\n"
    "در این استان ۲۵۰ صندوق قرض‌الحسنه فعال است.\n"
    "این صندوق‌ها به اهالی روستاها وام می‌دهند.\n"
    "مسئولان محلی از این کار راضی هستند.\n"
)


def test_page_furniture_after_the_news_id_line_is_not_claims() -> None:
    text = BODY + "کد خبر: ۴۸۵۹۱۲\n۳۴ بازدید\n0 + 0 =\nتعداد بازدید: ۱۲۵۰\n5 + 3 =\n"
    assert values(text) == [250.0]


def test_related_news_list_is_not_claims() -> None:
    text = BODY + "اخبار مرتبط\nافتتاح ۷۰ صندوق در کرمان\nایجاد ۹۰۰ شغل در اردبیل\nنصب ۴۰ نیروگاه خورشیدی در سمنان\n"
    assert values(text) == [250.0]


def test_page_furniture_of_a_short_article_is_not_claims() -> None:
    text = "صندوق‌های روستایی یزد\nدر این استان ۲۵۰ صندوق قرض‌الحسنه فعال است.\nکد خبر: ۴۸۵۹۱۲\n۳۴ بازدید\n0 + 0 =\n"
    assert values(text) == [250.0]


# --- Metric --------------------------------------------------------------------------------


METRIC_CASES = [
    ("در این شهرستان ۴۰۰ شغل ایجاد شد.", "jobs"),
    ("در این شهرستان ۴۰۰ فرصت شغلی ایجاد شد.", "jobs"),
    ("در این شهرستان ۴۰۰ صندوق تشکیل شد.", "funds"),
    ("امسال ۷۵ تعاونی در روستاها ثبت شد.", "cooperatives"),
    ("امسال ۷۵ گروه جهادی در روستاها فعال شدند.", "groups"),
    ("امسال ۷۵ پایگاه در روستاها ساخته شد.", "bases"),
    ("امسال ۷۵ تسهیلگر در روستاها فعال شدند.", "facilitators"),
    ("امسال ۷۵ محصول در روستاها تولید شد.", "products"),
    ("امسال ۷۵ سرخوشه در روستاها شکل گرفت.", "clusters"),
    ("امسال ۷۵ روستا از این طرح بهره‌مند شدند.", "villages"),
    ("امسال ۷۵ نیروگاه خورشیدی در روستاها نصب شد.", "solar_plants"),
    ("امسال ۷۵ پنل خورشیدی در روستاها نصب شد.", "solar_panels"),
    ("امسال ۷۵ کارگاه در روستاها راه‌اندازی شد.", "workshops"),
    ("امسال ۷۵ فقره وام پرداخت شد.", "loans"),
    ("امسال ۷۵ طرح در روستاها اجرا شد.", "projects"),
    ("امسال ۷۵ واحد مسکونی در روستاها ساخته شد.", "housing_units"),
    ("امسال ۷۵ خانوار از این طرح بهره‌مند شدند.", "beneficiaries"),
    ("امسال ۷۵ کارآموز در این مراکز آموزش دیدند.", "trainees"),
]


@pytest.mark.parametrize("text, metric", METRIC_CASES, ids=[c[1] for c in METRIC_CASES])
def test_metric_comes_from_the_counted_noun(text: str, metric: str) -> None:
    assert only(text)["metric"] == metric


def test_people_who_joined_are_members() -> None:
    claim = only("تاکنون ۲ هزار نفر در این صندوق‌ها عضو شده‌اند.")
    assert (claim["value"], claim["metric"]) == (2000.0, "members")


def test_people_who_were_trained_are_trainees() -> None:
    claim = only("امسال ۶۰۰ نفر در دوره‌های مهارتی آموزش دیدند.")
    assert (claim["value"], claim["metric"]) == (600.0, "trainees")


def test_villagers_who_joined_are_members() -> None:
    assert only("امسال ۴۰۰ نفر از روستاییان در این صندوق‌ها عضو شدند.")["metric"] == "members"


def test_unknown_noun_is_other_with_its_persian_noun() -> None:
    claim = only("امسال ۷۵ گلخانه در روستاها ساخته شد.")
    assert (claim["value"], claim["metric"], claim["metric_fa"]) == (75.0, "other", "گلخانه")


# --- Province ------------------------------------------------------------------------------


def test_province_from_the_claims_own_sentence() -> None:
    assert only("امسال ۳۲۰ صندوق قرض‌الحسنه در استان قزوین راه‌اندازی شد.")["province"] == "Qazvin"


def test_own_sentence_province_wins_over_the_articles() -> None:
    assert only("به گزارش ایرنا از شیراز، امسال ۳۲۰ صندوق در استان گیلان راه‌اندازی شد.")["province"] == "Gilan"


def test_province_in_a_list_is_the_nearest_before_the_figure() -> None:
    text = "کرمان با ۱۰ هزار شغل، خوزستان با ۸ هزار شغل و فارس با ۶ هزار شغل در رتبه‌های نخست قرار دارند."
    assert [(r["value"], r["province"]) for r in claims(text)] == [
        (10000.0, "Kerman"),
        (8000.0, "Khuzestan"),
        (6000.0, "Fars"),
    ]


@pytest.mark.parametrize(
    "text, province",
    [
        ("اردبیل- مدیر بسیج سازندگی گفت: امسال ۳۲۰ صندوق راه‌اندازی شد.", "Ardabil"),
        ("به گزارش ایرنا از شیراز، امسال ۳۲۰ صندوق راه‌اندازی شد.", "Fars"),
        ("به گزارش خبرگزاری مهر از همدان، امسال ۳۲۰ صندوق راه‌اندازی شد.", "Hamadan"),
    ],
    ids=["dateline", "from-capital", "from-province-city"],
)
def test_province_falls_back_to_the_articles(text: str, province: str) -> None:
    assert only(text)["province"] == province


@pytest.mark.parametrize(
    "text",
    [
        "امسال ۳۲۰ قایق صیادی در سواحل خلیج فارس به آب انداخته شد.",
        "به گزارش خبرگزاری فارس، امسال ۳۲۰ صندوق راه‌اندازی شد.",
        "به گفته بانک مرکزی، امسال ۳۲۰ هزار فقره وام پرداخت شد.",
    ],
    ids=["persian-gulf", "fars-news-agency", "central-bank"],
)
def test_false_friends_are_not_provinces(text: str) -> None:
    assert only(text)["province"] == "National"


@pytest.mark.parametrize(
    "text, province",
    [
        ("در شهرستان میناب ۳۰ واحد مسکونی به مددجویان تحویل شد.", "Hormozgan"),
        ("فرماندار گچساران گفت: امسال ۱۲۰ شغل در روستاها ایجاد شد.", "Kohgiluyeh and Boyer-Ahmad"),
        ("بندرعباس- مدیرکل کمیته امداد گفت: امسال ۲۴۰ مددجو صاحب شغل شدند.", "Hormozgan"),
        ("راه‌اندازی طرح‌های اشتغال روستایی\n\nنور- بخشدار مرکزی گفت: امسال ۶۰ طرح اشتغال راه‌اندازی شد.", "Mazandaran"),
        ("فرماندار شهرستان نور گفت: امسال ۶۰ طرح اشتغال راه‌اندازی شد.", "Mazandaran"),
    ],
    ids=["county", "governor-of-county", "dateline-city", "dateline-county-that-is-a-word", "cued-county"],
)
def test_a_county_or_city_places_the_figure_in_its_province(text: str, province: str) -> None:
    assert only(text)["province"] == province


def test_letters_in_arabic_presentation_forms_read_as_plain_letters() -> None:
    """Text copied from a PDF keeps shaped letters («ﻓﺮدﯾﺲ»): the county and the province are still found."""
    claim = only("ﻓﺮﻣﺎﻧﺪه اﻧﺘﻈﺎﻣﯽ ﺷﻬﺮﺳﺘﺎن ﻓﺮدﯾﺲ گفت: برای ۳۸ واحد صنفی اخطاریه پلمب صادر شد.")
    assert claim["province"] == "Alborz"


@pytest.mark.parametrize(
    "text",
    [
        "با آمدن بهار ۳۰ واحد مسکونی در روستاها تحویل شد.",
        "در پرتو نور ایمان ۳۰ واحد مسکونی به مددجویان تحویل شد.",
        "همزمان با روز قدس ۳۰ واحد مسکونی به مددجویان تحویل شد.",
        "در کنار تاکستان روستا ۳۰ واحد مسکونی به مددجویان تحویل شد.",
        "پس از تلاوت سوره مبارکه فتح ۳۰ واحد مسکونی به مددجویان تحویل شد.",
    ],
    ids=["spring", "light", "quds-day", "vineyard", "blessed-sura"],
)
def test_a_county_name_that_is_a_common_word_needs_a_place_cue(text: str) -> None:
    assert only(text)["province"] == "National"


def test_a_records_title_in_arabic_letters_is_found_in_the_folded_text() -> None:
    # The title holds Arabic «ي»/«ك», as old pages do; the lead after it names the province.
    title = "اجراي طرح كاشت نهال در 170 هكتار"
    text = f"{title}\n\nخبرگزاري فارس: مديركل منابع طبيعي كهگيلويه و بويراحمد گفت: اين طرح با 23 ميليارد ريال اجرا شد."
    rows = claims(text, title=title)
    assert {r["province"] for r in rows} == {"Kohgiluyeh and Boyer-Ahmad"}, rows


def test_in_the_country_is_national_even_under_a_provincial_dateline() -> None:
    assert only("اردبیل- مدیر بسیج سازندگی گفت: امسال ۳۲۰ صندوق در کشور راه‌اندازی شد.")["province"] == "National"


def test_several_provinces_together_are_national() -> None:
    text = "امسال ۳۲۰ صندوق در استان‌های مازندران، گیلان و گلستان راه‌اندازی شد."
    assert only(text)["province"] == "National"


# --- Status --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "قرار است ۵۰۰ نیروگاه خورشیدی در روستاها نصب شود.",
        "امسال ۲ هزار شغل در روستاها ایجاد خواهد شد.",
        "امیدواریم امسال ۱۲۰ صندوق دیگر تشکیل شود.",
        "بر اساس این تفاهم‌نامه ۳۰۰ واحد مسکونی در روستاها ساخته می‌شود.",
        "ایجاد ۲ هزار شغل در روستاها هدف‌گذاری شده است.",
        "برای امسال ساخت ۵۰۰ نیروگاه خورشیدی را در نظر گرفته‌ایم.",
        "تا پایان سال ۵۰۰ نیروگاه خورشیدی در روستاها نصب می‌شود.",
    ],
    ids=["qarar-ast", "khahad", "omidvarim", "mou", "target", "dar-nazar", "by-year-end"],
)
def test_planned_figures(text: str) -> None:
    assert only(text)["status"] == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "امسال ۵۰۰ نیروگاه خورشیدی در روستاها نصب شد.",
        "تاکنون ۱۲۰ صندوق در روستاها تشکیل شده است.",
        "امسال ۳۰۰ واحد مسکونی در روستاها ساختیم و ۵۰۰ نیروگاه نصب کردیم.",
        "امسال توانستیم ۳ هزار شغل در روستاها ایجاد کنیم.",
    ],
    ids=["shod", "shode-ast", "kardim", "tavanestim"],
)
def test_reported_figures(text: str) -> None:
    rows = claims(text)
    assert rows and [r["status"] for r in rows] == ["reported"] * len(rows)


@pytest.mark.parametrize(
    "text",
    [
        "همزمان با هفته دولت ۱۲۰ طرح عمرانی در استان افتتاح می‌شود.",
        "با تکمیل این پروژه ۸۵ کارگاه تولیدی به بهره‌برداری می‌رسد.",
        "فردا ۳۰ گروه جهادی به مناطق محروم اعزام می‌شوند.",
        "برای این طرح ۵۰ میلیارد ریال اعتبار اختصاص می‌یابد.",
        "کمیته امداد امسال ۵۰۰ هزار شغل برای مددجویان ایجاد می‌کند.",
        "با افزوده شدن این کتابخانه‌ها تعداد کتابخانه‌های استان به ۷۸ باب می‌رسد.",
        "برای تکمیل این طرح ۲۰ میلیارد ریال اعتبار نیاز است.",
        "به ۸ هزار واحد مسکونی برای مددجویان نیاز داریم.",
        "در حال حاضر ۱۳ کتابخانه عمومی در روستاهای استان در حال احداث است.",
        "مدیرکل منابع طبیعی از احداث ۷ پارک جنگلی در حاشیه شهر خبر داد.",
        "در دهه فجر ۴۲ طرح کشاورزی در شهرستان قابل افتتاح است.",
        "تعداد طرح‌های آماده افتتاح در بخش شیلات سه پروژه است.",
        "در این برنامه سالانه ۱۲۰۰ واحد مسکونی روستایی ساخته می‌شود.",
    ],
    ids=[
        "opens-next-week",
        "comes-into-use",
        "are-dispatched",
        "is-allocated",
        "creates-this-year",
        "will-reach",
        "is-needed",
        "we-need",
        "under-construction",
        "announced-building",
        "can-be-opened",
        "ready-to-open",
        "a-programmes-yearly-rate",
    ],
)
def test_announcements_and_needs_in_the_present_are_planned(text: str) -> None:
    assert only(text)["status"] == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "این صندوق‌ها هر ماه ۲۰۰ فقره وام قرض‌الحسنه پرداخت می‌کنند.",
        "در حال حاضر ۹۵ درصد خانوارهای روستایی از نعمت گاز برخوردارند.",
        "تاکنون ۹ هزار نیروگاه خورشیدی نصب شده که مجموع ظرفیت آنها به ۴۸ مگاوات می‌رسد.",
        "در این روستاها ۳۴۵ شغل پایدار ایجاد شده و ۱۹۰ خانوار از درآمد آن بهره‌مند می‌شوند.",
        "مدیرکل بنیاد مسکن از تحویل ۸۵۰ واحد مسکونی از ابتدای سال تاکنون خبر داد.",
        "۴۵ درصد اعضای این صندوق‌ها را بانوان روستایی تشکیل می‌دهند.",
        "سالانه ۳۰ هزار تن زعفران در این استان تولید می‌شود.",
        "ماهانه ۴ میلیارد تومان مستمری به این خانواده‌ها پرداخت می‌شود.",
        "صادرات این استان بیشتر شامل محصولات نفتی به ارزش ۳ میلیارد دلار می‌شود.",
        "ماموران موفق شدند ۵۳ نفر را در این رابطه دستگیر کنند.",
        "گازرسانی به روستای دهلق با اعتبار ۵۱۳ میلیون تومان از جمله پروژه‌های قابل افتتاح در روز پنجم بود.",
    ],
    ids=[
        "habitual",
        "present-state",
        "present-total",
        "after-a-past-clause",
        "handed-over-so-far",
        "constitute",
        "produced-every-year",
        "paid-every-month",
        "consists-of",
        "they-managed-to",
        "were-the-ones-to-open",
    ],
)
def test_habits_states_and_totals_in_the_present_are_reported(text: str) -> None:
    assert claims(text)[-1]["status"] == "reported"


def test_figure_under_a_signed_memorandum_is_planned() -> None:
    text = "بر اساس تفاهم‌نامه‌ای که امروز امضا شد، ۳۰۰ نیروگاه خورشیدی در روستاها نصب می‌شود."
    assert only(text)["status"] == "planned"


# --- Program -------------------------------------------------------------------------------


PROGRAM_CASES = [
    ("امسال ۴۰۰ میلیارد ریال تسهیلات تبصره ۱۶ به طرح‌های روستایی پرداخت شد.", "note_16"),
    ("امسال ۴۰۰ میلیارد ریال تسهیلات تبصره ۱۸ به طرح‌های روستایی پرداخت شد.", "note_18"),
    ("این صندوق‌های قرض‌الحسنه امسال ۹۰ میلیارد ریال وام دادند.", "qard_al_hasan_funds"),
    ("امسال ۹۰ میلیارد ریال برای ساخت نیروگاه خورشیدی هزینه شد.", "solar_plants"),
    ("امسال ۹۰ خانه در قالب طرح مسکن محرومان ساخته شد.", "housing"),
    ("امسال ۹۰ میلیارد ریال برای دهکده اقتصاد مقاومتی هزینه شد.", "resistance_villages"),
    ("امسال ۹۰ اردوی جهادی در روستاها برگزار شد.", "jihadi_groups"),
    ("امسال ۹۰ میلیارد ریال برای مشاغل خانگی وام پرداخت شد.", "home_businesses"),
    ("امسال ۹۰ میلیارد ریال برای طرح‌های پیشران هزینه شد.", "clusters"),
    ("امسال ۹۰ میلیارد ریال برای آبرسانی روستاها هزینه شد.", "general"),
]


@pytest.mark.parametrize("text, program", PROGRAM_CASES, ids=[c[1] for c in PROGRAM_CASES])
def test_program_from_cues(text: str, program: str) -> None:
    assert only(text)["program"] == program


@pytest.mark.parametrize(
    "text",
    [
        "امسال ۹۰ میلیارد ریال وام از صندوق کارآفرینی امید پرداخت شد.",
        "صندوق کارآفرینی امید امسال ۹۰ طرح را تأمین مالی کرد.",
    ],
    ids=["lender-after", "lender-before"],
)
def test_omid_entrepreneurship_fund_is_not_the_qard_al_hasan_program(text: str) -> None:
    assert only(text)["program"] == "general"


def test_a_fund_is_a_qard_al_hasan_fund_only_in_news_that_names_them() -> None:
    other = claims(
        "به گزارش ایرنا، رئیس جهاد کشاورزی استان گفت: تاکنون ۱۴ صندوق توسعه بخش کشاورزی در استان تشکیل شده "
        "است.\nوی افزود: این صندوق‌ها ۳ هزار و ۸۰۰ عضو دارند."
    )
    assert {r["program"] for r in other} == {"general"}
    named = claims(
        "به گزارش ایرنا، امسال ۱۲۰ صندوق قرض‌الحسنه در روستاهای استان تشکیل شد.\n"
        "وی افزود: این صندوق‌ها ۳ هزار و ۸۰۰ عضو دارند."
    )
    assert {r["program"] for r in named} == {"qard_al_hasan_funds"}


def test_a_power_plant_is_solar_only_in_news_that_says_so() -> None:
    rows = claims("به گزارش ایرنا، نیروگاه سیکل ترکیبی استان با ۸۲۰ میلیارد ریال هزینه راه‌اندازی شد.")
    assert [r["program"] for r in rows] == ["general"]
    rows = claims("به گزارش ایرنا، امسال ۳۰۰ نیروگاه خورشیدی خانگی نصب شد.\nاین نیروگاه‌ها ۲۰ میلیارد ریال هزینه داشت.")
    assert {r["program"] for r in rows} == {"solar_plants"}


# --- Published date ------------------------------------------------------------------------

ARTICLE_TAIL = "ایجاد ۵۰۰ شغل در روستاهای قزوین\nبه گزارش ایرنا، امسال ۵۰۰ شغل در روستاها ایجاد شد."


@pytest.mark.parametrize(
    "date_line, jalali",
    [
        ("۱۴۰۲/۰۹/۰۴", "۱۴۰۲/۰۹/۰۴"),
        ("تاریخ انتشار: ۱۴۰۲/۰۹/۰۴", "۱۴۰۲/۰۹/۰۴"),
        ("شنبه ۴ آذر ۱۴۰۲ - ۱۰:۳۰", "۴ آذر ۱۴۰۲"),
    ],
    ids=["slashes", "labelled", "month-name"],
)
def test_jalali_date_line_gives_the_iso_date_and_keeps_the_jalali(date_line: str, jalali: str) -> None:
    claim = only(f"{date_line}\n{ARTICLE_TAIL}")
    assert claim["published"] == "2023-11-25"
    assert jalali in claim["published_jalali"]


def test_no_date_leaves_published_empty() -> None:
    claim = only("به گزارش ایرنا، امسال ۵۰۰ شغل در روستاها ایجاد شد.")
    assert (claim["published"], claim["published_jalali"]) == ("", "")


def test_record_metadata_wins_over_the_text() -> None:
    claim = only(
        f"۱۴۰۲/۰۹/۰۴\n{ARTICLE_TAIL}",
        published="2024-01-15",
        source="همشهری",
        url="https://example.org/n/1",
        title="عنوان رکورد",
    )
    assert (claim["published"], claim["source"], claim["url"], claim["title"]) == (
        "2024-01-15",
        "همشهری",
        "https://example.org/n/1",
        "عنوان رکورد",
    )


def test_record_jalali_date_is_read_as_iso() -> None:
    assert only(f"۱۴۰۲/۰۹/۰۴\n{ARTICLE_TAIL}", published="۱۴۰۲/۱۰/۲۵")["published"] == "2024-01-15"


def test_headline_above_the_date_line_is_the_title() -> None:
    claim = only("ایجاد ۵۰۰ شغل در روستاهای قزوین\n۴ آذر ۱۴۰۲\nبه گزارش ایرنا، امسال ۵۰۰ شغل در روستاها ایجاد شد.")
    assert (claim["title"], claim["province"]) == ("ایجاد ۵۰۰ شغل در روستاهای قزوین", "Qazvin")


# --- Source --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead, source",
    [
        ("به گزارش ایسنا،", "ایسنا"),
        ("به گزارش خبرگزاری مهر از همدان،", "خبرگزاری مهر"),
        ("به گزارش خبرگزاری تسنیم از کرمان", "خبرگزاری تسنیم"),
    ],
    ids=["bare", "from-city-comma", "from-city"],
)
def test_source_is_the_outlet_after_be_gozaresh(lead: str, source: str) -> None:
    assert only(f"{lead} امسال ۵۰۰ شغل در روستاها ایجاد شد.")["source"] == source


def test_source_is_the_first_outlet_named() -> None:
    rows = claims("به گزارش ایرنا، امسال ۵۰۰ شغل در روستاها ایجاد شد. به گزارش ایسنا، ۲۰ صندوق نیز تشکیل شد.")
    assert len(rows) == 2 and {r["source"] for r in rows} == {"ایرنا"}


def test_no_outlet_leaves_source_empty() -> None:
    assert only("امسال ۵۰۰ شغل در روستاها ایجاد شد.")["source"] == ""


# --- Speaker -------------------------------------------------------------------------------


def test_speaker_is_the_name_and_title_before_goft() -> None:
    claim = only("سردار علی احمدی رئیس سازمان بسیج سازندگی گفت: امسال ۵۰۰ شغل در روستاها ایجاد شد.")
    assert claim["speaker"] == "سردار علی احمدی رئیس سازمان بسیج سازندگی"


def test_speaker_leaves_out_the_source_lead_and_the_occasion() -> None:
    text = "به گزارش ایرنا، سردار علی احمدی رئیس سازمان بسیج سازندگی امروز در نشست خبری گفت: ۵۰۰ شغل ایجاد شد."
    assert only(text)["speaker"] == "سردار علی احمدی رئیس سازمان بسیج سازندگی"


def test_speaker_after_a_dateline() -> None:
    claim = only("اردبیل- مدیرکل بنیاد مسکن استان گفت: امسال ۵۰۰ خانه ساخته شد.")
    assert claim["speaker"] == "مدیرکل بنیاد مسکن استان"


def test_vey_refers_back_to_the_last_named_speaker() -> None:
    text = (
        "مهندس رضا کریمی مدیرکل بنیاد مسکن گفت: امسال ۵۰۰ خانه ساخته شد.\n"
        "وی افزود: ۲۰ صندوق قرض‌الحسنه نیز تشکیل شد.\n"
        "دکتر مریم نوری معاون استاندار نیز گفت: ۳۰ روستا آبرسانی شد.\n"
        "وی اظهار کرد: ۴۰ کارگاه راه‌اندازی شد."
    )
    first, second = "مهندس رضا کریمی مدیرکل بنیاد مسکن", "دکتر مریم نوری معاون استاندار"
    assert [(r["value"], r["speaker"]) for r in claims(text)] == [
        (500.0, first),
        (20.0, first),
        (30.0, second),
        (40.0, second),
    ]


# --- One row per claim ---------------------------------------------------------------------


@pytest.mark.parametrize("noun", ["شغل", "فرصت شغلی"], ids=["shoghl", "forsat-shoghli"])
def test_rounded_headline_folds_into_the_body_figure(noun: str) -> None:
    text = f"ایجاد ۱۲۳ هزار شغل در روستاها\nبه گزارش ایرنا، امسال ۱۲۳ هزار و ۱۸۲ {noun} در روستاهای کشور ایجاد شد."
    claim = only(text)
    assert (claim["value"], claim["metric"], claim["mention"]) == (123182.0, "jobs", "۱۲۳ هزار و ۱۸۲")


def test_headline_figure_of_its_own_is_kept() -> None:
    text = "افتتاح ۶۰ کارگاه در روستاها\nبه گزارش ایرنا، امسال ۱۲۳ هزار و ۱۸۲ شغل در روستاهای کشور ایجاد شد."
    assert sorted(values(text)) == [60.0, 123182.0]


def test_exact_repeat_folds() -> None:
    text = (
        "به گزارش ایرنا، امسال ۴۵۰ صندوق در روستاها راه‌اندازی شد.\nمدیر این طرح گفت: این ۴۵۰ صندوق به مردم وام می‌دهند."
    )
    claim = only(text)
    assert (claim["value"], claim["metric"]) == (450.0, "funds")


def test_equal_budgets_of_a_list_are_each_a_claim() -> None:
    rows = claims(
        "به گزارش ایرنا، آبیاری ۲۵ هکتار زمین با اعتبار ۱۰۰ میلیون تومان و گازرسانی به روستای علی‌آباد "
        "با اعتبار ۱۰۰ میلیون تومان به بهره‌برداری رسید."
    )
    assert [r["value"] for r in rows if r["unit"] == "IRR"] == [1e9, 1e9]


@pytest.mark.parametrize(
    "text",
    [
        "به گزارش ایرنا، مدیرکل بهزیستی از شناسایی ۷ هزار یتیم خبر داد و افزود: تمام این ۷ هزار یتیم حامی دارند.",
        "مدیرکل بهزیستی با بیان اینکه ۷ هزار یتیم شناسایی شده، گفت: برای ۷ هزار یتیم حامی پیدا کرده‌ایم.",
        "وی با اشاره به اینکه ۶۵ درصد طرح‌ها اجرا شده، افزود: حدود ۶۵ درصد طرح‌ها به پایان رسیده است.",
    ],
    ids=["demonstrative", "summed-up-before-the-colon", "hedged"],
)
def test_a_figure_said_again_in_its_sentence_folds(text: str) -> None:
    assert len(claims(text)) == 1


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("گازرسانی به روستای دیگر با اعتبار ۴۰۰ میلیون تومان انجام شد.", [4.15e9, 4e9]),
        ("در مجموع حدود ۴۰۰ میلیون تومان برای گازرسانی هزینه شد.", [4.15e9]),
        ("برای گازرسانی ۴۱۰ میلیون تومان هزینه شد.", [4.15e9]),
        ("برای آسفالت راه روستا ۳۰۰ میلیون تومان هزینه شد.", [4.15e9, 3e9]),
    ],
    ids=["bare-round-figure-of-another-project", "hedged-round-figure", "two-significant-digits", "another-figure"],
)
def test_a_round_figure_elsewhere_restates_if_hedged_or_two_digits(second: str, expected: list[float]) -> None:
    text = f"به گزارش ایرنا، گازرسانی به روستای عشاق با اعتبار ۴۱۵ میلیون تومان به بهره‌برداری رسید. {second}"
    assert [r["value"] for r in claims(text) if r["unit"] == "IRR"] == expected


def test_a_precise_figure_said_again_by_another_noun_folds() -> None:
    text = (
        "کاربران شبکه شاد\nبه گزارش ایرنا، شبکه شاد ۱۱ میلیون و ۴۵۰ هزار کاربر دارد.\n"
        "وی گفت: تاکنون ۱۱ میلیون و ۴۵۰ هزار نفر در این شبکه عضو شده‌اند."
    )
    assert [(r["value"], r["metric"]) for r in claims(text)] == [(11_450_000.0, "members")]


def test_same_value_of_different_metrics_does_not_fold() -> None:
    rows = claims("به گزارش ایرنا، امسال ۴۵۰ صندوق در روستاها راه‌اندازی شد و ۴۵۰ شغل ایجاد شد.")
    assert [(r["value"], r["metric"]) for r in rows] == [(450.0, "funds"), (450.0, "jobs")]


SECTOR_BY_SECTOR = (
    "افتتاح ۴۰ طرح کشاورزی در آذربایجان شرقی\n"
    "تبریز- رئیس سازمان جهاد کشاورزی استان از افتتاح ۴۰ پروژه در دهه فجر خبر داد.\n"
    "وی گفت: در بخش دامپزشکی ۳ پروژه با اشتغال ۶ نفر افتتاح می‌شود.\n"
    "وی افزود: در بخش شیلات نیز ۳ پروژه با اشتغال ۶ نفر به بهره‌برداری می‌رسد."
)


def test_small_tallies_of_two_sectors_are_two_claims() -> None:
    rows = claims(SECTOR_BY_SECTOR)
    assert sorted((r["value"], r["metric"]) for r in rows if r["value"] < 10) == [
        (3.0, "projects"),
        (3.0, "projects"),
        (6.0, "jobs"),
        (6.0, "jobs"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "وی گفت: این ۳ پروژه در بخش دامپزشکی است.",  # points back
        "وی گفت: حدود ۳ پروژه در بخش دامپزشکی است.",  # hedged
    ],
    ids=["points-back", "hedged"],
)
def test_a_small_tally_said_again_folds_when_it_points_back(body: str) -> None:
    text = (
        "افتتاح طرح‌ها\nتبریز- رئیس سازمان جهاد کشاورزی استان گفت: امروز ۵۰ شغل ایجاد شد.\n"
        f"وی افزود: ۳ پروژه افتتاح شد.\nوی افزود: ۲۰ شغل ایجاد شد.\n{body}"
    )
    assert [r["value"] for r in claims(text) if r["metric"] == "projects"] == [3.0]


def test_a_small_tally_of_the_lead_folds_into_the_body() -> None:
    text = (
        "افتتاح طرح‌ها\nتبریز- رئیس سازمان جهاد کشاورزی استان از افتتاح ۳ پروژه در مراغه خبر داد.\n"
        "وی افزود: ۳ پروژه گلخانه‌ای با اعتبار ۴۰ میلیارد ریال افتتاح شد."
    )
    assert [r["value"] for r in claims(text) if r["metric"] == "projects"] == [3.0]


def test_small_counts_of_untracked_things_said_again_fold() -> None:
    text = (
        "به گزارش ایرنا، وزیر امور خارجه گفت: روابط دو کشور رو به گسترش است.\n"
        "وی افزود: همکاری دو کشور در زمینه انرژی ادامه دارد."
    )
    assert [r["value"] for r in claims(text)] == [2.0]


# --- Text without zero-width non-joiners -----------------------------------------------------

ZWNJ_TEXTS = [
    "قزوین- مدیر بسیج سازندگی استان گفت: امسال ۱۲۰ صندوق قرض‌الحسنه در روستاها راه‌اندازی شده است.\n"
    "وی افزود: این صندوق‌ها تا پایان سال ۹۰ میلیارد ریال وام پرداخت می‌کنند و ۳۰۰ نیروگاه خورشیدی نیز نصب می‌شود.",
    "به گزارش ایسنا، تاکنون ۲ هزار نفر در صندوق‌های قرض‌الحسنه عضو شده‌اند.\n"
    "این نیروگاه‌ها سالانه ۲۰ هزار کیلووات‌ساعت برق تولید می‌کنند و ایجاد ۵۰۰ فرصت شغلی نیز هدف‌گذاری شده است.",
]
COMPARED = ("value", "unit", "metric", "program", "province", "status", "qualifier", "speaker", "period", "source")


@pytest.mark.parametrize("text", ZWNJ_TEXTS, ids=["funds-and-loans", "members-energy-target"])
def test_text_without_zwnj_gives_the_same_claims(text: str) -> None:
    bare = text.replace(ZWNJ, "")
    proper = [tuple(r[k] for k in COMPARED) for r in claims(text)]
    joined = [tuple(r[k] for k in COMPARED) for r in claims(bare)]
    assert len(proper) == 3
    assert joined == proper


def test_zwnj_free_words_are_in_the_texts() -> None:
    bare = " ".join(ZWNJ_TEXTS).replace(ZWNJ, "")
    for word in ("راهاندازی", "قرضالحسنه", "صندوقها", "میشود", "کیلوواتساعت", "هدفگذاری", "شدهاند"):
        assert word in bare


@pytest.mark.parametrize("text", ZWNJ_TEXTS, ids=["funds-and-loans", "members-energy-target"])
def test_text_without_zwnj_keeps_the_persian_noun(text: str) -> None:
    bare = text.replace(ZWNJ, "")
    assert [r["metric_fa"].replace(ZWNJ, "") for r in claims(text)] == [r["metric_fa"] for r in claims(bare)]


# --- Evidence ------------------------------------------------------------------------------

EVIDENCE_TEXT = (
    "گزارش عملکرد\n"
    "مدير كل بنياد گفت: امسال ۶ هزار و ۵۰۰ ميليارد تومان تسهيلات پرداخت شد. همچنين ٢٥٠ صندوق تشكيل شد!\n"
    "وي افزود: حدود ۱۲٬۵۰۰ شغل ايجاد شد؛ ۴۰ درصد آن در روستاهاست."
)


def test_mention_is_the_text_between_start_and_end() -> None:
    rows = claims(EVIDENCE_TEXT)
    assert [r["mention"] for r in rows] == ["۶ هزار و ۵۰۰ ميليارد تومان", "٢٥٠", "۱۲٬۵۰۰", "۴۰ درصد"]
    for r in rows:
        assert EVIDENCE_TEXT[r["start"] : r["end"]] == r["mention"]


def test_quote_is_the_sentence_holding_the_mention() -> None:
    rows = claims(EVIDENCE_TEXT)
    assert [r["quote"] for r in rows] == [
        "مدير كل بنياد گفت: امسال ۶ هزار و ۵۰۰ ميليارد تومان تسهيلات پرداخت شد.",
        "همچنين ٢٥٠ صندوق تشكيل شد!",
        "وي افزود: حدود ۱۲٬۵۰۰ شغل ايجاد شد؛ ۴۰ درصد آن در روستاهاست.",
        "وي افزود: حدود ۱۲٬۵۰۰ شغل ايجاد شد؛ ۴۰ درصد آن در روستاهاست.",
    ]
    for r in rows:
        assert r["mention"] in r["quote"]


def test_every_claim_has_exactly_the_claim_columns() -> None:
    rows = claims(EVIDENCE_TEXT)
    assert rows and all(tuple(r) == CLAIM_COLUMNS for r in rows)
    assert {r["document"] for r in rows} == {"t.txt"}


def test_reading_time_view_and_comment_counters_are_not_claims() -> None:
    text = (
        "ایجاد ۲۰۰ شغل در روستاهای یزد\n"
        "زمان مطالعه: ۳ دقیقه | تعداد بازدید: ۴۵۶ | ۱۲ نظر\n\n"
        "به گزارش ایسنا، امسال ۲۰۰ شغل در روستاهای استان یزد ایجاد شد.\n"
        "۴۵۶ بازدید\n"
    )
    assert values(text) == [200.0]


def test_a_verb_ends_the_clause_a_period_word_governs() -> None:
    text = (
        "به گزارش ایرنا، از ابتدای سال تاکنون ۲ هزار و ۱۰۰ خانوار جدید تحت پوشش قرار گرفته‌اند و "
        "هم‌اکنون ۳۸ هزار خانوار در استان از خدمات این نهاد بهره‌مند هستند."
    )
    periods = {c["value"]: c["period"] for c in claims(text)}
    assert periods == {2100.0: "period", 38000.0: "cumulative"}


PERSIAN_SOUP = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيك ‌\n.،:؛؟!-–/٫٬,۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥0123456789٪%()«»"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=PERSIAN_SOUP, max_size=40),
            st.sampled_from(
                [
                    "۱۲۳ هزار و ۱۸۲ شغل",
                    "تبصره ۱۶ و ۱۸",
                    "به گزارش ایرنا از",
                    "گفت:",
                    "۲/۵ میلیارد تومان",
                    "استان قزوین",
                    "۱۴۰۲/۰۹/۰۴",
                    "قرار است",
                    "۵ کیلوواتی",
                    "۱۰ تا ۱۵ نفره",
                    "کد خبر",
                    "\n\n",
                ]
            ),
        ),
        max_size=30,
    )
)
def test_any_text_gives_well_formed_rows_and_never_crashes(parts: list[str]) -> None:
    text = " ".join(parts)
    for row in claims(text):
        assert tuple(row) == CLAIM_COLUMNS
        assert text[row["start"] : row["end"]] == row["mention"]
        assert row["status"] in ("reported", "planned") and row["unit"] in CANONICAL_UNITS


def test_a_person_count_finds_its_role_at_the_end_of_a_long_clause() -> None:
    text = (
        "به گزارش ایسنا، امسال سه هزار و ۲۰۰ نفر در رشته‌هایی مانند قالی‌بافی، سفال‌گری، "
        "خیاطی، پرورش قارچ و بسته‌بندی گیاهان دارویی در روستاهای استان آموزش دیدند."
    )
    assert only(text)["metric"] == "trainees"


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("ارزش این قرارداد ۵۶۰ میلیون دلار است.", 560e6, "USD"),
        ("مجلس ۵۰۰ میلیون یورو ارز برای خرید دارو تخصیص داد.", 500e6, "EUR"),
    ],
    ids=["dollars", "euros"],
)
def test_foreign_money_stays_in_its_own_currency(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim["value"], claim["unit"], claim["metric"]) == (value, unit, "money")


@pytest.mark.parametrize(
    "text, value, unit, metric",
    [
        ("امسال ۵۷ واحد نیروگاه خورشیدی در روستاها نصب شد.", 57.0, "count", "solar_plants"),
        ("امسال ۴۰۰ مورد شغل در روستاها ایجاد شد.", 400.0, "count", "jobs"),
        ("در این نشست ۳۰ تن از خبرنگاران حضور داشتند.", 30.0, "count", "other"),
        ("امسال ۳۰ تن از محصولات روستایی صادر شد.", 30.0, "tonne", "other"),
        ("امسال ۵۰۰ واحد برای محرومان ساخته شد.", 500.0, "count", "housing_units"),
        ("در این حادثه ۲ تن از کشته شدگان کودک بودند.", 2.0, "count", "other"),
        ("انفجار بمب به کشته شدن ۳ تن انجامید.", 3.0, "count", "other"),
        ("در این تصادف ۵ تن زخمی شدند.", 5.0, "count", "other"),
        ("به دلیل بدقولی خریدار، ۲ میلیون تن از این فولاد در انبار ماند.", 2e6, "tonne", "other"),
    ],
    ids=[
        "unit-of-plants",
        "case-of-jobs",
        "persons-not-tonnes",
        "tonnes-of-goods",
        "bare-unit-is-housing",
        "of-the-dead",
        "killing-of",
        "were-injured",
        "tonnes-of-this",
    ],
)
def test_a_counter_or_measure_word_counts_the_noun_it_stands_for(
    text: str, value: float, unit: str, metric: str
) -> None:
    claim = only(text)
    assert (claim["value"], claim["unit"], claim["metric"]) == (value, unit, metric)


@pytest.mark.parametrize(
    "text",
    [
        "نرخ برابری ارزها اعلام شد: یک دلار آمریکا ۴۲ هزار ریال و یک یورو ۴۶ هزار ریال.",
        "مدیرعامل باشگاه گفت: قبل از من یک ریال هم به بازیکنان پرداخت نشده بود.",
        "این خانه در سال ۱۲۸۷ ساخته شد و شیخ حسن در سال ۱۰۷۳ هجری قمری در آن به دنیا آمد.",
    ],
    ids=["rate-table", "not-a-single-rial", "years-of-the-past"],
)
def test_a_rates_base_and_a_year_of_the_past_are_not_claims(text: str) -> None:
    assert [r for r in claims(text) if r["value"] in (1.0, 10.0, 1287.0, 1073.0)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بین مشهد و قم ترافیک سنگین است و زائران در ورودی این دو شهر ۲۰ دقیقه معطل می‌شوند.", []),
        ("پیش از این چهار عنوان کتاب از این نویسنده منتشر شده بود.", [4.0]),
        ("این دوره در دانشگاه برگزار شد و در آن شش کارگاه تخصصی برپا شد.", [6.0]),
    ],
    ids=["these-two-cities", "before-this", "in-it"],
)
def test_a_small_number_after_a_demonstrative_points_back(text: str, expected: list[float]) -> None:
    assert values(text) == expected


def test_the_items_of_an_inventory_written_noun_first_are_counts() -> None:
    text = "اقلام ارسالی به مناطق زلزله‌زده: چادر ۲۸۰۰، پتو ۱۱۵۰۰، کیسه خواب ۹۵۰، آتل ۱۲۰، فانوس ۴۴۰ و کفش ۴ هزار جفت."
    # once the list has shown its shape (two items before), each item is a count
    assert {950.0, 120.0, 440.0} <= set(values(text))


def test_a_reference_to_volume_and_page_is_no_inventory() -> None:
    assert values("این روایت در منابع آمده است (مفید، ج۵، ص۷۴۳؛ طوسی، ج۲، ص۶۷۲، ج۳، ص۱۲).") == []


def test_a_score_is_not_a_claim() -> None:
    assert values("تیم ما با نتیجه پنج بر سه مغلوب شد و در این مسابقات ۲۰ بازیکن حضور داشتند.") == [20.0]
    assert values("ملی‌پوشان با نتیجه ۹۱ بر ۳۶ پیروز شدند.") == []


def test_a_year_before_a_plural_is_a_year() -> None:
    # A number counts a singular noun: before «پروژه‌های» it is the year.
    assert values("در سال ۹۹ پروژه‌های زیادی در استان اجرا شد و ۱۲ پروژه افتتاح شد.") == [12.0]


def test_an_hour_of_the_day_is_not_a_claim() -> None:
    assert values("نمایشگاه از ۹ صبح تا ۸ شب باز است و از ساعت ۱۵:۳۰ تا ۵ صبح ۳۰۰ پرواز انجام شد.") == [300.0]


def test_index_points_and_dates_with_month_words_are_not_claims() -> None:
    text = "شاخص بورس ۲ هزار واحد کاهش یافت و در ۲۷ آذرماه ۳۲۰ شغل در روستاها ایجاد شد."
    assert values(text) == [320.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "مدیرکل تامین اجتماعی گفت: با راه‌اندازی ۱۶ کارگزاری (۱۲ کارگزاری اقماری و ۴ کارگزاری جایگزین) موافقت شد.",
            ["planned", "planned", "planned"],
        ),
        ("وزیر بهداشت با احداث ۳ بیمارستان در استان موافقت کرد.", ["planned"]),
        ("با موافقت استاندار ۵۰ واحد مسکونی برای محرومان ساخته شد.", ["reported"]),
        ("نمایندگان با ۱۵۳ رأی موافق با کلیات طرح موافقت کردند.", ["reported"]),
    ],
    ids=["launch-agreed", "building-agreed", "built-with-consent", "votes-cast"],
)
def test_what_was_agreed_to_is_planned(text: str, expected: list[str]) -> None:
    assert [r["status"] for r in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("در بخش فولاد ۲ میلیون تن از اهداف پیش‌بینی شده عقب هستیم.", "reported"),
        ("تولید امسال ۱۵ درصد از هدف برنامه بیشتر بود.", "reported"),
        ("ساخت ۸۰ مسجد از جمله برنامه‌های ما در سال جاری است.", "planned"),
    ],
    ids=["behind-the-targets", "above-the-target", "among-our-plans"],
)
def test_a_figure_measured_against_a_plan_says_how_things_stand(text: str, expected: str) -> None:
    assert only(text)["status"] == expected


def test_a_quota_or_commitment_is_planned() -> None:
    assert only("تعهد اشتغال استان امسال ۵ هزار نفر است.")["status"] == "planned"


def test_a_national_official_under_a_provincial_dateline_speaks_for_the_country() -> None:
    text = "اشتغال مددجویان\n\nزنجان- سرپرست کمیته امداد امام خمینی گفت: امسال ۵۰۰ هزار شغل ایجاد شد."
    assert only(text)["province"] == "National"


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("سخنگوی کمیسیون برنامه و بودجه مجلس", "National"),
        ("نماینده مردم شیراز در مجلس", "Fars"),
    ],
)
def test_parliaments_officers_speak_for_the_country_but_a_members_constituency_is_a_place(
    speaker: str, expected: str
) -> None:
    text = (
        f"بودجه سال آینده\n\n{speaker} گفت: فروش نفت ۱.۵ میلیون بشکه خواهد بود.\n"
        "به گزارش خبرگزاری فارس از شیراز، وی در این باره توضیح داد."
    )
    assert only(text)["province"] == expected


def test_people_counted_from_all_over_the_country_are_national() -> None:
    text = "کرمان- مسئول اتحادیه موسسه‌های قرآنی استان گفت: امسال ۲ هزار نفر از فعالان قرآنی کشور بیمه می‌شوند."
    assert only(text)["province"] == "National"
    text = "کرمان- مسئول اتحادیه موسسه‌های قرآنی استان گفت: امسال ۲ هزار نفر از فعالان قرآنی استان بیمه می‌شوند."
    assert only(text)["province"] == "Kerman"


def test_a_province_the_lead_names_outweighs_where_the_story_was_filed() -> None:
    text = (
        "انهدام باند مواد مخدر\n\nفرمانده انتظامی غرب استان تهران از کشف ۳۰۰ کیلوگرم حشیش خبر داد.\n"
        "به گزارش خبرگزاری فارس از کرج، وی این خبر را اعلام کرد.\nوی افزود: در این عملیات ۴ متهم دستگیر شدند."
    )
    assert {r["province"] for r in claims(text)} == {"Tehran"}
    filed_only = text.replace("غرب استان تهران", "انتظامی منطقه")
    assert {r["province"] for r in claims(filed_only)} == {"Alborz"}


def test_an_outlets_label_on_a_line_of_its_own_is_not_the_lead() -> None:
    text = (
        "ضعف امدادرسانی پس از زلزله\n\nخبرگزاری فارس:\nاستاندار استان کرمان در گردهمایی هنرمندان سخن گفت.\n"
        "وی افزود: ستاد حوادث با حضور ۴۰ نفر از مدیران تشکیل شد."
    )
    assert only(text)["province"] == "Kerman"


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("وی افزود: تاکنون ۳۲۶ پزشک و ۱۸۲ پرستار اعزام شده‌اند.", "Kerman"),
        ("وی افزود: تاکنون ۳۲۶ پزشک و ۱۸۲ پرستار به بم اعزام شده‌اند.", "Kerman"),
        ("وی افزود: در کل کشور ۳۲۶ پزشک و ۱۸۲ پرستار داوطلب شده‌اند.", "National"),
        ("وی افزود: تاکنون ۳۲۶ پزشک و ۱۸۲ پرستار اعزام شده‌اند که گروهی از تبریز و گروهی از مشهد بودند.", "Tehran"),
        ("سخنگوی سازمان افزود: تاکنون ۳۲۶ پزشک و ۱۸۲ پرستار اعزام شده‌اند.", "Tehran"),
    ],
    ids=["goes-on", "names-the-same-place", "names-the-country", "names-other-places", "another-speaker"],
)
def test_a_sentence_that_goes_on_keeps_the_place_of_the_one_before(second: str, expected: str) -> None:
    text = (
        "۳۰ پایگاه در تهران آماده دریافت کمک‌های مردمی است\n\n"
        "مدیرکل هلال احمر درباره کالاهای ارسالی به «بم» گفت: تاکنون ۲۷ هزار چادر ارسال شده است.\n" + second
    )
    provinces = {r["value"]: r["province"] for r in claims(text)}
    assert (provinces[27000.0], provinces[326.0], provinces[182.0]) == ("Kerman", expected, expected)


def test_a_provincial_official_under_a_dateline_keeps_the_province() -> None:
    text = "اشتغال مددجویان\n\nزنجان- مدیرکل کمیته امداد استان گفت: امسال ۲ هزار و ۴۰۰ شغل ایجاد شد."
    assert only(text)["province"] == "Zanjan"


def test_a_national_official_at_a_county_event_puts_the_figure_in_the_county() -> None:
    text = "رئیس کمیته امداد کشور در آیین بهره‌برداری از ۴۰ نیروگاه خورشیدی در شهرستان بیجار سخن گفت."
    assert only(text)["province"] == "Kurdistan"


def test_figures_between_two_provinces_are_national_under_either_ones_dateline() -> None:
    text = "کرج- مدیرکل زندان‌های استان گفت: امسال ۶ هزار زندانی بین زندان‌های استان تهران و البرز جابه‌جا شدند."
    assert only(text)["province"] == "National"


def test_figures_of_two_provinces_joined_are_national() -> None:
    text = "از ابتدای سال تاکنون ۶۰۰ زندانی بین زندان‌های استان تهران و البرز جابه‌جا شدند."
    assert only(text)["province"] == "National"


def test_an_article_about_another_country_gives_no_claims() -> None:
    text = "رزمایش مشترک تاجیکستان و ازبکستان برگزار شد\n\nدر این رزمایش ۲ هزار نیرو و ۴۰ بالگرد شرکت کردند."
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # The other country named only in the body.
        "افزایش بیکاری در اروپا\n\nبه گزارش خبرگزاری فارس، نرخ بیکاری در آلمان به ۶ درصد رسید و ۲ میلیون نفر بیکارند.",
        # Passing mentions of Iran in a story another country leads.
        "انفجار در بندر بیروت\n\nخسارت انفجار بیروت ۱۵ میلیارد دلار برآورد شد.\nدولت لبنان ۳۰۰ هزار نفر را بی‌خانمان "
        "اعلام کرد. فرانسه و آلمان کمک فرستادند.\nایران نیز آمادگی خود را برای کمک اعلام کرد.",
        # One passing mention of Tehran in a story about another country.
        "آزمایش موشکی کره شمالی\n\nکره شمالی ۳ موشک جدید آزمایش کرد.\nکارشناسان ژاپن ۴۰ پایگاه را شناسایی کردند. "
        "کره جنوبی ۱۲ هزار نیرو را به حالت آماده‌باش درآورد.\nبرخی رسانه‌ها از همکاری پیونگ‌یانگ و تهران سخن گفتند.",
        # A foreign city or league, no country named.
        "اخراج سرمربی شیکاگو\n\nسرمربی تیم بسکتبال شیکاگو پس از ۱۲ باخت پیاپی در ان‌بی‌ای اخراج شد.",
        # A foreign company's product.
        "نت‌بوک تازه اینتل\n\nاینتل نت‌بوکی با ۲ گیگابایت حافظه و ۱۰ ساعت شارژ به بازار فرستاد.",
        # Saudi riyals are no Iranian money.
        "بدهی باشگاه‌های عربستان\n\nباشگاه الاتحاد با ۱۴۰ میلیون ریال بدهی، بدهکارترین باشگاه عربستان است.",
    ],
)
def test_an_article_with_no_iranian_anchor_about_another_country_gives_no_claims(text: str) -> None:
    assert claims(text) == []


def test_an_iranian_story_that_names_another_country_keeps_its_claims() -> None:
    text = (
        "صادرات محصولات کشاورزی\n\nمدیرکل جهاد کشاورزی استان گفت: امسال ۱۲ هزار تن سیب به عراق صادر شد. "
        "خریداران ترکیه نیز ۳ هزار تن خریدند."
    )
    assert {12000, 3000} <= set(values(text))


def test_an_article_about_another_country_with_an_iranian_actor_keeps_its_claims() -> None:
    text = "همکاری ایران و تاجیکستان\n\nایران امسال ۳۲۰ دستگاه اتوبوس به تاجیکستان صادر کرد."
    assert values(text) == [320.0]


@pytest.mark.parametrize(
    "text, outlet",
    [
        (
            "به گزارش خبرنگار پارلمانی خبرگزاری فارس سید احمد رضایی امروز گفت: ۱۲ طرح تصویب شد.",
            "خبرگزاری فارس",
        ),
        ("به گزارش خبرگزاری فارس بر اساس مصوبه شورا، ۱۲ طرح تصویب شد.", "خبرگزاری فارس"),
        ("به گزارش خبرگزاری صداوسیما مرکز اردبیل، ۱۲ طرح تصویب شد.", "خبرگزاری صدا و سیما مرکز اردبیل"),
    ],
    ids=["reporter-then-name", "outlet-then-words", "regional-office"],
)
def test_the_outlet_ends_with_its_name(text: str, outlet: str) -> None:
    assert only(text)["source"] == outlet


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("با حضور استاندار پنج ایستگاه آتش‌نشانی جدید در شهرستان افتتاح شد.", 5),
        ("در این مدت سه سالن ورزشی و دو کتابخانه روستایی ساخته شده است.", 3),
        ("مدیرکل بهزیستی گفت: هفت مرکز مشاوره در استان فعال است.", 7),
    ],
)
def test_a_small_number_in_words_counts_things(text: str, value: float) -> None:
    assert value in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "این طرح در سه مرحله و با دو رویکرد متفاوت اجرا می‌شود.",
        "وی به چهار محور اصلی برنامه اشاره کرد و گفت: دو موضوع مهم در پیش است.",
        "نه بودجه کافی داریم و نه نیروی انسانی لازم برای این کار.",
        "همکاری دو طرفه و سه جانبه میان استان‌ها ادامه دارد.",
        "مدیرکل آموزش و پرورش چهار محال و بختیاری از برگزاری آزمون خبر داد.",
    ],
)
def test_small_numbers_in_words_that_are_wording_are_not_claims(text: str) -> None:
    assert values(text) == []


def statuses(text: str) -> dict[float, str]:
    return {r["value"]: r["status"] for r in claims(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What can be done is not done yet.
        ("به گفته وی با این اعتبار می‌توان ۲ هزار واحد مسکونی دیگر برای مددجویان ساخت.", {2000: "planned"}),
        ("این نیروگاه می تواند برق ۳ هزار خانوار را تامین کند.", {3000: "planned"}),
        # A target the sentence says was met.
        ("قرار بود ۵ هزار شغل در استان ایجاد شود که این هدف محقق شده است.", {5000: "reported"}),
        # «شامل می‌شود» is a state, not a change.
        ("از این تعداد ۱۲۰ نفر را زنان سرپرست خانوار شامل می‌شود.", {120: "reported"}),
        # A need is planned only as the predicate; «نیازمند» before a noun describes it.
        ("امسال ۳۰۰ بسته معیشتی میان خانواده‌های نیازمند توزیع کردند.", {300: "reported"}),
        ("برای تکمیل این طرح ۲۰ میلیارد ریال اعتبار نیاز است.", {2e10: "planned"}),
        # A negated copula ends its clause: the future after «که» is the next figure's.
        (
            "در حال حاضر ۹۰ درصد روستاها از گاز برخوردارند و تنها ۱۰ درصد برخوردار نیستند "
            "که تا پایان سال به ۱۰۰ درصد می‌رسد.",
            {90: "reported", 10: "reported", 100: "planned"},
        ),
        # «شده و» before a short verb phrase takes that verb's tense; before a new subject it is a past.
        ("دو ایستگاه آتش‌نشانی جدید تا پایان سال آینده تکمیل شده و به بهره‌برداری می‌رسد.", {2: "planned"}),
        (
            "تاکنون ۱۴ دهکده راه‌اندازی شده و ۶ دهکده دیگر تا پایان سال به بهره‌برداری می‌رسد.",
            {14: "reported", 6: "planned"},
        ),
        # The imperfective prefix written apart is the same verb.
        ("تا پایان سال ۵۰۰ واحد مسکونی دیگر ساخته می شود.", {500: "planned"}),
        ("فردا ۲۰۰ زوج جوان در این آیین حضور دارند.", {200: "planned"}),
        # News of what is still to come: the reporting verb is past, the event is not.
        ("مدیرکل از افزایش ۲۰ درصدی اعتبارات عمرانی استان در سال آینده خبر داد.", {20: "planned"}),
        ("وی از اعزام ۳۰۰ دانش‌آموز به اردوهای راهیان نور از فردا خبر داد.", {300: "planned"}),
        ("وی از اعزام ۳۰۰ دانش‌آموز به اردوهای راهیان نور در هفته گذشته خبر داد.", {300: "reported"}),
        # «از افتتاح ...» closed by a reporting verb announces every figure of the clause.
        (
            "وی از افتتاح یک سد خاکی به حجم ۱۲ هزار متر مکعب و ۹ بند سنگی در حوضه آبخیز شهرستان خبر داد.",
            {12000: "planned", 9: "planned"},
        ),
        # «در سال جاری» is a period, not «so far»: the announcement stays an announcement.
        ("مسئول بسیج سازندگی از ساخت ۱۰۰ مسکن محرومان در سال جاری در این شهرستان خبر داد.", {100: "planned"}),
        # «با هدف» gives a purpose, not a target.
        ("این طرح با هدف صیانت از جنگل‌ها با ۲۳ میلیارد ریال اعتبار اجرا شده است.", {2.3e10: "reported"}),
        # The figure's verb comes after a «که» clause that describes its noun.
        (
            "عملیات ساخت ۲ هزار واحد مسکونی که اخیرا کلنگ‌زنی شده بود، از امروز آغاز می‌شود.",
            {2000: "planned"},
        ),
        (
            "۲۰ اردوگاه تربیتی که برای تابستان در نظر گرفته می‌شود، هم‌اکنون در کشور فعال است.",
            {20: "reported"},
        ),
        # «از جمله برنامه‌های ما» is a plan.
        ("ساخت و مرمت ۸۰ مسجد از جمله برنامه‌های ما در سال جاری است.", {80: "planned"}),
        # «منجر شد که» makes the subjunctive after it a result that happened.
        ("این سیاست منجر شد که ۷۰ درصد مربیان جذب‌شده از حافظان قرآن باشند.", {70: "reported"}),
        # «با اجرای» says how, not when: a past verb reports.
        ("با اجرای این پروژه‌ها برای ۳۸۰ نفر اشتغال‌زایی شده است.", {380: "reported"}),
    ],
)
def test_status_follows_the_figures_own_verb(text: str, expected: dict[float, str]) -> None:
    assert statuses(text) == expected


def provinces(text: str) -> dict[float, str]:
    return {r["value"]: r["province"] for r in claims(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place inside a short «...» is a name (a programme, a festival), not where the figure is.
        (
            "رئیس کمیسیون اجتماعی مجلس در برنامه «سلام تهران» گفت: ۶۵ درصد امور مردم به این کمیسیون مربوط است.",
            {65: "National"},
        ),
        # «اهل X» is where people come from.
        (
            "ماموران در شهرستان شهریار ۲۵۶ کیلوگرم حشیش از دو قاچاقچی اهل کرمانشاه کشف کردند.",
            {0.256: "Tehran", 2: "Tehran"},
        ),
        # A road between two provinces' cities belongs to neither.
        ("بیشترین تردد در آزادراه کرج-تهران با ۱۵۸ هزار تردد ثبت شد.", {158000: "National"}),
        # People gathered «از سراسر کشور» are the country's, wherever they meet.
        ("۳۴ جودوکار از سراسر کشور در سالن شهید کبکانیان تهران تمرین می‌کنند.", {34: "National"}),
        # The counted noun's own place, right after it or after «از».
        (
            "تهران- رئیس فدراسیون جودو گفت: ۸ جودوکار خراسان رضوی و ۱۲ جودوکار از فارس به اردو دعوت شدند.",
            {8: "Razavi Khorasan", 12: "Fars"},
        ),
        # What the speaker talks about, before the colon, is the whole country.
        (
            "ترافیک سنگین در آزادراه تهران-پردیس\n\nمدیر مرکز مدیریت راه‌ها درباره وضعیت جاده‌های کشور گفت: "
            "طبق اطلاعات ۲۳۰۰ دستگاه ترددشمار، تردد عادی است.",
            {2300: "National"},
        ),
        # «کشور افغانستان» is another country, not Iran.
        (
            "مشهد- مدیرکل گمرک خراسان رضوی گفت: از کل صادرات استان ۴۶ درصد به کشور افغانستان صورت گرفت.",
            {46: "Razavi Khorasan"},
        ),
    ],
)
def test_which_named_place_a_figure_belongs_to(text: str, expected: dict[float, str]) -> None:
    assert provinces(text) == expected


def test_a_provinces_name_listed_with_the_counties_of_another_province_is_its_county() -> None:
    text = "قزوین- دبیر هیئت ورزش همگانی گفت: امسال ۹ دوره مربیگری در قزوین، البرز، آبیک و تاکستان برگزار شد."
    assert provinces(text) == {9: "Qazvin"}
    text = "کرج- مدیرکل گفت: امسال ۹ دوره مربیگری در استان البرز برگزار شد."
    assert provinces(text) == {9: "Alborz"}


def test_the_country_named_in_a_relative_clause_describes_its_noun_not_the_figure() -> None:
    text = "اهواز- فرمانده انتظامی خوزستان گفت: در طرح خلع سلاح که در سراسر کشور اجرا شد، ۶ هزار و ۳۶۱ فشنگ کشف شد."
    assert provinces(text) == {6361: "Khuzestan"}
    text = "اهواز- کارشناس اقتصادی گفت: گفته می‌شود که بدهی خارجی کشور ۲۳ میلیارد دلار است."
    assert provinces(text) == {23e9: "National"}


def test_the_countrys_capital_of_something_ranks_a_place() -> None:
    text = "کاشان- شهردار قمصر گفت: پایتخت گل و گلاب کشور امسال شاهد افزایش ۳۱ درصدی مسافران نوروزی بود."
    assert provinces(text) == {31: "Isfahan"}


def test_a_figure_said_in_the_whole_country_keeps_it_when_said_again_in_a_province() -> None:
    text = (
        "اهدای جهیزیه\n\nتهران- ۵ هزار جهیزیه در مناطق محروم کشور توزیع خواهد شد.\n"
        "رئیس ستاد گفت: این ۵ هزار جهیزیه در استان تهران بسته‌بندی شده است."
    )
    assert [r["province"] for r in claims(text)] == ["National"]


def test_the_country_named_before_a_figure_is_national_but_a_region_of_it_is_not() -> None:
    text = "رشت- مدیرکل بنادر و دریانوردی گیلان گفت: کشور ما با داشتن ۳ هزار کیلومتر مرز آبی صاحب دریاست."
    assert provinces(text) == {3000: "National"}
    text = (
        "یاسوج- مدیرکل منابع طبیعی کهگیلویه و بویراحمد گفت: طرح صیانت از جنگل‌های غرب کشور "
        "با ۲۳ میلیارد ریال اعتبار اجرا شد."
    )
    assert provinces(text) == {2.3e10: "Kohgiluyeh and Boyer-Ahmad"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "مدیر گمرک زنجان امروز در گفت‌وگو با خبرنگار فارس اظهار کرد: امسال ۹ هزار تن کالا صادر شد.",
            "Zanjan",
        ),
        ("به گزارش خبرنگار انتظامی فارس، ماموران پلیس ۳ باند قاچاق را متلاشی کردند.", "National"),
        ("به گزارش خبرنگار استان فارس، ماموران پلیس ۳ باند قاچاق را متلاشی کردند.", "Fars"),
        ("به گزارش گروه اقتصاد بین‌الملل فارس، خط لوله ۷۰۰ کیلومتر طول دارد.", "National"),
        ("مدیر کشتارگاه در گفت‌وگو با خبرنگار فارس در قزوین گفت: ماهانه ۶۸۰ تن گوشت عرضه می‌شود.", "Qazvin"),
    ],
    ids=["with-the-reporter", "a-desks-reporter", "the-provinces-reporter", "a-desk", "where-the-reporter-is"],
)
def test_the_outlet_a_reporter_works_for_is_no_province(text: str, expected: str) -> None:
    assert set(provinces(text).values()) == {expected}


def test_a_place_quoted_alone_is_the_place_but_a_quoted_name_is_not() -> None:
    assert provinces("سخنگو درباره کالاهای ارسالی به «بم» گفت: تاکنون ۲۷ هزار چادر ارسال شد.") == {27000: "Kerman"}
    assert provinces("به گزارش ایرنا، نمایش «سلام تهران» با ۲۰ اجرا به پایان رسید.") == {20: "National"}


def test_votes_belong_to_the_election_not_to_where_a_candidate_is_from() -> None:
    national = (
        "تهران- مجمع عمومی کانون انجمن‌های صنفی رانندگان با حضور نمایندگان انجمن‌های سراسر کشور برگزار شد و "
        "علی احمدی از انجمن تبریز با ۴۵ رای و رضا کاظمی از انجمن صنفی شرکت‌های حمل و نقل قزوین با ۳۱ رای "
        "به عضویت هیئت مدیره کانون درآمدند."
    )
    assert provinces(national) == {45: "National", 31: "National"}
    city = "مشهد- در انتخابات شورای شهر مشهد، علی رضایی با ۱۲۰ هزار رای نفر نخست شد."
    assert provinces(city) == {120_000: "Razavi Khorasan"}


@pytest.mark.parametrize(
    ("areas", "expected"),
    [
        ("مناطق محروم کشور", "National"),
        ("مناطق کم‌برخوردار کشور", "National"),
        ("مناطق روستایی کشور", "National"),
        ("مناطق مرزی کشور", "Kermanshah"),
        ("مناطق غربی کشور", "Kermanshah"),
        ("غرب کشور", "Kermanshah"),
    ],
)
def test_areas_of_a_kind_found_all_over_the_country_are_national(areas: str, expected: str) -> None:
    text = f"کرمانشاه- به گزارش ایرنا، امسال ۱۲ هزار بسته جهیزیه در {areas} توزیع شد."
    assert provinces(text) == {12000: expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «این استان» is the article's province, a national total beside it stays national.
        (
            "بندرعباس- مدیرکل میراث فرهنگی هرمزگان گفت: از ۶۸۰ پایگاه ستاد اسکان نوروزی در سراسر کشور، "
            "۱۷ پایگاه در این استان فعالیت دارند.",
            {680: "National", 17: "Hormozgan"},
        ),
        # A rank «کشوری» places the province among others; the figure is the province's.
        (
            "مدیرکل آموزش و پرورش کرمانشاه گفت: استان رتبه سوم کشوری را کسب کرد و ۱۲ هزار دانش‌آموز "
            "در اردوها شرکت کردند.",
            {12000: "Kermanshah"},
        ),
    ],
)
def test_province_words_that_point_back_or_rank(text: str, expected: dict[float, str]) -> None:
    assert provinces(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # A bare «متر» beside pipes or roads is length, kept in km; beside land or floors, area.
        ("در ۱۳ روستای بخش مرکزی ۶۶ هزار و ۵۰۰ متر لوله‌گذاری گاز انجام شد.", 66.5, "km"),
        ("این مدرسه در زمینی به مساحت ۲ هزار و ۴۰۰ متر ساخته شد.", 2400, "m2"),
        ("طبقه دوم ساختمان ۷۵۰ متر زیربنا دارد.", 750, "m2"),
        ("هلال احمر ۳۰ هزار و ۳۳۰ متر موکت به مناطق زلزله‌زده فرستاد.", 30330, "m2"),
        # A percent written as an adjective is still a percent.
        ("قیمت خرید تضمینی گندم با افزایش ۱۵ درصدی همراه بود.", 15, "percent"),
        # Litres have no unit in the table: the number is kept under `other`.
        ("روزانه ۲۰ لیتر مواد ضدعفونی میان مساجد توزیع شد.", 20, "other"),
        # «مورد» with no noun after it counts cases of what the sentence is about.
        ("تعداد ایستگاه‌های آتش‌نشانی شهر با این طرح به ۷ مورد رسید.", 7, "count"),
    ],
)
def test_measures_written_loosely(text: str, value: float, unit: str) -> None:
    assert (value, unit) in {(r["value"], r["unit"]) for r in claims(text)}


def test_a_metre_with_no_length_or_area_word_is_not_a_claim() -> None:
    assert values("ارتفاع این نردبان ۵۲ متر است.") == []


@pytest.mark.parametrize(
    ("text", "metric", "program"),
    [
        # «واحد» of firms or branches is not a dwelling.
        ("در این شهرستان ۴۴۱ واحد صنعتی از گاز برخوردارند.", "other", "general"),
        ("دانشجویان ۱۶ واحد دانشگاه آزاد استان در این مسابقات شرکت کردند.", "other", "general"),
        ("امسال ۳۰۰ واحد در روستاهای استان برای مددجویان ساخته شد.", "housing_units", "housing"),
        # «فقره» counts the noun after it: loans, or case files.
        ("۳۹ فقره پرونده به نفع اداره منابع طبیعی رای گرفت.", "other", "general"),
        ("امسال ۱۲۰ فقره وام قرض‌الحسنه به مددجویان پرداخت شد.", "loans", None),
        # Housing prices are not the programme of housing for the deprived.
        ("قیمت مسکن در شهرهای بزرگ ۷۰۰ درصد رشد کرده است.", "percent", "general"),
    ],
)
def test_counted_noun_and_its_programme(text: str, metric: str, program: str | None) -> None:
    row = only(text)
    assert row["metric"] == metric
    if program is not None:
        assert row["program"] == program


def test_a_number_in_the_name_of_a_work_is_not_a_claim() -> None:
    assert values("نمایش «سفید برفی و هفت کوتوله» از امشب در تالار شهر اجرا می‌شود.") == []
    assert values("فیلم «۲۰ روز در جبهه» برای ۳ هزار تماشاگر به نمایش درآمد.") == [3000]


@pytest.mark.parametrize(
    "head",
    [
        "Logo\nحالت تاریک\n",
        "کد خبر: ۴۸۵۹۰۴\nصفحه اصلی\n",
        "https://www.example.ir/news/4859\nاخبار استان‌ها\n",
        "تاریخ انتشار: ۰۷ مهر ۱۴۰۲ - ۱۴:۱۰\n",
    ],
)
def test_the_headline_is_never_page_furniture(head: str) -> None:
    text = head + "افتتاح ۲۰ طرح عمرانی در اردبیل\n\nبه گزارش ایرنا، امروز ۲۰ طرح عمرانی در استان اردبیل افتتاح شد."
    assert only(text)["title"] == "افتتاح ۲۰ طرح عمرانی در اردبیل"


def test_one_with_a_classifier_is_a_count_but_one_alone_is_an_article() -> None:
    assert values("یک فروند بالگرد اورژانس هوایی برای امدادرسانی به استان اعزام شد.") == [1]
    assert values("یک شرکت خصوصی این طرح را اجرا کرد.") == []
    assert values("این موضوع در یک مورد بحث و بررسی قرار گرفت.") == []


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        # «آموزش و پرورش» is the ministry, not training; «اهدای عضو» gives an organ, not a member.
        ("در ایام نوروز ۶ هزار نفر در مدارس و اماکن آموزش و پرورش اسکان داده شدند.", "other"),
        ("امسال ۱۳ مورد اهدای عضو در استان انجام شده است.", "other"),
        ("امسال ۴۰۰ نفر در دوره‌های مهارتی آموزش دیدند.", "trainees"),
        # Food shops are units, but not dwellings.
        ("حدود ۸۰۰ هزار واحد اغذیه فروشی در کشور بازرسی شدند.", "other"),
    ],
)
def test_role_words_inside_names_do_not_decide_the_metric(text: str, metric: str) -> None:
    assert only(text)["metric"] == metric


@pytest.mark.parametrize(
    "text",
    [
        "شاخص کل بورس در پایان معاملات امروز با کاهش به یک میلیون و ۵۶۰ هزار واحد رسید.",
        "این بازیکن در ۴۲ بازی ۱۷ گل زد.",
        "جوانان پرچم سه رنگ را در دست داشتند و همه دو دل بودند.",
    ],
)
def test_index_points_goals_and_compound_adjectives_are_not_claims(text: str) -> None:
    rows = claims(text)
    assert all(r["metric"] != "housing_units" for r in rows)
    assert 17 not in [r["value"] for r in rows] and 3 not in [r["value"] for r in rows]
    assert 2 not in [r["value"] for r in rows]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("طول خط انتقال این طرح بیش از یک کیلومتر است.", 1, "km"),
        ("در این سنجش ۴۶۳نفر مشکوک به اختلال بینایی شناسایی شدند.", 463, "count"),
    ],
)
def test_one_with_a_unit_and_glued_counters_are_figures(text: str, value: float, unit: str) -> None:
    assert (value, unit) in {(r["value"], r["unit"]) for r in claims(text)}


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("کمیته امداد از شناسایی ۷ هزار یتیم در استان خبر داد.", "beneficiaries"),
        ("۷۰ هزار مستمری‌بگیر زیر پوشش این نهاد هستند.", "beneficiaries"),
        ("صندوق‌های توسعه کشاورزی استان ۳ هزار و ۸۳۶ سهامدار دارند.", "members"),
        ("از ابتدای سال ۲۳ باند قاچاق منهدم شد.", "groups"),
    ],
)
def test_people_served_and_gangs_have_their_metric(text: str, metric: str) -> None:
    assert only(text)["metric"] == metric


@pytest.mark.parametrize(
    "text",
    [
        "این موضوع را در سال89 پیگیری کردیم.",  # a year glued to «سال»
        "سوره مبارکه مائده آیات 77 الی 82 تلاوت شد.",  # a range with «الی»
        "ضخامت این دستگاه ۲۰ میلیمتر است.",  # a size, not a claim
        "لوله‌های ۱۱۰ میلیمتری در این طرح به کار رفت.",  # each pipe's size
        "این مبلغ به ردیف درآمدی 210213 واریز می‌شود.",  # a budget line's code
    ],
)
def test_glued_years_ranges_with_ela_and_sizes_are_not_claims(text: str) -> None:
    assert values(text) == []


def test_a_word_glued_to_digits_is_its_own_token() -> None:
    from dashboard.text.keyed_text import tokenize

    assert [t.text for t in tokenize("در سال89 و ۴۶۳نفر")] == ["در", "سال", "89", "و", "۴۶۳", "نفر"]


def test_things_no_metric_knows_take_no_programme_from_the_headline() -> None:
    text = (
        "ساخت هزار واحد مسکن محرومان در گچساران\n\nفرماندار گچساران گفت: هزار واحد مسکونی برای محرومان ساخته می‌شود. "
        "وی افزود: در زلزله اخیر ۱۶ نفر مصدوم به مراکز درمانی مراجعه کردند."
    )
    programs = {r["value"]: r["program"] for r in claims(text)}
    assert programs[1000] == "housing" and programs[16] == "general"


def test_the_place_after_the_outlets_from_names_the_province_even_when_it_is_also_a_word() -> None:
    # «بشرویه» counts as a county only after a place cue; «به گزارش ... از X» is one, like a dateline.
    text = (
        "افتتاح مجتمع فرهنگی\n\nبه گزارش خبرگزاری فارس از بشرویه، در این آیین یک مجتمع با ۸۵۰ میلیون تومان "
        "هزینه افتتاح شد."
    )
    assert provinces(text) == {8.5e9: "South Khorasan"}
