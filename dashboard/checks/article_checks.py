"""Checks inside one article: parts against their total, count × size against a total, power as energy.

Each check reads the article's text (or, without it, its claims' quotes) and the claims
found in it, and reports only what the text makes clear:

* ``sum_mismatch``: parts set against a total («از این تعداد …»، «در سه دسته …»، «که X آن …»،
  «در مجموع X … که Y از … و Z از …»)
  that exceed it, or fall short of it when the text lists the whole («X، Y و Z»).
  A list of the largest shares («بیشترین سهم») never has to add up.
* ``product_mismatch``: «۱۸۰ نیروگاه ۵ کیلوواتی» with a stated total capacity that is not 180 × 5 kW.
* ``unit_misuse``: a power unit read as energy, «روزانه ۱۵ مگاوات برق».

Cue words and tolerances come from ``data/checks.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dashboard.checks.claim_text import (
    Occurrence,
    clause_bounds,
    head_follows,
    jalali_years,
    occurrences,
    sentences,
    text_numbers,
)
from dashboard.checks.cue_words import cue_words
from dashboard.checks.findings import Finding
from dashboard.extract.figures import arithmetic, show
from dashboard.extract.periods import PERIOD, period_words
from dashboard.lang.check_config import CheckConfig, load_check_config
from dashboard.lang.i18n import metric_label, province_label
from dashboard.lang.persian import fold_text, to_ascii_digits
from dashboard.lang.taxonomy import NATIONAL, load_taxonomy
from dashboard.text.phrases import Hit, Phrases, phrases


@dataclass
class _Article:
    document: str
    text: str
    folded: str
    records: list[dict]
    spans: list[tuple[int, int]]
    occ: list[Occurrence]

    def claim(self, o: Occurrence) -> dict:
        return self.records[o.row]

    def key(self, o: Occurrence) -> tuple[str, str, str]:
        """What a figure counts: metric and unit, and for ``other`` its head noun («رای» is not «انجمن»)."""
        c = self.claim(o)
        head = fold_text(str(c.get("metric_fa", "") or "")).strip() if c["metric"] == "other" else ""
        return c["metric"], c["unit"], head

    def sentence(self, pos: int) -> int:
        return sentences(self.text).index_of(pos)

    def sentence_text(self, pos: int) -> str:
        i = self.sentence(pos)
        return self.text[self.spans[i][0] : self.spans[i][1]].strip() if i >= 0 else ""

    def in_sentence(self, i: int) -> list[Occurrence]:
        a, b = self.spans[i]
        return [o for o in self.occ if a <= o.start < b]

    def finding(
        self,
        kind: str,
        claim: dict,
        values: list[float],
        message: tuple[str, str],
        quotes: list[str],
        basis: tuple[str, str],
    ) -> Finding:
        """A finding of this article on ``claim``'s province, program and metric; ``message`` and ``basis``
        in Persian, then English."""
        where = (str(claim["province"]), str(claim["program"]), str(claim["metric"]))
        return Finding(kind, [self.document], *where, values, *message, quotes, *basis)


def _hedged(claims: list[dict]) -> bool:
    return any(str(c.get("qualifier", "") or "").strip() for c in claims)


# --- sum_mismatch -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Breakdown:
    total: Occurrence
    parts: tuple[Occurrence, ...]
    exhaustive: bool
    cue: str = ""


def _ends_with_conjunction(art: _Article, before: Occurrence, last: Occurrence, conj: str) -> bool:
    between = art.folded[before.end : last.start]
    return conj in between.split()


def _nearest_total(art: _Article, before: int, key: tuple, exclude: set[int], first_sentence: int) -> Occurrence | None:
    """The last figure before ``before`` counting the same thing, within the allowed sentences."""
    same = [
        o
        for o in art.occ
        if o.start < before and o.row not in exclude and art.sentence(o.start) >= first_sentence and art.key(o) == key
    ]
    if not same or art.claim(same[-1])["value"] <= 0:
        return None
    # «۳ هزار شغل … و ۲ هزار شغل … از این تعداد»: two figures to refer back to is one too many.
    region_start = art.spans[art.sentence(same[-1].start)][0]
    values = {art.claim(o)["value"] for o in same if o.start >= region_start}
    return same[-1] if len(values) == 1 else None


def _same_key_after(art: _Article, start: int, end: int, key: tuple) -> list[Occurrence]:
    return [o for o in art.occ if start <= o.start < end and art.key(o) == key]


def _complete_list(art: _Article, parts: list[Occurrence], seg: tuple[int, int], config: CheckConfig) -> bool:
    """A list of two or more parts, closed by «و», with no «بیشترین» or «مابقی» in its sentence."""
    if len(parts) < 2:
        return False
    conj = fold_text(str(config.section("sum_mismatch").get("conjunction", "و")))
    if not _ends_with_conjunction(art, parts[-2], parts[-1], conj):
        return False
    a, b = seg
    for key in ("partial", "remainder"):
        if cue_words(config, "sum_mismatch", key).search(art.text, a, b):
            return False
    return True


def _category_count(match_text: str) -> int | None:
    """How many categories «در سه دسته» names, read by the number finder."""
    numbers = text_numbers(match_text)
    return int(numbers[0].value) if numbers else None


@cache
def _category_words(config: CheckConfig) -> Phrases:
    """«در سه دسته», «در ۴ بخش»: a number of categories the parts should match."""
    before = config.word_list("sum_mismatch", "categories_before")
    return phrases(tuple(f"{b} # {c}" for b in before for c in config.word_list("sum_mismatch", "categories")))


def _breakdowns(art: _Article, config: CheckConfig) -> list[_Breakdown]:
    lookback = int(config.number("sum_mismatch", "lookback_sentences"))
    back = cue_words(config, "sum_mismatch", "back_reference")
    share = cue_words(config, "sum_mismatch", "share_after_part")
    cats = _category_words(config)
    total_word = cue_words(config, "sum_mismatch", "total_before")
    relative_word = cue_words(config, "sum_mismatch", "relative")
    window = int(config.number("sum_mismatch", "total_window_words"))
    found: dict[tuple, _Breakdown] = {}

    def add(total: Occurrence | None, parts: list[Occurrence], exhaustive: bool, cue: str) -> None:
        parts = [p for p in parts if total is not None and p.row != total.row]
        if total is None or not parts:
            return
        breakdown = _Breakdown(total, tuple(parts), exhaustive, art.text[slice(*cue_span(cue))].strip())
        found.setdefault((total.row, tuple(p.row for p in parts)), breakdown)

    def cue_span(cue: str) -> tuple[int, int]:
        a, _, b = cue.partition(":")
        return int(a), int(b)

    def at(hit: Hit) -> str:
        return f"{hit.start}:{hit.end}"

    for i, (a, b) in enumerate(art.spans):
        # «از این تعداد ۲٬۱۰۰ شغل …، ۱٬۸۰۰ شغل … و ۹۰۰ شغل …»: parts of the figure before.
        cues = back.finditer(art.text, a, b)
        for n, cue in enumerate(cues):
            stop = cues[n + 1].start if n + 1 < len(cues) else b
            after = [o for o in art.in_sentence(i) if cue.end <= o.start < stop]
            if not after:
                continue
            key = art.key(after[0])
            parts = _same_key_after(art, cue.end, stop, key)
            total = _nearest_total(art, cue.start, key, {p.row for p in parts}, max(0, i - lookback))
            if total is not None and not _names_total(art, cue, art.claim(total)):
                continue
            add(total, parts, _complete_list(art, parts, (cue.start, b), config), at(cue))
        # «این ۳۱۰ صندوق در سه دسته …؛ ۱۲۰ …، ۹۵ … و ۸۰ …»: the parts make the whole when they number three.
        for cue in cats.finditer(art.text, a, b):
            count = _category_count(cue.text)
            before = [o for o in art.in_sentence(i) if o.end <= cue.start]
            if not before or count is None:
                continue
            total = before[-1]
            parts = _same_key_after(art, cue.end, b, art.key(total))
            partial = cue_words(config, "sum_mismatch", "partial").search(art.text, a, b)
            complete = len(parts) == count >= 2 and not partial
            add(total, parts, complete, at(cue))
        # «در مجموع ۵ هزار شغل ایجاد شد که ۳ هزار شغل از … و ۲ هزار و ۴۵۰ شغل از …»: a named total broken down.
        for o in art.in_sentence(i):
            lead = " ".join(art.folded[a : o.start].split()[-window:])
            relative = relative_word.search(art.text, o.end, b) if total_word.search(lead) else None
            if relative is None:
                continue
            parts = _same_key_after(art, relative.end, b, art.key(o))
            named = total_word.search(art.text, max(a, o.start - 60), o.start)
            cue_at = f"{named.start}:{relative.end}" if named else at(relative)
            add(o, parts, _complete_list(art, parts, (o.start, b), config), cue_at)
        # «۲۴۲ میلیارد تومان … که ۱۵۸ میلیارد تومان آن … و ۸۴ میلیارد تومان …»: shares of the total before.
        for o in art.in_sentence(i):
            tail = art.folded[o.end : min(b, o.end + 24)].split()
            if not any(share.whole(w) for w in tail[:2]):
                continue
            key = art.key(o)
            total = _nearest_total(art, o.start, key, {o.row}, i)
            parts = _same_key_after(art, o.start, b, key)
            word = share.search(art.text, o.end, min(b, o.end + 24))
            add(total, parts, _complete_list(art, parts, (o.start, b), config), at(word) if word else "0:0")
    return list(found.values())


def _names_total(art: _Article, cue: Hit, total: dict) -> bool:
    """«از این تعداد تذکر، …»: a noun right after the cue, then a comma, must be the total's own noun."""
    m = re.match(r"\s*([^\W\d_]+)\s*[،,]", art.folded[cue.end : cue.end + 40])
    return m is None or m.group(1) in fold_text(str(total.get("metric_fa", "") or ""))


