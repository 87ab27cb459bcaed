"""From numbers to figures: the unit after a number and the noun it counts.

A *mention* is a number that states a claim: «۲۹ هزار و ۱۰۰ صندوق», «۶ هزار و ۵۰۰ میلیارد
تومان», «۱۵ مگاوات». Numbers that are labels (`تبصره ۱۶`), dates and durations (`۴ سال`),
ranges (`۱۰ تا ۱۵ نفره`) or per-item attributes (`نیروگاه ۵ کیلوواتی`) are dropped here.

>>> [(m.value, m.unit, m.metric) for m in find_mentions("۴۴۵ صندوق و ۲۹ میلیارد تومان اعتبار")]
[(445.0, 'count', 'funds'), (290000000000.0, 'IRR', 'money')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from dashboard.lang.cues import Cues, load_cues
from dashboard.lang.persian import ZWNJ, match_key
from dashboard.lang.taxonomy import Taxonomy, UnitWord, load_taxonomy
from dashboard.quantities.numbers import NumberSpan, find_numbers, parse_number
from dashboard.text.keyed_text import KeyedText, Sentences, Token, quoted_names
from dashboard.text.nlp import lexicon, sentence_spans, stopwords, verb_stems

UNIT_METRIC = {
    "IRR": "money",
    "USD": "money",
    "EUR": "money",
    "W": "power",
    "Wh": "energy",
    "percent": "percent",
    "ha": "area",
    "m2": "area",
}
PLURAL_SUFFIXES = ("های", "ها", "هایی", "ان", "ات")
HA_PLURALS = ("ها", "های", "هایی")
COUNT_WORDS = frozenset({"تعداد", "شمار"})
ID_DIGITS = 8
CODE_DIGITS = 5  # a bare run this long one word after a label word is a code («ردیف درآمدی ۲۱۰۲۱۳»)
WINDOW_TOKENS = 40  # tokens of its sentence read on each side of a figure
METRE = "متر"
UNIT_PREFIXES = ("کیلو", "مگا", "گیگا", "میلی")  # metric prefixes, written joined to the unit or apart
RANGE_WORDS = frozenset({"تا", "الی", "لغایت"})
SCORE_WORDS = frozenset({"بر"})  # «۵ بر ۲»: a score
AMOUNT_UNITS = frozenset({"IRR", "USD", "EUR", "other"})  # money, and other countries' money in `other`
# «(تقریبا ...»: a bracket right after an amount opens its conversion; «/» or «،» goes on with it.
CONVERSION_OPENS = re.compile(r"\s*[(\[]\s*(تقریبا|تقریباً|حدود|معادل|برابر با|یعنی)?\s*")
CONVERSION_GOES_ON = re.compile(r"\s*[/،,]\s*(?:و\s*)?")
LIST_JOINERS = frozenset({"و", "،", ","})  # «۹، ۲۲ و ۲۴»  # «۱۰ تا ۱۵», «۷۷ الی ۸۲»
ONLY = frozenset({"تنها", "فقط"})  # «تنها یک مورد»: «یک» counts
ALSO = frozenset({"نیز", "هم"})  # «یک پروژه نیز»: one more of a series
AND = "و"
HALF_AFTER_UNIT = re.compile(r"[ \u200c]*و[ \u200c]*نیم(?![\w\u200c])")  # «یک تن و نیم»
HAVING = "دارای"
EZAFE_PLURALS = ("های", "هایی")  # «خانواده‌های دارای ...»
PER_ITEM_WINDOW = 7  # words before a price that may name the item it is each of
PER_ITEM_UNITS = frozenset({"IRR", "USD", "EUR", "other", "tonne", "W", "Wh", "m2", "ha"})
ITEM_WEIGHT_WINDOW = 6  # words before a mass that may name it an item's weight
CASUALTY_WINDOW = 2  # «منجر به کشته شدن ۳ تن»: words before «N تن» that name casualties
COUNT_BEFORE_WEIGHT = 3  # «۴۷ هزار رأس دام به وزن»: tokens from the count to «به وزن»
METRE_CONTEXT = 6  # tokens each side that tell length from area
SMALL_WORD_NUMBER = 20  # below this, a number in words may be wording («سه نوع»)
INVENTORY_TOKENS = 14  # «تانکر ۱۴ دستگاه، آب معدنی ۵ هزار بطری، ...»: the list items read before an item
SMALL_ANAPHORA = 10  # «این دو شهر»: a small number in words after a demonstrative points back
DEMONSTRATIVES = frozenset({"این", "همین", "همان"})  # «آن» is as often «در آن» (in it)
LOOKAHEAD_TOKENS = 14
NEAR_ROLE_TOKENS = 3  # a role word this close before «N نفر» is the figure's own
ROLE_TOKENS = 30  # how far a person count looks for its role word, up to its clause's verb


@dataclass(frozen=True)
class Mention:
    """A number that states a figure, with its canonical value, unit and counted noun."""

    start: int  # offsets of the whole figure (number, scale, unit) in the text
    end: int
    value: float
    unit: str
    metric: str
    metric_fa: str  # the head noun as written («فرصت شغلی», «جهادگر»)
    head_end: int  # where the counted noun phrase ends (start of the rest of the clause)
    qualifier: str
    currency_given: bool  # money whose currency word is written next to it
    from_level: bool = False  # the level a change starts from («از ۷۵۰ هزار به ...»): how things stood


@dataclass(frozen=True)
class _Lexicon:
    taxonomy: Taxonomy
    cues: Cues
    unit_re: re.Pattern[str]
    units: dict[str, UnitWord]  # match key -> unit word
    heads: dict[str, str]  # match key of a head phrase -> metric key
    max_head_tokens: int
    unit_adjectives: dict[str, UnitWord]  # «دلاری», «تومانی», «هکتاری» -> the unit


def _unit_adjectives(units: dict[str, UnitWord]) -> dict[str, UnitWord]:
    """The adjective of each one-word unit but the percent (a unit itself): «دلار» → «دلاری», «یورو» →
    «یورویی», «هکتار» → «هکتاری».

    >>> euro, percent = UnitWord("یورو", "EUR", 1, True), UnitWord("درصد", "percent", 1, False)
    >>> sorted(_unit_adjectives({"یورو": euro, "درصد": percent}))
    ['یورویی']
    """
    forms = {}
    for key, unit in units.items():
        if unit.unit != "percent" and " " not in unit.word:
            forms[key + ("یی" if key.endswith(("و", "ا")) else "ی")] = unit
    return forms


def _unit_parts(word: str) -> list[str]:
    """The parts of a unit word that may be written apart: its words, and a metric prefix from its stem
    («کیلو متر» is «کیلومتر», «مگا وات» is «مگاوات»).

    >>> _unit_parts("کیلووات ساعت")
    ['کیلو', 'وات', 'ساعت']
    """
    parts = []
    for part in word.replace(ZWNJ, " ").split():
        prefix = next((p for p in UNIT_PREFIXES if part.startswith(p) and len(part) > len(p) + 1), "")
        parts += [prefix, part[len(prefix) :]] if prefix else [part]
    return parts


@cache
def _lexicon() -> _Lexicon:
    tax = load_taxonomy()
    words = sorted(tax.units, key=len, reverse=True)
    flexible = [r"[\s\u200c]*".join(map(re.escape, _unit_parts(w))) for w in words]
    # A unit word must end the word: «کیلوواتی» is an attribute («۵ کیلوواتی»), not a unit.
    unit_re = re.compile(r"[\s\u200c]*(" + "|".join(flexible) + r")(?![^\W\d_])")
    heads: dict[str, str] = {}
    longest = 1
    for metric in tax.metrics.values():
        for head in metric.heads:
            heads.setdefault(match_key(head), metric.key)
            longest = max(longest, len(head.replace(ZWNJ, " ").split()))
    # Plural and ezafe forms of every head («صندوق‌ها», «روستای محروم»), after the exact heads.
    for key, metric_key in list(heads.items()):
        for suffix in (*PLURAL_SUFFIXES, "ی"):
            heads.setdefault(key + suffix, metric_key)
    units = {match_key(w): u for w, u in tax.units.items()}
    return _Lexicon(tax, load_cues(), unit_re, units, heads, longest, _unit_adjectives(units))


def _strip_plural(key: str) -> str:
    for suffix in PLURAL_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            return key[: -len(suffix)]
    return key


def match_head(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The metric whose head phrase starts at token ``i`` (longest first), and the tokens it spans."""
    lex = _lexicon()
    joined: list[str] = []
    key = ""
    for token in tokens[i : i + lex.max_head_tokens]:
        if not token.is_word:
            break
        key += token.key
        joined.append(key)
    heads = lex.heads
    for n in range(len(joined), 0, -1):
        metric = heads.get(joined[n - 1])
        if metric:
            return metric, n
    return None


