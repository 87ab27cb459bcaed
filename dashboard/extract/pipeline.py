"""The extraction pipeline: article in, claims out.

read (``dashboard.read.inputs``) → fold characters (``persian``) → find figures (``numbers`` +
``mentions``) → attach context (``article_meta`` + ``context``) → fold restatements → rows.

>>> from dashboard.read.article import Article
>>> text = "به گزارش ایسنا، مسئول بسیج سازندگی استان یزد گفت: تاکنون ۵۸۲ صندوق قرض‌الحسنه راه‌اندازی شده است."
>>> [(c["value"], c["metric"], c["province"], c["status"]) for c in extract_article(Article("x.txt", text, "x.txt"))]
[(582.0, 'funds', 'Yazd', 'reported')]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from dashboard.extract.article_meta import ArticleMeta, find_speakers, lead_span, read_article_meta, title_span
from dashboard.extract.bounds import split_plausible
from dashboard.extract.figures import is_restatement, significant_digits
from dashboard.extract.mentions import find_mentions
from dashboard.extract.periods import period_of
from dashboard.extract.places import province_in_sentence, province_mentions, speaks_for_the_nation
from dashboard.extract.programs import named_in_article, program_of, programs_named
from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.extract.status import status_of
from dashboard.extract.version import extractor_version
from dashboard.lang.cues import Cues, load_cues
from dashboard.lang.persian import fold_chars, match_key
from dashboard.lang.taxonomy import NATIONAL
from dashboard.read.article import Article, ReadProblem
from dashboard.text.keyed_text import KeyedText, Sentences
from dashboard.text.nlp import sentence_spans

# A hash of the extractor's code and data files: after any change, ingesting again replaces the claims.
EXTRACTOR_VERSION = extractor_version()
GENERAL = "general"
MIN_PRECISE_DIGITS = 3  # «۲ هزار و ۵۹۱»: a figure this precise does not recur by chance
MIN_RESTATED_ELSEWHERE = 20  # an equal count this large, in a province and nationally, is one figure
MIN_ROUNDING_STEP = 100  # «۱۲۳ هزار» restates ۱۲۳٬۱۸۲; «۴۲» does not restate ۴۵
# Things counted for their own sake: a program named earlier in the paragraph is not theirs. Things no
# metric knows (`other`: «۱۶ نفر مصدوم», «۸۰ مسجد») take no program from the paragraph or the headline either.
OWN_PROGRAM_METRICS = frozenset({"bases", "products", "facilitators", "villages", "cooperatives", "workshops"})
MAX_QUOTE_CHARS = 600


def article_metadata(article: Article) -> dict[str, str]:
    """Article-level fields: title, published, published_jalali, source, url, speaker."""
    folded = fold_chars(article.text)
    meta = _meta(article, folded)
    meta.speakers = find_speakers(folded, meta.body_end)
    return {
        "title": meta.title,
        "published": meta.published,
        "published_jalali": meta.published_jalali,
        "source": meta.source,
        "url": article.url or "",
        "speaker": meta.speakers[0][1] if meta.speakers else "",
    }


def _meta(article: Article, folded: str, sentences: Sentences | None = None) -> ArticleMeta:
    meta = read_article_meta(folded, title=article.title, published=article.published, sentences=sentences)
    if article.source:
        meta.source = article.source.strip()
    return meta


def extract_article(article: Article) -> list[dict]:
    """The claims of one article, one dict per claim with the keys of ``CLAIM_COLUMNS``."""
    text = article.text
    folded = fold_chars(text)
    sentences = Sentences(folded, sentence_spans(folded))
    meta = _meta(article, folded, sentences)
    if meta.foreign:
        return []
    mentions = find_mentions(folded, meta.currency, meta.body_end, sentences)
    # Speakers after the figures, so the sentences that hold both are tokenized once.
    meta.speakers = find_speakers(folded, meta.body_end, sentences)
    speaker_offsets = [o for o, _ in meta.speakers]
    # A national official quoted first, under a provincial dateline only, speaks of the whole country.
    national_story = meta.filed_from and bool(meta.speakers) and speaks_for_the_nation(meta.speakers[0][1])
    article_program = _article_program(folded, meta)
    article_key = cache(lambda: match_key(folded))  # read only when a figure's program has weak cues
    rows: list[dict] = []
    cues = load_cues()
    lead_start, lead_end = lead_span(folded, meta.title)
    placed: dict[int, str] = {}  # sentence -> the place it names for its figures
    for mention in mentions:
        si = sentences.index_of(mention.start)
        s_start, s_end = sentences.spans[si]
        kt = sentences.keyed(si)
        first = kt.index_at(mention.start)
        last = max(first + 1, kt.index_at(mention.end - 1) + 1)
        head_end_token = kt.index_at(mention.head_end)
        speaker_i = bisect.bisect_right(speaker_offsets, mention.start) - 1
        speaker = meta.speakers[speaker_i][1] if speaker_i >= 0 else ""
        in_sentence = province_in_sentence(kt, first, last)
        by_speaker = national_story or (meta.filed_from and speaks_for_the_nation(speaker))
        if in_sentence is None and not by_speaker and si - 1 in placed and _goes_on(kt, cues, placed[si - 1]):
            in_sentence = placed[si - 1]  # «وی افزود: ...» goes on about the place the sentence before named
        if in_sentence is not None:
            placed[si] = in_sentence
        province = in_sentence or (NATIONAL if by_speaker else meta.province)
        basis = province_basis(in_sentence, bool(by_speaker), meta.province)
        inherits = mention.metric not in OWN_PROGRAM_METRICS and mention.metric != "other"
        program = (
            program_of(kt, first, last, mention.metric, head_end_token)
            or (inherits and _paragraph_program(sentences, si, first))
            or (article_program if inherits else GENERAL)
        )
        if program != GENERAL and not named_in_article(program, article_key()):
            program = GENERAL
        rows.append(
            {
                "document": article.document,
                "value": float(mention.value),
                "unit": mention.unit,
                "metric": mention.metric,
                "program": program,
                "province": province,
                # The level a change starts from («از ۷۵۰ هزار به ۱.۶ میلیون تن می‌رسد») is how things stood.
                "status": "reported" if mention.from_level else status_of(kt, first, last),
                "published": meta.published,
                "source": meta.source,
                "metric_fa": mention.metric_fa,
                "qualifier": mention.qualifier,
                "mention": text[mention.start : mention.end],
                "quote": text[s_start:s_end][:MAX_QUOTE_CHARS],
                "start": mention.start,
                "end": mention.end,
                "speaker": speaker,
                "period": period_of(kt, first, last),
                "published_jalali": meta.published_jalali,
                "title": meta.title,
                "url": article.url or "",
                "province_basis": basis,
                "_heading": _is_heading(folded, s_start, s_end),
                "_sentence": si,
                "_in_lead": lead_start <= mention.start < lead_end,
                "_colons_before": text.count(":", s_start, mention.start),
                "_anaphoric": first > 0 and kt.tokens[first - 1].key in cues.anaphora_before,
                "_hedged": match_key(mention.qualifier) in cues.approximate_qualifiers,
                "_precise": significant_digits(mention.value),
            }
        )
    return [_public(r) for r in fold_restatements(rows)]


def _goes_on(kt: KeyedText, cues: Cues, place: str) -> bool:
    """Does the sentence go on with the speaker of the one before («وی افزود: ...») about ``place``, the place
    that sentence named: naming no other place, nor the whole country?"""
    if not kt.tokens or kt.tokens[0].key not in cues.continuation_starts or kt.find(cues.national_markers):
        return False
    return {key for _i, key in province_mentions(kt)} <= {place}


def province_basis(in_sentence: str | None, by_speaker: bool, article_province: str) -> str:
    """How a claim's province was read: ``sentence`` (named where the figure is), ``speaker`` (a
    national official), ``article`` (the article's dateline or head named a province), or
    ``default`` (nothing named: National).

    >>> province_basis(None, False, "Yazd"), province_basis(None, False, NATIONAL)
    ('article', 'default')
    """
    if in_sentence:
        return "sentence"
    if by_speaker:
        return "speaker"
    return "article" if article_province != NATIONAL else "default"


def _paragraph_program(sentences: Sentences, si: int, first: int) -> str | None:
    """The program named last before token ``first`` of sentence ``si``, within its paragraph."""
    named = programs_named(sentences.keyed(si), 0, first)
    if named:
        return named[-1][1]
    text = sentences.text
    start = sentences.spans[si][0]
    for j in range(si - 1, -1, -1):
        s_start, s_end = sentences.spans[j]
        if "\n" in text[s_end:start]:
            return None
        named = programs_named(sentences.keyed(j))
        if named:
            return named[-1][1]
        start = s_start
    return None


def _article_program(text: str, meta: ArticleMeta) -> str:
    """The program the headline names, else the one the lead names, else ``general``."""
    for start, end in (title_span(text, meta.title), lead_span(text, meta.title)):
        named = programs_named(KeyedText(text, start, end)) if end > start else []
        if named:
            return named[0][1]
    return GENERAL


def _is_heading(text: str, start: int, end: int) -> bool:
    """A headline or sub-heading: a short line of its own with no sentence-final mark."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    return len(line) < 120 and not line.endswith((".", "!", "؟", ":"))


def _is_rounding_of(rough: float, precise: float) -> bool:
    """Is ``rough`` a rounded form of ``precise``? ۱۲۳ هزار of ۱۲۳٬۱۸۲, ۵ هزار of ۵٬۴۵۰: within one article a
    headline may round to one digit (the checks, comparing articles, ask for two before they call figures equal).
    """
    return is_restatement(rough, precise, min_significant=1, min_step=MIN_ROUNDING_STEP)


def _restates(row: dict, kept: dict) -> bool:
    """Whether a body figure restates one already kept: said again in another sentence, exactly or rounded.

    Figures of one sentence are items of a list («… با اعتبار ۱۰۰ میلیون تومان و … با اعتبار ۱۰۰ میلیون
    تومان»), unless the later one points back («تمام این ۷ هزار یتیم»), is hedged, or is the speaker's own
    words after a colon that the reporter's «با بیان اینکه …» summed up before it. A round figure restates
    a precise one of another sentence only when it has two significant digits or is hedged: «حدود ۴۰۰
    میلیون تومان» restates ۴۱۵ میلیون, a bare «۴۰۰ میلیون تومان» of another project does not.
    """
    hedged = row["_hedged"]
    if row["_sentence"] == kept["_sentence"]:
        quoted = row["_colons_before"] != kept["_colons_before"]  # «با بیان اینکه ۳ بیمار …، گفت: … ۳ بیمار»
        return (row["_anaphoric"] or hedged or quoted) and row["value"] == kept["value"]
    if row["value"] == kept["value"]:
        return not _tallied_again(row, kept) or row["_anaphoric"] or hedged
    return (hedged or row["_precise"] >= 2) and _is_rounding_of(row["value"], kept["value"])


def _tallied_again(row: dict, kept: dict) -> bool:
    """A small tally of a tracked measure in two sentences of the body: a report that goes sector by sector
    counts «۳ پروژه» of one and «۳ پروژه» of the next, so such counts are two figures unless one is the lead's
    summary. Small counts of anything else («دو کشور» … «دو کشور») name the same things again."""
    return (
        row["metric"] != "other" and row["value"] < MIN_RESTATED_ELSEWHERE and not (row["_in_lead"] or kept["_in_lead"])
    )


def _same_precise_figure(row: dict, kept: dict) -> bool:
    """A figure of three or more significant digits said twice is one claim when one sentence counts it by a
    noun no metric knows: «۱۱ میلیون و ۴۵۰ هزار کاربر» in the lead, «۱۱ میلیون و ۴۵۰ هزار نفر عضو شده‌اند»
    below. Two tracked metrics that disagree stay two claims for a reader to weigh."""
    return (
        row["value"] == kept["value"]
        and row["_precise"] >= MIN_PRECISE_DIGITS
        and "other" in (row["metric"], kept["metric"])
    )


def _same_place(a: dict, b: dict) -> bool:
    """The same province, or an equal value in a province and in the whole country; small counts («۶ نفر»,
    «۸ کارگزاری») recur by chance, so they must name the same province."""
    if a["province"] == b["province"]:
        return True
    return NATIONAL in (a["province"], b["province"]) and a["value"] == b["value"] >= MIN_RESTATED_ELSEWHERE


def fold_restatements(rows: list[dict]) -> list[dict]:
    """One row per claim: repeats and rounded restatements fold into the most precise statement.

    Rows fold when metric, unit, province and program agree and the values are equal, or
    one is a rounding of the other; the kept row is the most precise one, preferring the body
    over the headline. An equal figure placed once in a province and once only by default in the whole
    country («رئیس کمیته امداد کشور ... ۲۷ سامانه» after «۲۷ نیروگاه ... در شهرستان خدابنده») is one
    claim, in the province; a precise figure counted once by a noun no metric knows takes the metric the other
    sentence names.
    """
    kept: list[dict] = []
    for row in sorted(rows, key=lambda r: (r["_heading"], -r["_precise"], r["start"])):
        if row["_heading"] and any(
            k["unit"] == row["unit"] and _is_rounding_of(row["value"], k["value"]) for k in kept if not k["_heading"]
        ):
            continue  # a headline restates a figure of the body, whatever noun it uses
        same = [
            k
            for k in kept
            if (k["metric"] == row["metric"] or _same_precise_figure(row, k))
            and k["unit"] == row["unit"]
            and _same_place(k, row)
            and (k["program"] == row["program"] or GENERAL in (k["program"], row["program"]))
            and _restates(row, k)
        ]
        if not same:
            kept.append(row)
            continue
        if same[0]["metric"] == "other":
            same[0]["metric"], same[0]["metric_fa"] = row["metric"], row["metric_fa"]  # the noun that says what it is
        if same[0]["province"] == NATIONAL and same[0]["province_basis"] != "sentence" and row["province"] != NATIONAL:
            same[0]["province"], same[0]["province_basis"] = row["province"], row["province_basis"]
    kept.sort(key=lambda r: r["start"])
    return kept


def _public(row: dict) -> dict:
    return {column: row[column] for column in CLAIM_COLUMNS}


def extract_frame(articles: Iterable[Article]) -> pd.DataFrame:
    """Claims of many articles as one DataFrame with ``CLAIM_COLUMNS``."""
    rows = [claim for article in articles for claim in extract_article(article)]
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def extract_paths(paths: Iterable[str | Path]) -> tuple[pd.DataFrame, list[ReadProblem]]:
    """Read and extract files or folders; unreadable inputs come back as problems, and each figure
    too large to be a claim (left out of the frame) as a kept problem naming it."""
    from dashboard.read.inputs import iter_articles

    problems: list[ReadProblem] = []
    rows: list[dict] = []
    for item in iter_articles(paths):
        if isinstance(item, ReadProblem):
            problems.append(item)
            continue
        claims, notes = split_plausible(extract_article(item))
        rows.extend(claims)
        where = item.document if item.document != Path(item.path).name else None
        problems += [ReadProblem(item.path, where, note, kept=True) for note in notes]
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS)), problems
