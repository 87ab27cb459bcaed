"""Where the product's files live: the data folder, the default database, the seeds."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "data"
SEEDS_DIR = REPO_ROOT / "seeds"
DEFAULT_DB = DATA_DIR / "claims.sqlite"


def database_path() -> Path:
    """The database file: ``$CLAIMS_DB`` when set, else ``data/claims.sqlite``."""
    env = os.environ.get("CLAIMS_DB", "").strip()
    return Path(env) if env else DEFAULT_DB
