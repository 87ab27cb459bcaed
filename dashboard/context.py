"""Attach context to a figure: province, program, status and period, from the words around it.

Each function reads the claim's sentence (a :class:`KeyedText`) and the position of the
figure in it, and returns a canonical key.

>>> from dashboard.keyed_text import KeyedText
>>> s = "قرار است ۱۰ هزار نیروگاه در استان قزوین نصب شود"
>>> kt = KeyedText(s)
>>> status_of(kt, 2, 4), province_in_sentence(kt, 2, 4)
('planned', 'Qazvin')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from dashboard.check_config import load_check_config
from dashboard.cues import load_cues
from dashboard.keyed_text import KeyedText, Token, quoted_names
from dashboard.mentions import PLURAL_SUFFIXES, is_finite_verb
from dashboard.nlp import verb_stems
from dashboard.number_words import load_number_words
from dashboard.periods import CUMULATIVE, PERIOD
from dashboard.persian import match_key
from dashboard.taxonomy import NATIONAL, load_taxonomy

CLAUSE_ENDS = frozenset(".؟!؛:")
PLURAL_PROVINCE = frozenset({"استانهای", "استانها"})
NOT_PLACE_BEFORE = frozenset({"اهل"})  # «اهل کرمانشاه»: where people come from
PERIOD_CLAUSE_ENDS = frozenset({"،", ",", "؛", ";", ":", ".", "!", "?", "؟", "که"})
AFTER_WINDOW = 16  # tokens after a figure in which a named province still belongs to it
PHRASE_WINDOW = 6  # tokens after the counted noun that still describe it
CLAUSE_CUE_WINDOW = 10  # a program cue further than this from the figure does not name its program
RANK_WINDOW = 3  # tokens between a rank word and «کشوری»
CHAIN_MAX_TOKENS = 3  # «شده و» + at most this many words + a verb: one chained verb phrase

# Metrics whose head noun already names the program.
METRIC_PROGRAM = {
    "funds": "qard_al_hasan_funds",
    "solar_plants": "solar_plants",
    "solar_panels": "solar_plants",
    "housing_units": "housing",
    "clusters": "clusters",
}


@dataclass(frozen=True)
class _Places:
    names: dict[str, str]  # match key of a name, variant, capital or county -> province key
    prefixed: dict[str, str]  # names that count only after «استان»
    cued: dict[str, str]  # county names that are also common words: only after a place cue («شهرستان نور»)
    cues: frozenset[str]  # «شهرستان», «شهر», «فرماندار»...
    false_friends: frozenset[str]


@cache
def _places() -> _Places:
    names: dict[str, str] = {}
    prefixed: dict[str, str] = {}
    cued: dict[str, str] = {}
    friends: set[str] = set()
    tax = load_taxonomy()
    for p in tax.provinces.values():
        target = prefixed if p.require_prefix else names
        for name in (p.name_fa, *p.variants):
            target[match_key(name)] = p.key
        if p.capital_fa:
            names.setdefault(match_key(p.capital_fa), p.key)
        friends.update(match_key(f) for f in p.false_friends)
    for county in tax.counties:  # a province's own name or capital wins over a county of the same name
        (cued if county.needs_cue else names).setdefault(match_key(county.name_fa), county.province)
    return _Places(names, prefixed, cued, load_cues().place_cues, frozenset(friends))


def place_named(name: str) -> str | None:
    """The province of a place named on its own, as in a dateline («میناب- ...»), cue or not.

    >>> place_named("میناب"), place_named("نور"), place_named("هیچ‌جا")
    ('Hormozgan', 'Mazandaran', None)
    """
    places = _places()
    key = match_key(name)
    return places.names.get(key) or places.cued.get(key) or places.prefixed.get(key)


def province_mentions(kt: KeyedText, lo: int = 0, hi: int | None = None) -> list[tuple[int, str]]:
    """``(token index, province key)`` of each province named in tokens ``[lo, hi)``, false friends removed.

    «خلیج فارس» and «خبرگزاری فارس» name no province; «استان مرکزی» does, bare «مرکزی» does not.
    """
    found = kt.memo("provinces", lambda: _all_province_mentions(kt))
    hi = len(kt.tokens) if hi is None else hi
    return [(i, key) for i, last, key in found if i >= lo and last <= hi]


def _all_province_mentions(kt: KeyedText) -> list[tuple[int, int, str]]:
    places = _places()
    masked = _not_places(kt)
    for first, last, _ in kt.find(places.false_friends):
        masked.update(range(first, last))
    found = []
    for first, last, key in kt.find(places.names):
        if not masked.intersection(range(first, last)):
            found.append((first, last, places.names[key]))
    for first, last, key in kt.find(places.prefixed):
        if first > 0 and kt.tokens[first - 1].key == "استان" and not masked.intersection(range(first, last)):
            found.append((first, last, places.prefixed[key]))
    for first, last, key in kt.find(places.cued):
        if first > 0 and kt.tokens[first - 1].key in places.cues and not masked.intersection(range(first, last)):
            found.append((first, last, places.cued[key]))
    # A name inside a longer one at the same place counts once («خراسان رضوی» over «خراسان»).
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    result: list[tuple[int, int, str]] = []
    covered_until = -1
    for first, last, key in found:
        if first < covered_until:
            continue
        result.append((first, last, key))
        covered_until = last
    return result


def _not_places(kt: KeyedText) -> set[int]:
    """Tokens where a place name names something else: inside a short «...» (a programme, a festival:
    «سلام تهران») and right after «اهل» (where people come from, not where the figure is)."""
    masked = {i for lo, hi in quoted_names(kt) for i in range(lo, hi)}
    masked.update(i for i in range(1, len(kt.tokens)) if kt.tokens[i - 1].key in NOT_PLACE_BEFORE)
    return masked


@lru_cache(maxsize=4096)
def speaks_for_the_nation(speaker: str) -> bool:
    """Does the speaker's title name a national office, with no province, county or provincial office?

    >>> speaks_for_the_nation("سرپرست کمیته امداد امام خمینی"), speaks_for_the_nation("مدیرکل کمیته امداد زنجان")
    (True, False)
    """
    if not speaker:
        return False
    kt = KeyedText(speaker)
    cues = load_cues()
    if province_mentions(kt) or kt.find(cues.provincial_titles):
        return False
    return bool(kt.find(cues.national_titles))


def joint_provinces(kt: KeyedText, i: int) -> bool:
    """Is the province named at token ``i`` one of several joined by «و», «،» or a dash («استان تهران و
    البرز», «آزادراه کرج-تهران»)?"""
    named = dict(province_mentions(kt))
    for j in (i - 2, i + 2):
        if j in named and named[j] != named[i] and kt.tokens[min(i, j) + 1].text in ("و", "،", ",", "-", "–"):
            return True
    return False


def _punct_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    """Tokens between the punctuation marks («.», «:», «؛»...) around ``[first, last)``."""
    return kt.memo(("punct", first, last), lambda: _compute_punct_bounds(kt, first, last))


def _compute_punct_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    lo = first
    while lo > 0 and kt.tokens[lo - 1].text not in CLAUSE_ENDS:
        lo -= 1
    hi = last
    while hi < len(kt.tokens) and kt.tokens[hi].text not in CLAUSE_ENDS:
        hi += 1
    return lo, hi


def _clause_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    """The clause around ``[first, last)``: Persian clauses end with their verb, so a finite verb
    or a punctuation mark before the figure opens it and the first one after closes it (inclusive)."""
    return kt.memo(("clause", first, last), lambda: _compute_clause_bounds(kt, first, last))


def _compute_clause_bounds(kt: KeyedText, first: int, last: int) -> tuple[int, int]:
    lo = first
    while lo > 0:
        prev = kt.tokens[lo - 1]
        if prev.text in CLAUSE_ENDS or (prev.is_word and is_finite_verb(prev.key)):
            break
        lo -= 1
    hi = last
    while hi < len(kt.tokens):
        token = kt.tokens[hi]
        if token.text in CLAUSE_ENDS:
            break
        hi += 1
        if token.is_word and is_finite_verb(token.key):
            break
    return lo, hi


def province_in_sentence(kt: KeyedText, first: int, last: int) -> str | None:
    """The province the sentence gives the figure at tokens ``[first, last)``, or ``National``, or None.

    A province named right after the counted noun, before any verb («۱۲۰ واحد مسکونی در شهرستان
    ریگان استان کرمان»), wins; then the nearest one named before the figure in its clause
    («کرمان با ۱۰ هزار شغل»); then national words («در کشور»).
    """
    if not province_mentions(kt) and not kt.find(load_cues().national_markers):
        return None  # the sentence names no place: the article's province applies
    lo, hi = _clause_bounds(kt, first, last)
    after_hi = _phrase_end(kt, last, min(hi, last + AFTER_WINDOW))
    # «در این استان»: the article's own province, which the caller fills in (None below).
    mentions: list[tuple[int, str | None]] = [*province_mentions(kt, lo, hi), *_this_province(kt, lo, hi)]
    mentions.sort(key=lambda m: m[0])
    national = _national_words(kt, lo, hi)
    located = [i for i in range(last, after_hi) if kt.tokens[i].key == "در"]
    after_lo = located[0] if located else after_hi
    after = [(i, key) for i, key in mentions if after_lo < i < after_hi]
    if after and any(t.key in PLURAL_PROVINCE for t in kt.tokens[after_lo : after[0][0]]):
        return NATIONAL  # «در استان‌های مازندران، فارس و کرمان»: several provinces together
    # «در سراسر کشور», and «۳۴ جودوکار از سراسر کشور»: the whole country, wherever they meet.
    after += [(i, NATIONAL) for i in national if after_lo <= i < after_hi or (last <= i < after_hi and _from(kt, i))]
    if after:
        return _alone_or_national(kt, *min(after))
    # Before the figure: the nearest province («کرمان با ۱۰ هزار شغل»), national words only without one.
    before = [(i, key) for i, key in mentions if i < first] or [(i, NATIONAL) for i in national if i < first]
    if before:
        return _alone_or_national(kt, *max(before))
    # «... استان X ... است که از این تعداد ۱۵۰ روستا ...»: an earlier clause of the same statement.
    p_lo, _p_hi = _punct_bounds(kt, first, last)
    earlier = province_mentions(kt, p_lo, lo) or [(i, NATIONAL) for i in _national_words(kt, p_lo, lo)]
    if earlier:
        return max(earlier)[1]
    # «مسئول بسیج سازندگی استان بوشهر ... گفت: ۹۴۰ نفر ...»: the speaker's province, when it is only one.
    # A dateline «زنجان- ...» is where the story was filed, not the speaker's province.
    speaker = {key for i, key in province_mentions(kt, 0, p_lo) if not _is_dateline(kt, i)}
    if len(speaker) == 1 and not any(t.key in PLURAL_PROVINCE for t in kt.tokens[:p_lo]):
        return speaker.pop()
    return None


def _alone_or_national(kt: KeyedText, i: int, key: str | None) -> str | None:
    """The province named at token ``i``, or ``National`` when it is named jointly with another.

    ``None`` (the article's own province, «این استان») stays ``None``.
    """
    if key is None:
        return None
    return NATIONAL if key != NATIONAL and joint_provinces(kt, i) else key


def _national_words(kt: KeyedText, lo: int, hi: int) -> list[int]:
    """Where tokens ``[lo, hi)`` place something in the whole country («در کشور», «سراسر کشور»); not
    «کشور افغانستان», another country."""
    return [
        i
        for i, j, _k in kt.find(load_cues().national_markers, lo, hi)
        if not (_ranking(kt, i, j) or _region(kt, i) or kt.find(load_cues().foreign_countries, j, j + 3))
    ]


def _from(kt: KeyedText, i: int) -> bool:
    return i > 0 and kt.tokens[i - 1].key == "از"


def _region(kt: KeyedText, i: int) -> bool:
    """«غرب کشور», «جنوب شرق کشور»: a region of the country, not the whole of it."""
    regions = load_cues().region_words
    return i > 0 and (kt.tokens[i - 1].key in regions or (i > 1 and kt.tokens[i - 2].key in regions))


def _ranking(kt: KeyedText, i: int, j: int) -> bool:
    """«رتبه هشتم کشوری», «در کشور مقام نخست»: the country is where a place ranks, not where a figure is."""
    near = kt.tokens[max(0, i - RANK_WINDOW) : i] + kt.tokens[j : j + RANK_WINDOW]
    return any(t.key in load_cues().rank_words for t in near)


def _this_province(kt: KeyedText, lo: int, hi: int) -> list[tuple[int, None]]:
    """Where tokens ``[lo, hi)`` say «این استان», «استان ما»: the article's province, not named again."""
    return [(i, None) for i, _j, _k in kt.find(load_cues().this_province, lo, hi)]


def _is_dateline(kt: KeyedText, i: int) -> bool:
    """Is the place at token ``i`` a dateline («زنجان- مدیرکل ... گفت»): the first token, a dash after it?"""
    return i == 0 and len(kt.tokens) > 1 and kt.tokens[1].text in "-–"


def _phrase_end(kt: KeyedText, lo: int, hi: int) -> int:
    """Index of the first verb or comma at or after ``lo`` (``hi`` when none): the end of the noun phrase."""
    for i in range(lo, hi):
        token = kt.tokens[i]
        if token.text in "،," or (token.is_word and is_finite_verb(token.key)):
            return i
    return hi


@cache
def _program_cues() -> dict[str, str]:
    """Cue keys (with their plural forms: «سرخوشه‌های», «دهکده‌ها») -> program key."""
    cues: dict[str, str] = {}
    for program in load_taxonomy().programs.values():
        for cue in program.cues:
            key = match_key(cue)
            for form in (key, *(key + suffix for suffix in PLURAL_SUFFIXES)):
                cues.setdefault(form, program.key)
    return cues


@cache
def _program_false_friends() -> frozenset[str]:
    return frozenset(match_key(f) for p in load_taxonomy().programs.values() for f in p.false_friends)


def programs_named(kt: KeyedText, lo: int = 0, hi: int | None = None) -> list[tuple[int, str]]:
    """``(token index, program key)`` of each program cue in tokens ``[lo, hi)``, false friends left out."""
    cues = _program_cues()
    masked = {i for first, last, _ in kt.find(_program_false_friends(), lo, hi) for i in range(first, last)}
    return [(i, cues[k]) for i, _j, k in kt.find(cues, lo, hi) if i not in masked]


def program_of(kt: KeyedText, first: int, last: int, metric: str, head_end_token: int) -> str | None:
    """The program the figure belongs to, or None when its clause names none.

    The counted noun names it first («۱۲ سرخوشه»), then the noun phrase after it
    («تسهیلات تبصره ۱۶»), then the nearest cue in the clause.
    """
    if metric in METRIC_PROGRAM:
        return METRIC_PROGRAM[metric]
    phrase_end = min(len(kt.tokens), head_end_token + PHRASE_WINDOW)
    near = programs_named(kt, first, phrase_end)
    if near:
        return near[0][1]
    lo, hi = _clause_bounds(kt, first, last)
    found = [(abs(i - first), key) for i, key in programs_named(kt, lo, hi) if abs(i - first) <= CLAUSE_CUE_WINDOW]
    if found:
        return min(found)[1]
    return None


def status_of(kt: KeyedText, first: int, last: int) -> str:
    """``planned`` when the figure is promised, targeted, needed or announced, else ``reported``.

    Planned: a cue before it in its clause («قرار است»، «امیدواریم»، «در حال احداث»), a cue in the
    verb phrase that closes it («هدف‌گذاری شده است»، «نیاز داریم»), a future or subjunctive verb
    («خواهد شد»، «برسد»), a future time with a verb not in the past («تا پایان سال ... نصب می‌شود»),
    or an imperfective present that announces a change («ساخته می‌شود»، «به ۷۸ باب می‌رسد»، «۵۰۰ هزار
    شغل ایجاد می‌کند»). A past «could» («توانستیم ... ایجاد کنیم»), a habitual present of an activity
    («وام پرداخت می‌کنند») and a present that says how things stand now («در حال حاضر») report.

    >>> [status_of(KeyedText(s), 1, 2) for s in ("امسال ۵۰۰ شغل ایجاد می‌کند", "امسال ۵۰۰ وام پرداخت می‌کنند")]
    ['planned', 'reported']
    """
    cues = load_cues()
    lo, hi = _punct_bounds(kt, first, last)
    clause_lo, _clause_hi = _clause_bounds(kt, first, last)
    verb = _first_verb(kt, last, hi)
    verb_end = verb + 1 if verb is not None else hi
    if kt.find(cues.achieved_modal, max(lo, clause_lo - 1), verb_end):
        return "reported"
    governing = [c for c in kt.find(cues.planned_governing, lo, clause_lo) if c[1] >= clause_lo - 1]
    if (
        governing
        or kt.find(cues.planned_before, clause_lo, first)
        or any(kt.find(words, last, verb_end) for words in (cues.planned_before, cues.planned_verbs))
        or kt.find(cues.possibility_modals, max(lo, clause_lo - 1), verb_end)
    ):
        # «قرار بود ... ایجاد شود که این هدف محقق شده است»: the target was met.
        return "reported" if kt.find(cues.target_met, verb_end, hi) else "planned"
    if _needed(kt, last, verb if verb is not None else hi):
        return "planned"
    # «از احداث ...» announces, unless the sentence (after its colon too) counts the figure so far or
    # places it in the past («در یک سال گذشته»).
    if _announced_event(kt, first, clause_lo, verb) and not (
        kt.find(_period_cues().cumulative) or kt.find(cues.past_time)
    ):
        return "planned"
    if verb is None:
        return "reported"
    key = kt.tokens[verb].key
    past = not key.startswith(("می", "نمی")) and key not in cues.planned_verbs and _is_past(key)
    # «تا پایان سال ... نصب می‌شود»; «از آغاز ... از فردا خبر داد»: news of what is still to come.
    if (not past or _reports_news(kt, verb)) and kt.find(cues.future_time, clause_lo, verb):
        return "planned"
    # A present after a past clause of the same sentence describes what was done («... ایجاد شده و ۱٬۹۰۰
    # خانوار بهره‌مند می‌شوند»); a present total («در مجموع به ۴۸ مگاوات می‌رسد») is how things stand.
    before = kt.tokens[clause_lo - 1] if clause_lo > lo else None
    narrated = before is not None and before.is_word and _is_past(before.key)
    now = kt.find(cues.present_now, lo, verb) or kt.find(_period_cues().cumulative, clause_lo, verb)
    if key.startswith("می") and not now:
        if (_announces_change(kt, verb) and not narrated) or kt.find(cues.more_to_come, last, verb):
            return "planned"
        if kt.find(cues.agreement_cues, lo, first):
            return "planned"
    return "reported"


def _reports_news(kt: KeyedText, verb: int) -> bool:
    """Is the verb at ``verb`` the reporting verb «خبر داد», «اعلام کرد» (with the word before it)?"""
    pair = kt.tokens[verb - 1].key + kt.tokens[verb].key if verb > 0 else ""
    return pair in load_cues().news_verbs


def _needed(kt: KeyedText, last: int, verb: int) -> bool:
    """A need that is the predicate: «۲۰ میلیارد ریال اعتبار نیاز است», «به ۸ هزار واحد نیاز داریم».

    The need word stands right before the verb; «خانواده‌های نیازمند» or «پاسخ‌های لازم» inside the
    clause only describe a noun.
    """
    return any(end == verb for _start, end, _key in kt.find(load_cues().planned_needs, last, verb))


def _announces_change(kt: KeyedText, verb: int) -> bool:
    """An imperfective present of a change: «ساخته می‌شود», «افزایش می‌یابد», «ایجاد می‌کند»."""
    cues = load_cues()
    if verb > 0 and kt.tokens[verb - 1].key in cues.stative_predicates:
        return False  # «شامل می‌شود», «محسوب می‌شود»: a state
    stem = kt.tokens[verb].key[2:]  # «میشود» -> «شود»
    for ending in ("ند", "د"):
        if stem.endswith(ending) and stem[: -len(ending)] in cues.inchoative_stems:
            return True
    return verb > 0 and kt.tokens[verb - 1].key in cues.event_nouns


def _announced_event(kt: KeyedText, first: int, clause_lo: int, verb: int | None) -> bool:
    """«از احداث ۷ پارک ... خبر داد»: a figure inside «از» + an event noun is announced, not done.

    The figure follows the noun closely, or anywhere in a clause a reporting verb closes («از افتتاح
    یک سازه به حجم ۱۲۰۰ متر مکعب و ۹ بند سنگی ... خبر داد»).
    """
    cues = load_cues()
    lo = clause_lo if verb is not None and _reports_news(kt, verb) else max(0, first - 3)
    window = kt.tokens[lo:first]
    return any(t.key in cues.announced_nouns and i > 0 and window[i - 1].key == "از" for i, t in enumerate(window))


@lru_cache(maxsize=20_000)
def _is_past(key: str) -> bool:
    """A past or perfect form built on a past stem: «شد», «کردند», «رسیده است»."""
    past_stems, _present = verb_stems()
    for ending in ("", "م", "ی", "یم", "ید", "ند", "ه", "هاند", "هایم", "هاست"):
        if key.endswith(ending) and key[: len(key) - len(ending)] in past_stems:
            return True
    return False


def _first_verb(kt: KeyedText, lo: int, hi: int) -> int | None:
    """Index of the verb that gives tokens ``[lo, hi)`` their tense, or None.

    That is the first finite verb, except a bare participle joined by «و» to what follows: it
    takes the tense of the verb that ends the chain, as in «تکمیل شده و به بهره‌برداری می‌رسد».
    """
    verbs = [i for i in range(lo, hi) if _is_verb_token(kt.tokens[i])]
    for n, i in enumerate(verbs):
        if n + 1 < len(verbs) and _chained_participle(kt, i, verbs[n + 1]):
            continue
        return i
    return None


def _is_verb_token(token: Token) -> bool:
    return token.is_word and (is_finite_verb(token.key) or token.key.endswith("هاست"))


def _chained_participle(kt: KeyedText, i: int, next_verb: int) -> bool:
    """A past participle and «و» before a short verb phrase with no subject of its own borrow
    that verb's tense: «تکمیل و تجهیز شده و به بهره‌برداری می‌رسد» is still to come.

    With a new subject between them («۱۴ دهکده راه‌اندازی شده و ۶ دهکده دیگر ... می‌رسد») or a
    verb that governs a new clause («ابلاغ شده و پیش‌بینی می‌کنیم ...»), news uses «شده» as a past.
    """
    key = kt.tokens[i].key
    if not (key.endswith("ه") and kt.tokens[i + 1].key == "و" and _is_past(key)):
        return False
    between = kt.tokens[i + 2 : next_verb]
    if len(between) > CHAIN_MAX_TOKENS or any(not t.is_word for t in between):
        return False
    return not kt.find(load_cues().planned_governing, i + 2, next_verb + 1)


@dataclass(frozen=True)
class _PeriodCues:
    cumulative: frozenset[str]  # match keys
    period: frozenset[str]
    both: frozenset[str]
    after_number: frozenset[str]  # cues written «# سال اخیر»: they count only after a number
    number_words: frozenset[str]


@cache
def _period_cues() -> _PeriodCues:
    """The cue words of ``data/period_cues.yaml`` (shared with the history and the checks) as match keys."""
    periods = load_check_config().periods
    keys: dict[str, set[str]] = {"cumulative": set(), "period": set()}
    after_number: set[str] = set()
    for kind, found in keys.items():
        for cue in periods.get(kind) or ():
            key = match_key(cue.replace("#", " "))
            found.add(key)
            if cue.strip().startswith("#"):
                after_number.add(key)
    numbers = frozenset(match_key(w) for w in load_number_words().words)
    cumulative, period = frozenset(keys["cumulative"]), frozenset(keys["period"])
    return _PeriodCues(cumulative, period, cumulative | period, frozenset(after_number), numbers)


def period_of(kt: KeyedText, first: int, last: int) -> str:
    """``cumulative`` («تاکنون»، «در مجموع») or ``period`` («امسال»، «در یک سال»), or ``""``.

    Read from the figure's clause (up to a comma, colon or «که») with the cue words the history
    and the checks use (``data/period_cues.yaml``); a period word wins, since it bounds a running
    total («از ابتدای سال تاکنون»).
    """
    cues = _period_cues()
    lo, hi = first, last
    while lo > 0 and kt.tokens[lo - 1].key not in PERIOD_CLAUSE_ENDS:
        lo -= 1
    while hi < len(kt.tokens) and kt.tokens[hi].key not in PERIOD_CLAUSE_ENDS:
        hi += 1
    # A verb closes a clause too: «از ابتدای سال تاکنون ۳٬۲۰۰ خانوار ... قرار گرفته‌اند و هم‌اکنون ۴۵ هزار ...».
    verb_lo, verb_hi = _clause_bounds(kt, first, last)
    lo, hi = max(lo, verb_lo), min(hi, verb_hi)
    found = set()
    for i, _j, key in kt.find(cues.both, lo, hi):
        if key in cues.after_number:
            before = kt.tokens[i - 1] if i > 0 else None
            if before is None or not (before.text.isdigit() or before.key in cues.number_words):
                continue
        found.add(PERIOD if key in cues.period else CUMULATIVE)
    return PERIOD if PERIOD in found else CUMULATIVE if found else ""
