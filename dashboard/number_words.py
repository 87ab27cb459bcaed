"""The Persian number words, read from ``data/number_words.yaml`` and checked.

The code that finds numbers holds no word lists: it asks this module which class a word
belongs to and what it is worth.

>>> words = load_number_words()
>>> words.words["سیصد"], words.words["میلیارد"], words.joiner
(('H', 300), ('S', 1000000000), 'و')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dashboard.datafiles import read_yaml_mapping
from dashboard.errors import UserError
from dashboard.paths import DATA_DIR
from dashboard.persian import ZWNJ, fold_chars

NUMBER_WORDS_FILE = DATA_DIR / "number_words.yaml"

# Persian and Arabic letters (digits, punctuation, ٪ ٫ ٬ excluded), as a regex class body.
LETTERS = "\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff"

# The class of a word, one letter each: zero, unit (1-9), teen (10-19), ten (20-90),
# hundred (100-900), scale (1000, 1e6, ...), half.
ZERO, UNIT, TEEN, TEN, HUNDRED, SCALE, HALF = "ZUTNHSF"

_WORD_CLASSES = {"units": UNIT, "teens": TEEN, "tens": TEN, "hundreds": HUNDRED, "scales": SCALE}
_RANGES = {
    "units": (lambda v: 1 <= v <= 9, "a whole number from 1 to 9"),
    "teens": (lambda v: 10 <= v <= 19, "a whole number from 10 to 19"),
    "tens": (lambda v: 20 <= v <= 90 and v % 10 == 0, "a multiple of 10 from 20 to 90"),
    "hundreds": (lambda v: 100 <= v <= 900 and v % 100 == 0, "a multiple of 100 from 100 to 900"),
    "scales": (lambda v: v >= 1000 and _is_power_of_1000(v), "a power of 1000 (1000, 1000000, ...)"),
}
_WORD_RE = re.compile(f"[{LETTERS}]+")


class NumberWordsError(UserError, ValueError):
    """``data/number_words.yaml`` is missing or inconsistent; the message names the file."""


@dataclass(frozen=True)
class NumberWords:
    """The number words of ``data/number_words.yaml``: «سه» → (unit, 3), «هزار» → (scale, 1000)."""

    words: dict[str, tuple[str, int]]  # word -> (class letter, value)
    half: str
    joiner: str
    ordinal_suffixes: tuple[str, ...]
    ordinal_words: tuple[str, ...]
    fraction_suffix: str  # «چهار» + «م»: the denominator 4 of «سه چهارم»
    fraction_words: dict[str, int]  # irregular denominators: «سوم» → 3
    plural_suffixes: frozenset[str]  # «ها» in «ده ها»
    glued_after_scale: tuple[str, ...]  # «تومان» in «۸۰۰ میلیاردتومان»
    vague_before: frozenset[str]  # «چند», «دهها» (ZWNJ removed) before a bare scale word
    ambiguous: dict[str, frozenset[str]]  # word -> words after which it is not a number
    path: Path


def _is_power_of_1000(v: int) -> bool:
    while v >= 1000 and v % 1000 == 0:
        v //= 1000
    return v == 1


def _is_word(w: object) -> bool:
    """One Persian word with no space or ZWNJ (compounds such as «یک‌صد» are read by the finder)."""
    return isinstance(w, str) and _WORD_RE.fullmatch(w) is not None


@lru_cache(maxsize=4)
def load_number_words(path: Path = NUMBER_WORDS_FILE) -> NumberWords:
    """Read and check the number word file; a problem raises :class:`NumberWordsError` naming it.

    >>> load_number_words().words["سیصد"]
    ('H', 300)
    """
    try:
        data = read_yaml_mapping(path, NumberWordsError)
    except UnicodeDecodeError as exc:
        raise NumberWordsError(f"{path}: cannot be read ({exc})") from None

    words: dict[str, tuple[str, int]] = {}

    def add(word: object, cls: str, value: int, where: str) -> None:
        if not _is_word(word):
            raise NumberWordsError(f"{path}: {where}: {word!r} is not a single Persian word")
        word = fold_chars(str(word))
        if word in words:
            raise NumberWordsError(f"{path}: {where}: the word {word!r} appears twice")
        words[word] = (cls, value)

    for key in ("zero", "half", "joiner"):
        if not _is_word(data.get(key)):
            raise NumberWordsError(f"{path}: '{key}' must be one Persian word")
    add(data["zero"], ZERO, 0, "zero")
    for section, cls in _WORD_CLASSES.items():
        block = data.get(section)
        if not isinstance(block, dict) or not block:
            raise NumberWordsError(f"{path}: missing section '{section}' (word: value)")
        in_range, wanted = _RANGES[section]
        for word, value in block.items():
            if isinstance(value, bool) or not isinstance(value, int) or not in_range(value):
                raise NumberWordsError(f"{path}: {section}.{word}: value {value!r} is not {wanted}")
            add(word, cls, value, section)
    if not any(v == 100 for c, v in words.values() if c == HUNDRED):
        raise NumberWordsError(f"{path}: hundreds: needs the plain hundred word (value 100)")
    add(data["half"], HALF, 0, "half")
    joiner = fold_chars(data["joiner"])
    if joiner in words:
        raise NumberWordsError(f"{path}: joiner: the word {joiner!r} is also a number word")

    ordinals = data.get("ordinals")
    if not isinstance(ordinals, dict):
        raise NumberWordsError(f"{path}: missing section 'ordinals' (suffixes, irregular)")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("suffixes", "irregular"):
        items = ordinals.get(key)
        if not isinstance(items, list) or not all(_is_word(w) for w in items):
            raise NumberWordsError(f"{path}: ordinals.{key} must be a list of Persian words")
        lists[key] = tuple(fold_chars(w) for w in items)
    for word in lists["irregular"]:
        if word in words:
            raise NumberWordsError(f"{path}: ordinals.irregular: {word!r} is also a number word")

    fractions = data.get("fractions")
    if not isinstance(fractions, dict) or not _is_word(fractions.get("suffix")):
        raise NumberWordsError(f"{path}: 'fractions' needs a 'suffix' word and 'irregular' denominators")
    fraction_words: dict[str, int] = {}
    irregular = fractions.get("irregular") or {}
    if not isinstance(irregular, dict):
        raise NumberWordsError(f"{path}: fractions.irregular must map words to whole numbers")
    for word, value in irregular.items():
        if not _is_word(word) or isinstance(value, bool) or not isinstance(value, int) or value < 2:
            raise NumberWordsError(f"{path}: fractions.irregular.{word}: needs a whole denominator of 2 or more")
        if fold_chars(word) not in lists["irregular"]:
            raise NumberWordsError(f"{path}: fractions.irregular.{word}: not listed in ordinals.irregular")
        fraction_words[fold_chars(word)] = value

    plural = data.get("plural_suffixes")
    if not isinstance(plural, list) or not all(_is_word(w) for w in plural):
        raise NumberWordsError(f"{path}: plural_suffixes must be a list of Persian words")
    glued = data.get("glued_after_scale") or []
    if not isinstance(glued, list) or not all(_is_word(w) for w in glued):
        raise NumberWordsError(f"{path}: glued_after_scale must be a list of Persian words")
    vague = data.get("vague_before")
    if not isinstance(vague, list) or not all(isinstance(w, str) and _is_word(w.replace(ZWNJ, "")) for w in vague):
        raise NumberWordsError(f"{path}: vague_before must be a list of Persian words")

    ambiguous: dict[str, frozenset[str]] = {}
    block = data.get("ambiguous") or {}
    if not isinstance(block, dict):
        raise NumberWordsError(f"{path}: 'ambiguous' must map words to {{not_before: [...]}}")
    for word, spec in block.items():
        word = fold_chars(str(word))
        if word not in words:
            raise NumberWordsError(f"{path}: ambiguous.{word}: not a number word of this file")
        after = spec.get("not_before") if isinstance(spec, dict) else None
        if not isinstance(after, list) or not all(_is_word(w) for w in after):
            raise NumberWordsError(f"{path}: ambiguous.{word}.not_before must be a list of Persian words")
        ambiguous[word] = frozenset(fold_chars(w) for w in after)

    return NumberWords(
        words=words,
        half=fold_chars(data["half"]),
        joiner=joiner,
        ordinal_suffixes=lists["suffixes"],
        ordinal_words=lists["irregular"],
        fraction_suffix=fold_chars(fractions["suffix"]),
        fraction_words=fraction_words,
        plural_suffixes=frozenset(fold_chars(w) for w in plural),
        glued_after_scale=tuple(fold_chars(w) for w in glued),
        vague_before=frozenset(fold_chars(w).replace(ZWNJ, "") for w in vague),
        ambiguous=ambiguous,
        path=path,
    )
