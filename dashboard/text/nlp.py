"""The one module that imports hazm: sentence boundaries, the word lexicon and verb stems.

hazm is slow to import, so it is imported lazily, once, on first use. Everything here is
offline: hazm's rule-based sentence splitter, its ``words.dat`` lexicon (about 194k words
with coarse part-of-speech tags) and its ``verbs.dat`` list of past/present stems.

>>> text = "۱۰ صندوق راه‌اندازی شد. وی گفت: ۲ طرح دیگر."
>>> [text[s:e] for s, e in sentence_spans(text)]
['۱۰ صندوق راه\u200cاندازی شد.', 'وی گفت: ۲ طرح دیگر.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from dashboard.lang.persian import fold_chars, match_key


@cache
def _hazm() -> Any:
    import hazm

    return hazm


# A mark glued to the next word («شد.وی», «است؟بله») ends a sentence too, when Persian letters of a word of
# two or more stand on both sides: not inside a number («۶۲.۵»), an address («irna.ir»), initials («ه.ش»),
# dates («هـ.ق») or letters spelt out («بی.بی.سی»: a short word with a full stop on its other side).
_GLUED_END = r"(?<=[^\W\d_A-Za-zـ]{2})(?<!\.[^\W\d_]{2})([!.?⸮؟]+)(?=[^\W\d_A-Za-zـ])(?![^\W\d_]{1,3}\.)"


@cache
def _sentence_end() -> re.Pattern[str]:
    """hazm's sentence-end rule («.», «!», «؟» followed by space or newline), or a mark glued between words."""
    return re.compile(f"{_hazm().SentenceTokenizer().pattern.pattern}|{_GLUED_END}")


_LINE = re.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; a line break always ends a sentence.

    The one sentence splitter of the extractor and the checks. Offsets index ``text`` itself, so
    evidence quotes can be cut from the original article.

    >>> texts = ("کار انجام شد.وی گفت.", "درست است؟بله ۶۲.۵ درصد", "سال ۱۴۰۲. وی", "به بی.بی.سی گفت")
    >>> [t[a:b] for t in texts for a, b in sentence_spans(t)]
    ['کار انجام شد.', 'وی گفت.', 'درست است؟', 'بله ۶۲.۵ درصد', 'سال ۱۴۰۲.', 'وی', 'به بی.بی.سی گفت']
    """
    spans: list[tuple[int, int]] = []
    pattern = _sentence_end()
    for line in _LINE.finditer(text):
        line_start, line_end = line.span()
        cursor = line_start
        for match in pattern.finditer(text, line_start, line_end):
            _add_span(spans, text, cursor, match.end(1) if match.group(1) else match.end(2))
            cursor = match.end()
        _add_span(spans, text, cursor, line_end)
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# Coarse tags that mark a word as something other than a verb form (noun, adjective, number...).
NOT_VERB_TAGS = frozenset({"N", "AJ", "NUM", "ADV", "P", "PRO", "CONJ", "DET", "CL", "RES"})


@dataclass(frozen=True)
class WordTags:
    """What the extractor asks of hazm's word list (its tags), as two sets of match keys (a dict of tag sets
    for 194k words would cost about 100 MB in every worker process)."""

    not_verbs: frozenset[str]  # words the list tags as noun, adjective, number, adverb, ...
    nouns: frozenset[str]  # words it tags as nouns


@cache
def lexicon() -> WordTags:
    """hazm's ``words.dat`` reduced to the two questions the extractor asks."""
    not_verbs, nouns = set(), set()
    for word, _count, tags in _hazm().utils.words_list():
        key = match_key(word)
        if NOT_VERB_TAGS.intersection(tags):
            not_verbs.add(key)
        if "N" in tags:
            nouns.add(key)
    return WordTags(frozenset(not_verbs), frozenset(nouns))


def is_noun(word: str) -> bool:
    """Does hazm's lexicon tag the word as a noun?

    >>> is_noun("مدرسه"), is_noun("بسته"), is_noun("برسانیم")
    (True, True, False)
    """
    return match_key(word) in lexicon().nouns


@cache
def verb_stems() -> tuple[frozenset[str], frozenset[str]]:
    """(past stems, present stems) from hazm's verb list, as match keys: ``کرد``/``کن``, ``شد``/``شو``."""
    past, present = set(), set()
    for line in _hazm().utils.verbs_list():
        past_stem, _, present_stem = fold_chars(line).partition("#")
        if past_stem:
            past.add(match_key(past_stem))
        if present_stem:
            present.add(match_key(present_stem))
    return frozenset(past), frozenset(present)


@cache
def stopwords() -> frozenset[str]:
    """hazm's Persian stopword list, as match keys."""
    return frozenset(match_key(w) for w in _hazm().utils.stopwords_list())
