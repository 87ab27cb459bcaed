"""Article-level facts the claims inherit: headline, date, outlet, province, currency, body, speakers.

>>> text = "۱۴۰۲/۰۹/۰۴\\nایجاد ۵۰۰ شغل در قزوین\\n\\nبه گزارش ایرنا از قزوین، رئیس بسیج سازندگی استان گفت: ..."
>>> meta = read_article_meta(text)
>>> meta.source, meta.published, meta.province
('ایرنا', '2023-11-25', 'Qazvin')
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache

import jdatetime

from dashboard.extract.places import PROVINCE_WORD, joint_provinces, named_as_provinces, place_named, province_mentions
from dashboard.lang.cues import CUES_FILE, load_cues
from dashboard.lang.datafiles import read_yaml_mapping
from dashboard.lang.persian import ZWNJ, fold_chars, match_key
from dashboard.lang.taxonomy import NATIONAL, UnitWord, load_taxonomy
from dashboard.quantities.jalali import date_line, find_publication_date, parse_date
from dashboard.text.keyed_text import KeyedText, Sentences, tokenize
from dashboard.text.nlp import sentence_spans
from dashboard.text.outlets import BRANCH_WORDS, canonical_outlet, find_outlet

SOURCE_RE = re.compile(r"به[\s\u200c]+(?:گزارش|نقل[\s\u200c]+از)[\s\u200c]+")
DATELINE_RE = re.compile(r"^\s*([^\W\d_][^\n،:\-–]{1,30}?)\s*[-–]\s", re.M)  # on any line of the head
MAX_SOURCE_WORDS = 12
DATELINE_OUTLET_RE = re.compile(r"^\s*[^\W\d_][^\n،:\-–]{1,30}?\s*[-–]\s*([^\n\-–،:]{2,30}?)\s*[-–]", re.M)
# «باشگاه خبرنگاران جوان - مدیرکل ...»: a line that opens with the outlet and a dash.
LEADING_OUTLET_RE = re.compile(r"^\s*([^\W\d_][^\n\-–،:]{1,30}?)\s*[-–]\s", re.M)
HEAD_CHARS = 1000  # a dateline is near the top
LABEL_CHARS = 40  # «خبرگزاری فارس:» alone on a line labels the lead; it is not the lead
FOREIGN_OVER_IRAN = 2  # a story led by another country names it this many times as often as Iran
_DIGIT = re.compile(r"\d")
_PERSIAN_LETTER = re.compile(r"[\u0600-\u06ff]")
HEADLINE_WORDS = 2  # «Logo», «منو»: one word is not a headline


@dataclass
class ArticleMeta:
    """What the article says about itself."""

    title: str = ""
    published: str = ""
    published_jalali: str = ""
    source: str = ""
    province: str = NATIONAL
    filed_from: bool = False  # the province is only the dateline's or «به گزارش ... از X»'s
    foreign: bool = False  # about another country, with no Iranian actor: no claims
    currency: UnitWord | None = None
    body_end: int = 0  # claims after this offset are page furniture
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (offset, speaker); see find_speakers


# A bracket that ends an outlet's name («خبرگزاری سلامت(طبنا)»), unless it holds an honorific that belongs
# to it («روابط عمومی سپاه امام سجاد (ع) هرمزگان»).
HONORIFIC_AHEAD = r"(?!\s*(?:ع|س|ص|ره|عج)\s*\))"


@cache
def _source_stop_re() -> re.Pattern[str]:
    """Where the outlet's name ends: a stop word standing alone («از», «در») or a stop mark («،»)."""
    parts = [
        rf"(?:^|\s){re.escape(stop)}(?=\s|$)"
        if stop.isalpha()
        else re.escape(stop) + (HONORIFIC_AHEAD if stop == "(" else "")
        for stop in load_cues().source_stop
    ]
    return re.compile("|".join(parts))