@lru_cache(maxsize=50_000)
def is_verb_like(key: str) -> bool:
    """True for finite verb forms built on hazm's stems: «شد», «کردند», «میشود», «رسیده»."""
    past, present = verb_stems()
    if key.startswith(("می", "نمی")) and len(key) > 3:
        return True
    for stem_set, endings in (
        (past, ("", "م", "ی", "یم", "ید", "ند", "ه", "هاند", "هایم", "هاست")),
        (present, ("د", "ند", "م", "یم", "ید")),
    ):
        for ending in endings:
            if ending and not key.endswith(ending):
                continue
            stem = key[: len(key) - len(ending)] if ending else key
            stem = stem[1:] if stem.startswith(("ب", "ن")) and stem[1:] in stem_set else stem
            if ending == "ی" and stem in lexicon().nouns:
                continue  # «تولیدی», «ساختی»: a noun and «ی» make an adjective; «کردی» you did is rare in news
            if stem in stem_set:
                return True
    return False


@lru_cache(maxsize=50_000)
def is_finite_verb(key: str) -> bool:
    """A verb form that can end a Persian clause: «شد», «کردند», «می‌شود»; not «ساخت» or «میلیون»."""
    if key in _lexicon().cues.finite_verbs:
        return True
    if key in lexicon().not_verbs:
        return False
    return is_verb_like(key)


def _qualifier_before(tokens: list[Token], i: int) -> str:
    cues = _lexicon().cues
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        key = "".join(t.key for t in tokens[i - n : i])
        if key in cues.qualifiers:
            return cues.qualifiers[key]
    return ""


def _before_qualifier(tokens: list[Token]) -> int:
    """Where the words before a figure end once a hedge is set aside: «اعتباری بالغ بر ۱۰۰ میلیون»
    → the index after «اعتباری»."""
    qualifier = _qualifier_before(tokens, len(tokens))
    return len(tokens) - (len(qualifier.replace(ZWNJ, " ").split()) if qualifier else 0)


def _ends_with(tokens: list[Token], i: int, keys: frozenset[str]) -> bool:
    """Do the tokens just before index ``i`` end with one of ``keys`` (up to three tokens)?"""
    for n in (1, 2, 3):
        if i - n >= 0 and "".join(t.key for t in tokens[i - n : i]) in keys:
            return True
    return False


def _is_year_like(span: NumberSpan) -> bool:
    """A year («۱۴۰۲», «2023»), a year of the past («سال ۱۲۸۷», «سال ۱۰۷۳ هجری قمری») or a two-digit year
    («سال ۹۹»): read as a year only after a word such as «سال»."""
    digits = span.text.strip()
    if span.has_words or not digits.isdigit():
        return False
    return _is_year(span) or len(digits) == 2 or (len(digits) == 4 and 1000 <= span.value <= 2100)


def _is_year(span: NumberSpan) -> bool:
    v = span.value
    digits_only = not span.has_words and span.text.strip().isdigit()
    return digits_only and v == int(v) and (1300 <= v <= 1499 or 1900 <= v <= 2100)


