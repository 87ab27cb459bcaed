"""Comparing and writing out figures: rounded restatements and the arithmetic in messages.

>>> is_restatement(123000, 123182, min_significant=2)
True
>>> is_restatement(5000, 5450, min_significant=2)  # one significant digit: too coarse to tell
False
>>> is_restatement(5000, 5450, min_significant=1, min_step=100)  # a headline may round to one digit
True
>>> arithmetic([3000, 2450], 5450, "count", "en")
'3,000 + 2,450 = 5,450'
>>> arithmetic([3000, 2450], 6000, "count", "fa")
'۳٬۰۰۰ + ۲٬۴۵۰ = ۵٬۴۵۰ ≠ ۶٬۰۰۰'
"""

from __future__ import annotations

import math

from dashboard.lang.formatting import format_value


def significant_digits(value: float) -> int:
    """Digits of ``value`` without leading or trailing zeros: 123000 has 3, 5450 has 3, 2.5 has 2."""
    if value == 0 or not math.isfinite(value):
        return 0
    value = abs(value)
    if value == int(value):
        return len(str(int(value)).rstrip("0"))
    return len(f"{value:.6f}".rstrip("0").replace(".", "").lstrip("0"))


def rounding_step(value: float) -> float:
    """The power of ten the value is rounded to: 123000 gives 1000, 5450 gives 10, 2.5 gives 0.1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    step = 1.0
    while value % (step * 10) == 0 and step < 1e15:
        step *= 10
    if step == 1.0 and value != int(value):
        text = f"{value:.6f}".rstrip("0")
        step = 10.0 ** -(len(text.split(".")[1]))
    return step


def is_restatement(rounded: float, exact: float, *, min_significant: int, min_step: float = 0.0) -> bool:
    """Whether ``rounded`` restates ``exact`` at a coarser precision («۱۲۳ هزار» for ۱۲۳٬۱۸۲).

    The one rule of the extractor (which folds a restatement into its claim) and the checks (which
    call two claims one figure). Equal values are restatements; otherwise both are positive,
    ``rounded`` has at least ``min_significant`` significant digits and is rounded to a step of at
    least ``min_step``, and ``exact`` lies within one rounding step of it and within a tenth of itself.

    >>> is_restatement(45, 45.3, min_significant=2), is_restatement(45, 45.3, min_significant=1, min_step=100)
    (True, False)
    """
    if rounded == exact:
        return True
    if rounded <= 0 or exact <= 0 or significant_digits(rounded) < min_significant:
        return False
    step = rounding_step(rounded)
    return step >= min_step and abs(exact - rounded) < step and abs(exact - rounded) / exact < 0.1


def same_figure(a: float, b: float, min_significant: int) -> bool:
    """Equal, or one a rounded restatement of the other."""
    return is_restatement(a, b, min_significant=min_significant) or is_restatement(
        b, a, min_significant=min_significant
    )


def show(value: float, unit: str, lang: str) -> str:
    """One figure as a reader expects it in ``lang`` (money in toman, power in kW/MW)."""
    return format_value(float(value), unit, lang)


def arithmetic(parts: list[float], total: float, unit: str, lang: str) -> str:
    """«a + b = s» and, when ``s`` differs from ``total``, «≠ total»; one part alone gives «a ≠ total».

    >>> arithmetic([150], 10, "count", "en")
    '150 ≠ 10'
    """
    result = sum(parts)
    text = " + ".join(show(p, unit, lang) for p in parts)
    if len(parts) > 1:
        text += " = " + show(result, unit, lang)
    if not math.isclose(result, total, rel_tol=1e-9):
        text += " ≠ " + show(total, unit, lang)
    return text