def _end_at_outlet_name(segment: str) -> str:
    """Cut the outlet phrase after the first outlet it names: «خبرنگار پارلمانی خبرگزاری فارس سید ...»
    gives «خبرنگار پارلمانی خبرگزاری فارس»; a phrase naming no known outlet is kept whole."""
    kt = KeyedText(segment)
    hit = find_outlet(kt)
    if hit is None:
        return segment
    if hit[1] < len(kt.tokens) and kt.tokens[hit[1]].key in BRANCH_WORDS:
        return segment  # «خبرگزاری صداوسیما مرکز اردبیل»: the outlet's own regional office
    return segment[: kt.tokens[hit[1] - 1].end]


def find_source(text: str) -> tuple[str, int, int] | None:
    """The outlet after the first «به گزارش»: ``(outlet, start, end)``.

    >>> find_source("به گزارش خبرگزاری مهر از همدان، ...")[0]
    'خبرگزاری مهر'
    """
    stops = _source_stop_re()
    for match in SOURCE_RE.finditer(text):
        start = match.end()
        line_end = text.find("\n", start)
        segment = text[start : line_end if line_end != -1 else len(text)]
        hit = stops.search(segment)
        outlet = _end_at_outlet_name(segment[: hit.start() if hit else len(segment)]).strip(" \u200c\t،,.")
        words = outlet.split()
        if outlet and len(words) <= MAX_SOURCE_WORDS and not outlet[0].isdigit():
            return outlet, start, start + len(outlet)
    return _dateline_outlet(text)


def _dateline_outlet(text: str) -> tuple[str, int, int] | None:
    """«تبریز- ایرنا- مدیرکل ...»: a known outlet between the dateline's dashes, or opening a line before
    a dash («باشگاه خبرنگاران جوان - مدیرکل ...»).

    >>> _dateline_outlet("تبریز- ایرنا- مدیرکل بهزیستی گفت")[0]
    'ایرنا'
    >>> _dateline_outlet("تیتر خبر\\nباشگاه خبرنگاران جوان - مدیرکل بهزیستی گفت")[0]
    'باشگاه خبرنگاران جوان'
    >>> _dateline_outlet("تبریز - مدیرکل بهزیستی گفت") is None
    True
    """
    for match in DATELINE_OUTLET_RE.finditer(text, 0, HEAD_CHARS):
        if find_outlet(KeyedText(fold_chars(match.group(1)))):
            return match.group(1).strip(), match.start(1), match.end(1)
    for match in LEADING_OUTLET_RE.finditer(text, 0, HEAD_CHARS):
        kt = KeyedText(fold_chars(match.group(1)))
        hit = find_outlet(kt)
        if hit is not None and hit[0] == 0 and hit[1] == len(kt.tokens):  # the whole phrase is the outlet
            return match.group(1).strip(), match.start(1), match.end(1)
    return None


def _title(text: str) -> str:
    """The headline: the first line of the article that is a sentence of Persian words, not its date
    line, a link or page furniture («حالت تاریک», «کد خبر: ۱۲۳۴», «اخبار استان‌ها»).

    >>> _title("Logo\\nحالت تاریک\\nکد خبر: ۱۲۳۴\\nافتتاح ۲۰ طرح در اردبیل\\nمتن")
    'افتتاح ۲۰ طرح در اردبیل'
    """
    furniture = load_cues().head_furniture
    for line in text[:2000].split("\n"):
        stripped = line.strip()
        words = stripped.split()
        if (
            len(stripped) > 12
            and len(words) >= HEADLINE_WORDS
            and _PERSIAN_LETTER.search(stripped)
            and "://" not in stripped
            and not any(match_key(" ".join(words[:n]).strip(":،.")) in furniture for n in (1, 2, 3))
            and (not _DIGIT.search(stripped) or date_line(stripped) is None)
        ):
            return stripped
    return ""


def title_span(text: str, title: str) -> tuple[int, int]:
    """Offsets of the headline in the (folded) text, ``(0, 0)`` when it is not there.

    >>> title_span("\\nایجاد ۵ شغل\\n", "ايجاد ۵ شغل")  # the record keeps Arabic «ي», the text is folded
    (1, 12)
    """
    title = fold_chars(title)
    at = text.find(title) if title else -1
    return (at, at + len(title)) if at >= 0 else (0, 0)


