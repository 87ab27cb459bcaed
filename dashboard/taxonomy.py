"""Load and validate the taxonomy kept as data files under ``data/``.

The canonical keys of ``docs/claims.md`` (units, metrics, programs, provinces) live in
``data/metrics.yaml``, ``data/programs.yaml``, ``data/units.yaml`` and
``data/provinces.tsv``. This module is the only reader of those files; everything else
asks it.

>>> tax = load_taxonomy()
>>> tax.metrics["jobs"].fa
'اشتغال'
>>> tax.provinces["Qazvin"].name_fa
'قزوین'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.datafiles import DataFileError, read_yaml_mapping
from dashboard.paths import DATA_DIR

NATIONAL = "National"
CANONICAL_UNITS = ("count", "IRR", "USD", "EUR", "W", "Wh", "percent", "ha", "tonne", "m3", "km", "m2", "other")


class TaxonomyError(DataFileError):
    """A taxonomy data file is missing, unreadable or inconsistent; the message names the file."""


@dataclass(frozen=True)
class Metric:
    """What a claim counts, e.g. ``jobs`` with heads «شغل», «فرصت شغلی»."""

    key: str
    fa: str
    en: str
    unit: str
    heads: tuple[str, ...]


@dataclass(frozen=True)
class Program:
    """A program such as ``note_16`` («تسهیلات تبصره ۱۶») with its cue words."""

    key: str
    fa: str
    en: str
    cues: tuple[str, ...]
    false_friends: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitWord:
    """A word after a number that gives its unit, e.g. «مگاوات» = W × 1e6."""

    word: str
    unit: str
    factor: float
    is_currency: bool


@dataclass(frozen=True)
class Province:
    """One of Iran's 31 provinces, e.g. ``Fars`` «فارس» with false friends «خلیج فارس»."""

    key: str
    iso: str
    name_fa: str
    capital_fa: str
    lat: float
    lon: float
    variants: tuple[str, ...]
    false_friends: tuple[str, ...]
    require_prefix: bool


@dataclass(frozen=True)
class County:
    """A county (شهرستان) and its province, e.g. «میناب» in ``Hormozgan``; ``needs_cue`` when the name is
    also a common word («نور», «بهار») and counts only after «شهرستان», «فرماندار» or as a dateline."""

    province: str
    name_fa: str
    name_en: str
    needs_cue: bool


@dataclass(frozen=True)
class Taxonomy:
    """Every canonical key with its Persian words."""

    metrics: dict[str, Metric]
    programs: dict[str, Program]
    units: dict[str, UnitWord]
    provinces: dict[str, Province]
    counties: tuple[County, ...] = ()
    data_dir: Path = field(default=DATA_DIR)

    @property
    def province_keys(self) -> list[str]:
        """The 31 province keys plus ``National``."""
        return [*self.provinces, NATIONAL]


def _read_yaml(path: Path) -> dict:
    return read_yaml_mapping(path, TaxonomyError)


