"""Benchmark: extraction against hazm's own normalizer and tokenizers on the same texts.

Reads the real articles of ``../shared/corpus/wild`` (or, with ``--source written``, at least 600
articles made by varying the written corpus and the seeds: numbers shifted, paragraphs reordered),
then times, in one run:

* ``extract``: the whole claim extraction of every article;
* ``hazm``: ``Normalizer.normalize`` + ``SentenceTokenizer.tokenize`` + ``WordTokenizer.tokenize`` of
  every article (one instance of each).

Prints both times and their ratio (floor: <= 1.0; goal: 0.5). Each side is timed on a
warm process (imports, lexicons and hazm objects are built before the clock starts), best
of alternating rounds, so the ratio is comparable across runs on a noisy machine.

usage: python tests/bench/bench_extract.py [--articles N] [--shared DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from dashboard.extract.pipeline import extract_article  # noqa: E402
from dashboard.read.article import Article  # noqa: E402
from dashboard.read.inputs import iter_articles  # noqa: E402

DIGITS = re.compile(r"[0-9۰-۹]+")


def _vary(text: str, rng: random.Random) -> str:
    """Shift every digit run a little and shuffle the middle paragraphs."""

    def shift(m: re.Match[str]) -> str:
        s = m.group()
        persian = any("۰" <= c <= "۹" for c in s)
        value = int(s.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))) + rng.randint(0, 9)
        out = str(value)
        return out.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) if persian else out

    paragraphs = DIGITS.sub(shift, text).split("\n\n")
    middle = paragraphs[2:-1]
    rng.shuffle(middle)
    return "\n\n".join(paragraphs[:2] + middle + paragraphs[-1:])


def build_corpus(shared: Path, n: int, source: str = "wild") -> list[Article]:
    """At least ``n`` articles: real news from ``corpus/wild`` (``source="wild"``), or the written
    corpus and the seeds, varied («written»)."""
    if source == "wild":
        wild = [a for a in iter_articles([shared / "corpus" / "wild"]) if isinstance(a, Article)]
        return (wild * (n // max(1, len(wild)) + 1))[:n]
    base = [a for a in iter_articles([shared / "corpus" / "dev", REPO / "seeds"]) if isinstance(a, Article)]
    rng = random.Random(1402)
    corpus = []
    while len(corpus) < n:
        for a in base:
            corpus.append(Article(f"{len(corpus)}_{a.document}", _vary(a.text, rng), a.path, a.title, a.published))
    return corpus[:n]


def _best_of(rounds: int, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1451)
    parser.add_argument("--source", choices=("wild", "written"), default="wild", help="real news or written texts")
    parser.add_argument("--rounds", type=int, default=5, help="alternating timed rounds of each side")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()

    corpus = build_corpus(args.shared, args.articles, args.source)
    mb = sum(len(a.text.encode("utf-8")) for a in corpus) / 1e6

    import hazm

    # One instance of each, built before the clock starts: hazm's module-level word_tokenize()
    # builds a new WordTokenizer (and reloads its lexicon) on every call.
    normalizer = hazm.Normalizer()
    sentences = hazm.SentenceTokenizer()
    words = hazm.WordTokenizer()

    def run_hazm() -> None:
        for a in corpus:
            normalized = normalizer.normalize(a.text)
            for sentence in sentences.tokenize(normalized):
                words.tokenize(sentence)

    def run_extract() -> None:
        for a in corpus:
            extract_article(a)

    run_extract()  # warm: lexicons, hazm's lists, caches
    run_hazm()
    # Alternate the two so both see the same machine load; keep the best round of each.
    t_extract = t_hazm = float("inf")
    for _ in range(args.rounds):
        t_extract = min(t_extract, _best_of(1, run_extract))
        t_hazm = min(t_hazm, _best_of(1, run_hazm))
    ratio = t_extract / t_hazm
    lines = [
        f"source={args.source} articles={len(corpus)} text={mb:.2f} MB",
        f"extract: {t_extract:.3f} s ({len(corpus) / t_extract:.0f} articles/s)",
        f"hazm normalize+sent_tokenize+word_tokenize: {t_hazm:.3f} s",
        f"ratio extract/hazm = {ratio:.2f} (floor 1.0, goal 0.5)",
    ]
    print("\n".join(lines))
    out = REPO / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "extract.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0 if ratio <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
