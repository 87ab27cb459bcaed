"""What the dashboard's download buttons hand out: the CSV, its file name, and a README.

The CSV itself is :func:`dashboard.store.export.claims_csv_bytes` (UTF-8 with BOM, spec columns
first, provenance after, formula cells neutralised); this module picks the columns, names
the file after the filters and writes the metadata text that goes with it.

>>> from dashboard.store.claim_filter import FilterState
>>> import datetime as dt
>>> export_filename(FilterState(province=("Qazvin",), metric=("jobs",)), dt.date(2024, 11, 22))
'claims_province-Qazvin_metric-jobs_2024-11-22.csv'
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from dashboard.extract.schema import CLAIM_COLUMNS, SPEC_COLUMNS
from dashboard.lang.formatting import jalali_span
from dashboard.lang.i18n import t
from dashboard.store.claim_filter import FilterState
from dashboard.store.export import claims_csv_bytes
from dashboard.store.reviews import VERDICT_COLUMNS

PROVENANCE = ("path", "ingested_at", "claim_id")
# A fact-checker's verdict on each claim, after provenance (as in ``python -m dashboard export``).
REVIEW = ("claim_key", *VERDICT_COLUMNS)
MAX_NAME_PART = 40
ATTRIBUTION = "Province boundaries: © OpenStreetMap contributors, ODbL (https://www.openstreetmap.org/copyright)."


def _slug(text: str) -> str:
    """A file-name-safe piece: letters (any script), digits, ``+`` and ``-``; spaces become ``-``.

    >>> _slug("East Azerbaijan+Qom"), _slug("قرض/الحسنه?")
    ('East-Azerbaijan+Qom', 'قرضالحسنه')
    """
    text = re.sub(r"\s+", "-", text.strip())
    text = re.sub(r"[^\w+\-]", "", text)
    return text[:MAX_NAME_PART].strip("-_") or "x"


def export_filename(state: FilterState, today: dt.date, *, full: bool = False, ext: str = "csv") -> str:
    """``claims_<filter>-<value>_..._<date>.<ext>``; ``claims_all_<date>`` for the full table or no filter.

    >>> export_filename(FilterState(), dt.date(2024, 1, 2), ext="txt")
    'claims_all_2024-01-02.txt'
    >>> export_filename(FilterState(text="تبصره ۱۶", status=("planned",)), dt.date(2024, 1, 2))
    'claims_status-planned_text-تبصره-۱۶_2024-01-02.csv'
    """
    parts = ["claims"]
    active = [] if full else state.active()
    if not active:
        parts.append("all")
    parts.extend(f"{name}-{_slug(value)}" for name, value in active)
    parts.append(today.isoformat())
    return "_".join(parts) + f".{ext}"


def export_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The claim columns in the spec's order, then provenance and verdict columns the frame has; nothing internal."""
    columns = [c for c in (*CLAIM_COLUMNS, *PROVENANCE, *REVIEW) if c in df.columns]
    return df[columns]


def csv_bytes(df: pd.DataFrame) -> bytes:
    """The CSV download of ``df`` (see :func:`dashboard.store.export.claims_csv_bytes`)."""
    return claims_csv_bytes(export_columns(df))


def csv_from_chunks(chunks: Iterable[pd.DataFrame]) -> bytes:
    """One CSV download written a chunk of claims at a time (the BOM and header once), so the claims
    are never all in memory at once, only the file's bytes.

    >>> frame = pd.DataFrame({"document": ["a.txt"], "value": [12.0]})
    >>> csv_from_chunks([frame, frame]).decode("utf-8-sig").splitlines()
    ['document,value', 'a.txt,12', 'a.txt,12']
    """
    out = io.BytesIO()
    for i, chunk in enumerate(chunks):
        data = claims_csv_bytes(export_columns(chunk), bom=i == 0)
        out.write(data if i == 0 else data.split(b"\r\n", 1)[1])
    if not out.tell():
        out.write(csv_bytes(pd.DataFrame(columns=[*CLAIM_COLUMNS, *PROVENANCE, *REVIEW])))
    return out.getvalue()


def readme_text(
    view: Mapping[str, Any],
    state: FilterState,
    today: dt.date,
    *,
    full: bool = False,
    n_articles: int | None = None,
) -> str:
    """A short plain-text README to ship with a CSV: source, method, caveats, attribution, filters, rows.

    ``view`` holds the rows' number (``claims``) and first and last publication dates (``first``,
    ``last``: ISO, None when none is dated), as :func:`dashboard.store.claim_queries.key_figures` gives them.
    """
    first, last, rows = view.get("first"), view.get("last"), int(view.get("claims", 0))
    span = f"{first} .. {last}" if first and last else "none dated"
    span_fa = jalali_span(first, last, "en") if first and last else ""
    filters = "none (all claims)" if full or state.is_empty() else "; ".join(f"{k} = {v}" for k, v in state.active())
    lines = [
        "Officials' claimed figures in Persian news — data extract",
        "=" * 58,
        "",
        f"File: {export_filename(state, today, full=full)}",
        f"Created: {today.isoformat()}",
        f"Rows (claims): {rows}",
    ]
    if n_articles is not None:
        lines.append(f"Articles in the database: {n_articles}")
    lines += [
        f"Filters applied: {filters}",
        f"Publication dates: {span}" + (f" (Jalali {span_fa})" if span_fa else ""),
        "",
        "Source",
        "  Persian news articles added to this database (see the path and document columns).",
        "",
        "Method",
        "  Each figure an article states (a number with its unit and what it counts) was extracted",
        "  automatically: value in a canonical unit, metric, program, province, status (reported",
        "  or planned), the article's publication date and outlet, the speaker and the quote.",
        "",
        "Caveats",
        "  - These are claims as reported, not verified facts.",
        "  - Automatic extraction makes mistakes: check each figure against its quote and article.",
        "  - The same claim repeated in several articles appears once per article.",
        "  - Never add values of different metrics or units; money (unit IRR) is in rials",
        "    (1 toman = 10 rials).",
        "",
        "Columns",
        f"  Spec columns first: {', '.join(SPEC_COLUMNS)};",
        f"  then: {', '.join(c for c in CLAIM_COLUMNS if c not in SPEC_COLUMNS)};",
        f"  then provenance: {', '.join(PROVENANCE)};",
        f"  then the claim's stable key and its verdict: {', '.join(REVIEW)}.",
        "  UTF-8 with a byte-order mark; cells that start with = + - @ are prefixed with ' .",
        "",
        "Attribution",
        f"  {ATTRIBUTION}",
        "",
        t("readme_fa", "fa", rows=rows, filters="—" if full or state.is_empty() else filters),
    ]
    return "\n".join(lines)
