"""``python -m dashboard check --csv FILE``: the consistency findings over every stored claim.

    python -m dashboard check --csv findings.csv
    python -m dashboard check --csv findings.csv --db claims.sqlite

Writes one row per finding (UTF-8 with BOM; columns kind, documents, province, program,
metric, values, message, message_fa, message_en, quotes, basis_fa, basis_en, finding_key,
then the review: state, decision_note, decided_by, decided_at) and prints how many findings
of each kind were found. Findings a reviewer dismissed are left out unless ``--all``.
The checks and their thresholds: ``dashboard/checks/consistency.py`` and ``data/checks.yaml``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.lang.errors import UserError
from dashboard.lang.paths import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``check`` command."""
    parser = subparsers.add_parser(
        "check",
        help="find figures that do not add up across the stored claims",
        description="Check the stored claims for figures that do not add up: parts against their total "
        "(sum_mismatch), provinces against the national figure (province_exceeds_national), running totals "
        "that shrink (shrinking_total), count × size against a stated total (product_mismatch), power units "
        "used as energy (unit_misuse), old figures announced as new (repeated_claim) and claims that differ from "
        "a stored reference table (unverified_against_reference). Writes one CSV row "
        "per finding (UTF-8 with BOM) and prints a count per kind. FILE '-' writes the CSV to stdout.",
    )
    parser.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write ('-' for stdout)")
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
    parser.add_argument(
        "--all", action="store_true", help="include the findings a reviewer dismissed (left out by default)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run every check over the store, write the findings, print a count per kind."""
    from dashboard.checks.consistency import KINDS, find_issues
    from dashboard.store import database as store
    from dashboard.store.csv_out import write_csv

    target = None if args.csv == "-" else Path(args.csv)
    if target is not None and target.is_dir():
        raise UserError(f"{target}: is a folder; give a file name for the CSV")
    from dashboard.store.references import current_references
    from dashboard.store.reviews import with_decisions

    conn = store.open_existing(args.db)
    try:
        claims = store.claims_frame(conn)
        texts = store.article_texts(conn)  # by article id: two articles may share a base name
        references = current_references(conn)
        issues = with_decisions(conn, find_issues(claims, texts, references))
    finally:
        conn.close()
    if not getattr(args, "all", False):
        issues = issues[issues["state"] != "dismissed"].reset_index(drop=True)
    write_csv(issues, args.csv)
    report = sys.stderr if target is None else sys.stdout
    counts = issues["kind"].value_counts()
    for kind in KINDS:
        print(f"{kind}: {int(counts.get(kind, 0))}", file=report)
    where = "stdout" if target is None else str(target)
    print(f"wrote {len(issues)} findings from {len(claims)} claims to {where}", file=report)
    return 0
