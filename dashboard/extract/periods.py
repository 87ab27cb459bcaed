"""Cumulative or one-period: read from the extractor's ``period`` and the words around a figure.

Cue words live in ``data/period_cues.yaml``. A period cue wins over a cumulative one in
the same clause, since «از ابتدای سال تاکنون» bounds the running total to this year.

>>> period_from_words("تاکنون ۴ هزار و ۸۰۰ نیروگاه نصب شده")
'cumulative'
>>> period_from_words("از هفته بسیج سال گذشته تاکنون ۳ هزار شغل ایجاد شده")
'period'
>>> period_from_words("۴۵ تعاونی راه‌اندازی شد")
''
"""

from __future__ import annotations

from dashboard.lang.check_config import load_check_config
from dashboard.text.phrases import Phrases, phrases

CUMULATIVE, PERIOD, UNKNOWN = "cumulative", "period", ""


def period_words(kind: str) -> Phrases:
    """The cues of ``data/period_cues.yaml`` that make a figure ``cumulative`` or one ``period``'s.

    >>> period_words("period").search("در بیست سال اخیر").text
    'بیست سال اخیر'
    """
    return phrases(load_check_config().period_list(kind))


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
