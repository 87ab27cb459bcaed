"""``python -m dashboard extract PATH... --csv FILE``: claims of articles to CSV, without storing them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.lang.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``extract`` command."""
    parser = sub.add_parser(
        "extract",
        help="extract the claims of articles into a CSV file (nothing is stored)",
        description="Read Persian news articles (.txt, .html, .jsonl, .csv, .zip; files or folders) and write "
        "one row per claim: the spec's columns first, then quote, offsets, speaker and the rest.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--csv", required=True, metavar="FILE", help="where to write the claims (UTF-8)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract, write the CSV, report unreadable inputs; exit 1 when any input was skipped."""
    from dashboard.extract.pipeline import extract_paths
    from dashboard.store.csv_out import write_file
    from dashboard.store.export import claims_csv_bytes

    missing = [p for p in args.paths if not Path(p).exists()]
    if len(missing) == len(args.paths):
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    frame, problems = extract_paths(args.paths)
    out = Path(args.csv)
    write_file(claims_csv_bytes(frame, bom=False), out)
    for problem in problems:
        print(f"{'note' if problem.kept else 'skipped'}: {problem}", file=sys.stderr)
    documents = frame["document"].nunique() if len(frame) else 0
    print(f"{len(frame)} claims from {documents} documents written to {out}", file=sys.stderr)
    return 1 if problems else 0
