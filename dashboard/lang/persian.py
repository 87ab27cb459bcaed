"""Character-level Persian text folding, kept free of hazm so it stays fast.

>>> fold_chars("مركز ۱۲٣")
'مرکز ۱۲۳'
>>> match_key("قرض‌الحسنه") == match_key("قرضالحسنه") == match_key("قرض الحسنه")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ZWNJ = "\u200c"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# One-to-one folds, so offsets in the folded text equal offsets in the original.
_LETTER_FOLD = {
    "ي": "ی",
    "ى": "ی",
    "ك": "ک",
    "ۀ": "ه",
    "ة": "ه",
    "\u200f": ZWNJ,  # right-to-left and left-to-right marks used as a joiner break in some feeds
    "\u200e": ZWNJ,
    "\u200d": ZWNJ,
    "\u00a0": " ",
    **{a: p for a, p in zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=False)},
}


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF), the shaped letters text copied from a PDF
    keeps («ﻓﺮدﯾﺲ» for «فردیس»), folded to the letter each stands for when that is one letter."""
    forms = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        plain = unicodedata.normalize("NFKC", chr(code))
        if len(plain) == 1 and plain != chr(code):
            forms[chr(code)] = _LETTER_FOLD.get(plain, plain)
    return forms


_CHAR_FOLD = str.maketrans({**_presentation_forms(), **_LETTER_FOLD})
_TO_ASCII_DIGITS = str.maketrans(
    {**{p: str(i) for i, p in enumerate(PERSIAN_DIGITS)}, **{a: str(i) for i, a in enumerate(ARABIC_DIGITS)}}
)
_DIACRITICS = dict.fromkeys(map(ord, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"), None)


# str.translate is slow on non-ASCII text, so each fold first asks a regex whether it has work to do.
_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in _CHAR_FOLD) + "]")
_NEEDS_ASCII = re.compile("[" + PERSIAN_DIGITS + ARABIC_DIGITS + "]")
_NEEDS_KEY = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in {**_CHAR_FOLD, **_DIACRITICS}) + ZWNJ + PERSIAN_DIGITS + r"\s]"
)


def fold_chars(text: str) -> str:
    """Fold Arabic letters and digits to Persian ones, one character for one.

    >>> fold_chars("كد ٤٥")
    'کد ۴۵'
    """
    return text.translate(_CHAR_FOLD) if _NEEDS_FOLD.search(text) else text


@lru_cache(maxsize=4096)
def fold_text(text: str) -> str:
    """:func:`fold_chars`, and ZWNJ turned into a space: still one character for one, so offsets in the
    folded text are those of the original (the checks' cue words run on it).

    >>> fold_text("قرض‌الحسنه") == "قرض الحسنه"
    True
    """
    return fold_chars(text).replace(ZWNJ, " ")


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII: ``"۱۴۰۲"`` gives ``"1402"``."""
    return text.translate(_TO_ASCII_DIGITS) if _NEEDS_ASCII.search(text) else text


def match_key(text: str) -> str:
    """A lookup key that ignores ZWNJ, spaces, diacritics, tatweel, ي/ك and digit script.

    >>> match_key("صندوق‌های قرض‌الحسنه")
    'صندوقهایقرضالحسنه'
    """
    if not _NEEDS_KEY.search(text):
        return text
    folded = to_ascii_digits(fold_chars(text)).translate(_DIACRITICS)
    return "".join(folded.replace(ZWNJ, "").split())
