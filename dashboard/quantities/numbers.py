"""Find every number in a Persian text and read its value.

Digits in three scripts, thousands separators, decimals, number words and their mixtures
are read the way a Persian reader does; dates, times, phone numbers and long ids are found
too, with their own ``kind``, so nobody mistakes them for figures. Units and currencies are
left to the caller: in «۱۲ همت» the span is «۱۲».

>>> [(s.text, s.value) for s in find_numbers("۱۲۳ هزار و ۱۸۲ شغل و ۶ هزار و ۵۰۰ میلیارد تومان")]
[('۱۲۳ هزار و ۱۸۲', 123182.0), ('۶ هزار و ۵۰۰ میلیارد', 6500000000000.0)]
>>> parse_number("دو و نیم میلیارد")
2500000000.0
>>> [s.kind for s in find_numbers("تاریخ ۱۴۰۲/۰۹/۰۳ ساعت ۱۴:۱۰ تلفن ۰۲۱-۸۸۷۷۶۶۵۵")]
['date', 'time', 'phone']

The words themselves live in ``data/number_words.yaml`` (see :func:`load_number_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path

from dashboard.lang.number_words import (
    HALF,
    HUNDRED,
    LETTERS,
    NUMBER_WORDS_FILE,
    SCALE,
    TEEN,
    TEN,
    UNIT,
    ZERO,
    NumberWords,
    load_number_words,
)
from dashboard.lang.persian import ZWNJ, fold_chars, to_ascii_digits

KINDS = ("number", "date", "time", "phone", "id")

_L = LETTERS
_Z = "\u200c\u200d\u200f"  # ZWNJ and the joiner breaks fold_chars folds into it
_D = "0-9\u06f0-\u06f9\u0660-\u0669"  # ASCII, Persian and Arabic-Indic digits
_IN_DIGITS = "\u200c\u200d"  # ZWNJ and ZWJ, which editors slip into a run of digits: «۷\u200c۵» is 75
_GAP_CHARS = f" \t\u00a0\u200b\u2009\u202f{_Z}"  # what may stand between the parts of one number
_GAP = f"[{_GAP_CHARS}]*"
_GAP_RE = re.compile(_GAP)
_LETTER_RE = re.compile(f"[{_L}]")
_NEXT_WORD_RE = re.compile(f"{_GAP}([{_L}]+)")
_PREVIOUS_WORDS_RE = re.compile(f"(?:([{_L}{_Z}]+)[ \t\u00a0]+)?([{_L}{_Z}]+){_GAP}$")

# Atom classes: the word classes of the data file, plus digits, the joiner and ordinals.
_DIGITS, _JOIN, _ORDINAL = "DJO"
_ZERO, _UNIT, _TEEN, _TEN, _HUNDRED, _SCALE, _HALF = ZERO, UNIT, TEEN, TEN, HUNDRED, SCALE, HALF
_GROUP_STARTS = frozenset((_DIGITS, ZERO, UNIT, TEEN, TEN, HUNDRED, HALF))


@dataclass(frozen=True)
class NumberSpan:
    """One numeric expression found in a text.

    ``value`` is the number for kind ``"number"`` («۲٫۵ میلیون» → 2500000.0); for ids and
    phone numbers it is the plain value of their digits, for dates and times 0.
    """

    start: int  # offsets into the text given to find_numbers
    end: int
    value: float
    text: str  # text[start:end]
    kind: str  # "number" | "date" | "time" | "phone" | "id"
    has_words: bool  # True when any number word (هزار, میلیون, سه, ...) is part of it


def _span(start: int, end: int, value: float, text: str, kind: str, has_words: bool) -> NumberSpan:
    """``NumberSpan(start, end, value, text, kind, has_words)``, built at half the cost.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; this fills
    the new instance's ``__dict__`` in one call. The result is the same object in every way
    (equality, hash, repr, pickling), as long as NumberSpan keeps plain fields with no
    ``__post_init__``.
    """
    span = object.__new__(NumberSpan)
    fields = span.__dict__
    fields["start"], fields["end"], fields["value"] = start, end, value
    fields["text"], fields["kind"], fields["has_words"] = text, kind, has_words
    return span


def _letter_variants() -> dict[str, str]:
    """Each Persian letter with the Arabic letters ``fold_chars`` folds into it: «ی» → «یيى»."""
    variants: dict[str, str] = {}
    for code in range(0x0620, 0x06FF + 1):
        ch = chr(code)
        folded = fold_chars(ch)
        if folded != ch and len(folded) == 1 and re.fullmatch(f"[{_L}]", folded):
            variants[folded] = variants.get(folded, folded) + ch
    return variants


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for ``words`` that fails on the first letter and prefers the longest.

    Letters also match their unfolded Arabic forms, so «يك» is found without folding the text.
    """
    variants = _letter_variants()
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(ch: str) -> str:
        alts = variants.get(ch)
        return f"[{alts}]" if alts else re.escape(ch)

    def build(node: dict) -> str:
        ends = "" in node
        branches = [char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


@dataclass(frozen=True)
class _Matcher:
    lexicon: NumberWords
    # Digit structures, Latin words and addresses, one named group per kind; each match first
    # skips the text up to the next digit, Latin letter, «+» or «(» (a lone «+» or «(» is eaten
    # without a group, and the text's end matches empty), so one pass over the text finds them all.
    digits: re.Pattern[str]
    # Number words and ordinals as whole tokens («و» only inside one: «صدوبیست»), in three scans:
    # at the start of the text, after a space, after any other non-letter. A word starts only where a letter does not
    # stand before it (nor a letter and a joiner break); the regex engine finds a leading space in
    # a fast search, where a look-behind at every position would cost more than all else.
    word_scans: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
    # «و» standing alone between two atoms, spaces around it: it is no atom of its own (it is
    # everywhere in a text), the phrase reader looks for it where two atoms are not adjacent.
    lone_join: re.Pattern[str]
    parts: re.Pattern[str]  # the words inside one token
    token_cache: dict[str, tuple[tuple[int, int, str, float], ...]]
    figure_cache: dict[str, tuple[bool, float]]  # see _read_figure


def _digit(ascii_digits: str) -> str:
    """A regex class for these digits in all three scripts: ``"34"`` → ``[34۳۴٣٤]``."""
    return "[" + "".join(f"{c}{chr(0x06F0 + int(c))}{chr(0x0660 + int(c))}" for c in ascii_digits) + "]"


def _digit_pattern() -> str:
    """Everything that starts with a digit, a Latin letter, «+» or «(», one named group per kind."""
    d = f"[{_D}]"
    zero = _digit("0")
    end = f"(?!{d})"
    # «۱۴۰۲/۰۹»: a Jalali year and a month, not 1402.09
    year_month = f"{_digit('1')}{_digit('34')}{d}{{2}}/(?:{zero}{_digit('123456789')}|{_digit('1')}{_digit('012')})"
    # «۱۲٬۵۰۰», «12,500», «۱۲،۵۰۰»: one separator throughout, exact groups of three; «٬» may
    # carry the spaces some normalizers put around it («۱ ٬ ۲۳۴»)
    groups = f"{d}{{1,3}}(?P<ts>,|\u060c| ?\u066c ?){d}{{3}}(?:(?P=ts){d}{{3}})*{end}"
    decimals = f"(?: ?\u066b ?{d}+|\\.{d}+|/{d}{{1,3}}{end})"
    latin = f"[A-Za-z0-9_{_D}]"
    phones = (
        f"{zero}{d}{{2,3}}-{d}{{5,8}}{end}",  # ۰۸۳-۳۸۲۴۵۱۰۰
        f"{d}{{5,8}}-{zero}{d}{{2,3}}{end}",  # the same written right to left
        f"\\({zero}{d}{{2,3}}\\) ?{d}{{7,8}}{end}",  # (۰۲۱) ۸۸۷۷۶۶۵۵
        f"{zero}{_digit('9')}{d}{{2}}[- ]{d}{{3}}[- ]?{d}{{4}}{end}",  # ۰۹۱۲ ۳۴۵ ۶۷۸۹
        f"(?:\\+|{zero}{zero}){_digit('9')}{_digit('8')}[- ]?{d}{{2,3}}[- ]?{d}{{3,4}}[- ]?{d}{{3,4}}{end}",
        f"{zero}{d}{{10}}{end}",  # 09121234567
    )
    structured = "|".join(
        (
            f"(?P<dotted>{d}{{1,3}}(?:\\.{d}{{3}}){{2,}}(?!{d}|[.\u066b/]{d}))",  # 1.500.000
            f"(?P<id>{d}+(?P<is>[/.\\-:]){d}+(?:(?P=is){d}+){{2,}})",  # 4+ parts: addresses, versions
            f"(?P<date>{d}{{1,4}}(?P<ds>[/.\\-]){d}{{1,2}}(?P=ds){d}{{1,4}}{end}|{year_month}(?!{d}|/{d}))",
            f"(?P<time>{d}{{1,2}}:{d}{{2}}(?::{d}{{2}})?{end})",
            f"(?P<phone>{'|'.join(phones)})",
        )
    )
    return "|".join(
        (
            r"(?P<url>(?:https?://|www\.)[^\s\"'<>()\[\]{}\u060c]+)",
            f"(?P<latin>[A-Za-z_](?:{latin}|[./\\-:?=&#%+@](?={latin}))*)",
            # Each of these starts with «+», «(», a zero, or digits and a separator (the look-ahead
            # asks no more than that), so a plain figure such as «۱۸۰» skips them all at one look.
            f"(?=[+(]|{zero}|{d}++[/.\\-:])(?:{structured})",
            f"(?P<num>(?:{groups}|{d}+(?:[{_IN_DIGITS}]{d}+)*+){decimals}?)",
        )
    )


@lru_cache(maxsize=4)
def _matcher(path: Path = NUMBER_WORDS_FILE) -> _Matcher:
    """The compiled scanners for the words of ``path``."""
    lex = load_number_words(path)
    word = _trie_pattern(sorted(lex.words))
    join = _trie_pattern([lex.joiner])
    z = f"[{_Z}]"
    suffix = _trie_pattern(list(lex.ordinal_suffixes))
    glued = _trie_pattern(list(lex.glued_after_scale)) if lex.glued_after_scale else None
    irregular = _trie_pattern(list(lex.ordinal_words))
    # Every alternative starts with one of these, so a cheap look at two letters skips most words.
    openings = {w[:2] for w in (*lex.words, *lex.ordinal_words)}
    # A word starts where no letter stands before it (nor a letter and a joiner break), and ends
    # where no letter follows it. The scans below see to the start.
    before, after = f"(?<![{_L}])(?<![{_L}]{z})", f"(?![{_L}])(?!{z}[{_L}])"
    # A token may also end in a glued «و» («هزارو ۲۰۰») or right before a glued currency
    # («میلیاردتومان»); _scan keeps such a token only when a scale word stands there.
    word_end = f"(?:{after}|(?={glued}))" if glued else after
    words = (
        f"(?={_trie_pattern(sorted(openings))})"
        f"(?:(?P<ord>(?>{word}){z}?(?:{suffix})|{irregular}){after}"
        # Atomic words and a possessive loop: a token is read one way, longest words first, or
        # not at all, so a long run of glued words can never make the regex backtrack.
        f"|(?P<word>(?>{word})(?:{z}?(?:{join}{z}?)?(?>{word}))*+(?:{z}?{join}{after})?){word_end})"
    )
    return _Matcher(
        lexicon=lex,
        digits=re.compile(f"[^{_D}A-Za-z_+(]*+(?:{_digit_pattern()}|[+(]|\\Z)"),
        word_scans=(
            re.compile(words),
            re.compile(" " + words),
            re.compile(f"[^{_L} ](?<![{_L}]{z})" + words),
        ),
        lone_join=re.compile(f"{_GAP}{before}(?:{join}){after}{_GAP}"),
        parts=re.compile(f"{word}|{join}"),
        token_cache={},
        figure_cache={},
    )


# An atom: (start, end, class, value, first of its token, last of its token)
_Atom = tuple[int, int, str, float, bool, bool]


def _digits_value(s: str) -> float:
    """``"1,234٫5"`` → 1234.5 (the text is already ASCII digits)."""
    s = s.replace(",", "").replace("\u066c", "").replace("\u060c", "").replace(" ", "")
    return float(s.replace("\u066b", ".").replace("/", "."))


def _plain_digits(figure: str) -> str:
    """The figure in ASCII digits, joiner breaks dropped: «۷\u200c۵» → ``"75"``."""
    ascii_digits = to_ascii_digits(figure)
    if "\u200c" in ascii_digits or "\u200d" in ascii_digits:
        ascii_digits = ascii_digits.replace("\u200c", "").replace("\u200d", "")
    return ascii_digits


def _read_figure(m: _Matcher, figure: str) -> tuple[bool, float]:
    """Is this run of digits an id, and its value: «۱۲٬۵۰۰» → (False, 12500.0), «۰۹۱۲۳۴۵۶۷۸۹» → (True, 9123456789.0).

    Long runs of plain digits are ids: 8 or more starting with 0, or more than 12. Figures
    repeat across texts, so the answers are kept.
    """
    read = m.figure_cache.get(figure)
    if read is None:
        ascii_digits = _plain_digits(figure)
        if ascii_digits.isdigit() and len(ascii_digits) >= 8 and (ascii_digits[0] == "0" or len(ascii_digits) > 12):
            read = (True, float(ascii_digits))
        else:
            read = (False, _digits_value(ascii_digits))
        if len(m.figure_cache) < 10_000:
            m.figure_cache[figure] = read
    return read


def _token_atoms(m: _Matcher, token: str) -> tuple[tuple[int, int, str, float], ...]:
    """The words of one token: «یکصدوبیست» → یکصد, و, بیست (offsets within the token)."""
    cached = m.token_cache.get(token)
    if cached is None:
        words = m.lexicon.words
        found = []
        for p in m.parts.finditer(token):
            key = fold_chars(p.group())
            found.append((p.start(), p.end(), *(words[key] if key in words else (_JOIN, 0))))
        cached = tuple(found)
        if len(m.token_cache) < 10_000:
            m.token_cache[token] = cached
    return cached


def _denominator(lex: NumberWords, ordinal: str) -> float:
    """The denominator an ordinal gives a fraction: «چهارم» → 4, «سوم» → 3; 0 when it gives none.

    >>> _denominator(load_number_words(), "دهم"), _denominator(load_number_words(), "سومین")
    (10.0, 0.0)
    """
    key = fold_chars(ordinal).replace(ZWNJ, "")
    if key in lex.fraction_words:
        return float(lex.fraction_words[key])
    suffix = lex.fraction_suffix
    if key.endswith(suffix):
        cls, value = lex.words.get(key[: -len(suffix)], (_ORDINAL, 0))
        if cls in (_UNIT, _TEEN, _TEN, _HUNDRED, _SCALE) and value >= 2:
            return float(value)
    return 0.0


def _token_fits(parts: tuple[tuple[int, int, str, float], ...], text: str, end: int) -> bool:
    """May this token be read? A glued «و» or currency word may only follow a scale word.

    «هزارو ۲۰۰» and «میلیاردتومان» fit; «سهو» (a slip, not «سه و») and «سهتومان» do not.
    """
    if parts[-1][2] == _JOIN:
        return len(parts) > 1 and parts[-2][2] == _SCALE
    return end == len(text) or parts[-1][2] == _SCALE or not _LETTER_RE.match(text, end)


def _scan(text: str, m: _Matcher) -> tuple[list[_Atom], list[NumberSpan]]:
    """Split the text into atoms, in order; dates, times, phones and ids come out as finished spans.

    A lone «و» is no atom: :func:`_parse` finds it between two atoms with :func:`_joined`.
    """
    atoms: list[_Atom] = []
    others: list[NumberSpan] = []
    figure_cache = m.figure_cache
    for x in m.digits.finditer(text):
        kind = x.lastgroup
        if kind is None:  # a lone «+» or «(», or the end of the text
            continue
        s, e = pos_span = x.span(kind)
        if kind == "dotted":
            atoms.append((s, e, _DIGITS, float(to_ascii_digits(x.group(kind)).replace(".", "")), True, True))
        elif kind == "num":
            figure = x.group(kind)
            is_id, value = figure_cache.get(figure) or _read_figure(m, figure)
            if is_id:
                others.append(_span(s, e, value, figure, "id", False))
            else:
                atoms.append((s, e, _DIGITS, value, True, True))
        elif kind in ("date", "time"):
            others.append(_span(*pos_span, 0.0, x.group(kind), kind, False))
        elif kind in ("phone", "id"):
            plain = "".join(ch for ch in to_ascii_digits(x.group(kind)) if ch.isdigit())
            others.append(_span(*pos_span, float(plain) if plain else 0.0, x.group(kind), kind, False))
        # url and latin: skipped, so their digits never become numbers
    word_atoms = _word_atoms(text, m)
    if word_atoms:
        atoms += word_atoms
        atoms.sort()
    return atoms, others


def _word_atoms(text: str, m: _Matcher) -> list[_Atom]:
    """The atoms of the number words in ``text`` (unsorted): a token such as «سی‌وپنج» gives one per part."""
    word_atoms: list[_Atom] = []
    at_start, after_space, after_other = m.word_scans
    first = at_start.match(text)
    for x in chain((first,) if first else (), after_space.finditer(text), after_other.finditer(text)):
        kind = x.lastgroup
        if kind is None:  # every alternative of the word scans is a named group
            continue
        s, e = x.span(kind)
        if kind == "word":
            parts = _token_atoms(m, x.group(kind))
            if not _token_fits(parts, text, e):
                continue
            if len(parts) == 1:  # most tokens are one word
                word_atoms.append((s, e, parts[0][2], float(parts[0][3]), True, True))
                continue
            last = len(parts) - 1
            if parts[-1][2] == _JOIN:  # «هزارو»: the phrase may end at the scale word
                last -= 1
            for k, (ps, pe, cls, value) in enumerate(parts):
                word_atoms.append((s + ps, s + pe, cls, float(value), k == 0, k >= last))
        else:
            word_atoms.append((s, e, _ORDINAL, _denominator(m.lexicon, x.group(kind)), True, True))
    return word_atoms


def _joined(m: _Matcher, text: str, end: int, start: int) -> bool:
    """Does a lone «و» stand between ``end`` and ``start``, with only spaces and joiner breaks around it?

    «۳ و نیم» and «سی و پنج» are joined; «سی‌وپنج» is one token and «۳ یا ۴» is not joined.
    """
    x = m.lone_join.match(text, end)
    return x is not None and x.end() == start


def _adjacent(text: str, end: int, start: int) -> bool:
    """Do only spaces and joiner breaks stand between ``end`` and ``start``?"""
    if start == end:
        return True
    if start > end:  # str.strip stops at the first other character, from both ends
        return text[end] in _GAP_CHARS and not text[end:start].strip(_GAP_CHARS)
    return _GAP_RE.fullmatch(text, end, start) is not None


_ORDINAL_PHRASE = -1
_START = attrgetter("start")


@dataclass(slots=True)
class _Phrase:
    """What :func:`_parse` knows of the number phrase it is reading.

    A step method takes one atom (or a «و» and the atom it brings in) and answers True when the
    phrase goes on, False when it ends before the atom, or the (index, value) to return at once.
    """

    best: tuple[int, float]  # the longest phrase read so far: (index after it, value)
    total: float = 0.0
    group: float | None = None  # the group of words before the next scale word
    gcls: str = ""  # class of the last part of the group
    simple: bool = False  # the group is one unit word so far (for «دو صد»)
    last_scale: float = 0.0
    max_scale: float = 0.0
    after_scale: bool = False
    needs_scale: bool = False  # a group written after a scale with no «و» must end in a smaller scale
    closed: bool = False  # «یک میلیون و نیم»: nothing may follow
    bare: tuple[int, float] | None = None  # where to stop when a bigger scale follows «یک میلیون و هزار»
    has_digits: bool = False
    rollback: tuple[int, float] | None = None  # where to stop when a later group does not fit

    def fallback(self) -> tuple[int, float]:
        """Where the phrase ends when a later group does not fit."""
        return self.rollback if self.rollback is not None else self.best

    def start_group(self, cls: str, value: float) -> None:
        """Begin a group with a word or figure of class ``cls``."""
        self.group, self.gcls, self.simple = value, cls, cls == _UNIT
        self.has_digits = self.has_digits or cls == _DIGITS

    def join(self, cls: str, value: float) -> bool | tuple[int, float]:
        """«و» brings in an atom of class ``cls``: «سی و پنج», «یک میلیون و نیم», «صدوبیست»."""
        if cls == _ORDINAL:
            ordinal = not self.has_digits and (self.group is not None or self.after_scale)
            return (_ORDINAL_PHRASE, 0.0) if ordinal else self.best
        if self.group is None:
            if not self.after_scale or self.needs_scale:
                return False
            if cls == _SCALE and 0 < value < self.last_scale:
                self.rollback = self.best  # «یک میلیون و هزار»: a bare scale word is one of it, 1,001,000
                self.total += value
                self.last_scale, self.bare = value, self.best
                return True
            if cls not in _GROUP_STARTS:
                return False
            self.rollback = self.best
            if cls == _HALF:
                self.total += 0.5 * self.last_scale
                self.closed = True
            else:
                self.start_group(cls, value)
            self.after_scale = False
            return True
        if (
            (self.gcls == _HUNDRED and cls in (_UNIT, _TEEN, _TEN))
            or (self.gcls == _HUNDRED and cls == _DIGITS and value < 100 and value.is_integer())  # «یکصد و ۵۸»
            or (self.gcls == _TEN and cls == _UNIT)
            or (self.gcls != _HALF and cls == _HALF and self.group.is_integer())
        ):
            self.group += 0.5 if cls == _HALF else value
            self.gcls, self.simple = cls, False
            self.has_digits = self.has_digits or cls == _DIGITS
            return True
        return False

    def scale(self, value: float, at_start: bool) -> bool | tuple[int, float]:
        """A scale word multiplies the group before it, or the whole phrase when it is the biggest yet."""
        if self.bare is not None and value > self.max_scale:  # «یک میلیون | و هزار میلیارد»: two numbers
            return self.bare
        if self.group is None:
            if self.after_scale and value > self.max_scale:  # «هزار میلیارد»: one scale of 1e12
                self.total *= value
                self.last_scale = self.max_scale = value * self.max_scale
            elif at_start:  # «هزار» alone is 1000
                self.total = value
                self.last_scale = self.max_scale = value
            else:  # «... و ۱۲ هزار میلیارد»: the later group starts a phrase of its own
                return self.fallback()
        elif self.last_scale == 0 or value < self.last_scale:
            self.total += self.group * value
            self.last_scale = value
            self.max_scale = max(self.max_scale, value)
        elif value > self.max_scale and not self.needs_scale:  # «۶ هزار و ۵۰۰ میلیارد»: 6500 × 1e9
            self.total = (self.total + self.group) * value
            self.last_scale = self.max_scale = value * self.max_scale
        elif value == self.last_scale < self.max_scale and not self.needs_scale:
            # «۳۵۷ میلیون و ۸۳۹ هزار و ۷۴۰ هزار ریال»: an amount in thousands, 357,839,740 × 1000
            self.total = (self.total + self.group) * value
            self.last_scale, self.max_scale = value, value * self.max_scale
        else:
            return self.fallback()
        self.group, self.gcls, self.after_scale, self.needs_scale = None, "", True, False
        return True

    def word(self, cls: str, value: float, at_start: bool) -> bool:
        """A figure, unit, teen, ten, hundred, zero or half word with no «و» before it."""
        if at_start:
            self.group, self.gcls, self.simple = (0.5 if cls == _HALF else value), cls, cls == _UNIT
            self.has_digits = cls == _DIGITS
        elif self.group is not None and self.simple and cls == _HUNDRED and value == 100:  # «دو صد»
            self.group *= 100
            self.gcls, self.simple = _HUNDRED, False
        elif self.group is None and self.after_scale and cls not in (_ZERO, _HALF) and not self.needs_scale:
            self.rollback = self.best  # «۲ میلیون ۵۰۰ هزار»
            self.start_group(cls, value)
            self.needs_scale, self.after_scale = True, False
        else:
            return False
        return True

    def fraction(self, value: float) -> bool:
        """An ordinal after a bare group makes a fraction: «سه چهارم» = 0.75."""
        if not value or self.group is None or self.gcls not in "UTNH" or self.total or self.has_digits:
            return False
        self.group /= value
        self.closed = True
        return True


def _link(m: _Matcher, text: str, end: int, start: int) -> bool | None:
    """How an atom at ``start`` follows one that ends at ``end``: False when adjacent, True across a
    lone «و», None when something else stands between them."""
    if _adjacent(text, end, start):
        return False
    return True if _joined(m, text, end, start) else None


def _parse(atoms: list[_Atom], i: int, text: str, m: _Matcher) -> tuple[int, float]:
    """Read one number phrase from ``atoms[i]`` on, like a Persian reader.

    Returns (index after its last atom, value); the index is ``i`` when no phrase starts here
    and ``_ORDINAL_PHRASE`` when the words turn out to be an ordinal («بیست و یکم»).
    Scale words multiply the group before them; one bigger than every earlier scale multiplies
    the whole phrase: «۶ هزار و ۵۰۰ میلیارد» = (6000 + 500) × 1e9.
    """
    n = len(atoms)
    phrase = _Phrase(best=(i, 0.0))
    j = i
    while j < n and not phrase.closed:
        s, e, cls, value, first, last = atoms[j]
        if j == i and not first:
            return phrase.best
        lone_join = j > i and _link(m, text, atoms[j - 1][1], s)
        if lone_join is None:
            break
        step = 1
        if lone_join or cls == _JOIN:  # «و» and the atom it brings in: this one, or the next in «صدوبیست»
            joined = j if lone_join else j + 1
            if joined >= n or not (lone_join or _adjacent(text, e, atoms[joined][0])):
                break
            _, _, bcls, bvalue, _, last = atoms[joined]
            outcome = phrase.join(bcls, bvalue)
            step = joined - j + 1
        elif cls == _SCALE:
            outcome = phrase.scale(value, j == i)
        elif cls in _GROUP_STARTS:
            outcome = phrase.word(cls, value, j == i)
        else:  # an ordinal ends the phrase before it, unless it makes a fraction
            outcome = cls == _ORDINAL and phrase.fraction(value)
        if outcome is False:
            break
        if outcome is not True:
            return outcome
        j += step
        if last and not phrase.needs_scale:
            phrase.best = (j, phrase.total + (phrase.group or 0.0))
    if phrase.needs_scale and phrase.rollback is not None:
        return phrase.rollback
    return phrase.best


def _alone(m: _Matcher, text: str, atoms: list[_Atom], i: int) -> bool:
    """Can nothing after the figure ``atoms[i]`` be part of its phrase?

    True for «۶۰ درصد» and «۱۲ و ۱۳»; False for «۱۸۰ هزار» and «۲ و نیم», the only word a
    figure takes after «و».
    """
    if i + 1 == len(atoms):
        return True
    end, (start, _, cls, *_) = atoms[i][1], atoms[i + 1]
    if start > end + 1 and text[end + 1] not in _GAP_CHARS and cls != _HALF:  # «۶۰ درصد»: a word between
        return True
    return not _adjacent(text, end, start) and (cls != _HALF or not _joined(m, text, end, start))


def _find(text: str, whole: bool) -> list[NumberSpan]:
    """The spans of ``text``, in order: :func:`find_numbers`, and :func:`parse_number` when ``whole``.

    A figure with nothing beside it that could join its phrase («۶۰ درصد») is finished at once;
    every other atom starts a phrase read by :func:`_parse` («۱۸۰ هزار و ۶۴۳»), which vague
    counts may then drop unless ``whole`` («چند هزار»).
    """
    m = _matcher()
    atoms, others = _scan(text, m)
    spans: list[NumberSpan] = []
    n = len(atoms)
    i = 0
    while i < n:
        s, e, cls, value, first, _ = atoms[i]
        if cls == _DIGITS and _alone(m, text, atoms, i):
            # A figure with no number word beside it, most of them: what _parse would read.
            spans.append(_span(s, e, value, text[s:e], "number", False))
            i += 1
            continue
        if cls in (_JOIN, _ORDINAL) or not first:
            i += 1
            continue
        end, value = _parse(atoms, i, text, m)
        if end == _ORDINAL_PHRASE:  # skip the whole ordinal phrase
            j = i + 1
            while j < n and atoms[j][2] != _ORDINAL:
                j += 1
            i = j + 1
            continue
        if end <= i:
            i += 1
            while i < n and not atoms[i][4]:
                i += 1
            continue
        start, stop = atoms[i][0], atoms[end - 1][1]
        # (the first two atoms settle it almost always: «۱۸۰ هزار»)
        has_words = cls != _DIGITS or (
            end > i + 1 and (atoms[i + 1][2] != _DIGITS or any(a[2] != _DIGITS for a in atoms[i + 2 : end]))
        )
        if not whole and has_words and _vague(text, atoms, i, end, m.lexicon):
            i = end
            continue
        spans.append(_span(start, stop, value, text[start:stop], "number", has_words))
        i = end
    if others:
        spans = sorted(spans + others, key=_START)
    return spans


def _vague(text: str, atoms: list[_Atom], i: int, end: int, lex: NumberWords) -> bool:
    """Do the words around this phrase say it is no number at all?

    «نه تنها» and «یا نه؟» (a lone ambiguous word), «ده ها روستا» (a plural suffix written
    apart), «چند هزار» and «ده‌ها میلیون» (a vague count before a bare scale word).
    """
    start, stop = atoms[i][0], atoms[end - 1][1]
    following = _NEXT_WORD_RE.match(text, stop)
    next_word = fold_chars(following.group(1)) if following else ""
    if atoms[end - 1][2] != _DIGITS and following and following.start(1) > stop and next_word in lex.plural_suffixes:
        return True
    if end == i + 1:
        not_before = lex.ambiguous.get(fold_chars(text[start:stop]))
        if not_before is not None and (not next_word or next_word in not_before):
            return True
    cls, value = atoms[i][2], atoms[i][3]
    if cls == _SCALE or (cls == _HUNDRED and value == 100):
        before = _PREVIOUS_WORDS_RE.search(text, max(0, start - 40), start)
        if before:
            last = fold_chars(before.group(2)).replace(ZWNJ, "")
            pair = fold_chars(before.group(1) or "").replace(ZWNJ, "") + last
            return last in lex.vague_before or pair in lex.vague_before
    return False


def find_numbers(text: str) -> list[NumberSpan]:
    """Every numeric expression in ``text``, in order and never overlapping.

    >>> [(s.text, s.value, s.has_words) for s in find_numbers("یک میلیون و ۳۷۰ هزار نفر، ۴۰٪ آنها")]
    [('یک میلیون و ۳۷۰ هزار', 1370000.0, True), ('۴۰', 40.0, False)]
    >>> [s.value for s in find_numbers("۱۲، ۱۳ و ۱۴ و ۱۲،۵۰۰")]
    [12.0, 13.0, 14.0, 12500.0]
    >>> find_numbers("در نزدیکی دوره سومین همایش")
    []
    """
    if not isinstance(text, str) or not text:
        return []
    return _find(text, whole=False)


def parse_number(s: str) -> float | None:
    """The value of ``s`` when the whole string (spaces and ZWNJ aside) is one number, else ``None``.

    >>> parse_number("یکصد و بیست و سه")
    123.0
    >>> parse_number("۱۸٬۴۵۰"), parse_number("۲/۵"), parse_number("۱۴۰۲/۰۹/۰۳")
    (18450.0, 2.5, None)
    """
    if not isinstance(s, str):
        return None
    stripped = s.strip().strip(_Z).strip()
    if not stripped:
        return None
    spans = _find(stripped, whole=True)
    if len(spans) != 1:
        return None
    span = spans[0]
    if span.kind != "number" or span.start != 0 or span.end != len(stripped):
        return None
    return span.value
