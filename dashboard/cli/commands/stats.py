"""``python -m dashboard stats``: what the database holds.

    python -m dashboard stats --db data/claims.sqlite

Articles and claims stored, claims by province, program and metric, and the last ingest.
"""

from __future__ import annotations

import argparse

import sqlalchemy as sa

from dashboard.lang.paths import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``stats`` command."""
    parser = subparsers.add_parser(
        "stats",
        help="show how many articles and claims are stored, by province, program and metric",
        description="Show the articles and claims stored, claims by province, program and metric, and the last ingest.",
    )
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
    parser.set_defaults(func=run)


def _table(title: str, rows: list[tuple[str, int]]) -> list[str]:
    lines = [f"{title}:"]
    if not rows:
        return [*lines, "  (none)"]
    width = max(len(key or "(empty)") for key, _ in rows)
    lines.extend(f"  {key or '(empty)':<{width}}  {n:>7}" for key, n in rows)
    return lines


def stats_lines(conn: sa.Connection) -> list[str]:
    """The report as lines of text."""
    from dashboard.store import database as store

    totals = store.counts(conn)
    lines = [f"articles: {totals['articles']}", f"claims: {totals['claims']}"]
    for column in ("province", "program", "metric"):
        lines.extend(_table(f"claims by {column}", store.claim_counts_by(conn, column)))
    last = store.last_ingest(conn)
    if last is None:
        lines.append("last ingest: none")
    else:
        counts = last["counts"]
        state = f"finished {last['finished_at']}" if last["finished_at"] else "did not finish"
        lines.append(f"last ingest: started {last['started_at']}, {state}; paths: {' '.join(last['paths'])}")
        if counts:
            lines.append(
                f"  {counts.get('new', 0)} new, {counts.get('unchanged', 0)} unchanged, "
                f"{counts.get('replaced', 0)} replaced, {counts.get('skipped', 0)} skipped, "
                f"{counts.get('claims_stored', 0)} claims stored"
            )
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the report."""
    from dashboard.store import database as store

    conn = store.open_existing(args.db)
    try:
        print("\n".join(stats_lines(conn)))
    finally:
        conn.close()
    return 0
