"""Filtering claims: pure functions on DataFrames, and the filter bar that drives them.

Every filter is vectorised (``isin``, string comparison of ISO dates, regular expressions
run by pyarrow), so a change on 100,000 claims costs well under a second.

>>> import pandas as pd
>>> df = pd.DataFrame({"province": ["Yazd", "Qom"], "metric": ["jobs", "funds"],
...     "published": ["2024-01-05", ""], "quote": ["۵۸۲ صندوق در یزد", "قم"]})
>>> apply_filters(df, FilterState(province=("Yazd",)))["metric"].tolist()
['jobs']
>>> apply_filters(df, FilterState(text="صندوق"))["province"].tolist()
['Yazd']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

import jdatetime
import numpy as np
import pandas as pd

from dashboard.lang.i18n import value_label
from dashboard.lang.persian import ARABIC_DIGITS, PERSIAN_DIGITS, match_key, to_ascii_digits
from dashboard.present.formatting import localize

LIST_FILTERS = ("province", "program", "metric", "status", "source", "speaker", "verdict")
SEARCH_COLUMNS = ("quote", "mention", "title", "speaker", "source", "metric_fa", "document")
# Columns of taxonomy keys whose English labels a search also finds («Qazvin», «Note 16»): the
# Persian names are already in the text searched.
LABELLED_COLUMNS = ("province", "program")
DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)


@dataclass(frozen=True)
class FilterState:
    """What the user chose; empty means «all».

    >>> FilterState(province=("Qazvin",), metric=("jobs",)).active()
    [('province', 'Qazvin'), ('metric', 'jobs')]
    """

    province: tuple[str, ...] = ()
    program: tuple[str, ...] = ()
    metric: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    verdict: tuple[str, ...] = ()
    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def active(self) -> list[tuple[str, str]]:
        """The filters in use as (name, value) pairs, lists joined with ``+``, in a fixed order."""
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple) and value:
                out.append((f.name, "+".join(value)))
            elif isinstance(value, dt.date):
                out.append((f.name, value.isoformat()))
            elif isinstance(value, str) and value.strip():
                out.append((f.name, value.strip()))
        return out

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return not self.active()


def text_matches(df: pd.DataFrame, text: str) -> np.ndarray:
    """For each row, whether ``text`` occurs in any searched column (quote, mention, title, speaker, outlet...).

    Columns with many repeats (titles, outlets, speakers) are searched once per distinct value,
    the rest row by row, all by vectorised regular expressions: about 0.1 s on 100,000 claims,
    with nothing to build beforehand.
    """
    pattern = query_pattern(text)
    hit = np.zeros(len(df), dtype=bool)
    if not pattern:
        return ~hit
    for column in SEARCH_COLUMNS:
        if column not in df:
            continue
        values = df[column].fillna("").astype(str)
        distinct = pd.Series(values.unique(), dtype=values.dtype)
        if len(distinct) * 2 < len(values):
            found = distinct[distinct.str.contains(pattern, regex=True, case=False, na=False)]
            hit |= values.isin(found).to_numpy(dtype=bool)
        else:
            hit |= values.str.contains(pattern, regex=True, case=False, na=False).to_numpy(dtype=bool)
    for column in LABELLED_COLUMNS:
        if column in df:
            keys = df[column].fillna("").astype(str)
            labelled = [k for k in keys.unique() if k and _label_matches(column, k, pattern)]
            hit |= keys.isin(labelled).to_numpy(dtype=bool)
    return hit


def _label_matches(column: str, key: str, pattern: str) -> bool:
    """Whether the English label of ``key`` matches a search pattern."""
    return bool(re.search(pattern, value_label(column, key, "en"), flags=re.IGNORECASE))


# Characters that may sit inside a word without changing it: ZWNJ and friends, spaces, diacritics, tatweel.
# Literal characters (no \\s or \\u escapes, which would push pandas off pyarrow's fast regex engine).
_SKIP = "[" + "\u200c\u200d\u200f \t\n\r\u00a0" + "\u064b-\u0652\u0654\u0670\u0640ء" + "]*"
# Spellings of one letter that news mixes freely: ي/ك, and the hamza forms («رئیس»، «رییس»؛ «مسؤول»، «مسئول»).
_VARIANTS = {"ی": "یيىئ", "ک": "کك", "ه": "هۀة", "ا": "اأإآ", "و": "وؤ"}
# A query letter stands for its whole class: «أ» is searched as «ا»; a hamza on any seat (or none,
# or the seat alone) as any hamza seat: «رئیس» finds «رییس», «مسئول» finds «مسؤول».
_QUERY_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
_HAMZA = "ئؤء"
_HAMZA_CLASS = "[ئؤءیيوى]?"
for _i in range(10):
    _VARIANTS[str(_i)] = str(_i) + PERSIAN_DIGITS[_i] + ARABIC_DIGITS[_i]


def query_pattern(text: str) -> str:
    """A regular expression for a search query that ignores ZWNJ, spaces, ي/ك and digit script.

    >>> import re
    >>> bool(re.search(query_pattern("قرض الحسنه"), "صندوق قرض‌الحسنه"))
    True
    >>> bool(re.search(query_pattern("12"), "۱۲ صندوق"))
    True
    >>> bool(re.search(query_pattern("۱۲"), "١٢ صندوق"))
    True
    >>> bool(re.search(query_pattern("رییس"), "رئیس سازمان")), bool(re.search(query_pattern("مسئول"), "مسؤول"))
    (True, True)
    """
    key = match_key(text).lower().translate(_QUERY_FOLD)
    pieces = []
    for ch in key:
        if ch in _HAMZA:
            pieces.append(_HAMZA_CLASS)
            continue
        variants = _VARIANTS.get(ch)
        pieces.append(f"[{''.join(re.escape(v) for v in variants)}]" if variants else re.escape(ch))
    return _SKIP.join(pieces)


def filter_masks(df: pd.DataFrame, state: FilterState) -> dict[str, pd.Series]:
    """One boolean mask per active filter (list filters by name, ``date``, ``text``); their AND keeps a row."""
    masks: dict[str, pd.Series] = {}
    for name in LIST_FILTERS:
        chosen = getattr(state, name)
        if chosen and name in df:
            masks[name] = df[name].isin(chosen)
    if state.date_from or state.date_to:
        dates = df["published"].fillna("").astype(str)
        mask = dates != ""
        if state.date_from:
            mask &= dates >= state.date_from.isoformat()
        if state.date_to:
            mask &= dates <= state.date_to.isoformat()
        masks["date"] = mask
    if state.text and query_pattern(state.text):
        masks["text"] = pd.Series(text_matches(df, state.text), index=df.index)
    return masks


def _all(masks: list[pd.Series], index: pd.Index) -> pd.Series:
    out = pd.Series(True, index=index)
    for mask in masks:
        out &= mask
    return out


def apply_filters(df: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The rows of ``df`` that match every chosen filter (undated rows drop out of a date range).

    The free text is searched only in the rows the other filters keep.
    """
    masks = filter_masks(df, state.__class__(**{**state.__dict__, "text": ""}))
    mask = _all(list(masks.values()), df.index)
    if state.text and query_pattern(state.text):
        if mask.all():
            mask = pd.Series(text_matches(df, state.text), index=df.index)
        else:
            kept = mask[mask].index
            mask.loc[kept] = text_matches(df.loc[kept], state.text)
    return df[mask]