def find_mentions(
    text: str, currency: UnitWord | None = None, end: int | None = None, sentences: Sentences | None = None
) -> list[Mention]:
    """Every figure in ``text[:end]`` (``text`` already folded with ``fold_chars``).

    ``currency`` is the article's currency word, used for money written with no currency
    («۲۲۲ میلیارد اعتبارات»); ``None`` means toman. A figure is read within its sentence;
    pass the article's :class:`Sentences` to share their tokens with later steps.
    """
    if sentences is None:
        sentences = Sentences(text, sentence_spans(text))
    lex = _lexicon()
    cues = lex.cues
    default_currency = currency or lex.taxonomy.units["تومان"]
    numbers = [s for s in find_numbers(text if end is None else text[:end]) if s.kind == "number"]
    mentions: list[Mention] = []
    skip_next = False
    label_ends: set[int] = set()
    for idx, span in enumerate(numbers):
        if skip_next:
            skip_next = False
            continue
        si = sentences.index_of(span.start)
        if si < 0:
            continue
        kt = sentences.keyed(si)
        at = kt.first_from(span.start)
        if any(lo <= at < hi for lo, hi in quoted_names(kt)):
            continue  # «هفت کوتوله», «۲۰ روز در موصل»: a number in the name of a work
        before = kt.tokens[max(0, at - WINDOW_TOKENS) : at]
        reading = _read_unit(text, span, kt, sentences.spans[si][1], before, numbers[idx + 1 : idx + 2])
        if reading is None:
            continue
        span, unit_word, figure_end, after = reading.span, reading.unit_word, reading.figure_end, reading.after
        skip_next = reading.joins_next
        # Ranges «۱۰ تا ۱۵ نفره», «بین ۲۰ تا ۴۰ عضو», «آیات ۷۷ الی ۸۲»: an attribute, not a claim; and scores
        # «با نتیجه پنج بر سه», «پیروزی ۵ بر ۲»: a result, not a count.
        if (
            after
            and after[0].key in RANGE_WORDS | SCORE_WORDS
            and idx + 1 < len(numbers)
            and numbers[idx + 1].start <= after[0].end + 2
        ):
            skip_next = True
            continue
        # A number counts a singular noun: «سال ۹۹ پروژه‌های زیادی» is the year 99, not 99 projects.
        counted = unit_word is not None or bool(after and match_head(after, 0) and not _ha_plural(after[0]))
        year = _is_year(span) or (_is_year_like(span) and not counted)  # «سال ۹۹» but «سال 10 سرخوشه»
        code = not counted and not span.has_words and span.text.isdigit() and len(span.text) >= CODE_DIGITS
        if (
            _ends_with(before, len(before), cues.label_before)
            or (year and _ends_with(before, len(before), cues.year_before))
            or (code and _ends_with(before, len(before) - 1, cues.label_before))  # «ردیف درآمدی ۲۱۰۲۱۳»
        ):
            label_ends.add(span.end)
            continue
        # «تبصره ۱۶ و ۱۸», «شعب ۹، ۲۲ و ۲۴»: a bare number joined to a label's number is a label too.
        if not counted and len(before) >= 2 and before[-2].end in label_ends and _joins_labels(before[-1], after):
            label_ends.add(span.end)
            continue
        if _not_a_figure(span, before, after, unit_word):
            continue
        qualifier = _qualifier_before(before, len(before))
        mention = _classify(text, span, unit_word, figure_end, before, after, default_currency, qualifier)
        if mention is None or (mention.unit == "count" and _is_year(span) and mention.metric == "other"):
            continue
        if mention.metric == "other" and span.has_words and span.value < SMALL_WORD_NUMBER and _is_wording(span, after):
            continue
        mentions.append(replace(mention, from_level=True) if reading.from_level else mention)
    return _without_conversions(text, mentions)


