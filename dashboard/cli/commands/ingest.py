"""``python -m dashboard ingest PATH...``: store the claims of folders, files and archives of articles.

    python -m dashboard ingest news/ batch.jsonl archive.zip --db data/claims.sqlite

Prints how many articles were new, unchanged, replaced, skipped or duplicates, the claims
stored, one line per problem (a file or record that could not be read, an article the
extractor failed on), one per duplicate (the same text under two names, stored once) and one
per note (stored, but not as given: bad bytes replaced, an absurd figure left out). Exits 1
when anything was skipped or noted, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.lang.errors import UserError
from dashboard.lang.paths import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ingest`` command."""
    parser = subparsers.add_parser(
        "ingest",
        help="store the claims of article files and folders in the database",
        description="Read articles (txt, html, jsonl, csv, zip; files or folders), extract their claims on all "
        "cores and store each article once. Feeding the same files again adds nothing; a changed article "
        "replaces its claims. Exit 1 when any input or article was skipped.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or zip archives")
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
    parser.add_argument("--workers", type=int, metavar="N", help="extraction processes (default: all cores)")
    parser.add_argument("--max-mb", type=float, default=20.0, metavar="N", help="skip files larger than N MB (20)")
    parser.add_argument("--if-empty", action="store_true", help="do nothing when the database already has articles")
    parser.add_argument("--quiet", action="store_true", help="no progress line and no report; problems still shown")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check the options, ingest, print the report; the exit code says whether anything was skipped."""
    from dashboard.store import database as store
    from dashboard.store.ingest import ingest

    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers must be 1 or more, not {args.workers}")
    if args.max_mb <= 0:
        raise UserError(f"--max-mb must be more than 0, not {args.max_mb:g}")
    missing = [p for p in args.paths if not Path(p).exists()]
    if len(missing) == len(args.paths):  # one mistyped path among others is reported by the ingest
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    if args.if_empty:
        conn = store.connect(args.db)
        try:
            stored = store.counts(conn)["articles"]
        finally:
            conn.close()
        if stored:
            if not args.quiet:
                print(f"database already holds {stored} articles; nothing ingested")
            return 0
    report = ingest(
        args.paths,
        args.db,
        workers=args.workers,
        max_bytes=int(args.max_mb * 2**20),
        progress=False if args.quiet else None,
    )
    if args.quiet:
        for line in [*report.problems, *report.notes]:
            print(line, file=sys.stderr)
    else:
        print("\n".join(report.summary_lines()))
        print(f"took {report.seconds:.1f} s")
    return 0 if report.clean else 1
