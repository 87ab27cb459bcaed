"""One name per news outlet (``data/outlets.yaml``).

>>> canonical_outlet("خبرنگار ایرنا"), canonical_outlet("گروه اجتماعی خبرگزاری فارس")
('ایرنا', 'خبرگزاری فارس')
>>> canonical_outlet("خبرگزاری صدا و سیما مرکز اردبیل")
'خبرگزاری صدا و سیما مرکز اردبیل'
>>> canonical_outlet("روابط عمومی اداره کل بهزیستی")
'روابط عمومی اداره کل بهزیستی'
>>> canonical_outlet("خبرنگار اقتصادی خبرگزاری نمونه")
'خبرگزاری نمونه'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dashboard.lang.datafiles import DataFileError, read_yaml_mapping
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.persian import fold_chars, match_key
from dashboard.text.keyed_text import KeyedText

OUTLETS_FILE = DATA_DIR / "outlets.yaml"
BRANCH_WORDS = frozenset({"مرکز", "دفتر", "واحد", "شعبه"})
AGENCY = "خبرگزاری"  # «... مرکز اردبیل»: the outlet's regional office


@cache
def outlet_names(path: Path = OUTLETS_FILE) -> dict[str, str]:
    """Match key of every way an outlet is written -> the outlet's one name; a problem names the file."""
    data = read_yaml_mapping(path, DataFileError)
    names: dict[str, str] = {}
    for canonical, variants in data.items():
        if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
            raise DataFileError(f"{path}: {canonical!r} must list the ways the outlet is written")
        for variant in (canonical, *variants):
            key = match_key(fold_chars(variant))
            if names.get(key, canonical) != canonical:
                raise DataFileError(f"{path}: {variant!r} is listed under {names[key]!r} and {canonical!r}")
            names[key] = canonical
    return names


def find_outlet(kt: KeyedText) -> tuple[int, int, str] | None:
    """``(first token, last token + 1, outlet)`` of the first outlet the tokens name, longest first."""
    found = kt.find(outlet_names())
    if not found:
        return None
    first, last, key = max((f for f in found if f[0] == found[0][0]), key=lambda f: f[1])
    return first, last, outlet_names()[key]


def canonical_outlet(outlet: str) -> str:
    """The outlet's one name, with its regional office; a phrase naming no known outlet is kept as written."""
    folded = fold_chars(outlet)
    kt = KeyedText(folded)
    hit = find_outlet(kt)
    if hit is None:
        # «خبرنگار اجتماعی خبرگزاری X»: an agency no list knows yet goes by «خبرگزاری» and its name.
        agency = next((t.start for t in kt.tokens if t.key == AGENCY), None)
        return folded[agency:].strip() if agency is not None else outlet.strip()
    _first, last, name = hit
    if last < len(kt.tokens) and kt.tokens[last].key in BRANCH_WORDS:
        return f"{name} {folded[kt.tokens[last].start :].strip()}"
    return name
