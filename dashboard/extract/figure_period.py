"""Whether a figure is a running total («تاکنون») or counts one period («امسال»), from its clause.

>>> from dashboard.text.keyed_text import KeyedText
>>> period_of(KeyedText("تاکنون ۴ هزار نیروگاه نصب شده"), 1, 2)
'cumulative'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dashboard.extract.clauses import clause_bounds
from dashboard.extract.periods import CUMULATIVE, PERIOD
from dashboard.lang.check_config import load_check_config
from dashboard.lang.number_words import load_number_words
from dashboard.lang.persian import match_key
from dashboard.text.keyed_text import KeyedText

PERIOD_CLAUSE_ENDS = frozenset({"،", ",", "؛", ";", ":", ".", "!", "?", "؟", "که"})


@dataclass(frozen=True)
class _PeriodCues:
    cumulative: frozenset[str]  # match keys
    period: frozenset[str]
    both: frozenset[str]
    after_number: frozenset[str]  # cues written «# سال اخیر»: they count only after a number
    number_words: frozenset[str]


@cache
def period_cues() -> _PeriodCues:
    """The cue words of ``data/period_cues.yaml`` (shared with the history and the checks) as match keys."""
    periods = load_check_config().periods
    keys: dict[str, set[str]] = {"cumulative": set(), "period": set()}
    after_number: set[str] = set()
    for kind, found in keys.items():
        for cue in periods.get(kind) or ():
            key = match_key(cue.replace("#", " "))
            found.add(key)
            if cue.strip().startswith("#"):
                after_number.add(key)
    numbers = frozenset(match_key(w) for w in load_number_words().words)
    cumulative, period = frozenset(keys["cumulative"]), frozenset(keys["period"])
    return _PeriodCues(cumulative, period, cumulative | period, frozenset(after_number), numbers)


def period_of(kt: KeyedText, first: int, last: int) -> str:
    """``cumulative`` («تاکنون»، «در مجموع») or ``period`` («امسال»، «در یک سال»), or ``""``.

    Read from the figure's clause (up to a comma, colon or «که») with the cue words the history
    and the checks use (``data/period_cues.yaml``); a period word wins, since it bounds a running
    total («از ابتدای سال تاکنون»).
    """
    cues = period_cues()
    lo, hi = first, last
    while lo > 0 and kt.tokens[lo - 1].key not in PERIOD_CLAUSE_ENDS:
        lo -= 1
    while hi < len(kt.tokens) and kt.tokens[hi].key not in PERIOD_CLAUSE_ENDS:
        hi += 1
    # A verb closes a clause too: «از ابتدای سال تاکنون ۳٬۲۰۰ خانوار ... قرار گرفته‌اند و هم‌اکنون ۴۵ هزار ...».
    verb_lo, verb_hi = clause_bounds(kt, first, last)
    lo, hi = max(lo, verb_lo), min(hi, verb_hi)
    found = set()
    for i, _j, key in kt.find(cues.both, lo, hi):
        if key in cues.after_number:
            before = kt.tokens[i - 1] if i > 0 else None
            if before is None or not (before.text.isdigit() or before.key in cues.number_words):
                continue
        found.add(PERIOD if key in cues.period else CUMULATIVE)
    return PERIOD if PERIOD in found else CUMULATIVE if found else ""
