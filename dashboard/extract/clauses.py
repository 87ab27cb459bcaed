"""Clauses and verbs of a sentence: where the clause around a figure starts and ends, and which verb
gives it its tense. Persian clauses end with their verb.

>>> from dashboard.text.keyed_text import KeyedText
>>> kt = KeyedText("تاکنون ۱۴ دهکده راه‌اندازی شده و ۶ دهکده دیگر به بهره‌برداری می‌رسد")
>>> [kt.tokens[i].text for i in range(*clause_bounds(kt, 1, 2))]
['تاکنون', '۱۴', 'دهکده', 'راه‌اندازی', 'شده']
"""

from __future__ import annotations

from functools import lru_cache

from dashboard.extract.mentions import is_finite_verb
from dashboard.lang.cues import load_cues
from dashboard.text.keyed_text import KeyedText, Token
from dashboard.text.nlp import verb_stems

CLAUSE_ENDS = frozenset(".؟!؛:")


CHAIN_MAX_TOKENS = 3  # «شده و» + at most this many words + a verb: one chained verb phrase


def punct_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    """Tokens between the punctuation marks («.», «:», «؛»...) around ``[first, last)``."""
    return kt.memo(("punct", first, last), lambda: _compute_punct_bounds(kt, first, last))


def _compute_punct_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    lo = first
    while lo > 0 and not _ends_clause(kt, lo - 1, CLAUSE_ENDS):
        lo -= 1
    hi = last
    while hi < len(kt.tokens) and not _ends_clause(kt, hi, CLAUSE_ENDS):
        hi += 1
    return lo, hi


def _ends_clause(kt: KeyedText, i: int, marks: frozenset[str] | str) -> bool:
    """Is token ``i`` one of the punctuation ``marks`` that end a clause? Not a point or a comma inside a
    number («۱۰.۳ میلیارد دلار», «12,500»), which the tokenizer splits off the digits around it.

    >>> kt = KeyedText("۱۰.۳ میلیارد دلار شد. سپس")
    >>> _ends_clause(kt, 1, "."), _ends_clause(kt, 6, ".")
    (False, True)
    """
    tokens = kt.tokens
    if tokens[i].text not in marks:
        return False
    inside = (
        0 < i < len(tokens) - 1
        and tokens[i - 1].text.isdigit()
        and tokens[i + 1].text.isdigit()
        and tokens[i - 1].end == tokens[i].start
        and tokens[i].end == tokens[i + 1].start
    )
    return not inside


def clause_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    """The clause around ``[first, last)``: Persian clauses end with their verb, so a finite verb
    or a punctuation mark before the figure opens it and the first one after closes it (inclusive)."""
    return kt.memo(("clause", first, last), lambda: _compute_clause_bounds(kt, first, last))


def _compute_clause_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    lo = first
    while lo > 0:
        prev = kt.tokens[lo - 1]
        if _ends_clause(kt, lo - 1, CLAUSE_ENDS) or (prev.is_word and is_finite_verb(prev.key)):
            break
        lo -= 1
    hi = last
    while hi < len(kt.tokens):
        token = kt.tokens[hi]
        if _ends_clause(kt, hi, CLAUSE_ENDS):
            break
        hi += 1
        if token.is_word and is_finite_verb(token.key):
            break
    return lo, hi


def phrase_end(kt: KeyedText, lo: int, hi: int) -> int:
    """Index of the first verb or comma at or after ``lo`` (``hi`` when none): the end of the noun phrase."""
    for i in range(lo, hi):
        token = kt.tokens[i]
        if _ends_clause(kt, i, "،,") or (token.is_word and is_finite_verb(token.key)):
            return i
    return hi


@lru_cache(maxsize=20_000)
def is_past(key: str) -> bool:
    """A past or perfect form built on a past stem: «شد», «کردند», «رسیده است»."""
    past_stems, _present = verb_stems()
    for ending in ("", "م", "ی", "یم", "ید", "ند", "ه", "هاند", "هایم", "هاست"):
        if key.endswith(ending) and key[: len(key) - len(ending)] in past_stems:
            return True
    return False


