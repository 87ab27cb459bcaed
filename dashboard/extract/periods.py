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
from dashboard.lang.persian import fold_text

CUMULATIVE, PERIOD, UNKNOWN = "cumulative", "period", ""


def period_from_words(clause: str) -> str:
    """``period`` when a period cue is in ``clause``, else ``cumulative`` for a cumulative cue, else ``''``."""
    config = load_check_config()
    folded = fold_text(clause)
    if config.period_words("period").search(folded):
        return PERIOD
    if config.period_words("cumulative").search(folded):
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
