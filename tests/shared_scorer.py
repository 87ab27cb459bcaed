"""Run the shared scorer (``../shared/tools/score_claims.py``) and read its figures, for the accuracy tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_claims.py"


def score(gold: Path, predictions: Path) -> tuple[dict[str, float], str]:
    """The scorer's figures for one gold file, and its report with the errors.

    Keys: ``precision``, ``recall``, ``f1`` (value), ``full_f1`` (every field right), and one per field
    accuracy (``province``, ``status``, ``published``...).
    """
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(predictions), "--show-errors"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    last = out.splitlines()[-1]
    value = re.search(r"precision=([0-9.]+) recall=([0-9.]+) f1=([0-9.]+);", last)
    scores = {"precision": float(value.group(1)), "recall": float(value.group(2)), "f1": float(value.group(3))}
    scores.update({k: float(v) for k, v in re.findall(r"^(\w+)_accuracy=([0-9.]+)", out, re.M)})
    scores["full_f1"] = float(re.search(r"full-claim f1=([0-9.]+)", last).group(1))
    return scores, out
