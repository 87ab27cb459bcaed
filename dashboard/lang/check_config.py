"""The checks' thresholds and word lists (``data/checks.yaml``, ``data/period_cues.yaml``).

Word lists come back as written; the checks look them up with the one phrase matcher
(:mod:`dashboard.text.phrases`), where «#» stands for a number.

>>> cues = load_check_config()
>>> "روزانه" in cues.word_list("unit_misuse", "time_words"), "# سال اخیر" in cues.period_list("period")
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dashboard.lang.datafiles import read_yaml_mapping
from dashboard.lang.errors import UserError
from dashboard.lang.paths import DATA_DIR

CHECKS_FILE = DATA_DIR / "checks.yaml"
PERIOD_CUES_FILE = DATA_DIR / "period_cues.yaml"


def _read(path: Path) -> dict[str, Any]:
    return read_yaml_mapping(path, UserError)


@dataclass(frozen=True, eq=False)
class CheckConfig:
    """The loaded settings with accessors that name the file when something is missing."""

    checks: dict[str, Any]
    periods: dict[str, Any]
    checks_path: Path
    periods_path: Path

    def section(self, name: str) -> dict[str, Any]:
        block = self.checks.get(name)
        if not isinstance(block, dict):
            raise UserError(f"{self.checks_path}: missing section '{name}'")
        return block

    def number(self, section: str | None, key: str) -> float:
        block = self.checks if section is None else self.section(section)
        value = block.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            where = key if section is None else f"{section}.{key}"
            raise UserError(f"{self.checks_path}: '{where}' must be a non-negative number")
        return float(value)

    def word_list(self, section: str | None, key: str) -> tuple[str, ...]:
        block = self.checks if section is None else self.section(section)
        value = block.get(key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            where = key if section is None else f"{section}.{key}"
            raise UserError(f"{self.checks_path}: '{where}' must be a list of words")
        return tuple(value)

    def period_list(self, key: str) -> tuple[str, ...]:
        """The period cues of one kind (``cumulative`` or ``period``) of ``data/period_cues.yaml``."""
        value = self.periods.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise UserError(f"{self.periods_path}: '{key}' must be a list of words")
        return tuple(value)


@cache
def load_check_config(checks_path: Path = CHECKS_FILE, periods_path: Path = PERIOD_CUES_FILE) -> CheckConfig:
    """Read both files once; a bad file raises :class:`UserError` naming it."""
    return CheckConfig(_read(checks_path), _read(periods_path), checks_path, periods_path)