def _without_conversions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions less the amounts that convert the one before them in brackets: «۱۳۵ میلیون ریال سعودی
    (تقریبا ۱۰۰۰ میلیارد تومان)», «۱۲۰ میلیون دلار (۹۱ میلیون پوند / ۱۰۲ میلیون یورو)».
    """
    kept: list[Mention] = []
    converting = False
    previous: Mention | None = None
    for mention in mentions:
        if previous is not None and mention.unit in AMOUNT_UNITS and previous.unit in AMOUNT_UNITS:
            between = text[previous.end : mention.start]
            opens = CONVERSION_OPENS.fullmatch(between)
            # A bracket after an amount converts it to another currency, or says so («معادل»); «۲۰ میلیارد
            # ریال (۱۰ میلیارد از محل استانی)» is a part of it, not a conversion.
            converting = bool(opens and (opens.group(1) or mention.unit != previous.unit)) or (
                converting and CONVERSION_GOES_ON.fullmatch(between) is not None
            )
        else:
            converting = False
        previous = mention
        if not converting:
            kept.append(mention)
    return kept


@dataclass(frozen=True)
class _UnitReading:
    """How a figure ends: its number (a measure in two units is one), its unit word, where it ends, the
    tokens after it, whether it took in the next number («۴۳ کیلو و ۴۵۰ گرم») and whether it is the level
    a change starts from («از ۷۵۰ هزار به ۱.۶ میلیون تن»)."""

    span: NumberSpan
    unit_word: UnitWord | None
    figure_end: int
    after: list[Token]
    joins_next: bool = False
    from_level: bool = False


def _read_unit(
    text: str, span: NumberSpan, kt: KeyedText, end: int, before: list[Token], following: list[NumberSpan]
) -> _UnitReading | None:
    """The unit of the figure at ``span``: the unit word after it, a measure in two units, an adjective of
    money after a noun of an amount («هزینه ۴ هزار یورویی»), or the unit written after the level a change
    reaches («از ۷۵۰ هزار به ۱.۶ میلیون تن»). None when the figure is each item's size («وام ۵۰ میلیون
    تومانی»)."""
    unit_word, figure_end, after = _unit_and_after(text, span, kt, end, before)
    half = HALF_AFTER_UNIT.match(text, figure_end, end) if unit_word is not None else None
    if half is not None and unit_word is not None and not unit_word.is_currency:
        # «یک تن و نیم»: the half is written after the unit
        at_end = kt.first_from(half.end())
        tokens = kt.tokens[at_end : at_end + WINDOW_TOKENS]
        return _UnitReading(replace(span, value=span.value + 0.5), unit_word, half.end(), tokens)
    compound = _smaller_unit_after(text, span, unit_word, figure_end, following, end)
    if compound is not None:
        at_end = kt.first_from(compound[2])
        tokens = kt.tokens[at_end : at_end + WINDOW_TOKENS]
        return _UnitReading(replace(span, value=compound[1]), compound[0], compound[2], tokens, joins_next=True)
    lex = _lexicon()
    adjective = lex.unit_adjectives.get(after[0].key) if unit_word is None and after else None
    if adjective is not None:
        # «هزینه ۴ هزار یورویی», «سطح زیر کشت ۱۵۳ هزار هکتاری»: the amount; «وام ۵۰ میلیون تومانی», «طرح ۵۰
        # هکتاری»: each one's size.
        nouns = lex.cues.amount_nouns if adjective.is_currency else lex.cues.measure_nouns
        if not _ends_with(before, _before_qualifier(before), nouns):
            return None
        return _UnitReading(span, adjective, after[0].end, after[1:])
    if unit_word is None:
        level_unit = _unit_of_the_change(text, span, before, after, following, end)
        if level_unit is not None:
            return _UnitReading(span, level_unit, figure_end, after, from_level=True)
    return _UnitReading(span, unit_word, figure_end, after)


def _unit_of_the_change(
    text: str, span: NumberSpan, before: list[Token], after: list[Token], following: list[NumberSpan], end: int
) -> UnitWord | None:
    """The unit of a level a change starts from, written once after the level it reaches: «از ۷۵۰ هزار به
    ۱.۶ میلیون تن», «از ۱۲ به ۱۸ درصد». None when a scale word stands after the second number only («از
    ۲۰ به ۳۰ میلیارد تومان» may mean twenty billion or twenty).

    >>> text = "نرخ بیکاری از ۱۲ به ۱۸ درصد رسید"
    >>> tokens, spans = KeyedText(text).tokens, find_numbers(text)
    >>> _unit_of_the_change(text, spans[0], tokens[:3], tokens[4:], spans[1:], len(text)).unit
    'percent'
    """
    if not (before and before[-1].key == "از" and after and after[0].key == "به" and following):
        return None
    second = following[0]
    if second.start > after[0].end + 2 or span.has_words != second.has_words:
        return None
    match = _lexicon().unit_re.match(text, second.end, end)
    return _lexicon().units[match_key(match.group(1))] if match else None


def _unit_and_after(
    text: str, span: NumberSpan, kt: KeyedText, sentence_end: int, before: list[Token]
) -> tuple[UnitWord | None, int, list[Token]]:
    """The unit word after a number (if any), where the figure ends, and the tokens after it.

    A bare «متر» takes its unit from the words around it (:func:`_metre_unit`).
    """
    lex = _lexicon()
    after_unit = lex.unit_re.match(text, span.end, sentence_end)
    unit_word = lex.units[match_key(after_unit.group(1))] if after_unit else None
    figure_end = after_unit.end() if after_unit else span.end
    at = kt.first_from(figure_end)
    after = kt.tokens[at : at + WINDOW_TOKENS]
    if unit_word is None and after and after[0].key == METRE:
        unit_word = _metre_unit(before, after)
        if unit_word is not None:
            figure_end = after[0].end
            after = after[1:]
    return unit_word, figure_end, after


def _joins_labels(joiner: Token, after: list[Token]) -> bool:
    """Is a number after a label's number and ``joiner`` one more label? «و» always joins («تبصره ۱۶ و ۱۸»);
    a comma only inside a list that goes on («شعب ۹، ۲۲ و ۲۴»), not before a count («در سال ۹۴، ۶۱ مصدوم»).
    """
    if joiner.key == "و":
        return True
    return joiner.text in LIST_JOINERS and bool(after) and after[0].text in LIST_JOINERS


def _smaller_unit_after(
    text: str, span: NumberSpan, unit_word: UnitWord | None, figure_end: int, following: list[NumberSpan], end: int
) -> tuple[UnitWord, float, int] | None:
    """A measure written in two units, «۴۳ کیلو و ۴۵۰ گرم» or «۲ تن و ۳۰۰ کیلوگرم»: the unit (factor 1), the
    whole amount in the canonical unit and where it ends. None for anything else, and for money, whose second
    part is the number finder's («۲ میلیارد و ۵۰۰ میلیون»).

    >>> text = "۴۳ کیلو و ۴۵۰ گرم هروئین"
    >>> first, second = find_numbers(text)
    >>> unit, value, end = _smaller_unit_after(text, first, _lexicon().units["کیلو"], 7, [second], len(text))
    >>> unit.unit, round(value, 6), text[:end]
    ('tonne', 0.04345, '۴۳ کیلو و ۴۵۰ گرم')
    """
    if unit_word is None or unit_word.is_currency or not following or unit_word.unit in ("percent", "count"):
        return None
    second = following[0]
    if text[figure_end : second.start].strip(" \u200c") != "و":
        return None
    lex = _lexicon()
    match = lex.unit_re.match(text, second.end, end)
    smaller = lex.units[match_key(match.group(1))] if match else None
    if match is None or smaller is None or smaller.unit != unit_word.unit or smaller.factor >= unit_word.factor:
        return None
    total = span.value * unit_word.factor + second.value * smaller.factor
    return UnitWord(unit_word.word, unit_word.unit, 1, False), total, match.end()


def _not_a_figure(span: NumberSpan, before: list[Token], after: list[Token], unit_word: UnitWord | None) -> bool:
    """Numbers that are never figures, whatever their context says.

    Part of a code, a date or a name («۱۴۰۲/۰۵», «کد-۱۲», «۵+۱»); a date part, duration or attribute before a word such
    as «سال», «ساله», «ربیع‌الاول» or glued to its noun («۱۰ساله»); a bare «یک», which is the article
    «a» («یک شرکت») unless a unit or a classifier counts with it («یک درصد», «یک فروند بالگرد»); zero, a
    counter («۰ نظر»);
    a long run of digits with no separator, an identifier («سامانه پیامکی ۳۰۰۰۴۵۶۷۸۹»).
    """
    cues = _lexicon().cues
    if before and before[-1].text in "/-:#+" and before[-1].end == span.start:
        # «۱۰:۳۰» is a time, but «اظهار کرد:۳هزار پنل» only lacks the space after the speaker's colon.
        colon_after_words = before[-1].text == ":" and (len(before) < 2 or not before[-2].text.isdigit())
        if not colon_after_words:
            return True
    if unit_word is None and after and after[0].is_word:
        counter = after[0].key in cues.counters or after[0].key in cues.person_counter  # «۴۶۳نفر», «۱۰۰مورد»
        glued = after[0].start == span.end and not match_head(after, 0) and not counter  # «۱۰ساله»
        if after[0].key in cues.not_claim_after or glued:
            return True
    if unit_word is not None and unit_word.unit == "tonne" and _weighs_one_item(before):
        return True
    if (
        unit_word is not None
        and unit_word.unit == "other"
        and _words_shortly_before(before, cues.item_size_words) is not None
    ):
        return True  # «ضخامت این دستگاه ۲۰ میلیمتر است»: one item's size
    if unit_word is not None and unit_word.unit in PER_ITEM_UNITS and _each_items(before):
        return True
    if span.has_words and before and before[-1].key == "هر":
        return True  # «هر دو رهبر», «هر چهار متهم»: all of them, said of people already counted
    if span.has_words and span.value < SMALL_ANAPHORA and _points_back(before):
        return True  # «این دو شهر», «این چهار دیوار»: things named before, not a new count
    if _describes_a_group(before):
        return True  # «خانواده‌های دارای سه فرزند»: who is counted, not a count
    if span.has_words and 0 < span.value < 1:
        return True  # «دو سوم مصدومان», «یک بیستم مبلغ»: a share, not a count
    if span.has_words and span.value == 1 and match_key(span.text) == "یک":
        if unit_word is not None and unit_word.is_currency:
            return True  # «یک دلار آمریکا ۹۲۲۸ ریال»: the base of a rate, not an amount
        if unit_word is not None or (after and after[0].key in cues.classifiers):
            return False  # «یک درصد», «یک فروند بالگرد» count
        return not _one_counted(before, after)
    return span.value == 0 or (not span.has_words and span.text.isdigit() and len(span.text) >= ID_DIGITS)


def _ha_plural(token: Token) -> bool:
    """A noun in «ها» plural («پروژه‌ها», «پروژه‌های»), which no number counts."""
    return token.key.endswith(HA_PLURALS)


def _points_back(before: list[Token]) -> bool:
    """Does a demonstrative right before the number point back to things named before: «این دو شهر», «همین سه
    پروژه»? Not «پیش از این چهار عنوان کتاب» (before this, four books), «بنابر این دو پایانه» nor «در آن شش
    کارگاه» (in it, six workshops).

    >>> from dashboard.text.keyed_text import tokenize
    >>> [_points_back(tokenize(s)) for s in ("زائرین در ورودی این", "پیش از این", "در آن")]
    [True, False, False]
    """
    if not before or before[-1].key not in DEMONSTRATIVES:
        return False
    return len(before) < 2 or before[-2].key not in ("از", "بر", "بنابر")


def _one_counted(before: list[Token], after: list[Token]) -> bool:
    """Is «یک» a count rather than the article «a»? Before a counted noun or a counter, after «تنها» or
    «فقط» («تنها یک مورد شکستگی») or an event that opens or builds it («بهره‌برداری از یک ایستگاه»).

    >>> from dashboard.text.keyed_text import tokenize
    >>> _one_counted(tokenize("در این حادثه تنها"), tokenize("مورد شکستگی ثبت شد"))
    True
    >>> _one_counted(tokenize("شهردار نباید تنها"), tokenize("آدم سیاسی باشد"))
    False
    >>> _one_counted(tokenize("وی در"), tokenize("جلسه گفت"))
    False
    """
    cues = _lexicon().cues
    if _one_more(before, after):
        return True
    counted = match_head(after, 0) is not None or bool(after and after[0].key in cues.counters)
    if _qualifier_before(before, len(before)) in ONLY:
        return counted
    if counted and len(after) > 1 and after[1].key in ALSO:
        return True  # «یک پروژه نیز در بخش منابع طبیعی افتتاح می‌شود»: one more of a series
    words = [t.key for t in before[-2:]]
    event = bool(words) and (words[-1] in cues.event_nouns or (words[-1] == "از" and words[0] in cues.event_nouns))
    return event and counted


def _one_more(before: list[Token], after: list[Token]) -> bool:
    """Is «یک» the last item of a list, after «و», counting the noun an earlier figure of its clause counted?

    >>> from dashboard.text.keyed_text import tokenize
    >>> _one_more(tokenize("۱۵ کارگزاری اقماری و"), tokenize("کارگزاری جایگزین"))
    True
    >>> _one_more(tokenize("دو دستگاه پژو و"), tokenize("دستگاه تریلی توقیف شد"))
    True
    >>> _one_more(tokenize("۱۵ کارگزاری اقماری و"), tokenize("مرکز دیگر"))
    False
    >>> _one_more(tokenize("یک سری آموزش برای فرد و"), tokenize("سری آموزش برای خانواده"))  # «یک سری»: some
    False
    """
    if not after or not before or before[-1].key != AND:
        return False
    noun = after[0].key
    return any(before[i + 1].key == noun and (parse_number(before[i].text) or 0) > 1 for i in range(len(before) - 2))


def _describes_a_group(before: list[Token]) -> bool:
    """Is the number part of a phrase that describes the people or things counted, «دارای» after a plural
    in ezafe («خانواده‌های دارای سه فرزند», «افراد دارای ۲ معلول»)? «این شهرستان دارای ۵۰ روستا است» counts.

    >>> from dashboard.text.keyed_text import tokenize
    >>> _describes_a_group(tokenize("برای خانواده‌های دارای")), _describes_a_group(tokenize("این شهرستان دارای"))
    (True, False)
    """
    if len(before) < 2 or before[-1].key != HAVING:
        return False
    noun = before[-2].key
    return noun.endswith(EZAFE_PLURALS) or noun in _lexicon().cues.people_plurals


def _each_items(before: list[Token]) -> bool:
    """Is a price, a ration or a size each item's? «هر» and a noun that is not a time among the few words of
    its clause before it: «قیمت هر کیلوگرم گوشت مرغ ۱۴ هزار ریال», «هر نیروگاه توان تولید پنج کیلووات»,
    but not «هر ماه ۲ میلیارد ریال».

    >>> from dashboard.text.keyed_text import tokenize
    >>> _each_items(tokenize("قیمت هر کیلوگرم گوشت مرغ")), _each_items(tokenize("این صندوق‌ها هر ماه"))
    (True, False)
    """
    cues = _lexicon().cues
    window = before[-PER_ITEM_WINDOW:]
    for i in range(len(window) - 1, -1, -1):
        token = window[i]
        if not token.is_word and token.text in "،,؛:.()":
            return False
        if token.key in cues.per_item and i + 1 < len(window):
            return window[i + 1].key not in cues.time_nouns
    return False


def _weighs_one_item(before: list[Token]) -> bool:
    """Is a mass one item's weight («وزن مرغ تولیدی بیش از دو کیلوگرم است», «در وزن ۶۶ کیلوگرم»)? A weight
    word among the few words of its clause before it says so.

    >>> from dashboard.text.keyed_text import tokenize
    >>> _weighs_one_item(tokenize("وزن مرغ تولیدی بیش از")), _weighs_one_item(tokenize("ماموران با کشف"))
    (True, False)
    """
    at = _words_shortly_before(before, _lexicon().cues.item_weight_words)
    return at is not None and not _weight_of_the_count(before[:at])


def _words_shortly_before(before: list[Token], words: frozenset[str]) -> int | None:
    """Where one of ``words`` stands among the few words of the figure's clause before it, if it does."""
    window = before[-ITEM_WEIGHT_WINDOW:]
    for i in range(len(window) - 1, -1, -1):
        token = window[i]
        if not token.is_word and token.text in "،,؛:.":
            return None
        if token.key in words:
            return len(before) - len(window) + i
    return None


