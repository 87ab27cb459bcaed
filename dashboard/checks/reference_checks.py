"""Claims beside official reference figures: ``unverified_against_reference``.

A reported claim is set beside the reference figure of the same place, metric, unit and
Jalali year, and listed with the ratio of the two and both sources, when they differ by more
than the tolerance in ``data/checks.yaml``. The year must be the claim's own: a year written
after «سال» in its sentence («در سال ۱۴۰۲»), or a this-year word («امسال», «سال جاری») in an
article published that year. The place must have been read with confidence. It is a lead to
verify, never an accusation by itself: the two may count differently.

>>> import pandas as pd
>>> claim = {"document": "y.txt", "value": 20000, "unit": "count", "metric": "jobs", "program": "general",
...          "province": "Yazd", "status": "reported", "published": "2023-12-01", "mention": "۲۰ هزار",
...          "quote": "امسال ۲۰ هزار شغل در استان یزد ایجاد شد.", "province_basis": "sentence"}
>>> ref = pd.DataFrame([{"table": "amar", "version": 1, "province": "Yazd", "metric": "jobs", "period": "1402",
...                      "value": 12500.0, "unit": "count", "source": "مرکز آمار", "url": "https://amar.org.ir"}])
>>> from dashboard.checks.claim_rows import prepare_claims
>>> found = against_references(prepare_claims(pd.DataFrame([claim])), ref)
>>> found[0].values, found[0].message_en.split("; ")[1].split(". ")[0]
([20000.0, 12500.0], 'claim ÷ reference = 1.6')
"""

from __future__ import annotations

import pandas as pd

from dashboard.checks.claim_rows import records
from dashboard.checks.claim_text import jalali_years
from dashboard.checks.comparability import evidence, figure_context
from dashboard.checks.cue_words import cue_words
from dashboard.checks.findings import Finding
from dashboard.extract.figures import show
from dashboard.extract.periods import CUMULATIVE
from dashboard.lang.check_config import CheckConfig, load_check_config
from dashboard.lang.formatting import localize, to_jalali
from dashboard.lang.i18n import metric_label, province_label
from dashboard.lang.persian import fold_text

SECTION = "unverified_against_reference"
KIND = "unverified_against_reference"
YEAR_WORD = "سال"  # «در سال ۱۴۰۲»: the year a figure is about


def claim_year(claim: dict, config: CheckConfig) -> tuple[str, str] | None:
    """The Jalali year a claim's figure is about, and the words that say so; None when the text does not say.

    >>> c = {"quote": "در سال ۱۴۰۲ بیش از ۱۲ هزار شغل ایجاد شد.", "mention": "۱۲ هزار", "published": ""}
    >>> claim_year(c, load_check_config())
    ('1402', 'سال ۱۴۰۲')
    """
    context = fold_text(figure_context(claim))
    for year in jalali_years(context):
        before = context[: year.start].rstrip()
        if before.endswith(YEAR_WORD) and not before[: -len(YEAR_WORD)][-1:].isalpha():
            return str(int(year.value)), context[len(before) - len(YEAR_WORD) : year.end]
    this_year = cue_words(config, SECTION, "this_year_words").search(context)
    published = to_jalali(claim.get("published")) if str(claim.get("published") or "").strip() else None
    if this_year and published is not None:
        return str(published.year), this_year.text.strip()
    return None


def against_references(
    df: pd.DataFrame, references: pd.DataFrame | None, config: CheckConfig | None = None
) -> list[Finding]:
    """Each prepared claim that has a reference figure for its place, metric, unit and year, and differs from it."""
    config = config or load_check_config()
    if references is None or references.empty or df.empty:
        return []
    tol = config.number(SECTION, "tolerance")
    skip = set(config.word_list(SECTION, "skip_units"))
    table = {(r["province"], r["metric"], r["unit"], str(r["period"])): r for r in records(references)}
    out = []
    keep = (df["status"] == "reported") & ~df["per_item"] & (df["value"] > 0) & ~df["unit"].isin(skip)
    for claim in records(df[keep]):
        if claim["period"] == CUMULATIVE or not evidence(claim, config).place_confident:
            continue
        year = claim_year(claim, config)
        if year is None:
            continue
        ref = table.get((claim["province"], claim["metric"], claim["unit"], year[0]))
        if ref is None:
            continue
        value, official = float(claim["value"]), float(ref["value"])
        ratio = value / official
        if abs(ratio - 1) <= tol:
            continue
        out.append(_finding(claim, ref, year, ratio))
    return out


def _finding(claim: dict, ref: dict, year: tuple[str, str], ratio: float) -> Finding:
    unit, metric, province = claim["unit"], claim["metric"], claim["province"]
    value, official = float(claim["value"]), float(ref["value"])
    shown = f"{ratio:.2f}".rstrip("0").rstrip(".")
    source = " ".join(p for p in (str(ref["source"]), str(ref["url"])) if p.strip()) or str(ref["table"])
    where = f"{claim['document']}" + (f"، {claim['source']}" if str(claim.get("source", "")).strip() else "")
    fa = (
        f"ادعای {show(value, unit, 'fa')} «{metric_label(metric, 'fa')}» در {province_label(province, 'fa')} "
        f"برای سال {localize(year[0], 'fa')} ({where}) در برابر آمار مرجع {show(official, unit, 'fa')} ({source})؛ "
        f"نسبت ادعا به آمار مرجع = {localize(shown, 'fa')}. این سرنخی برای راستی‌آزمایی است، نه اتهام: "
        "شاید دو رقم چیزهای متفاوتی را بشمارند."
    )
    en = (
        f"Claimed {show(value, unit, 'en')} “{metric_label(metric, 'en')}” in {province_label(province, 'en')} "
        f"for {year[0]} ({claim['document']}) beside the reference figure {show(official, unit, 'en')} ({source})"
        f"; claim ÷ reference = {shown}. A lead to verify, not an accusation: the two may count different things."
    )
    basis_fa = (
        f"چرا قابل مقایسه‌اند: همان استان (خوانده‌شده از متن)، همان شاخص و یکا، و همان سال "
        f"{localize(year[0], 'fa')} («{year[1]}»)؛ جدول مرجع «{ref['table']}» "
        f"نسخهٔ {localize(str(ref['version']), 'fa')}."
    )
    basis_en = (
        f"Why comparable: the same province (read from the text), metric and unit, and the same year {year[0]} "
        f"(«{year[1]}»); reference table “{ref['table']}” version {ref['version']}."
    )
    quotes = [str(claim["quote"]), f"{ref['table']}: {source}"]
    return Finding(
        KIND,
        [claim["document"]],
        province,
        str(claim["program"]),
        metric,
        [value, official],
        fa,
        en,
        quotes,
        basis_fa,
        basis_en,
    )
