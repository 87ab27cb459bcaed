"""The claims CSV: one format for ``python -m dashboard export`` and the dashboard's download.

UTF-8 with a byte-order mark (so spreadsheet programs read Persian right), a header row,
the spec's columns first in :data:`dashboard.extract.schema.CLAIM_COLUMNS` order, then any other
columns the frame carries (the store's export adds ``path``, ``ingested_at``,
``claim_id``). ``value`` is written as a plain decimal (``6500000000000``, ``2.5``).
Text cells that a spreadsheet would run as a formula are neutralised with a leading ``'``
(the one writer for every CSV: :mod:`dashboard.store.csv_out`).

>>> import pandas as pd
>>> df = pd.DataFrame([{"document": "a01.txt", "value": 6.5e12, "unit": "IRR", "quote": "=SUM(A1)"}])
>>> claims_csv_bytes(df).decode("utf-8-sig").splitlines()[1].split(",")[:3]
['a01.txt', '6500000000000', 'IRR']
>>> safe_cell("-۱۲ درصد")
"'-۱۲ درصد"
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.extract.schema import CLAIM_COLUMNS
from dashboard.store.csv_out import FORMULA_STARTS, csv_bytes, plain_number, safe_cell

__all__ = ["FORMULA_STARTS", "NUMERIC_COLUMNS", "claims_csv_bytes", "ordered_columns", "plain_number", "safe_cell"]

NUMERIC_COLUMNS = frozenset({"value", "start", "end", "claim_id", "article_id", "n_claims"})


def ordered_columns(columns: Sequence[str]) -> list[str]:
    """The spec's columns first (those present), then the others in their order."""
    present = list(columns)
    return [c for c in CLAIM_COLUMNS if c in present] + [c for c in present if c not in CLAIM_COLUMNS]


def claims_csv_bytes(df: pd.DataFrame, *, bom: bool = True) -> bytes:
    """The CSV file for a claims frame (any subset of rows, e.g. the dashboard's filtered view)."""
    columns = ordered_columns([str(c) for c in df.columns])
    return csv_bytes(df[columns], numeric=NUMERIC_COLUMNS, bom=bom)
