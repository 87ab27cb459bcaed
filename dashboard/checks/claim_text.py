"""Where an article's claims sit in its text: clauses and every place a figure is written.

A figure may be written more than once («۳۱۰ صندوق … این ۳۱۰ صندوق در سه دسته»); the
claims table keeps one row for it, so the checks look the figure up again by its
``mention`` and, for counts, by the head noun after it (``metric_fa``). Both the clause
(:func:`dashboard.extract.clauses.figure_clause`) and the numbers (:func:`text_numbers`, the
extractor's number finder) are read as the extractor reads them.

>>> text = "۳۱۰ صندوق فعال است. این ۳۱۰ صندوق در سه دسته‌اند."
>>> mention_positions(text, "۳۱۰")
[0, 24]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dashboard.extract.clauses import figure_clause
from dashboard.lang.persian import fold_text, match_key
from dashboard.quantities.numbers import NumberSpan, find_numbers
from dashboard.text.keyed_text import Sentences
from dashboard.text.nlp import sentence_spans


@dataclass(frozen=True)
class Occurrence:
    """One place a claim's figure is written: ``text[start:end]`` is its mention; ``row`` its claim."""

    start: int
    end: int
    row: int


@lru_cache(maxsize=256)
def sentences(text: str) -> Sentences:
    """The sentences of ``text`` (the one splitter), each tokenized once when asked for.

    >>> s = sentences("۱۰ صندوق راه‌اندازی شد. وی گفت: ۲ طرح دیگر.")
    >>> s.index_of(30), s.index_of(100)
    (1, -1)
    """
    return Sentences(text, sentence_spans(text))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around the figure ``text[start:end]``, as the extractor reads a figure's clause
    (:func:`dashboard.extract.clauses.figure_clause`): cut at its verbs, a comma, «که» or the sentence's end.

    >>> t = "۴۴۵ صندوق داریم، که تاکنون ۳ هزار شغل ایجاد کرده‌اند."
    >>> a, b = clause_bounds(t, 27, 33)
    >>> t[a:b]
    'تاکنون ۳ هزار شغل ایجاد کرده‌اند'
    """
    found = sentences(text)
    i = found.index_of(start)
    if i < 0:
        return start, end
    kt = found.keyed(i)
    first = kt.first_from(start)
    if first >= len(kt.tokens):
        return start, end
    last = max(first + 1, min(kt.index_at(end - 1) + 1, len(kt.tokens)))
    lo, hi = figure_clause(kt, first, last)
    return kt.tokens[lo].start, kt.tokens[hi - 1].end


@lru_cache(maxsize=256)
def text_numbers(text: str) -> tuple[NumberSpan, ...]:
    """The numbers written in ``text``, found by the extractor's number finder (dates, phones and ids left out).

    >>> [(n.text, n.value) for n in text_numbers("۱۸۰ نیروگاه پنج کیلوواتی در ۱۴۰۲/۰۵/۰۱")]
    [('۱۸۰', 180.0), ('پنج', 5.0)]
    """
    return tuple(n for n in find_numbers(text) if n.kind == "number")


JALALI_YEARS = range(1300, 1500)  # a year written in four digits («۱۴۰۲»)


def jalali_years(text: str) -> list[NumberSpan]:
    """The Jalali years written in ``text``: numbers in four digits from 1300 to 1499 (not «۱٬۴۰۲»).

    >>> [n.text for n in jalali_years("در سال ۱۴۰۲ حدود ۱٬۴۰۰ شغل و ۲۰۲۳")]
    ['۱۴۰۲']
    """
    return [n for n in text_numbers(text) if n.text.isdigit() and len(n.text) == 4 and int(n.value) in JALALI_YEARS]


def mention_positions(text: str, mention: str) -> list[int]:
    """Every start of ``mention`` in ``text`` where it is a whole figure: its number is one the number finder
    reads there, not part of a longer one («۳۱۰» is not in «۲٬۳۱۰», «هزار و ۲۵۰» not in «۱۰ هزار و ۲۵۰»).

    >>> mention_positions("۲٬۳۱۰ و ۳۱۰ صندوق و ۳ هزار و ۴۰۰ شغل", "۳۱۰"), mention_positions("۳ هزار و ۴۰۰", "۳ هزار")
    ([8], [])
    """
    mention = mention.strip()
    if not mention:
        return []
    lead = text_numbers(mention)
    length = lead[0].end if lead and lead[0].start == 0 else len(mention)
    numbers = {(n.start, n.end) for n in text_numbers(text)}
    folded, needle = fold_text(text), fold_text(mention)
    found, at = [], folded.find(needle)
    while at >= 0:
        if (at, at + length) in numbers:
            found.append(at)
        at = folded.find(needle, at + 1)
    return found


def head_follows(text: str, end: int, head: str) -> bool:
    """Whether the head noun's first word is written right after ``end`` (spaces and ZWNJ ignored).

    >>> head_follows("این ۳۱۰ صندوق در سه دسته", 7, "صندوق قرض‌الحسنه")
    True
    """
    words = fold_text(head).split()
    key = match_key(words[0]) if words else ""
    return bool(key) and match_key(text[end : end + len(head) + 12]).startswith(key)


def own_position(text: str, claim: Mapping) -> int:
    """Where the claim's own mention is: its offsets when they fit the text, else inside its quote."""
    mention = str(claim.get("mention", "") or "").strip()
    start, end = claim.get("start", -1), claim.get("end", -1)
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        start, end = -1, -1
    if mention and 0 <= start < end <= len(text) and fold_text(text[start:end]).strip() == fold_text(mention):
        return start
    quote = str(claim.get("quote", "") or "")
    at = fold_text(text).find(fold_text(quote)) if quote.strip() else -1
    if mention and at >= 0:
        inside = [p for p in mention_positions(text, mention) if at <= p < at + len(quote)]
        if inside:
            return inside[0]
    return -1


