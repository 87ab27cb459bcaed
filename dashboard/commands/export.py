"""``python -m dashboard export --csv FILE``: every stored claim as one CSV file.

    python -m dashboard export --csv claims.csv

UTF-8 with BOM; the spec's columns first, then the product's, then provenance (the
article's ``path``, its ``ingested_at`` and the ``claim_id``). Same format as the
dashboard's download (:func:`dashboard.export.claims_csv_bytes`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.errors import UserError


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
    from dashboard.export import claims_csv_bytes

    if args.db is not None and not Path(args.db).is_file():
        raise UserError(f"{args.db}: no such database file")
    conn = store.connect(args.db)
    try:
        frame = store.export_frame(conn)
    finally:
        conn.close()
    data = claims_csv_bytes(frame)
    if args.csv == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    target = Path(args.csv)
    if target.is_dir():
        raise UserError(f"{target}: is a folder; give a file name for the CSV")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        raise UserError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    print(f"wrote {len(frame)} claims to {target}", file=sys.stderr)
    return 0