def lead_span(text: str, title: str) -> tuple[int, int]:
    """Offsets of the lead: the first non-empty line after the headline (the first line when none)."""
    offset = title_span(text, title)[1]
    while offset < len(text):
        end = text.find("\n", offset)
        end = len(text) if end == -1 else end
        line = text[offset:end].strip()
        # «خبرگزاری فارس:» on a line of its own labels the lead that follows it.
        if line and not (line.endswith(":") and len(line) < LABEL_CHARS):
            return offset, end
        offset = end + 1
    return 0, 0


def _body_end(text: str) -> int:
    """Offset where page furniture starts (a «کد خبر» or «اخبار مرتبط» line after the first lines)."""
    cues = load_cues()
    offset = 0
    body_started = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            if body_started and len(stripped) < 40:
                key = match_key(stripped)
                if any(key.startswith(c) for c in cues.body_end_lines):
                    return offset
            body_started = body_started or stripped.endswith((".", "!", "؟"))
        offset += len(line) + 1
    return len(text)


def _article_province(
    text: str, source_span: tuple[int, int] | None, title: str, sentences: Sentences
) -> tuple[str, bool]:
    """Dateline («اردبیل- ...»), «به گزارش ... از X», «استان X» in headline or lead, else National; and
    whether it is only where the reporter filed from (dateline or «از X»), not what the story names."""
    _lead_start, lead_end = lead_span(text, title)
    first_line_end = text.find("\n")
    head_end = min(max(lead_end, len(text) if first_line_end == -1 else first_line_end), 1500)
    filed = _filed_from(text, source_span, head_end)
    head = _head_province(sentences, head_end)
    if filed:
        # «فرمانده انتظامی غرب استان تهران ...» filed from Karaj: a province the lead names with «استان» is the story's.
        if head is not None and head not in (NATIONAL, filed) and _named_as_province(sentences, head_end, head):
            return head, False
        return filed, True
    return head or _body_province(text, sentences), False


def _named_as_province(sentences: Sentences, head_end: int, province: str) -> bool:
    """Do the headline and lead name ``province`` after «استان» («غرب استان تهران»)?"""
    for si in range(len(sentences.spans)):
        if sentences.spans[si][0] >= head_end:
            break
        if province in named_as_provinces(sentences.keyed(si)):
            return True
    return False


def _filed_from(text: str, source_span: tuple[int, int] | None, head_end: int) -> str | None:
    """The province of «به گزارش ... از X» or of a dateline («اردبیل- ...», «میناب- ...») in the head."""
    if source_span:
        m = re.compile(r"\s*از\s+([^،,\n]+)").match(text, source_span[1], source_span[1] + 40)
        found = province_mentions(KeyedText(text, m.start(1), m.end(1))) if m else []
        # «به گزارش ... از بشرویه»: like a dateline, this «از» is a place cue itself
        named = found[0][1] if found else (place_named(m.group(1).strip()) if m else None)
        if named:
            return named
    offset = 0
    while offset < head_end:
        line_end = text.find("\n", offset, head_end)
        line_end = head_end if line_end == -1 else line_end
        m = DATELINE_RE.match(text, offset, line_end)
        if m:
            found = province_mentions(KeyedText(text, m.start(1), m.end(1)))
            # «میناب- ...», «نور- ...»: a dateline is a place cue itself
            named = found[0][1] if found else place_named(m.group(1))
            if named:
                return named
        offset = line_end + 1
    return None


