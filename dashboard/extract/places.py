"""The province of a figure from the words of its sentence: a place named after the counted noun or
before it in its clause, national words («در کشور»), the article's own province («این استان»), a
speaker's title.

>>> from dashboard.text.keyed_text import KeyedText
>>> province_in_sentence(KeyedText("قرار است ۱۰ هزار نیروگاه در استان قزوین نصب شود"), 2, 4)
'Qazvin'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from dashboard.extract.clauses import clause_bounds, phrase_end, punct_bounds
from dashboard.extract.mentions import is_finite_verb
from dashboard.lang.cues import load_cues
from dashboard.lang.persian import match_key
from dashboard.lang.taxonomy import NATIONAL, load_taxonomy
from dashboard.text.keyed_text import KeyedText, quoted_names

PLURAL_PROVINCE = frozenset({"استانهای", "استانها"})


NOT_PLACE_BEFORE = frozenset({"اهل"})  # «اهل کرمانشاه»: where people come from
PROVINCE_WORD = "استان"
REPORTER = frozenset({"خبرنگار"})  # «با خبرنگار فارس»: the outlet after it, not a province
DESK, REPORT = "گروه", "گزارش"  # «به گزارش گروه اقتصاد فارس»: a desk of an outlet
OUTLET_TOKENS = 3  # «خبرنگار انتظامی فارس», «گروه اقتصاد بین‌الملل فارس»: desk words before the outlet


LOCATED = frozenset({"در", "بین", "میان"})  # «در شهرستان میناب», «بین زندان‌های استان تهران و البرز»
ORIGIN_WINDOW = 8  # «از انجمن صنفی شرکت‌های حمل و نقل قزوین»: tokens from «از» to the place a candidate is from
AFTER_WINDOW = 16  # tokens after a figure in which a named province still belongs to it


RANK_WINDOW = 4  # tokens between a rank word and «کشوری»


@dataclass(frozen=True)
class _Places:
    names: dict[str, str]  # match key of a name, variant, capital or county -> province key
    prefixed: dict[str, str]  # names that count only after «استان»
    cued: dict[str, str]  # county names that are also common words: only after a place cue («شهرستان نور»)
    cues: frozenset[str]  # «شهرستان», «شهر», «فرماندار»...
    false_friends: frozenset[str]
    counties_too: dict[str, str]  # a province's name that is also a county of another: «البرز» -> Qazvin


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
    counties_too: dict[str, str] = {}
    for county in tax.counties:  # a province's own name or capital wins over a county of the same name
        key = match_key(county.name_fa)
        (cued if county.needs_cue else names).setdefault(key, county.province)
        if names.get(key, prefixed.get(key, county.province)) != county.province:
            counties_too[key] = county.province
    return _Places(names, prefixed, cued, load_cues().place_cues, frozenset(friends), counties_too)


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
        if _after_province_word(kt, first) and not masked.intersection(range(first, last)):
            found.append((first, last, places.prefixed[key]))
    for first, last, key in kt.find(places.cued):
        if first > 0 and kt.tokens[first - 1].key in places.cues and not masked.intersection(range(first, last)):
            found.append((first, last, places.cued[key]))
    # «در قزوین، البرز، آبیک و تاکستان»: a province's name that is also a county of the province of the other
    # places named with it is that county.
    named = {key for _f, _l, key in found}
    for n, (first, last, key) in enumerate(found):
        county_of = places.counties_too.get("".join(t.key for t in kt.tokens[first:last]))
        if county_of in named and county_of != key and not _after_province_word(kt, first):
            found[n] = (first, last, county_of)
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


def named_as_provinces(kt: KeyedText) -> list[str]:
    """The provinces the sentence names right after «استان» («استان تهران»), the surest way news names one."""
    return [key for i, key in province_mentions(kt) if _after_province_word(kt, i)]


def _after_province_word(kt: KeyedText, i: int) -> bool:
    return i > 0 and kt.tokens[i - 1].key == PROVINCE_WORD


def _not_places(kt: KeyedText) -> set[int]:
    """Tokens where a place name names something else: inside a short «...» (a programme, a festival:
    «سلام تهران»; a quoted place alone, «بم», is the place), right after «اهل» (where people come from, not
    where the figure is) and the outlet a reporter works for («خبرنگار فارس», «خبرنگار انتظامی فارس»)."""
    places = _places()
    masked: set[int] = set()
    for lo, hi in quoted_names(kt):
        inner = "".join(t.key for t in kt.tokens[lo:hi])
        if inner not in places.names and inner not in places.cued:
            masked.update(range(lo, hi))
    tokens = kt.tokens
    masked.update(i for i in range(1, len(tokens)) if tokens[i - 1].key in NOT_PLACE_BEFORE)
    for i, token in enumerate(tokens[:-1]):
        desk = token.key == DESK and i > 0 and tokens[i - 1].key == REPORT  # «به گزارش گروه اقتصاد بین‌الملل فارس»
        if (
            (token.key in REPORTER or desk)
            and tokens[i + 1].key not in places.cues
            and tokens[i + 1].key != PROVINCE_WORD
        ):
            for j in range(i + 1, min(i + 1 + OUTLET_TOKENS, len(tokens))):
                if not tokens[j].is_word or tokens[j].key in ("از", "در"):
                    break  # «خبرنگار فارس در قزوین»: where the reporter files from is a place
                masked.add(j)
    return masked


@lru_cache(maxsize=4096)
def speaks_for_the_nation(speaker: str) -> bool:
    """Does the speaker's title name a national office («وزیر», «... کشور»), with no province, county or
    provincial office?

    >>> speaks_for_the_nation("سرپرست کمیته امداد امام خمینی"), speaks_for_the_nation("مدیرکل کمیته امداد زنجان")
    (True, False)
    >>> speaks_for_the_nation("رئیس مرکز مدیریت راه‌های کشور")
    True
    """
    if not speaker:
        return False
    kt = KeyedText(speaker)
    cues = load_cues()
    if province_mentions(kt) or kt.find(cues.provincial_titles):
        return False
    return bool(kt.find(cues.national_titles) or _national_words(kt, 0, len(kt.tokens)))


def joint_provinces(kt: KeyedText, i: int) -> bool:
    """Is the province named at token ``i`` one of several joined by «و», «،» or a dash («استان تهران و
    البرز», «آزادراه کرج-تهران»)?"""
    named = dict(province_mentions(kt))
    for j in (i - 2, i + 2):
        if j in named and named[j] != named[i] and kt.tokens[min(i, j) + 1].text in ("و", "،", ",", "-", "–"):
            return True
    return False


def province_in_sentence(kt: KeyedText, first: int, last: int) -> str | None:
    """The province the sentence gives the figure at tokens ``[first, last)``, or ``National``, or None.

    A province named right after the counted noun, before any verb («۱۲۰ واحد مسکونی در شهرستان
    ریگان استان کرمان»), wins; then the nearest one named before the figure in its clause
    («کرمان با ۱۰ هزار شغل»); then national words («در کشور»).
    """
    if not province_mentions(kt) and not kt.find(load_cues().national_markers):
        return None  # the sentence names no place: the article's province applies
    lo, hi = clause_bounds(kt, first, last)
    after_hi = phrase_end(kt, last, min(hi, last + AFTER_WINDOW))
    # «در این استان»: the article's own province, which the caller fills in (None below).
    mentions: list[tuple[int, str | None]] = [*province_mentions(kt, lo, hi), *_this_province(kt, lo, hi)]
    if _counts_votes(kt, last):
        mentions = [(i, key) for i, key in mentions if not _origin(kt, i)]
    mentions.sort(key=lambda m: m[0])
    national = _national_words(kt, lo, hi)
    located = [i for i in range(last, after_hi) if kt.tokens[i].key in LOCATED]
    after_lo = located[0] if located else after_hi
    after = [(i, key) for i, key in mentions if after_lo < i < after_hi]
    # «۸ جودوکار خراسان رضوی», «۱۲ جودوکار از خراسان رضوی»: the counted noun's own place.
    after += [(i, key) for i, key in mentions if last < i <= after_lo and _names_the_nouns_place(kt, last, i)]
    if after and any(t.key in PLURAL_PROVINCE for t in kt.tokens[after_lo : after[0][0]]):
        return NATIONAL  # «در استان‌های مازندران، فارس و کرمان»: several provinces together
    # «در سراسر کشور», and «۳۴ جودوکار از سراسر کشور»: the whole country, wherever they meet.
    after += [
        (i, NATIONAL)
        for i in national
        if after_lo <= i < after_hi or (last <= i < after_hi and (_from(kt, i) or _of(kt, last, i)))
    ]
    if after:
        return _alone_or_national(kt, *min(after))
    # Before the figure: the nearest province («کرمان با ۱۰ هزار شغل»), national words only without one.
    before = [(i, key) for i, key in mentions if i < first] or [(i, NATIONAL) for i in national if i < first]
    if before:
        return _alone_or_national(kt, *max(before))
    # «... استان X ... است که از این تعداد ۱۵۰ روستا ...»: an earlier clause of the same statement.
    p_lo, _p_hi = punct_bounds(kt, first, last)
    # «طرح ... که در سراسر کشور اجرا شد، ۶ هزار فشنگ کشف شد»: a relative clause describes its noun, not the figure.
    earlier = [(i, key) for i, key in province_mentions(kt, p_lo, lo) if not _is_dateline(kt, i)] or [
        (i, NATIONAL) for i in _national_words(kt, p_lo, lo) if not _in_closed_relative_clause(kt, p_lo, i, lo)
    ]
    if earlier:
        return max(earlier)[1]
    # «مسئول بسیج سازندگی استان بوشهر ... گفت: ۹۴۰ نفر ...»: the speaker's province, when it is only one.
    # A dateline «زنجان- ...» is where the story was filed, not the speaker's province.
    speaker = {key for i, key in province_mentions(kt, 0, p_lo) if not _is_dateline(kt, i)}
    if len(speaker) == 1 and not any(t.key in PLURAL_PROVINCE for t in kt.tokens[:p_lo]):
        return speaker.pop()
    # «... درباره وضعیت جاده‌های کشور گفت: ...»: what the speaker talks about is the whole country.
    if not speaker and _national_words(kt, 0, p_lo):
        return NATIONAL
    return None


def _in_closed_relative_clause(kt: KeyedText, lo: int, i: int, figure_lo: int) -> bool:
    """Is token ``i`` inside a relative clause, «که» after a noun («طرح صابر که ...»; not «گفته می‌شود که ...»),
    whose verb closes before the figure's clause (at ``figure_lo``)?"""
    relative = any(
        kt.tokens[j].key == "که" and j > lo and not is_finite_verb(kt.tokens[j - 1].key) for j in range(lo, i)
    )
    return relative and any(t.is_word and is_finite_verb(t.key) for t in kt.tokens[i:figure_lo])


