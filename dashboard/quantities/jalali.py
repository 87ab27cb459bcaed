"""Jalali (and Gregorian) dates as Persian news writes them, turned into ISO Gregorian dates.

Dates are found on a folded copy of the text (Arabic ي/ك and Persian/Arabic digits folded one
character for one), so every offset found points into the original text as well.

>>> parse_date("۴ آذر ۱۴۰۲")
('2023-11-25', '۴ آذر ۱۴۰۲')
>>> parse_date("۱۳۹۷/۰۵/۲۰")
('2018-08-11', '۱۳۹۷/۰۵/۲۰')
>>> find_publication_date("تاریخ انتشار: ۰۴ آذر ۱۴۰۲ - ۱۴:۱۰\\n\\nتیتر خبر").iso
'2023-11-25'

Month names, weekdays and the labels of a date line live in ``data/jalali_months.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jdatetime

from dashboard.lang.months import MONTHS_FILE, load_months
from dashboard.lang.persian import ZWNJ, fold_chars, to_ascii_digits

JALALI_YEARS = range(1200, 1500)
GREGORIAN_YEARS = range(1901, 2200)
TAIL_CHARS = 400  # a labelled date line this close to the end also counts (some sites print it last)
MAX_DATE_LINE = 120  # longer lines are prose, never a date line

_ARABIC_SCRIPT = "\u0600-\u06ff"
_LETTER = f"[{_ARABIC_SCRIPT}]"
_GAP = rf"[\s{ZWNJ}]*"  # what may separate the parts of one word or phrase


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: its ISO Gregorian form, the text as written, and where it stands.

    >>> FoundDate("2023-11-25", "۴ آذر ۱۴۰۲", 0, 10).jalali
    '۴ آذر ۱۴۰۲'
    """

    iso: str
    jalali: str
    start: int
    end: int


def _fold(text: str) -> str:
    """Fold letters and digits one for one: ``"٤ آذر ١٤٠٢"`` gives ``"4 آذر 1402"``."""
    return to_ascii_digits(fold_chars(text))


def _phrase(words: list[str]) -> str:
    """A regex alternation of words, longest first, where spaces and ZWNJ inside a word are optional."""
    parts = []
    for word in sorted({_fold(w).strip() for w in words if w and w.strip()}, key=len, reverse=True):
        pieces = [re.escape(p) for p in re.split(rf"[\s{ZWNJ}]+", word) if p]
        parts.append(_GAP.join(pieces))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class _Patterns:
    month_of: dict[str, tuple[str, int]]  # spelling key to (calendar, month number)
    dates: tuple[re.Pattern[str], ...]  # day-month-year with names, English month-day-year, numeric y/m/d, d/m/y
    label_before: re.Pattern[str]
    line_noise: re.Pattern[str]
    not_publication: re.Pattern[str]


