"""Month names of the three calendars news writes dates in (``data/jalali_months.yaml``), read once.

The one reader of the file: the date reader, the interface labels and the extractor's cue lists
(«۷ آذر» is a day of a month, not seven of something) all take the names from here.

>>> load_months().months[9][0]
'آذر'
>>> "آذرماه" in month_words()
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dashboard.lang.data_schemas import JalaliMonthsFile
from dashboard.lang.datafiles import DataFileError, load_data_file
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.persian import match_key

MONTHS_FILE = DATA_DIR / "jalali_months.yaml"


@cache
def load_months(path: Path = MONTHS_FILE) -> JalaliMonthsFile:
    """The month file as its schema; a file that does not fit raises :class:`DataFileError` naming it."""
    return load_data_file(path, JalaliMonthsFile, DataFileError)


def jalali_month_words(path: Path = MONTHS_FILE) -> frozenset[str]:
    """Match keys of every spelling of the twelve Jalali months: «فروردین», «فروردبن», «امرداد» ...

    >>> sorted(k for k in jalali_month_words() if k.startswith("ا"))
    ['ابان', 'اذر', 'اردبهشت', 'اردیبهشت', 'اسفند', 'امرداد']
    """
    return frozenset(match_key(s) for spellings in load_months(path).months.values() for s in spellings)


def month_words(path: Path = MONTHS_FILE) -> frozenset[str]:
    """Match keys of every month name of a date: Jalali spellings alone and with the month suffix
    («آذر», «آذرماه», «آذر‌ماه»), Gregorian ones as news spells them («ژانویه», «جولای») and the lunar months.

    >>> {"دیماه", "ژوئیه", "رمضان"} <= month_words()
    True
    """
    table = load_months(path)
    suffix = match_key(table.month_suffix)
    jalali = jalali_month_words(path)
    gregorian = {match_key(s) for spellings in table.gregorian_months.values() for s in spellings}
    lunar = {match_key(s) for s in table.lunar_months}
    return frozenset(jalali | {key + suffix for key in jalali} | gregorian | lunar)