def _weight_of_the_count(before: list[Token]) -> bool:
    """Does «وزن» follow «به» after a count, the weight of all the items counted: «۴۷ هزار رأس به وزن ۲ هزار تن»?

    >>> from dashboard.text.keyed_text import tokenize
    >>> _weight_of_the_count(tokenize("۶ میلیون قطعه به")), _weight_of_the_count(tokenize("مرغ تولیدی به"))
    (True, False)
    """
    if not before or before[-1].key != "به":
        return False
    return any(parse_number(t.text) is not None for t in before[-1 - COUNT_BEFORE_WEIGHT : -1])


def _metre_unit(before: list[Token], after: list[Token]) -> UnitWord | None:
    """«متر» on its own: kilometres of pipe or road, square metres of floor or land, else unknown.

    >>> from dashboard.text.keyed_text import tokenize
    >>> _metre_unit(tokenize("در ۱۳ روستا"), tokenize("متر لوله‌گذاری انجام شد")).unit
    'km'
    >>> _metre_unit(tokenize("زمینی به مساحت"), tokenize("متر")).unit
    'm2'
    """
    cues = _lexicon().cues
    near = {t.key for t in before[-METRE_CONTEXT:] + after[1 : 1 + METRE_CONTEXT]}
    if near & cues.metre_length_context:
        return UnitWord("متر", "km", 0.001, False)
    if near & cues.metre_area_context:
        return UnitWord("متر", "m2", 1, False)
    return None


