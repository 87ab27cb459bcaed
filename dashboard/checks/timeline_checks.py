"""Checks across articles: provinces against the nation, running totals over time, old figures as new.

* ``province_exceeds_national``: in one Jalali year, the provinces' figures for a metric
  (same unit, program and period kind) add up to more than the national figure. Provinces
  listed in the article that states the national total are its parts (``sum_mismatch``).
* ``shrinking_total``: a running total («تاکنون»، «به … رسیده») reported lower than an
  earlier report of the same figure for the same province, program and metric.
* ``repeated_claim``: the same figure announced again, beyond one news cycle, with the
  wording of a new achievement («ایجاد شد»، «راه‌اندازی شده») and not as a running total.

Every comparison also needs the text's word that the figures count the same thing
(:func:`dashboard.checks.comparability.comparable`): a place read with confidence, no narrowing
word («فعال»، «جدید»), the same organisation; and for running totals, explicit words
(«تاکنون»، «در مجموع») on both. The reason is written into the finding.

Only ``reported`` claims are compared; plans and targets never contradict anything.
Thresholds come from ``data/checks.yaml``.
"""

from __future__ import annotations

import pandas as pd

from dashboard.checks.claim_rows import records
from dashboard.checks.comparability import Basis, comparable, evidence
from dashboard.checks.cue_words import cue_words
from dashboard.checks.findings import Finding
from dashboard.extract.figures import arithmetic, same_figure, show, significant_digits
from dashboard.extract.periods import CUMULATIVE, PERIOD
from dashboard.lang.check_config import CheckConfig, load_check_config
from dashboard.lang.formatting import to_jalali
from dashboard.lang.i18n import metric_label, province_label
from dashboard.lang.taxonomy import NATIONAL, load_taxonomy

GROUP = ["province", "program", "metric", "unit"]


def _reported(df: pd.DataFrame, config: CheckConfig, section: str) -> pd.DataFrame:
    """The reported figures a check compares, with ``program`` made specific where the metric names it."""
    skip_units = set(config.word_list(section, "skip_units"))
    skip_metrics = set(config.word_list(section, "skip_metrics"))
    keep = (df["status"] == "reported") & ~df["unit"].isin(skip_units) & ~df["metric"].isin(skip_metrics)
    rows = df[keep & ~df["per_item"] & (df["value"] > 0)].copy()
    implied = load_taxonomy().metric_programs
    general = rows["program"].isin(["general", ""]) & rows["metric"].isin(list(implied))
    rows.loc[general, "program"] = rows.loc[general, "metric"].map(implied)
    return rows


def _day(ts: pd.Timestamp) -> str:
    return ts.strftime("%Y-%m-%d")


def _where(row: pd.Series | dict, lang: str) -> str:
    date = _day(row["date"]) if pd.notna(row["date"]) else ("بی‌تاریخ" if lang == "fa" else "undated")
    source = f", {row['source']}" if str(row["source"]).strip() else ""
    return f"{row['document']} ({date}{source})"


def _year(published: str) -> str | None:
    """The Jalali year of an ISO date («2024-05-10» is 1403), None without a date."""
    jalali = to_jalali(published) if str(published).strip() else None
    return str(jalali.year) if jalali is not None else None


# --- province_exceeds_national ------------------------------------------------------------


