"""The free-text search's pattern: one regular expression that ignores how Persian news spells a word.

The same pattern runs in the database (``REGEXP`` in SQLite, ``~*`` in PostgreSQL), so it uses only
what both regular-expression engines read alike: literal characters and bracket classes.

>>> import re
>>> bool(re.search(query_pattern("قرض الحسنه"), "صندوق قرض‌الحسنه"))
True
"""

from __future__ import annotations

import re

from dashboard.lang.persian import ARABIC_DIGITS, PERSIAN_DIGITS, match_key

# Characters that may sit inside a word without changing it: ZWNJ and friends, spaces, diacritics, tatweel.
# Literal characters (no \\s or \\u escapes, which would push pandas off pyarrow's fast regex engine).
_SKIP = "[" + "\u200c\u200d\u200f \t\n\r\u00a0" + "\u064b-\u0652\u0654\u0670\u0640ء" + "]*"
# Spellings of one letter that news mixes freely: ي/ك, and the hamza forms («رئیس»، «رییس»؛ «مسؤول»، «مسئول»).
_VARIANTS = {"ی": "یيىئ", "ک": "کك", "ه": "هۀة", "ا": "اأإآ", "و": "وؤ"}
# A query letter stands for its whole class: «أ» is searched as «ا»; a hamza on any seat (or none,
# or the seat alone) as any hamza seat: «رئیس» finds «رییس», «مسئول» finds «مسؤول».
_QUERY_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
_HAMZA = "ئؤء"
_HAMZA_CLASS = "[ئؤءیيوى]?"
for _i in range(10):
    _VARIANTS[str(_i)] = str(_i) + PERSIAN_DIGITS[_i] + ARABIC_DIGITS[_i]


def query_pattern(text: str) -> str:
    """A regular expression for a search query that ignores ZWNJ, spaces, ي/ك and digit script.

    >>> import re
    >>> bool(re.search(query_pattern("12"), "۱۲ صندوق"))
    True
    >>> bool(re.search(query_pattern("۱۲"), "١٢ صندوق"))
    True
    >>> bool(re.search(query_pattern("رییس"), "رئیس سازمان")), bool(re.search(query_pattern("مسئول"), "مسؤول"))
    (True, True)
    >>> query_pattern("  ")
    ''
    """
    key = match_key(text).lower().translate(_QUERY_FOLD)
    pieces = []
    for ch in key:
        if ch in _HAMZA:
            pieces.append(_HAMZA_CLASS)
            continue
        variants = _VARIANTS.get(ch)
        pieces.append(f"[{''.join(re.escape(v) for v in variants)}]" if variants else re.escape(ch))
    return _SKIP.join(pieces)
