"""Honest aggregates in the database: counts, sums and latest values per group, as SQL (SQLAlchemy Core).

The rules are those of the dashboard (``docs/dashboard.md``, "Honest numbers"; the reference
statement on DataFrames is :mod:`dashboard.present.aggregates`, and a test checks that both agree
on random claims). A sum adds only the claims of one metric in its main unit that say something was
done (``status == "reported"``); planned ones are summed apart. It leaves out, and counts per reason
(:data:`REASONS`):

- ``other_unit``, ``no_value``, ``unknown_status``: a claim that cannot be added at all;
- ``part``: within one article, metric, unit, status and group, the figures that together fit inside
  the largest one are its parts (4,380 jobs, then 850, 720 and 610 of them in three counties);
- ``cumulative``: a running total («تاکنون»، «در مجموع»);
- ``repeat``: the same figure already counted from an earlier article for the same metric, unit,
  status, province and programme: equal (found by SQL) or a rounded restatement («۱۲۳ هزار» after
  ۱۲۳٬۱۸۲; :func:`dashboard.extract.figures.same_figure`, run once per distinct value of a group).

Windows (``OVER (PARTITION BY ...)``) do the per-article and per-figure work, so a sum over a million
claims reads each claim of the metric once. A group ``by`` is a column of claims (``province``,
``program``) or ``published`` (one group per day, which the timeline folds into Jalali months).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa

from dashboard.extract.figures import same_figure
from dashboard.lang.check_config import load_check_config
from dashboard.lang.taxonomy import NATIONAL
from dashboard.store.claim_filter import LIST_FILTERS, FilterState, conditions
from dashboard.store.claim_queries import claims

REPORTED, PLANNED = "reported", "planned"
# Metrics whose values are never added: ratios, and a bucket of unlike things.
NO_SUM_METRICS = frozenset({"percent", "other"})
NO_SUM_UNITS = frozenset({"percent", "other"})
# Why a claim is not in a sum, in the order a claim is tested (the first that applies is given).
REASONS = ("other_unit", "no_value", "unknown_status", "part", "cumulative", "repeat")
# A part «fits inside» its total up to this relative slack (rounded figures).
FIT_SLACK = 0.005
# Beyond this a stored double is infinite: no value to add.
_FINITE = 1.7e308


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


def left_out_key(reason: str, status: str) -> str:
    """The key a left-out claim is counted under: planned claims apart, except where status plays no part.

    >>> left_out_key("part", "planned"), left_out_key("other_unit", "planned"), left_out_key("part", "reported")
    ('planned_part', 'other_unit', 'part')
    """
    if status == PLANNED and reason not in ("other_unit", "unknown_status"):
        return f"planned_{reason}"
    return reason


def sum_table(sums: pd.DataFrame, name: str) -> pd.DataFrame:
    """Per-group sums (columns ``group``, ``status``, ``value``, ``claims``) as a :class:`SumResult` table:
    one row per group, reported and planned side by side, largest reported sum first (then planned)."""
    columns = [name, REPORTED, f"claims_{REPORTED}", PLANNED, f"claims_{PLANNED}"]
    if sums.empty:
        return pd.DataFrame(columns=columns)
    wide = sums.pivot_table(index="group", columns="status", values=["value", "claims"], aggfunc="sum")
    table = pd.DataFrame({name: wide.index.astype(str)})
    for st in (REPORTED, PLANNED):
        has = ("value", st) in wide.columns
        table[st] = wide[("value", st)].to_numpy(dtype=float) if has else math.nan
        table[f"claims_{st}"] = wide[("claims", st)].fillna(0).to_numpy(dtype=int) if has else 0
        table.loc[table[f"claims_{st}"] == 0, st] = math.nan
    table = table[columns]
    table = table.sort_values([REPORTED, PLANNED, name], ascending=[False, False, True], na_position="last")
    return table.reset_index(drop=True)


# A restatement lies within a tenth of the figure it restates (:func:`dashboard.extract.figures.is_restatement`):
# only earlier values within this factor are compared.
_NEAR = 1.12


def restated(rows: list[tuple[tuple, float]], min_significant: int) -> list[int]:
    """Which rows restate an earlier one: ``rows`` are (group key, value) in the order the claims were
    published, each value the first of its group; the result lists their positions.

    Each value is compared with the earlier values of its group near it (kept sorted), so a group of
    many distinct figures costs little more than one pass.

    >>> restated([(("a",), 123182.0), (("a",), 123000.0), (("b",), 123000.0)], 2)
    [1]
    """
    seen: dict[tuple, list[float]] = {}
    out = []
    for i, (key, value) in enumerate(rows):
        earlier = seen.setdefault(key, [])
        if value > 0:
            near = earlier[bisect.bisect_left(earlier, value / _NEAR) : bisect.bisect_right(earlier, value * _NEAR)]
        else:  # no restatement of a figure that is not positive: only equal values match
            near = [s for s in earlier if s == value]
        if any(same_figure(value, s, min_significant) for s in near):
            out.append(i)
        else:
            bisect.insort(earlier, value)
    return out


def _count_frame(by: str, rows: list[tuple[str, int]]) -> pd.DataFrame:
    """Counts per group as the charts take them: ``by``, ``value`` (the count as a float), ``claims``; most first."""
    out = pd.DataFrame({by: [str(k) for k, _ in rows], "claims": [int(n) for _, n in rows]}, dtype=object)
    out["claims"] = out["claims"].astype(int)
    out.insert(1, "value", out["claims"].astype(float))
    return out.sort_values(["value", by], ascending=[False, True], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class SqlClaims:
    """The claims a filter keeps, in the database, as the charts ask for them.

    ``national`` None takes every claim, True only national ones, False all but them (a province
    chart ranks provinces only). ``rated`` maps rated claims' ids to their verdicts (verdict filter).
    """

    engine: sa.Engine
    state: FilterState = field(default_factory=FilterState)
    rated: Mapping[int, str] = field(default_factory=dict)
    national: bool | None = None
    dated: bool = False
    # Claims per value of a filter column under a filter, when the caller already asks for them (the
    # filter bar's counts): a chart counting claims per province then asks nothing more.
    counted: Callable[[str, FilterState], dict[str, int]] | None = field(default=None, compare=False)

    def scoped(self, national: bool | None = None, dated: bool = False) -> SqlClaims:
        """Only national claims (True), all but them (False) or both (None); only dated ones with ``dated``."""
        return SqlClaims(self.engine, self.state, self.rated, national, dated, self.counted)

    def _where(self) -> list[sa.ColumnElement[bool]]:
        out = conditions(claims, self.state, self.rated)
        if self.national is True:
            out.append(claims.c.province == NATIONAL)
        elif self.national is False:
            out.append(claims.c.province != NATIONAL)
        if self.dated:
            out.append(claims.c.published != "")
        return out

    def unit(self, metric: str | None, status: str | None = None) -> str | None:
        """The unit most claims of ``metric`` use here (``IRR`` for money); None when there are none."""
        if not metric:
            return None
        where = [*self._where(), claims.c.metric == metric]
        if status is not None:
            where.append(claims.c.status == status)
        n = sa.func.count()
        query = (
            sa.select(claims.c.unit)
            .where(*where)
            .group_by(claims.c.unit)
            .order_by(n.desc(), sa.func.min(claims.c.id))
            .limit(1)
        )
        with self.engine.connect() as conn:
            found = conn.execute(query).scalar_one_or_none()
        return None if found is None else str(found)

    def count_by(self, by: str, metric: str | None = None, status: str | None = None) -> pd.DataFrame:
        """Claims per value of ``by`` (of ``metric`` in its main unit, when given; of one ``status``, when
        given): columns ``by``, ``value`` (the count, as a float), ``claims``; most first."""
        if self.counted is not None and not metric and status is None and not self.dated and by in LIST_FILTERS:
            found = self.counted(by, self.state)
            if self.national is not None:
                found = {k: n for k, n in found.items() if (k == NATIONAL) == self.national}
            return _count_frame(by, list(found.items()))
        where = self._where()
        if status is not None:
            where.append(claims.c.status == status)
        if metric:
            unit = self.unit(metric, status)
            where += [claims.c.metric == metric, claims.c.unit == (unit or "")]
        group = claims.c[by]
        query = sa.select(group, sa.func.count()).where(*where).group_by(group)
        with self.engine.connect() as conn:
            rows = [(str(k), int(n)) for k, n in conn.execute(query)]
        return _count_frame(by, rows)

    def latest_by(self, metric: str, by: str) -> pd.DataFrame:
        """The most recently published value of ``metric`` per value of ``by``: columns ``by``, ``value``,
        ``published``, ``document``, ``title``, ``source``, ``status``, ``claims`` (rows of the group).
        Only the main unit; undated claims lose to dated ones; on the same date a reported value wins
        over a planned one (then the later article). Largest value first."""
        columns = list(dict.fromkeys([by, "value", "published", "document", "title", "source", "status", "claims"]))
        unit = self.unit(metric)
        if unit is None:
            return pd.DataFrame(columns=columns)
        c = claims.c
        group = c[by]
        where = [*self._where(), c.metric == metric, c.unit == unit, c.value.is_not(None)]
        # first each group's newest date and size (one pass), then only the claims of that date are ranked
        newest = (
            sa.select(group.label("grp"), sa.func.max(c.published).label("newest"), sa.func.count().label("n"))
            .where(*where)
            .group_by(group)
            .subquery()
        )
        rank = sa.over(
            sa.func.row_number(),
            partition_by=group,
            order_by=(
                sa.case((c.status == REPORTED, 1), else_=0).desc(),
                c.document.desc(),
                c.article_id.desc(),
                c.id.desc(),
            ),
        )
        ranked = (
            sa.select(
                group.label("grp"),
                c.value,
                c.published,
                c.document,
                c.title,
                c.source,
                c.status,
                newest.c.n,
                rank.label("rn"),
            )
            .select_from(claims.join(newest, sa.and_(group == newest.c.grp, c.published == newest.c.newest)))
            .where(*where)
            .subquery()
        )
        picked = ("grp", "value", "published", "document", "title", "source", "status", "n")
        query = sa.select(*(ranked.c[k] for k in picked)).where(ranked.c.rn == 1)
        with self.engine.connect() as conn:
            raw = pd.DataFrame([tuple(r) for r in conn.execute(query)], columns=list(picked))
        if raw.empty:
            return pd.DataFrame(columns=columns)
        out = pd.DataFrame({by: raw["grp"].astype(str), "value": raw["value"].astype(float)})
        for column in ("published", "document", "title", "source", "status"):
            out[column] = raw[column].fillna("").astype(str)  # by «published», the group is its date
        out["claims"] = raw["n"].astype(int)
        return out.sort_values(["value", by], ascending=[False, True], kind="stable").reset_index(drop=True)

    def _reasons(self, metric: str, unit: str, by: str | None) -> sa.CTE:
        """Every claim of ``metric`` with why a sum leaves it out (``reason``, '' when it counts), save
        for restatements (equal repeats are found here)."""
        c = claims.c
        group = c[by] if by else sa.literal("", sa.Text)
        first = sa.case(
            (c.unit != unit, "other_unit"),
            (sa.or_(c.value.is_(None), c.value > _FINITE, c.value < -_FINITE), "no_value"),
            (c.status.not_in([REPORTED, PLANNED]), "unknown_status"),
            else_="",
        )
        base = (
            sa.select(
                c.id,
                c.article_id,
                c.document,
                c.value,
                c.status,
                c.period,
                c.province,
                c.program,
                c.published,
                group.label("grp"),
                first.label("r1"),
            )
            .where(*self._where(), c.metric == metric)
            .subquery()
        )
        b = base.c
        keys = (b.r1, b.document, b.status, b.grp)
        top = sa.over(sa.func.max(b.value), partition_by=keys)
        whole = sa.over(sa.func.sum(b.value), partition_by=keys)
        size = sa.over(sa.func.count(), partition_by=keys)
        first_of_value = sa.over(sa.func.row_number(), partition_by=(*keys, b.value), order_by=(b.article_id, b.id))
        is_part = sa.and_(
            size > 1, top >= (whole - top) * (1 - FIT_SLACK), sa.not_(sa.and_(b.value == top, first_of_value == 1))
        )
        second = sa.case((b.r1 != "", b.r1), (is_part, "part"), (b.period == "cumulative", "cumulative"), else_="")
        staged = sa.select(base, second.label("r2")).subquery()
        s = staged.c
        undated_last = sa.case((s.published == "", "9999"), else_=s.published)
        earlier = sa.over(
            sa.func.row_number(),
            partition_by=(s.r2, s.status, s.province, s.program, s.value),
            order_by=(undated_last, s.document, s.article_id, s.id),
        )
        reason = sa.case((s.r2 != "", s.r2), (earlier > 1, "repeat"), else_="")
        return sa.select(
            s.id,
            s.article_id,
            s.document,
            s.value,
            s.status,
            s.province,
            s.program,
            s.grp,
            undated_last.label("date"),
            reason.label("reason"),
        ).cte("reasons")  # read twice by sum_by: computed once (a CTE used twice is materialised)

    def sum_by(self, metric: str, by: str | None) -> SumResult:
        """The honest sums of ``metric`` per value of ``by`` (one group ``""`` when ``by`` is None).

        One statement reads the claims of the metric once: how many each reason leaves out, and the claims
        a sum keeps (the first of each figure); the restatements among those are found here, in the order
        the claims were published, and the kept ones summed per group.
        """
        name = by or "group"
        unit = self.unit(metric)
        if unit is None:
            return SumResult(sum_table(pd.DataFrame(), name), {}, None)
        reasons = self._reasons(metric, unit, by)
        r = reasons.c
        nothing = sa.null()
        left = (
            sa.select(
                r.reason,
                r.status,
                *(sa.cast(nothing, sa.Text) for _ in range(2)),
                sa.cast(nothing, sa.Float),
                *(sa.cast(nothing, sa.Text) for _ in range(3)),
                sa.cast(nothing, sa.Integer),
                sa.cast(nothing, sa.Integer),
                sa.func.count(),
            )
            .where(r.reason != "")
            .group_by(r.reason, r.status)
        )
        kept = sa.select(
            r.reason,
            r.status,
            r.province,
            r.program,
            r.value,
            r.grp,
            r.date,
            r.document,
            r.article_id,
            r.id,
            sa.literal(1, sa.Integer),
        ).where(r.reason == "")
        columns = [
            "reason",
            "status",
            "province",
            "program",
            "value",
            "group",
            "date",
            "document",
            "article_id",
            "id",
            "n",
        ]
        with self.engine.connect() as conn:
            rows = pd.DataFrame([tuple(x) for x in conn.execute(sa.union_all(left, kept))], columns=columns)
        left_out: dict[str, int] = {}
        for reason, status, n in rows.loc[rows["reason"] != "", ["reason", "status", "n"]].itertuples(index=False):
            key = left_out_key(str(reason), str(status))
            left_out[key] = left_out.get(key, 0) + int(n)
        counted = rows[rows["reason"] == ""].sort_values(["date", "document", "article_id", "id"], kind="stable")
        crowd = counted.groupby(["status", "province", "program"])["id"].transform("size")
        candidates = counted[crowd > 1]
        min_sig = int(load_check_config().number(None, "restatement_min_significant_digits"))
        pairs = [
            ((s, p, g), float(v))
            for s, p, g, v in candidates[["status", "province", "program", "value"]].itertuples(index=False)
        ]
        again = candidates.index[restated(pairs, min_sig)]
        for status in counted.loc[again, "status"]:
            key = left_out_key("repeat", str(status))
            left_out[key] = left_out.get(key, 0) + 1
        summed = counted.drop(index=again).assign(value=lambda d: d["value"].astype(float))
        sums = summed.groupby(["group", "status"], sort=False).agg(value=("value", "sum"), claims=("value", "size"))
        return SumResult(sum_table(sums.reset_index(), name), left_out, unit)
