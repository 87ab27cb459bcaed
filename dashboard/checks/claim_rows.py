"""A claims table made ready for comparison: required columns checked, dates parsed, periods read.

>>> df = pd.DataFrame([{"document": "a.txt", "value": "445", "unit": "count", "metric": "funds",
...                     "program": "qard_al_hasan_funds", "province": "Qazvin", "published": "2022-11-20",
...                     "quote": "تا امروز ۴۴۵ صندوق راه‌اندازی کردیم", "mention": "۴۴۵"}])
>>> row = prepare_claims(df).iloc[0]
>>> float(row["value"]), row["period"], str(row["date"].date())
(445.0, 'cumulative', '2022-11-20')
"""

from __future__ import annotations

import pandas as pd

from dashboard.checks.claim_text import claim_clause, mention_positions
from dashboard.checks.cue_words import cue_words
from dashboard.extract.periods import effective_period, is_cumulative
from dashboard.lang.check_config import load_check_config
from dashboard.lang.errors import UserError
from dashboard.lang.persian import fold_text

REQUIRED_COLUMNS = ("document", "value", "unit", "metric", "program", "province")
TEXT_COLUMNS = (
    "status",
    "published",
    "source",
    "metric_fa",
    "qualifier",
    "mention",
    "quote",
    "period",
    "title",
    "url",
    "speaker",
    "province_basis",
)


def records(df: pd.DataFrame) -> list[dict]:
    """The rows as plain dicts (faster than ``DataFrame.to_dict`` on Arrow-backed strings).

    >>> records(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
    [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}]
    """
    columns = [str(c) for c in df.columns]
    rows = zip(*(df[c].tolist() for c in df.columns), strict=True)
    return [dict(zip(columns, values, strict=True)) for values in rows]


def prepare_claims(claims: pd.DataFrame, where: str = "claims table") -> pd.DataFrame:
    """A copy with every column the checks read, ``date`` (Timestamp or NaT), ``period`` read from
    the words when the extractor left it empty, ``cumulative`` (bool) for comparisons and
    ``per_item`` (bool) for per-item amounts, averages and caps («هر واحد ۵۸۰ میلیون تومان»).

    A table without the required columns raises :class:`UserError` naming ``where``.
    """
    if not isinstance(claims, pd.DataFrame):
        raise UserError(f"{where}: expected a table of claims, got {type(claims).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in claims.columns]
    if missing:
        raise UserError(f"{where}: missing column(s) {', '.join(missing)}")
    df = claims.copy().reset_index(drop=True)
    for column in TEXT_COLUMNS:
        if column not in df:
            df[column] = ""
        df[column] = df[column].fillna("").astype(str)
    for column in ("document", "unit", "metric", "program", "province"):
        df[column] = df[column].fillna("").astype(str)
    for column in ("start", "end"):
        df[column] = pd.to_numeric(df[column], errors="coerce").fillna(-1).astype(int) if column in df else -1
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    df = df[df["value"].notna()].reset_index(drop=True)
    df["value"] = df["value"].astype(float)
    df["date"] = pd.to_datetime(df["published"].str.strip().str[:10], errors="coerce", format="%Y-%m-%d")
    clauses = [claim_clause(row) for row in records(df)]
    df["extractor_period"] = df["period"]
    df["period"] = [effective_period(p, c) for p, c in zip(df["extractor_period"], clauses, strict=True)]
    df["cumulative"] = [is_cumulative(p, c) for p, c in zip(df["extractor_period"], clauses, strict=True)]
    df["per_item"] = [is_per_item(c, m) for c, m in zip(clauses, df["mention"], strict=True)]
    return df


def is_per_item(clause: str, mention: str) -> bool:
    """Whether the words just before the figure make it a per-item amount, an average or a cap.

    >>> is_per_item("هر واحد ۶۰ متری به طور میانگین ۵۸۰ میلیون تومان هزینه دارد", "۵۸۰ میلیون تومان")
    True
    >>> is_per_item("۴۴۵ صندوق راه‌اندازی شد", "۴۴۵")
    False
    """
    config = load_check_config()
    found = mention_positions(clause, mention)
    if not found:
        return False
    window = int(config.number(None, "per_item_window_words"))
    lead = " ".join(fold_text(clause[: found[0]]).split()[-window:])
    return cue_words(config, None, "per_item_words").search(lead) is not None
