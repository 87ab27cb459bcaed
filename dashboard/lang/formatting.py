"""Numbers, money and dates as a Persian (or English) reader expects them.

Money is stored in rials and shown in toman with scale words; dates are stored as ISO
Gregorian and shown in the Jalali calendar.

>>> format_toman(65_000_000_000_000, "fa")
'۶٫۵ هزار میلیارد تومان'
>>> format_toman(290_000_000_000, "fa")
'۲۹ میلیارد تومان'
>>> jalali_date("2024-11-22", "fa")
'۱۴۰۳/۰۹/۰۲'
"""

from __future__ import annotations

import datetime as dt
import math
import re

import jdatetime
import pandas as pd

from dashboard.lang.i18n import month_names, norm_lang, t, unit_label
from dashboard.lang.persian import PERSIAN_DIGITS

RIALS_PER_TOMAN = 10
_TO_PERSIAN = str.maketrans({**{str(i): d for i, d in enumerate(PERSIAN_DIGITS)}, ",": "٬", ".": "٫", "%": "٪"})
# (threshold, label key), largest first.
_SCALES = ((1e12, "scale_trillion"), (1e9, "scale_billion"), (1e6, "scale_million"))
# Power and energy prefixes: (factor, unit label key suffix).
_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"))


def to_persian_digits(text: str) -> str:
    """ASCII digits, ``,`` ``.`` and ``%`` to their Persian forms.

    >>> to_persian_digits("1,234.5 (12%)")
    '۱٬۲۳۴٫۵ (۱۲٪)'
    """
    return text.translate(_TO_PERSIAN)


def localize(text: str, lang: str) -> str:
    """Persian digits in Persian mode, the text unchanged in English."""
    return to_persian_digits(text) if norm_lang(lang) == "fa" else text


RLM, LRI, PDI = "\u200f", "\u2066", "\u2069"


def rtl(text: str, lang: str) -> str:
    """Persian text set right to left inside a left-to-right place (chart titles, ticks, tooltips).

    SVG text in charts is laid out left to right, so «۵۰ هزار میلیارد» would show as «هزار میلیارد ۵۰»
    and a leading guillemet would jump to the far end; a right-to-left mark at both ends keeps them.

    >>> rtl("۵۰ هزار", "fa") == "\u200f۵۰ هزار\u200f"
    True
    >>> rtl("50 billion", "en")
    '50 billion'
    """
    return f"{RLM}{text}{RLM}" if norm_lang(lang) == "fa" and text else text


def ltr(text: str) -> str:
    """Left-to-right text (an ISO date, a file name) isolated inside Persian text, so it does not flip.

    >>> ltr("2024-11-20") == "\u20662024-11-20\u2069"
    True
    """
    return f"{LRI}{text}{PDI}" if text else text


ISO_DATE_RE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def isolate_iso_dates(text: str, lang: str) -> str:
    """In Persian text, every ISO date isolated left to right, so «(2023-11-25)» does not read «(25-11-2023».

    >>> isolate_iso_dates("خبر ۲۵ آبان (2023-11-16)", "fa") == "خبر ۲۵ آبان (" + ltr("2023-11-16") + ")"
    True
    >>> isolate_iso_dates("news of 2023-11-16", "en")
    'news of 2023-11-16'
    """
    if norm_lang(lang) != "fa":
        return text
    return ISO_DATE_RE.sub(lambda m: ltr(m.group()), text)


def _plain(x: float, decimals: int) -> str:
    """``x`` grouped by thousands with at most ``decimals`` decimals, trailing zeros dropped."""
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_number(x: float | int | None, lang: str = "fa", decimals: int = 2) -> str:
    """A number grouped by thousands: ``format_number(123182, "fa")`` gives «۱۲۳٬۱۸۲»; None or NaN gives ''.

    >>> format_number(2.5, "fa")
    '۲٫۵'
    >>> format_number(1234567, "en")
    '1,234,567'
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return localize(_plain(float(x), decimals), lang)


def scaled(x: float) -> tuple[float, str | None]:
    """Split a large number into a mantissa and a scale label key: 6.5e12 gives ``(6.5, "scale_trillion")``."""
    for threshold, key in _SCALES:
        if abs(x) >= threshold:
            return x / threshold, key
    return x, None


def format_scaled(x: float, lang: str = "fa") -> str:
    """A number with a scale word: ``format_scaled(2.9e10, "fa")`` gives «۲۹ میلیارد».

    >>> format_scaled(1_370_000, "fa")
    '۱٫۳۷ میلیون'
    >>> format_scaled(950, "en")
    '950'
    """
    mantissa, key = scaled(float(x))
    number = format_number(mantissa, lang, decimals=2)
    return f"{number} {t(key, lang)}" if key else number


def format_toman(rials: float | None, lang: str = "fa") -> str:
    """An amount in rials shown in toman with Persian scale words.

    >>> format_toman(10_000_000_000_000, "en")
    '1 trillion toman'
    >>> format_toman(5_000_000, "fa")
    '۵۰۰ هزار تومان'
    """
    if rials is None or (isinstance(rials, float) and math.isnan(rials)):
        return ""
    toman = float(rials) / RIALS_PER_TOMAN
    if 1e3 <= abs(toman) < 1e6 and toman % 1e3 == 0:
        return f"{format_number(toman / 1e3, lang)} {t('scale_thousand', lang)} {t('toman', lang)}"
    return f"{format_scaled(toman, lang)} {t('toman', lang)}"


def _prefixed(x: float, unit: str, lang: str) -> str:
    for factor, prefix in _PREFIXES:
        if abs(x) >= factor:
            return f"{format_number(x / factor, lang)} {unit_label(prefix + unit, lang)}"
    return f"{format_number(x, lang)} {unit_label(unit, lang)}"


def format_value(value: float | None, unit: str, lang: str = "fa") -> str:
    """A claim's value in its unit, readable: money in toman, power in kW/MW, percent with ٪.

    >>> format_value(5_000_000, "W", "fa")
    '۵ مگاوات'
    >>> format_value(12.5, "percent", "fa")
    '۱۲٫۵٪'
    >>> format_value(582, "count", "fa")
    '۵۸۲'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    x = float(value)
    match unit:
        case "IRR":
            return format_toman(x, lang)
        case "W" | "Wh":
            return _prefixed(x, unit, lang)
        case "percent":
            return localize(_plain(x, 2) + "%", lang)
        case "count":
            return format_scaled(x, lang) if abs(x) >= 1e9 else format_number(x, lang)
        case _:
            return f"{format_number(x, lang)} {unit_label(unit, lang)}"


