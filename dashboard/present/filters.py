"""The filter bar's pure pieces: option texts with counts, typed and shown dates, the Jalali month grid.

What a filter keeps is decided in the database (:mod:`dashboard.store.claim_filter`, which also
defines :class:`FilterState`; the free text's pattern is :func:`dashboard.text.search.query_pattern`).

>>> typed_date("۱۴۰۲/۰۹/۰۱")
datetime.date(2023, 11, 22)
"""

from __future__ import annotations

import datetime as dt
import re

import jdatetime

from dashboard.lang.formatting import localize
from dashboard.lang.i18n import value_label
from dashboard.lang.persian import to_ascii_digits
from dashboard.store.claim_filter import LABELLED_COLUMNS, LIST_FILTERS, SEARCH_COLUMNS, FilterState
from dashboard.text.search import query_pattern

__all__ = ["LABELLED_COLUMNS", "LIST_FILTERS", "SEARCH_COLUMNS", "FilterState", "query_pattern"]

DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)


def option_text(column: str, key: str, count: int | None, lang: str) -> str:
    """An option as the user sees it: «تهران (۱۲)»."""
    label = value_label(column, key, lang)
    return label if count is None else f"{label} ({localize(str(count), lang)})"


def _in_date_range(value: object) -> dt.date | None:
    """A remembered date the pickers accept, else None."""
    return value if isinstance(value, dt.date) and DATE_MIN <= value <= DATE_MAX else None


def typed_date(text: str) -> dt.date | None:
    """A date as a user types it: Jalali («۱۴۰۲/۰۹/۰۱», «1402-9-1») or Gregorian («2023-11-22»).

    Digits in any script; ``/``, ``-``, ``.`` or spaces between year, month and day. A year below
    1700 is Jalali. None when the text holds no valid date.

    >>> typed_date("۱۴۰۲/۰۹/۰۱"), typed_date("2023-11-22")
    (datetime.date(2023, 11, 22), datetime.date(2023, 11, 22))
    >>> typed_date("۱۴۰۲/۰۷/۳۱") is None  # the seventh Jalali month has 30 days
    True
    """
    parts = re.split(r"[/\-.\s]+", to_ascii_digits((text or "").strip()))
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    year, month, day = (int(p) for p in parts)
    try:
        if year < 1700:
            return jdatetime.date(year, month, day).togregorian()
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_text(day: dt.date | None, lang: str) -> str:
    """A date as the date box shows it: Jalali with Persian digits in Persian, ISO in English.

    >>> date_text(dt.date(2023, 11, 22), "fa"), date_text(dt.date(2023, 11, 22), "en")
    ('۱۴۰۲/۰۹/۰۱', '2023-11-22')
    """
    if day is None:
        return ""
    if lang == "en":
        return day.isoformat()
    jd = jdatetime.date.fromgregorian(date=day)
    return localize(f"{jd.year:04d}/{jd.month:02d}/{jd.day:02d}", lang)


def month_grid(year: int, month: int) -> list[list[int | None]]:
    """The weeks of a Jalali month, Saturday (شنبه) first; None pads the first and last week.

    >>> month_grid(1405, 9)[0]  # آذر ۱۴۰۵ begins on a Sunday (یکشنبه)
    [None, 1, 2, 3, 4, 5, 6]
    >>> month_grid(1402, 12)[-1]
    [26, 27, 28, 29, None, None, None]
    """
    first = jdatetime.date(year, month, 1)
    days = jdatetime.j_days_in_month[month - 1] + (1 if month == 12 and first.isleap() else 0)
    cells: list[int | None] = [None] * first.weekday() + list(range(1, days + 1))
    cells += [None] * (-len(cells) % 7)
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]