def _period_marks(art: _Article, o: Occurrence, config: CheckConfig) -> frozenset[str]:
    """One-period words («امسال», «سال گذشته») and years near a figure, within its sentence."""
    a, b = art.spans[art.sentence(o.start)]
    before = art.folded[a : o.start].split()[-6:]
    after = art.folded[o.end : b].split()[:10]
    window = to_ascii_digits(" ".join([*before, *after]))
    words = {hit.text.strip() for hit in period_words(PERIOD).finditer(window)}
    return frozenset(words | {str(int(n.value)) for n in jalali_years(window)})


def _sum_findings(art: _Article, config: CheckConfig) -> list[Finding]:
    out = []
    skip_units = set(config.word_list("sum_mismatch", "skip_units"))
    for bd in _breakdowns(art, config):
        total_claim = art.claim(bd.total)
        if total_claim["unit"] in skip_units:
            continue
        parts = [art.claim(p) for p in bd.parts]
        if any(c.get("per_item") for c in (total_claim, *parts)):
            continue  # «قیمت هر کیلوگرم …»: per-item amounts are not parts of a total
        if len({_period_marks(art, p, config) for p in bd.parts}) > 1:
            continue  # «۳۱۲ نفر سال گذشته … و امسال ۳۸۲ نفر»: parts of different periods
        total, values = float(total_claim["value"]), [float(p["value"]) for p in parts]
        tol_key = "hedged_tolerance" if _hedged([total_claim, *parts]) else "tolerance"
        tol = config.number("sum_mismatch", tol_key)
        s = sum(values)
        # «بیش از ۹ هزار نفر … ۵٬۲۰۰ … و ۴٬۷۵۰ …»: parts may exceed a total given as a lower bound.
        exceeds = s > total * (1 + tol) and not _lower_bound(total_claim, config)
        short = bd.exhaustive and s < total * (1 - tol) and not any(_lower_bound(p, config) for p in parts)
        if not (exceeds or short):
            continue
        unit, metric = total_claim["unit"], total_claim["metric"]
        fa_sum, en_sum = arithmetic(values, total, unit, "fa"), arithmetic(values, total, unit, "en")
        if exceeds:
            fa = f"جمع اجزای «{metric_label(metric, 'fa')}» از کل اعلام‌شده در همین خبر بیشتر است: {fa_sum}"
            en = f"The parts of “{metric_label(metric, 'en')}” exceed the total the article states: {en_sum}"
        else:
            fa = f"اجزایی که خبر کل «{metric_label(metric, 'fa')}» را به آنها تقسیم می‌کند با کل جور نیست: {fa_sum}"
            en = f"The parts the article divides the “{metric_label(metric, 'en')}” total into do not add up: {en_sum}"
        quotes = [art.sentence_text(bd.total.start), *(art.sentence_text(p.start) for p in bd.parts)]
        whole_fa = "و فهرست کامل است (با «و» بسته شده)" if bd.exhaustive else ""
        whole_en = "; the list is complete (closed by «و»)" if bd.exhaustive else ""
        basis_fa = f"چرا قابل مقایسه‌اند: «{bd.cue}» اجزا را به همان کل در همین خبر وصل می‌کند {whole_fa}".strip()
        basis_en = f"Why comparable: «{bd.cue}» ties the parts to that total in the same article{whole_en}"
        basis = (basis_fa + ".", basis_en + ".")
        out.append(art.finding("sum_mismatch", total_claim, [*values, total], (fa, en), quotes, basis))
    return out