def _words(path: Path, key: str, value: object, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{path}: {key}.{name} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _entry(path: Path, key: object, value: object, required: tuple[str, ...]) -> dict:
    if not isinstance(key, str) or not key.isidentifier():
        raise TaxonomyError(f"{path}: key {key!r} is not a plain identifier")
    if not isinstance(value, dict):
        raise TaxonomyError(f"{path}: {key} must be a mapping")
    for name in required:
        if not isinstance(value.get(name), str) or not value[name].strip():
            raise TaxonomyError(f"{path}: {key} lacks a non-empty '{name}'")
    return value


def load_metrics(path: Path) -> dict[str, Metric]:
    """Read ``metrics.yaml``."""
    metrics = {}
    for key, value in _read_yaml(path).items():
        entry = _entry(path, key, value, ("fa", "en"))
        unit = entry.get("unit", "count")
        if unit not in CANONICAL_UNITS:
            raise TaxonomyError(f"{path}: {key} has unknown unit {unit!r}")
        metrics[key] = Metric(key, entry["fa"], entry["en"], unit, _words(path, key, entry.get("heads"), "heads"))
    return metrics


def load_programs(path: Path) -> dict[str, Program]:
    """Read ``programs.yaml``."""
    programs = {}
    for key, value in _read_yaml(path).items():
        entry = _entry(path, key, value, ("fa", "en"))
        programs[key] = Program(
            key,
            entry["fa"],
            entry["en"],
            _words(path, key, entry.get("cues"), "cues"),
            _words(path, key, entry.get("false_friends"), "false_friends"),
        )
    return programs


def load_units(path: Path) -> dict[str, UnitWord]:
    """Read ``units.yaml``: currency words and measurement unit words."""
    data = _read_yaml(path)
    units: dict[str, UnitWord] = {}
    for section, is_currency in (("currencies", True), ("units", False)):
        block = data.get(section)
        if not isinstance(block, dict):
            raise TaxonomyError(f"{path}: missing section '{section}'")
        for word, spec in block.items():
            if not isinstance(spec, dict) or spec.get("unit") not in CANONICAL_UNITS:
                raise TaxonomyError(f"{path}: {section}.{word} needs a canonical 'unit'")
            factor = spec.get("factor")
            if not isinstance(factor, (int, float)) or factor <= 0:
                raise TaxonomyError(f"{path}: {section}.{word} needs a positive 'factor'")
            if word in units:
                raise TaxonomyError(f"{path}: unit word {word!r} appears twice")
            units[word] = UnitWord(str(word), spec["unit"], float(factor), is_currency)
    return units


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _tsv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated data file (``#`` lines are comments)."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            lines = [line for line in f if not line.startswith("#")]
    except FileNotFoundError:
        raise TaxonomyError(f"{path}: file not found") from None
    return list(csv.DictReader(lines, delimiter="\t"))


def load_counties(path: Path, provinces: dict[str, Province]) -> tuple[County, ...]:
    """Read ``counties.tsv``; every county names a known province, and no name stands twice."""
    counties: list[County] = []
    seen: set[str] = set()
    for lineno, row in enumerate(_tsv_rows(path), start=2):
        try:
            county = County(
                row["province"].strip(), row["county_fa"].strip(), row["county_en"].strip(), row["needs_cue"] == "yes"
            )
        except (KeyError, AttributeError) as exc:
            raise TaxonomyError(f"{path}: row {lineno} is malformed ({exc})") from None
        if county.province not in provinces:
            raise TaxonomyError(f"{path}: row {lineno} names unknown province {county.province!r}")
        if not county.name_fa or county.name_fa in seen:
            raise TaxonomyError(f"{path}: row {lineno}: county name {county.name_fa!r} is empty or appears twice")
        seen.add(county.name_fa)
        counties.append(county)
    return tuple(counties)


def load_provinces(path: Path) -> dict[str, Province]:
    """Read ``provinces.tsv`` (``#`` lines are comments)."""
    provinces = {}
    for lineno, row in enumerate(_tsv_rows(path), start=2):
        try:
            province = Province(
                key=row["key"].strip(),
                iso=row["iso"].strip(),
                name_fa=row["name_fa"].strip(),
                capital_fa=row["capital_fa"].strip(),
                lat=float(row["centroid_lat"]),
                lon=float(row["centroid_lon"]),
                variants=_split(row["variants"]),
                false_friends=_split(row["false_friends"]),
                require_prefix=row["require_prefix"].strip() == "yes",
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise TaxonomyError(f"{path}: row {lineno} is malformed ({exc})") from None
        if not province.key or not province.name_fa:
            raise TaxonomyError(f"{path}: row {lineno} lacks a key or a Persian name")
        if province.key in provinces:
            raise TaxonomyError(f"{path}: province {province.key!r} appears twice")
        provinces[province.key] = province
    return provinces


@lru_cache(maxsize=4)
def load_taxonomy(data_dir: Path = DATA_DIR) -> Taxonomy:
    """Load every taxonomy file from ``data_dir`` and check they agree with each other."""
    provinces = load_provinces(data_dir / "provinces.tsv")
    tax = Taxonomy(
        metrics=load_metrics(data_dir / "metrics.yaml"),
        programs=load_programs(data_dir / "programs.yaml"),
        units=load_units(data_dir / "units.yaml"),
        provinces=provinces,
        counties=load_counties(data_dir / "counties.tsv", provinces),
        data_dir=data_dir,
    )
    for required, where in (("other", "metrics.yaml"), ("general", "programs.yaml")):
        if required not in (tax.metrics if where == "metrics.yaml" else tax.programs):
            raise TaxonomyError(f"{data_dir / where}: the key {required!r} is required")
    return tax
