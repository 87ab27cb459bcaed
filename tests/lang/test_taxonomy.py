"""Integrity of the taxonomy data files under data/ against the spec and the boundaries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard.checks.timeline_checks import _reported
from dashboard.extract.programs import program_of
from dashboard.lang.check_config import load_check_config
from dashboard.lang.cues import load_cues
from dashboard.lang.persian import match_key
from dashboard.lang.taxonomy import (
    CANONICAL_UNITS,
    NATIONAL,
    TaxonomyError,
    load_metrics,
    load_provinces,
    load_taxonomy,
    load_units,
)
from dashboard.text.keyed_text import KeyedText

REPO = Path(__file__).resolve().parents[2]
SPEC = (REPO / "docs" / "claims.md").read_text(encoding="utf-8")


def _spec_table_keys(heading: str) -> set[str]:
    section = SPEC.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_0-9]+)` \|", section, re.M))


def test_metric_keys_are_the_spec_keys() -> None:
    assert set(load_taxonomy().metrics) == _spec_table_keys("Metrics (what is counted)")


def test_program_keys_are_the_spec_keys() -> None:
    assert set(load_taxonomy().programs) == _spec_table_keys("Programs")


def test_province_keys_are_the_spec_keys_and_match_the_boundaries() -> None:
    section = SPEC.split("## Provinces", 1)[1].split("\n## ", 1)[0]
    spec_keys = set(re.findall(r"`([A-Z][A-Za-z\- ]+)`", section)) - {NATIONAL}
    tax = load_taxonomy()
    assert set(tax.provinces) == spec_keys
    assert len(tax.provinces) == 31
    geo = json.loads((REPO / "data" / "geo" / "iran_provinces.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["name:en"] for f in geo["features"]} == set(tax.provinces)
    assert tax.province_keys[-1] == NATIONAL


def test_units_are_canonical_and_words_unique() -> None:
    units = load_units(REPO / "data" / "units.yaml")
    assert {u.unit for u in units.values()} <= set(CANONICAL_UNITS)
    assert units["تومان"].factor == 10 and units["همت"].factor == 1e13
    assert len({match_key(w) for w in units}) == len(units)


def test_province_names_variants_and_capitals_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    for p in load_taxonomy().provinces.values():
        for name in (p.name_fa, *p.variants):
            key = match_key(name)
            assert seen.setdefault(key, p.key) == p.key, f"{name} names two provinces"


def test_cue_file_loads_and_person_roles_are_metrics() -> None:
    cues = load_cues()
    assert set(cues.person_roles) <= set(load_taxonomy().metrics)
    assert "تبصره" in cues.label_before


def test_a_broken_province_file_is_reported_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "provinces.tsv"
    bad.write_text("key\tiso\nFars\tIR-07\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"provinces\.tsv"):
        load_provinces(bad)


def test_a_duplicate_province_is_refused(tmp_path: Path) -> None:
    src = (REPO / "data" / "provinces.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line for line in src if not line.startswith("#")]
    bad = tmp_path / "provinces.tsv"
    bad.write_text("\n".join([*rows, rows[1]]) + "\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="appears twice"):
        load_provinces(bad)


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "file not found"), ("jobs: [شغل\n", "not valid YAML"), ("- شغل\n- صندوق\n", "expected a mapping")],
)
def test_a_broken_yaml_data_file_is_named_with_its_problem(tmp_path: Path, content: str | None, problem: str) -> None:
    path = tmp_path / "metrics.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(TaxonomyError, match=rf"metrics\.yaml: {problem}"):
        load_metrics(path)


def test_a_metric_names_only_a_known_program(tmp_path: Path) -> None:
    for name in ("programs.yaml", "units.yaml", "provinces.tsv", "counties.tsv"):
        (tmp_path / name).write_bytes((REPO / "data" / name).read_bytes())
    metrics = (REPO / "data" / "metrics.yaml").read_text(encoding="utf-8")
    (tmp_path / "metrics.yaml").write_text(metrics.replace("program: clusters", "program: clusterz"), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"metrics\.yaml: clusters: unknown program 'clusterz'"):
        load_taxonomy(tmp_path)


def test_the_extractor_and_the_checks_read_one_metric_to_program_map() -> None:
    """A figure whose noun names its program («۱۲ سرخوشه») gets it from the extractor, and the checks compare a
    stored «general» one under it too (the checks' own map once left out the clusters)."""
    implied = load_taxonomy().metric_programs
    assert implied["clusters"] == "clusters" and implied["funds"] == "qard_al_hasan_funds"
    for metric, program in implied.items():
        assert program_of(KeyedText("۱۲ مورد در استان"), 0, 1, metric, 2) == program
    rows = pd.DataFrame(
        [
            {"status": "reported", "unit": "count", "metric": m, "per_item": False, "value": 12.0, "program": "general"}
            for m in [*implied, "jobs"]
        ]
    )
    compared = _reported(rows, load_check_config(), "repeated_claim")
    assert compared["program"].tolist() == [*implied.values(), "general"]