def _head_province(sentences: Sentences, head_end: int) -> str | None:
    """The province the headline and lead name most (National when a national word comes first or a
    province is named jointly with another), None when they name none."""
    provinces: list[tuple[tuple[int, int], str]] = []
    national: list[tuple[int, int]] = []
    for si in range(len(sentences.spans)):
        if sentences.spans[si][0] >= head_end:
            break
        kt = sentences.keyed(si)
        for i, key in province_mentions(kt):  # «استان تهران و البرز» together is no one province
            if joint_provinces(kt, i):
                national.append((si, i))
            else:
                provinces.append(((si, i), key))
        national += [(si, i) for i, _j, _k in kt.find(load_cues().national_markers)]
        national += [(si, i) for i, t in enumerate(kt.tokens) if t.key == "کشور"]
    national.sort()
    if provinces and not (national and national[0] < provinces[0][0]):
        keys = [key for _at, key in provinces]
        return max(keys, key=keys.count)  # ties: the province named first
    return NATIONAL if national else None


def _body_province(text: str, sentences: Sentences) -> str:
    """A province the body names after «استان» clearly more than any other, else National."""
    body_end = _body_end(text)
    counts: dict[str, int] = {}
    for si, (start, end) in enumerate(sentences.spans):
        if start >= body_end:
            break
        if PROVINCE_WORD not in text[start:end]:
            continue  # only «استان X» counts: a sentence without the word need not be read
        for key in named_as_provinces(sentences.keyed(si)):
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if ranked and ranked[0] >= 2 and (len(ranked) == 1 or ranked[0] > 2 * ranked[1]):
        return max(counts, key=lambda k: counts[k])
    return NATIONAL


@cache
def _foreign_word_re() -> re.Pattern[str]:
    """Any other country's name as a match key (the quick look, in text without spaces, before tokenizing)."""
    return re.compile("|".join(map(re.escape, sorted(load_cues().foreign_countries, key=len, reverse=True))))


def _about_another_country(text: str, title: str, sentences: Sentences | None) -> bool:
    """The headline or lead names another country, and the rest names Iran, an Iranian place or money
    seldom or never.

    >>> _about_another_country("رزمایش مشترک تاجیکستان و ازبکستان\\n\\n۲ هزار نیرو شرکت کردند.", "", None)
    True
    """
    if sentences is None:
        sentences = Sentences(text, sentence_spans(text))
    cues = load_cues()
    if not _foreign_word_re().search(text.replace(" ", "").replace(ZWNJ, "")):
        return False  # a cheap look first: most articles name no other country at all
    head_end = lead_span(text, title)[1] or len(text)
    if not _foreign_word_re().search(text[:head_end].replace(" ", "").replace(ZWNJ, "")):
        # No other country leads: the story is foreign only when nothing in it is Iranian and another country is
        # named (the quick look above also matches across words).
        if any(_is_iranian(sentences.keyed(si)) for si in range(len(sentences.spans))):
            return False  # stops at the first Iranian sentence
        return any(sentences.keyed(si).find(cues.foreign_countries) for si in range(len(sentences.spans)))
    foreign = iranian = 0
    head_foreign = head_iranian = False
    for si, (start, _end) in enumerate(sentences.spans):
        kt = sentences.keyed(si)
        is_foreign = bool(kt.find(cues.foreign_countries))
        is_iranian = _is_iranian(kt)
        foreign += is_foreign
        iranian += is_iranian
        if start < head_end:
            head_foreign |= is_foreign
            head_iranian |= is_iranian
    if not iranian:
        return foreign > 0
    # «... همکاری پیونگ‌یانگ و تهران»: passing mentions of Iran in a story another country leads.
    return head_foreign and not head_iranian and foreign >= FOREIGN_OVER_IRAN * iranian


def _is_iranian(kt: KeyedText) -> bool:
    """Does the sentence name Iran, an Iranian body or money, or a province?"""
    return bool(kt.find(load_cues().iran_markers) or province_mentions(kt))


def _currency(text: str) -> UnitWord | None:
    """The currency a bare amount takes: the first rial or toman the article names, else its first foreign one.

    >>> _currency("قرارداد ۵۶۰ میلیون دلاری و ۲۰ میلیارد ریال اعتبار").word
    'ریال'
    """
    units = load_taxonomy().units
    best: tuple[bool, int, UnitWord] | None = None
    for word, unit in units.items():
        if not unit.is_currency or word == "همت":
            continue
        pos = text.find(word)
        if pos != -1 and (best is None or (unit.unit != "IRR", pos) < best[:2]):
            best = (unit.unit != "IRR", pos, unit)
    return best[2] if best else None


