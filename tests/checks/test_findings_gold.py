"""The findings gold (``tests/gold/findings_gold.json``): on every shared set, each expected finding
is reported, no near miss is, and nothing else is (no false finding).

The sets are read at run time from ``../shared`` (the seeds, the written corpus and the real Fars
articles named by ``real_dev_gold.json`` and our ``real_sample_gold.json`` and
``real_holdout_gold.json``); nothing of the real articles is copied into the repo.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.checks.consistency import find_issues
from dashboard.extract.pipeline import extract_article
from dashboard.read.article import Article
from dashboard.read.inputs import iter_articles

REPO = Path(__file__).parents[2]
SHARED = REPO.parent / "shared"
GOLD = json.loads((REPO / "tests" / "gold" / "findings_gold.json").read_text(encoding="utf-8"))["sets"]
WILD = SHARED / "corpus" / "wild" / "fars_news.jsonl"
REAL_GOLD = {
    "real_dev": SHARED / "corpus" / "real_dev_gold.json",
    "real_sample": REPO / "tests" / "gold" / "real_sample_gold.json",
    "real_holdout": REPO / "tests" / "gold" / "real_holdout_gold.json",
}


def _documents(name: str) -> tuple[list[Path], set[str] | None]:
    if name == "seeds":
        return [SHARED / "seeds"], None
    if name == "dev":
        return [SHARED / "corpus" / "dev"], None
    gold = REAL_GOLD[name]
    return [WILD], {d["document"] for d in json.loads(gold.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def findings() -> dict[str, pd.DataFrame]:
    if not WILD.exists() or not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip("../shared corpus not found")
    out = {}
    for name in GOLD:
        paths, keep = _documents(name)
        rows, texts = [], {}
        for article in iter_articles(paths):
            if isinstance(article, Article) and (keep is None or article.document in keep):
                texts[article.document] = article.text
                rows.extend(extract_article(article))
        out[name] = find_issues(pd.DataFrame(rows), texts)
    return out


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_expected_finding_is_reported(name: str, findings: dict[str, pd.DataFrame]) -> None:
    got = {(r.kind, r.documents, r.values) for r in findings[name].itertuples()}
    missing = [f for f in GOLD[name]["found"] if (f["kind"], f["documents"], f["values"]) not in got]
    assert not missing, f"{name}: expected findings not reported: {missing}"


@pytest.mark.parametrize("name", sorted(GOLD))
def test_no_near_miss_and_no_other_finding_is_reported(name: str, findings: dict[str, pd.DataFrame]) -> None:
    expected = {(f["kind"], f["documents"], f["values"]) for f in GOLD[name]["found"]}
    near = {(f["kind"], f["documents"]) for f in GOLD[name]["near_misses"]}
    got = findings[name]
    reported_near = [(r.kind, r.documents) for r in got.itertuples() if (r.kind, r.documents) in near]
    assert not reported_near, f"{name}: near misses reported: {reported_near}"
    false = [
        (r.kind, r.documents, r.values) for r in got.itertuples() if (r.kind, r.documents, r.values) not in expected
    ]
    assert not false, f"{name}: findings not in the gold (false): {false}"


def test_every_cross_article_finding_says_why_the_figures_are_comparable(findings: dict[str, pd.DataFrame]) -> None:
    every = pd.concat(findings.values(), ignore_index=True)
    assert not every.empty
    for row in every.itertuples():
        assert row.basis_fa.startswith("چرا") and row.basis_en.startswith("Why"), row
    repeated = every[every["kind"] == "repeated_claim"].iloc[0]
    assert "بسیج سازندگی" in repeated["basis_fa"] and "Basij Construction Organization" in repeated["basis_en"]
