"""``python -m dashboard export --csv FILE``: every stored claim as one CSV file; ``--claimreview FILE``:
the rated claims as schema.org ClaimReview (JSON-LD).

    python -m dashboard export --csv claims.csv
    python -m dashboard export --claimreview reviews.jsonld --org "دیده‌بان آمار" --org-url https://example.org

UTF-8 with BOM; the spec's columns first, then the product's, then provenance (the
article's ``path``, its ``ingested_at`` and the ``claim_id``), then the claim's stable
``claim_key`` and its verdict (``verdict``, ``verdict_note``, ``verdict_url``, ``verdict_by``,
``verdict_at``). Same format as the dashboard's download (:func:`dashboard.store.export.claims_csv_bytes`).
"""

from __future__ import annotations

import argparse
import sys

from dashboard.lang.errors import UserError
from dashboard.lang.paths import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export",
        help="write every stored claim to a CSV file",
        description="Write every stored claim to CSV (UTF-8 with BOM): the spec's columns, the product's "
        "columns, then provenance (article path, ingested_at, claim_id). FILE '-' writes to stdout.",
    )
    parser.add_argument("--csv", metavar="FILE", help="the CSV file to write ('-' for stdout)")
    parser.add_argument("--claimreview", metavar="FILE", help="write the rated claims as ClaimReview JSON-LD")
    parser.add_argument("--org", help="the reviewing organisation (default: the one set in the app)")
    parser.add_argument("--org-url", help="the reviewing organisation's address (default: the one set in the app)")
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the CSV and/or the ClaimReview file; report how many claims went into each."""
    from dashboard.present.claimreview import claim_reviews, claimreview_bytes
    from dashboard.store import database as store
    from dashboard.store import reviews
    from dashboard.store.csv_out import STDOUT, write_file
    from dashboard.store.export import claims_csv_bytes

    if args.csv is None and args.claimreview is None:
        raise UserError("give --csv FILE, --claimreview FILE or both")
    conn = store.open_existing(args.db)
    try:
        frame = reviews.with_verdicts(conn, store.export_frame(conn))
        org = args.org if args.org is not None else reviews.setting(conn, reviews.REVIEWER_ORG)
        org_url = args.org_url if args.org_url is not None else reviews.setting(conn, reviews.REVIEWER_URL)
    finally:
        conn.close()
    if args.claimreview is not None:
        write_file(claimreview_bytes(frame, org, org_url), args.claimreview)
        if args.claimreview != STDOUT:
            print(
                f"wrote {len(claim_reviews(frame, org, org_url))} claim reviews to {args.claimreview}", file=sys.stderr
            )
    if args.csv is not None:
        write_file(claims_csv_bytes(frame), args.csv)
        if args.csv != STDOUT:
            print(f"wrote {len(frame)} claims to {args.csv}", file=sys.stderr)
    return 0
