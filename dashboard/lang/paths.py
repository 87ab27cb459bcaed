"""Where the product's files live: the data folder, the default database, the seeds."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "data"
SEEDS_DIR = REPO_ROOT / "seeds"
DEFAULT_DB = DATA_DIR / "claims.sqlite"
DB_HELP = "database file or postgresql://user@host:port/db URL (default: $CLAIMS_DB or data/claims.sqlite)"


def database_path() -> Path | str:
    """The database: ``$CLAIMS_DB`` when set, else ``data/claims.sqlite``. A file path is a :class:`Path`;
    a server's URL (``postgresql://reporter@db.example/claims``) stays the text it is."""
    env = os.environ.get("CLAIMS_DB", "").strip()
    if "://" in env:
        return env
    return Path(env) if env else DEFAULT_DB
