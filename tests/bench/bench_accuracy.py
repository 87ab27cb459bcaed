"""Benchmark: each field's accuracy on every scored set, in one run.

Extracts ``../shared/corpus/wild`` (the real sets' articles), ``../shared/corpus/dev`` and the
seeds once, scores them with the shared scorer against every gold set and prints one table: value
precision, recall and F1, full-claim F1, then the accuracy of metric, program, province, status,
published and source over the matched claims. A change to one step shows where it helps and
where it hurts.

usage: python tests/bench/bench_accuracy.py [--shared DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from shared_scorer import score  # noqa: E402

from dashboard.extract.pipeline import extract_paths  # noqa: E402

COLUMNS = ("precision", "recall", "f1", "full_f1", "metric", "program", "province", "status", "published", "source")


def gold_sets(shared: Path) -> dict[str, tuple[Path, str]]:
    """Each gold file and the extraction it is scored against (``wild`` or ``written``)."""
    sets = {"real_dev": (shared / "corpus" / "real_dev_gold.json", "wild")}
    for path in sorted((REPO / "tests" / "gold").glob("real_*_gold.json")):
        sets[path.stem.removesuffix("_gold")] = (path, "wild")
    sets["dev+seeds"] = (Path(), "written")
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        extractions = {
            "wild": [args.shared / "corpus" / "wild"],
            "written": [args.shared / "corpus" / "dev", REPO / "seeds"],
        }
        predictions = {}
        for name, paths in extractions.items():
            frame, _problems = extract_paths(paths)
            predictions[name] = work / f"{name}.csv"
            frame.to_csv(predictions[name], index=False, encoding="utf-8")
        written_gold = work / "dev_seeds_gold.json"
        written_gold.write_text(
            json.dumps(
                json.loads((args.shared / "corpus" / "dev_gold.json").read_text(encoding="utf-8"))
                + json.loads((args.shared / "corpus" / "seeds_gold.json").read_text(encoding="utf-8")),
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        lines = ["set".ljust(12) + "".join(c.rjust(10) for c in COLUMNS)]
        for name, (gold, extraction) in gold_sets(args.shared).items():
            scores, _report = score(written_gold if extraction == "written" else gold, predictions[extraction])
            lines.append(name.ljust(12) + "".join(f"{scores.get(c, float('nan')):10.3f}" for c in COLUMNS))
    print("\n".join(lines))
    out = REPO / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "accuracy.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