def _lower_bound(claim: dict, config: CheckConfig) -> bool:
    """Whether the claim's hedge makes it a lower bound («بیش از ۹ هزار»)."""
    qualifier = fold_text(str(claim.get("qualifier", "") or ""))
    return bool(qualifier.strip()) and cue_words(config, None, "lower_bound_words").search(qualifier) is not None


def _province_share_findings(art: _Article, config: CheckConfig) -> list[Finding]:
    """Provinces listed after a national total in the same article, adding up to more than it.

    «۲۰ هزار شغل در کشور … فارس با ۹ هزار شغل، کرمان با ۸ هزار و یزد با ۶ هزار …»: a list of
    the largest shares may fall short of the total but never exceed it.
    """
    skip_units = set(config.word_list("sum_mismatch", "skip_units"))
    skip_metrics = set(config.word_list("sum_mismatch", "province_share_skip_metrics"))
    out = []
    for i in range(len(art.spans)):
        listed = [
            o
            for o in art.in_sentence(i)
            if art.claim(o)["province"] not in (NATIONAL, "")
            and art.claim(o)["metric"] not in skip_metrics
            and not art.claim(o).get("per_item")
        ]
        by_key: dict[tuple, list[Occurrence]] = {}
        for o in listed:
            c = art.claim(o)
            by_key.setdefault((c["metric"], c["unit"], c["program"]), []).append(o)
        for (metric, unit, program), occ in by_key.items():
            nationals = [
                art.claim(o)
                for o in art.occ
                if o.start < occ[0].start
                and art.claim(o)["province"] == NATIONAL
                and (art.claim(o)["metric"], art.claim(o)["unit"], art.claim(o)["program"]) == (metric, unit, program)
            ]
            least: dict[str, dict] = {}
            for o in occ:
                c = art.claim(o)
                if c["province"] not in least or c["value"] < least[c["province"]]["value"]:
                    least[c["province"]] = c
            if unit in skip_units or not nationals or len(least) < 2:
                continue
            top = max(nationals, key=lambda c: c["value"])
            parts = sorted(least.values(), key=lambda c: -c["value"])
            values, total = [float(c["value"]) for c in parts], float(top["value"])
            tol_key = "hedged_tolerance" if _hedged([top, *parts]) else "tolerance"
            if sum(values) <= total * (1 + config.number("sum_mismatch", tol_key)):
                continue
            fa_sum, en_sum = arithmetic(values, total, unit, "fa"), arithmetic(values, total, unit, "en")
            names_fa = "، ".join(province_label(c["province"], "fa") for c in parts)
            names_en = ", ".join(c["province"] for c in parts)
            fa = (
                f"سهم استان‌ها ({names_fa}) از «{metric_label(metric, 'fa')}» در همین خبر از کل کشور بیشتر است: {fa_sum}"
            )
            en = (
                f"The provinces’ shares ({names_en}) of “{metric_label(metric, 'en')}” in this article exceed the "
                f"national total it states: {en_sum}"
            )
            quotes = [str(top["quote"]), art.sentence_text(occ[0].start)]
            basis_fa = (
                f"چرا قابل مقایسه‌اند: همین خبر رقم کل کشور و سهم هر استان ({names_fa}) را از یک «"
                f"{metric_label(metric, 'fa')}» و یک برنامه می‌دهد."
            )
            basis_en = (
                f"Why comparable: the same article gives the national figure and each province’s share "
                f"({names_en}) of one “{metric_label(metric, 'en')}” and one programme."
            )
            out.append(
                Finding(
                    "sum_mismatch",
                    [art.document],
                    NATIONAL,
                    program,
                    metric,
                    [*values, total],
                    fa,
                    en,
                    quotes,
                    basis_fa,
                    basis_en,
                )
            )
    return out


