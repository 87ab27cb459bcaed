"""The command line: ``python -m dashboard COMMAND ...``.

Each command lives in its own module under ``dashboard/cli/commands`` and exposes
``register(subparsers)``; the function it sets as ``func`` returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

import sqlalchemy as sa

from dashboard import __version__
from dashboard.lang.errors import UserError

# Module names under dashboard.cli.commands, in the order --help lists them.
COMMAND_MODULES = ("extract", "ingest", "export", "stats", "check", "doctor", "rate", "reference")


class _Parser(argparse.ArgumentParser):
    """argparse that reports misuse as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser with every command registered."""
    parser = _Parser(
        prog="python -m dashboard",
        description="Track the figures officials claim in Persian news: extract, store, check, export.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"dashboard.cli.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; bad input ends as ``error: ...`` on stderr with a non-zero code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except sa.exc.ProgrammingError:  # a bug in this program, not a state of the database
        raise
    except sa.exc.DBAPIError as exc:  # the database failed under a command: name it, say what happened
        from dashboard.store import database as store

        print(f"error: {store.explain(getattr(args, 'db', None) or store.database_path(), exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
