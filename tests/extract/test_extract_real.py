"""The extractor on real news, measured with the shared scorer: a ratchet of floors per real set.

The real articles are read from ``../shared/corpus/wild`` (they are never copied into the repo); the
gold is ``../shared/corpus/real_dev_gold.json`` and our own ``tests/gold/real_*_gold.json``.
Raise a floor when the extractor gets better; never lower one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_scorer import REPO, SCORER, SHARED, score

from dashboard.extract.pipeline import extract_paths

WILD = SHARED / "corpus" / "wild" / "fars_news.jsonl"
GOLD = {
    "real_dev": SHARED / "corpus" / "real_dev_gold.json",
    "real_sample": REPO / "tests" / "gold" / "real_sample_gold.json",
    "real_holdout": REPO / "tests" / "gold" / "real_holdout_gold.json",
    "real_holdout2": REPO / "tests" / "gold" / "real_holdout2_gold.json",
    "real_holdout3": REPO / "tests" / "gold" / "real_holdout3_gold.json",
    "real_holdout4": REPO / "tests" / "gold" / "real_holdout4_gold.json",
}
# The scores reached so far on each set (value F1, full-claim F1, and each field's accuracy).
FLOORS = {
    "real_dev": {"f1": 0.96, "full_f1": 0.86, "province": 0.97, "status": 0.93, "metric": 0.98, "program": 0.99},
    "real_sample": {"f1": 0.96, "full_f1": 0.85, "province": 0.96, "status": 0.95, "metric": 0.97, "program": 0.99},
    "real_holdout": {"f1": 0.95, "full_f1": 0.85, "province": 0.93, "status": 0.97, "metric": 0.97, "program": 0.99},
    "real_holdout2": {"f1": 0.94, "full_f1": 0.81, "province": 0.95, "status": 0.92, "metric": 0.97, "program": 0.99},
    "real_holdout3": {"f1": 0.94, "full_f1": 0.86, "province": 0.95, "status": 0.98, "metric": 0.96, "program": 0.99},
    "real_holdout4": {"f1": 0.83, "full_f1": 0.74, "province": 0.94, "status": 0.95, "metric": 0.98, "program": 0.98},
}

pytestmark = pytest.mark.skipif(not (SCORER.exists() and WILD.exists()), reason="../shared/corpus/wild not found")


@pytest.fixture(scope="module")
def predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    frame, problems = extract_paths([WILD])
    assert not problems, problems
    path = tmp_path_factory.mktemp("real") / "claims.csv"
    frame.to_csv(path, index=False, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(GOLD))
def test_real_news_scores_stay_at_or_above_their_floors(name: str, predictions: Path) -> None:
    scores, report = score(GOLD[name], predictions)
    below = {k: (scores.get(k, 0.0), floor) for k, floor in FLOORS[name].items() if scores.get(k, 0.0) < floor}
    assert not below, f"{name}: below the floor (got, floor): {below}\n{report[-3000:]}"


def test_published_date_and_outlet_hold_on_real_news(predictions: Path) -> None:
    for name, gold in GOLD.items():
        scores, report = score(gold, predictions)
        assert scores.get("published", 1.0) >= 0.95 and scores.get("source", 1.0) >= 0.95, (name, report[-2000:])