def occurrences(text: str, claims: Sequence[Mapping]) -> list[Occurrence]:
    """Every place one of ``claims`` (one article's rows, as records) is written in ``text``, in text order.

    A claim's own place always counts; another place counts when, for a count, its head
    noun (``metric_fa``) follows the figure there. When several claims could own a place,
    the one whose own place it is wins, then the first row.
    """
    by_start: dict[int, Occurrence] = {}
    owners: dict[int, bool] = {}
    for row, claim in enumerate(claims):
        mention = str(claim.get("mention", "") or "").strip()
        if not mention:
            continue
        own = own_position(text, claim)
        head = str(claim.get("metric_fa", "") or "")
        # A count's head noun follows its figure; money and measures carry their unit inside the mention.
        needs_head = claim.get("unit") == "count" or (head.strip() and fold_text(head) not in fold_text(mention))
        for pos in mention_positions(text, mention):
            is_own = pos == own
            if not is_own and needs_head and not head_follows(text, pos + len(mention), head):
                continue
            if pos in by_start and (owners[pos] or not is_own):
                continue
            by_start[pos] = Occurrence(pos, pos + len(mention), row)
            owners[pos] = is_own
    return sorted(by_start.values(), key=lambda o: o.start)


def article_text(claims: Sequence[Mapping], texts: Mapping[str, str] | None, document: str) -> str:
    """The article's stored text, or, without it, its claims' quotes one per line in text order."""
    if texts and isinstance(texts.get(document), str) and texts[document].strip():
        return texts[document]
    quotes: list[str] = []
    for claim in sorted(claims, key=lambda c: int(c.get("start", -1) or -1)):
        quote = str(claim.get("quote", "") or "")
        if quote.strip() and quote not in quotes:
            quotes.append(quote)
    return "\n".join(quotes)


def claim_clause(claim: Mapping, text: str | None = None) -> str:
    """The clause around the claim's figure, in ``text`` when given, else in its own quote.

    >>> c = {"mention": "۲۴", "quote": "تاکنون ۴٬۸۰۰ نیروگاه نصب شده، که ظرفیت آنها ۲۴ مگاوات است."}
    >>> claim_clause(c).strip()
    'ظرفیت آنها ۲۴ مگاوات است'
    """
    quote = str(claim.get("quote", "") or "")
    for source in (text, quote):
        if not source:
            continue
        pos = own_position(source, claim)
        if pos < 0 and source is quote:
            found = mention_positions(source, str(claim.get("mention", "") or ""))
            pos = found[0] if found else -1
        if pos >= 0:
            a, b = clause_bounds(source, pos, pos + len(str(claim.get("mention", "")).strip()))
            return source[a:b]
    return quote
