"""``python -m dashboard reference FILE``: store an official reference table (CSV) beside the claims.

    python -m dashboard reference jobs_1402.csv --name "مرکز آمار: اشتغال استان‌ها"

Columns ``province, metric, period, value, unit, source, url`` (see :mod:`dashboard.store.references`).
Storing under a name already stored adds a new version; the latest one is used by ``check``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.lang.errors import UserError
from dashboard.lang.paths import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``reference`` command."""
    parser = subparsers.add_parser(
        "reference",
        help="store an official reference table (CSV) to set claims beside",
        description="Store an official reference table (CSV with province, metric, period, value, unit, source, "
        "url). The check command sets each claim beside the reference figure of the same place, metric and "
        "Jalali year (unverified_against_reference). Storing under an existing name adds a new version.",
    )
    parser.add_argument("file", metavar="FILE", help="the CSV file")
    parser.add_argument("--name", help="the table's name (default: the file's name)")
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read, check and store the table; say which version it became."""
    from dashboard.store import database as store
    from dashboard.store.references import save_reference

    source = Path(args.file)
    if not source.is_file():
        raise UserError(f"{source}: no such file")
    name = args.name or source.name
    conn = store.connect(args.db, create=args.db is None)  # a database named with --db must exist
    try:
        version, stored = save_reference(conn, name, source.read_bytes())
    finally:
        conn.close()
    print(f"{name}: version {version}" + ("" if stored else " (unchanged)"), file=sys.stderr)
    return 0
