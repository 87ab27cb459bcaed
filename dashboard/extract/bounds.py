"""Magnitudes no claim can have: a figure past them is a misreading or a typo, never a claim.

«۱۲٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ فرصت شغلی» reads as 1.2e19 jobs, more than a billion times the
people on Earth; summed with real figures it would swamp every chart. Such a figure is left out
of the claims table (so out of every sum) and the ingest and extract reports name it.

Each limit is far above the largest real figure of its unit (Iran's yearly budget is about 5e16
rials, its power plants about 9e10 W), so no true claim is refused.

>>> implausible({"value": 1.2e19, "unit": "count", "mention": "۱۲٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰"})
'«۱۲٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰» reads as 1.2e+19 count, past any real figure (at most 1e+12); not stored as a claim'
>>> implausible({"value": 6.5e13, "unit": "IRR"}) is None
True
"""

from __future__ import annotations

import math
from typing import Any

# The largest value a claim may have, per canonical unit (docs/claims.md).
LIMITS: dict[str, float] = {
    "count": 1e12,
    "IRR": 1e19,
    "USD": 1e14,
    "EUR": 1e14,
    "W": 1e13,
    "Wh": 1e16,
    "percent": 1e5,
    "ha": 1e9,
    "m2": 1e13,
    "tonne": 1e11,
    "m3": 1e13,
    "km": 1e8,
}
DEFAULT_LIMIT = 1e19  # units without their own limit


def implausible(claim: dict[str, Any]) -> str | None:
    """Why ``claim``'s value cannot be a claim (negative, not finite, past its unit's limit), or None."""
    value = claim.get("value")
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    unit = str(claim.get("unit") or "")
    limit = LIMITS.get(unit, DEFAULT_LIMIT)
    if math.isfinite(number) and 0 <= number <= limit:
        return None
    shown = claim.get("mention") or value
    return f"«{shown}» reads as {number:.2g} {unit}, past any real figure (at most {limit:.0e}); not stored as a claim"


def split_plausible(claims: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """The claims that can be claims, and one line for each figure left out.

    >>> kept, notes = split_plausible([{"value": 445, "unit": "count"}, {"value": -1, "unit": "count"}])
    >>> [c["value"] for c in kept], len(notes)
    ([445], 1)
    """
    kept: list[dict[str, Any]] = []
    notes: list[str] = []
    for claim in claims:
        why = implausible(claim)
        if why is None:
            kept.append(claim)
        else:
            notes.append(why)
    return kept, notes
