"""Which claims a total may honestly add, and the latest value of a figure: pure functions on claims.

A sum adds only the claims of one metric in its main unit that say something was done
(``status == "reported"``). Of those it leaves out, and says why (:data:`REASONS`):

- ``other_unit``: a claim of the metric in another unit (a «money» figure in percent);
- ``part``: a part of a breakdown whose total the same article also gives. Within one article,
  one metric, unit, status and chart group (the province or programme a bar stands for), the
  figures that together fit inside the largest one are read as its parts (4,380 jobs, then 850,
  720 and 610 of them in three counties; a budget and the part absorbed so far; a multi-year
  total and one year of it). This fact is derived from the stored columns, not from the text;
- ``repeat``: the same figure (equal, or a rounded restatement) already counted from an earlier
  article for the same metric, unit, status, province and programme;
- ``cumulative``: a running total (``period == "cumulative"``, «تاکنون»، «در مجموع»), a stock
  that would be counted again with every report.

Planned claims (targets, promises) go through the same rules and are summed apart, never mixed
with reported ones. Metrics whose values must never be added (``percent``, ``other``, which
mixes schools, people and case files) offer no sum at all.

The rules only read stored columns, so they can later be written as SQL.

>>> import pandas as pd
>>> df = pd.DataFrame({"document": ["a", "a", "a", "b"], "metric": ["jobs"] * 4, "unit": ["count"] * 4,
...     "value": [4380.0, 850.0, 720.0, 500.0], "status": ["reported"] * 4, "period": [""] * 4,
...     "province": ["Kermanshah"] * 4, "program": ["general"] * 4,
...     "published": ["2024-01-01"] * 3 + ["2024-02-01"]})
>>> sum_reasons(df, "jobs").tolist()
['', 'part', 'part', '']
>>> honest_sum(df, "jobs", "province")[["province", "reported", "planned"]].to_dict("records")
[{'province': 'Kermanshah', 'reported': 4880.0, 'planned': nan}]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.extract.figures import same_figure
from dashboard.lang.check_config import load_check_config

REPORTED, PLANNED = "reported", "planned"
# Metrics whose values are never added: ratios, and a bucket of unlike things.
NO_SUM_METRICS = frozenset({"percent", "other"})
NO_SUM_UNITS = frozenset({"percent", "other"})
# Why a claim is not in a sum, in the order a claim is tested (the first that applies is given).
REASONS = ("other_unit", "no_value", "unknown_status", "part", "cumulative", "repeat")
# A part «fits inside» its total up to this relative slack (rounded figures).
FIT_SLACK = 0.005
# The stored columns the rules read (taking only these keeps 100,000 claims quick).
RULE_COLUMNS = ("document", "value", "unit", "metric", "status", "period", "province", "program", "published")


def _of_metric(df: pd.DataFrame, metric: str, by: str | None, extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """The claims of ``metric``, with only the columns the rules (and ``by``, ``extra``) read."""
    columns = [c for c in dict.fromkeys((*RULE_COLUMNS, *((by,) if by else ()), *extra)) if c in df]
    return df.loc[df["metric"] == metric, columns]


def metric_unit(df: pd.DataFrame, metric: str) -> str | None:
    """The unit most claims of ``metric`` use (``IRR`` for money), or None when there are none.

    >>> metric_unit(pd.DataFrame({"metric": ["money"] * 3, "unit": ["IRR", "IRR", "percent"]}), "money")
    'IRR'
    """
    units = df.loc[df["metric"] == metric, "unit"]
    if units.empty:
        return None
    return str(units.value_counts().index[0])


def sum_allowed(metric: str | None, unit: str | None = None) -> bool:
    """Whether a sum of ``metric`` (in ``unit``) can mean anything: never for percents or ``other``.

    >>> sum_allowed("jobs"), sum_allowed("percent"), sum_allowed("other"), sum_allowed(None)
    (True, False, False, False)
    """
    return bool(metric) and metric not in NO_SUM_METRICS and (unit or "") not in NO_SUM_UNITS


def _text(df: pd.DataFrame, column: str) -> pd.Series:
    if column not in df:
        return pd.Series("", index=df.index, dtype=object)
    return df[column].fillna("").astype(str)


def breakdown_parts(rows: pd.DataFrame, by: str | None = None) -> pd.Series:
    """For each row, whether it is a part of a larger figure in the same article (see the module doc).

    Rows are grouped by article, metric, unit, status and ``by`` (the chart's group, when given).
    In a group of two or more distinct values, when the largest is at least the sum of the others
    (within :data:`FIT_SLACK`), every other row is a part. Repeats of the total itself are parts too.

    >>> df = pd.DataFrame({"document": ["a"] * 3, "metric": ["jobs"] * 3, "unit": ["count"] * 3,
    ...     "status": ["reported"] * 3, "value": [300.0, 250.0, 200.0]})
    >>> breakdown_parts(df).tolist()  # three counties and no total: all are kept
    [False, False, False]
    """
    if rows.empty:
        return pd.Series(False, index=rows.index, dtype=bool)
    keys = [_text(rows, c) for c in ("document", "metric", "unit", "status")]
    if by:
        keys.append(_text(rows, by))
    values = rows["value"].astype(float)
    grouped = values.groupby(keys, sort=False, dropna=False)
    top = grouped.transform("max")
    total = grouped.transform("sum")
    size = grouped.transform("size")
    first_top = values.eq(top) & ~pd.concat([*keys, values], axis=1).duplicated()
    fits = top >= (total - top) * (1 - FIT_SLACK)
    return ((size > 1) & fits & ~first_top).fillna(False).astype(bool)


def repeats(rows: pd.DataFrame) -> pd.Series:
    """For each row, whether the same figure was already given by an earlier claim.

    «The same» is equal or a rounded restatement (:func:`dashboard.extract.figures.same_figure`) for one
    metric, unit, status, province and programme. The earliest publication counts (undated last).
    Equal values are found vectorised; the restatement test runs once per distinct value of a group.
    """
    out = pd.Series(False, index=rows.index, dtype=bool)
    if rows.empty:
        return out
    keys = ["_metric", "_unit", "_status", "_province", "_program"]
    order = pd.DataFrame(
        {
            **{k: _text(rows, k[1:]) for k in keys},
            "_value": rows["value"].astype(float),
            "_date": _text(rows, "published").replace("", "9999"),
            "_doc": _text(rows, "document"),
        }
    ).sort_values(["_date", "_doc"], kind="stable")
    out.loc[order.index[order.duplicated([*keys, "_value"])]] = True  # the same value again
    firsts = order[~order.duplicated([*keys, "_value"])]
    crowded = firsts[firsts.duplicated(keys, keep=False)]  # groups with more than one distinct value
    min_sig = int(load_check_config().number(None, "restatement_min_significant_digits"))
    restated: list[tuple] = []
    for group_key, group in crowded.groupby(keys, sort=False):
        seen: list[float] = []
        for value in group["_value"]:
            if any(same_figure(value, s, min_sig) for s in seen):
                restated.append((*group_key, value))
            else:
                seen.append(value)
    if restated:
        out |= pd.Series(pd.MultiIndex.from_frame(order[[*keys, "_value"]]).isin(restated), index=order.index)
    return out


def sum_reasons(df: pd.DataFrame, metric: str, by: str | None = None) -> pd.Series:
    """For each claim of ``metric``, why a sum leaves it out (a key of :data:`REASONS`), '' when it counts.

    Rows of other metrics are not in the result. Reported and planned claims are judged apart.
    """
    rows = _of_metric(df, metric, by)
    reason = pd.Series("", index=rows.index, dtype=object)
    if rows.empty:
        return reason
    unit = metric_unit(df, metric)
    status = _text(rows, "status")
    rules = (
        ("other_unit", _text(rows, "unit") != (unit or "")),
        ("no_value", rows["value"].isna() | ~np.isfinite(rows["value"].astype(float).fillna(0))),
        ("unknown_status", ~status.isin([REPORTED, PLANNED])),
    )
    for key, mask in rules:
        reason = reason.mask(mask & reason.eq(""), key)
    candidates = rows[reason.eq("")]
    reason = reason.mask(breakdown_parts(candidates, by).reindex(rows.index, fill_value=False) & reason.eq(""), "part")
    reason = reason.mask(_text(rows, "period").eq("cumulative") & reason.eq(""), "cumulative")
    still = rows[reason.eq("")]
    reason = reason.mask(repeats(still).reindex(rows.index, fill_value=False) & reason.eq(""), "repeat")
    return reason


@dataclass(frozen=True)
class SumResult:
    """An honest sum per group: ``table`` has the group column, ``reported``, ``planned``,
    ``claims_reported`` and ``claims_planned`` (claims behind each sum); ``left_out`` counts the
    claims of the metric left out, per reason (planned claims under ``planned_<reason>``)."""

    table: pd.DataFrame
    left_out: dict[str, int]
    unit: str | None

    @property
    def empty(self) -> bool:
        """True when neither a reported nor a planned sum exists."""
        return self.table.empty


def honest_sum(df: pd.DataFrame, metric: str, by: str) -> pd.DataFrame:
    """Reported and planned sums of ``metric`` per value of ``by`` (see :func:`sum_by`)."""
    return sum_by(df, metric, by).table


def sum_by(df: pd.DataFrame, metric: str, by: str | None) -> SumResult:
    """The honest sums of ``metric`` per value of ``by`` (one row, group ``""``, when ``by`` is None).

    Groups are sorted by the reported sum, largest first (then the planned sum).
    """
    rows = _of_metric(df, metric, by)
    unit = metric_unit(rows, metric)
    reasons = sum_reasons(rows, metric, by)
    status = _text(rows, "status")
    left_out: dict[str, int] = {}
    counts = pd.DataFrame({"r": reasons, "s": status}).value_counts()
    for (reason, st), n in zip(counts.index.tolist(), counts.tolist(), strict=True):
        if reason:
            key = f"planned_{reason}" if st == PLANNED and reason not in ("other_unit", "unknown_status") else reason
            left_out[key] = left_out.get(key, 0) + int(n)
    kept = rows[reasons.eq("")]
    group = _text(kept, by) if by else pd.Series("", index=kept.index, dtype=object)
    name = by or "group"
    frames = []
    for st in (REPORTED, PLANNED):
        part = kept[_text(kept, "status").eq(st)]
        g = group.loc[part.index]
        summed = part["value"].astype(float).groupby(g, sort=False).agg(["sum", "size"])
        summed.columns = [st, f"claims_{st}"]
        frames.append(summed)
    table = pd.concat(frames, axis=1)
    table.index.name = name
    table = table.reset_index()
    if table.empty:
        table = pd.DataFrame(columns=[name, REPORTED, f"claims_{REPORTED}", PLANNED, f"claims_{PLANNED}"])
    for st in (REPORTED, PLANNED):
        table[f"claims_{st}"] = table[f"claims_{st}"].fillna(0).astype(int)
        table[st] = table[st].astype(float)
    table = table.sort_values([REPORTED, PLANNED, name], ascending=[False, False, True], na_position="last")
    return SumResult(table.reset_index(drop=True), left_out, unit)


def latest_by(df: pd.DataFrame, metric: str, by: str) -> pd.DataFrame:
    """The most recently published value of ``metric`` per value of ``by``, with where it comes from.

    Columns: ``by``, ``value``, ``published``, ``document``, ``title``, ``source``, ``status``,
    ``claims`` (rows of the group). Only the metric's main unit; undated claims lose to dated
    ones; on the same date a reported value wins over a planned one (then the later article).
    Sorted by value, largest first.

    >>> df = pd.DataFrame({"province": ["Yazd", "Yazd"], "metric": ["jobs"] * 2, "unit": ["count"] * 2,
    ...     "value": [7000.0, 4380.0], "status": ["reported", "planned"][::-1],
    ...     "published": ["2024-05-01"] * 2, "document": ["x", "y"]})
    >>> latest_by(df, "jobs", "province")[["value", "status", "document"]].to_dict("records")
    [{'value': 4380.0, 'status': 'reported', 'document': 'y'}]
    """
    rows = _of_metric(df, metric, by, ("title", "source"))
    unit = metric_unit(rows, metric)
    rows = rows[(rows["unit"] == unit) & rows["value"].notna()]
    columns = [by, "value", "published", "document", "title", "source", "status", "claims"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    order = rows.assign(
        _date=_text(rows, "published"),
        _rank=_text(rows, "status").eq(REPORTED).astype(int),
        _doc=_text(rows, "document"),
        _group=_text(rows, by),
    ).sort_values(["_date", "_rank", "_doc"], kind="stable")
    picked = order.groupby("_group", sort=False).tail(1).set_index("_group")
    claims = order.groupby("_group", sort=False).size()
    out = pd.DataFrame({by: picked.index, "value": picked["value"].astype(float).to_numpy()})
    for column in ("published", "document", "title", "source", "status"):
        out[column] = _text(picked, column).to_numpy()
    out["claims"] = claims.reindex(picked.index).to_numpy().astype(int)
    return out.sort_values(["value", by], ascending=[False, True], kind="stable").reset_index(drop=True)


def total_of(result: SumResult, status: str = REPORTED) -> float | None:
    """The grand total of one status over every group; None when nothing was kept."""
    if result.empty or result.table[f"claims_{status}"].sum() == 0:
        return None
    value = float(result.table[status].sum(min_count=1))
    return None if math.isnan(value) else value