@cache
def _speech_verb_re() -> re.Pattern[str]:
    """A speech verb as a whole word («گفت» but not «گفتگو»), spaces and ZWNJ inside it optional."""
    phrases = {
        r"[\s\u200c]*".join(map(re.escape, verb.replace("\u200c", " ").split())) for verb in _raw_cues("speech_verbs")
    }
    return re.compile("|".join(sorted(phrases, key=len, reverse=True)))


def _raw_cues(name: str) -> list[str]:
    return [str(w) for w in read_yaml_mapping(CUES_FILE)[name]]


def find_speakers(text: str, end: int | None = None, sentences: Sentences | None = None) -> list[tuple[int, str]]:
    """``(offset, speaker)`` for each sentence that quotes someone: «سردار X گفت:», «وی افزود:».

    A pronoun («وی») takes the last named speaker.
    """
    cues = load_cues()
    speakers: list[tuple[int, str]] = []
    last = ""
    verbs = _speech_verb_re()
    if sentences is None:
        sentences = Sentences(text, sentence_spans(text))
    for i, (line_start, line_end) in enumerate(sentences.spans):
        if end is not None and line_start >= end:
            break
        verb = verbs.search(text, line_start, line_end)
        if verb is None:
            continue
        kt = sentences.cached(i)  # a sentence with figures is tokenized already
        tokens = kt.tokens[: kt.first_from(verb.start())] if kt else tokenize(text, line_start, verb.start())
        # Skip a dateline «اردبیل- ...».
        dashes = [i for i, t in enumerate(tokens[:6]) if t.text in "-–"]
        if dashes:
            tokens = tokens[dashes[0] + 1 :]
        # Skip an outlet's «خبرگزاری فارس:» before the speaker.
        colons = [i for i, t in enumerate(tokens) if t.text == ":"]
        if colons:
            tokens = tokens[colons[-1] + 1 :]
        # Skip the «به گزارش X،» lead.
        commas = [i for i, t in enumerate(tokens) if t.text in "،,"]
        if tokens and tokens[0].key == "به" and commas:
            tokens = tokens[commas[0] + 1 :]
        if tokens and tokens[0].key in cues.speaker_pronouns:
            if last:
                speakers.append((line_start, last))
            continue
        phrase: list[str] = []
        for t in tokens:
            if t.key in cues.speaker_stop or not t.is_word:
                break
            phrase.append(t.text)
        if 2 <= len(phrase) <= 14:
            last = " ".join(phrase)
            speakers.append((line_start, last))
    return speakers


def jalali_of(iso: str) -> str:
    """The Jalali form of an ISO date: ``"2023-11-25"`` gives ``"1402/09/04"``."""
    try:
        return jdatetime.date.fromgregorian(date=datetime.date.fromisoformat(iso)).strftime("%Y/%m/%d")
    except ValueError:
        return ""


def read_article_meta(
    text: str, *, title: str | None = None, published: str | None = None, sentences: Sentences | None = None
) -> ArticleMeta:
    """Facts about the article from its text; a record's own title or date wins when given."""
    meta = ArticleMeta()
    if sentences is None:
        sentences = Sentences(text, sentence_spans(text))
    found_date = find_publication_date(text)
    parsed = parse_date(published) if published else None
    if parsed:
        meta.published = parsed[0]
    elif found_date:
        meta.published, meta.published_jalali = found_date.iso, found_date.jalali
    if meta.published and not meta.published_jalali:
        meta.published_jalali = jalali_of(meta.published)
    meta.title = (title or "").strip() or _title(text)
    source = find_source(text)
    if source:
        meta.source = canonical_outlet(source[0])
    meta.body_end = _body_end(text)
    meta.province, meta.filed_from = _article_province(text, source[1:] if source else None, meta.title, sentences)
    meta.currency = _currency(text[: meta.body_end])
    meta.foreign = _about_another_country(text, meta.title, sentences)
    return meta
