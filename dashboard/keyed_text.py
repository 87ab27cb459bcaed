"""Tokens with offsets, and phrase look-up that ignores ZWNJ and spacing.

Sentences are tokenized when something asks for them (:class:`Sentences`). Lexicon
phrases are compared as match keys (``dashboard.persian.match_key``), so «تفاهم‌نامه»,
«تفاهم نامه» and «تفاهمنامه» are the same phrase; a phrase must start and end on token
boundaries, so «کند» is not found inside «می‌کند».

>>> kt = KeyedText("با انعقاد تفاهم نامه راه‌اندازی")
>>> [kt.tokens[i].text for i, _j, _k in kt.find(frozenset({"تفاهمنامه"}))]
['تفاهم']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection
from typing import TypeVar

from dashboard.persian import match_key

T = TypeVar("T")
TOKEN_RE = re.compile(r"[^\W\d_][\w\u200c]*|\d+|[^\w\s\u200c]")


# Match keys of tokens seen so far: article vocabularies repeat a lot.
_KEYS: dict[str, str] = {}
MAX_KEYS = 200_000


class Token:
    """A word, a digit run or a punctuation mark, with offsets into the article text.

    A plain slotted class (a frozen dataclass costs four times as much to build, and an
    article has hundreds of tokens); treat it as read-only.
    """

    __slots__ = ("end", "is_word", "key", "start", "text")

    def __init__(self, text: str, start: int, end: int, key: str, is_word: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.key = key
        self.is_word = is_word

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    tokens: list[Token] = []
    keys = _KEYS
    for m in TOKEN_RE.finditer(text, max(0, start), len(text) if end is None else end):
        word = m.group()
        key = keys.get(word)
        if key is None:
            key = match_key(word)
            if len(keys) < MAX_KEYS:
                keys[word] = key
        token_start, token_end = m.span()
        tokens.append(Token(word, token_start, token_end, key, word[0].isalpha()))
    return tokens


_PREFIXES: dict[int, tuple[Collection[str], frozenset[str]]] = {}


def _prefixes(phrases: Collection[str]) -> frozenset[str]:
    """Every prefix of every phrase key (cached per long-lived phrase collection), to stop early."""
    cached = _PREFIXES.get(id(phrases))
    if cached is not None and cached[0] is phrases:
        return cached[1]
    prefixes = frozenset(p[:n] for p in phrases for n in range(1, len(p) + 1))
    _PREFIXES[id(phrases)] = (phrases, prefixes)
    return prefixes


class KeyedText:
    """A stretch of text as tokens, for phrase look-ups by match key."""

    __slots__ = ("_found", "_memo", "ends", "keys", "starts", "tokens")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.tokens = tokenize(text, start, end)
        self.keys = [t.key for t in self.tokens]
        self.ends = [t.end for t in self.tokens]
        self.starts = [t.start for t in self.tokens]
        self._found: dict[int, tuple[Collection[str], list[tuple[int, int, str]]]] = {}
        self._memo: dict[object, object] = {}

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()`` once per key for this text: several figures share a sentence."""
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def find(self, phrases: Collection[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
        """``(first token, last token + 1, phrase)`` of every phrase occurrence within tokens ``[lo, hi)``.

        ``phrases`` holds match keys; pass a long-lived set or dict (its prefixes are cached).
        """
        n = len(self.tokens)
        hi = n if hi is None else min(hi, n)
        cached = self._found.get(id(phrases))
        if cached is None or cached[0] is not phrases:
            cached = (phrases, self._scan(phrases))
            self._found[id(phrases)] = cached
        if lo <= 0 and hi >= n:
            return cached[1]
        return [hit for hit in cached[1] if hit[0] >= lo and hit[1] <= hi]

    def _scan(self, phrases: Collection[str]) -> list[tuple[int, int, str]]:
        prefixes = _prefixes(phrases)
        keys = self.keys
        hi = len(keys)
        found = []
        for i in range(hi):
            joined = keys[i]
            j = i
            while joined in prefixes:
                if joined in phrases:
                    found.append((i, j + 1, joined))
                j += 1
                if j >= hi:
                    break
                joined += keys[j]
        return found

    def index_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (len(tokens) when none)."""
        return bisect.bisect_right(self.ends, offset)

    def first_from(self, offset: int) -> int:
        """Index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


class Sentences:
    """An article's sentences, each tokenized once and only when asked for.

    Figures, their context and the paragraph around them all read the same sentence objects.
    """

    __slots__ = ("_keyed", "spans", "starts", "text")

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        self.starts = [start for start, _ in spans]
        self._keyed: dict[int, KeyedText] = {}

    def index_of(self, offset: int) -> int:
        """Index of the sentence holding ``offset``, or -1."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.spans[i][1] else -1

    def keyed(self, i: int) -> KeyedText:
        """Sentence ``i`` as a :class:`KeyedText` (built on first use)."""
        kt = self._keyed.get(i)
        if kt is None:
            start, end = self.spans[i]
            kt = self._keyed[i] = KeyedText(self.text, start, end)
        return kt