def facet_counts(df: pd.DataFrame, state: FilterState) -> dict[str, dict[str, int]]:
    """For each list filter, each value with its number of claims under the *other* active filters.

    As in Datasette's facets: with ``metric=jobs`` chosen, a province shows its number of job claims,
    while the metric options still count every claim the other filters keep. Values the other
    filters rule out count 0; the order is that of :func:`option_counts` on all claims.

    >>> df = pd.DataFrame({"province": ["Yazd", "Yazd", "Qom"], "metric": ["jobs", "funds", "jobs"],
    ...     "published": [""] * 3})
    >>> facet_counts(df, FilterState(metric=("jobs",)))["province"]
    {'Yazd': 1, 'Qom': 1}
    >>> facet_counts(df, FilterState(metric=("jobs",)))["metric"]
    {'jobs': 2, 'funds': 1}
    """
    masks = filter_masks(df, state)
    out: dict[str, dict[str, int]] = {}
    for column in LIST_FILTERS:
        every = option_counts(df, column)
        others = [m for name, m in masks.items() if name != column]
        if not others or not every:
            out[column] = every
            continue
        kept = option_counts(df.loc[_all(others, df.index), [column]], column)
        out[column] = {key: kept.get(key, 0) for key in every}
    return out


def option_counts(df: pd.DataFrame, column: str) -> dict[str, int]:
    """Each value of ``column`` with its number of claims, most first (ties by key).

    >>> option_counts(pd.DataFrame({"province": ["Qom", "Yazd", "Yazd"]}), "province")
    {'Yazd': 2, 'Qom': 1}
    """
    if column not in df or df.empty:
        return {}
    counts = df[column].fillna("").astype(str).value_counts()
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    return {str(k): int(v) for k, v in counts.items()}


def option_text(column: str, key: str, count: int | None, lang: str) -> str:
    """An option as the user sees it: «تهران (۱۲)»."""
    label = value_label(column, key, lang)
    return label if count is None else f"{label} ({localize(str(count), lang)})"


def date_bounds(df: pd.DataFrame) -> tuple[dt.date | None, dt.date | None]:
    """The first and last publication date in ``df`` (None when no claim is dated)."""
    dates = df["published"].fillna("").astype(str) if "published" in df else pd.Series(dtype=str)
    dates = dates[dates != ""]
    if dates.empty:
        return None, None
    try:
        return dt.date.fromisoformat(dates.min()[:10]), dt.date.fromisoformat(dates.max()[:10])
    except ValueError:
        return None, None


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
