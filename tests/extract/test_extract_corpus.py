"""The extractor measured with the shared scorer on the shared corpus and the seeds.

Floors: value F1 >= 0.95, full-claim F1 >= 0.85, published and source accuracy >= 0.95
on corpus/dev + seeds; on the seeds alone, every claim with every field right and no extra row.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_scorer import REPO, SCORER, SHARED, score

from dashboard.extract.pipeline import extract_paths

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
    scores, out = score(gold_path, pred)
    scores["report"] = out  # type: ignore[assignment]
    return scores


def test_dev_corpus_and_seeds_meet_the_floors(tmp_path: Path) -> None:
    s = _score(tmp_path, ["dev_gold.json", "seeds_gold.json"], [SHARED / "corpus" / "dev", REPO / "seeds"])
    report = s["report"]
    assert s["f1"] >= 0.95, report
    assert s["full_f1"] >= 0.85, report
    assert s["published"] >= 0.95, report
    assert s["source"] >= 0.95, report


def test_seeds_are_extracted_exactly(tmp_path: Path) -> None:
    s = _score(tmp_path, ["seeds_gold.json"], [REPO / "seeds"])
    report = s["report"]
    assert s["precision"] == 1.0 and s["recall"] == 1.0, report
    assert s["full_f1"] == 1.0, report
    assert s["source"] == 1.0 and s["published"] == 1.0, report


def test_seeds_in_repo_match_the_shared_originals() -> None:
    for original in (SHARED / "seeds").iterdir():
        assert (REPO / "seeds" / original.name).read_bytes() == original.read_bytes()
