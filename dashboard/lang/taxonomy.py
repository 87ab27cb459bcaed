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

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.lang.data_schemas import CANONICAL_UNITS as CANONICAL_UNITS  # where the claims' units are listed
from dashboard.lang.data_schemas import (
    CountyRow,
    MetricsFile,
    ProgramsFile,
    ProvinceRow,
    UnitsFile,
)
from dashboard.lang.datafiles import DataFileError, load_data_file, load_tsv_rows
from dashboard.lang.paths import DATA_DIR

NATIONAL = "National"


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
    program: str | None = None  # the program its head noun already names («سرخوشه»: clusters)


@dataclass(frozen=True)
class Program:
    """A program such as ``note_16`` («تسهیلات تبصره ۱۶») with its cue words."""

    key: str
    fa: str
    en: str
    cues: tuple[str, ...]
    false_friends: tuple[str, ...] = ()
    # Cues that name the program only in an article that names it by one of ``cues`` too.
    weak_cues: tuple[str, ...] = ()


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
    def metric_programs(self) -> dict[str, str]:
        """Metric key → the program its head noun already names: «۱۲ سرخوشه» is of ``clusters``."""
        return {m.key: m.program for m in self.metrics.values() if m.program is not None}

    @property
    def province_keys(self) -> list[str]:
        """The 31 province keys plus ``National``."""
        return [*self.provinces, NATIONAL]


def load_metrics(path: Path) -> dict[str, Metric]:
    """Read ``metrics.yaml`` (shape: :class:`~dashboard.lang.data_schemas.MetricsFile`)."""
    return {
        key: Metric(key, e.fa, e.en, e.unit, tuple(e.heads or ()), e.program)
        for key, e in load_data_file(path, MetricsFile, TaxonomyError).root.items()
    }


def load_programs(path: Path) -> dict[str, Program]:
    """Read ``programs.yaml`` (shape: :class:`~dashboard.lang.data_schemas.ProgramsFile`)."""
    return {
        key: Program(key, e.fa, e.en, tuple(e.cues or ()), tuple(e.false_friends or ()), tuple(e.weak_cues or ()))
        for key, e in load_data_file(path, ProgramsFile, TaxonomyError).root.items()
    }


def load_units(path: Path) -> dict[str, UnitWord]:
    """Read ``units.yaml``: currency words and measurement unit words."""
    data = load_data_file(path, UnitsFile, TaxonomyError)
    units: dict[str, UnitWord] = {}
    for block, is_currency in ((data.currencies, True), (data.units, False)):
        for word, spec in block.items():
            units[word] = UnitWord(str(word), spec.unit, float(spec.factor), is_currency)
    return units


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def load_counties(path: Path, provinces: dict[str, Province]) -> tuple[County, ...]:
    """Read ``counties.tsv``; every county names a known province, and no name stands twice."""
    counties: list[County] = []
    seen: set[str] = set()
    for row in load_tsv_rows(path, CountyRow, TaxonomyError):
        county = County(row.province, row.county_fa, row.county_en, row.needs_cue == "yes")
        if county.province not in provinces:
            raise TaxonomyError(f"{path}: {county.name_fa}: unknown province {county.province!r}")
        if county.name_fa in seen:
            raise TaxonomyError(f"{path}: county name {county.name_fa!r} appears twice")
        seen.add(county.name_fa)
        counties.append(county)
    return tuple(counties)


def load_provinces(path: Path) -> dict[str, Province]:
    """Read ``provinces.tsv`` (``#`` lines are comments; shape: :class:`~dashboard.lang.data_schemas.ProvinceRow`)."""
    provinces = {}
    for row in load_tsv_rows(path, ProvinceRow, TaxonomyError):
        if row.key in provinces:
            raise TaxonomyError(f"{path}: province {row.key!r} appears twice")
        provinces[row.key] = Province(
            key=row.key,
            iso=row.iso,
            name_fa=row.name_fa,
            capital_fa=row.capital_fa,
            lat=row.centroid_lat,
            lon=row.centroid_lon,
            variants=_split(row.variants),
            false_friends=_split(row.false_friends),
            require_prefix=row.require_prefix == "yes",
        )
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
    for metric in tax.metrics.values():
        if metric.program is not None and metric.program not in tax.programs:
            raise TaxonomyError(f"{data_dir / 'metrics.yaml'}: {metric.key}: unknown program {metric.program!r}")
    return tax
