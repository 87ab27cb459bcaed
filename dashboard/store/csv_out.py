"""The one CSV writer: every CSV the product writes (claims, findings, extractions) goes through here.

- A text cell that a spreadsheet would run as a formula (it starts with ``= + - @``, a tab or a
  carriage return) is written with a leading ``'``, so it shows as text.
- Numbers are plain decimals (``6500000000000``, ``2.5``), never ``6.5e+12``.
- A file is written to a temporary file beside it and renamed over the target, so a full disk or
  a crash never leaves a truncated CSV: the target is either the old file or the whole new one.

>>> import pandas as pd
>>> frame = pd.DataFrame([{"document": "=1+1.txt", "value": 6.5e12, "quote": "-۱۲ درصد"}])
>>> csv_bytes(frame, numeric={"value"}, bom=False).decode().splitlines()[1]
"'=1+1.txt,6500000000000,'-۱۲ درصد"
"""

from __future__ import annotations

import csv
import errno
import io
import math
import os
import sys
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from dashboard.lang.errors import UserError

# Characters that make a spreadsheet treat a cell as a formula (tab and CR too, per OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STDOUT = "-"


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


def csv_bytes(df: pd.DataFrame, *, numeric: Collection[str] = (), bom: bool = True) -> bytes:
    """``df`` as CSV bytes (UTF-8, with a byte-order mark unless ``bom`` is False): a header row,
    the ``numeric`` columns as plain decimals, every other cell through :func:`safe_cell`."""
    columns = [str(c) for c in df.columns]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    formatters = [plain_number if c in numeric else safe_cell for c in columns]
    for row in df.itertuples(index=False, name=None):
        writer.writerow([fmt(cell) for fmt, cell in zip(formatters, row, strict=True)])
    return buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return exc.strerror or str(exc)


def write_file(data: bytes, target: str | Path) -> None:
    """Write ``data`` to ``target`` whole or not at all (``"-"`` is stdout).

    The bytes go to a temporary file in the target's folder, are flushed to disk, and the file
    is renamed over the target. Any failure removes the temporary file and raises a
    :class:`UserError` naming the target: ``cannot write out/claims.csv: the disk is full``.
    """
    if str(target) == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name for the CSV")
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        raise UserError(f"cannot write {path}: {_reason(exc)}") from None
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def write_csv(df: pd.DataFrame, target: str | Path, *, numeric: Collection[str] = (), bom: bool = True) -> None:
    """:func:`csv_bytes` of ``df`` written by :func:`write_file`."""
    write_file(csv_bytes(df, numeric=numeric, bom=bom), target)
