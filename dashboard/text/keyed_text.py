"""Tokens with offsets, and phrase look-up that ignores ZWNJ and spacing.

Sentences are tokenized when something asks for them (:class:`Sentences`). Lexicon
phrases are compared as match keys (``dashboard.lang.persian.match_key``), so «تفاهم‌نامه»,
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

from dashboard.lang.persian import match_key

T = TypeVar("T")
VERB_PREFIXES = frozenset({"می", "نمی"})  # match keys of the imperfective prefix written apart
TOKEN_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|\u200c)*|\d+|[^\w\s\u200c]")  # «سال89» is «سال», «89»


# Match key and is-a-word of tokens seen so far: article vocabularies repeat a lot.
_KEYS: dict[str, tuple[str, bool]] = {}
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
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Only spaces, ZWNJ and «_» separate tokens, so each token's offset is found with
    ``str.find`` from the end of the previous one (cheaper than a match object per token).
    The imperfective prefix written with a space joins its verb: «می شود» is one token, as
    «می‌شود» is.

    >>> [t.key for t in tokenize("ساخته می شود")]
    ['ساخته', 'میشود']
    """
    tokens: list[Token] = []
    keys = _KEYS
    find = text.find
    pos = max(0, start)
    for word in TOKEN_RE.findall(text, pos, len(text) if end is None else end):
        token_start = find(word, pos)
        pos = token_start + len(word)
        known = keys.get(word)
        if known is None:
            known = (match_key(word), word[0].isalpha())
            if len(keys) < MAX_KEYS:
                keys[word] = known
        if known[1] and tokens and tokens[-1].key in VERB_PREFIXES and token_start == tokens[-1].end + 1:
            # «می شود» written with a space is the one verb «می‌شود»: join it.
            prefix = tokens.pop()
            known = (prefix.key + known[0], True)
            word = text[prefix.start : pos]
            token_start = prefix.start
        tokens.append(Token(word, token_start, pos, known[0], known[1]))
    return tokens


class _Lexicon:
    """Every phrase collection ever looked up, merged, so a sentence is scanned once for all of them."""

    def __init__(self) -> None:
        self.known: dict[int, Collection[str]] = {}  # id -> collection (kept alive, so ids stay unique)
        self.phrases: set[str] = set()
        self.prefixes: set[str] = set()
        self.version = 0

    def register(self, phrases: Collection[str]) -> None:
        if self.known.get(id(phrases)) is phrases:
            return
        self.known[id(phrases)] = phrases
        new = set(phrases) - self.phrases
        if new:
            self.phrases |= new
            self.prefixes |= {p[:n] for p in new for n in range(1, len(p) + 1)}
            self.version += 1


_LEXICON = _Lexicon()


class KeyedText:
    """A stretch of text as tokens, for phrase look-ups by match key."""

    __slots__ = ("_found", "_hits", "_hits_version", "_memo", "ends", "keys", "starts", "tokens")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.tokens = tokenize(text, start, end)
        self.keys = [t.key for t in self.tokens]
        self.ends = [t.end for t in self.tokens]
        self.starts = [t.start for t in self.tokens]
        self._found: dict[int, tuple[Collection[str], list[tuple[int, int, str]]]] = {}
        self._memo: dict[object, object] = {}
        self._hits: list[tuple[int, int, str]] = []
        self._hits_version = -1

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()`` once per key for this text: several figures share a sentence."""
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def find(self, phrases: Collection[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
        """``(first token, last token + 1, phrase)`` of every phrase occurrence within tokens ``[lo, hi)``.

        ``phrases`` holds match keys; pass a long-lived set or dict (it joins the lexicon every
        sentence is scanned against once).
        """
        cached = self._found.get(id(phrases))
        if cached is None or cached[0] is not phrases or self._hits_version != _LEXICON.version:
            cached = self._refresh(phrases)
        hits = cached[1]
        if not hits or (lo <= 0 and hi is None):
            return hits
        hi = len(self.tokens) if hi is None else hi
        return [hit for hit in hits if hit[0] >= lo and hit[1] <= hi]

    def _refresh(self, phrases: Collection[str]) -> tuple[Collection[str], list[tuple[int, int, str]]]:
        _LEXICON.register(phrases)
        if self._hits_version != _LEXICON.version:
            self._hits = self._scan()
            self._hits_version = _LEXICON.version
            self._found.clear()
        cached = (phrases, [hit for hit in self._hits if hit[2] in phrases])
        self._found[id(phrases)] = cached
        return cached

    def _scan(self) -> list[tuple[int, int, str]]:
        """Every occurrence of every known phrase, in token order."""
        prefixes, phrases = _LEXICON.prefixes, _LEXICON.phrases
        keys = self.keys
        n = len(keys)
        found = []
        for i in range(n):
            joined = keys[i]
            j = i
            while joined in prefixes:
                if joined in phrases:
                    found.append((i, j + 1, joined))
                j += 1
                if j >= n:
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

    def cached(self, i: int) -> KeyedText | None:
        """Sentence ``i`` if something has tokenized it already, else None."""
        return self._keyed.get(i)

    def keyed(self, i: int) -> KeyedText:
        """Sentence ``i`` as a :class:`KeyedText` (built on first use)."""
        kt = self._keyed.get(i)
        if kt is None:
            start, end = self.spans[i]
            kt = self._keyed[i] = KeyedText(self.text, start, end)
        return kt


QUOTED_NAME_TOKENS = 5  # «سلام تهران», «هفت کوتوله»: a short quote is a name; a longer one is reported speech


def quoted_names(kt: KeyedText) -> list[tuple[int, int]]:
    """Token ranges ``[lo, hi)`` inside a short «...»: the name of a programme, a play, a festival.

    >>> kt = KeyedText("نمایش «هفت کوتوله» در ۲۰ اجرا دیده شد")
    >>> [kt.tokens[i].text for lo, hi in quoted_names(kt) for i in range(lo, hi)]
    ['هفت', 'کوتوله']
    """
    return kt.memo("quoted_names", lambda: _quoted_names(kt))


def _quoted_names(kt: KeyedText) -> list[tuple[int, int]]:
    names = []
    opened = -1
    for i, token in enumerate(kt.tokens):
        if token.text == "«":
            opened = i
        elif token.text == "»" and opened >= 0:
            if i - opened - 1 <= QUOTED_NAME_TOKENS:
                names.append((opened + 1, i))
            opened = -1
    return names
