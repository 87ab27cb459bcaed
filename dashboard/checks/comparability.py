"""Whether figures from different articles measure the same thing, and the words that say so.

A comparison across articles (``province_exceeds_national``, ``shrinking_total``,
``repeated_claim``) is made only with evidence in the text, read from the claim's sentence up
to the end of the figure's clause:

* the place was read with confidence (``province_basis``: named in the sentence, by a national
  official, or by the article's dateline and head; a province that only fell back to
  National is not);
* no word narrows what is counted («فعال», «در حال حاضر», «جدید», «باقی‌مانده», «در سال جاری»);
* the same organisation: one named in both figures' sentences, speakers or headlines;
* for running totals, words that make each figure explicitly cumulative («تاکنون», «در مجموع»).

The word lists live in ``data/checks.yaml`` (section ``comparable``).

>>> a = {"quote": "تاکنون ۱٬۲۰۰ نیروگاه خورشیدی با همکاری بسیج سازندگی نصب شده است.", "mention": "۱٬۲۰۰",
...      "province_basis": "sentence", "speaker": "", "title": ""}
>>> b = {"quote": "در حال حاضر ۹۸۰ نیروگاه خورشیدی بسیج سازندگی فعال است.", "mention": "۹۸۰",
...      "province_basis": "sentence", "speaker": "", "title": ""}
>>> evidence(a).cumulative, evidence(a).organisations
('تاکنون', frozenset({'basij'}))
>>> evidence(b).narrowing
('در حال حاضر', 'فعال')
>>> comparable([a, b], ("خوزستان", "Khuzestan")) is None
True
>>> comparable([a, a], ("خوزستان", "Khuzestan"), cumulative=True).en.split("; ")[1]
'both running totals: «تاکنون».'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from dashboard.checks.claim_text import clause_bounds, mention_positions
from dashboard.checks.cue_words import cue_words
from dashboard.lang.check_config import CheckConfig, load_check_config
from dashboard.lang.errors import UserError
from dashboard.text.phrases import Phrases, phrases

SECTION = "comparable"


# How a confident place was read (the claims' ``province_basis``), in Persian and English.
PLACE_BASIS = {
    "sentence": ("مکان در جملهٔ خود رقم آمده", "place named in the figure's sentence"),
    "speaker": ("گوینده مقامی کشوری است", "a national official speaking"),
    "article": ("مکان از سرخط یا تیتر خبر", "place from the article's dateline or head"),
}


@dataclass(frozen=True)
class Evidence:
    """What the words around one figure say: its place basis, narrowing and cumulative words, organisations."""

    place_confident: bool
    narrowing: tuple[str, ...]
    cumulative: str
    organisations: frozenset[str]


@dataclass(frozen=True)
class Basis:
    """Why figures are comparable, in Persian and English (shown beside the arithmetic)."""

    fa: str
    en: str


@dataclass(frozen=True)
class Organisation:
    """One organisation: its key, English name and Persian names (the first is shown, all are looked for)."""

    key: str
    en: str
    fa: str
    names: Phrases


@cache
def organisations(config: CheckConfig | None = None) -> tuple[Organisation, ...]:
    """The organisations of ``comparable.organisations``; a malformed entry raises :class:`UserError`."""
    config = config or load_check_config()
    value = config.section(SECTION).get("organisations")
    if not isinstance(value, dict) or not value:
        raise UserError(f"{config.checks_path}: '{SECTION}.organisations' must map keys to {{en, fa}} entries")
    out = []
    for key, entry in value.items():
        names = entry.get("fa") if isinstance(entry, dict) else None
        en = entry.get("en") if isinstance(entry, dict) else None
        if not isinstance(en, str) or not en.strip() or not isinstance(names, list) or not names:
            raise UserError(f"{config.checks_path}: '{SECTION}.organisations.{key}' needs 'en' and a list 'fa'")
        if not all(isinstance(n, str) and n.strip() for n in names):
            raise UserError(f"{config.checks_path}: '{SECTION}.organisations.{key}.fa' must be a list of names")
        out.append(Organisation(str(key), en.strip(), names[0], phrases(tuple(names))))
    return tuple(out)


def organisations_in(text: str, config: CheckConfig | None = None) -> tuple[Organisation, ...]:
    """The organisations ``text`` names, in the order of ``data/checks.yaml``.

    >>> [o.key for o in organisations_in("مدیرکل بهزیستی و کمیته امداد استان")]
    ['emdad', 'behzisti']
    """
    return tuple(o for o in organisations(config or load_check_config()) if o.names.search(text) is not None)


def _organisations(text: str, config: CheckConfig) -> frozenset[str]:
    return frozenset(o.key for o in organisations_in(text, config))


def figure_context(claim: Mapping) -> str:
    """The claim's sentence from its start to the end of the figure's clause (the words that qualify it).

    >>> figure_context({"quote": "تاکنون ۴۴۵ صندوق راه‌اندازی شده، که ۳ هزار شغل ایجاد کرده‌اند.", "mention": "۴۴۵"})
    'تاکنون ۴۴۵ صندوق راه\u200cاندازی شده'
    """
    quote = str(claim.get("quote", "") or "")
    mention = str(claim.get("mention", "") or "").strip()
    found = mention_positions(quote, mention) if mention else []
    if not found:
        return quote
    _a, b = clause_bounds(quote, found[0], found[0] + len(mention))
    return quote[:b]


def evidence(claim: Mapping, config: CheckConfig | None = None) -> Evidence:
    """What the text says about one figure (see the module's docstring)."""
    config = config or load_check_config()
    context = figure_context(claim)
    basis = str(claim.get("province_basis", "") or "")
    narrowing = tuple(hit.text.strip() for hit in cue_words(config, SECTION, "narrowing_words").finditer(context))
    cumulative = cue_words(config, SECTION, "cumulative_words").search(context)
    orgs = _organisations(str(claim.get("quote", "") or "") + "\n" + str(claim.get("speaker", "") or ""), config)
    if not orgs:
        orgs = _organisations(str(claim.get("title", "") or ""), config)
    return Evidence(
        place_confident=basis in config.word_list(SECTION, "confident_place"),
        narrowing=narrowing,
        cumulative=cumulative.text.strip() if cumulative else "",
        organisations=orgs,
    )


def comparable(
    claims: Sequence[Mapping], place: tuple[str, str], *, cumulative: bool = False, config: CheckConfig | None = None
) -> Basis | None:
    """Why ``claims`` (from different articles) count the same thing, or None when the text does not show it.

    ``place`` is the place's Persian and English label. With ``cumulative`` every figure needs
    an explicit running-total word («تاکنون», «در مجموع»).
    """
    config = config or load_check_config()
    found = [evidence(c, config) for c in claims]
    if not found or not all(e.place_confident and not e.narrowing for e in found):
        return None
    if cumulative and not all(e.cumulative for e in found):
        return None
    shared = frozenset.intersection(*(e.organisations for e in found))
    if not shared:
        return None
    named = [o for o in organisations(config) if o.key in shared]
    every_fa, every_en = ("هر دو", "both") if len(found) == 2 else ("همه", "all")
    bases = list(dict.fromkeys(str(c.get("province_basis", "")) for c in claims))
    how_fa = "، ".join(PLACE_BASIS[b][0] for b in bases)
    how_en = ", ".join(PLACE_BASIS[b][1] for b in bases)
    fa = (
        f"چرا قابل مقایسه‌اند: {every_fa} رقم دربارهٔ {place[0]} ({how_fa})، "
        f"از {'، '.join(o.fa for o in named)}، بدون قیدی که شمارش را محدود کند"
    )
    en = (
        f"Why comparable: {every_en} figures are about {place[1]} ({how_en}), "
        f"from {', '.join(o.en for o in named)}, with no word narrowing what is counted"
    )
    if cumulative:
        words = " / ".join(dict.fromkeys(f"«{e.cumulative}»" for e in found))
        fa += f"؛ {every_fa} تجمعی: {words}"
        en += f"; {every_en} running totals: {words}"
    return Basis(fa + ".", en + ".")
