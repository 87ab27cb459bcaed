"""The checks' thresholds and word lists (``data/checks.yaml``, ``data/period_cues.yaml``).

Cue words become regular expressions that run on :func:`fold_text` output, so offsets
stay those of the original text, and spaces or zero-width non-joiners inside a cue are
optional: «راه‌اندازی شده» also finds «راهاندازی شده».

>>> cues = load_check_config()
>>> bool(cues.words("unit_misuse", "time_words").search(fold_text("روزانه ۱۵ مگاوات")))
True
>>> bool(cue_regex(["# سال اخیر"]).search(fold_text("طی ۴ سال اخیر")))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dashboard.lang.datafiles import read_yaml_mapping
from dashboard.lang.errors import UserError
from dashboard.lang.number_words import TEEN, UNIT, load_number_words
from dashboard.lang.paths import DATA_DIR
from dashboard.lang.persian import fold_text

CHECKS_FILE = DATA_DIR / "checks.yaml"
PERIOD_CUES_FILE = DATA_DIR / "period_cues.yaml"

_GAP = r"[\s\u200c]*"
_LETTER = r"[^\W\d_]"


@cache
def _number_pattern() -> str:
    """«#» in a cue: one number written in digits (with separators) or as a word of ``data/number_words.yaml``."""
    words = sorted({fold_text(w) for w in load_number_words().words}, key=len, reverse=True)
    spelled = "|".join(_GAP.join(map(re.escape, w.split())) for w in words)
    return rf"(?:[0-9۰-۹]+(?:[٬,٫./][0-9۰-۹]+)*|(?:{spelled})(?!{_LETTER}))"


def _cue_pattern(word: str) -> str:
    word = fold_text(word).strip()
    # Words of a cue may be written apart, with a ZWNJ, or run together («راه‌اندازی», «راهاندازی»).
    body = _GAP.join(_number_pattern() if token == "#" else re.escape(token) for token in word.split())
    # Short words need a boundary after them too («آن» is not «آنچه»).
    tail = rf"(?!{_LETTER})" if len(word.replace(" ", "")) <= 3 else ""
    return body + tail


def cue_regex(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One regex finding any of ``words`` (longest first) in folded text; never matches when empty."""
    if not words:
        return re.compile(r"(?!x)x")
    ordered = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    return re.compile(rf"(?<!{_LETTER})(?:" + "|".join(_cue_pattern(w) for w in ordered) + ")")


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

    def words(self, section: str | None, key: str) -> re.Pattern[str]:
        return _compiled(self, section, key)

    def period_words(self, key: str) -> re.Pattern[str]:
        return _compiled_period(self, key)

    def number_words(self) -> dict[str, int]:
        """The words for one to ten of ``data/number_words.yaml`` (a count of categories: «در سه دسته»)."""
        return {
            fold_text(word): value
            for word, (kind, value) in load_number_words().words.items()
            if kind in (UNIT, TEEN) and 1 <= value <= 10
        }


@cache
def _compiled(config: CheckConfig, section: str | None, key: str) -> re.Pattern[str]:
    return cue_regex(config.word_list(section, key))


@cache
def _compiled_period(config: CheckConfig, key: str) -> re.Pattern[str]:
    value = config.periods.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise UserError(f"{config.periods_path}: '{key}' must be a list of words")
    return cue_regex(value)


@cache
def load_check_config(checks_path: Path = CHECKS_FILE, periods_path: Path = PERIOD_CUES_FILE) -> CheckConfig:
    """Read both files once; a bad file raises :class:`UserError` naming it."""
    return CheckConfig(_read(checks_path), _read(periods_path), checks_path, periods_path)
