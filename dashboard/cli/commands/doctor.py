"""``python -m dashboard doctor``: say whether the database is whole, and how to recover when it is not.

    python -m dashboard doctor --db data/claims.sqlite
    python -m dashboard doctor --db data/claims.sqlite --rescue rescued.sqlite

Runs SQLite's full ``integrity_check`` on the database (read-only: it never writes into it)
and prints its schema version, what it holds and, when it is damaged, the steps to recover:
``--rescue NEW`` copies every article that can still be read, with all its claims, into a new
database; ingesting the article folders into that one again restores the rest.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import sqlalchemy as sa

from dashboard.lang.errors import UserError
from dashboard.lang.paths import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``doctor`` command."""
    parser = subparsers.add_parser(
        "doctor",
        help="check the database for damage and say how to recover",
        description="Check the whole database file (SQLite integrity_check, read-only) and print its schema, "
        "what it holds and, when it is damaged, how to recover. --rescue NEW copies every article that can "
        "still be read, with its claims, into a new database. Exit 1 when the database is damaged.",
    )
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
    parser.add_argument("--rescue", metavar="NEW", help="copy every readable article into this new database file")
    parser.set_defaults(func=run)


def _holdings(conn: sa.Connection) -> str:
    from dashboard.store import database as store

    try:
        counts = store.counts(conn)
    except sa.exc.DBAPIError as exc:
        return f"cannot count what it holds ({exc})"
    return f"{counts['articles']} articles, {counts['claims']} claims"


def _recovery_steps(db: str) -> list[str]:
    return [
        "to recover:",
        f"  1. python -m dashboard doctor --db {db} --rescue NEW.sqlite",
        "     copies every article that can still be read, with all its claims, into a new database",
        "  2. python -m dashboard ingest FOLDER... --db NEW.sqlite",
        "     stores again, from the article files, what the damage took (rescued articles stay unchanged)",
        f"  3. keep {db} aside until NEW.sqlite holds what you expect, then use NEW.sqlite in its place",
    ]


def run(args: argparse.Namespace) -> int:
    """Print the diagnosis (and rescue when asked); exit 1 when the database is damaged."""
    from dashboard.store import database as store
    from dashboard.store.migrations import LATEST_VERSION
    from dashboard.store.rescue import rescue

    db = str(args.db or store.database_path())
    if args.rescue and Path(args.rescue).exists():
        raise UserError(f"{args.rescue}: already exists; give a new file for the rescued database")
    try:
        conn = store.open_read_only(db)
    except store.DamagedDatabase as exc:  # not even the schema can be read: nothing to rescue
        print(f"database: {store.describe(db)}")
        print(f"the file cannot be read as a database ({exc.__cause__ or exc})")
        print("to recover: nothing in it can be rescued; store the articles again in a new database:")
        print("  python -m dashboard ingest FOLDER... --db NEW.sqlite")
        print(f"  then use NEW.sqlite in place of {db}")
        return 1
    try:
        print(f"database: {store.describe(db)}")
        print(f"schema {store.schema_version(conn)} (this program knows up to {LATEST_VERSION})")
        print(f"holds: {_holdings(conn)}")
        if args.rescue:
            target = store.connect(args.rescue)
            try:
                done = rescue(conn, target)
            finally:
                target.close()
            print(f"rescued {done.articles} articles with {done.claims} claims into {args.rescue}")
            if done.duplicates:
                print(f"{done.duplicates} articles held the same text as another and were copied once")
            if done.lost:
                print(f"{done.lost} articles could not be read; ingest their folders into {args.rescue} again")
            return 0
        if store.is_postgres(db):
            print("integrity: kept by the PostgreSQL server (pg_amcheck checks its pages and indexes)")
            return 0
        problems = store.integrity_problems(conn, full=True)
    finally:
        conn.close()
    if not problems:
        print("integrity: ok")
        return 0
    print(f"integrity: damaged ({len(problems)} problems found; the first ones below)")
    print("\n".join(f"  {line}" for line in problems[:5]))
    print("\n".join(_recovery_steps(db)))
    return 1
