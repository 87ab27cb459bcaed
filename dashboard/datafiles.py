"""Reading the YAML data files under ``data/``: one place that names the file when it is broken.

>>> from dashboard.paths import DATA_DIR
>>> "jobs" in read_yaml_mapping(DATA_DIR / "metrics.yaml")
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from dashboard.errors import UserError


class DataFileError(UserError, ValueError):
    """A data file is missing, is not YAML, or has the wrong shape; the message names the file."""


def read_yaml_mapping(path: Path, error: type[Exception] = DataFileError) -> dict[str, Any]:
    """The top-level mapping of a YAML file, or ``error`` with a message naming ``path``."""
    try:
        with path.open(encoding="utf-8") as f:
            data = yaml.safe_load(f)
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise error(f"{path}: expected a mapping at the top level")
    return data
