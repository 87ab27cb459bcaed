"""The claims CSV: one format for ``python -m dashboard export`` and the dashboard's download.

UTF-8 with a byte-order mark (so spreadsheet programs read Persian right), a header row,
the spec's columns first in :data:`dashboard.schema.CLAIM_COLUMNS` order, then any other
columns the frame carries (the store's export adds ``path``, ``ingested_at``,
``claim_id``). ``value`` is written as a plain decimal (``6500000000000``, ``2.5``).
Text cells that a spreadsheet would run as a formula are neutralised with a leading ``'``.

>>> import pandas as pd
>>> df = pd.DataFrame([{"document": "a01.txt", "value": 6.5e12, "unit": "IRR", "quote": "=SUM(A1)"}])
>>> claims_csv_bytes(df).decode("utf-8-sig").splitlines()[1].split(",")[:3]
['a01.txt', '6500000000000', 'IRR']
>>> safe_cell("-۱۲ درصد")
"'-۱۲ درصد"
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from dashboard.schema import CLAIM_COLUMNS

# Characters that make a spreadsheet treat a cell as a formula (tab and CR too, per OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_COLUMNS = frozenset({"value", "start", "end", "claim_id", "article_id", "n_claims"})


def safe_cell(value: Any) -> str:
    """A text cell as written to CSV: empty for None/NaN, ``'`` prefixed when it starts like a formula.

    >>> safe_cell("=HYPERLINK(\\"x\\")")
    '\\'=HYPERLINK("x")'
    >>> safe_cell("۵۸۲ صندوق"), safe_cell(None)
    ('۵۸۲ صندوق', '')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_number(value: Any) -> str:
    """A number as a plain decimal without exponent; empty for None/NaN.

    >>> plain_number(180643.0), plain_number(2.5), plain_number(6.5e12), plain_number(1e-7)
    ('180643', '2.5', '6500000000000', '0.0000001')
    """
    if value is None or value == "":
        return ""
    number = float(value)
    if math.isnan(number):
        return ""
    if number.is_integer() and abs(number) < 1e18:
        return str(int(number))
    return np.format_float_positional(number, trim="-")


def ordered_columns(columns: Sequence[str]) -> list[str]:
    """The spec's columns first (those present), then the others in their order."""
    present = list(columns)
    return [c for c in CLAIM_COLUMNS if c in present] + [c for c in present if c not in CLAIM_COLUMNS]


def claims_csv_bytes(df: pd.DataFrame) -> bytes:
    """The CSV file for a claims frame (any subset of rows, e.g. the dashboard's filtered view)."""
    columns = ordered_columns([str(c) for c in df.columns])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    formatters = [plain_number if c in NUMERIC_COLUMNS else safe_cell for c in columns]
    for row in df[columns].itertuples(index=False, name=None):
        writer.writerow([fmt(cell) for fmt, cell in zip(formatters, row, strict=True)])
    return buffer.getvalue().encode("utf-8-sig")
