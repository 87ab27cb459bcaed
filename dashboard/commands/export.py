"""``python -m dashboard export --csv FILE``: every stored claim as one CSV file.

    python -m dashboard export --csv claims.csv

UTF-8 with BOM; the spec's columns first, then the product's, then provenance (the
article's ``path``, its ``ingested_at`` and the ``claim_id``). Same format as the
dashboard's download (:func:`dashboard.export.claims_csv_bytes`).
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write every stored claim to a CSV file",
        description="Write every stored claim to CSV (UTF-8 with BOM): the spec's columns, the product's "
        "columns, then provenance (article path, ingested_at, claim_id). FILE '-' writes to stdout.",
    )
    parser.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write ('-' for stdout)")
    parser.add_argument("--db", metavar="FILE", help="database file (default: $CLAIMS_DB or data/claims.sqlite)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the CSV; report how many claims went into it."""
    from dashboard import store
    from dashboard.csv_out import STDOUT, write_file
    from dashboard.export import claims_csv_bytes

    conn = store.open_existing(args.db)
    try:
        frame = store.export_frame(conn)
    finally:
        conn.close()
    write_file(claims_csv_bytes(frame), args.csv)
    if args.csv == STDOUT:
        return 0
    print(f"wrote {len(frame)} claims to {args.csv}", file=sys.stderr)
    return 0