def province_exceeds_national(df: pd.DataFrame, config: CheckConfig | None = None) -> list[Finding]:
    """Provinces adding up to more than the national figure of the same year, metric, unit, program and period kind.

    Each province counts once, with its smallest figure of the year; the national figure
    is the largest of the year, so only a clear excess is reported. Figures the text does not
    show to be comparable (see :mod:`dashboard.checks.comparability`) are left out first.
    """
    config = config or load_check_config()
    tol = config.number("province_exceeds_national", "tolerance")
    rows = _reported(df, config, "province_exceeds_national")
    years = {p: _year(p) for p in rows["published"].unique()}
    groups: dict[tuple, list[dict]] = {}
    for rec in records(rows):
        year = years[rec["published"]]
        if year is None:
            continue  # undated: no year to compare in
        groups.setdefault((rec["metric"], rec["unit"], rec["program"], rec["period"], year), []).append(rec)
    out = []
    for (metric, unit, program, _period, year), group in sorted(groups.items()):
        # Only figures the text shows to be comparable take part (a confident place, no narrowing word),
        # and provinces only where they share an organisation with the national figure.
        found = {id(r): evidence(r, config) for r in group}
        usable = [r for r in group if found[id(r)].place_confident and not found[id(r)].narrowing]
        national = [r for r in usable if r["province"] == NATIONAL]
        if not national:
            continue
        top = max(national, key=lambda r: r["value"])
        least: dict[str, dict] = {}
        for r in usable:
            if r["province"] == NATIONAL or not found[id(r)].organisations & found[id(top)].organisations:
                continue
            if r["province"] not in least or r["value"] < least[r["province"]]["value"]:
                least[r["province"]] = r
        if not least:
            continue
        provincial = sorted(least.values(), key=lambda r: -r["value"])
        values = [float(r["value"]) for r in provincial]
        documents = [top["document"], *(r["document"] for r in provincial)]
        if sum(values) <= float(top["value"]) * (1 + tol) or len(set(documents)) == 1:
            continue  # one article's provinces against its own total are its parts: see sum_mismatch
        names_fa = "، ".join(province_label(r["province"], "fa") for r in provincial)
        names_en = ", ".join(r["province"] for r in provincial)
        national_fa, national_en = province_label(NATIONAL, "fa"), province_label(NATIONAL, "en")
        place = (f"{national_fa} و {names_fa}", f"{national_en} and {names_en}")
        basis = comparable([top, *provincial], place, config=config)
        if basis is None:
            continue
        year_fa, year_en = f"در سال {year}", f"for {year}"
        fa = (
            f"جمع ارقام استانی «{metric_label(metric, 'fa')}» ({names_fa}) {year_fa} از رقم کل کشور "
            f"بیشتر است: {arithmetic(values, float(top['value']), unit, 'fa')}"
        )
        en = (
            f"Provincial “{metric_label(metric, 'en')}” figures ({names_en}) {year_en} add up to more than "
            f"the national figure: {arithmetic(values, float(top['value']), unit, 'en')}"
        )
        out.append(
            Finding(
                "province_exceeds_national",
                documents,
                NATIONAL,
                program,
                metric,
                [*values, float(top["value"])],
                fa,
                en,
                [top["quote"], *(r["quote"] for r in provincial)],
                basis.fa,
                basis.en,
            )
        )
    return out


# --- shrinking_total ----------------------------------------------------------------------


def _groups(rows: pd.DataFrame) -> dict[tuple, list[dict]]:
    """Records per (province, program, metric, unit), each list sorted by date."""
    groups: dict[tuple, list[dict]] = {}
    for rec in records(rows.sort_values("date", kind="stable")):
        groups.setdefault(tuple(rec[c] for c in GROUP), []).append(rec)
    return groups


def shrinking_total(df: pd.DataFrame, config: CheckConfig | None = None) -> list[Finding]:
    """A running total reported lower than an earlier figure for the same province, program and metric.

    The later figure must be cumulative (by the extractor or the words around it, see
    ``data/period_cues.yaml``); the earlier one cumulative or unlabelled (a one-period
    figure is not a total). Each later figure is reported once, against the largest earlier one.
    """
    config = config or load_check_config()
    tol = config.number("shrinking_total", "tolerance")
    min_sig = int(config.number(None, "restatement_min_significant_digits"))
    rows = _reported(df, config, "shrinking_total")
    out = []
    for (province, program, metric, unit), group in _groups(rows[rows["date"].notna()]).items():
        for later in group:
            if later["period"] != CUMULATIVE:
                continue
            earlier = [
                e
                for e in group
                if e["date"] < later["date"]
                and e["document"] != later["document"]
                and e["period"] != PERIOD
                and e["value"] > later["value"] * (1 + tol)
                and not same_figure(e["value"], later["value"], min_sig)
            ]
            place = (province_label(province, "fa"), province_label(province, "en"))
            ranked = sorted(earlier, key=lambda e: -e["value"])
            pair = next(
                ((e, b) for e in ranked if (b := comparable([e, later], place, cumulative=True, config=config))), None
            )
            if pair is None:
                continue
            first, basis = pair
            old, new = float(first["value"]), float(later["value"])
            fa = (
                f"رقم تجمعی «{metric_label(metric, 'fa')}» در {province_label(province, 'fa')} کمتر از رقمی است که "
                f"پیش‌تر اعلام شده بود: {show(old, unit, 'fa')} در {_where(first, 'fa')} و سپس "
                f"{show(new, unit, 'fa')} در {_where(later, 'fa')} "
                f"({show(new, unit, 'fa')} < {show(old, unit, 'fa')})؛ "
                "جمع تا امروز کم نمی‌شود، مگر آنکه رقم تازه فقط بخشی را بشمارد (مثلاً فقط واحدهای فعال)."
            )
            en = (
                f"Running total of “{metric_label(metric, 'en')}” in {province_label(province, 'en')} is lower than "
                f"an earlier report: {show(old, unit, 'en')} in {_where(first, 'en')}, then {show(new, unit, 'en')} "
                f"in {_where(later, 'en')} ({show(new, unit, 'en')} < {show(old, unit, 'en')}); a total so far does "
                "not shrink unless the later figure counts only part of it (say, only the units still working)."
            )
            out.append(
                _pair_finding("shrinking_total", first, later, (province, program, metric), [old, new], fa, en, basis)
            )
    return out


