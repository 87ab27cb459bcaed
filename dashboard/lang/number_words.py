"""The Persian number words, read from ``data/number_words.yaml`` and checked.

The code that finds numbers holds no word lists: it asks this module which class a word
belongs to and what it is worth.

>>> words = load_number_words()
>>> words.words["سیصد"], words.words["میلیارد"], words.joiner
(('H', 300), ('S', 1000000000), 'و')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dashboard.lang.data_schemas import LETTERS as LETTERS  # the number finder's letter class
from dashboard.lang.data_schemas import NumberWordsFile
from dashboard.lang.datafiles import load_data_file
from dashboard.lang.errors import UserError
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.persian import ZWNJ, fold_chars

NUMBER_WORDS_FILE = DATA_DIR / "number_words.yaml"

# The class of a word, one letter each: zero, unit (1-9), teen (10-19), ten (20-90),
# hundred (100-900), scale (1000, 1e6, ...), half.
ZERO, UNIT, TEEN, TEN, HUNDRED, SCALE, HALF = "ZUTNHSF"

# The class of each section of the file.
_SECTION_CLASSES = {
    "zero": ZERO,
    "units": UNIT,
    "teens": TEEN,
    "tens": TEN,
    "hundreds": HUNDRED,
    "scales": SCALE,
    "half": HALF,
}


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


@lru_cache(maxsize=4)
def load_number_words(path: Path = NUMBER_WORDS_FILE) -> NumberWords:
    """Read and check the number word file (shape: :class:`~dashboard.lang.data_schemas.NumberWordsFile`); a
    problem raises :class:`NumberWordsError` naming it.

    >>> load_number_words().words["سیصد"]
    ('H', 300)
    """
    data = load_data_file(path, NumberWordsFile, NumberWordsError)
    fold = fold_chars
    fractions = data.fractions.irregular or {}
    return NumberWords(
        words={word: (_SECTION_CLASSES[section], value) for word, (section, value) in data.number_words().items()},
        half=fold(data.half),
        joiner=fold(data.joiner),
        ordinal_suffixes=tuple(fold(w) for w in data.ordinals.suffixes),
        ordinal_words=tuple(fold(w) for w in data.ordinals.irregular),
        fraction_suffix=fold(data.fractions.suffix),
        fraction_words={fold(w): v for w, v in fractions.items()},
        plural_suffixes=frozenset(fold(w) for w in data.plural_suffixes),
        glued_after_scale=tuple(fold(w) for w in data.glued_after_scale or ()),
        vague_before=frozenset(fold(w).replace(ZWNJ, "") for w in data.vague_before),
        ambiguous={fold(w): frozenset(fold(x) for x in spec.not_before) for w, spec in (data.ambiguous or {}).items()},
        path=path,
    )
