"""Cue phrases in text: the one phrase matcher of the extractor and the checks, with «#» for a number.

A cue list is looked up by match key with :meth:`KeyedText.find`, so spaces and ZWNJ inside a cue do
not matter («راه‌اندازی شده» also finds «راهاندازی شده») and a cue starts and ends on word boundaries
(«آن» is not found in «آنچه»). ``#`` in a cue stands for one number: digits, with their separators
(«۱۲٬۵۰۰»), or one number word of ``data/number_words.yaml`` («بیست»).

:meth:`Phrases.find` reads a :class:`KeyedText` by tokens, as the extractor does; :meth:`Phrases.finditer`
and the others read a string by character offsets, as the checks do, with a ZWNJ between words as a
space (:func:`dashboard.lang.persian.fold_text`: «نیروگاه‌های خورشیدی» holds the word «نیروگاه»).

>>> cues = phrases(("# سال اخیر", "در # دسته"))
>>> [hit.text for hit in cues.finditer("طی بیست سال اخیر و در ۳ دسته")]
['بیست سال اخیر', 'در ۳ دسته']
>>> phrases(("آن",)).search("آنچه گفت") is None
True
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from dashboard.lang.number_words import load_number_words
from dashboard.lang.persian import fold_text, match_key
from dashboard.text.keyed_text import KeyedText

NUMBER = "#"
NUMBER_SEPARATORS = frozenset("٬,٫./")  # inside one number: «۱۲٬۵۰۰», «۶۲.۵»


@dataclass(frozen=True)
class Hit:
    """One cue found in a string: ``text[start:end]`` is what it matched, and ``text`` holds those words
    folded (:func:`fold_text`: «هم‌اکنون» as «هم اکنون», «تاكنون» as «تاکنون»)."""

    start: int
    end: int
    text: str


@cache
def number_word_keys() -> frozenset[str]:
    """Match keys of every number word of ``data/number_words.yaml``: what «#» stands for besides digits."""
    return frozenset(match_key(w) for w in load_number_words().words)


def number_end(kt: KeyedText, i: int, hi: int | None = None) -> int | None:
    """Where the number at token ``i`` ends (the index after it), or None when token ``i`` is no number.

    >>> kt = KeyedText("طی ۱۲٬۵۰۰ و بیست سال")
    >>> number_end(kt, 1), number_end(kt, 5), number_end(kt, 0)
    (4, 6, None)
    """
    tokens = kt.tokens
    hi = len(tokens) if hi is None else hi
    if i >= hi:
        return None
    if tokens[i].text.isdigit():
        j = i + 1
        while (
            j + 1 < hi
            and tokens[j].text in NUMBER_SEPARATORS
            and tokens[j].start == tokens[j - 1].end
            and tokens[j + 1].text.isdigit()
            and tokens[j + 1].start == tokens[j].end
        ):
            j += 2
        return j
    return i + 1 if tokens[i].is_word and tokens[i].key in number_word_keys() else None


class Phrases:
    """A list of cue phrases, each a run of words and «#»; see the module's docstring."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(w for w in words if w.strip())
        plain: set[str] = set()
        numbered: set[tuple[str, ...]] = set()
        for word in self.words:
            parts = tuple(match_key(part) for part in fold_text(word).split(NUMBER))
            if len(parts) == 1:
                plain.add(parts[0])
            else:
                numbered.add(parts)
        self.plain = frozenset(plain)  # match keys, looked up as one lexicon with every other list
        self.numbered = tuple(sorted(numbered))  # the words around each «#», as match keys («» where none)
        self.pieces = frozenset(p for parts in self.numbered for p in parts if p)

    def find(self, kt: KeyedText, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
        """``(first token, last token + 1, cue)`` of every occurrence within tokens ``[lo, hi)``, in token order."""
        hi = len(kt.tokens) if hi is None else hi
        found = [(i, j, key) for i, j, key in kt.find(self.plain, lo, hi)] if self.plain else []
        if self.numbered:
            starts: dict[int, list[tuple[int, str]]] = {}
            for i, j, piece in kt.find(self.pieces, lo, hi):
                starts.setdefault(i, []).append((j, piece))
            numbers = None
            for parts in self.numbered:
                cue = NUMBER.join(parts)
                if parts[0]:  # the cue opens with words: only where those words start
                    candidates: Iterable[int] = [i for i, ends in starts.items() if any(p == parts[0] for _, p in ends)]
                else:  # it opens with the number: only where a number starts
                    if numbers is None:
                        numbers = [i for i in range(lo, hi) if number_end(kt, i, hi) is not None]
                    candidates = numbers
                found += [(i, j, cue) for i in candidates for j in self._ends(kt, parts, i, hi, starts)]
        return sorted(set(found))

    @staticmethod
    def _ends(
        kt: KeyedText, parts: tuple[str, ...], i: int, hi: int, starts: dict[int, list[tuple[int, str]]]
    ) -> list[int]:
        """Where ``parts`` joined by numbers end when they start at token ``i`` (none when they do not)."""
        at = [i]
        for n, part in enumerate(parts):
            if n:
                at = [e for a in at if (e := number_end(kt, a, hi)) is not None]
            if part:
                at = [j for a in at for j, piece in starts.get(a, ()) if piece == part]
        return at

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """The cues in ``text[start:end]`` by character offsets, left to right without overlaps, the longest
        where several start at one word."""
        kt = _keyed(text)
        lo = kt.first_from(start)
        hi = len(kt.tokens) if end is None else bisect.bisect_right(kt.ends, end)
        hits, taken, folded = [], lo, fold_text(text)
        for i, j, _cue in sorted(self.find(kt, lo, hi), key=lambda h: (h[0], -h[1])):
            if i >= taken:
                a, b = kt.tokens[i].start, kt.tokens[j - 1].end
                hits.append(Hit(a, b, folded[a:b]))
                taken = j
        return hits

    def search(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        """The first cue in ``text[start:end]``, or None."""
        hits = self.finditer(text, start, end)
        return hits[0] if hits else None

    def starts(self, text: str) -> Hit | None:
        """The cue ``text`` opens with (at its first word), or None."""
        hit = self.search(text)
        kt = _keyed(text)
        return hit if hit is not None and kt.tokens and hit.start == kt.tokens[0].start else None

    def whole(self, text: str) -> bool:
        """Whether ``text`` is one of the cues, word for word.

        >>> phrases(("آن", "آن‌ها")).whole("آنها"), phrases(("آن",)).whole("آنها")
        (True, False)
        """
        kt = _keyed(text)
        return bool(kt.tokens) and any(i == 0 and j == len(kt.tokens) for i, j, _ in self.find(kt))


@lru_cache(maxsize=256)
def _keyed(text: str) -> KeyedText:
    """``text`` with a ZWNJ read as a space, tokenized once: the checks look in one article many times."""
    return KeyedText(fold_text(text))


@cache
def phrases(words: tuple[str, ...]) -> Phrases:
    """The :class:`Phrases` of a cue list, built once per list."""
    return Phrases(words)
