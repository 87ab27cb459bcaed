"""Tokens with offsets, and phrase look-up that ignores ZWNJ and spacing.

Lexicon phrases are compared as match keys (``dashboard.persian.match_key``), so
«تفاهم‌نامه», «تفاهم نامه» and «تفاهمنامه» are the same phrase; a phrase must start and
end on token boundaries, so «کند» is not found inside «می‌کند».

>>> kt = KeyedText("با انعقاد تفاهم نامه راه‌اندازی", 0)
>>> [kt.tokens[i].text for i, _j, _k in kt.find({"تفاهمنامه"})]
['تفاهم']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dashboard.persian import match_key

TOKEN_RE = re.compile(r"[^\W\d_][\w\u200c]*|\d+|[^\w\s\u200c]")


@dataclass(frozen=True)
class Token:
    """A word, a digit run or a punctuation mark, with offsets into the article text."""

    text: str
    start: int
    end: int
    key: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return [
        Token(m.group(), m.start(), m.end(), match_key(m.group()))
        for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)
    ]


class KeyedText:
    """A stretch of text as tokens plus one concatenated key string for phrase look-ups."""

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.tokens = tokenize(text, start, end)
        self._key_parts: list[int] = []  # key offset where each token starts
        keys = []
        offset = 0
        for token in self.tokens:
            self._key_parts.append(offset)
            keys.append(token.key)
            offset += len(token.key)
        self._key = "".join(keys)
        self._starts = {o: i for i, o in enumerate(self._key_parts)}
        self._ends = {o + len(t.key): i for i, (o, t) in enumerate(zip(self._key_parts, self.tokens, strict=False))}

    def find(self, phrases: Iterable[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
        """``(first token, last token + 1, phrase)`` of every phrase occurrence within tokens ``[lo, hi)``."""
        hi = len(self.tokens) if hi is None else hi
        if lo >= hi:
            return []
        key_lo = self._key_parts[lo]
        key_hi = self._key_parts[hi] if hi < len(self.tokens) else len(self._key)
        found = []
        for phrase in phrases:
            pos = self._key.find(phrase, key_lo, key_hi)
            while pos != -1:
                first = self._starts.get(pos)
                last = self._ends.get(pos + len(phrase))
                if first is not None and last is not None and pos + len(phrase) <= key_hi:
                    found.append((first, last + 1, phrase))
                pos = self._key.find(phrase, pos + 1, key_hi)
        found.sort()
        return found

    def index_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (len(tokens) when none)."""
        for i, token in enumerate(self.tokens):
            if token.end > offset:
                return i
        return len(self.tokens)