def value_in_display_unit(value: float, unit: str) -> float:
    """The number a chart axis shows: money in toman, everything else as stored."""
    return value / RIALS_PER_TOMAN if unit == "IRR" else value


# ---- Jalali dates ----


def parse_iso(iso: object) -> dt.date | None:
    """``"2024-11-22"`` → a date; empty, missing or malformed gives None."""
    if iso is None or (isinstance(iso, float) and math.isnan(iso)):
        return None
    if isinstance(iso, dt.datetime):
        return iso.date()
    if isinstance(iso, dt.date):
        return iso
    try:
        return dt.date.fromisoformat(str(iso).strip()[:10])
    except ValueError:
        return None


def to_jalali(iso: object) -> jdatetime.date | None:
    """An ISO Gregorian date as a Jalali date, or None."""
    day = parse_iso(iso)
    return jdatetime.date.fromgregorian(date=day) if day else None


def jalali_date(iso: object, lang: str = "fa") -> str:
    """``"2024-11-22"`` → «۱۴۰۳/۰۹/۰۲» (``1403/09/02`` in English); '' when there is no date.

    >>> jalali_date("2021-03-21", "en")
    '1400/01/01'
    >>> jalali_date("", "fa")
    ''
    """
    jd = to_jalali(iso)
    return localize(f"{jd.year:04d}/{jd.month:02d}/{jd.day:02d}", lang) if jd else ""


def jalali_month_label(year: int, month: int, lang: str = "fa") -> str:
    """``(1403, 9)`` → «آذر ۱۴۰۳» or ``Azar 1403``.

    >>> jalali_month_label(1402, 12, "fa")
    'اسفند ۱۴۰۲'
    """
    return f"{month_names(lang)[month - 1]} {localize(str(year), lang)}"


def jalali_long(iso: object, lang: str = "fa") -> str:
    """``"2024-11-22"`` → «۲ آذر ۱۴۰۳»; '' when there is no date."""
    jd = to_jalali(iso)
    if not jd:
        return ""
    return f"{localize(str(jd.day), lang)} {jalali_month_label(jd.year, jd.month, lang)}"


def jalali_span(first: object, last: object, lang: str = "fa") -> str:
    """A date range in Jalali: «۱۴۰۱/۰۶/۰۷ – ۱۴۰۳/۰۹/۰۲»; one date when both are equal; '' with none."""
    a, b = jalali_date(first, lang), jalali_date(last, lang)
    if not a and not b:
        return ""
    if a == b or not b:
        return a
    if not a:
        return b
    return f"{a} – {b}"


def display_date(iso: object, lang: str = "fa") -> str:
    """A date as the reader's calendar writes it: Jalali in Persian, ISO Gregorian in English.

    >>> display_date("2024-11-22", "fa"), display_date("2024-11-22", "en"), display_date("", "en")
    ('۱۴۰۳/۰۹/۰۲', '2024-11-22', '')
    """
    if norm_lang(lang) == "fa":
        return jalali_date(iso, lang)
    day = parse_iso(iso)
    return day.isoformat() if day else ""


def date_span(first: object, last: object, lang: str = "fa") -> str:
    """A date range in the reader's calendar (see :func:`display_date`); one date when both are equal.

    >>> date_span("2018-08-11", "2025-11-16", "en")
    '2018-08-11 – 2025-11-16'
    """
    if norm_lang(lang) == "fa":
        return jalali_span(first, last, lang)
    a, b = display_date(first, lang), display_date(last, lang)
    if a == b or not b or not a:
        return a or b
    return f"{a} – {b}"


def jalali_columns(published: pd.Series) -> pd.DataFrame:
    """Jalali year, month key (``"1403-09"``) and date text for a column of ISO dates.

    Converts each distinct date once, so 100,000 rows with a few thousand dates stay fast.
    Rows without a date get missing values.
    """
    published = published.fillna("").astype(str)
    uniques = pd.Series(published.unique())
    rows: list[tuple[str, object, object, str]] = []
    for iso in uniques:
        jd = to_jalali(iso)
        if jd:
            rows.append((iso, jd.year, f"{jd.year:04d}-{jd.month:02d}", f"{jd.year:04d}/{jd.month:02d}/{jd.day:02d}"))
        else:
            rows.append((iso, pd.NA, pd.NA, ""))
    table = pd.DataFrame(rows, columns=["published", "jyear", "jmonth", "jdate"]).set_index("published")
    out = table.reindex(published.to_numpy())
    out.index = published.index
    out["jyear"] = out["jyear"].astype("Int64")
    return out


def period_label(key: str, lang: str = "fa") -> str:
    """A chart period key as text: ``"1403-09"`` → «آذر ۱۴۰۳», ``"1403"`` → «۱۴۰۳»."""
    if "-" in key:
        year, month = key.split("-", 1)
        return jalali_month_label(int(year), int(month), lang)
    return localize(key, lang)
