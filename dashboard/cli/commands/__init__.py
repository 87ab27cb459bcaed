"""One module per CLI command, each with ``register(subparsers)``; the options several commands share."""

from __future__ import annotations

import argparse

DB_HELP = "database file (default: $CLAIMS_DB or data/claims.sqlite)"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db FILE``: the database a command reads or writes (else ``$CLAIMS_DB``, else ``data/claims.sqlite``)."""
    parser.add_argument("--db", metavar="FILE", help=DB_HELP)
