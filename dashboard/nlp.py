"""The one module that imports hazm: sentence boundaries, the word lexicon and verb stems.

hazm is slow to import, so it is imported lazily, once, on first use. Everything here is
offline: hazm's rule-based sentence splitter, its ``words.dat`` lexicon (about 194k words
with coarse part-of-speech tags) and its ``verbs.dat`` list of past/present stems.

>>> [text[s:e] for s, e in sentence_spans(text := "۱۰ صندوق راه‌اندازی شد. وی گفت: ۲ طرح دیگر.")]
['۱۰ صندوق راه\u200cاندازی شد.', 'وی گفت: ۲ طرح دیگر.']
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from dashboard.persian import fold_chars, match_key


@cache
def _hazm() -> Any:
    import hazm

    return hazm


@cache
def _sentence_end() -> re.Pattern[str]:
    """hazm's sentence-end rule («.», «!», «؟» followed by space or newline)."""
    return _hazm().SentenceTokenizer().pattern


_LINE = re.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; a line break always ends a sentence.

    Offsets index ``text`` itself, so evidence quotes can be cut from the original article.
    """
    spans: list[tuple[int, int]] = []
    pattern = _sentence_end()
    for line in _LINE.finditer(text):
        line_start, line_end = line.span()
        cursor = line_start
        for match in pattern.finditer(text, line_start, line_end):
            _add_span(spans, text, cursor, match.end(1))
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


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    hazm = _hazm()
    return {match_key(word): frozenset(tags) for word, _count, tags in hazm.utils.words_list()}


def word_tags(word: str) -> frozenset[str]:
    """hazm's coarse tags for a word (``N`` noun, ``AJ`` adjective, ``V`` verb...); empty when unknown.

    >>> sorted(word_tags("مدرسه"))
    ['N']
    """
    return tags_of_key(match_key(word))


def tags_of_key(key: str) -> frozenset[str]:
    """``word_tags`` for a word already turned into its match key."""
    return _lexicon().get(key, frozenset())


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