def _is_wording(span: NumberSpan, after: list[Token]) -> bool:
    """A small number in words that is wording, not a figure.

    «سه نوع», «دو موضوع», «دو طرفه» (a ``wording_nouns`` noun next), and «نه» without a scale,
    which is the negation of «نه ... نه» far more often than nine. «پنج ایستگاه» is a figure.
    """
    if match_key(span.text) == "نه":
        return True
    return bool(after) and after[0].key in _lexicon().cues.wording_nouns


def _classify(
    text: str,
    span: NumberSpan,
    unit_word: UnitWord | None,
    figure_end: int,
    before: list[Token],
    after: list[Token],
    default_currency: UnitWord,
    qualifier: str,
) -> Mention | None:
    lex = _lexicon()
    cues = lex.cues

    def make(value: float, unit: str, metric: str, metric_fa: str, head_end: int, given: bool) -> Mention:
        return Mention(span.start, figure_end, value, unit, metric, metric_fa, head_end, qualifier, given)

    if unit_word is not None:
        if _people_in_tonnes(unit_word, before, after):  # «۳۰ تن از خبرنگاران»
            return make(span.value, "count", _person_role(before, after), unit_word.word, figure_end, False)
        metric = UNIT_METRIC.get(unit_word.unit, "other")
        return make(
            span.value * unit_word.factor, unit_word.unit, metric, unit_word.word, figure_end, unit_word.is_currency
        )
    currency = _currency_of_scaled_amount(span, before, after, default_currency)
    if currency is not None:
        return make(span.value * currency.factor, currency.unit, "money", currency.word, figure_end, False)
    if not after or not after[0].is_word:
        return _bare(text, span, figure_end, before, after, make)
    head = match_head(after, 0)
    if after[0].key in cues.counters and (head is None or head[1] == 1):
        # «۵۷ واحد نیروگاه خورشیدی», «۴۰۰ مورد شغل»: a counter before a noun counts that noun.
        counted = match_head(after, 1)
        if counted and counted[0] != "other":
            head = counted[0], counted[1] + 1
        elif head and (_ends_with(before, len(before), cues.index_words) or _index_sentence(before)):
            return None  # «شاخص بورس ۲ هزار واحد کاهش یافت»: index points, not housing units
        elif head and _counter_names_another_kind(after):
            # «۴۴۱ واحد صنعتی», «۱۶ واحد دانشگاه»: units of something the lexicon does not count.
            return make(span.value, "count", "other", text[after[0].start : after[1].end], after[1].end, False)
    if head:
        metric, n = head
        head_fa = text[after[0].start : after[n - 1].end]
        if metric == "other":
            return None
        return make(span.value, "count", metric, head_fa, after[n - 1].end, False)
    if after[0].key in cues.person_counter:
        metric = _person_role(before, after)
        return make(span.value, "count", metric, after[0].text, after[0].end, False)
    if after[0].key in cues.counters and not match_head(after, 0):
        # «تعداد ایستگاه‌ها به هفت مورد می‌رسد», «۵۱ مورد در ...»: cases of what the sentence counts, unless
        # the counter counts a noun of its own after it («۱۰۵ فقره سرقت»).
        own_noun = (
            len(after) > 1 and _content_word(after[1]) and not is_finite_verb(after[2].key if len(after) > 2 else "")
        )
        counted_before = _counted_before(span, figure_end, before, after[0].end, make, nearest=not own_noun)
        if counted_before is None and own_noun:
            return make(span.value, "count", "other", text[after[0].start : after[1].end], after[1].end, False)
        return counted_before or make(span.value, "count", "other", after[0].text, after[0].end, False)
    return _uncounted(text, span, figure_end, before, after, make)


