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

The rules only read stored columns. The dashboard runs them in the database
(:mod:`dashboard.store.claim_aggregates`); these functions state them on a DataFrame (claims built
in a test, or read from a CSV), and a test checks that both give the same sums on random claims.

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
from typing import Protocol

import numpy as np
import pandas as pd

from dashboard.lang.check_config import load_check_config
from dashboard.lang.taxonomy import NATIONAL
from dashboard.store.claim_aggregates import (
    FIT_SLACK,
    NO_SUM_METRICS,
    NO_SUM_UNITS,
    PLANNED,
    REASONS,
    REPORTED,
    SumResult,
    left_out_key,
    restated,
    sum_table,
)

__all__ = ["FIT_SLACK", "NO_SUM_METRICS", "NO_SUM_UNITS", "PLANNED", "REASONS", "REPORTED", "SumResult"]

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
    firsts = crowded[[*keys, "_value"]]
    candidates = [(tuple(row[:-1]), float(row[-1])) for row in firsts.itertuples(index=False, name=None)]
    again = [candidates[i] for i in restated(candidates, min_sig)]
    if again:
        restated_rows = [(*key, value) for key, value in again]
        out |= pd.Series(pd.MultiIndex.from_frame(order[[*keys, "_value"]]).isin(restated_rows), index=order.index)
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
            key = left_out_key(str(reason), str(st))
            left_out[key] = left_out.get(key, 0) + int(n)
    kept = rows[reasons.eq("")]
    sums = pd.DataFrame(
        {
            "group": _text(kept, by) if by else pd.Series("", index=kept.index, dtype=object),
            "status": _text(kept, "status"),
            "value": kept["value"].astype(float),
        }
    )
    sums = sums.groupby(["group", "status"], sort=False).agg(value=("value", "sum"), claims=("value", "size"))
    return SumResult(sum_table(sums.reset_index(), by or "group"), left_out, unit)


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
    columns = list(dict.fromkeys([by, "value", "published", "document", "title", "source", "status", "claims"]))
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


class ClaimSource(Protocol):
    """Claims as a chart asks for them: in a DataFrame (:class:`FrameClaims`) or in the database
    (:class:`dashboard.store.claim_aggregates.SqlClaims`), with the same answers."""

    def scoped(self, national: bool | None = None, dated: bool = False) -> ClaimSource:
        """Only national claims (True), all but them (False) or both (None); only dated ones with ``dated``."""
        ...

    def unit(self, metric: str | None, status: str | None = None) -> str | None:
        """The main unit of ``metric`` here (of the claims of one ``status``, when given)."""
        ...

    def count_by(self, by: str, metric: str | None = None, status: str | None = None) -> pd.DataFrame:
        """Claims per value of ``by``: columns ``by``, ``value``, ``claims``; most first."""
        ...

    def sum_by(self, metric: str, by: str | None) -> SumResult:
        """The honest sums of ``metric`` per value of ``by``."""
        ...

    def latest_by(self, metric: str, by: str) -> pd.DataFrame:
        """The latest value of ``metric`` per value of ``by``."""
        ...


@dataclass(frozen=True, eq=False)
class FrameClaims:
    """A :class:`ClaimSource` over a claims DataFrame (the rules of this module).

    >>> df = pd.DataFrame({"province": ["Yazd", "Yazd", "Qom"], "metric": ["jobs"] * 3, "unit": ["count"] * 3,
    ...     "value": [1.0, 2.0, 3.0], "status": ["reported"] * 3, "published": ["2024-01-01"] * 3})
    >>> FrameClaims(df).count_by("province", "jobs").to_dict("records")
    [{'province': 'Yazd', 'value': 2.0, 'claims': 2}, {'province': 'Qom', 'value': 1.0, 'claims': 1}]
    """

    df: pd.DataFrame

    def scoped(self, national: bool | None = None, dated: bool = False) -> FrameClaims:
        """Only national claims (True), all but them (False) or both (None); only dated ones with ``dated``."""
        rows = self.df
        if national is not None and "province" in rows:
            rows = rows[(rows["province"] == NATIONAL) == national]
        if dated and "published" in rows:
            rows = rows[_text(rows, "published") != ""]
        return FrameClaims(rows)

    def unit(self, metric: str | None, status: str | None = None) -> str | None:
        """The main unit of ``metric`` here (of the claims of one ``status``, when given)."""
        if not metric:
            return None
        rows = self.df if status is None else self.df[_text(self.df, "status") == status]
        return metric_unit(rows, metric)

    def count_by(self, by: str, metric: str | None = None, status: str | None = None) -> pd.DataFrame:
        """Claims per value of ``by`` (of ``metric`` in its main unit; of one ``status``): ``by``, ``value``,
        ``claims``."""
        rows = self.df if status is None else self.df[_text(self.df, "status") == status]
        if metric:
            unit = metric_unit(rows, metric)
            rows = rows[(rows["metric"] == metric) & (rows["unit"] == unit)]
        rows = rows[rows[by].notna()] if by in rows else rows.iloc[0:0]
        if rows.empty:
            return pd.DataFrame({by: pd.Series(dtype=object), "value": pd.Series(dtype=float), "claims": 0})
        claims = rows.groupby(_text(rows, by).rename(by), sort=False, observed=True).size().rename("claims")
        out = pd.concat([claims.astype(float).rename("value"), claims], axis=1).reset_index()
        out["claims"] = out["claims"].astype(int)
        return out.sort_values(["value", by], ascending=[False, True], kind="stable").reset_index(drop=True)

    def sum_by(self, metric: str, by: str | None) -> SumResult:
        """The honest sums of ``metric`` per value of ``by`` (:func:`sum_by`)."""
        return sum_by(self.df, metric, by)

    def latest_by(self, metric: str, by: str) -> pd.DataFrame:
        """The latest value of ``metric`` per value of ``by`` (:func:`latest_by`)."""
        return latest_by(self.df, metric, by)
