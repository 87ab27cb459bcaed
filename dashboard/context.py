"""Attach context to a figure: province, program, status and period, from the words around it.

Each function reads the claim's sentence (a :class:`KeyedText`) and the position of the
figure in it, and returns a canonical key.

>>> from dashboard.keyed_text import KeyedText
>>> s = "قرار است ۱۰ هزار نیروگاه در استان قزوین نصب شود"
>>> kt = KeyedText(s)
>>> status_of(kt, 2, 4), province_in_sentence(kt, 2, 4)
('planned', 'Qazvin')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dashboard.cues import load_cues
from dashboard.keyed_text import KeyedText
from dashboard.mentions import is_verb_like
from dashboard.persian import match_key
from dashboard.taxonomy import NATIONAL, load_taxonomy

CLAUSE_ENDS = frozenset(".؟!؛:")

# Metrics whose head noun already names the program.
METRIC_PROGRAM = {
    "funds": "qard_al_hasan_funds",
    "solar_plants": "solar_plants",
    "solar_panels": "solar_plants",
    "housing_units": "housing",
    "clusters": "clusters",
}


@dataclass(frozen=True)
class _Places:
    names: dict[str, str]  # match key of a name, variant or capital -> province key
    prefixed: dict[str, str]  # names that count only after «استان»
    false_friends: frozenset[str]


@cache
def _places() -> _Places:
    names: dict[str, str] = {}
    prefixed: dict[str, str] = {}
    friends: set[str] = set()
    for p in load_taxonomy().provinces.values():
        target = prefixed if p.require_prefix else names
        for name in (p.name_fa, *p.variants):
            target[match_key(name)] = p.key
        if p.capital_fa:
            names.setdefault(match_key(p.capital_fa), p.key)
        friends.update(match_key(f) for f in p.false_friends)
    return _Places(names, prefixed, frozenset(friends))


def province_mentions(kt: KeyedText, lo: int = 0, hi: int | None = None) -> list[tuple[int, str]]:
    """``(token index, province key)`` of each province named in tokens ``[lo, hi)``, false friends removed.

    «خلیج فارس» and «خبرگزاری فارس» name no province; «استان مرکزی» does, bare «مرکزی» does not.
    """
    places = _places()
    masked: set[int] = set()
    for first, last, _ in kt.find(places.false_friends, lo, hi):
        masked.update(range(first, last))
    found = []
    for first, last, key in kt.find(places.names.keys(), lo, hi):
        if not masked.intersection(range(first, last)):
            found.append((first, last, places.names[key]))
    for first, last, key in kt.find(places.prefixed.keys(), lo, hi):
        if first > 0 and kt.tokens[first - 1].key == "استان" and not masked.intersection(range(first, last)):
            found.append((first, last, places.prefixed[key]))
    # Drop names inside longer names («خراسان» inside «خراسان رضوی» is not listed, but «کرمان» in «کرمانشاه»
    # is a different token, so only exact token spans are compared).
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    result: list[tuple[int, str]] = []
    covered_until = -1
    for first, last, key in found:
        if first < covered_until:
            continue
        result.append((first, key))
        covered_until = last
    return result


def _clause_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    lo = first
    while lo > 0 and kt.tokens[lo - 1].text not in CLAUSE_ENDS:
        lo -= 1
    hi = last
    while hi < len(kt.tokens) and kt.tokens[hi].text not in CLAUSE_ENDS:
        hi += 1
    return lo, hi


def province_in_sentence(kt: KeyedText, first: int, last: int) -> str | None:
    """The province the sentence gives the figure at tokens ``[first, last)``, or ``National``, or None.

    The nearest province named before the figure in its clause wins («کرمان با ۱۰ هزار شغل»);
    then one named after it in the clause; then national words («در کشور»).
    """
    lo, hi = _clause_bounds(kt, first, last)
    mentions = province_mentions(kt, lo, hi)
    national = [i for i, _j, _k in kt.find(load_cues().national_markers, lo, hi)]
    before = [(i, key) for i, key in mentions if i < first] + [(i, NATIONAL) for i in national if i < first]
    if before:
        return max(before)[1]
    after = [(i, key) for i, key in mentions if i >= last] + [(i, NATIONAL) for i in national if i >= last]
    if after:
        return min(after)[1]
    return None


def program_of(kt: KeyedText, first: int, last: int, metric: str, head_end_token: int) -> str | None:
    """The program the figure belongs to, or None when its sentence names none.

    The counted noun names it first («۱۲ سرخوشه»), then the noun phrase after it
    («تسهیلات تبصره ۱۶»), then the nearest cue in the sentence.
    """
    if metric in METRIC_PROGRAM:
        return METRIC_PROGRAM[metric]
    programs = load_taxonomy().programs
    cues = {match_key(c): p.key for p in programs.values() for c in p.cues}
    phrase_end = min(len(kt.tokens), head_end_token + 6)
    near = [(i, cues[k]) for i, _j, k in kt.find(cues.keys(), first, phrase_end)]
    if near:
        return near[0][1]
    found = [(abs(i - first), cues[k]) for i, _j, k in kt.find(cues.keys())]
    if found:
        return min(found)[1]
    return None


def status_of(kt: KeyedText, first: int, last: int) -> str:
    """``planned`` when the figure is promised, targeted or scheduled, else ``reported``.

    Planned: a cue before it in its clause («قرار است»، «امیدواریم»، «تفاهم‌نامه»), a future or
    subjunctive first verb after it («خواهد شد»، «برسد»), or a present verb with a future time
    («تا پایان سال ... راه‌اندازی می‌شود»).
    """
    cues = load_cues()
    lo, hi = _clause_bounds(kt, first, last)
    if kt.find(cues.planned_before, lo, first):
        return "planned"
    verb = _first_verb(kt, last, hi)
    if verb is None:
        return "reported"
    v_first, v_last = verb
    if kt.find(cues.planned_verbs, v_first, v_last + 1):
        return "planned"
    key = kt.tokens[v_first].key
    if key.startswith("می") and kt.find(cues.future_time, lo, v_first):
        return "planned"
    return "reported"


def _first_verb(kt: KeyedText, lo: int, hi: int) -> tuple[int, int] | None:
    cues = load_cues()
    planned = kt.find(cues.planned_verbs, lo, hi)
    planned_at = {i: j for i, j, _ in planned}
    for i in range(lo, hi):
        if i in planned_at:
            return i, planned_at[i] - 1
        token = kt.tokens[i]
        if token.is_word and is_verb_like(token.key):
            return i, i
    return None


def period_of(kt: KeyedText, first: int, last: int) -> str:
    """``cumulative`` («تاکنون»، «در مجموع») or ``period`` («امسال»، «در یک سال»), or ``""``."""
    cues = load_cues()
    lo, hi = _clause_bounds(kt, first, last)
    cumulative = kt.find(cues.cumulative_cues, lo, hi)
    period = kt.find(cues.period_cues, lo, hi)
    if cumulative and not period:
        return "cumulative"
    if period and not cumulative:
        return "period"
    if cumulative and period:
        nearest_c = min(abs(i - first) for i, _j, _k in cumulative)
        nearest_p = min(abs(i - first) for i, _j, _k in period)
        return "cumulative" if nearest_c < nearest_p else "period"
    return ""