def _content_word(token: Token) -> bool:
    """A word that can be the thing counted: not a function word or a verb («سرقت», not «در» or «می‌رسد»)."""
    key = token.key
    function_word = key in stopwords() and key not in lexicon().nouns
    return token.is_word and not (key in _lexicon().cues.no_head or function_word or is_finite_verb(key))


def _uncounted(
    text: str, span: NumberSpan, figure_end: int, before: list[Token], after: list[Token], make
) -> Mention | None:
    """A number before a word no metric knows: a function word or a verb leaves it bare
    (:func:`_bare`); «۲ میلیارد» of something unnamed is too vague to count; else it counts that
    word under ``other`` («۴۰ سامانه»)."""
    if not _content_word(after[0]):
        return _bare(text, span, figure_end, before, after, make)
    if span.has_words and span.value >= 1e9:
        return None
    return make(span.value, "count", "other", after[0].text, after[0].end, False)


def _currency_of_scaled_amount(
    span: NumberSpan, before: list[Token], after: list[Token], default_currency: UnitWord
) -> UnitWord | None:
    """The currency of a scaled amount with no currency word after it, when it is money: a money noun
    follows («۲۲۲ میلیارد اعتبارات») or the sentence named a currency before and no counted noun follows
    («۲۶۰ میلیارد تومان ... که ۹۰ میلیارد آن»). The sentence's currency, else the article's."""
    if not (span.has_words and span.value >= 1e6):
        return None
    sentence_currency = _currency_before(before)
    money_nearby = sentence_currency is not None and not (after and match_head(after, 0))
    if not ((after and after[0].key in _lexicon().cues.money_nouns) or money_nearby):
        return None
    currency = sentence_currency or default_currency
    return default_currency if currency.word == "همت" else currency


def _index_sentence(before: list[Token]) -> bool:
    """Does the sentence before the figure speak of an index or a market («شاخص», «بورس», «معاملات»)?"""
    cues = _lexicon().cues
    return any(t.key in cues.index_words or t.key in cues.market_words for t in before)


def _counter_names_another_kind(after: list[Token]) -> bool:
    """Do the words after «واحد» name units that are not dwellings («صنعتی», «بزرگ آلاینده», «دانشگاه»)?"""
    kinds = _lexicon().cues.non_dwelling_units
    return any(t.key in kinds for t in after[1:3])  # «واحد صنعتی», «واحد بزرگ آلاینده»


def _people_in_tonnes(unit_word: UnitWord, before: list[Token], after: list[Token]) -> bool:
    """«۳۰ تن از خبرنگاران», «مصدومیت سه تن دیگر», «کشته شدن ۳ تن»: «تن» before «از» and a plural of people
    (one word may come first: «۲ تن از کشته شدگان»), before «دیگر», or beside a word of casualties or arrests
    counts persons, not tonnes.

    People plurals end in «ان» («خبرنگاران», «مسئولان») or are «اعضا», «افراد»; «۳۰ تن از محصولات» weighs.
    """
    if unit_word.unit != "tonne" or unit_word.factor != 1 or not after:
        return False
    cues = _lexicon().cues
    if after[0].key == "دیگر" or after[0].key in cues.casualty_words:
        return True
    if any(t.key in cues.casualty_words for t in before[-CASUALTY_WINDOW:]):
        return True
    if len(after) < 2 or after[0].key != "از":
        return False
    people = after[2] if after[1].key in cues.casualty_words and len(after) > 2 else after[1]  # «کشته شدگان»
    return people.key in cues.people_plurals or (people.key.endswith("ان") and len(people.key) > 4)


def _role_at(tokens: list[Token], i: int) -> str | None:
    """The metric of a person-role phrase starting at token ``i`` («عضو», «مشغول به کار»), if any."""
    roles = _lexicon().cues.person_roles
    for n in (3, 2, 1):
        if i + n > len(tokens):
            continue
        key = "".join(t.key for t in tokens[i : i + n])
        for metric, words in roles.items():
            if key in words or (n == 1 and _strip_plural(key) in words):
                return metric
    return None


