"""The programme a figure belongs to: named by its counted noun, the phrase after it, or the nearest
cue in its clause (``data/programs.yaml``).

>>> from dashboard.text.keyed_text import KeyedText
>>> program_of(KeyedText("۱۲ سرخوشه در استان تشکیل شد"), 0, 1, "clusters", 2)
'clusters'
"""

from __future__ import annotations

from functools import cache

from dashboard.extract.clauses import clause_bounds
from dashboard.extract.mentions import PLURAL_SUFFIXES
from dashboard.lang.persian import match_key
from dashboard.lang.taxonomy import load_taxonomy
from dashboard.text.keyed_text import KeyedText

PHRASE_WINDOW = 6  # tokens after the counted noun that still describe it


CLAUSE_CUE_WINDOW = 10  # a program cue further than this from the figure does not name its program


@cache
def metric_programs() -> dict[str, str]:
    """Metric key → the program its head noun already names (``program`` in ``data/metrics.yaml``)."""
    return load_taxonomy().metric_programs


@cache
def _program_cues() -> dict[str, str]:
    """Cue keys (with their plural forms: «سرخوشه‌های», «دهکده‌ها») -> program key."""
    cues: dict[str, str] = {}
    for program in load_taxonomy().programs.values():
        for cue in (*program.cues, *program.weak_cues):
            key = match_key(cue)
            for form in (key, *(key + suffix for suffix in PLURAL_SUFFIXES)):
                cues.setdefault(form, program.key)
    return cues


@cache
def _program_false_friends() -> frozenset[str]:
    return frozenset(match_key(f) for p in load_taxonomy().programs.values() for f in p.false_friends)


def named_in_article(program: str, article_key: str) -> bool:
    """Does the article (its match key, :func:`~dashboard.lang.persian.match_key`) name ``program`` by one
    of its own cues? A program with weak cues only («صندوق») needs one: «۱۴ صندوق» in news of agricultural
    development funds is no Qard-al-Hasan fund.

    >>> named_in_article("qard_al_hasan_funds", match_key("۱۴ صندوق توسعه بخش کشاورزی تشکیل شد"))
    False
    >>> named_in_article("qard_al_hasan_funds", match_key("۱۴ صندوق قرض‌الحسنه تشکیل شد"))
    True
    """
    spec = load_taxonomy().programs.get(program)
    if spec is None or not spec.weak_cues:
        return True
    return any(match_key(cue) in article_key for cue in spec.cues)


def programs_named(kt: KeyedText, lo: int = 0, hi: int | None = None) -> list[tuple[int, str]]:
    """``(token index, program key)`` of each program cue in tokens ``[lo, hi)``, false friends left out."""
    cues = _program_cues()
    masked = {i for first, last, _ in kt.find(_program_false_friends(), lo, hi) for i in range(first, last)}
    return [(i, cues[k]) for i, _j, k in kt.find(cues, lo, hi) if i not in masked]


def program_of(kt: KeyedText, first: int, last: int, metric: str, head_end_token: int) -> str | None:
    """The program the figure belongs to, or None when its clause names none.

    The counted noun names it first («۱۲ سرخوشه»), then the noun phrase after it
    («تسهیلات تبصره ۱۶»), then the nearest cue in the clause.
    """
    named = metric_programs().get(metric)
    if named is not None:
        return named
    phrase_end = min(len(kt.tokens), head_end_token + PHRASE_WINDOW)
    near = programs_named(kt, first, phrase_end)
    if near:
        return near[0][1]
    lo, hi = clause_bounds(kt, first, last)
    found = [(abs(i - first), key) for i, key in programs_named(kt, lo, hi) if abs(i - first) <= CLAUSE_CUE_WINDOW]
    if found:
        return min(found)[1]
    return None