# --- product_mismatch ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Size:
    start: int
    end: int
    watts: float


def _power_words() -> list[tuple[str, float]]:
    words = [(fold_text(w.word), w.factor) for w in load_taxonomy().units.values() if w.unit == "W"]
    return sorted(words, key=lambda x: len(x[0]), reverse=True)


def _numbers(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of each number in ``text`` (:func:`text_numbers`, the extractor's number finder).

    Only for what the stored claims cannot give: a per-item size the extractor leaves out as an attribute
    («۵ کیلوواتی»), and a part of a breakdown that no claim covers (see :func:`with_text_figures`).
    """
    return [(n.start, n.end, float(n.value)) for n in text_numbers(text)]


def _digits_between(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """The numbers written in digits inside ``text[start:end]`` («۵ کیلووات», not «هر یک از»)."""
    return [n for n in _numbers(text) if start <= n[0] and n[1] <= end and text[n[0]].isdigit()]


def _sizes(art: _Article, config: CheckConfig) -> list[_Size]:
    """Per-item power sizes: «۵ کیلوواتی», «هر یک از این نیروگاه‌ها ۵ کیلووات ظرفیت دارد»."""
    suffix = fold_text(str(config.section("product_mismatch").get("adjective_suffix", "ی")))
    distributive = cue_words(config, "product_mismatch", "distributive")
    ranges = cue_words(config, "product_mismatch", "range_words")
    sizes = []
    for start, end, value in _numbers(art.text):
        rest = art.folded[end:].lstrip()
        gap = len(art.folded) - end - len(rest)
        unit = next(((w, f) for w, f in _power_words() if rest.startswith(w)), None)
        if unit is None:
            continue
        word, factor = unit
        after = rest[len(word) :]
        if after.lstrip().startswith("ساعت") or after.startswith(" ساعت"):
            continue  # energy (kWh), not a size
        adjective = after.startswith(suffix) and not after[len(suffix) : len(suffix) + 1].isalpha()
        clause_start, _ = clause_bounds(art.text, start, end)
        # Only the words after the last number before this one can make it a per-item size.
        last_number = _digits_between(art.text, clause_start, start)
        lead = " ".join(art.folded[last_number[-1][1] if last_number else clause_start : start].split()[-8:])
        near = " ".join(lead.split()[-2:]) + " " + " ".join(after.split()[:1])
        if ranges.search(near):
            continue
        if adjective or distributive.search(lead):
            sizes.append(_Size(start, end + gap + len(word), value * factor))
    return sizes


def _lower_bound_near(art: _Article, o: Occurrence, config: CheckConfig) -> bool:
    a, b = clause_bounds(art.text, o.start, o.end)
    return cue_words(config, None, "lower_bound_words").search(art.text, a, b) is not None


def _product_findings(art: _Article, config: CheckConfig) -> list[Finding]:
    metrics = set(config.word_list("product_mismatch", "per_unit_metrics"))
    lookback = int(config.number("product_mismatch", "lookback_sentences"))
    sizes = _sizes(art, config)
    counts_all = [o for o in art.occ if art.claim(o)["metric"] in metrics and art.claim(o)["unit"] == "count"]
    out, seen = [], set()
    for size in sizes:
        s_idx = art.sentence(size.start)
        counts = [
            o
            for o in art.occ
            if o.end <= size.start
            and art.claim(o)["metric"] in metrics
            and art.claim(o)["unit"] == "count"
            and s_idx - lookback <= art.sentence(o.start) <= s_idx
        ]
        if not counts:
            continue
        count = counts[-1]
        count_claim = art.claim(count)
        c_idx = art.sentence(count.start)
        totals = [
            o
            for o in art.occ
            if art.claim(o)["unit"] == "W"
            and art.sentence(o.start) in (s_idx, c_idx)
            and o.start > count.start
            and art.claim(o)["status"] == count_claim["status"]
            and not any(z.start <= o.start < z.end or o.start <= z.start < o.end for z in sizes)
        ]
        if not totals:
            continue
        total = min(totals, key=lambda o: abs(o.start - size.start))
        if (count.row, total.row) in seen:
            continue
        seen.add((count.row, total.row))
        # «۳۰ نیروگاه ۱۰ کیلوواتی و ۲۰ نیروگاه ۵ کیلوواتی با ظرفیت کل …»: mixed batches are not checked.
        lo = art.spans[min(art.sentence(count.start), art.sentence(total.start))][0]
        hi = max(count.end, total.end)
        other_counts = [o for o in counts_all if lo <= o.start < hi and o.row != count.row]
        other_sizes = [z for z in sizes if z is not size and lo <= z.start < hi]
        if other_counts or other_sizes:
            continue
        total_claim = art.claim(total)
        n, stated = float(count_claim["value"]), float(total_claim["value"])
        product = n * size.watts
        tol_key = "hedged_tolerance" if _hedged([count_claim, total_claim]) else "tolerance"
        tol = config.number("product_mismatch", tol_key)
        if _lower_bound_near(art, total, config):
            bad = product < stated * (1 - tol)
        else:
            bad = abs(product - stated) > stated * tol
        if not bad:
            continue
        out.append(_product_finding(art, count, total, size, n, stated))
    return out


def _product_finding(
    art: _Article, count: Occurrence, total: Occurrence, size: _Size, n: float, stated: float
) -> Finding:
    c = art.claim(count)
    kw = size.watts / 1000

    def line(lang: str) -> str:
        unit_kw = "کیلووات" if lang == "fa" else "kW"
        kilo = [show(x, "count", lang) + f" {unit_kw}" for x in (kw, n * kw, stated / 1000)]
        return f"{show(n, 'count', lang)} × {kilo[0]} = {kilo[1]} ≠ {kilo[2]}"

    fa = f"تعداد × ظرفیت هر واحد با ظرفیت کل اعلام‌شده نمی‌خواند: {line('fa')}"
    en = f"Count × size of each does not match the stated total capacity: {line('en')}"
    quotes = [art.sentence_text(count.start), art.sentence_text(size.start), art.sentence_text(total.start)]
    size_words = art.text[size.start : size.end].strip()
    basis_fa = f"چرا قابل مقایسه‌اند: «{size_words}» ظرفیت هر واحد از همان {show(n, 'count', 'fa')} واحد است."
    basis_en = f"Why comparable: «{size_words}» is the size of each of the same {show(n, 'count', 'en')} units."
    return art.finding("product_mismatch", c, [n, size.watts, stated], (fa, en), quotes, (basis_fa, basis_en))


# --- unit_misuse --------------------------------------------------------------------------


def _misuse_findings(art: _Article, config: CheckConfig) -> list[Finding]:
    time_words = cue_words(config, "unit_misuse", "time_words")
    energy = cue_words(config, "unit_misuse", "energy_words")
    growth = cue_words(config, "unit_misuse", "capacity_growth_words")
    max_gap = int(config.number("unit_misuse", "max_gap_words"))
    window = int(config.number("unit_misuse", "energy_window_words"))
    out, seen = [], set()
    for o in art.occ:
        c = art.claim(o)
        if c["unit"] != "W" or o.row in seen:
            continue
        a, b = clause_bounds(art.text, o.start, o.end)
        before = time_words.finditer(art.text, a, o.start)
        phrase_start = None
        if before:
            gap = art.folded[before[-1].end : o.start]
            if len(gap.split()) <= max_gap and not _digits_between(art.text, before[-1].end, o.start):
                phrase_start = before[-1].start
        after_words = art.folded[o.end : b].split()
        after_text = " ".join(after_words[:window])
        right = " ".join(after_words[:3])
        after_match = time_words.starts(right) if right else None
        if phrase_start is None and after_match is None:
            continue
        if energy.search(after_text) is None or growth.search(after_text) is not None:
            continue
        seen.add(o.row)
        end = (
            o.end
            + (len(art.folded[o.end : b]) - len(art.folded[o.end : b].lstrip()))
            + (after_match.end if after_match else 0)
        )
        phrase = art.text[phrase_start if phrase_start is not None else o.start : end].strip()
        fa = (
            f"«{phrase}»: {show(c['value'], 'W', 'fa')} یکای توان است، نه انرژی؛ "
            "برق تولیدشده در روز یا سال با کیلووات‌ساعت یا مگاوات‌ساعت سنجیده می‌شود."
        )
        en = (
            f"“{phrase}”: {show(c['value'], 'W', 'en')} is a unit of power, not energy; "
            "electricity produced per day or year is measured in kWh or MWh."
        )
        basis = (
            f"چرا: واژهٔ زمانی و «برق/تولید» کنار رقم توان آمده: «{phrase}».",
            f"Why: a per-time word and electricity wording sit next to a power figure: «{phrase}».",
        )
        out.append(art.finding("unit_misuse", c, [float(c["value"])], (fa, en), [art.sentence_text(o.start)], basis))
    return out


def _breakdown_sentences(text: str, spans: list[tuple[int, int]], config: CheckConfig) -> list[tuple[int, int]]:
    back = cue_words(config, "sum_mismatch", "back_reference")
    return [(a, b) for a, b in spans if back.search(text, a, b) is not None]


def with_text_figures(claims: list[dict], text: str, config: CheckConfig) -> list[dict]:
    """The claims plus counts written in a breakdown sentence that no claim covers.

    In «از این تعداد ۲٬۱۰۰ شغل …، ۱٬۸۰۰ شغل … و ۹۰۰ شغل …» every part matters; a part the
    claims lack is read from the text when the head noun after it is that of a count claim
    of the article (its metric, unit and status are taken from that claim).
    """
    spans = _breakdown_sentences(text, sentences(text).spans, config)
    if not spans:
        return claims
    counts = [c for c in claims if c["unit"] == "count" and str(c["metric_fa"]).strip()]
    taken = [(o.start, o.end) for o in occurrences(text, claims)]
    extra = []
    for start, end, value in _numbers(text):
        if not any(a <= start < b for a, b in spans) or any(a < end and start < b for a, b in taken):
            continue
        template = next((c for c in counts if head_follows(text, end, c["metric_fa"])), None)
        if template is None:
            continue
        extra.append(
            {**template, "value": float(value), "mention": text[start:end], "start": start, "end": end}
            | {"qualifier": "", "quote": ""}
        )
    return [*claims, *extra]


def check_article(document: str, claims: list[dict], text: str, config: CheckConfig | None = None) -> list[Finding]:
    """Every in-article finding for one document; ``claims`` are its prepared rows as records."""
    config = config or load_check_config()
    spans = sentences(text).spans
    folded = fold_text(text)
    art = _Article(document, text, folded, claims, spans, occurrences(text, claims))
    fuller = with_text_figures(claims, text, config)
    sums = art if fuller is claims else _Article(document, text, folded, fuller, spans, occurrences(text, fuller))
    return [
        *_sum_findings(sums, config),
        *_province_share_findings(art, config),
        *_product_findings(art, config),
        *_misuse_findings(art, config),
    ]