def _person_role(before: list[Token], after: list[Token]) -> str:
    """Metric for «N نفر»: a role word right before it («اشتغال‌زایی مستقیم ۱۵۰ نفر»), else later in its
    clause («... عضو شده‌اند»), else earlier in it («تعداد اعضای این صندوق‌ها به N نفر رسیده»)."""
    near = before[-NEAR_ROLE_TOKENS:]
    masked_near = _role_false_friends(near)
    for i in range(len(near) - 1, -1, -1):
        metric = None if i in masked_near else _role_at(near, i)
        if metric:
            return metric
    window: list[Token] = []
    for token in after[1:ROLE_TOKENS]:
        if token.text in ".؟!؛:":
            break
        window.append(token)
        if token.is_word and is_finite_verb(token.key):
            break  # the clause's verb: «... در رشته‌هایی مانند قالی‌بافی آموزش دیدند»
    masked = _role_false_friends(window)
    for i in range(len(window)):
        metric = None if i in masked else _role_at(window, i)
        if metric:
            return metric
    masked = _role_false_friends(before)
    for i in range(len(before) - 1, max(-1, len(before) - LOOKAHEAD_TOKENS), -1):
        if before[i].text in ".؟!؛:":
            break
        metric = None if i in masked else _role_at(before, i)
        if metric:
            return metric
    return "other"


def _role_false_friends(tokens: list[Token]) -> set[int]:
    """Tokens of phrases that hold a role word but name something else: «آموزش و پرورش» (the
    ministry), «اهدای عضو» (an organ)."""
    false_friends = _lexicon().cues.role_false_friends
    masked: set[int] = set()
    for i in range(len(tokens)):
        for n in (3, 2):
            if "".join(t.key for t in tokens[i : i + n]) in false_friends:
                masked.update(range(i, i + n))
    return masked


def _currency_before(before: list[Token]) -> UnitWord | None:
    """The currency the sentence last stated («۲۶۰ میلیارد تومان ... که ۹۰ میلیارد آن»), if any."""
    units = _lexicon().units
    for token in reversed(before):
        if token.text in ".؟!؛":
            return None
        unit = units.get(token.key)
        if unit is not None and unit.is_currency:
            return unit
    return None


def _listed_head(after: list[Token]) -> str | None:
    """«کرمان با ۱٬۳۵۰، سیستان و بلوچستان با ۱٬۱۲۰ و ... با ۸۶۰ نیروگاه»: the noun the list ends with."""
    for i in range(len(after) - 1):
        token = after[i]
        if token.text in ".؟!؛:" or (token.is_word and is_verb_like(token.key)):
            return None
        if token.text.isdigit() and i > 0 and after[i - 1].key == "با":
            head = match_head(after, i + 1)
            if head:
                return head[0]
    return None


def _bare(
    text: str, span: NumberSpan, figure_end: int, before: list[Token], after: list[Token], make
) -> Mention | None:
    """A number with no noun after it counts only as «... به N رسید/برسد» (it takes the subject's noun)
    or as an item of a «X با N، Y با M نیروگاه» list (it takes the list's noun)."""
    while before and before[-1].key in _lexicon().cues.qualifiers:
        before = before[:-1]
    if before and before[-1].key == "با" and after and after[0].text in "،,و":
        metric = _listed_head(after)
        if metric and metric != "other":
            return make(span.value, "count", metric, "", figure_end, False)
        return None
    if not span.has_words and span.value.is_integer() and _inventory_item(before, after):
        # «تانکر ۱۴ دستگاه، کیسه جسد ۱۱۲۶، آتل ۱۲۰»: a list of things sent or seized, each noun before its number.
        return make(span.value, "count", "other", before[-1].text, figure_end, False)
    if not before or before[-1].key != "به":
        return None
    verb = next((t for t in after[:3] if t.is_word), None)
    if verb is None or "رس" not in verb.key:
        return None
    return _counted_before(span, figure_end, before, figure_end, make)


def _inventory_item(before: list[Token], after: list[Token]) -> bool:
    """Is the number (digits, a whole number) an item of an inventory, «noun N،» after at least two other items
    of the same list?

    >>> from dashboard.text.keyed_text import tokenize
    >>> _inventory_item(tokenize("۲۴۰۲۸ کارتن، کیسه جسد"), tokenize("، آتل ۱۲۰"))
    False
    >>> _inventory_item(tokenize("ست ظرف ۲۴۰۲۸ کارتن، تانکر ۱۴ دستگاه، کیسه جسد"), tokenize("، آتل ۱۲۰"))
    True
    """
    if not before or not after or after[0].text not in LIST_JOINERS or not _content_word(before[-1]):
        return False
    if len(before[-1].key) < 2:
        return False  # «ج۵، ص۶۷۲»: a volume and a page
    if before[-1].key in _lexicon().cues.time_nouns:
        return False
    window = before[-INVENTORY_TOKENS:]
    figures = sum(1 for t in window if t.text[:1].isdigit())
    commas = sum(1 for t in window if t.text in "،,")
    return figures >= 2 and commas >= 2


def _counted_before(
    span: NumberSpan, figure_end: int, before: list[Token], head_end: int, make, *, nearest: bool = True
) -> Mention | None:
    """Take the metric of the counted noun before the figure in its sentence: the one after
    «تعداد»/«شمار» when there is one («تعداد شغل‌های ایجادشده را ... ۴۰۰ مورد»), else the nearest (when
    ``nearest``)."""
    start = len(before) - 1
    while start > 0 and before[start - 1].text not in ".؟!؛:":
        start -= 1
    for i in range(start, len(before) - 1):
        if before[i].key in COUNT_WORDS:
            head = match_head(before, i + 1)
            if head and head[0] != "other":
                return make(span.value, "count", head[0], before[i + 1].text, head_end, False)
    if not nearest or not before or before[-1].text in ".؟!؛:":
        return None  # «... گفت: ۱۳ مورد»: the clause starts at the figure
    masked = _role_false_friends(before)  # «۱۳ مورد اهدای عضو»: an organ, not a member
    for i in range(len(before) - 2, -1, -1):
        if before[i].text in ".؟!؛:":
            break
        head = None if i in masked else match_head(before, i)
        if head and head[0] != "other":
            return make(span.value, "count", head[0], before[i].text, head_end, False)
    return None
