"""``python -m dashboard rate CLAIM_ID --verdict V``: a fact-checker's verdict on one stored claim.

    python -m dashboard rate 42 --verdict misleading --note "رقم سال ۱۴۰۱ است" --url https://example.org/check

``CLAIM_ID`` is the ``claim_key`` or the ``claim_id`` the CSV export carries. The verdict is
stored under the claim's stable key, so it survives ingesting the article again. ``claim_id`` is
the row number of the current export and may change when the article is ingested again;
scripts that keep ids for later should use ``claim_key``.
"""

from __future__ import annotations

import argparse
import sys

from dashboard.lang.paths import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``rate`` command."""
    from dashboard.store.reviews import VERDICTS

    parser = subparsers.add_parser(
        "rate",
        help="store a verdict on a claim (accurate, misleading, false, unverifiable)",
        description="Store a fact-checker's verdict on one stored claim, with a note, the evidence URL and "
        "who rated it. CLAIM_ID is the claim_id or claim_key of the CSV export. The verdict survives "
        "ingesting the article again, as long as the claim is still found.",
    )
    parser.add_argument(
        "claim",
        metavar="CLAIM_ID",
        help="the claim_key (stable) or claim_id (row of the current export) from the CSV export",
    )
    parser.add_argument("--verdict", required=True, choices=VERDICTS, help="the rating")
    parser.add_argument("--note", default="", help="why: what the evidence shows")
    parser.add_argument("--url", default="", help="the evidence's address (http:// or https://)")
    parser.add_argument("--by", default="", metavar="NAME", help="who rated it")
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Find the claim, store the verdict, say what was rated."""
    from dashboard.store import database as store
    from dashboard.store import reviews

    conn = store.connect(args.db, create=args.db is None)  # a database named with --db must exist
    try:
        claim = reviews.find_claim(conn, args.claim)
        key = reviews.claim_key(claim)
        reviews.rate(conn, key, claim["document"], args.verdict, note=args.note, url=args.url, reviewer=args.by)
    finally:
        conn.close()
    print(f"rated {claim['document']} «{claim['mention']}» ({key}): {args.verdict}", file=sys.stderr)
    return 0
