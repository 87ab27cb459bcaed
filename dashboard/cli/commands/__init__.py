"""One module per CLI command, each with ``register(subparsers)``; the options several commands share."""

from __future__ import annotations

import argparse

from dashboard.lang.paths import DB_HELP


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db DB``: the database a command reads or writes, a file or a PostgreSQL URL (else ``$CLAIMS_DB``, else
    ``data/claims.sqlite``)."""
    parser.add_argument("--db", metavar="DB", help=DB_HELP)