def _pair_finding(
    kind: str,
    first: dict,
    later: dict,
    about: tuple[str, str, str],
    values: list[float],
    fa: str,
    en: str,
    basis: Basis,
) -> Finding:
    """A finding on two reports of one figure: an earlier one and a later one, with why they are comparable.
    ``about`` is the group's province, program and metric."""
    province, program, metric = about
    quotes = [first["quote"], later["quote"]]
    documents = [first["document"], later["document"]]
    return Finding(kind, documents, province, program, metric, values, fa, en, quotes, basis.fa, basis.en)


# --- repeated_claim -----------------------------------------------------------------------


def repeated_claim(df: pd.DataFrame, config: CheckConfig | None = None) -> list[Finding]:
    """The same figure announced again as new, more than one news cycle after it first appeared."""
    config = config or load_check_config()
    cycle = pd.Timedelta(days=config.number(None, "news_cycle_days"))
    min_value = config.number("repeated_claim", "min_value")
    min_sig = int(config.number(None, "restatement_min_significant_digits"))
    new_wording = cue_words(config, "repeated_claim", "new_wording")
    min_digits = config.number("repeated_claim", "min_significant_digits")
    rows = _reported(df, config, "repeated_claim")
    rows = rows[rows["date"].notna() & (rows["value"] >= min_value)]
    rows = rows[rows["value"].map(significant_digits) >= min_digits]
    out = []
    for (province, program, metric, unit), group in _groups(rows).items():
        for later in group:
            if later["period"] == CUMULATIVE or new_wording.search(later["quote"]) is None:
                continue
            earlier = [
                e
                for e in group
                if e["date"] < later["date"] - cycle
                and e["document"] != later["document"]
                and same_figure(e["value"], later["value"], min_sig)
            ]
            place = (province_label(province, "fa"), province_label(province, "en"))
            pair = next(((e, b) for e in earlier if (b := comparable([e, later], place, config=config))), None)
            if pair is None:
                continue
            first, basis = pair
            days = int((later["date"] - first["date"]).days)
            value = float(later["value"])
            fa = (
                f"همان رقم {show(value, unit, 'fa')} «{metric_label(metric, 'fa')}» در "
                f"{province_label(province, 'fa')} که در {_where(first, 'fa')} اعلام شده بود، {days} روز بعد در "
                f"{_where(later, 'fa')} دوباره به‌عنوان دستاوردی تازه آمده است."
            )
            en = (
                f"The same figure, {show(value, unit, 'en')} “{metric_label(metric, 'en')}” in "
                f"{province_label(province, 'en')}, first reported in {_where(first, 'en')}, is announced again "
                f"as new {days} days later in {_where(later, 'en')}."
            )
            values = [float(first["value"]), value]
            out.append(
                _pair_finding("repeated_claim", first, later, (province, program, metric), values, fa, en, basis)
            )
    return out