def _counts_votes(kt: KeyedText, last: int) -> bool:
    """Does the figure count votes («با ۴۵ رای»)? They belong to the election, not to where a candidate is from."""
    return last < len(kt.tokens) and kt.tokens[last].key in load_cues().vote_words


def _origin(kt: KeyedText, i: int) -> bool:
    """Is the place at token ``i`` where someone comes from: «از انجمن تهران», «از انجمن صنفی شرکت‌های حمل و نقل
    قزوین»? «از» must open the place's own phrase: no figure or punctuation stands between them."""
    for token in reversed(kt.tokens[max(0, i - ORIGIN_WINDOW) : i]):
        if token.key == "از":
            return True
        if not token.is_word or token.key in load_cues().vote_words:
            return False
    return False


def _names_the_nouns_place(kt: KeyedText, last: int, i: int) -> bool:
    """Is the place at token ``i`` the counted noun's (right after it, or after «از»)? ``last`` is the
    token after the figure: the counted noun, when it is a content word («جودوکار», not «و»)."""
    noun = kt.tokens[last]
    if not noun.is_word or noun.key in load_cues().no_head:
        return False
    return i == last + 1 or kt.tokens[i - 1].key == "از"


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


def _of(kt: KeyedText, last: int, i: int) -> bool:
    """Is the national word at ``i`` in the «از» phrase right after the counted noun, where its members come
    from: «۳۴ جودوکار از سراسر کشور», «۲ هزار نفر از فعالان قرآنی کشور»?"""
    at = last + 1
    return at < i and kt.tokens[at].key == "از" and all(t.is_word for t in kt.tokens[last:i])


def _from(kt: KeyedText, i: int) -> bool:
    return i > 0 and kt.tokens[i - 1].key == "از"


def _region(kt: KeyedText, i: int) -> bool:
    """«غرب کشور», «جنوب شرق کشور», «مناطق مرزی کشور»: a region of the country, not the whole of it.
    Areas of a kind found all over it («مناطق محروم کشور», «مناطق روستایی کشور») are the whole country."""
    cues = load_cues()
    before = [t.key for t in kt.tokens[max(0, i - 2) : i]]
    if any(key in cues.region_words for key in before):
        return True
    return len(before) == 2 and before[0] in cues.area_words and before[1] in cues.region_adjectives


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