def verb_after(kt: KeyedText, lo: int, hi: int) -> tuple[int | None, int]:
    """The verb that gives tokens ``[lo, hi)`` their tense (or None), and where the words that lead to it
    start. That is the first finite verb, except a bare participle joined by «و» to what follows, which
    takes the tense of the verb that ends the chain («تکمیل شده و به بهره‌برداری می‌رسد»); after a «که» clause
    that describes the figure's noun («۲ هزار واحد که اخیرا کلنگ‌زنی شده بود، از امروز آغاز می‌شود»),
    the words of that clause are not the figure's."""
    verbs = [i for i in range(lo, hi) if _is_verb_token(kt.tokens[i])]
    start = lo
    skipped = -2
    for n, i in enumerate(verbs):
        if n + 1 < len(verbs) and _chained_participle(kt, i, verbs[n + 1]):
            continue
        # The verb right after a skipped one is the rest of its group («کلنگ‌زنی شده بود»).
        if n + 1 < len(verbs) and (skipped == i - 1 or _ends_a_relative_clause(kt, start, i)):
            start, skipped = i + 1, i
            continue
        return i, start
    return None, start


def _ends_a_relative_clause(kt: KeyedText, lo: int, verb: int) -> bool:
    """Does the verb at ``verb`` close a «که» clause opened since ``lo`` (the figure, or the verb of the
    clause before)? Then the figure's own verb comes after it; a second «که» after that verb opens a
    clause of its own («... که برق ندارند نصب می‌شود که ظرفیت آنها ... خواهد بود»)."""
    return any(t.key == "که" for t in kt.tokens[lo:verb])


def _is_verb_token(token: Token) -> bool:
    return token.is_word and (is_finite_verb(token.key) or token.key.endswith("هاست"))


def _chained_participle(kt: KeyedText, i: int, next_verb: int) -> bool:
    """A past participle and «و» before a short verb phrase with no subject of its own borrow
    that verb's tense: «تکمیل و تجهیز شده و به بهره‌برداری می‌رسد» is still to come.

    With a new subject between them («۱۴ دهکده راه‌اندازی شده و ۶ دهکده دیگر ... می‌رسد») or a
    verb that governs a new clause («ابلاغ شده و پیش‌بینی می‌کنیم ...»), news uses «شده» as a past.
    """
    key = kt.tokens[i].key
    if not (key.endswith("ه") and kt.tokens[i + 1].key == "و" and is_past(key)):
        return False
    between = kt.tokens[i + 2 : next_verb]
    if len(between) > CHAIN_MAX_TOKENS or any(not t.is_word for t in between):
        return False
    return not kt.find(load_cues().planned_governing, i + 2, next_verb + 1)


FIGURE_CLAUSE_JOINTS = frozenset({"،", ",", "؛", ";", ":", ".", "!", "?", "؟", "که"})  # token keys


def figure_clause(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    """The words that qualify the figure at tokens ``[first, last)``: its clause (:func:`clause_bounds`),
    cut further at a comma or «که». The period of a figure («تاکنون», «امسال») is read here, and so are
    the checks' cue words around it.

    >>> kt = KeyedText("۴۴۵ صندوق داریم، که تاکنون ۳ هزار شغل ایجاد کرده‌اند و ۲ طرح در دست اجراست")
    >>> lo, hi = figure_clause(kt, 6, 8)
    >>> " ".join(t.text for t in kt.tokens[lo:hi])
    'تاکنون ۳ هزار شغل ایجاد کرده\u200cاند'
    """
    return kt.memo(("figure_clause", first, last), lambda: _compute_figure_clause(kt, first, last))


def _compute_figure_clause(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    lo, hi = clause_bounds(kt, first, last)
    start, end = first, last
    while start > lo and not _ends_clause(kt, start - 1, FIGURE_CLAUSE_JOINTS):
        start -= 1
    while end < hi and not _ends_clause(kt, end, FIGURE_CLAUSE_JOINTS):
        end += 1
    return start, end
