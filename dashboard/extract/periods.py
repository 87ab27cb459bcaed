"""Cumulative or one-period: a figure's running total («تاکنون») or one period's count («امسال»), read
from the words of its clause, by the extractor (:func:`period_of`) and the checks alike.

Cue words live in ``data/period_cues.yaml``. A period cue wins over a cumulative one in
the same clause, since «از ابتدای سال تاکنون» bounds the running total to this year.

>>> from dashboard.text.keyed_text import KeyedText
>>> period_of(KeyedText("تاکنون ۴ هزار نیروگاه نصب شده"), 1, 2)
'cumulative'

>>> period_from_words("تاکنون ۴ هزار و ۸۰۰ نیروگاه نصب شده")
'cumulative'
>>> period_from_words("از هفته بسیج سال گذشته تاکنون ۳ هزار شغل ایجاد شده")
'period'
>>> period_from_words("۴۵ تعاونی راه‌اندازی شد")
''
"""

from __future__ import annotations

from functools import cache

from dashboard.extract.clauses import figure_clause
from dashboard.lang.check_config import load_check_config
from dashboard.text.keyed_text import KeyedText
from dashboard.text.phrases import Phrases, phrases

CUMULATIVE, PERIOD, UNKNOWN = "cumulative", "period", ""


@cache
def period_words(kind: str) -> Phrases:
    """The cues of ``data/period_cues.yaml`` that make a figure ``cumulative`` or one ``period``'s.

    >>> period_words("period").search("در بیست سال اخیر").text
    'بیست سال اخیر'
    """
    return phrases(load_check_config().period_list(kind))


def period_of(kt: KeyedText, first: int, last: int) -> str:
    """``cumulative`` («تاکنون»، «در مجموع») or ``period`` («امسال»، «در یک سال») for the figure at tokens
    ``[first, last)``, or ``""``: read from its clause (:func:`~dashboard.extract.clauses.figure_clause`).
    """
    lo, hi = figure_clause(kt, first, last)
    if period_words(PERIOD).find(kt, lo, hi):
        return PERIOD
    if period_words(CUMULATIVE).find(kt, lo, hi):
        return CUMULATIVE
    return UNKNOWN


def period_from_words(clause: str) -> str:
    """``period`` when a period cue is in ``clause``, else ``cumulative`` for a cumulative cue, else ``''``."""
    if period_words(PERIOD).search(clause):
        return PERIOD
    if period_words(CUMULATIVE).search(clause):
        return CUMULATIVE
    return UNKNOWN


def effective_period(extractor_period: str, clause: str) -> str:
    """``period`` when the clause names one, else the extractor's label, else what the words say.

    >>> effective_period("cumulative", "از هفته بسیج پارسال تاکنون ۵ هزار شغل")
    'period'
    """
    words = period_from_words(clause)
    label = (extractor_period or "").strip()
    if words == PERIOD or label not in (CUMULATIVE, PERIOD):
        return words
    return label


def is_cumulative(extractor_period: str, clause: str) -> bool:
    """Whether the figure is a running total by :func:`effective_period` (for comparisons over time)."""
    return effective_period(extractor_period, clause) == CUMULATIVE
