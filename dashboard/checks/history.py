"""One claim across outlets and years: its first appearance, every appearance, and its series.

Two rows are the same claim when they share province, program, metric and unit, their
values are equal or one is a rounded restatement of the other («۱۲۳ هزار» for ۱۲۳٬۱۸۲),
and they were published within one news cycle (``news_cycle_days`` in ``data/checks.yaml``).

>>> import pandas as pd
>>> rows = [
...     {"document": "a.txt", "value": 123182, "unit": "count", "metric": "jobs", "program": "general",
...      "province": "National", "published": "2023-11-20", "source": "ایسنا", "mention": "۱۲۳ هزار و ۱۸۲",
...      "quote": "۱۲۳ هزار و ۱۸۲ شغل ایجاد شد"},
...     {"document": "b.txt", "value": 123000, "unit": "count", "metric": "jobs", "program": "general",
...      "province": "National", "published": "2023-11-22", "source": "فارس", "mention": "۱۲۳ هزار",
...      "quote": "۱۲۳ هزار شغل ایجاد شد"},
... ]
>>> h = claim_history(pd.DataFrame(rows))
>>> h[["value", "first_document", "appearances", "documents", "sources"]].values.tolist()
[[123182.0, 'a.txt', 2, 'a.txt;b.txt', 'ایسنا;فارس']]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.checks.claim_rows import prepare_claims
from dashboard.checks.findings import plain_number
from dashboard.extract.figures import same_figure, significant_digits
from dashboard.lang.check_config import load_check_config

GROUP_COLUMNS = ("province", "program", "metric", "unit")
HISTORY_COLUMNS = (
    "claim_key",
    "province",
    "program",
    "metric",
    "unit",
    "value",
    "period",
    "first_published",
    "first_document",
    "last_published",
    "appearances",
    "documents",
    "sources",
    "quotes",
)
SERIES_COLUMNS = (
    "published",
    "value",
    "unit",
    "document",
    "source",
    "status",
    "period",
    "quote",
    "qualifier",
    "mention",
)


@dataclass
class _Cluster:
    rows: list[pd.Series] = field(default_factory=list)

    @property
    def value(self) -> float:
        return max((r["value"] for r in self.rows), key=significant_digits)

    @property
    def documents(self) -> set[str]:
        return {r["document"] for r in self.rows}

    def last_date(self) -> pd.Timestamp | None:
        dates = [r["date"] for r in self.rows if pd.notna(r["date"])]
        return max(dates) if dates else None

    def accepts(self, row: pd.Series, window: pd.Timedelta, min_sig: int) -> bool:
        if not same_figure(self.value, row["value"], min_sig):
            return False
        if row["document"] in self.documents:
            return True
        last = self.last_date()
        return pd.notna(row["date"]) and last is not None and abs(row["date"] - last) <= window


def _joined(values: list[str], sep: str) -> str:
    seen: list[str] = []
    for v in values:
        v = str(v).strip()
        if v and v not in seen:
            seen.append(v)
    return sep.join(seen)


def _iso(ts: pd.Timestamp | None) -> str:
    return "" if ts is None or pd.isna(ts) else ts.strftime("%Y-%m-%d")


def _summary(cluster: _Cluster) -> dict:
    rows = sorted(cluster.rows, key=lambda r: (pd.isna(r["date"]), r["date"] if pd.notna(r["date"]) else 0))
    first = rows[0]
    value = cluster.value
    periods = [r["period"] for r in rows if r["period"]]
    period = max(periods, key=periods.count) if periods else ""  # ties: the earliest report's
    dates = [r["date"] for r in rows if pd.notna(r["date"])]
    first_published = _iso(min(dates)) if dates else ""
    key_parts = [first["province"], first["program"], first["metric"], first["unit"], plain_number(value)]
    return {
        "claim_key": "|".join([*key_parts, first_published or first["document"]]),
        "province": first["province"],
        "program": first["program"],
        "metric": first["metric"],
        "unit": first["unit"],
        "value": value,
        "period": period,
        "first_published": first_published,
        "first_document": first["document"],
        "last_published": _iso(max(dates)) if dates else "",
        "appearances": len(cluster.documents),
        "documents": _joined([r["document"] for r in rows], ";"),
        "sources": _joined([r["source"] for r in rows], ";"),
        "quotes": _joined([r["quote"] for r in rows], "\n"),
    }


def claim_history(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per claim with its first and every appearance (columns :data:`HISTORY_COLUMNS`).

    ``documents`` and ``sources`` are ``;``-joined in order of publication, ``quotes``
    one per line. Undated rows join a claim only from the same document. Rows come in
    order of first publication, undated claims last.
    """
    config = load_check_config()
    window = pd.Timedelta(days=config.number(None, "news_cycle_days"))
    min_sig = int(config.number(None, "restatement_min_significant_digits"))
    df = prepare_claims(claims)
    if df.empty:
        return pd.DataFrame(columns=list(HISTORY_COLUMNS))
    df = df.sort_values(["date", "document", "start"], na_position="last", kind="stable")
    out: list[dict] = []
    for _, group in df.groupby(list(GROUP_COLUMNS), sort=True, dropna=False):
        clusters: list[_Cluster] = []
        for _, row in group.iterrows():
            home = next((c for c in clusters if c.accepts(row, window, min_sig)), None)
            if home is None:
                home = _Cluster()
                clusters.append(home)
            home.rows.append(row)
        out.extend(_summary(c) for c in clusters)
    history = pd.DataFrame(out, columns=list(HISTORY_COLUMNS))
    history["_undated"] = history["first_published"] == ""
    history = history.sort_values(["_undated", "first_published", "claim_key"], kind="stable")
    return history.drop(columns="_undated").reset_index(drop=True)


def series(claims: pd.DataFrame, province: str, program: str | None, metric: str) -> pd.DataFrame:
    """Every appearance of one group's figures over time (columns :data:`SERIES_COLUMNS`).

    ``program=None`` takes every program. ``period`` is ``cumulative`` (a running total:
    «تاکنون»، «در مجموع»), ``period`` (one period: «امسال»، «در یک سال») or ``''`` when the text
    does not say; it comes from the extractor and the cue words in ``data/period_cues.yaml``.
    Undated rows come last.
    """
    df = prepare_claims(claims)
    mask = (df["province"] == province) & (df["metric"] == metric)
    if program is not None:
        mask &= df["program"] == program
    picked = df[mask].sort_values(["date", "document", "start"], na_position="last", kind="stable")
    return picked[list(SERIES_COLUMNS)].reset_index(drop=True)