def load_month_table(path: Path = MONTHS_FILE) -> dict[str, Any]:
    """The data file as a dict (months, month_suffix, weekdays, labels); raises a ValueError naming the file
    and the problem when it does not fit :class:`~dashboard.lang.data_schemas.JalaliMonthsFile`."""
    return load_months(path).model_dump()


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load_month_table()
    month_of: dict[str, tuple[str, int]] = {}
    for calendar, table in (("gregorian", data["gregorian_months"]), ("jalali", data["months"])):
        for number, spellings in table.items():
            for spelling in spellings:
                month_of[_month_key(spelling)] = (calendar, int(number))
    all_months = [s for key in ("months", "gregorian_months") for names in data[key].values() for s in names]
    months = _phrase(all_months)
    english = _phrase([s for spellings in data["gregorian_months"].values() for s in spellings if s.isascii()])
    suffix = _phrase([data.get("month_suffix") or "ماه"])
    weekday = _phrase(data["weekdays"])
    lead = rf"(?:(?<!{_LETTER}){weekday}[\s,،]*)?"
    named = re.compile(
        rf"{lead}(?<![\d/.\-])(?P<d>\d{{1,2}})(?:{_GAP}(?:ام|م))?{_GAP}(?P<mon>{months})(?:{_GAP}{suffix})?"
        rf"(?![{_ARABIC_SCRIPT}A-Za-z])\.?[\s,،]*(?:سال\s*)?(?P<y>\d{{4}})(?![\d])",
        re.IGNORECASE,
    )
    mdy = re.compile(
        rf"(?<![A-Za-z])(?P<mon>{english})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    )
    ymd = re.compile(
        rf"{lead}(?<![\d/.\-])(?P<y>\d{{4}})\s*(?P<sep>[/\-.])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<d>\d{{1,2}})"
        r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?(?![\d/])"
    )
    dmy = re.compile(
        rf"{lead}(?<![\d/.\-])(?P<d>\d{{1,2}})(?P<sep>[/\-.])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?![\d/])"
    )
    labels = _phrase(data["publication_labels"])
    label_before = re.compile(rf"(?:^|[\s|،,\-])(?:{labels})\s*[:：]?\s*$")
    noise_words = _phrase(
        data["publication_labels"] + data["line_words"] + data["weekdays"] + data["lunar_months"] + all_months
    )
    words = rf"(?<!{_LETTER})(?i:{noise_words})(?!{_LETTER})"
    line_noise = re.compile(rf"{words}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?|\d+|[\s|:：\-–—،,/.()\[\]•·*٬٫؛;]+")
    not_publication = re.compile(rf"^\s*{_phrase(data['not_publication_labels'])}")
    return _Patterns(month_of, (named, mdy, ymd, dmy), label_before, line_noise, not_publication)


def _month_key(spelling: str) -> str:
    return re.sub(rf"[\s{ZWNJ}]+", "", _fold(spelling)).lower()


def _to_iso(year: int, month: int, day: int, calendar: str | None = None) -> str | None:
    """ISO Gregorian for a Jalali (years 1200-1499) or Gregorian (1901-2199) date, None when invalid.

    ``calendar`` ("jalali" or "gregorian") is set when a month name has said which one it is.
    """
    try:
        if year in JALALI_YEARS and calendar in (None, "jalali"):
            return jdatetime.date(year, month, day).togregorian().isoformat()
        if year in GREGORIAN_YEARS and calendar in (None, "gregorian"):
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    return None


def _iso_of(match: re.Match[str], pats: _Patterns) -> str | None:
    groups = match.groupdict()
    calendar = None
    if groups.get("mon"):
        named = pats.month_of.get(_month_key(groups["mon"]))
        if named is None:
            return None
        calendar, month = named
    else:
        month = int(groups["m"])
    return _to_iso(int(groups["y"]), month, int(groups["d"]), calendar)


def find_dates(text: str) -> list[FoundDate]:
    """Every valid date in ``text``, in order, without overlaps.

    >>> [d.iso for d in find_dates("از ۱۴۰۲/۰۹/۰۳ تا ۵ دی ۱۴۰۲ و 2024-01-30")]
    ['2023-11-24', '2023-12-26', '2024-01-30']
    >>> find_dates("۱۴۰۲/۱۲/۳۰")  # 1402 is not a leap year
    []
    """
    pats = _patterns()
    folded = _fold(text)
    found: list[FoundDate] = []
    for pattern in pats.dates:
        for match in pattern.finditer(folded):
            iso = _iso_of(match, pats)
            if iso is None:
                continue
            start, end = match.span()
            if any(start < f.end and f.start < end for f in found):
                continue
            found.append(FoundDate(iso, text[start:end].strip(), start, end))
    return sorted(found, key=lambda f: f.start)


def parse_date(s: str) -> tuple[str, str] | None:
    """One date string to ``(ISO Gregorian, the date as written)``; None when it holds no valid date.

    Weekday, labels and a time of day around the date are allowed and left out of the text returned.

    >>> parse_date("شنبه ۴ آذر ۱۴۰۲ - ۱۴:۱۰")
    ('2023-11-25', 'شنبه ۴ آذر ۱۴۰۲')
    >>> parse_date("2024-11-21T08:30:00+03:30")
    ('2024-11-21', '2024-11-21T08:30:00+03:30')
    >>> parse_date("۱۴۰۲/۰۷/۳۱") is None  # the seventh month has 30 days
    True
    """
    if not s or not s.strip():
        return None
    dates = find_dates(s)
    return (dates[0].iso, dates[0].jalali) if dates else None


def _line_date(line: str, offset: int = 0) -> FoundDate | None:
    """The date of a date line: a line holding a date and only labels, weekday, time, codes and punctuation."""
    pats = _patterns()
    folded = _fold(line)
    if pats.not_publication.match(folded):
        return None
    for found in find_dates(line):
        shifted = FoundDate(found.iso, found.jalali, found.start + offset, found.end + offset)
        before = folded[: found.start]
        if pats.label_before.search(before) and not pats.line_noise.sub("", before):
            return shifted  # "تاریخ انتشار: <date> ..." whatever follows
        rest = folded[: found.start] + " " + folded[found.end :]
        if not pats.line_noise.sub("", rest):
            return shifted
        # «قم نیوز , ۴ تیر ۱۴۰۱ ساعت ۱۱:۰۹»: a site's name and a separator before the date.
        if SITE_PREFIX.fullmatch(before) and not pats.line_noise.sub("", folded[found.end :]):
            return shifted
    return None


def date_line(line: str) -> FoundDate | None:
    """The date when ``line`` is a date line, such as an article's dateline; else None.

    >>> date_line("کد خبر: ۵۶۱۸۲۳۴ | ۲۴ مهر ۱۴۰۱، ۱۰:۲۰").iso
    '2022-10-16'
    >>> date_line("در سال ۱۴۰۱ و تا ۲۴ مهر ۱۴۰۱ ساخته شد") is None
    True
    """
    return _line_date(line)


def _has_label(line: str, found: FoundDate, offset: int) -> bool:
    """Whether a publication label stands right before the date found on ``line``."""
    return bool(_patterns().label_before.search(_fold(line)[: found.start - offset]))


def find_publication_date(text: str, head_chars: int = 600) -> FoundDate | None:
    """The article's publication date from its date line; offsets point into ``text``.

    Date lines in the first ``head_chars`` characters count; near the end of the text only a
    labelled one does ("تاریخ انتشار: ..."). A date inside a sentence never counts.

    >>> find_publication_date("تیتر خبر\\n\\nشنبه ۷ آذر ۱۴۰۲\\n\\nمتن خبر").iso
    '2023-11-28'
    >>> find_publication_date("تیتر\\n\\nاین طرح در سال ۱۴۰۱ و از ۴ آذر ۱۴۰۲ آغاز شد.") is None
    True
    """
    if not text:
        return None
    for start, line in _lines_in(text, 0, head_chars):
        found = _line_date(line, start)
        if found:
            return found
    for start, line in _lines_in(text, max(len(text) - TAIL_CHARS, head_chars), len(text)):
        found = _line_date(line, start)
        if found and _has_label(line, found, start):
            return found
    return None


_DIGIT = re.compile(r"\d")
SITE_PREFIX = re.compile(r"\s*[^\W\d_][^\d\n,،|:]{0,24}\s*[,،|]\s*")  # «قم نیوز ,», «ایسنا |»


def _lines_in(text: str, begin: int, end: int) -> Iterator[tuple[int, str]]:
    """Short non-blank lines that start in ``text[begin:end]``, with their offsets (a date line is short)."""
    if begin >= len(text):
        return
    if begin > 0 and text[begin - 1] != "\n":  # start at the next line
        newline = text.find("\n", begin)
        if newline < 0:
            return
        begin = newline + 1
    start = begin
    while start < min(end, len(text)):
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        line = text[start:stop]
        if len(line) <= MAX_DATE_LINE and _DIGIT.search(line):
            yield start, line
        start = stop + 1


def publication_date(published: str | None, text: str) -> tuple[str, str] | None:
    """An article's publication date: the record's own date when it has one, else its date line.

    Returns ``(ISO Gregorian, the date as written)``.

    >>> publication_date("۱۳۹۷/۰۵/۲۰", "تیتر")
    ('2018-08-11', '۱۳۹۷/۰۵/۲۰')
    >>> publication_date(None, "۳ آذر ۱۴۰۲\\n\\nتیتر")
    ('2023-11-24', '۳ آذر ۱۴۰۲')
    """
    given = parse_date(published) if published else None
    if given:
        return given
    found = find_publication_date(text)
    return (found.iso, found.jalali) if found else None
