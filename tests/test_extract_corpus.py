"""The extractor measured with the shared scorer on the shared corpus and the seeds.

Floors: value F1 >= 0.95, full-claim F1 >= 0.85, published and source accuracy >= 0.95
on corpus/dev + seeds; on the seeds alone, every claim with every field right and no extra row.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.extract import extract_paths

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_claims.py"

pytestmark = pytest.mark.skipif(
    not SCORER.exists(), reason=f"{SCORER} not found (the shared folder sits beside the repo)"
)


def _score(tmp_path: Path, gold_files: list[str], inputs: list[Path]) -> dict[str, float]:
    gold = [doc for name in gold_files for doc in json.loads((SHARED / "corpus" / name).read_text(encoding="utf-8"))]
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    frame, problems = extract_paths(inputs)
    assert not problems, problems
    pred = tmp_path / "pred.csv"
    frame.to_csv(pred, index=False, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold_path), str(pred), "--show-errors"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    scores = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", out.splitlines()[-1])}
    scores.update({k: float(v) for k, v in re.findall(r"^(\w+_accuracy)=([0-9.]+)", out, re.M)})
    scores["full_f1"] = float(re.search(r"full-claim f1=([0-9.]+)", out).group(1))
    scores["report"] = out  # type: ignore[assignment]
    return scores


def test_dev_corpus_and_seeds_meet_the_floors(tmp_path: Path) -> None:
    s = _score(tmp_path, ["dev_gold.json", "seeds_gold.json"], [SHARED / "corpus" / "dev", REPO / "seeds"])
    report = s["report"]
    assert s["f1"] >= 0.95, report
    assert s["full_f1"] >= 0.85, report
    assert s["published_accuracy"] >= 0.95, report
    assert s["source_accuracy"] >= 0.95, report


def test_seeds_are_extracted_exactly(tmp_path: Path) -> None:
    s = _score(tmp_path, ["seeds_gold.json"], [REPO / "seeds"])
    report = s["report"]
    assert s["precision"] == 1.0 and s["recall"] == 1.0, report
    assert s["full_f1"] == 1.0, report
    assert s["source_accuracy"] == 1.0 and s["published_accuracy"] == 1.0, report


def test_seeds_in_repo_match_the_shared_originals() -> None:
    for original in (SHARED / "seeds").iterdir():
        assert (REPO / "seeds" / original.name).read_bytes() == original.read_bytes()
